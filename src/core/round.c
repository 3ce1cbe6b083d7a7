/*
 * round — states of rounds and submissions, and service lines with their
 * tariffs and warnings (see round.h).
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/money.h"
#include "core/occupancy.h"
#include "core/params.h"
#include "core/round.h"
#include "core/tariff.h"
#include "util/err.h"
#include "util/text.h"

static const char *const round_names[] = { "open", "closed", "published" };
static const char *const round_labels[] = { "Åben", "Lukket",
    "Offentliggjort" };
static const char *const sub_names[] = { "draft", "submitted", "returned",
    "approved" };
static const char *const sub_labels[] = { "Kladde", "Indsendt",
    "Sendt retur", "Godkendt" };

const char *
round_status_name(enum round_status s)
{
	return (unsigned)s < ROUND_STATUS_COUNT ? round_names[s] : "";
}

const char *
round_status_label(enum round_status s)
{
	return (unsigned)s < ROUND_STATUS_COUNT ? round_labels[s] : "";
}

int
round_status_parse(const char *s, enum round_status *out)
{
	int i;

	for (i = 0; s != NULL && i < ROUND_STATUS_COUNT; i++)
		if (strcmp(s, round_names[i]) == 0) {
			*out = (enum round_status)i;
			return 0;
		}
	return -1;
}

const char *
submission_status_name(enum submission_status s)
{
	return (unsigned)s < SUBMISSION_STATUS_COUNT ? sub_names[s] : "";
}

const char *
submission_status_label(enum submission_status s)
{
	return (unsigned)s < SUBMISSION_STATUS_COUNT ? sub_labels[s] : "";
}

int
submission_status_parse(const char *s, enum submission_status *out)
{
	int i;

	for (i = 0; s != NULL && i < SUBMISSION_STATUS_COUNT; i++)
		if (strcmp(s, sub_names[i]) == 0) {
			*out = (enum submission_status)i;
			return 0;
		}
	return -1;
}

/* Text of at most max code points, valid UTF-8, no control characters. */
static bool
text_ok(const char *s, size_t max)
{
	size_t n = strlen(s);

	return text_utf8_valid(s, n) && text_utf8_len(s, n) <= max &&
	    !text_has_controls(s);
}

int
round_validate(const struct tariff_round *r, struct err *e)
{
	if (r->year < PARAMS_YEAR_MIN || r->year > PARAMS_YEAR_MAX)
		return err_set(e, ERR_INVALID, "invalid_year", "year",
		    "Takståret skal ligge mellem %d og %d", PARAMS_YEAR_MIN,
		    PARAMS_YEAR_MAX);
	if (r->no < 1 || r->no > ROUND_NO_MAX)
		return err_set(e, ERR_INVALID, "invalid_round_no", "no",
		    "Rundens nummer skal ligge mellem 1 og %d", ROUND_NO_MAX);
	if (r->title == NULL || *r->title == '\0')
		return err_set(e, ERR_INVALID, "missing_field", "title",
		    "Runden skal have en titel");
	if (!text_ok(r->title, ROUND_TITLE_MAX))
		return err_set(e, ERR_INVALID, "invalid_title", "title",
		    "Titlen må højst have %d tegn og ingen styretegn",
		    ROUND_TITLE_MAX);
	if (r->opens_on == NULL || !text_date_valid(r->opens_on))
		return err_set(e, ERR_INVALID, "invalid_date", "opens_on",
		    "Åbningsdatoen skal være en dato (ÅÅÅÅ-MM-DD)");
	if (r->deadline == NULL || !text_date_valid(r->deadline))
		return err_set(e, ERR_INVALID, "invalid_date", "deadline",
		    "Fristen skal være en dato (ÅÅÅÅ-MM-DD)");
	if (strcmp(r->deadline, r->opens_on) < 0)
		return err_set(e, ERR_INVALID, "deadline_before_open",
		    "deadline", "Fristen kan ikke ligge før runden åbner");
	if (r->pl_bp < -ROUND_PL_MAX_BP || r->pl_bp > ROUND_PL_MAX_BP)
		return err_set(e, ERR_INVALID, "invalid_pl", "pl_pct",
		    "Pris- og lønudviklingen skal ligge mellem -%d og %d %%",
		    ROUND_PL_MAX_BP / 100, ROUND_PL_MAX_BP / 100);
	if (r->increase_warn_bp < 0 || r->increase_warn_bp > MONEY_BP_ONE)
		return err_set(e, ERR_INVALID, "invalid_threshold",
		    "increase_warn_pct", "Grænsen for en reel stigning skal "
		    "ligge mellem 0 og 100 %%");
	return 0;
}

bool
round_accepts_submissions(const struct tariff_round *r, const char *today)
{
	if (r->status != ROUND_OPEN || strcmp(today, r->opens_on) < 0)
		return false;
	if (strcmp(today, r->deadline) <= 0)
		return true;
	return r->reopened_until != NULL &&
	    strcmp(today, r->reopened_until) <= 0;
}

/* The last day submitting was allowed: the deadline or a later reopening. */
static const char *
last_day(const struct tariff_round *r)
{
	if (r->reopened_until != NULL &&
	    strcmp(r->reopened_until, r->deadline) > 0)
		return r->reopened_until;
	return r->deadline;
}

int
round_submission_may(const struct tariff_round *r, enum submission_status st,
    enum submission_action act, const char *today, struct err *e)
{
	if (r->status == ROUND_PUBLISHED)
		return err_set(e, ERR_CONFLICT, "round_published", NULL,
		    "Runden er offentliggjort; indberetningen kan ikke "
		    "ændres. En takst ændres i løbet af året med en "
		    "begrundet takstændring");
	switch (act) {
	case SUBMISSION_EDIT:
	case SUBMISSION_SUBMIT:
		if (st == SUBMISSION_APPROVED)
			return err_set(e, ERR_CONFLICT, "submission_approved",
			    NULL, "Indberetningen er godkendt og kan ikke "
			    "ændres; sekretariatet kan sende den retur");
		if (st == SUBMISSION_SUBMITTED)
			return err_set(e, ERR_CONFLICT,
			    "submission_submitted", NULL, "Indberetningen er "
			    "indsendt og venter på sekretariatet; den kan "
			    "ikke ændres, før den er sendt retur");
		/*
		 * The secretariat asked for the changes: a returned
		 * submission may be changed and submitted again until the
		 * round is published, also after the deadline or closing.
		 */
		if (st == SUBMISSION_RETURNED)
			return 0;
		if (r->status != ROUND_OPEN)
			return err_set(e, ERR_CONFLICT, "round_closed", NULL,
			    "Runden er lukket for indberetning");
		if (strcmp(today, r->opens_on) < 0)
			return err_set(e, ERR_CONFLICT, "round_not_open", NULL,
			    "Runden åbner først %s", r->opens_on);
		if (act == SUBMISSION_SUBMIT &&
		    !round_accepts_submissions(r, today))
			return err_set(e, ERR_CONFLICT, "deadline_passed",
			    NULL, "Fristen for at indsende var %s; "
			    "sekretariatet kan genåbne runden",
			    last_day(r));
		return 0;
	case SUBMISSION_APPROVE:
		if (st != SUBMISSION_SUBMITTED)
			return err_set(e, ERR_CONFLICT, "not_submitted", NULL,
			    "Kun en indsendt indberetning kan godkendes (den "
			    "er "
			    "%s)", sub_labels[st]);
		return 0;
	case SUBMISSION_RETURN:
		if (st != SUBMISSION_SUBMITTED && st != SUBMISSION_APPROVED)
			return err_set(e, ERR_CONFLICT, "not_submitted", NULL,
			    "Kun en indsendt eller godkendt indberetning kan "
			    "sendes retur (den er %s)", sub_labels[st]);
		return 0;
	default:
		return err_set(e, ERR_CONFLICT, "invalid_action", NULL,
		    "Ukendt handling");
	}
}

/* "95,5 %" from basis points. */
static void
pct_text(char *out, size_t n, int64_t bp)
{
	const char	*sign = bp < 0 ? "-" : "";
	int64_t		 a = bp < 0 ? -bp : bp;

	if (a % 100 == 0)
		snprintf(out, n, "%s%lld %%", sign, (long long)(a / 100));
	else if (a % 10 == 0)
		snprintf(out, n, "%s%lld,%lld %%", sign, (long long)(a / 100),
		    (long long)(a % 100 / 10));
	else
		snprintf(out, n, "%s%lld,%02lld %%", sign, (long long)(a / 100),
		    (long long)(a % 100));
}

static void
warn(struct service_line *l, enum round_warning_kind kind, bool needs_reason,
    int64_t v0, int64_t v1, int64_t v2, int64_t v3)
{
	struct round_warning *w;

	if (l->nwarnings >= ROUND_WARN_MAX)
		return;
	w = &l->warnings[l->nwarnings++];
	w->kind = kind;
	w->needs_reason = needs_reason;
	w->v[0] = v0;
	w->v[1] = v1;
	w->v[2] = v2;
	w->v[3] = v3;
}

static const char *const warn_codes[WARN_KIND_COUNT] = {
	"occupancy_outside_band", "occupancy_above_recommended",
	"occupancy_not_history", "real_increase", "carry_over_differs",
	"not_computed", "occupancy_not_assumed",
};

const char *
round_warning_code(enum round_warning_kind k)
{
	return (unsigned)k < WARN_KIND_COUNT ? warn_codes[k] : "";
}

int
round_warning_parse(const char *code, enum round_warning_kind *out)
{
	int i;

	for (i = 0; code != NULL && i < WARN_KIND_COUNT; i++)
		if (strcmp(code, warn_codes[i]) == 0) {
			*out = (enum round_warning_kind)i;
			return 0;
		}
	return -1;
}

void
round_warning_text(const struct service_line *l, size_t i, char *out,
    size_t n)
{
	const struct round_warning	*w;
	char				 a[48], b[48], c[24], d[24];

	if (i >= l->nwarnings) {
		snprintf(out, n, "%s", "");
		return;
	}
	w = &l->warnings[i];
	switch (w->kind) {
	case WARN_OCC_OUTSIDE_BAND:
		pct_text(a, sizeof(a), w->v[0]);
		pct_text(b, sizeof(b), w->v[1]);
		pct_text(c, sizeof(c), w->v[2]);
		snprintf(out, n, "Budgetteret belægning %s ligger uden for "
		    "intervallet %s–%s; det kræver godkendelse i DAS, som skal "
		    "angives i begrundelsen", a, b, c);
		break;
	case WARN_OCC_ABOVE_RECOMMENDED:
		pct_text(a, sizeof(a), w->v[0]);
		pct_text(b, sizeof(b), w->v[1]);
		snprintf(out, n, "Budgetteret belægning %s er over de "
		    "anbefalede "
		    "højst %s", a, b);
		break;
	case WARN_OCC_NOT_HISTORY:
		pct_text(a, sizeof(a), w->v[0]);
		pct_text(b, sizeof(b), w->v[1]);
		snprintf(out, n, "Budgetteret belægning %s afviger fra "
		    "gennemsnittet af den faktiske belægning %lld–%lld (%s); "
		    "begrund afvigelsen", a, (long long)w->v[2],
		    (long long)w->v[3], b);
		break;
	case WARN_REAL_INCREASE:
		text_format_ore_da(a, w->v[0]);
		text_format_ore_da(b, w->v[1]);
		pct_text(c, sizeof(c), w->v[2]);
		pct_text(d, sizeof(d), w->v[3]);
		snprintf(out, n, "Taksten %s stiger reelt mere end %s i "
		    "forhold "
		    "til sidste års %s (pris- og lønudvikling %s); begrund "
		    "stigningen", a, d, b, c);
		break;
	case WARN_CARRY_DIFFERS:
		text_format_ore_da(a, w->v[0]);
		text_format_ore_da(b, w->v[1]);
		snprintf(out, n, "Overførslen i alt (%s) afviger fra "
		    "regnskabets over-/underskud til dette takstår (%s); "
		    "begrund forskellen", a, b);
		break;
	case WARN_OCC_NOT_ASSUMED:
		pct_text(a, sizeof(a), w->v[0]);
		pct_text(b, sizeof(b), w->v[1]);
		snprintf(out, n, "Budgetteret belægning %s afviger fra den "
		    "forudsatte belægning for sikrede institutioner i året "
		    "(%s); begrund afvigelsen", a, b);
		break;
	case WARN_NOT_COMPUTED:
	default:
		snprintf(out, n, "Taksten kan ikke beregnes: %.200s",
		    l->problem != NULL ? l->problem : "ukendt fejl");
		break;
	}
}

/* Copy s into out[n], cut at n − 1 bytes. */
static void
copy_cut(char *out, size_t n, const char *s)
{
	size_t m = strlen(s);

	if (m >= n)
		m = n - 1;
	memcpy(out, s, m);
	out[m] = '\0';
}

/* Prefix e's field with lines[i]. and its message with "Linje n: ". */
static int
line_err(struct err *e, size_t i, int rc)
{
	char	field[128], msg[640];

	if (e == NULL)
		return rc;
	snprintf(field, sizeof(field), "lines[%zu]%s%s", i,
	    e->field[0] ? "." : "", e->field);
	copy_cut(e->field, sizeof(e->field), field);
	snprintf(msg, sizeof(msg), "Linje %zu: %s", i + 1, e->msg);
	copy_cut(e->msg, sizeof(e->msg), msg);
	return rc;
}

int64_t
round_days_bp(int64_t occupied, int64_t available)
{
	int64_t	bp;

	if (available <= 0 || occupied < 0 ||
	    money_round((__int128)occupied * MONEY_BP_ONE, available, 1,
	    ROUND_HALF_UP, &bp) != 0 || bp > ROUND_HIST_MAX_BP)
		return -1;
	return bp;
}

int
round_line_history_bp(const struct agreement_params *p,
    const struct round_line_ctx *ctx, const struct service_line *l,
    int64_t *out)
{
	struct occupancy_input	in;
	struct occupancy_result	res;
	const struct occupancy_year *d;
	int			k;

	if (p->occupancy_years != 2 || l->hist_bp[0] < 0 || l->hist_bp[1] < 0)
		return -1;
	memset(&in, 0, sizeof(in));
	in.cls = ctx->cls == OCCUPANCY_SECURE ? OCCUPANCY_ORDINARY : ctx->cls;
	in.nyears = 2;
	for (k = 0; k < 2; k++) {
		d = &ctx->hist_days[k];
		if (d->available > 0 &&
		    round_days_bp(d->occupied, d->available) == l->hist_bp[k])
			in.years[k] = *d;
		else {
			in.years[k].occupied = l->hist_bp[k];
			in.years[k].available = MONEY_BP_ONE;
		}
	}
	if (occupancy_budget(p, &in, &res, NULL) != 0)
		return -1;
	*out = res.budget_bp;
	return 0;
}

static void
occupancy_warnings(const struct agreement_params *p,
    const struct round_line_ctx *ctx, struct service_line *l)
{
	int64_t			floor, avg;
	int			first, last;

	if (ctx->cls == OCCUPANCY_SECURE) {
		/* No band and no history: the year's assumed occupancy. */
		if (l->occupancy_bp != p->secure_occupancy_bp)
			warn(l, WARN_OCC_NOT_ASSUMED, true, l->occupancy_bp,
			    p->secure_occupancy_bp, 0, 0);
		return;
	}
	floor = ctx->cls == OCCUPANCY_SHORT_STAY ? p->occupancy_short_min_bp :
	    p->occupancy_min_bp;
	if (l->occupancy_bp < floor || l->occupancy_bp > p->occupancy_max_bp)
		warn(l, WARN_OCC_OUTSIDE_BAND, true, l->occupancy_bp, floor,
		    p->occupancy_max_bp, 0);
	else if (l->occupancy_bp > p->occupancy_warn_bp)
		warn(l, WARN_OCC_ABOVE_RECOMMENDED, false, l->occupancy_bp,
		    p->occupancy_warn_bp, 0, 0);
	/* The history average, when both source years are known. */
	if (round_line_history_bp(p, ctx, l, &avg) != 0)
		return;
	if (avg != l->occupancy_bp) {
		occupancy_source_years(p, ctx->year, &first, &last);
		warn(l, WARN_OCC_NOT_HISTORY, true, l->occupancy_bp,
		    avg, first, last);
	}
}

static void
increase_warning(const struct round_line_ctx *ctx, struct service_line *l)
{
	__int128 lhs, rhs;

	if (ctx->prev_tariff_ore <= 0)
		return;
	/* tariff / (prev × (1 + pl)) − 1 > threshold, in integers. */
	lhs = (__int128)l->tariff_ore * MONEY_BP_ONE * MONEY_BP_ONE;
	rhs = (__int128)ctx->prev_tariff_ore * (MONEY_BP_ONE + ctx->pl_bp) *
	    (MONEY_BP_ONE + ctx->increase_warn_bp);
	if (lhs > rhs)
		warn(l, WARN_REAL_INCREASE, true, l->tariff_ore,
		    ctx->prev_tariff_ore, ctx->pl_bp, ctx->increase_warn_bp);
}

/*
 * The referral dates of a line: ISO dates, at most one of them, not after
 * the tariff year. An earlier cut-off stays valid: the citizens referred
 * before it keep the old structure's tariffs for as long as they stay,
 * and the lines of both structures are carried into later years.
 */
static int
referral_check(const struct round_line_ctx *ctx, size_t index,
    const struct service_line *l, struct err *e)
{
	const char	*d = l->referred_from ? l->referred_from :
			    l->referred_before;
	const char	*field = l->referred_from ? "referred_from" :
			    "referred_before";
	char		 lo[24], hi[24];

	if (l->referred_from != NULL && l->referred_before != NULL)
		return line_err(e, index, err_set(e, ERR_INVALID,
		    "invalid_referral", "referred_from", "En linje gælder "
		    "enten for borgere visiteret fra en dato eller for borgere "
		    "visiteret før den, ikke begge"));
	if (d == NULL)
		return 0;
	snprintf(lo, sizeof(lo), "%04d-01-01", PARAMS_YEAR_MIN);
	snprintf(hi, sizeof(hi), "%04d-12-31", ctx->year);
	if (!text_date_valid(d) || strcmp(d, lo) < 0 || strcmp(d, hi) > 0)
		return line_err(e, index, err_set(e, ERR_INVALID,
		    "invalid_referral", field, "Skæringsdatoen for visitation "
		    "skal være en dato (ÅÅÅÅ-MM-DD) fra %s til %s", lo, hi));
	return 0;
}

/* Two optional texts are equal (NULL equals NULL only). */
static bool
same_opt(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

/* Some line of lines[0..n) has referred_before (before) or referred_from
   (!before) equal to date. */
static bool
has_referral(const struct service_line *lines, size_t n, const char *date,
    bool before)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (same_opt(before ? lines[i].referred_before :
		    lines[i].referred_from, date))
			return true;
	return false;
}

int
round_line_compute(const struct agreement_params *p,
    const struct round_line_ctx *ctx, size_t index, struct service_line *l,
    struct err *e)
{
	struct tariff_input	in;
	struct tariff_result	res;
	int			rc, k;

	l->computed = false;
	l->problem = NULL;
	l->nwarnings = 0;
	l->base_ore = 0;
	l->startup_ore = 0;
	l->tariff_ore = 0;
	l->exact[0] = '\0';
	if (l->paragraph == NULL || *l->paragraph == '\0')
		return line_err(e, index, err_set(e, ERR_INVALID,
		    "missing_field", "paragraph", "Paragraffen skal angives, "
		    "fx SEL § 107"));
	if (!text_ok(l->paragraph, ROUND_PARAGRAPH_MAX))
		return line_err(e, index, err_set(e, ERR_INVALID,
		    "invalid_paragraph", "paragraph", "Paragraffen må højst "
		    "have %d tegn og ingen styretegn", ROUND_PARAGRAPH_MAX));
	if (l->level == NULL)
		l->level = "";
	if (!text_ok(l->level, ROUND_LEVEL_MAX))
		return line_err(e, index, err_set(e, ERR_INVALID,
		    "invalid_level", "level", "Takstniveauet må højst have %d "
		    "tegn og ingen styretegn", ROUND_LEVEL_MAX));
	if (l->reason != NULL && !text_ok(l->reason, ROUND_REASON_MAX))
		return line_err(e, index, err_set(e, ERR_INVALID,
		    "invalid_reason", "reason", "Begrundelsen må højst have "
		    "%d tegn og ingen styretegn", ROUND_REASON_MAX));
	if ((rc = referral_check(ctx, index, l, e)) != 0)
		return rc;
	for (k = 0; k < 2; k++)
		if (l->hist_bp[k] != -1 && (l->hist_bp[k] < 0 ||
		    l->hist_bp[k] > ROUND_HIST_MAX_BP))
			return line_err(e, index, err_set(e, ERR_INVALID,
			    "invalid_occupancy", "occupancy_history_pct",
			    "Den faktiske belægning skal ligge mellem 0 og "
			    "%d %%", ROUND_HIST_MAX_BP / 100));
	memset(&in, 0, sizeof(in));
	in.year = ctx->year;
	in.unit = l->unit;
	in.places_centi = l->places_centi;
	in.occupancy_bp = l->occupancy_bp;
	in.days = l->days;
	in.month_days = l->month_days;
	in.hours_centi = l->hours_centi;
	in.costs = l->costs;
	in.income_ore = l->income_ore;
	in.carry_over_ore = l->carry_over_ore;
	l->startup_ore = index == 0 ? ctx->startup_ore : 0;
	in.startup_ore = l->startup_ore;
	if ((rc = tariff_compute(p, &in, &res, e)) != 0)
		return line_err(e, index, rc);
	l->base_ore = res.base_ore;
	l->tariff_ore = res.tariff_ore;
	if (money_ratio_str(res.exact_ore, TARIFF_EXACT_DECIMALS, l->exact,
	    sizeof(l->exact)) != 0)
		snprintf(l->exact, sizeof(l->exact), "%lld",
		    (long long)res.tariff_ore);
	l->computed = true;
	occupancy_warnings(p, ctx, l);
	increase_warning(ctx, l);
	return 0;
}

int
round_lines_check(struct service_line *lines, size_t n,
    const int64_t *expected_carry_ore, struct err *e)
{
	size_t	i, j;
	int64_t	sum = 0;

	if (n > ROUND_LINES_MAX)
		return err_set(e, ERR_INVALID, "too_many_lines", "lines",
		    "Højst %d ydelseslinjer i en indberetning",
		    ROUND_LINES_MAX);
	for (i = 0; i < n; i++)
		for (j = 0; j < i; j++)
			if (strcmp(lines[i].paragraph, lines[j].paragraph) ==
			    0 && strcmp(lines[i].level, lines[j].level) == 0 &&
			    lines[i].unit == lines[j].unit &&
			    same_opt(lines[i].referred_from,
			    lines[j].referred_from) &&
			    same_opt(lines[i].referred_before,
			    lines[j].referred_before))
				return line_err(e, i, err_set(e, ERR_INVALID,
				    "duplicate_line", "paragraph", "Samme "
				    "paragraf, niveau og enhed står også i "
				    "linje %zu", j + 1));
	for (i = 0; i < n; i++) {
		if (lines[i].referred_from != NULL &&
		    !has_referral(lines, n, lines[i].referred_from, true))
			return line_err(e, i, err_set(e, ERR_INVALID,
			    "referral_unpaired", "referred_before", "Den nye "
			    "takststruktur gælder for borgere visiteret fra %s; "
			    "angiv også taksterne for borgere visiteret før "
			    "den dato", lines[i].referred_from));
		if (lines[i].referred_before != NULL &&
		    !has_referral(lines, n, lines[i].referred_before, false))
			return line_err(e, i, err_set(e, ERR_INVALID,
			    "referral_unpaired", "referred_from", "Taksten "
			    "gælder for borgere visiteret før %s; angiv også "
			    "den nye takststruktur for borgere visiteret fra "
			    "den dato", lines[i].referred_before));
	}
	if (expected_carry_ore == NULL || n == 0)
		return 0;
	for (i = 0; i < n; i++)
		sum += lines[i].carry_over_ore;
	if (sum != *expected_carry_ore)
		warn(&lines[0], WARN_CARRY_DIFFERS, true, sum,
		    *expected_carry_ore, 0, 0);
	return 0;
}

size_t
round_line_reasons_asked(const struct service_line *l)
{
	size_t i, n = 0;

	for (i = 0; i < l->nwarnings; i++)
		if (l->warnings[i].needs_reason)
			n++;
	return n;
}

bool
round_line_needs_reason(const struct service_line *l)
{
	const char *s = l->reason;

	if (round_line_reasons_asked(l) == 0)
		return false;
	if (s == NULL)
		return true;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return *s == '\0';
}

static int
no_line(struct err *e)
{
	return err_set(e, ERR_NOT_FOUND, "not_found", "pos",
	    "Linjen findes ikke");
}

int
round_lines_put(const struct service_line *in, size_t n,
    const struct service_line *line, struct service_line *out,
    size_t *nout, size_t *at, struct err *e)
{
	const char	*d = line->referred_from;
	size_t		 i, k;

	if (line->pos < 0 || (size_t)line->pos > n)
		return no_line(e);
	for (i = 0; i < n; i++)
		out[i] = in[i];
	k = line->pos == 0 ? n : (size_t)line->pos - 1;
	*nout = line->pos == 0 ? n + 1 : n;
	out[k] = *line;
	out[k].pos = (int)k + 1;
	*at = k;
	/* The first line of a new structure pairs the undated lines. */
	if (d != NULL && *d != '\0' && !has_referral(out, *nout, d, true))
		for (i = 0; i < *nout; i++)
			if (i != k && out[i].referred_from == NULL &&
			    out[i].referred_before == NULL)
				out[i].referred_before = d;
	return 0;
}

int
round_lines_delete(const struct service_line *in, size_t n, int pos,
    struct service_line *out, size_t *nout, struct err *e)
{
	const char	*d;
	size_t		 i, k;

	if (pos < 1 || (size_t)pos > n)
		return no_line(e);
	for (i = 0, k = 0; i < n; i++)
		if (i != (size_t)pos - 1) {
			out[k] = in[i];
			out[k].pos = (int)k + 1;
			k++;
		}
	*nout = k;
	/* The last line of a new structure unpairs the replaced one. */
	d = in[pos - 1].referred_from;
	if (d != NULL && !has_referral(out, k, d, false))
		for (i = 0; i < k; i++)
			if (out[i].referred_before != NULL &&
			    strcmp(out[i].referred_before, d) == 0)
				out[i].referred_before = NULL;
	return 0;
}
