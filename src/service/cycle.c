/*
 * cycle — the annual cycle's steps joined to rounds, meetings and
 * accounts, and the secretariat's rules (see cycle.h).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/cycle.h"
#include "core/meeting.h"
#include "core/offer.h"
#include "core/role.h"
#include "core/round.h"
#include "service/accounts.h"
#include "service/approval.h"
#include "service/cycle.h"
#include "service/cycle_join.h"
#include "service/indmelding.h"
#include "service/meeting.h"
#include "service/register.h"
#include "service/round.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/cycle_store.h"
#include "store/db.h"
#include "store/offer_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

#define HISTORY_MAX	200	/* audit entries shown for one kind */

static const char *const status_names[CYCLE_STATUS_COUNT] = {
	"planned", "open", "done", "overdue", "not_applicable"
};
static const char *const status_labels[CYCLE_STATUS_COUNT] = {
	"Planlagt", "Åben", "Afsluttet", "Overskredet", "Ikke aktuel"
};

const char *
cycle_status_name(enum cycle_status s)
{
	return (unsigned)s < CYCLE_STATUS_COUNT ? status_names[s] : "";
}

const char *
cycle_status_label(enum cycle_status s)
{
	return (unsigned)s < CYCLE_STATUS_COUNT ? status_labels[s] : "";
}

/* ---- the resolvers -------------------------------------------------- */

/* What the resolvers read once per year view. */
struct cache {
	bool			 have_rounds, have_meetings, have_ind, have_docs;
	struct ind_year		*ind;		/* the yearly submissions */
	size_t			 nind;
	struct agreement_doc	*docs;		/* the agreement's documents */
	size_t			 ndocs;
	struct tariff_round	*rounds;
	size_t			 nrounds;
	struct meeting		*meetings;	/* of the year */
	size_t			 nmeetings;
};

static struct cache *
cache_of(struct cycle_resolve_ctx *c)
{
	if (c->cache == NULL)
		c->cache = arena_calloc(c->sys->arena, 1, sizeof(struct cache));
	return c->cache;
}

static bool
may_edit(const struct principal *who)
{
	return who->role == ROLE_ADMIN || who->role == ROLE_OPERATOR;
}

/* Status by date alone: overdue once the date has passed. */
static void
by_date(struct cycle_resolve_ctx *c, struct cycle_item *it)
{
	it->status = strcmp(it->date, c->today) < 0 ? CYCLE_OVERDUE :
	    CYCLE_PLANNED;
}

/*
 * The operators' tariff submission of calendar year Y is the round of
 * tariff year Y + 1 whose deadline falls in Y (the latest such one).
 */
static int
resolve_round(struct cycle_resolve_ctx *c, struct cycle_item *it,
    struct err *e)
{
	struct cache		*k = cache_of(c);
	struct tariff_round	*r = NULL, pr;
	struct round_progress	 prog;
	const char		*due;
	size_t			 i;
	int			 rc;

	if (!k->have_rounds) {
		if ((rc = round_list(c->sys, &k->rounds, &k->nrounds, e)) != 0)
			return rc;
		k->have_rounds = true;
	}
	for (i = 0; i < k->nrounds; i++) {
		if (k->rounds[i].year != c->year + 1 ||
		    atoi(k->rounds[i].deadline) != c->year)
			continue;
		if (r == NULL || strcmp(k->rounds[i].deadline, r->deadline) > 0)
			r = &k->rounds[i];
	}
	if (r == NULL) {
		by_date(c, it);
		return 0;
	}
	due = r->reopened_until != NULL ? r->reopened_until : r->deadline;
	memcpy(it->date, r->deadline, 10);
	it->date[10] = '\0';
	it->link_label = arena_printf(c->sys->arena, "Takstindberetning %d, "
	    "runde %d", r->year, r->no);
	if (may_edit(c->who))
		it->href = arena_printf(c->sys->arena, "/takstindberetning/%lld",
		    (long long)r->id);
	if ((rc = round_get(c->sys, r->id, &pr, &prog, e)) != 0)
		return rc;
	it->detail = arena_printf(c->sys->arena, "%lld af %lld driftsherrer "
	    "har indsendt", (long long)prog.operators_done,
	    (long long)prog.operators);
	if (r->status != ROUND_OPEN || (prog.operators > 0 &&
	    prog.operators_done >= prog.operators))
		it->status = CYCLE_DONE;
	else if (strcmp(due, c->today) < 0)
		it->status = CYCLE_OVERDUE;
	else
		it->status = CYCLE_OPEN;
	return 0;
}

/* 0..: days between two ISO dates, |a - b|. */
static int64_t
days_apart(const char *a, const char *b)
{
	int64_t d;

	d = text_days_from_civil(atoi(a), atoi(a + 5), atoi(a + 8)) -
	    text_days_from_civil(atoi(b), atoi(b + 5), atoi(b + 8));
	return d < 0 ? -d : d;
}

/*
 * A step of DAS is its meeting in the step's month: the one nearest the
 * date from the rules. Held (or with minutes) is done, called is open.
 */
static int
resolve_das(struct cycle_resolve_ctx *c, struct cycle_item *it,
    struct err *e)
{
	struct cache		*k = cache_of(c);
	struct meeting_filter	 f;
	const struct meeting	*m, *best = NULL;
	size_t			 i;
	int			 rc;

	if (!k->have_meetings) {
		memset(&f, 0, sizeof(f));
		f.year = c->year;
		f.public_only = c->who->role != ROLE_ADMIN;
		f.limit = 1000;
		if ((rc = meeting_list(c->sys, &f, &k->meetings, &k->nmeetings,
		    e)) != 0)
			return rc;
		k->have_meetings = true;
	}
	for (i = 0; i < k->nmeetings; i++) {
		m = &k->meetings[i];
		if (m->body_key == NULL || strcmp(m->body_key, "das") != 0 ||
		    m->starts_at == NULL || strlen(m->starts_at) < 10 ||
		    !text_date_valid(arena_strndup(c->sys->arena, m->starts_at,
		    10)) || m->state == MEETING_AFLYST ||
		    strncmp(m->starts_at, it->planned, 7) != 0)
			continue;
		if (best == NULL || days_apart(m->starts_at, it->planned) <
		    days_apart(best->starts_at, it->planned))
			best = m;
	}
	if (best == NULL) {
		by_date(c, it);
		return 0;
	}
	memcpy(it->date, best->starts_at, 10);
	it->date[10] = '\0';
	it->link_label = best->title;
	it->href = arena_printf(c->sys->arena, "/moeder/%lld",
	    (long long)best->id);
	switch (best->state) {
	case MEETING_PLANLAGT:
		it->status = strcmp(it->date, c->today) < 0 ? CYCLE_OVERDUE :
		    CYCLE_PLANNED;
		break;
	case MEETING_INDKALDT:
		it->status = strcmp(it->date, c->today) < 0 ? CYCLE_OVERDUE :
		    CYCLE_OPEN;
		break;
	default:
		it->status = CYCLE_DONE;
		break;
	}
	return 0;
}

/*
 * The operators' annual result of year Y is the accounts of Y - 1 of
 * every active offer covered by the agreement.
 */
static int
resolve_accounts(struct cycle_resolve_ctx *c, struct cycle_item *it,
    struct err *e)
{
	struct offer_filter	 f;
	struct offer		*v;
	struct accounts_row	*acc;
	size_t			 n, nacc, i, j, done = 0;
	int64_t			 total;
	int			 rc;

	memset(&f, 0, sizeof(f));
	f.covered = 1;
	f.status = offer_status_name(OFFER_ACTIVE);
	f.limit = 1000;
	if ((rc = register_offer_list(c->sys, &f, &v, &n, &total, e)) != 0 ||
	    (rc = accounts_list(c->sys, 0, c->year - 1, &acc, &nacc, e)) != 0)
		return rc;
	for (i = 0; i < n; i++)
		for (j = 0; j < nacc; j++)
			if (acc[j].offer_id == v[i].id) {
				done++;
				break;
			}
	if (n == 0) {
		by_date(c, it);		/* no offer to report */
		return 0;
	}
	it->link_label = arena_printf(c->sys->arena, "Regnskab %d",
	    c->year - 1);
	if (may_edit(c->who))
		it->href = "/regnskab";
	it->detail = arena_printf(c->sys->arena, "%zu af %zu tilbud har "
	    "indberettet", done, n);
	if (done >= n)
		it->status = CYCLE_DONE;
	else if (strcmp(it->date, c->today) < 0)
		it->status = CYCLE_OVERDUE;
	else if (done > 0 || atoi(c->today) >= c->year)
		it->status = CYCLE_OPEN;
	else
		it->status = CYCLE_PLANNED;
	return 0;
}

/*
 * The yearly submission (indmelding) whose deadline (or, for the
 * hearing, whose hearing deadline) falls in the calendar year: the
 * latest. NULL when none; *rc an error of the read.
 */
static const struct ind_year *
ind_of_year(struct cycle_resolve_ctx *c, bool hearing, int *rc,
    struct err *e)
{
	struct cache		*k = cache_of(c);
	const struct ind_year	*best = NULL;
	const char		*d, *bd;
	size_t			 i;

	*rc = 0;
	if (!k->have_ind) {
		if ((*rc = ind_list(c->sys, &k->ind, &k->nind, e)) != 0)
			return NULL;
		k->have_ind = true;
	}
	for (i = 0; i < k->nind; i++) {
		d = hearing ? k->ind[i].hearing_deadline : k->ind[i].deadline;
		if (d == NULL || atoi(d) != c->year)
			continue;
		bd = best == NULL ? NULL : hearing ? best->hearing_deadline :
		    best->deadline;
		if (bd == NULL || strcmp(d, bd) > 0)
			best = &k->ind[i];
	}
	return best;
}

/* The municipalities' and operators' submissions (indmeldinger). */
static int
resolve_submissions(struct cycle_resolve_ctx *c, struct cycle_item *it,
    struct err *e)
{
	const struct ind_year	*y;
	struct ind_year		 yy;
	struct ind_progress	 p;
	struct ind_sub		*subs;
	size_t			 nsubs, k;
	int64_t			 done = 0, total = 0;
	int			 rc;

	if ((y = ind_of_year(c, false, &rc, e)) == NULL) {
		if (rc != 0)
			return rc;
		by_date(c, it);
		return 0;
	}
	if ((rc = ind_get(c->sys, y->id, &yy, &p, &subs, &nsubs, e)) != 0)
		return rc;
	for (k = 0; k < IND_KIND_COUNT; k++) {
		done += p.done[k];
		total += p.total[k];
	}
	memcpy(it->date, y->deadline, 10);
	it->date[10] = '\0';
	it->link_label = arena_printf(c->sys->arena, "Indmelding %d", y->year);
	if (c->who->role != ROLE_ANON)
		it->href = arena_printf(c->sys->arena, "/indmeldinger/%lld",
		    (long long)y->id);
	it->detail = arena_printf(c->sys->arena, "%lld af %lld har indsendt",
	    (long long)done, (long long)total);
	if (y->status != IND_OPEN || (total > 0 && done >= total))
		it->status = CYCLE_DONE;
	else if (strcmp(it->date, c->today) < 0)
		it->status = CYCLE_OVERDUE;
	else
		it->status = CYCLE_OPEN;
	return 0;
}

/* The joint written hearing of the compiled status report. */
static int
resolve_hearing(struct cycle_resolve_ctx *c, struct cycle_item *it,
    struct err *e)
{
	const struct ind_year	*y;
	int			 rc;

	if ((y = ind_of_year(c, true, &rc, e)) == NULL) {
		if (rc != 0)
			return rc;
		by_date(c, it);
		return 0;
	}
	memcpy(it->date, y->hearing_deadline, 10);
	it->date[10] = '\0';
	it->link_label = arena_printf(c->sys->arena, "Statusbillede %d",
	    y->year);
	if (c->who->role != ROLE_ANON)
		it->href = arena_printf(c->sys->arena,
		    "/indmeldinger/%lld/statusbillede", (long long)y->id);
	if (y->status == IND_HEARING && strcmp(it->date, c->today) >= 0)
		it->status = CYCLE_OPEN;
	else
		it->status = CYCLE_DONE;
	return 0;
}

/*
 * The councils' approval of an agreement document of kind whose
 * deadline falls in the calendar year (the latest such document).
 */
static int
resolve_doc(struct cycle_resolve_ctx *c, struct cycle_item *it,
    enum approval_kind kind, struct err *e)
{
	struct cache			*k = cache_of(c);
	const struct agreement_doc	*d = NULL;
	size_t				 i;
	int				 rc;

	if (!k->have_docs) {
		if ((rc = approval_doc_list(c->sys, &k->docs, &k->ndocs, e))
		    != 0)
			return rc;
		k->have_docs = true;
	}
	for (i = 0; i < k->ndocs; i++)
		if (k->docs[i].kind == kind && k->docs[i].deadline != NULL &&
		    atoi(k->docs[i].deadline) == c->year &&
		    (d == NULL || strcmp(k->docs[i].deadline, d->deadline) > 0))
			d = &k->docs[i];
	if (d == NULL) {
		by_date(c, it);
		return 0;
	}
	memcpy(it->date, d->deadline, 10);
	it->date[10] = '\0';
	it->link_label = d->title;
	it->href = arena_printf(c->sys->arena, "/aftale/dokumenter/%lld",
	    (long long)d->id);
	it->detail = arena_printf(c->sys->arena, "%d af %d har godkendt",
	    d->approved, d->councils);
	if (d->councils > 0 && d->approved >= d->councils)
		it->status = CYCLE_DONE;
	else if (strcmp(it->date, c->today) < 0)
		it->status = CYCLE_OVERDUE;
	else if (d->stage != STAGE_DRAFT)
		it->status = CYCLE_OPEN;
	else
		it->status = CYCLE_PLANNED;
	return 0;
}

static int
resolve_strategy(struct cycle_resolve_ctx *c, struct cycle_item *it,
    struct err *e)
{
	return resolve_doc(c, it, DOC_STRATEGY, e);
}

static int
resolve_steering(struct cycle_resolve_ctx *c, struct cycle_item *it,
    struct err *e)
{
	return resolve_doc(c, it, DOC_STEERING, e);
}

/*
 * Step kind → resolver. Kinds not here show their date from the rules
 * (planned, or overdue once passed). Submissions, the hearing, the
 * approvals of the agreement's documents, the reinforced cooperation
 * and the regional takeovers join their steps here.
 */
static const struct {
	const char		*kind;
	cycle_resolver_fn	 fn;
} resolvers[] = {
	{ "tariff_round_deadline",	resolve_round },
	{ "das_status",			resolve_das },
	{ "reinforced_decision",	resolve_das },
	{ "das_sustainability",		resolve_das },
	{ "annual_result_deadline",	resolve_accounts },
	{ "submissions_deadline",	resolve_submissions },
	{ "hearing_deadline",		resolve_hearing },
	{ "strategy_approval_deadline",	resolve_strategy },
	{ "steering_agreement_approval_deadline", resolve_steering },
	{ "reinforced_nominations",	cycle_join_nominations },
	{ "expert_panel",		cycle_join_panel },
	{ "reinforced_in_force",	cycle_join_in_force },
	{ "takeover_notice_deadline",	cycle_join_takeover },
};

static cycle_resolver_fn
resolver_for(const char *kind)
{
	size_t i;

	for (i = 0; i < sizeof(resolvers) / sizeof(resolvers[0]); i++)
		if (strcmp(resolvers[i].kind, kind) == 0)
			return resolvers[i].fn;
	return NULL;
}

/* ---- the year ------------------------------------------------------- */

static int
load_rules(struct svc *s, struct cycle_rule **v, struct cycle_rule_row **w,
    size_t *n, struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = cycle_store_list(s->db, s->arena, v, w, n, e);
	db_rollback(s->db);
	return rc;
}

static int
item_cmp(const void *pa, const void *pb)
{
	const struct cycle_item *a = pa, *b = pb;
	int c;

	if ((c = strcmp(a->date, b->date)) != 0)
		return c;
	return strcmp(a->kind, b->kind);
}

/* The joined steps of year from rules v[0..n). */
static int
year_items(struct svc *s, const struct cycle_rule *v, size_t n, int year,
    struct cycle_item **out, size_t *nout, struct err *e)
{
	struct cycle_resolve_ctx c;
	struct cycle_step	*st;
	struct cycle_item	*it;
	struct svc		 sys;
	cycle_resolver_fn	 fn;
	char			 today[11];
	size_t			 ns, i;
	int			 rc;

	st = arena_calloc(s->arena, n + 1, sizeof(*st));
	if ((rc = cycle_steps(v, n, year, st, n, &ns, e)) != 0)
		return rc;
	memcpy(today, s->now_iso, 10);
	today[10] = '\0';
	svc_init(&sys, s->db, s->arena, &svc_system, s->now);
	memset(&c, 0, sizeof(c));
	c.sys = &sys;
	c.who = s->who;
	c.year = year;
	c.today = today;
	it = arena_calloc(s->arena, ns + 1, sizeof(*it));
	for (i = 0; i < ns; i++) {
		memcpy(it[i].date, st[i].date, 11);
		memcpy(it[i].planned, st[i].date, 11);
		it[i].kind = st[i].rule->kind;
		it[i].title = st[i].rule->title;
		it[i].party = st[i].rule->party;
		if ((fn = resolver_for(it[i].kind)) != NULL) {
			if ((rc = fn(&c, &it[i], e)) != 0)
				return rc;
		} else
			by_date(&c, &it[i]);
	}
	qsort(it, ns, sizeof(*it), item_cmp);
	*out = it;
	*nout = ns;
	return 0;
}

int
cycle_year(struct svc *s, int year, struct cycle_item **out, size_t *n,
    struct err *e)
{
	struct cycle_rule	*v;
	size_t			 nv;
	int			 rc;

	if (year < CYCLE_YEAR_MIN || year > CYCLE_YEAR_MAX)
		return err_set(e, ERR_INVALID, "invalid_year", "year",
		    "Året skal ligge mellem %d og %d", CYCLE_YEAR_MIN,
		    CYCLE_YEAR_MAX);
	if ((rc = load_rules(s, &v, NULL, &nv, e)) != 0)
		return rc;
	return year_items(s, v, nv, year, out, n, e);
}

/* Does the acting user's organisation act on steps of party p? */
static bool
acts_on(const struct principal *who, enum cycle_party p)
{
	switch (who->role) {
	case ROLE_ADMIN:
		return true;
	case ROLE_OPERATOR:
		return p == PARTY_OPERATORS || p == PARTY_ALL;
	case ROLE_AUTHORITY:
		return p == PARTY_MUNICIPALITIES || p == PARTY_COUNCILS ||
		    p == PARTY_ALL;
	default:
		return false;
	}
}

int
cycle_due(struct svc *s, const char *from, const char *to,
    struct cycle_item **out, size_t *n, struct err *e)
{
	struct cycle_rule	*v;
	struct cycle_item	*it, *res;
	size_t			 nv, ni, i, k = 0, cap = 0;
	int			 y, rc;

	*out = NULL;
	*n = 0;
	if (!text_date_valid(from) || !text_date_valid(to) ||
	    strcmp(from, to) > 0 || atoi(to) - atoi(from) > 1)
		return err_set(e, ERR_INVALID, "invalid_period", NULL,
		    "Ugyldig periode");
	if (!acts_on(s->who, PARTY_ALL))
		return 0;
	if ((rc = load_rules(s, &v, NULL, &nv, e)) != 0)
		return rc;
	res = arena_calloc(s->arena, 2 * (nv + 1), sizeof(*res));
	cap = 2 * (nv + 1);
	for (y = atoi(from); y <= atoi(to); y++) {
		if ((rc = year_items(s, v, nv, y, &it, &ni, e)) != 0)
			return rc;
		for (i = 0; i < ni && k < cap; i++) {
			if (strcmp(it[i].date, from) < 0 ||
			    strcmp(it[i].date, to) > 0 ||
			    it[i].status == CYCLE_DONE ||
			    it[i].status == CYCLE_NOT_APPLICABLE ||
			    !acts_on(s->who, it[i].party))
				continue;
			res[k++] = it[i];
		}
	}
	*out = res;
	*n = k;
	return 0;
}

/* ---- the rules ------------------------------------------------------ */

int
cycle_rules(struct svc *s, struct cycle_rule_row **out, size_t *n,
    struct err *e)
{
	struct cycle_rule *v;

	return load_rules(s, &v, out, n, e);
}

static json_t *
rule_json(const struct cycle_rule *r)
{
	json_t *j;

	j = json_pack("{s:s, s:i, s:b, s:s?, s:s}", "kind", r->kind,
	    "from_year", r->from_year, "retired", r->retired, "title",
	    r->title, "how", cycle_how_name(r->how));
	if (j == NULL)
		return NULL;
	switch (r->how) {
	case CYCLE_FIXED:
		json_object_set_new(j, "month", json_integer(r->month));
		json_object_set_new(j, "day", json_integer(r->day));
		break;
	case CYCLE_LAST_WEEKDAY:
		json_object_set_new(j, "month", json_integer(r->month));
		json_object_set_new(j, "weekday", json_integer(r->weekday));
		break;
	case CYCLE_RELATIVE:
		json_object_set_new(j, "base_kind", json_string(r->base_kind ?
		    r->base_kind : ""));
		json_object_set_new(j, "offset_days",
		    json_integer(r->offset_days));
		break;
	case CYCLE_ELECTION:
		json_object_set_new(j, "month", json_integer(r->month));
		json_object_set_new(j, "day", json_integer(r->day));
		json_object_set_new(j, "period_year",
		    json_integer(r->period_year));
		break;
	default:
		break;
	}
	json_object_set_new(j, "party", json_string(cycle_party_name(r->party)));
	return j;
}

/* The audit text of r with reason; NULL when r is NULL. */
static const char *
audit_text(struct svc *s, const struct cycle_rule *r, const char *reason)
{
	json_t		*j;
	char		*txt;
	const char	*out;

	if (r == NULL || (j = rule_json(r)) == NULL)
		return NULL;
	if (reason != NULL)
		json_object_set_new(j, "reason", json_string(reason));
	txt = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS | DECIMAL_JSON_FLAGS);
	json_decref(j);
	if (txt == NULL)
		return NULL;
	out = arena_strdup(s->arena, txt);
	free(txt);
	return out;
}

static int
check_reason(const char *reason, struct err *e)
{
	size_t n;

	if (reason == NULL || (n = strlen(reason)) == 0)
		return err_set(e, ERR_INVALID, "missing_reason", "reason",
		    "Angiv hvorfor reglen ændres (fx beslutning i DAS)");
	if (!text_utf8_valid(reason, n) ||
	    text_utf8_len(reason, n) > CYCLE_REASON_MAX)
		return err_set(e, ERR_INVALID, "invalid_reason", "reason",
		    "Begrundelsen må højst være %d tegn", CYCLE_REASON_MAX);
	return 0;
}

/*
 * In the open write transaction: put r (validated) after checking the
 * set it makes, and audit it.
 */
static int
put_checked(struct svc *s, const struct cycle_rule *r, const char *reason,
    int64_t *id, struct err *e)
{
	struct cycle_rule	*v, *set, *old = NULL;
	size_t			 n, i, k = 0;
	int			 rc;

	if ((rc = cycle_store_list(s->db, s->arena, &v, NULL, &n, e)) != 0)
		return rc;
	set = arena_calloc(s->arena, n + 1, sizeof(*set));
	for (i = 0; i < n; i++) {
		if (r->id != 0 && v[i].id == r->id) {
			old = &v[i];
			continue;
		}
		set[k++] = v[i];
	}
	if (r->id != 0 && old == NULL)
		return db_not_found(e, "Reglen");
	if (n >= CYCLE_RULES_MAX && r->id == 0)
		return err_set(e, ERR_CONFLICT, "too_many_rules", NULL,
		    "Årshjulet kan højst have %d regler", CYCLE_RULES_MAX);
	set[k++] = *r;
	if ((rc = cycle_rules_check(set, k, e)) != 0)
		return rc;
	if ((rc = cycle_store_put(s->db, r, reason, s->now_iso, id, e)) != 0)
		return rc;
	return audit_add(s->db, s->who, s->now_iso, "cycle_rule", r->kind,
	    r->retired ? "retire" : old != NULL ? "update" : "create",
	    audit_text(s, old, NULL), audit_text(s, r, reason), e);
}

int
cycle_rule_save(struct svc *s, const struct cycle_rule *r, const char *reason,
    int64_t *id, struct err *e)
{
	int rc;

	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan ændre årshjulets regler");
	if ((rc = cycle_rule_validate(r, e)) != 0 ||
	    (rc = check_reason(reason, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = put_checked(s, r, reason, id, e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	return db_commit(s->db, e);
}

int
cycle_rule_retire(struct svc *s, const char *kind, int year,
    const char *reason, struct err *e)
{
	struct cycle_rule	*v, r;
	const struct cycle_rule	*cur;
	size_t			 n, i;
	int64_t			 id;
	int			 rc;

	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan ændre årshjulets regler");
	if ((rc = check_reason(reason, e)) != 0)
		return rc;
	if (year < CYCLE_YEAR_MIN || year > CYCLE_YEAR_MAX)
		return err_set(e, ERR_INVALID, "invalid_year", "from_year",
		    "Året skal ligge mellem %d og %d", CYCLE_YEAR_MIN,
		    CYCLE_YEAR_MAX);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = cycle_store_list(s->db, s->arena, &v, NULL, &n, e)) != 0)
		goto fail;
	if ((cur = cycle_rule_for(v, n, kind != NULL ? kind : "", year)) ==
	    NULL) {
		rc = err_set(e, ERR_NOT_FOUND, "no_rule", "kind",
		    "Trinnet har ingen gældende regel i %d", year);
		goto fail;
	}
	r = *cur;
	r.id = 0;
	for (i = 0; i < n; i++)
		if (strcmp(v[i].kind, cur->kind) == 0 &&
		    v[i].from_year == year)
			r.id = v[i].id;
	r.from_year = year;
	r.retired = true;
	if ((rc = put_checked(s, &r, reason, &id, e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
cycle_rule_history(struct svc *s, const char *kind, struct audit_entry **out,
    int *n, struct err *e)
{
	int rc;

	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan se reglernes historik");
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = audit_list(s->db, s->arena, "cycle_rule", kind, HISTORY_MAX, out,
	    n, e);
	db_rollback(s->db);
	return rc;
}

int
cycle_seed_defaults(struct svc *s, int *n, struct err *e)
{
	int64_t	count, id;
	size_t	i;
	int	rc;

	*n = 0;
	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan ændre årshjulets regler");
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = cycle_store_count(s->db, &count, e)) != 0)
		goto fail;
	if (count > 0)
		return db_commit(s->db, e);
	for (i = 0; i < cycle_default_nrules; i++) {
		if ((rc = cycle_rule_validate(&cycle_default_rules[i], e)) != 0
		    || (rc = cycle_store_put(s->db, &cycle_default_rules[i],
		    NULL, s->now_iso, &id, e)) != 0 ||
		    (rc = audit_add(s->db, s->who, s->now_iso, "cycle_rule",
		    cycle_default_rules[i].kind, "create", NULL, audit_text(s,
		    &cycle_default_rules[i], "Standard fra årshjulet (DAS 6. "
		    "marts 2014)"), e)) != 0)
			goto fail;
	}
	if ((rc = cycle_rules_check(cycle_default_rules, cycle_default_nrules,
	    e)) != 0)
		goto fail;
	*n = (int)cycle_default_nrules;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}
