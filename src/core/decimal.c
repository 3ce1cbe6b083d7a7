/*
 * decimal — fixed-scale decimal numbers to and from JSON numbers (see
 * decimal.h).
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"

static const int64_t pow10_tab[] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
	1000000000, INT64_C(10000000000), INT64_C(100000000000),
	INT64_C(1000000000000), INT64_C(10000000000000),
	INT64_C(100000000000000), INT64_C(1000000000000000),
	INT64_C(10000000000000000), INT64_C(100000000000000000),
	INT64_C(1000000000000000000)
};

json_t *
decimal_json(int64_t v, int scale)
{
	char	txt[48];
	int64_t	p, a;

	if (scale <= 0 || scale > DECIMAL_SCALE_MAX)
		return json_integer(v);
	p = pow10_tab[scale];
	if (v % p == 0)
		return json_integer(v / p);
	/* The double nearest to the decimal text, as strtod reads it. */
	a = v < 0 ? -v : v;
	snprintf(txt, sizeof(txt), "%s%lld.%0*lld", v < 0 ? "-" : "",
	    (long long)(a / p), scale, (long long)(a % p));
	return json_real(strtod(txt, NULL));
}

int
decimal_parse(const char *s, struct decimal *out)
{
	__int128	 num = 0;
	int		 scale = 0, digits = 0, exp = 0, esign = 1;
	int		 neg = 0;
	const char	*p = s;

	if (*p == '-') {
		neg = 1;
		p++;
	}
	if (!isdigit((unsigned char)*p))
		return DECIMAL_NOT_NUMBER;
	for (; isdigit((unsigned char)*p); p++, digits++) {
		num = num * 10 + (*p - '0');
		if (num > INT64_MAX)
			return DECIMAL_TOO_PRECISE;
	}
	if (*p == '.') {
		p++;
		if (!isdigit((unsigned char)*p))
			return DECIMAL_NOT_NUMBER;
		for (; isdigit((unsigned char)*p); p++, scale++) {
			num = num * 10 + (*p - '0');
			if (num > INT64_MAX)
				return DECIMAL_TOO_PRECISE;
		}
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			esign = *p++ == '-' ? -1 : 1;
		if (!isdigit((unsigned char)*p))
			return DECIMAL_NOT_NUMBER;
		for (; isdigit((unsigned char)*p); p++)
			if ((exp = exp * 10 + (*p - '0')) > 99)
				return DECIMAL_TOO_PRECISE;
		scale -= esign * exp;
	}
	if (*p != '\0')
		return DECIMAL_NOT_NUMBER;
	/* A negative scale multiplies out. */
	for (; scale < 0; scale++)
		if ((num *= 10) > INT64_MAX)
			return DECIMAL_TOO_PRECISE;
	while (scale > 0 && num % 10 == 0) {
		num /= 10;
		scale--;
	}
	if (scale > DECIMAL_SCALE_MAX)
		return DECIMAL_TOO_PRECISE;
	out->num = (int64_t)(neg ? -num : num);
	out->scale = scale;
	return 0;
}

int
decimal_read(const json_t *v, struct decimal *out)
{
	char	txt[64];
	double	d;

	if (json_is_integer(v)) {
		out->num = (int64_t)json_integer_value(v);
		out->scale = 0;
		return 0;
	}
	if (!json_is_real(v))
		return DECIMAL_NOT_NUMBER;
	d = json_real_value(v);
	if (!isfinite(d))
		return DECIMAL_TOO_PRECISE;
	/* 15 significant digits give back the text as written, for every
	 * number of at most 15; a number they do not reproduce had more. */
	snprintf(txt, sizeof(txt), "%.15g", d);
	if (strtod(txt, NULL) != d)
		return DECIMAL_TOO_PRECISE;
	return decimal_parse(txt, out);
}

int
decimal_from_json(const json_t *v, int scale, int64_t max_units,
    int64_t *out)
{
	struct decimal	d;
	__int128	x;
	int		rc;

	if (scale < 0 || scale > DECIMAL_SCALE_MAX)
		return DECIMAL_TOO_PRECISE;
	if ((rc = decimal_read(v, &d)) != 0)
		return rc;
	if (d.num / pow10_tab[d.scale] >= max_units ||
	    d.num / pow10_tab[d.scale] <= -max_units)
		return DECIMAL_TOO_LARGE;
	if (d.scale > scale)
		return DECIMAL_TOO_PRECISE;
	x = (__int128)d.num * pow10_tab[scale - d.scale];
	if (x > INT64_MAX || x < -INT64_MAX)
		return DECIMAL_TOO_LARGE;
	*out = (int64_t)x;
	return 0;
}
