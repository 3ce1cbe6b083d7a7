/*
 * minutes_when — Danish meeting dates and times ("6. oktober 2011, kl.
 * 13.00-16.00") and the bodies minutes name.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/minutes.h"
#include "core/minutes_int.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

/* A time "13.00", "13:00" or "13" at *p; advances *p. */
static bool
parse_hm(const char **p, int *h, int *m)
{
	const char	*q = *p;
	long		 v;

	if (!mn_is_digit(*q))
		return false;
	*h = 0;
	while (mn_is_digit(*q) && *h < 100)
		*h = *h * 10 + (*q++ - '0');
	*m = 0;
	if ((*q == '.' || *q == ':') && mn_is_digit(q[1]) && mn_is_digit(q[2]) &&
	    !mn_is_digit(q[3])) {
		*m = (q[1] - '0') * 10 + (q[2] - '0');
		q += 3;
	}
	v = *h;
	if (v > 23 || *m > 59)
		return false;
	*p = q;
	return true;
}

/* A range dash: "-", "–", "til". */
static const char *
range_dash(const char *p)
{
	const char *q;

	p = mn_skip_spaces(p);
	if (*p == '-')
		return mn_skip_spaces(p + 1);
	if (strncmp(p, "\xe2\x80\x93", 3) == 0)
		return mn_skip_spaces(p + 3);
	if ((q = mn_word_ci(p, "til")) != NULL)
		return mn_skip_spaces(q);
	return NULL;
}

/* A date at p: "6. oktober 2011", "12.-13. juni 2014", "06.03.2014". */
static bool
date_at(const char *p, int *y, int *mo, int *d1, int *d2, const char **after)
{
	const char	*q = p, *r;
	long		 v;

	if (!mn_digits(&q, &v) || v > 31)
		return false;
	*d1 = *d2 = (int)v;
	if (*q == '.') {
		q++;
		if ((r = range_dash(q)) != NULL && mn_digits(&r, &v) && v <= 31 &&
		    *r == '.') {
			*d2 = (int)v;
			q = r + 1;
		}
		q = mn_skip_spaces(q);
		if ((*mo = mn_month_at(q, &r)) != 0) {
			q = mn_skip_spaces(r);
		} else if (mn_digits(&q, &v) && v >= 1 && v <= 12 &&
		    (*q == '.' || *q == '-')) {
			*mo = (int)v;
			q++;
		} else
			return false;
	} else if (*q == '-' || *q == '/') {
		q++;
		if (!mn_digits(&q, &v) || v < 1 || v > 12 ||
		    (*q != '-' && *q != '/' && *q != '.'))
			return false;
		*mo = (int)v;
		q++;
	} else
		return false;
	r = q;
	if (!mn_digits(&r, &v) || r - q != 4)
		return false;
	*y = (int)v;
	*after = r;
	return true;
}

static bool
iso_date(char out[17], int y, int m, int d)
{
	char s[32];

	if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	snprintf(s, sizeof(s), "%04d-%02d-%02d", y, m, d);
	if (!text_date_valid(s))
		return false;
	memcpy(out, s, 11);
	return true;
}

/* "2011-10-06" → "2011-10-06T13:00" (h, m already checked). */
static void
add_time(char iso[17], int h, int m)
{
	iso[10] = 'T';
	iso[11] = (char)('0' + h / 10);
	iso[12] = (char)('0' + h % 10);
	iso[13] = ':';
	iso[14] = (char)('0' + m / 10);
	iso[15] = (char)('0' + m % 10);
	iso[16] = '\0';
}

int
minutes_parse_when(const char *s, char start[17], char end[17])
{
	const char	*p, *q, *t = NULL;
	int		 y = 0, mo = 0, d1 = 0, d2 = 0, h1, m1, h2, m2;
	bool		 found = false, t1 = false, t2 = false;
	char		 s1[17], s2[17];

	h2 = m2 = 0;
	start[0] = end[0] = '\0';
	if (s == NULL)
		return -1;
	for (p = s; *p != '\0'; p++) {
		if (!mn_is_digit(*p) || (p > s && mn_is_digit(p[-1])))
			continue;
		if (date_at(p, &y, &mo, &d1, &d2, &q)) {
			found = true;
			break;
		}
	}
	if (!found || !iso_date(s1, y, mo, d1) || !iso_date(s2, y, mo, d2) ||
	    d2 < d1)
		return -1;
	/* The time: after "kl.", or the first "13.00" / "13:00" after the
	 * date. */
	for (p = q; *p != '\0'; p++) {
		if ((p == q || !mn_is_alpha((unsigned char)p[-1])) &&
		    (t = mn_word_ci(p, "kl")) != NULL) {
			if (*t == '.')
				t++;
			t = mn_skip_spaces(t);
			break;
		}
		if (mn_is_digit(*p) && (p == q || !mn_is_digit(p[-1]))) {
			t = p;
			if (parse_hm(&t, &h1, &m1) && t - p >= 4) {
				t = p;
				break;
			}
			t = NULL;
		}
	}
	if (t != NULL && parse_hm(&t, &h1, &m1)) {
		t1 = true;
		if ((p = range_dash(t)) != NULL) {
			if ((q = mn_word_ci(p, "kl")) != NULL)
				p = mn_skip_spaces(*q == '.' ? q + 1 : q);
			t2 = parse_hm(&p, &h2, &m2);
		}
	}
	memcpy(start, s1, 11);
	if (t1)
		add_time(start, h1, m1);
	if (t2) {
		memcpy(end, s2, 11);
		add_time(end, h2, m2);
	} else if (d2 != d1)
		memcpy(end, s2, 11);
	return 0;
}

const char *
minutes_body_key(const char *s)
{
	if (s == NULL)
		return NULL;
	if (mn_contains_ci(s, "socialdirektør") || mn_contains_word_ci(s, "socdir"))
		return "socdir";
	if (mn_contains_ci(s, "administrative styregruppe") ||
	    mn_contains_word_ci(s, "das"))
		return "das";
	if (mn_contains_ci(s, "kommunaldirektør") || mn_contains_word_ci(s, "kdk"))
		return "kdk";
	if (mn_contains_ci(s, "forretningsudvalg") || mn_contains_word_ci(s, "fu"))
		return "fu";
	if (mn_contains_ci(s, "kommunekontaktråd") || mn_contains_word_ci(s, "kkr"))
		return "kkr";
	return NULL;
}
