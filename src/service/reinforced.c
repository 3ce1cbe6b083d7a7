/*
 * reinforced — the reinforced cooperation and the rescue track (see
 * reinforced.h).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/meeting.h"
#include "core/offer.h"
#include "core/reinforced.h"
#include "core/role.h"
#include "service/meeting.h"
#include "service/reinforced.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/body_store.h"
#include "store/db.h"
#include "store/offer_store.h"
#include "store/org_store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

#define MEETINGS_SCANNED	1000	/* DAS meetings looked through */

static int
finish(struct svc *s, int rc, struct err *e)
{
	if (rc != 0) {
		db_rollback(s->db);
		return rc;
	}
	return db_commit(s->db, e);
}

static int
admin_only(struct svc *s, struct err *e)
{
	if (s->who->role == ROLE_ADMIN)
		return 0;
	return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
	    "Kun sekretariatet kan gøre dette i det forstærkede samarbejde");
}

static int
year_ok(int year, struct err *e)
{
	if (year >= 2007 && year <= 2100)
		return 0;
	return err_set(e, ERR_INVALID, "invalid_year", "year",
	    "Angiv et år mellem 2007 og 2100");
}

static int
text_ok(const char *s, const char *field, const char *label, bool required,
    struct err *e)
{
	if (s == NULL || *s == '\0')
		return required ? err_set(e, ERR_INVALID, "missing", field,
		    "Skriv %s", label) : 0;
	if (strlen(s) > REINFORCED_TEXT_MAX)
		return err_set(e, ERR_INVALID, "too_long", field,
		    "Teksten må højst være %d tegn", REINFORCED_TEXT_MAX);
	return 0;
}

static int
date_ok(const char *s, const char *field, bool required, struct err *e)
{
	if (s == NULL || *s == '\0')
		return required ? err_set(e, ERR_INVALID, "invalid_date",
		    field, "Angiv datoen som en gyldig dato") : 0;
	if (!text_date_valid(s))
		return err_set(e, ERR_INVALID, "invalid_date", field,
		    "Angiv datoen som en gyldig dato");
	return 0;
}

/* Audit with the JSON j (released) as the after value. */
static int
audit(struct svc *s, const char *entity, int64_t id, const char *action,
    json_t *j, struct err *e)
{
	char	*t, *after;

	t = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS | DECIMAL_JSON_FLAGS);
	json_decref(j);
	after = arena_strdup(s->arena, t != NULL ? t : "{}");
	free(t);
	return audit_add(s->db, s->who, s->now_iso, entity,
	    arena_printf(s->arena, "%lld", (long long)id), action, NULL,
	    after, e);
}

/* The coverages of v[0..n) in force on date (ISO), into *out. */
static void
in_force_on(struct svc *s, const struct reinforced_coverage *v, size_t n,
    const char *date, struct reinforced_coverage **out, size_t *nout)
{
	size_t i;

	*out = arena_calloc(s->arena, n + 1, sizeof(**out));
	*nout = 0;
	for (i = 0; i < n; i++)
		if (strcmp(v[i].valid_from, date) <= 0 &&
		    (*v[i].valid_to == '\0' ||
		    strcmp(v[i].valid_to, date) >= 0))
			(*out)[(*nout)++] = v[i];
}

int
reinforced_view_get(struct svc *s, int year, struct reinforced_view *out,
    struct err *e)
{
	struct reinforced_coverage	*cur = NULL, *all = NULL;
	size_t				 ncur = 0, nall = 0, i;
	int				 rc;

	memset(out, 0, sizeof(*out));
	if ((rc = year_ok(year, e)) != 0)
		return rc;
	out->year = year;
	reinforced_panel_month(year, out->panel_month);
	reinforced_in_force(year, out->in_force);
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if ((rc = reinforced_store_nominations(s->db, s->arena, year,
	    &out->noms, &out->nnoms, e)) != 0 ||
	    (rc = reinforced_store_assessments(s->db, s->arena, year,
	    &out->assessments, &out->nassessments, e)) != 0 ||
	    (rc = reinforced_store_coverages(s->db, s->arena, 0, 0, &cur,
	    &ncur, e)) != 0 ||
	    (rc = reinforced_store_coverages(s->db, s->arena, 0, year,
	    &out->decided, &out->ndecided, e)) != 0 ||
	    (rc = reinforced_store_coverages(s->db, s->arena, 0, -1, &all,
	    &nall, e)) != 0 ||
	    (rc = reinforced_store_year(s->db, s->arena, year, &out->y, e))
	    != 0 ||
	    (rc = reinforced_store_cases(s->db, s->arena, &out->cases,
	    &out->ncases, e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	db_rollback(s->db);
	out->reassess = arena_calloc(s->arena, ncur + 1, sizeof(*cur));
	for (i = 0; i < ncur; i++)
		if (reinforced_reassess_due(cur[i].valid_from, year))
			out->reassess[out->nreassess++] = cur[i];
	in_force_on(s, all, nall, out->in_force, &out->covered,
	    &out->ncovered);
	return 0;
}

int
reinforced_covered(struct svc *s, int year, struct reinforced_coverage **out,
    size_t *n, struct err *e)
{
	struct reinforced_coverage	*all = NULL;
	size_t				 nall = 0;
	char				 day[11];
	int				 rc;

	if ((rc = year_ok(year, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = reinforced_store_coverages(s->db, s->arena, 0, -1, &all, &nall,
	    e);
	db_rollback(s->db);
	if (rc != 0)
		return rc;
	reinforced_in_force(year, day);
	in_force_on(s, all, nall, day, out, n);
	return 0;
}

int
reinforced_offer(struct svc *s, int64_t offer_id,
    struct reinforced_coverage **out, size_t *n, struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = reinforced_store_coverages(s->db, s->arena, offer_id, 0, out, n,
	    e);
	db_rollback(s->db);
	return rc;
}

int
reinforced_nominate(struct svc *s, int year, int64_t offer_id,
    const char *org, const char *reason, struct err *e)
{
	struct reinforced_nomination	 v;
	struct offer			 o;
	int64_t				 id = 0;
	int				 rc, kind;

	if ((rc = year_ok(year, e)) != 0)
		return rc;
	if (s->who->role == ROLE_OPERATOR || s->who->role == ROLE_AUTHORITY)
		org = s->who->org_code;
	else if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun driftsherrer og kommuner kan indstille tilbud");
	if (org == NULL || *org == '\0')
		return err_set(e, ERR_INVALID, "org_missing", "org",
		    "Vælg hvem der indstiller tilbuddet");
	if (offer_id <= 0)
		return err_set(e, ERR_INVALID, "offer_missing", "offer_id",
		    "Vælg tilbuddet");
	if ((rc = text_ok(reason, "reason", "begrundelsen", true, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = offer_store_get(s->db, s->arena, offer_id, &o, e)) != 0)
		return finish(s, rc, e);
	if (s->who->role == ROLE_OPERATOR && (o.operator_code == NULL ||
	    strcmp(o.operator_code, org) != 0))
		return finish(s, err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "En driftsherre kan kun indstille sine egne tilbud"), e);
	if (!org_store_exists(s->db, org, &kind))
		return finish(s, err_set(e, ERR_INVALID, "unknown_org", "org",
		    "Ukendt organisation"), e);
	memset(&v, 0, sizeof(v));
	v.year = year;
	v.offer_id = offer_id;
	v.nominated_by = org;
	v.reason = reason;
	if ((rc = reinforced_store_nominate(s->db, &v, s->who->username,
	    s->now_iso, &id, e)) == 0)
		rc = audit(s, "reinforced", year, "nominate", json_pack(
		    "{s:I, s:s, s:s}", "offer_id", (json_int_t)offer_id,
		    "nominated_by", org, "reason", reason), e);
	return finish(s, rc, e);
}

int
reinforced_assess(struct svc *s, int year, int64_t offer_id,
    unsigned criteria, bool recommend, const char *note, struct err *e)
{
	struct reinforced_assessment	 v;
	struct reinforced_coverage	*cur = NULL;
	struct reinforced_year		 y;
	struct offer			 o;
	size_t				 n = 0, i;
	int				 rc;

	if ((rc = admin_only(s, e)) != 0 || (rc = year_ok(year, e)) != 0)
		return rc;
	if (offer_id <= 0)
		return err_set(e, ERR_INVALID, "offer_missing", "offer_id",
		    "Vælg tilbuddet");
	if ((criteria & ~CRIT_ALL) != 0)
		return err_set(e, ERR_INVALID, "invalid_criteria", "criteria",
		    "Ukendt kriterium");
	if (recommend && criteria == 0)
		return err_set(e, ERR_INVALID, "criteria_missing", "criteria",
		    "Vælg de kriterier, tilbuddet opfylder, når panelet "
		    "anbefaler det");
	if ((rc = text_ok(note, "note", "bemærkningen", false, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = offer_store_get(s->db, s->arena, offer_id, &o, e)) != 0 ||
	    (rc = reinforced_store_year(s->db, s->arena, year, &y, e)) != 0 ||
	    (rc = reinforced_store_coverages(s->db, s->arena, offer_id, 0,
	    &cur, &n, e)) != 0)
		return finish(s, rc, e);
	if (*y.decided_on != '\0')
		return finish(s, err_set(e, ERR_CONFLICT, "already_decided",
		    NULL, "DAS har allerede truffet beslutning for %d", year),
		    e);
	memset(&v, 0, sizeof(v));
	v.year = year;
	v.offer_id = offer_id;
	v.criteria = criteria;
	v.recommend = recommend;
	v.note = note;
	for (i = 0; i < n; i++)
		if (cur[i].status != COVER_ENDED && cur[i].year < year)
			v.reassessment = true;
	if ((rc = reinforced_store_assess(s->db, &v, s->who->username,
	    s->now_iso, e)) == 0)
		rc = audit(s, "reinforced", year, "assess", json_pack(
		    "{s:I, s:i, s:b, s:b, s:s}", "offer_id",
		    (json_int_t)offer_id, "criteria", (int)criteria,
		    "recommend", recommend, "reassessment", v.reassessment,
		    "note", note != NULL ? note : ""), e);
	return finish(s, rc, e);
}

/* The next DAS meeting not yet held, or 0. */
static int
next_das(struct svc *s, int64_t *meeting_id, struct err *e)
{
	struct meeting_filter	 f;
	struct meeting		*m = NULL;
	const char		*best = NULL;
	size_t			 n = 0, i;
	int64_t			 body;
	int			 rc;

	*meeting_id = 0;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	body = body_store_find_name(s->db, "DAS");
	db_rollback(s->db);
	if (body <= 0)
		return 0;
	memset(&f, 0, sizeof(f));
	f.body_id = body;
	f.limit = MEETINGS_SCANNED;
	if ((rc = meeting_list(s, &f, &m, &n, e)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		if ((m[i].state != MEETING_PLANLAGT &&
		    m[i].state != MEETING_INDKALDT) || m[i].starts_at == NULL ||
		    strncmp(m[i].starts_at, s->now_iso, 10) < 0)
			continue;
		if (best == NULL || strcmp(m[i].starts_at, best) < 0) {
			best = m[i].starts_at;
			*meeting_id = m[i].id;
		}
	}
	return 0;
}

int
reinforced_to_das(struct svc *s, int year, int64_t *meeting_id,
    struct err *e)
{
	struct reinforced_view	 v;
	struct reinforced_year	 y;
	struct item_input	 in;
	struct buf		 bg, rec;
	int64_t			 item = 0;
	size_t			 i, yes = 0, no = 0;
	int			 rc;

	if ((rc = admin_only(s, e)) != 0 ||
	    (rc = reinforced_view_get(s, year, &v, e)) != 0)
		return rc;
	if (v.y.item_id > 0)
		return err_set(e, ERR_CONFLICT, "already_on_agenda", NULL,
		    "Indstillingen for %d er allerede sat på en dagsorden",
		    year);
	for (i = 0; i < v.nassessments; i++)
		v.assessments[i].recommend ? yes++ : no++;
	if (yes == 0)
		return err_set(e, ERR_CONFLICT, "nothing_recommended", NULL,
		    "Ekspertpanelet har ikke anbefalet nogen tilbud for %d",
		    year);
	if ((rc = next_das(s, meeting_id, e)) != 0)
		return rc;
	if (*meeting_id == 0)
		return err_set(e, ERR_CONFLICT, "no_das_meeting", NULL,
		    "Der er ikke planlagt et kommende møde i DAS. Opret mødet "
		    "under Møder først");
	buf_init(&bg);
	buf_init(&rec);
	buf_printf(&bg, "Ekspertpanelet har vurderet de indstillede tilbud og "
	    "de tilbud, der har været omfattet i 1½ år, efter de aftalte "
	    "kriterier.\n");
	buf_printf(&rec, "Det indstilles, at DAS godkender, at følgende "
	    "tilbud er omfattet af det forstærkede samarbejde fra 1. juli "
	    "%d:", year);
	for (i = 0; i < v.nassessments; i++) {
		const struct reinforced_assessment *a = &v.assessments[i];

		buf_printf(&bg, "\n%s (%s): %d af %d kriterier opfyldt; %s.",
		    a->offer_name, a->reassessment ? "genvurdering" : "ny",
		    reinforced_criteria_count(a->criteria), CRIT_COUNT,
		    a->recommend ? "anbefales" : "anbefales ikke");
		if (a->recommend)
			buf_printf(&rec, "\n- %s", a->offer_name);
	}
	if (no > 0)
		buf_printf(&rec, "\nTilbud, der genvurderes uden anbefaling, "
		    "er ikke længere omfattet fra 1. juli %d.", year);
	memset(&in, 0, sizeof(in));
	in.section = SECTION_BEHANDLING;
	in.title = arena_printf(s->arena, "Det forstærkede samarbejde %d – "
	    "ekspertpanelets indstilling", year);
	in.background = arena_strdup(s->arena, buf_str(&bg));
	in.recommendation = arena_strdup(s->arena, buf_str(&rec));
	buf_cleanup(&bg);
	buf_cleanup(&rec);
	if ((rc = meeting_item_add(s, *meeting_id, &in, &item, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = reinforced_store_year(s->db, s->arena, year, &y, e)) != 0)
		return finish(s, rc, e);
	y.item_id = item;
	if ((rc = reinforced_store_year_put(s->db, &y, s->now_iso, e)) == 0)
		rc = audit(s, "reinforced", year, "agenda", json_pack(
		    "{s:I, s:I}", "meeting_id", (json_int_t)*meeting_id,
		    "item_id", (json_int_t)item), e);
	return finish(s, rc, e);
}

int
reinforced_decide(struct svc *s, int year, const char *decided_on,
    struct err *e)
{
	struct reinforced_assessment	*v = NULL;
	struct reinforced_year		 y;
	char				 from[11], end[11];
	size_t				 n = 0, i, covered = 0;
	int				 rc;

	if ((rc = admin_only(s, e)) != 0 || (rc = year_ok(year, e)) != 0 ||
	    (rc = date_ok(decided_on, "decided_on", true, e)) != 0)
		return rc;
	reinforced_in_force(year, from);
	snprintf(end, sizeof(end), "%04u-06-30", (unsigned)year % 10000u);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = reinforced_store_year(s->db, s->arena, year, &y, e)) != 0 ||
	    (rc = reinforced_store_assessments(s->db, s->arena, year, &v, &n,
	    e)) != 0)
		return finish(s, rc, e);
	if (*y.decided_on != '\0')
		return finish(s, err_set(e, ERR_CONFLICT, "already_decided",
		    NULL, "DAS har allerede truffet beslutning for %d", year),
		    e);
	for (i = 0; i < n && rc == 0; i++) {
		if (v[i].recommend) {
			rc = reinforced_store_cover(s->db, v[i].offer_id, year,
			    from, s->now_iso, e);
			covered++;
		} else if (v[i].reassessment)
			rc = reinforced_store_end(s->db, v[i].offer_id, end,
			    s->now_iso, e);
	}
	if (rc == 0 && covered == 0)
		rc = err_set(e, ERR_CONFLICT, "nothing_recommended", NULL,
		    "Ekspertpanelet har ikke anbefalet nogen tilbud for %d",
		    year);
	if (rc != 0)
		return finish(s, rc, e);
	y.decided_on = decided_on;
	if ((rc = reinforced_store_year_put(s->db, &y, s->now_iso, e)) == 0)
		rc = audit(s, "reinforced", year, "decide", json_pack(
		    "{s:s, s:i}", "decided_on", decided_on, "covered",
		    (int)covered), e);
	return finish(s, rc, e);
}

int
reinforced_approve(struct svc *s, int year, const char *approved_on,
    struct err *e)
{
	struct reinforced_year	y;
	int			rc;

	if ((rc = admin_only(s, e)) != 0 || (rc = year_ok(year, e)) != 0 ||
	    (rc = date_ok(approved_on, "approved_on", true, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = reinforced_store_year(s->db, s->arena, year, &y, e)) != 0)
		return finish(s, rc, e);
	if (*y.decided_on == '\0')
		return finish(s, err_set(e, ERR_CONFLICT, "not_decided", NULL,
		    "DAS har endnu ikke truffet beslutning for %d", year), e);
	if (strcmp(approved_on, y.decided_on) < 0)
		return finish(s, err_set(e, ERR_INVALID, "invalid_date",
		    "approved_on", "Godkendelsen kan ikke ligge før DAS' "
		    "beslutning"), e);
	y.approved_on = approved_on;
	if ((rc = reinforced_store_approve(s->db, year, s->now_iso, e)) == 0 &&
	    (rc = reinforced_store_year_put(s->db, &y, s->now_iso, e)) == 0)
		rc = audit(s, "reinforced", year, "approve", json_pack(
		    "{s:s}", "approved_on", approved_on), e);
	return finish(s, rc, e);
}

int
reinforced_rescue_open(struct svc *s, int64_t offer_id, const char *warning,
    const char *opened_on, const char *members, const char *deadline,
    int64_t *id, struct err *e)
{
	struct rescue_case	c;
	struct offer		o;
	int			rc;

	if ((rc = admin_only(s, e)) != 0)
		return rc;
	if (offer_id <= 0)
		return err_set(e, ERR_INVALID, "offer_missing", "offer_id",
		    "Vælg tilbuddet");
	if ((rc = text_ok(warning, "warning", "advarselstegnet", true, e))
	    != 0 || (rc = date_ok(opened_on, "opened_on", true, e)) != 0 ||
	    (rc = text_ok(members, "members", "taskforcen", false, e)) != 0 ||
	    (rc = date_ok(deadline, "deadline", false, e)) != 0)
		return rc;
	memset(&c, 0, sizeof(c));
	c.offer_id = offer_id;
	c.warning = warning;
	c.opened_on = opened_on;
	c.members = members;
	c.deadline = deadline;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = offer_store_get(s->db, s->arena, offer_id, &o, e)) == 0 &&
	    (rc = reinforced_store_case_insert(s->db, &c, s->now_iso, id, e))
	    == 0)
		rc = audit(s, "rescue_case", *id, "create", json_pack(
		    "{s:I, s:s, s:s, s:s, s:s}", "offer_id",
		    (json_int_t)offer_id, "warning", warning, "opened_on",
		    opened_on, "members", members ? members : "", "deadline",
		    deadline ? deadline : ""), e);
	return finish(s, rc, e);
}

int
reinforced_rescue_get(struct svc *s, int64_t id, struct rescue_case *out,
    struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = reinforced_store_case(s->db, s->arena, id, out, e);
	db_rollback(s->db);
	return rc;
}

int
reinforced_rescue_update(struct svc *s, int64_t id, const char *members,
    const char *deadline, const char *terms, const char *terms_on,
    const char *note, bool close, struct err *e)
{
	struct rescue_case	c;
	char			today[11];
	int			rc;

	if ((rc = admin_only(s, e)) != 0)
		return rc;
	if ((rc = text_ok(members, "members", "taskforcen", false, e)) != 0 ||
	    (rc = date_ok(deadline, "deadline", false, e)) != 0 ||
	    (rc = text_ok(terms, "terms", "vilkårene", false, e)) != 0 ||
	    (rc = date_ok(terms_on, "terms_on", terms != NULL &&
	    *terms != '\0', e)) != 0 ||
	    (rc = text_ok(note, "note", "opfølgningen", false, e)) != 0)
		return rc;
	memcpy(today, s->now_iso, 10);
	today[10] = '\0';
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = reinforced_store_case(s->db, s->arena, id, &c, e)) != 0)
		return finish(s, rc, e);
	if (c.status == RESCUE_CLOSED)
		return finish(s, err_set(e, ERR_CONFLICT, "case_closed", NULL,
		    "Nødsporet er lukket"), e);
	c.members = members != NULL ? members : "";
	c.deadline = deadline != NULL ? deadline : "";
	c.terms = terms != NULL ? terms : "";
	c.terms_on = terms != NULL && *terms != '\0' ? terms_on : "";
	c.status = *c.terms != '\0' ? RESCUE_TERMS : RESCUE_OPEN;
	if (close) {
		c.status = RESCUE_CLOSED;
		c.closed_on = today;
	}
	if ((rc = reinforced_store_case_update(s->db, &c, s->now_iso, e)) == 0 &&
	    note != NULL && *note != '\0')
		rc = reinforced_store_note_add(s->db, id, today, note,
		    s->who->username, s->now_iso, e);
	if (rc == 0)
		rc = audit(s, "rescue_case", id, close ? "close" : "update",
		    json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "members",
		    c.members, "deadline", c.deadline, "terms", c.terms,
		    "terms_on", c.terms_on, "status",
		    rescue_status_name(c.status), "note", note ? note : ""),
		    e);
	return finish(s, rc, e);
}
