/*
 * pl — price-and-wage series and exact fixed-price restatement (see pl.h).
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/pl.h"
#include "util/err.h"

int
pl_pct_parse(const char *s, int64_t *pct_e4)
{
	int64_t	whole = 0, frac = 0;
	int	ndec = 0, ndig = 0;
	bool	neg = false;

	if (s == NULL)
		return ERR_INVALID;
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	for (; isdigit((unsigned char)*s); s++, ndig++) {
		if (whole > INT64_C(100000000))
			return ERR_INVALID;
		whole = whole * 10 + (*s - '0');
	}
	if (*s == '.' || *s == ',') {
		s++;
		for (; isdigit((unsigned char)*s); s++, ndec++) {
			if (ndec == 4) {
				if (*s != '0')
					return ERR_INVALID;
				continue;
			}
			frac = frac * 10 + (*s - '0');
		}
		if (ndec == 0)
			return ERR_INVALID;
	}
	if (ndig == 0)
		return ERR_INVALID;
	while (isspace((unsigned char)*s))
		s++;
	if (*s != '\0')
		return ERR_INVALID;
	for (; ndec < 4; ndec++)
		frac *= 10;
	*pct_e4 = (whole * PL_PCT_SCALE + frac) * (neg ? -1 : 1);
	return 0;
}

int
pl_pct_str(int64_t pct_e4, char *out, size_t n)
{
	uint64_t	a = pct_e4 < 0 ? -(uint64_t)pct_e4 : (uint64_t)pct_e4;
	char		frac[8];
	int		len, i;

	snprintf(frac, sizeof(frac), "%04" PRIu64, a % PL_PCT_SCALE);
	for (i = 3; i >= 0 && frac[i] == '0'; i--)
		frac[i] = '\0';
	if (frac[0] == '\0')
		len = snprintf(out, n, "%s%" PRIu64, pct_e4 < 0 ? "-" : "",
		    a / PL_PCT_SCALE);
	else
		len = snprintf(out, n, "%s%" PRIu64 ".%s",
		    pct_e4 < 0 ? "-" : "", a / PL_PCT_SCALE, frac);
	return len < 0 || (size_t)len >= n ? -1 : 0;
}

int
pl_check(const struct pl_year *ys, size_t n, struct err *e)
{
	char	pct[24];
	size_t	i, j;

	if (n > PL_YEARS_MAX)
		return err_set(e, ERR_INVALID, "pl_too_many_years", "year",
		    "PL-serien har flere end %d år", PL_YEARS_MAX);
	for (i = 0; i < n; i++) {
		if (ys[i].year < PL_YEAR_MIN || ys[i].year > PL_YEAR_MAX)
			return err_set(e, ERR_INVALID, "pl_year_range", "year",
			    "Året %d ligger uden for %d–%d", ys[i].year,
			    PL_YEAR_MIN, PL_YEAR_MAX);
		if (ys[i].pct_e4 < PL_PCT_MIN || ys[i].pct_e4 > PL_PCT_MAX) {
			if (pl_pct_str(ys[i].pct_e4, pct, sizeof(pct)) != 0)
				snprintf(pct, sizeof(pct), "?");
			return err_set(e, ERR_INVALID, "pl_pct_range",
			    "pct_change", "Ændringen for %d (%s %%) skal "
			    "ligge mellem −50 %% og 100 %%", ys[i].year, pct);
		}
		for (j = 0; j < i; j++)
			if (ys[j].year == ys[i].year)
				return err_set(e, ERR_INVALID, "pl_year_twice",
				    "year", "PL-serien har %d flere gange",
				    ys[i].year);
	}
	return 0;
}

static const struct pl_year *
find_year(const struct pl_year *ys, size_t n, int year)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ys[i].year == year)
			return &ys[i];
	return NULL;
}

int
pl_factor(const struct pl_year *ys, size_t n, int from, int to, mpq_t out,
    struct err *e)
{
	const struct pl_year	*y;
	mpq_t			 step;
	int			 lo, hi, year, rc;

	if ((rc = pl_check(ys, n, e)) != 0)
		return rc;
	if (from < PL_YEAR_MIN || from > PL_YEAR_MAX)
		return err_set(e, ERR_INVALID, "pl_year_range", "from_year",
		    "Året %d ligger uden for %d–%d", from, PL_YEAR_MIN,
		    PL_YEAR_MAX);
	if (to < PL_YEAR_MIN || to > PL_YEAR_MAX)
		return err_set(e, ERR_INVALID, "pl_year_range", "to_year",
		    "Året %d ligger uden for %d–%d", to, PL_YEAR_MIN,
		    PL_YEAR_MAX);
	lo = from < to ? from : to;
	hi = from < to ? to : from;
	for (year = lo + 1; year <= hi; year++)
		if (find_year(ys, n, year) == NULL)
			return err_set(e, ERR_INVALID, "pl_year_missing",
			    "year", "PL-serien mangler %d", year);
	mpq_set_ui(out, 1, 1);
	mpq_init(step);
	for (year = lo + 1; year <= hi; year++) {
		y = find_year(ys, n, year);
		/* 1 + pct_e4 / (100 × 10000) */
		mpq_set_si(step, (long)(y->pct_e4 + 100 * PL_PCT_SCALE),
		    100UL * PL_PCT_SCALE);
		mpq_canonicalize(step);
		mpq_mul(out, out, step);
	}
	mpq_clear(step);
	if (from > to)
		mpq_inv(out, out);
	return 0;
}

int
pl_round(const mpq_t q, int64_t unit, int64_t *out)
{
	mpz_t	a, d, r, twice;
	bool	neg;
	int	rc = 0;

	if (unit < 1)
		return ERR_INVALID;
	mpz_inits(a, d, r, twice, NULL);
	/* |q| / unit = |num| / (den × unit), then half-up on the magnitude */
	mpz_abs(a, mpq_numref(q));
	mpz_mul_si(d, mpq_denref(q), (long)unit);
	neg = mpq_sgn(q) < 0;
	mpz_tdiv_qr(a, r, a, d);
	mpz_mul_2exp(twice, r, 1);
	if (mpz_cmp(twice, d) >= 0)
		mpz_add_ui(a, a, 1);
	mpz_mul_si(a, a, (long)unit);
	if (neg)
		mpz_neg(a, a);
	if (!mpz_fits_slong_p(a) || sizeof(long) < sizeof(int64_t))
		rc = ERR_INVALID;
	else
		*out = (int64_t)mpz_get_si(a);
	mpz_clears(a, d, r, twice, NULL);
	return rc;
}

int
pl_restate_ore(int64_t amount_ore, const mpq_t factor, int64_t *out,
    struct err *e)
{
	mpq_t	q;
	int	rc;

	mpq_init(q);
	mpq_set_si(q, (long)amount_ore, 1);
	mpq_mul(q, q, factor);
	rc = pl_round(q, 1, out);
	mpq_clear(q);
	if (rc != 0)
		return err_set(e, ERR_INVALID, "amount_too_large", "amount_ore",
		    "Beløbet er for stort til at blive fremskrevet");
	return 0;
}

int
pl_restate(const struct pl_year *ys, size_t n, int from, int to,
    int64_t amount_ore, mpq_t factor_out, int64_t *out, struct err *e)
{
	mpq_t	f;
	int	rc;

	mpq_init(f);
	if ((rc = pl_factor(ys, n, from, to, f, e)) == 0 &&
	    (rc = pl_restate_ore(amount_ore, f, out, e)) == 0 &&
	    factor_out != NULL)
		mpq_set(factor_out, f);
	mpq_clear(f);
	return rc;
}

int
pl_mpq_str(const mpq_t q, int decimals, char *out, size_t n)
{
	mpz_t	a, d, r, twice, scale;
	size_t	len;
	char	*digits;
	bool	neg;
	int	rc = -1;

	if (decimals < 0 || decimals > 30 || n == 0)
		return -1;
	mpz_inits(a, d, r, twice, scale, NULL);
	mpz_ui_pow_ui(scale, 10, (unsigned long)decimals);
	mpz_abs(a, mpq_numref(q));
	mpz_mul(a, a, scale);
	mpz_set(d, mpq_denref(q));
	mpz_tdiv_qr(a, r, a, d);
	mpz_mul_2exp(twice, r, 1);
	if (mpz_cmp(twice, d) >= 0)
		mpz_add_ui(a, a, 1);
	neg = mpq_sgn(q) < 0 && mpz_sgn(a) != 0;
	digits = mpz_get_str(NULL, 10, a);
	len = strlen(digits);
	{
		/* pad to at least decimals + 1 digits: "5" → "0.05" */
		size_t	 pad = len <= (size_t)decimals ?
			    (size_t)decimals + 1 - len : 0;
		size_t	 total = (neg ? 1 : 0) + pad + len +
			    (decimals > 0 ? 1 : 0);
		size_t	 intlen = pad + len - (size_t)decimals, i, o = 0;

		if (total + 1 <= n) {
			if (neg)
				out[o++] = '-';
			for (i = 0; i < pad + len; i++) {
				if (i == intlen)
					out[o++] = '.';
				out[o++] = i < pad ? '0' : digits[i - pad];
			}
			out[o] = '\0';
			rc = 0;
		}
	}
	free(digits);
	mpz_clears(a, d, r, twice, scale, NULL);
	return rc;
}

static int
cmp_point(const void *a, const void *b)
{
	const struct pl_index_point *x = a, *y = b;

	return (x->year > y->year) - (x->year < y->year);
}

int
pl_index(const struct pl_year *ys, size_t n, int base_year,
    struct pl_index_point *pts, size_t maxpts, size_t *npts, struct err *e)
{
	mpq_t	f;
	size_t	i, k = 0;
	int64_t	v;
	int	rc;

	*npts = 0;
	if ((rc = pl_check(ys, n, e)) != 0)
		return rc;
	if (find_year(ys, n, base_year) == NULL)
		return err_set(e, ERR_INVALID, "pl_year_missing", "base_year",
		    "PL-serien mangler %d", base_year);
	mpq_init(f);
	for (i = 0; i < n && rc == 0; i++) {
		if (pl_factor(ys, n, base_year, ys[i].year, f, NULL) != 0)
			continue;
		if (k == maxpts) {
			rc = err_set(e, ERR_INVALID, "pl_too_many_years",
			    "year", "For mange år i indekset");
			break;
		}
		/* 100 × factor, in ten-thousandths */
		mpz_mul_ui(mpq_numref(f), mpq_numref(f), 100UL * 10000UL);
		mpq_canonicalize(f);
		if (pl_round(f, 1, &v) != 0) {
			rc = err_set(e, ERR_INVALID, "pl_index_range", "year",
			    "Indekset for %d er for stort", ys[i].year);
			break;
		}
		pts[k].year = ys[i].year;
		pts[k].index_e4 = v;
		k++;
	}
	mpq_clear(f);
	if (rc != 0)
		return rc;
	qsort(pts, k, sizeof(*pts), cmp_point);
	*npts = k;
	return 0;
}
