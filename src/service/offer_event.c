/*
 * offer_event — opt-outs and offers' events (see offer_event.h).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/offer.h"
#include "core/offer_event.h"
#include "core/org.h"
#include "core/role.h"
#include "service/offer_event.h"
#include "service/register.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/offer_store.h"
#include "store/org_store.h"
#include "store/takeover_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

static int
finish(struct svc *s, int rc, struct err *e)
{
	if (rc != 0) {
		db_rollback(s->db);
		return rc;
	}
	return db_commit(s->db, e);
}

/* Append an audit record of entity/id with the JSON j (consumed). */
static int
audit_json(struct svc *s, const char *entity, int64_t id, const char *action,
    json_t *j, struct err *e)
{
	char	*txt, *after;

	txt = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	after = arena_strdup(s->arena, txt != NULL ? txt : "{}");
	free(txt);
	return audit_add(s->db, s->who, s->now_iso, entity,
	    arena_printf(s->arena, "%lld", (long long)id), action, NULL, after,
	    e);
}

int
optout_list(struct svc *s, int64_t offer_id, const char *municipality,
    struct optout_row **out, size_t *n, struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = optout_store_list(s->db, s->arena, offer_id, municipality, out, n,
	    e);
	db_rollback(s->db);
	return rc;
}

/* The municipality's latest step on the offer, or -1; in a transaction. */
static int
latest_step(struct svc *s, int64_t offer_id, const char *muni, int *last,
    struct err *e)
{
	struct optout_row	*v = NULL;
	size_t			 n = 0;
	enum optout_step	 st;
	int			 rc;

	*last = -1;
	if ((rc = optout_store_list(s->db, s->arena, offer_id, muni, &v, &n,
	    e)) != 0)
		return rc;
	if (n > 0 && optout_step_parse(v[n - 1].kind, &st) == 0)
		*last = (int)st;
	return 0;
}

int
optout_record(struct svc *s, int64_t offer_id, const char *municipality,
    const char *step, const char *text, struct err *e)
{
	struct optout_row	 r;
	struct offer		 o;
	enum optout_step	 st;
	int64_t			 id;
	int			 kind = -1, last, rc;
	bool			 admin = s->who->role == ROLE_ADMIN;

	if (optout_step_parse(step, &st) != 0)
		return err_set(e, ERR_INVALID, "invalid_step", "step",
		    "Vælg, hvad der skal registreres");
	if (st == OPTOUT_GENOVERVEJ ? !admin :
	    (s->who->role != ROLE_AUTHORITY || s->who->org_code == NULL ||
	    municipality == NULL ||
	    strcmp(s->who->org_code, municipality) != 0))
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    st == OPTOUT_GENOVERVEJ ? "Kun sekretariatet kan bede en "
		    "kommune genoverveje et fravalg" : "Kun kommunen selv kan "
		    "fravælge eller tilvælge et tilbud");
	if (text == NULL || *text == '\0')
		return err_set(e, ERR_INVALID, "text_missing", "text",
		    st == OPTOUT_GENOVERVEJ ? "Skriv sekretariatets bemærkning "
		    "til kommunen" : "Skriv kommunens begrundelse");
	if (!text_utf8_valid(text, strlen(text)) ||
	    text_utf8_len(text, strlen(text)) > OPTOUT_TEXT_MAX)
		return err_set(e, ERR_INVALID, "text_too_long", "text",
		    "Teksten må højst være %d tegn", OPTOUT_TEXT_MAX);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = offer_store_get(s->db, s->arena, offer_id, &o, e)) != 0)
		return finish(s, rc, e);
	if (municipality == NULL ||
	    !org_store_exists(s->db, municipality, &kind) ||
	    kind != ORG_KOMMUNE)
		return finish(s, err_set(e, ERR_INVALID, "unknown_municipality",
		    "municipality", "Vælg en kommune"), e);
	if ((rc = latest_step(s, offer_id, municipality, &last, e)) != 0 ||
	    (rc = optout_step_check(st, last, o.category, o.covered, admin,
	    e)) != 0)
		return finish(s, rc, e);
	memset(&r, 0, sizeof(r));
	r.offer_id = offer_id;
	r.municipality = municipality;
	r.kind = optout_step_name(st);
	r.text = text;
	r.created_at = s->now_iso;
	r.created_by = s->who->username;
	if ((rc = optout_store_insert(s->db, &r, &id, e)) == 0)
		rc = audit_json(s, "offer_optout", id, optout_step_name(st),
		    json_pack("{s:I, s:s, s:s, s:s}", "offer_id",
		    (json_int_t)offer_id, "municipality", municipality, "step",
		    r.kind, "text", text), e);
	return finish(s, rc, e);
}

int
offer_event_list(struct svc *s, int64_t offer_id,
    struct offer_event_row **out, size_t *n, struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = offer_event_store_list(s->db, s->arena, offer_id, NULL, out, n,
	    e);
	db_rollback(s->db);
	return rc;
}

static json_t *
event_json(const struct offer_event_row *r)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:I}",
	    "offer_id", (json_int_t)r->offer_id, "kind", r->kind, "on_date",
	    r->on_date, "from_operator", r->from_operator, "to_operator",
	    r->to_operator, "from_status", r->from_status, "to_status",
	    r->to_status, "note", r->note != NULL ? r->note : "",
	    "takeover_id", (json_int_t)r->takeover_id);
}

/* Change the offer's record as event r says and mark r applied. */
static int
apply_in_tx(struct svc *s, struct offer_event_row *r, struct err *e)
{
	struct offer		o;
	enum offer_status	st;
	int			rc;

	if ((rc = offer_store_get(s->db, s->arena, r->offer_id, &o, e)) != 0)
		return rc;
	o.operator_code = *r->to_operator != '\0' ? r->to_operator : NULL;
	if (offer_status_parse(r->to_status, &st) == 0 && st != o.status) {
		o.status = st;
		o.status_from = r->on_date;
	}
	if ((rc = register_offer_update_in_tx(s, &o, o.version, e)) != 0 ||
	    (rc = offer_event_store_applied(s->db, r->id, s->now_iso, e)) != 0)
		return rc;
	r->applied_at = s->now_iso;
	return audit_json(s, "offer_event", r->id, "apply", event_json(r), e);
}

/* The checks of a new event against the offer and its earlier events. */
static int
event_check(struct svc *s, const struct offer *o, enum offer_event_kind k,
    struct offer_event_row *r, struct err *e)
{
	struct offer_event_row	*v = NULL;
	size_t			 n = 0;
	int			 kind = -1, rc;

	if ((rc = offer_event_store_list(s->db, s->arena, o->id, NULL, &v, &n,
	    e)) != 0)
		return rc;
	r->from_operator = o->operator_code != NULL ? o->operator_code : "";
	r->from_status = offer_status_name(o->status);
	if (n > 0) {
		if (strcmp(r->on_date, v[n - 1].on_date) <= 0)
			return err_set(e, ERR_CONFLICT, "event_order",
			    "on_date", "Datoen skal ligge efter tilbuddets "
			    "seneste hændelse (%s)", v[n - 1].on_date);
		r->from_operator = v[n - 1].to_operator;
		r->from_status = v[n - 1].to_status;
	}
	if (strcmp(r->from_status, "closed") == 0)
		return err_set(e, ERR_CONFLICT, "offer_closed", "kind",
		    "Tilbuddet er lukket");
	if (k == OFFER_EVENT_LUKKET) {
		r->to_operator = r->from_operator;
		r->to_status = "closed";
		return 0;
	}
	r->to_status = "active";
	if (r->to_operator == NULL || *r->to_operator == '\0' ||
	    !org_store_exists(s->db, r->to_operator, &kind))
		return err_set(e, ERR_INVALID, "unknown_operator",
		    "to_operator", "Vælg den nye driftsherre");
	if (k == OFFER_EVENT_HJEMTAGET && kind != ORG_KOMMUNE)
		return err_set(e, ERR_INVALID, "not_municipality",
		    "to_operator", "Et tilbud hjemtages af en kommune");
	if (strcmp(r->to_operator, r->from_operator) == 0)
		return err_set(e, ERR_INVALID, "same_operator", "to_operator",
		    "Den nye driftsherre er den samme som den hidtidige");
	return 0;
}

int
offer_event_record(struct svc *s, int64_t offer_id, const char *kind,
    const char *on_date, const char *to_operator, const char *note,
    int64_t *id, struct err *e)
{
	struct offer_event_row	 r;
	struct offer		 o;
	enum offer_event_kind	 k;
	int64_t			 nid = 0;
	int			 rc;

	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan registrere, at et tilbud overtages, "
		    "hjemtages eller lukkes");
	if (offer_event_kind_parse(kind, &k) != 0)
		return err_set(e, ERR_INVALID, "invalid_kind", "kind",
		    "Vælg, hvad der sker med tilbuddet");
	if (on_date == NULL || !text_date_valid(on_date))
		return err_set(e, ERR_INVALID, "invalid_date", "on_date",
		    "Skriv datoen, det sker fra");
	if (note != NULL && (!text_utf8_valid(note, strlen(note)) ||
	    text_utf8_len(note, strlen(note)) > OPTOUT_TEXT_MAX))
		return err_set(e, ERR_INVALID, "text_too_long", "note",
		    "Noten må højst være %d tegn", OPTOUT_TEXT_MAX);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = offer_store_get(s->db, s->arena, offer_id, &o, e)) != 0)
		return finish(s, rc, e);
	memset(&r, 0, sizeof(r));
	r.offer_id = offer_id;
	r.kind = offer_event_kind_name(k);
	r.on_date = on_date;
	r.to_operator = to_operator;
	r.note = note != NULL ? note : "";
	r.created_at = s->now_iso;
	r.created_by = s->who->username;
	r.applied_at = "";
	if ((rc = event_check(s, &o, k, &r, e)) != 0 ||
	    (rc = offer_event_store_insert(s->db, &r, &nid, e)) != 0)
		return finish(s, rc, e);
	r.id = nid;
	if ((rc = audit_json(s, "offer_event", nid, "create", event_json(&r),
	    e)) == 0 && strncmp(on_date, s->now_iso, 10) <= 0)
		rc = apply_in_tx(s, &r, e);
	if (rc == 0 && id != NULL)
		*id = nid;
	return finish(s, rc, e);
}

int
offer_event_apply_due(struct svc *s, size_t *applied, struct err *e)
{
	struct offer_event_row	*v = NULL;
	char			 today[11];
	size_t			 n = 0, i;
	int			 rc;

	*applied = 0;
	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan gennemføre hændelser");
	memcpy(today, s->now_iso, 10);
	today[10] = '\0';
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = offer_event_store_list(s->db, s->arena, 0, today, &v, &n, e);
	db_rollback(s->db);
	if (rc != 0)
		return rc;
	for (i = 0; i < n; i++) {
		if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
			return rc;
		if ((rc = finish(s, apply_in_tx(s, &v[i], e), e)) != 0)
			return rc;
		(*applied)++;
	}
	return 0;
}

int
offer_event_takeover_in_tx(struct svc *s, const struct takeover *t,
    const struct offer *before, struct err *e)
{
	struct offer_event_row	r;
	int64_t			id;
	int			rc;

	memset(&r, 0, sizeof(r));
	r.offer_id = t->offer_id;
	r.kind = offer_event_kind_name(OFFER_EVENT_HJEMTAGET);
	r.on_date = t->takeover_on;
	r.from_operator = before->operator_code != NULL ?
	    before->operator_code : "";
	r.to_operator = t->to_code;
	r.from_status = offer_status_name(before->status);
	r.to_status = r.from_status;
	r.note = "Overtaget efter reglen om valgperioder";
	r.takeover_id = t->id;
	r.created_at = s->now_iso;
	r.created_by = s->who->username;
	if ((rc = offer_event_store_insert(s->db, &r, &id, e)) != 0 ||
	    (rc = offer_event_store_applied(s->db, id, s->now_iso, e)) != 0)
		return rc;
	return audit_json(s, "offer_event", id, "create", event_json(&r), e);
}

int
offer_event_as_of(struct svc *s, struct offer *v, size_t n,
    const char *date, struct err *e)
{
	struct offer_event_row		*ev = NULL;
	struct offer_event_state	*st;
	enum offer_status		 os;
	const char			*op, *status;
	size_t				 ne = 0, i, j, k, m;
	int				 rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = offer_event_store_list(s->db, s->arena, 0, NULL, &ev, &ne, e);
	db_rollback(s->db);
	if (rc != 0 || ne == 0)
		return rc;
	st = arena_alloc(s->arena, ne * sizeof(*st));
	for (i = 0; i < n; i++) {
		for (j = 0; j < ne && ev[j].offer_id != v[i].id; j++)
			;
		for (m = 0, k = j; k < ne && ev[k].offer_id == v[i].id; k++) {
			st[m].on_date = ev[k].on_date;
			st[m].from_operator = ev[k].from_operator;
			st[m].to_operator = ev[k].to_operator;
			st[m].from_status = ev[k].from_status;
			st[m++].to_status = ev[k].to_status;
		}
		if (m == 0)
			continue;
		op = v[i].operator_code;
		status = offer_status_name(v[i].status);
		offer_event_state_at(st, m, date, &op, &status);
		v[i].operator_code = *op != '\0' ? op : NULL;
		if (offer_status_parse(status, &os) == 0)
			v[i].status = os;
	}
	return 0;
}

int
offer_event_operator_of_year(struct svc *s, int64_t offer_id,
    const char *current, int year, const char **operator, bool *changed,
    struct err *e)
{
	struct offer_event_row		*ev = NULL;
	struct offer_event_state	*st;
	const char			*op, *status = "";
	size_t				 ne = 0, k;
	char				 end[11];
	int				 rc;

	*operator = current;
	if (changed != NULL)
		*changed = false;
	if ((rc = offer_event_store_list(s->db, s->arena, offer_id, NULL, &ev,
	    &ne, e)) != 0 || ne == 0)
		return rc;
	st = arena_alloc(s->arena, ne * sizeof(*st));
	for (k = 0; k < ne; k++) {
		st[k].on_date = ev[k].on_date;
		st[k].from_operator = ev[k].from_operator;
		st[k].to_operator = ev[k].to_operator;
		st[k].from_status = ev[k].from_status;
		st[k].to_status = ev[k].to_status;
		if (changed != NULL &&
		    strcmp(ev[k].from_operator, ev[k].to_operator) != 0)
			*changed = true;
	}
	snprintf(end, sizeof(end), "%04d-12-31", year);
	op = current != NULL ? current : "";
	offer_event_state_at(st, ne, end, &op, &status);
	*operator = *op != '\0' ? op : current;
	return 0;
}
