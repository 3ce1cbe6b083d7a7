/*
 * split — largest-remainder split of a pool (see split.h).
 */
#include <stdbool.h>
#include <string.h>

#include "core/split.h"
#include "util/err.h"

static bool
all_digits(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

int
split_code_cmp(const char *a, const char *b)
{
	size_t	la, lb;

	if (all_digits(a) && all_digits(b)) {
		while (a[0] == '0' && a[1] != '\0')
			a++;
		while (b[0] == '0' && b[1] != '\0')
			b++;
		la = strlen(a);
		lb = strlen(b);
		if (la != lb)
			return la < lb ? -1 : 1;
	}
	return strcmp(a, b);
}

/* Check the rows; the sum of the weights into *sum. */
static int
check_rows(const struct split_row *rows, size_t n, __int128 *sum,
    struct err *e)
{
	size_t	i, j;

	if (n == 0)
		return err_set(e, ERR_INVALID, "no_weights", "weights",
		    "Der er ingen at fordele puljen mellem");
	if (n > SPLIT_MAX_ROWS)
		return err_set(e, ERR_INVALID, "too_many_weights", "weights",
		    "Der kan højst fordeles mellem %d", SPLIT_MAX_ROWS);
	*sum = 0;
	for (i = 0; i < n; i++) {
		if (rows[i].code == NULL || rows[i].code[0] == '\0')
			return err_set(e, ERR_INVALID, "missing_code",
			    "weights", "En vægt mangler sin kode");
		if (rows[i].weight < 0)
			return err_set(e, ERR_INVALID, "negative_weight",
			    "weights", "Vægten for %s er negativ (%lld); en "
			    "fordelingsnøgle kan ikke være negativ",
			    rows[i].code, (long long)rows[i].weight);
		for (j = 0; j < i; j++)
			if (strcmp(rows[i].code, rows[j].code) == 0)
				return err_set(e, ERR_INVALID,
				    "duplicate_code", "weights",
				    "%s står to gange i fordelingen",
				    rows[i].code);
		*sum += rows[i].weight;
	}
	if (*sum == 0)
		return err_set(e, ERR_INVALID, "zero_weights", "weights",
		    "Alle vægte er 0, så der er intet at fordele efter");
	if (*sum > INT64_MAX)
		return err_set(e, ERR_INVALID, "weights_too_large", "weights",
		    "Summen af vægtene er for stor");
	return 0;
}

/* Whether row a goes before row b for a leftover unit. */
static bool
before(__int128 rem_a, const struct split_row *a, __int128 rem_b,
    const struct split_row *b)
{
	if (rem_a != rem_b)
		return rem_a > rem_b;
	if (a->weight != b->weight)
		return a->weight > b->weight;
	return split_code_cmp(a->code, b->code) < 0;
}

int
split_allocate(int64_t pool_ore, int64_t unit_ore, struct split_row *rows,
    size_t n, struct err *e)
{
	__int128	sum = 0, units, given, rem, best_rem = 0;
	size_t		i, best;
	bool		neg;
	int		rc;

	if (unit_ore < 1)
		return err_set(e, ERR_INVALID, "invalid_unit", "unit_ore",
		    "Enheden skal være mindst 1 øre");
	if (pool_ore == INT64_MIN)
		return err_set(e, ERR_INVALID, "pool_too_large", "pool_ore",
		    "Puljen er for stor");
	if (pool_ore % unit_ore != 0)
		return err_set(e, ERR_INVALID, "pool_not_multiple",
		    "pool_ore", "Puljen (%lld øre) skal gå op i enheden "
		    "(%lld øre)", (long long)pool_ore, (long long)unit_ore);
	if ((rc = check_rows(rows, n, &sum, e)) != 0)
		return rc;

	neg = pool_ore < 0;
	units = (neg ? -(__int128)pool_ore : pool_ore) / unit_ore;
	/* units ≤ 2^63 and weight < 2^63: the product fits 128 bits. */
	given = 0;
	for (i = 0; i < n; i++) {
		rows[i].amount_ore = (int64_t)(units * rows[i].weight / sum);
		given += rows[i].amount_ore;
	}
	/* Fewer than n units are left; each goes to the best row left. */
	for (; given < units; given++) {
		best = n;
		for (i = 0; i < n; i++) {
			if (rows[i].amount_ore != units * rows[i].weight / sum)
				continue;	/* already got one */
			rem = units * rows[i].weight % sum;
			if (best == n || before(rem, &rows[i], best_rem,
			    &rows[best])) {
				best = i;
				best_rem = rem;
			}
		}
		rows[best].amount_ore++;
	}
	for (i = 0; i < n; i++) {
		rows[i].amount_ore *= unit_ore;
		if (neg)
			rows[i].amount_ore = -rows[i].amount_ore;
	}
	return 0;
}
