/*
 * money — exact arithmetic on amounts in øre and on percentages.
 *
 * Money is never a double. Amounts are int64_t øre; percentages are
 * basis points, i.e. hundredths of a percent (95 % = 9500); quotients
 * such as a tariff before rounding are exact fractions (struct ratio)
 * with 128-bit parts, rounded only where a rule says so and with the
 * rounding mode the rule names. Pure: no I/O, no allocation.
 */
#ifndef RAMME_MONEY_H
#define RAMME_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MONEY_BP_ONE		10000	/* 100 % in basis points */
/*
 * Largest amount, in øre, that may enter a calculation from outside
 * (100 billion kroner). With every input below this, sums of a few dozen
 * lines cannot overflow int64_t and products stay well inside 128 bits.
 */
#define MONEY_INPUT_MAX_ORE	INT64_C(10000000000000)

enum round_mode {
	ROUND_HALF_UP = 0,	/* halves away from zero: 2.5 → 3, −2.5 → −3 */
	ROUND_HALF_EVEN,	/* halves to the even neighbour: 2.5 → 2 */
	ROUND_DOWN,		/* toward zero (truncate): 2.9 → 2 */
	ROUND_UP,		/* away from zero: 2.1 → 3 */
	ROUND_MODE_COUNT
};

/* An exact fraction num/den; den > 0 in every value this module returns. */
struct ratio {
	__int128	num;
	__int128	den;
};

/* API name of a mode ("half_up", "half_even", "down", "up"); "" if unknown. */
const char	*money_round_mode_name(enum round_mode m);
/* Parse an API name; 0, or -1 if unknown. */
int		 money_round_mode_parse(const char *s, enum round_mode *out);

/*
 * Round num/den to the nearest multiple of unit (unit ≥ 1; e.g. 100 to
 * round øre to whole kroner) by mode, into *out (same unit as num/den).
 * Returns 0, or ERR_INVALID if den is 0, unit < 1, the mode is unknown
 * or the result does not fit int64_t.
 */
int		 money_round(__int128 num, __int128 den, int64_t unit,
		    enum round_mode mode, int64_t *out);
/* money_round() of an exact fraction. */
int		 money_round_ratio(struct ratio r, int64_t unit,
		    enum round_mode mode, int64_t *out);
/*
 * amount × bp / 10000 (bp in basis points) rounded by mode to whole øre.
 * Returns 0 or ERR_INVALID on overflow or an unknown mode.
 */
int		 money_pct(int64_t amount_ore, int64_t bp, enum round_mode mode,
		    int64_t *out);
/*
 * *acc += v, or ERR_INVALID (and *acc unchanged) if the sum overflows.
 */
int		 money_add(int64_t *acc, int64_t v);
/*
 * r as a decimal string "228310.5023" with at most `decimals` decimals
 * (0..18), rounded half away from zero at the last one, trailing zeros
 * and a bare point removed ("3504", "-0.5"). Writes at most n bytes
 * including the NUL. Returns 0, or -1 if den is 0 or out is too small.
 */
int		 money_ratio_str(struct ratio r, int decimals, char *out,
		    size_t n);
/* True if r is a whole number (den divides num). */
bool		 money_ratio_is_int(struct ratio r);
/* The fraction with sign on num and no common factor (den ≠ 0). */
struct ratio	 money_ratio_reduce(struct ratio r);

#endif
