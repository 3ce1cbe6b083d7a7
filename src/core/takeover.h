/*
 * takeover — the election-period rule for a municipality's takeover of a
 * regional offer (from 2014): an offer run by the region may be taken
 * over by its location municipality once per municipal election period.
 * The municipality gives notice by 1 January of the period's third year,
 * and the takeover takes effect on 1 January of its fourth year.
 *
 * Municipal elections are held in November of 2013, 2017, 2021, 2025 …
 * (every four years); the period of an election runs from 1 January of
 * the next year for four years (the election of 2013: 2014–2017, notice
 * by 1 January 2016, takeover on 1 January 2017). Pure: dates are ISO
 * text, no clock.
 */
#ifndef RAMME_TAKEOVER_H
#define RAMME_TAKEOVER_H

#include <stdbool.h>

struct err;

#define TAKEOVER_FIRST_PERIOD	2014	/* the rule applies from this
					   period (the election of 2013) */
#define TAKEOVER_ELECTION_GAP	4	/* years between elections */

/* The dates of one election period. */
struct takeover_period {
	int	first_year;		/* 2014 */
	int	last_year;		/* 2017 */
	char	notice_by[11];		/* "2016-01-01": last day of notice */
	char	takeover_on[11];	/* "2017-01-01": the takeover's day */
};

/*
 * The election period that contains year (≥ TAKEOVER_FIRST_PERIOD) into
 * *out. 0, or ERR_INVALID (key "takeover_before_rule") for an earlier
 * year.
 */
int	takeover_period_of(int year, struct takeover_period *out,
	    struct err *e);
/*
 * Check a notice given on notice_on (ISO date) under the rule and give
 * the takeover's day: *out is the period the notice falls in, and the
 * takeover happens on out->takeover_on. 0; ERR_INVALID with a Danish
 * message when notice_on is not a date ("invalid_date", field
 * "notice_on"), lies before the rule ("takeover_before_rule"), or is
 * after the period's deadline ("takeover_notice_late": the next
 * period's deadline is named).
 */
int	takeover_check(const char *notice_on, struct takeover_period *out,
	    struct err *e);
/*
 * True if an earlier takeover of the same offer taking effect on
 * earlier_on (ISO) lies in the period p: the offer was already taken
 * over once in this election period.
 */
bool	takeover_same_period(const struct takeover_period *p,
	    const char *earlier_on);

#endif
