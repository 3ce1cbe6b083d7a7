/*
 * split — a pool shared among organisations by weights with the
 * largest-remainder method (spec §4.4, TV-6, TV-7).
 *
 * The pool, in øre, is split in multiples of a unit (100 = whole
 * kroner): each row first gets the floor of pool × weight / Σ weights
 * (in units), and the units left over go one each to the rows with the
 * largest remainders; ties go to the larger weight, then the lower
 * organisation code. So the shares always sum exactly to the pool. A
 * negative pool (a surplus to return) keeps its sign: |pool| is split
 * and every share negated. Exact integer arithmetic with 128-bit
 * intermediates. Pure: no I/O, no allocation.
 */
#ifndef RAMME_SPLIT_H
#define RAMME_SPLIT_H

#include <stddef.h>
#include <stdint.h>

struct err;

/* Most rows one split takes (more municipalities than Denmark has). */
#define SPLIT_MAX_ROWS	1000

/* One participant of a split. */
struct split_row {
	const char	*code;		/* organisation code, e.g. "851";
					   non-empty, unique in the split;
					   not copied */
	int64_t		 weight;	/* key value (inhabitants,
					   children, days, ...), ≥ 0 */
	int64_t		 amount_ore;	/* out: the share in øre, a multiple
					   of the unit, with the pool's sign */
};

/*
 * Split pool_ore among rows[0..n-1] by their weights in multiples of
 * unit_ore, writing each row's amount_ore; Σ amount_ore == pool_ore.
 * unit_ore ≥ 1 and pool_ore a multiple of it; weights ≥ 0 with a sum
 * > 0 (at most INT64_MAX); 1 ≤ n ≤ SPLIT_MAX_ROWS; codes non-empty and
 * unique. Ties in remainder go to the larger weight, then the lower
 * code (numeric codes compare as numbers, others byte-wise).
 * Returns 0, or ERR_INVALID with e naming the field ("weights",
 * "pool_ore", "unit_ore") and saying in Danish why; on error no
 * amount_ore is changed.
 */
int	split_allocate(int64_t pool_ore, int64_t unit_ore,
	    struct split_row *rows, size_t n, struct err *e);

/*
 * Order of two organisation codes as split_allocate() breaks ties:
 * < 0 if a is lower than b, 0 if equal, > 0 if higher. Codes of digits
 * only compare as numbers ("773" < "1081"); otherwise byte-wise.
 */
int	split_code_cmp(const char *a, const char *b);

#endif
