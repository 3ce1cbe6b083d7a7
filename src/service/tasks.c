/*
 * tasks — the open tasks of the acting user, read from the round,
 * accounts, register and meeting services (and, for follow-ups past
 * due, which no service lists across bodies, from meeting_store in a
 * read transaction of its own). See tasks.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/meeting.h"
#include "core/offer.h"
#include "core/role.h"
#include "core/round.h"
#include "service/accounts.h"
#include "service/analysis.h"
#include "service/approval.h"
#include "service/cycle.h"
#include "service/indmelding.h"
#include "service/meeting.h"
#include "service/register.h"
#include "service/round.h"
#include "service/svc.h"
#include "service/tasks.h"
#include "store/db.h"
#include "store/meeting_store.h"
#include "store/offer_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

#define UPCOMING_MAX	5	/* meetings coming up shown to readers */

/* The tasks being gathered, with today's date to judge lateness. */
struct gather {
	struct svc	*s;
	struct task	*v;
	size_t		 n;
	size_t		 more;		/* beyond TASKS_MAX */
	char		 today[11];	/* ISO date */
};

static struct task *
add(struct gather *g, enum task_kind kind, int64_t id, const char *due_on)
{
	struct task *t;

	if (g->n >= TASKS_MAX) {
		g->more++;
		return NULL;
	}
	t = &g->v[g->n++];
	memset(t, 0, sizeof(*t));
	t->kind = kind;
	t->id = id;
	if (due_on != NULL && *due_on != '\0') {
		t->due_on = arena_strndup(g->s->arena, due_on, 10);
		t->overdue = strcmp(t->due_on, g->today) < 0;
	}
	t->rank = 1;
	return t;
}

/* The last day to submit in round r: its reopening, else its deadline. */
static const char *
round_due(const struct tariff_round *r)
{
	return r->reopened_until != NULL ? r->reopened_until : r->deadline;
}

static const char *
round_name(struct svc *s, const struct tariff_round *r)
{
	return arena_printf(s->arena, "Takstindberetning %d, runde %d",
	    r->year, r->no);
}

/* Operator: drafts and returned submissions of open rounds. */
static int
operator_submissions(struct gather *g, const struct tariff_round *rounds,
    size_t nr, struct err *e)
{
	struct submission	*sub;
	struct task		*t;
	size_t			 i, j, ns;
	int			 rc;

	for (i = 0; i < nr; i++) {
		if (rounds[i].status != ROUND_OPEN)
			continue;
		if ((rc = round_submissions(g->s, rounds[i].id, &sub, &ns,
		    e)) != 0)
			return rc;
		for (j = 0; j < ns; j++) {
			if (sub[j].status != SUBMISSION_DRAFT &&
			    sub[j].status != SUBMISSION_RETURNED)
				continue;
			if ((t = add(g, TASK_SUBMISSION, sub[j].id,
			    round_due(&rounds[i]))) == NULL)
				continue;
			t->year = rounds[i].year;
			t->what = arena_printf(g->s->arena, "%s – %s",
			    sub[j].offer_name, round_name(g->s, &rounds[i]));
			t->state = submission_status_label(sub[j].status);
			if (sub[j].status == SUBMISSION_RETURNED) {
				t->rank = 0;
				t->detail = sub[j].comment != NULL ?
				    arena_printf(g->s->arena, "Sekretariatet: "
				    "%s", sub[j].comment) : NULL;
			}
		}
	}
	return 0;
}

/* Operator: its covered, active offers without accounts for last year. */
static int
operator_accounts(struct gather *g, struct err *e)
{
	struct offer_filter	 f;
	struct offer		*v;
	struct accounts_row	*acc;
	struct task		*t;
	size_t			 n, nacc, i, j;
	int64_t			 total;
	int			 rc, year;

	if (g->s->who->org_code == NULL)
		return 0;
	year = atoi(g->today) - 1;
	memset(&f, 0, sizeof(f));
	f.operator_code = g->s->who->org_code;
	f.covered = 1;
	f.status = offer_status_name(OFFER_ACTIVE);
	f.limit = 1000;
	if ((rc = register_offer_list(g->s, &f, &v, &n, &total, e)) != 0 ||
	    (rc = accounts_list(g->s, 0, year, &acc, &nacc, e)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		for (j = 0; j < nacc; j++)
			if (acc[j].offer_id == v[i].id)
				break;
		if (j < nacc)
			continue;
		if ((t = add(g, TASK_ACCOUNTS, v[i].id, NULL)) == NULL)
			continue;
		t->year = year;
		t->what = arena_printf(g->s->arena, "%s – årsresultat %d",
		    v[i].name, year);
		t->state = "Ikke indberettet";
	}
	return 0;
}

/* Operators and municipalities: tariff analyses in hearing. */
static int
hearings(struct gather *g, struct err *e)
{
	struct analysis	*v;
	struct task	*t;
	size_t		 n, i;
	int		 rc;

	if ((rc = analysis_list(g->s, &v, &n, e)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		if (strcmp(v[i].state, "hearing") != 0 ||
		    v[i].deadline == NULL ||
		    strcmp(v[i].deadline, g->today) < 0)
			continue;
		if ((t = add(g, TASK_ANALYSIS_HEARING, v[i].id,
		    v[i].deadline)) == NULL)
			continue;
		t->year = v[i].to_year;
		t->what = v[i].title;
		t->detail = "Kommentér tallene for jeres tilbud inden fristen";
		t->state = "I høring";
	}
	return 0;
}

/* Secretariat: submissions waiting, rounds past deadline with gaps. */
static int
admin_rounds(struct gather *g, const struct tariff_round *rounds, size_t nr,
    struct err *e)
{
	struct round_progress	 pr;
	struct tariff_round	 r;
	struct submission	*sub;
	struct task		*t;
	size_t			 i, j, ns;
	int			 rc;

	for (i = 0; i < nr; i++) {
		if (rounds[i].status == ROUND_PUBLISHED)
			continue;
		if ((rc = round_submissions(g->s, rounds[i].id, &sub, &ns,
		    e)) != 0)
			return rc;
		for (j = 0; j < ns; j++) {
			if (sub[j].status != SUBMISSION_SUBMITTED)
				continue;
			if ((t = add(g, TASK_REVIEW, sub[j].id, NULL)) == NULL)
				continue;
			t->year = rounds[i].year;
			t->what = arena_printf(g->s->arena, "%s – %s",
			    sub[j].offer_name, round_name(g->s, &rounds[i]));
			t->detail = sub[j].operator_name;
			t->state = submission_status_label(sub[j].status);
		}
		if (rounds[i].status != ROUND_OPEN ||
		    strcmp(round_due(&rounds[i]), g->today) >= 0)
			continue;
		if ((rc = round_get(g->s, rounds[i].id, &r, &pr, e)) != 0)
			return rc;
		if (pr.operators_done >= pr.operators)
			continue;
		if ((t = add(g, TASK_ROUND_MISSING, r.id,
		    round_due(&r))) == NULL)
			continue;
		t->year = r.year;
		t->what = round_name(g->s, &r);
		t->detail = arena_printf(g->s->arena, "%lld af %lld "
		    "driftsherrer har indsendt", (long long)pr.operators_done,
		    (long long)pr.operators);
		t->state = "Mangler indberetninger";
	}
	return 0;
}

/* Secretariat: follow-ups past due, minutes waiting for approval. */
static int
admin_meetings(struct gather *g, struct err *e)
{
	struct meeting_filter	 f;
	struct meeting		*m;
	struct follow_up	*fu;
	struct task		*t;
	size_t			 n, i;
	int			 rc;

	if ((rc = db_begin(g->s->db, DB_READ, e)) != 0)
		return rc;
	rc = meeting_store_follow_ups_due(g->s->db, g->s->arena, g->today,
	    &fu, &n, e);
	db_rollback(g->s->db);
	if (rc != 0)
		return rc;
	for (i = 0; i < n; i++) {
		if ((t = add(g, TASK_FOLLOW_UP, fu[i].meeting_id,
		    fu[i].due_on)) == NULL)
			continue;
		t->what = arena_printf(g->s->arena, "Opfølgning: %s",
		    fu[i].text);
		t->detail = fu[i].owner != NULL ? arena_printf(g->s->arena,
		    "%s, punkt %d. Ansvarlig: %s", fu[i].meeting_title,
		    fu[i].item_number, fu[i].owner) : arena_printf(
		    g->s->arena, "%s, punkt %d", fu[i].meeting_title,
		    fu[i].item_number);
		t->state = strcmp(fu[i].status, "i_gang") == 0 ? "I gang" :
		    "Åben";
	}
	memset(&f, 0, sizeof(f));
	f.limit = 1000;
	if ((rc = meeting_list(g->s, &f, &m, &n, e)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		if (m[i].state != MEETING_REFERAT_UDKAST)
			continue;
		if ((t = add(g, TASK_MINUTES, m[i].id, NULL)) == NULL)
			continue;
		t->what = arena_printf(g->s->arena, "Referat: %s",
		    m[i].title);
		t->detail = m[i].body_name;
		t->state = meeting_state_label(m[i].state);
		if (m[i].starts_at != NULL)
			t->year = atoi(m[i].starts_at);
	}
	return 0;
}

/* Everyone else: meetings coming up, the newest Takstoversigt. */
static int
news(struct gather *g, struct err *e)
{
	struct meeting_filter	 f;
	struct meeting		*m;
	struct tariff_filter	 tf;
	struct published_tariff	*pt;
	struct task		*t;
	const char		**groups;
	int			*years;
	size_t			 n, i, ng, ny, shown = 0;
	int			 rc;

	memset(&f, 0, sizeof(f));
	f.public_only = true;
	f.limit = 1000;
	if ((rc = meeting_list(g->s, &f, &m, &n, e)) != 0)
		return rc;
	/* Newest first: the soonest upcoming meetings are the last ones. */
	for (i = n; i-- > 0 && shown < UPCOMING_MAX; ) {
		if (m[i].starts_at == NULL || m[i].state == MEETING_AFLYST ||
		    strncmp(m[i].starts_at, g->today, 10) < 0)
			continue;
		if ((t = add(g, TASK_MEETING, m[i].id, NULL)) == NULL)
			break;
		t->what = m[i].title;
		t->detail = m[i].body_name;
		t->due_on = arena_strndup(g->s->arena, m[i].starts_at, 10);
		t->year = atoi(m[i].starts_at);
		shown++;
	}
	if ((rc = round_tariff_facets(g->s, &groups, &ng, &years, &ny,
	    e)) != 0)
		return rc;
	if (ny == 0)
		return 0;
	for (i = 1; i < ny; i++)
		if (years[i] > years[0])
			years[0] = years[i];
	memset(&tf, 0, sizeof(tf));
	tf.year = years[0];
	tf.limit = 1;
	if ((rc = round_tariffs(g->s, &tf, &pt, &n, NULL, e)) != 0)
		return rc;
	if ((t = add(g, TASK_TARIFFS, 0, NULL)) == NULL)
		return 0;
	t->year = years[0];
	t->what = arena_printf(g->s->arena, "Takstoversigt %d", years[0]);
	t->state = "Offentliggjort";
	if (n > 0 && pt[0].published_at != NULL)
		t->detail = pt[0].published_at;	/* the page shows the time */
	return 0;
}

/*
 * Approvals of the agreement's documents missing: the organisation's own
 * council (party), or for the secretariat (party NULL) one task per
 * document naming the councils missing.
 */
static int
approvals(struct gather *g, const char *party, struct err *e)
{
	struct approval_row	*v = NULL;
	struct agreement_doc	 d;
	struct task		*t = NULL;
	size_t			 n = 0, i;
	int			 rc;

	if ((rc = approval_pending(g->s, party, &v, &n, e)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		if (t != NULL && party == NULL && t->id == v[i].doc_id) {
			t->detail = arena_printf(g->s->arena, "%s, %s",
			    t->detail, v[i].name);
			continue;
		}
		if ((rc = db_begin(g->s->db, DB_READ, e)) != 0)
			return rc;
		rc = approval_store_doc(g->s->db, g->s->arena, v[i].doc_id, &d,
		    e);
		db_rollback(g->s->db);
		if (rc != 0)
			return rc;
		if ((t = add(g, TASK_APPROVAL, d.id, d.deadline)) == NULL)
			return 0;
		t->year = d.year;
		if (party != NULL) {
			t->what = arena_printf(g->s->arena, "%s – godkendelse "
			    "i %s", d.title, v[i].name);
			t->state = "Afventer";
		} else {
			t->what = arena_printf(g->s->arena, "%s – %d af %d har "
			    "godkendt", d.title, d.approved, d.councils);
			t->detail = arena_printf(g->s->arena, "Mangler: %s",
			    v[i].name);
		}
	}
	return 0;
}

/* The steps of the annual cycle the user's organisation acts on soon. */
static int
cycle_steps_due(struct gather *g, struct err *e)
{
	struct cycle_item	*v;
	struct task		*t;
	char			 from[11], to[11];
	int64_t			 z;
	size_t			 n, i;
	int			 y, m, d, rc;

	z = text_days_from_civil(atoi(g->today), atoi(g->today + 5),
	    atoi(g->today + 8));
	text_civil_from_days(z - CYCLE_TASKS_BEFORE, &y, &m, &d);
	snprintf(from, sizeof(from), "%04u-%02u-%02u", (unsigned)y % 10000u,
	    (unsigned)m % 100u, (unsigned)d % 100u);
	text_civil_from_days(z + CYCLE_TASKS_AHEAD, &y, &m, &d);
	snprintf(to, sizeof(to), "%04u-%02u-%02u", (unsigned)y % 10000u,
	    (unsigned)m % 100u, (unsigned)d % 100u);
	if ((rc = cycle_due(g->s, from, to, &v, &n, e)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		if ((t = add(g, TASK_CYCLE, 0, v[i].date)) == NULL)
			continue;
		t->year = atoi(v[i].date);
		t->what = v[i].title;
		t->detail = v[i].detail != NULL ? v[i].detail :
		    v[i].link_label;
		t->state = v[i].status == CYCLE_OVERDUE ? NULL :
		    cycle_status_label(v[i].status);
		t->href = v[i].href != NULL ? v[i].href : arena_printf(
		    g->s->arena, "/aarshjul?aar=%d#maaned-%d", t->year,
		    atoi(v[i].date + 5));
		t->rank = 2;
	}
	return 0;
}

static int
task_cmp(const struct task *a, const struct task *b)
{
	if (a->overdue != b->overdue)
		return a->overdue ? -1 : 1;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	if ((a->due_on == NULL) != (b->due_on == NULL))
		return a->due_on == NULL ? 1 : -1;
	if (a->due_on != NULL)
		return strcmp(a->due_on, b->due_on);
	return 0;
}

void
tasks_sort(struct task *v, size_t n)
{
	struct task	tmp;
	size_t		i, j;

	/* Insertion sort: stable, and n is small (TASKS_MAX). */
	for (i = 1; i < n; i++) {
		tmp = v[i];
		for (j = i; j > 0 && task_cmp(&tmp, &v[j - 1]) < 0; j--)
			v[j] = v[j - 1];
		v[j] = tmp;
	}
}

bool
task_is_news(enum task_kind kind)
{
	return kind == TASK_MEETING || kind == TASK_TARIFFS;
}

/*
 * The yearly indmeldinger: a party's drafts and returned ones, the
 * secretariat's to review; a party's hearings that run.
 */
static int
indmeldinger(struct gather *g, struct err *e)
{
	struct ind_sub	 *v;
	struct ind_year	 *ys;
	const char	**due;
	struct task	 *t;
	size_t		  n, i;
	int		  rc;
	bool		  admin = g->s->who->role == ROLE_ADMIN;

	if ((rc = ind_tasks(g->s, &v, &n, &due, e)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		if ((t = add(g, admin ? TASK_IND_REVIEW : TASK_INDMELDING,
		    v[i].id, admin ? NULL : due[i])) == NULL)
			continue;
		t->year = v[i].year;
		t->what = admin ? arena_printf(g->s->arena, "Indmelding %d – "
		    "%s", v[i].year, v[i].org_name) : arena_printf(
		    g->s->arena, "Indmelding %d", v[i].year);
		t->detail = arena_printf(g->s->arena, "%lld af %lld tilbud "
		    "besvaret", (long long)v[i].nanswered,
		    (long long)v[i].nlines);
		t->state = submission_status_label(v[i].status);
		if (v[i].status == SUBMISSION_RETURNED) {
			t->rank = 0;
			if (v[i].comment != NULL)
				t->detail = arena_printf(g->s->arena,
				    "Sekretariatet: %s", v[i].comment);
		}
	}
	if (admin || g->s->who->org_code == NULL)
		return 0;
	if ((rc = ind_list(g->s, &ys, &n, e)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		if (ys[i].status != IND_HEARING || ys[i].hearing_deadline ==
		    NULL || strcmp(ys[i].hearing_deadline, g->today) < 0)
			continue;
		if ((t = add(g, TASK_HEARING, ys[i].id,
		    ys[i].hearing_deadline)) == NULL)
			continue;
		t->year = ys[i].year;
		t->what = arena_printf(g->s->arena, "Høring over "
		    "statusbilledet %d", ys[i].year);
		t->detail = "Giv jeres høringssvar, per tilbud eller generelt";
	}
	return 0;
}

int
tasks_list(struct svc *s, struct task **out, size_t *n, size_t *more,
    struct err *e)
{
	struct gather		 g;
	struct tariff_round	*rounds = NULL;
	size_t			 nr = 0;
	int			 rc = 0;

	memset(&g, 0, sizeof(g));
	g.s = s;
	g.v = arena_calloc(s->arena, TASKS_MAX, sizeof(*g.v));
	memcpy(g.today, s->now_iso, 10);
	switch (s->who->role) {
	case ROLE_OPERATOR:
		if ((rc = round_list(s, &rounds, &nr, e)) == 0 &&
		    (rc = operator_submissions(&g, rounds, nr, e)) == 0 &&
		    (rc = operator_accounts(&g, e)) == 0 &&
		    (rc = indmeldinger(&g, e)) == 0)
			rc = hearings(&g, e);
		break;
	case ROLE_ADMIN:
		if ((rc = round_list(s, &rounds, &nr, e)) == 0 &&
		    (rc = admin_rounds(&g, rounds, nr, e)) == 0 &&
		    (rc = admin_meetings(&g, e)) == 0 &&
		    (rc = approvals(&g, NULL, e)) == 0)
			rc = indmeldinger(&g, e);
		break;
	case ROLE_AUTHORITY:
		if (s->who->org_code != NULL &&
		    (rc = approvals(&g, s->who->org_code, e)) != 0)
			break;
		if ((rc = indmeldinger(&g, e)) == 0 &&
		    (rc = hearings(&g, e)) == 0)
			rc = news(&g, e);
		break;
	case ROLE_READER:
		rc = news(&g, e);
		break;
	default:
		break;
	}
	if (rc == 0)
		rc = cycle_steps_due(&g, e);
	if (rc != 0)
		return rc;
	tasks_sort(g.v, g.n);
	*out = g.v;
	*n = g.n;
	if (more != NULL)
		*more = g.more;
	return 0;
}
