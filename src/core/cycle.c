/*
 * cycle — the rules of the annual cycle and the steps of a year (see
 * cycle.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cycle.h"
#include "util/err.h"
#include "util/text.h"

/*
 * The defaults. The årshjul in the minutes of DAS 6 March 2014 gives
 * months; the day chosen within the month is explained in docs/cycle.md.
 */
const struct cycle_rule cycle_default_rules[] = {
	{ .kind = "das_status", .from_year = 2011,
	  .title = "DAS drøfter status på kapacitet og belægning",
	  .how = CYCLE_FIXED, .month = 1, .day = 20, .party = PARTY_DAS,
	  .note = "Januar (årshjulet, DAS 6. marts 2014)" },
	{ .kind = "reinforced_decision", .from_year = 2011,
	  .title = "DAS beslutter, hvilke tilbud der omfattes af forstærket "
	  "samarbejde", .how = CYCLE_RELATIVE, .base_kind = "das_status",
	  .offset_days = 0, .party = PARTY_DAS,
	  .note = "Januar, samme møde som statusdrøftelsen" },
	{ .kind = "councils_treatment", .from_year = 2011,
	  .title = "KKR, byråd og regionsråd behandler udviklingsstrategi og "
	  "forstærket samarbejde (marts–maj)", .how = CYCLE_FIXED,
	  .month = 3, .day = 1, .party = PARTY_COUNCILS,
	  .note = "Marts–maj; datoen er periodens første dag" },
	{ .kind = "strategy_approval_deadline", .from_year = 2011,
	  .title = "Frist for godkendelse af udviklingsstrategien i alle byråd "
	  "og regionsrådet", .how = CYCLE_FIXED, .month = 6, .day = 1,
	  .party = PARTY_COUNCILS, .note = "1. juni til og med 2014" },
	{ .kind = "strategy_approval_deadline", .from_year = 2015,
	  .title = "Frist for godkendelse af udviklingsstrategien i alle byråd "
	  "og regionsrådet", .how = CYCLE_FIXED, .month = 5, .day = 1,
	  .party = PARTY_COUNCILS, .note = "1. maj fra 2015" },
	{ .kind = "annual_result_deadline", .from_year = 2011,
	  .title = "Driftsherrerne indberetter årsresultat for sidste år",
	  .how = CYCLE_FIXED, .month = 6, .day = 30,
	  .party = PARTY_OPERATORS, .note = "Juni; datoen er månedens sidste "
	  "dag" },
	{ .kind = "reinforced_in_force", .from_year = 2011,
	  .title = "Forstærket samarbejde træder i kraft for årets tilbud",
	  .how = CYCLE_FIXED, .month = 7, .day = 1,
	  .party = PARTY_SECRETARIAT, .note = "1. juli; sekretariatet "
	  "udmelder de omfattede tilbud" },
	{ .kind = "das_sustainability", .from_year = 2011,
	  .title = "DAS drøfter styringsaftale og de omfattede tilbuds "
	  "bæredygtighed", .how = CYCLE_FIXED, .month = 8, .day = 15,
	  .party = PARTY_DAS, .note = "Medio august (13. august 2013, 25. "
	  "august 2016)" },
	{ .kind = "steering_agreement_approval_deadline", .from_year = 2011,
	  .title = "Frist for godkendelse af styringsaftalen i alle byråd og "
	  "regionsrådet", .how = CYCLE_FIXED, .month = 10, .day = 15,
	  .party = PARTY_COUNCILS, .note = "15. oktober" },
	{ .kind = "tariff_round_deadline", .from_year = 2011,
	  .title = "Frist for driftsherrernes takstindberetning",
	  .how = CYCLE_LAST_WEEKDAY, .month = 10, .weekday = 0,
	  .party = PARTY_OPERATORS, .note = "Oktober; sidste hverdag i "
	  "måneden" },
	{ .kind = "reinforced_nominations", .from_year = 2011,
	  .title = "Driftsherrer og kommuner indstiller tilbud til forstærket "
	  "samarbejde", .how = CYCLE_FIXED, .month = 11, .day = 1,
	  .party = PARTY_OPERATORS, .note = "November; månedens første dag, "
	  "så ekspertpanelet kan nå at vurdere" },
	{ .kind = "submissions_deadline", .from_year = 2011,
	  .title = "Frist for kommunernes indmeldinger", .how = CYCLE_FIXED,
	  .month = 11, .day = 15, .party = PARTY_MUNICIPALITIES,
	  .note = "November; midt i måneden" },
	{ .kind = "operator_reporting_deadline", .from_year = 2011,
	  .title = "Frist for driftsherrernes årlige indberetning (kapacitet, "
	  "belægning, venteliste)", .how = CYCLE_RELATIVE,
	  .base_kind = "submissions_deadline", .offset_days = 0,
	  .party = PARTY_OPERATORS, .note = "November, samme dag som "
	  "kommunernes indmeldinger" },
	{ .kind = "expert_panel", .from_year = 2011,
	  .title = "Ekspertpanelet vurderer nye tilbud og genvurderer tilbud "
	  "omfattet i 1½ år", .how = CYCLE_FIXED, .month = 12, .day = 10,
	  .party = PARTY_EXPERT_PANEL, .note = "December" },
	{ .kind = "hearing_deadline", .from_year = 2011,
	  .title = "Frist for den fælles skriftlige høring af statusbilledet",
	  .how = CYCLE_RELATIVE, .base_kind = "submissions_deadline",
	  .offset_days = 30, .party = PARTY_ALL,
	  .note = "December; 30 dage efter indmeldingerne" },
	{ .kind = "takeover_notice_deadline", .from_year = 2014,
	  .title = "Frist for kommunernes varsel om overtagelse af regionale "
	  "tilbud", .how = CYCLE_ELECTION, .month = 1, .day = 1,
	  .period_year = 3, .party = PARTY_MUNICIPALITIES,
	  .note = "1. januar i valgperiodens 3. år" },
	{ .kind = "regional_takeover", .from_year = 2014,
	  .title = "Varslede overtagelser af regionale tilbud træder i kraft",
	  .how = CYCLE_ELECTION, .month = 1, .day = 1, .period_year = 4,
	  .party = PARTY_MUNICIPALITIES,
	  .note = "1. januar i valgperiodens 4. år" },
};
const size_t cycle_default_nrules =
    sizeof(cycle_default_rules) / sizeof(cycle_default_rules[0]);

static const char *const how_names[CYCLE_HOW_COUNT] = {
	"fixed", "last_weekday", "relative", "election"
};
static const char *const party_names[PARTY_COUNT] = {
	"secretariat", "municipalities", "operators", "das", "councils",
	"expert_panel", "all"
};
static const char *const party_labels[PARTY_COUNT] = {
	"Sekretariatet", "Kommunerne", "Driftsherrerne", "DAS",
	"Byråd og regionsråd", "Ekspertpanelet", "Alle parter"
};
static const char *const months_da[12] = {
	"januar", "februar", "marts", "april", "maj", "juni", "juli",
	"august", "september", "oktober", "november", "december"
};

const char *
cycle_how_name(enum cycle_how h)
{
	return (unsigned)h < CYCLE_HOW_COUNT ? how_names[h] : "";
}

int
cycle_how_parse(const char *s, enum cycle_how *out)
{
	int i = text_index(how_names, CYCLE_HOW_COUNT, s);

	if (i < 0)
		return -1;
	*out = (enum cycle_how)i;
	return 0;
}

const char *
cycle_party_name(enum cycle_party p)
{
	return (unsigned)p < PARTY_COUNT ? party_names[p] : "";
}

const char *
cycle_party_label(enum cycle_party p)
{
	return (unsigned)p < PARTY_COUNT ? party_labels[p] : "";
}

int
cycle_party_parse(const char *s, enum cycle_party *out)
{
	int i = text_index(party_names, PARTY_COUNT, s);

	if (i < 0)
		return -1;
	*out = (enum cycle_party)i;
	return 0;
}

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int d[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* 1 Monday .. 7 Sunday of days since 1970-01-01 (a Thursday). */
static int
weekday_of(int64_t z)
{
	return (int)(((z + 3) % 7 + 7) % 7) + 1;
}

static void
iso_of(int64_t z, char out[11])
{
	int y, m, d;

	text_civil_from_days(z, &y, &m, &d);
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

/* "Y-01-01"; y is a year of a valid date (1900..2199 and a few more). */
static void
jan1(int y, char out[11])
{
	snprintf(out, 11, "%04u-01-01", (unsigned)y % 10000u);
}

static int
parse_iso(const char *s, int *y, int *m, int *d)
{
	if (s == NULL || !text_date_valid(s))
		return -1;
	*y = atoi(s);
	*m = atoi(s + 5);
	*d = atoi(s + 8);
	return 0;
}

/* 0..3: the position of year in its election period (2014 → 0). */
static int
period_index(int year)
{
	return ((year - (CYCLE_ELECTION_FIRST + 1)) % 4 + 4) % 4;
}

static bool
kind_valid(const char *k)
{
	size_t i, n;

	if (k == NULL || (n = strlen(k)) == 0 || n > CYCLE_KIND_MAX)
		return false;
	for (i = 0; i < n; i++)
		if (!((k[i] >= 'a' && k[i] <= 'z') ||
		    (k[i] >= '0' && k[i] <= '9') || k[i] == '_'))
			return false;
	return true;
}

/* A day and month that exist in every year. */
static int
check_day(const struct cycle_rule *r, struct err *e)
{
	if (r->month < 1 || r->month > 12)
		return err_set(e, ERR_INVALID, "invalid_month", "month",
		    "Vælg en måned fra januar til december");
	if (r->month == 2 && r->day == 29)
		return err_set(e, ERR_INVALID, "invalid_day", "day",
		    "29. februar findes ikke hvert år; vælg 28. februar eller "
		    "1. marts");
	if (r->day < 1 || r->day > month_days(2001, r->month))
		return err_set(e, ERR_INVALID, "invalid_day", "day",
		    "Datoen %d. %s findes ikke", r->day,
		    months_da[r->month - 1]);
	return 0;
}

int
cycle_rule_validate(const struct cycle_rule *r, struct err *e)
{
	size_t n;

	if (!kind_valid(r->kind))
		return err_set(e, ERR_INVALID, "invalid_kind", "kind",
		    "Typen skal være 1–%d tegn: små bogstaver a–z, tal og _",
		    CYCLE_KIND_MAX);
	if (r->from_year < CYCLE_YEAR_MIN || r->from_year > CYCLE_YEAR_MAX)
		return err_set(e, ERR_INVALID, "invalid_year", "from_year",
		    "Året skal ligge mellem %d og %d", CYCLE_YEAR_MIN,
		    CYCLE_YEAR_MAX);
	if (r->retired)
		return 0;
	if (r->title == NULL || (n = strlen(r->title)) == 0 ||
	    !text_utf8_valid(r->title, n) ||
	    text_utf8_len(r->title, n) > CYCLE_TITLE_MAX)
		return err_set(e, ERR_INVALID, "invalid_title", "title",
		    "Angiv en titel på højst %d tegn", CYCLE_TITLE_MAX);
	if ((unsigned)r->party >= PARTY_COUNT)
		return err_set(e, ERR_INVALID, "invalid_party", "party",
		    "Vælg hvem der er ansvarlig");
	switch (r->how) {
	case CYCLE_FIXED:
		return check_day(r, e);
	case CYCLE_LAST_WEEKDAY:
		if (r->month < 1 || r->month > 12)
			return err_set(e, ERR_INVALID, "invalid_month",
			    "month", "Vælg en måned fra januar til december");
		if (r->weekday < 0 || r->weekday > 7)
			return err_set(e, ERR_INVALID, "invalid_weekday",
			    "weekday", "Vælg en ugedag eller hverdag");
		return 0;
	case CYCLE_RELATIVE:
		if (!kind_valid(r->base_kind) ||
		    strcmp(r->base_kind, r->kind) == 0)
			return err_set(e, ERR_INVALID, "invalid_base",
			    "base_kind", "Vælg et andet trin, datoen regnes "
			    "fra");
		if (r->offset_days < -CYCLE_OFFSET_MAX ||
		    r->offset_days > CYCLE_OFFSET_MAX)
			return err_set(e, ERR_INVALID, "invalid_offset",
			    "offset_days", "Antal dage skal ligge mellem "
			    "-%d og %d", CYCLE_OFFSET_MAX, CYCLE_OFFSET_MAX);
		return 0;
	case CYCLE_ELECTION:
		if (r->period_year < 1 || r->period_year > 4)
			return err_set(e, ERR_INVALID, "invalid_period_year",
			    "period_year", "Valgperiodens år skal være 1–4");
		return check_day(r, e);
	default:
		return err_set(e, ERR_INVALID, "invalid_how", "how",
		    "Vælg hvordan datoen beregnes");
	}
}

const struct cycle_rule *
cycle_rule_for(const struct cycle_rule *v, size_t n, const char *kind,
    int year)
{
	const struct cycle_rule	*best = NULL;
	size_t			 i;

	for (i = 0; i < n; i++) {
		if (strcmp(v[i].kind, kind) != 0 || v[i].from_year > year)
			continue;
		if (best == NULL || v[i].from_year > best->from_year)
			best = &v[i];
	}
	return best != NULL && !best->retired ? best : NULL;
}

/* Depth of following relative rules from r in year; -1 on a loop. */
static int
chain_ok(const struct cycle_rule *v, size_t n, const struct cycle_rule *r,
    int year)
{
	size_t depth;

	for (depth = 0; r != NULL && r->how == CYCLE_RELATIVE; depth++) {
		if (depth > n)
			return -1;
		r = cycle_rule_for(v, n, r->base_kind, year);
	}
	return 0;
}

int
cycle_rules_check(const struct cycle_rule *v, size_t n, struct err *e)
{
	size_t	i, j;
	int	y;

	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (strcmp(v[i].kind, v[j].kind) == 0 &&
			    v[i].from_year == v[j].from_year)
				return err_set(e, ERR_INVALID, "duplicate_rule",
				    "from_year", "Trinnet %s har allerede en "
				    "regel fra %d", v[i].kind, v[i].from_year);
	/* The chains only change in the years rules start. */
	for (i = 0; i < n; i++) {
		if (v[i].how != CYCLE_RELATIVE || v[i].retired)
			continue;
		for (j = 0; j < n; j++) {
			y = v[j].from_year > v[i].from_year ? v[j].from_year :
			    v[i].from_year;
			if (cycle_rule_for(v, n, v[i].kind, y) != &v[i])
				continue;
			if (chain_ok(v, n, &v[i], y) != 0)
				return err_set(e, ERR_INVALID, "cycle_loop",
				    "base_kind", "Trinnet %s regnes i %d ud "
				    "fra sig selv gennem andre trin",
				    v[i].kind, y);
		}
	}
	return 0;
}

/* The date of r in year as days since 1970, or -1 when none. */
static int64_t
date_of(const struct cycle_rule *v, size_t n, const struct cycle_rule *r,
    int year, int depth)
{
	const struct cycle_rule	*b;
	int64_t			 z;
	int			 wd;

	if (r == NULL || depth > (int)n)
		return -1;
	switch (r->how) {
	case CYCLE_FIXED:
		if (r->month < 1 || r->month > 12 || r->day < 1 ||
		    r->day > month_days(year, r->month))
			return -1;
		return text_days_from_civil(year, r->month, r->day);
	case CYCLE_ELECTION:
		if (period_index(year) != r->period_year - 1 ||
		    r->month < 1 || r->month > 12 || r->day < 1 ||
		    r->day > month_days(year, r->month))
			return -1;
		return text_days_from_civil(year, r->month, r->day);
	case CYCLE_LAST_WEEKDAY:
		if (r->month < 1 || r->month > 12)
			return -1;
		z = text_days_from_civil(year, r->month,
		    month_days(year, r->month));
		for (;;) {
			wd = weekday_of(z);
			if (r->weekday == 0 ? wd <= 5 : wd == r->weekday)
				return z;
			z--;
		}
	case CYCLE_RELATIVE:
		b = cycle_rule_for(v, n, r->base_kind, year);
		if ((z = date_of(v, n, b, year, depth + 1)) < 0)
			return -1;
		z += r->offset_days;
		if (z < text_days_from_civil(year, 1, 1) ||
		    z > text_days_from_civil(year, 12, 31))
			return -1;
		return z;
	default:
		return -1;
	}
}

static int
step_cmp(const void *pa, const void *pb)
{
	const struct cycle_step *a = pa, *b = pb;
	int c;

	if ((c = strcmp(a->date, b->date)) != 0)
		return c;
	return strcmp(a->rule->kind, b->rule->kind);
}

int
cycle_steps(const struct cycle_rule *v, size_t n, int year,
    struct cycle_step *out, size_t max, size_t *nout, struct err *e)
{
	const struct cycle_rule	*r;
	size_t			 i, j, k = 0;
	int64_t			 z;

	*nout = 0;
	if (year < CYCLE_YEAR_MIN || year > CYCLE_YEAR_MAX)
		return err_set(e, ERR_INVALID, "invalid_year", "year",
		    "Året skal ligge mellem %d og %d", CYCLE_YEAR_MIN,
		    CYCLE_YEAR_MAX);
	for (i = 0; i < n; i++) {
		/* Each kind once: at its first rule in v. */
		for (j = 0; j < i; j++)
			if (strcmp(v[j].kind, v[i].kind) == 0)
				break;
		if (j < i)
			continue;
		if ((r = cycle_rule_for(v, n, v[i].kind, year)) == NULL)
			continue;
		if (chain_ok(v, n, r, year) != 0)
			return err_set(e, ERR_INVALID, "cycle_loop",
			    "base_kind", "Trinnet %s regnes ud fra sig selv",
			    r->kind);
		if ((z = date_of(v, n, r, year, 0)) < 0 || k >= max)
			continue;
		iso_of(z, out[k].date);
		out[k].rule = r;
		k++;
	}
	qsort(out, k, sizeof(*out), step_cmp);
	*nout = k;
	return 0;
}

int
cycle_election_period(const char *iso, int *first, struct err *e)
{
	int y, m, d;

	if (parse_iso(iso, &y, &m, &d) != 0)
		return err_set(e, ERR_INVALID, "invalid_date", "date",
		    "Angiv en gyldig dato (åååå-mm-dd)");
	*first = y - period_index(y);
	return 0;
}

int
cycle_takeover_date(const char *notice, char takeover[11], struct err *e)
{
	char	deadline[11];
	int	first, rc;

	if ((rc = cycle_election_period(notice, &first, e)) != 0)
		return rc;
	if (first < CYCLE_TAKEOVER_FROM)
		return err_set(e, ERR_INVALID, "notice_too_early", "date",
		    "Regionale tilbud kan overtages én gang pr. valgperiode "
		    "fra valgperioden %d–%d; første frist for varsel er 1. "
		    "januar %d", CYCLE_TAKEOVER_FROM, CYCLE_TAKEOVER_FROM + 3,
		    CYCLE_TAKEOVER_FROM + 2);
	jan1(first + 2, deadline);
	if (strcmp(notice, deadline) > 0)
		return err_set(e, ERR_INVALID, "notice_too_late", "date",
		    "Varslet er givet efter fristen 1. januar %d (3. år i "
		    "valgperioden %d–%d). Næste mulighed er varsel senest 1. "
		    "januar %d med overtagelse 1. januar %d", first + 2,
		    first, first + 3, first + 6, first + 7);
	jan1(first + 3, takeover);
	return 0;
}

int
cycle_reassessment_date(const struct cycle_rule *v, size_t n,
    const char *covered_from, char out[11], struct err *e)
{
	const struct cycle_rule	*r;
	int64_t			 z;
	int			 y, m, d;

	if (parse_iso(covered_from, &y, &m, &d) != 0)
		return err_set(e, ERR_INVALID, "invalid_date", "covered_from",
		    "Angiv en gyldig dato (åååå-mm-dd)");
	if (y + 1 > CYCLE_YEAR_MAX ||
	    (r = cycle_rule_for(v, n, "expert_panel", y + 1)) == NULL ||
	    chain_ok(v, n, r, y + 1) != 0 ||
	    (z = date_of(v, n, r, y + 1, 0)) < 0)
		return err_set(e, ERR_NOT_FOUND, "no_expert_panel", NULL,
		    "Årshjulet har intet møde i ekspertpanelet i %d", y + 1);
	iso_of(z, out);
	return 0;
}
