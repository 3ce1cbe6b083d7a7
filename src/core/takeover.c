/*
 * takeover — the election-period rule of regional takeovers (see
 * takeover.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/takeover.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

int
takeover_period_of(int year, struct takeover_period *out, struct err *e)
{
	int first;

	if (year < TAKEOVER_FIRST_PERIOD)
		return err_set(e, ERR_INVALID, "takeover_before_rule",
		    "notice_on", "Reglen om overtagelse af regionale tilbud "
		    "gælder fra valgperioden 2014–2017");
	first = TAKEOVER_FIRST_PERIOD + (year - TAKEOVER_FIRST_PERIOD) /
	    TAKEOVER_ELECTION_GAP * TAKEOVER_ELECTION_GAP;
	out->first_year = first;
	out->last_year = first + TAKEOVER_ELECTION_GAP - 1;
	snprintf(out->notice_by, sizeof(out->notice_by), "%04u-01-01",
	    (unsigned)(first + 2) % 10000u);
	snprintf(out->takeover_on, sizeof(out->takeover_on), "%04u-01-01",
	    (unsigned)(first + 3) % 10000u);
	return 0;
}

int
takeover_check(const char *notice_on, struct takeover_period *out,
    struct err *e)
{
	struct takeover_period	next;
	struct buf		by;
	int			rc;

	if (notice_on == NULL || !text_date_valid(notice_on))
		return err_set(e, ERR_INVALID, "invalid_date", "notice_on",
		    "Angiv datoen for varslet som en gyldig dato");
	if ((rc = takeover_period_of(atoi(notice_on), out, e)) != 0)
		return rc;
	if (strcmp(notice_on, out->notice_by) <= 0)
		return 0;
	(void)takeover_period_of(out->first_year + TAKEOVER_ELECTION_GAP,
	    &next, NULL);
	buf_init(&by);
	text_format_date_da(&by, out->notice_by);
	rc = err_set(e, ERR_INVALID, "takeover_notice_late", "notice_on",
	    "Varslet er givet efter fristen %s for valgperioden %d–%d. "
	    "Tilbuddet kan tidligst overtages i næste valgperiode (%d–%d) "
	    "med varsel senest 1. januar %d", buf_str(&by), out->first_year,
	    out->last_year, next.first_year, next.last_year,
	    next.first_year + 2);
	buf_cleanup(&by);
	return rc;
}

bool
takeover_same_period(const struct takeover_period *p, const char *earlier_on)
{
	int y;

	if (earlier_on == NULL || strlen(earlier_on) < 4)
		return false;
	y = atoi(earlier_on);
	/* A takeover on 1 January of year y belongs to the period of y. */
	return y >= p->first_year && y <= p->last_year;
}
