/*
 * money — exact øre and percentage arithmetic (see money.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/money.h"
#include "util/err.h"

static const char *const mode_names[ROUND_MODE_COUNT] = {
	[ROUND_HALF_UP]		= "half_up",
	[ROUND_HALF_EVEN]	= "half_even",
	[ROUND_DOWN]		= "down",
	[ROUND_UP]		= "up",
};

const char *
money_round_mode_name(enum round_mode m)
{
	return (unsigned)m < ROUND_MODE_COUNT ? mode_names[m] : "";
}

int
money_round_mode_parse(const char *s, enum round_mode *out)
{
	int i;

	if (s == NULL)
		return -1;
	for (i = 0; i < ROUND_MODE_COUNT; i++)
		if (strcmp(s, mode_names[i]) == 0) {
			*out = (enum round_mode)i;
			return 0;
		}
	return -1;
}

/*
 * |num| / d rounded by mode, for d > 0; the quotient is non-negative.
 * Rounding is applied to the magnitude so that "half up" means away
 * from zero for negative amounts too (commercial rounding).
 */
static unsigned __int128
round_magnitude(unsigned __int128 a, unsigned __int128 d, enum round_mode mode)
{
	unsigned __int128 q = a / d, r = a % d;

	switch (mode) {
	case ROUND_HALF_UP:
		if (r >= d - r)
			q++;
		break;
	case ROUND_HALF_EVEN:
		if (r > d - r || (r == d - r && (q & 1) != 0))
			q++;
		break;
	case ROUND_UP:
		if (r != 0)
			q++;
		break;
	case ROUND_DOWN:
	default:
		break;
	}
	return q;
}

int
money_round(__int128 num, __int128 den, int64_t unit, enum round_mode mode,
    int64_t *out)
{
	unsigned __int128	a, d, q;
	int			neg;

	if (den == 0 || unit < 1 || (unsigned)mode >= ROUND_MODE_COUNT)
		return ERR_INVALID;
	neg = (num < 0) != (den < 0);
	a = num < 0 ? -(unsigned __int128)num : (unsigned __int128)num;
	d = den < 0 ? -(unsigned __int128)den : (unsigned __int128)den;
	if (d > ~(unsigned __int128)0 / (unsigned __int128)unit)
		return ERR_INVALID;
	q = round_magnitude(a, d * (unsigned __int128)unit, mode);
	if (q > (unsigned __int128)(INT64_MAX / unit))
		return ERR_INVALID;
	*out = (int64_t)q * unit;
	if (neg)
		*out = -*out;
	return 0;
}

int
money_round_ratio(struct ratio r, int64_t unit, enum round_mode mode,
    int64_t *out)
{
	return money_round(r.num, r.den, unit, mode, out);
}

int
money_pct(int64_t amount_ore, int64_t bp, enum round_mode mode, int64_t *out)
{
	return money_round((__int128)amount_ore * bp, MONEY_BP_ONE, 1, mode,
	    out);
}

int
money_add(int64_t *acc, int64_t v)
{
	int64_t s;

	if (__builtin_add_overflow(*acc, v, &s))
		return ERR_INVALID;
	*acc = s;
	return 0;
}

static unsigned __int128
gcd_u128(unsigned __int128 a, unsigned __int128 b)
{
	unsigned __int128 t;

	while (b != 0) {
		t = a % b;
		a = b;
		b = t;
	}
	return a;
}

struct ratio
money_ratio_reduce(struct ratio r)
{
	unsigned __int128	a, d, g;
	int			neg;
	struct ratio		out;

	neg = (r.num < 0) != (r.den < 0);
	a = r.num < 0 ? -(unsigned __int128)r.num : (unsigned __int128)r.num;
	d = r.den < 0 ? -(unsigned __int128)r.den : (unsigned __int128)r.den;
	g = gcd_u128(a, d);
	if (g > 1) {
		a /= g;
		d /= g;
	}
	out.num = neg ? -(__int128)a : (__int128)a;
	out.den = (__int128)d;
	return out;
}

bool
money_ratio_is_int(struct ratio r)
{
	return r.den != 0 && r.num % r.den == 0;
}

int
money_ratio_str(struct ratio r, int decimals, char *out, size_t n)
{
	unsigned __int128	a, d, q, scale = 1, whole, frac;
	char			tmp[64];
	size_t			len = 0, i;
	int			neg, k;

	if (r.den == 0 || decimals < 0 || decimals > 18 || n == 0)
		return -1;
	for (k = 0; k < decimals; k++)
		scale *= 10;
	neg = (r.num < 0) != (r.den < 0);
	a = r.num < 0 ? -(unsigned __int128)r.num : (unsigned __int128)r.num;
	d = r.den < 0 ? -(unsigned __int128)r.den : (unsigned __int128)r.den;
	if (a > ~(unsigned __int128)0 / scale)
		return -1;
	q = round_magnitude(a * scale, d, ROUND_HALF_UP);
	whole = q / scale;
	frac = q % scale;
	/* Digits of the fraction, right to left, dropping trailing zeros. */
	k = decimals;
	while (k > 0 && frac % 10 == 0) {
		frac /= 10;
		k--;
	}
	for (i = 0; i < (size_t)k; i++) {
		tmp[len++] = (char)('0' + (int)(frac % 10));
		frac /= 10;
	}
	if (k > 0)
		tmp[len++] = '.';
	do {
		tmp[len++] = (char)('0' + (int)(whole % 10));
		whole /= 10;
	} while (whole != 0);
	if (neg && q != 0)
		tmp[len++] = '-';
	if (len + 1 > n)
		return -1;
	for (i = 0; i < len; i++)
		out[i] = tmp[len - 1 - i];
	out[len] = '\0';
	return 0;
}
