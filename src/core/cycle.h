/*
 * cycle — the annual cycle (årshjul) of the agreement as data: rules
 * that say on which day of a calendar year each step falls, and the
 * steps of a year computed from them.
 *
 * A rule belongs to a step kind (a stable API name such as
 * "strategy_approval_deadline") and applies from a year on: the rule of
 * a kind in year Y is the one with the greatest from_year ≤ Y, and a
 * retired rule from year Y means the step no longer happens from Y on.
 * So "1 June until 2014, 1 May from 2015" is two rules of one kind.
 *
 * How the date is computed:
 *   CYCLE_FIXED         day and month ("1 May");
 *   CYCLE_LAST_WEEKDAY  the last given weekday of a month (1 Monday ..
 *                       7 Sunday), or with weekday 0 the last working
 *                       day (Monday–Friday) of the month;
 *   CYCLE_RELATIVE      another kind's step of the same year ± days;
 *   CYCLE_ELECTION      day and month, only in the given year (1..4) of
 *                       the municipal election period (elections every
 *                       4 years: 2013, 2017, 2021, 2025 …; a period runs
 *                       from 1 January after an election for 4 years).
 *
 * Also the two rules of the agreement that are dates but not steps: the
 * takeover of a regional offer by a municipality (notice by 1 January
 * of the election period's third year, takeover on 1 January of its
 * fourth) and the re-assessment of an offer in the reinforced
 * cooperation 1½ years after it was covered.
 *
 * Pure: no I/O. Dates are ISO "YYYY-MM-DD". Messages are Danish.
 */
#ifndef RAMME_CYCLE_H
#define RAMME_CYCLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct err;

#define CYCLE_KIND_MAX		48	/* bytes of a kind: [a-z0-9_] */
#define CYCLE_TITLE_MAX		200	/* code points */
#define CYCLE_REASON_MAX	500	/* code points */
#define CYCLE_OFFSET_MAX	366	/* |days| of a relative rule */
#define CYCLE_YEAR_MIN		2000
#define CYCLE_YEAR_MAX		2100
#define CYCLE_RULES_MAX		200	/* rules (all versions) in total */
#define CYCLE_ELECTION_FIRST	2013	/* a municipal election year; the
					   others are 4 years apart */
#define CYCLE_TAKEOVER_FROM	2014	/* first election period of the
					   takeover rule */

enum cycle_how {
	CYCLE_FIXED = 0,
	CYCLE_LAST_WEEKDAY,
	CYCLE_RELATIVE,
	CYCLE_ELECTION,
	CYCLE_HOW_COUNT
};

/* Who must act on a step. */
enum cycle_party {
	PARTY_SECRETARIAT = 0,	/* Sekretariatet */
	PARTY_MUNICIPALITIES,	/* the 11 municipalities (and the region
				   as buyer) */
	PARTY_OPERATORS,	/* driftsherrerne */
	PARTY_DAS,		/* Den Administrative Styregruppe */
	PARTY_COUNCILS,		/* byråd, regionsråd (and KKR) */
	PARTY_EXPERT_PANEL,	/* Ekspertpanelet */
	PARTY_ALL,		/* every party of the agreement */
	PARTY_COUNT
};

/* One rule, as stored. Strings are borrowed. */
struct cycle_rule {
	int64_t		 id;		/* 0 for a rule not stored */
	const char	*kind;		/* "tariff_round_deadline" */
	int		 from_year;	/* applies from this calendar year */
	bool		 retired;	/* no step from from_year on */
	const char	*title;		/* Danish: "Frist for takstindberetning" */
	enum cycle_how	 how;
	int		 month;		/* 1..12 (FIXED, LAST_WEEKDAY,
					   ELECTION) */
	int		 day;		/* 1..31 (FIXED, ELECTION) */
	int		 weekday;	/* LAST_WEEKDAY: 0 working day, 1 Monday
					   .. 7 Sunday */
	const char	*base_kind;	/* RELATIVE: the step it follows */
	int		 offset_days;	/* RELATIVE: ± days from base */
	int		 period_year;	/* ELECTION: 1..4 */
	enum cycle_party party;
	const char	*note;		/* Danish source or remark, or NULL */
};

/* One step of a year. Strings borrowed from the rule. */
struct cycle_step {
	char			 date[11];	/* ISO */
	const struct cycle_rule	*rule;		/* the rule that made it */
};

/* The default rules, taken from the minutes (see docs/cycle.md). */
extern const struct cycle_rule	cycle_default_rules[];
extern const size_t		cycle_default_nrules;

/* API names ("fixed", ...) and Danish labels; "" if unknown. */
const char	*cycle_how_name(enum cycle_how h);
int		 cycle_how_parse(const char *s, enum cycle_how *out);
const char	*cycle_party_name(enum cycle_party p);
const char	*cycle_party_label(enum cycle_party p);
int		 cycle_party_parse(const char *s, enum cycle_party *out);

/*
 * Check one rule on its own: kind [a-z0-9_] 1..CYCLE_KIND_MAX bytes,
 * from_year in range; unless retired a title, a date that exists in
 * every year (not 29 February, not 31 April), a weekday 0..7, a base
 * kind other than its own and an offset within ±CYCLE_OFFSET_MAX, a
 * period year 1..4. Returns 0 or ERR_INVALID naming the field
 * ("month", "day", ...) with a Danish message.
 */
int		 cycle_rule_validate(const struct cycle_rule *r,
		    struct err *e);
/*
 * Check a whole set: no two rules with the same kind and from_year,
 * and no relative rule that depends on itself through others in any
 * year. Returns 0 or ERR_INVALID (key "cycle_loop").
 */
int		 cycle_rules_check(const struct cycle_rule *v, size_t n,
		    struct err *e);
/*
 * The rule of kind in year among v[0..n): the newest version with
 * from_year ≤ year; NULL if none or if that one is retired.
 */
const struct cycle_rule *cycle_rule_for(const struct cycle_rule *v,
		    size_t n, const char *kind, int year);
/*
 * The steps of calendar year from rules v[0..n) into out[0..max),
 * sorted by date, then by kind. A relative step whose base has no step
 * that year, or falls outside the year, is left out. *nout receives the
 * count. Returns 0, or ERR_INVALID for a year out of range or a loop.
 */
int		 cycle_steps(const struct cycle_rule *v, size_t n, int year,
		    struct cycle_step *out, size_t max, size_t *nout,
		    struct err *e);

/*
 * The election period containing the ISO date iso: *first..*first + 3
 * are its years (2014..2017 for any day of 2015). 0, or ERR_INVALID.
 */
int		 cycle_election_period(const char *iso, int *first,
		    struct err *e);
/*
 * A municipality's notice of taking over a regional offer, given on
 * notice (ISO): the takeover date (1 January of the fourth year of the
 * notice's election period) into takeover[11]. The notice must be
 * given on or before 1 January of the period's third year, and in a
 * period from CYCLE_TAKEOVER_FROM on. Returns 0 or ERR_INVALID (keys
 * "invalid_date", "notice_too_late", "notice_too_early") with a Danish
 * message that names the deadline and the next possible one.
 */
int		 cycle_takeover_date(const char *notice, char takeover[11],
		    struct err *e);
/*
 * An offer covered by the reinforced cooperation from covered_from
 * (ISO; in force 1 July of year Y) is assessed again at the expert
 * panel of December Y + 1: that step's date under rules v[0..n) into
 * out[11]. ERR_INVALID for a bad date, ERR_NOT_FOUND ("no_expert_panel")
 * when the rules have no expert panel that year.
 */
int		 cycle_reassessment_date(const struct cycle_rule *v, size_t n,
		    const char *covered_from, char out[11], struct err *e);

#endif
