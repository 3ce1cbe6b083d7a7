/*
 * indmelding — the yearly submissions and the joint hearing (see
 * indmelding.h).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/indmelding.h"
#include "core/params.h"
#include "core/role.h"
#include "service/agreement.h"
#include "service/indmelding.h"
#include "service/mail_events.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/indmelding_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

static void
today_of(const struct svc *s, char out[11])
{
	memcpy(out, s->now_iso, 10);
	out[10] = '\0';
}

static bool
is_admin(const struct svc *s)
{
	return s->who->role == ROLE_ADMIN;
}

static int
admin_only(const struct svc *s, struct err *e)
{
	if (!is_admin(s))
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan gøre dette");
	return 0;
}

static int
users_only(const struct svc *s, struct err *e)
{
	if (s->who->role == ROLE_ANON)
		return err_set(e, ERR_UNAUTHORIZED, "login_required", NULL,
		    "Log ind for at se indmeldingerne");
	return 0;
}

/* Is sub the acting user's own: its organisation, and the right role? */
static bool
own(const struct svc *s, const struct ind_sub *sub)
{
	const char *org = s->who->org_code;

	if (org == NULL || strcmp(org, sub->org_code) != 0)
		return false;
	return (s->who->role == ROLE_AUTHORITY &&
	    sub->kind == IND_MUNICIPALITY) ||
	    (s->who->role == ROLE_OPERATOR && sub->kind == IND_OPERATOR);
}

static int
not_yours(struct err *e)
{
	return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
	    "Du kan kun se og udfylde din egen organisations indmelding");
}

static const char *
idtxt(struct svc *s, int64_t id)
{
	return arena_printf(s->arena, "%lld", (long long)id);
}

/* JSON text of j in the arena; j is released. */
static char *
dump(struct svc *s, json_t *j)
{
	char *txt, *copy;

	txt = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS | DECIMAL_JSON_FLAGS);
	json_decref(j);
	copy = arena_strdup(s->arena, txt != NULL ? txt : "null");
	free(txt);
	return copy;
}

static json_t *
str_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

static json_t *
fig(int64_t v)
{
	return v >= 0 ? json_integer((json_int_t)v) : json_null();
}

json_t *
ind_year_json(const struct ind_year *y)
{
	json_t *j;

	j = json_pack("{s:I, s:I, s:i, s:s, s:s}", "id", (json_int_t)y->id,
	    "version", (json_int_t)y->version, "year", y->year,
	    "deadline", y->deadline, "status",
	    ind_year_status_name(y->status));
	json_object_set_new(j, "hearing_deadline",
	    str_or_null(y->hearing_deadline));
	json_object_set_new(j, "agenda_meeting_id",
	    y->agenda_meeting_id ? json_integer(y->agenda_meeting_id) :
	    json_null());
	json_object_set_new(j, "agenda_item_id", y->agenda_item_id ?
	    json_integer(y->agenda_item_id) : json_null());
	return j;
}

static json_t *
line_json(enum ind_kind k, const struct ind_line *l)
{
	json_t *j = json_pack("{s:I}", "offer_id", (json_int_t)l->offer_id);

	if (l->offer_name != NULL)
		json_object_set_new(j, "offer_name", json_string(l->offer_name));
	if (k == IND_MUNICIPALITY) {
		json_object_set_new(j, "use_places_centi",
		    fig(l->use_places_centi));
		json_object_set_new(j, "use_days", fig(l->use_days));
		json_object_set_new(j, "change", l->change ?
		    json_string(ind_change_name(l->change)) : json_null());
		json_object_set_new(j, "change_note",
		    str_or_null(l->change_note));
		json_object_set_new(j, "no_use_reason",
		    str_or_null(l->no_use_reason));
		json_object_set_new(j, "alternative",
		    str_or_null(l->alternative));
		return j;
	}
	json_object_set_new(j, "capacity_centi", fig(l->capacity_centi));
	json_object_set_new(j, "occupancy_bp", fig(l->occupancy_bp));
	json_object_set_new(j, "occupancy_prev_bp",
	    fig(l->occupancy_prev_bp));
	json_object_set_new(j, "waiting", fig(l->waiting));
	json_object_set_new(j, "catchment", str_or_null(l->catchment));
	json_object_set_new(j, "development", str_or_null(l->development));
	json_object_set_new(j, "plans", str_or_null(l->plans));
	json_object_set_new(j, "declaration_url",
	    str_or_null(l->declaration_url));
	return j;
}

json_t *
ind_sub_json(const struct ind_sub *sub)
{
	json_t	*j, *a;
	size_t	 i;

	j = json_pack("{s:I, s:I, s:I, s:i, s:s, s:s, s:s, s:s, s:s, s:I, "
	    "s:I}", "id", (json_int_t)sub->id, "version",
	    (json_int_t)sub->version, "year_id", (json_int_t)sub->year_id,
	    "year", sub->year, "org_code", sub->org_code, "org_name",
	    sub->org_name ? sub->org_name : "", "kind",
	    ind_kind_name(sub->kind), "status",
	    submission_status_name(sub->status), "general",
	    sub->general ? sub->general : "", "offers",
	    (json_int_t)sub->nlines, "answered", (json_int_t)sub->nanswered);
	json_object_set_new(j, "comment", str_or_null(sub->comment));
	json_object_set_new(j, "submitted_at", str_or_null(sub->submitted_at));
	json_object_set_new(j, "reviewed_at", str_or_null(sub->reviewed_at));
	if (sub->lines != NULL) {
		a = json_array();
		for (i = 0; i < sub->nline; i++)
			json_array_append_new(a, line_json(sub->kind,
			    &sub->lines[i]));
		json_object_set_new(j, "lines", a);
	}
	if (sub->kind == IND_MUNICIPALITY && sub->lines != NULL) {
		a = json_array();
		for (i = 0; i < sub->nfit; i++)
			json_array_append_new(a, json_pack("{s:s, s:i, s:o}",
			    "group", sub->fits[i].grp, "fit", sub->fits[i].fit,
			    "note", str_or_null(sub->fits[i].note)));
		json_object_set_new(j, "fits", a);
	}
	return j;
}

/* ---- years ---------------------------------------------------------- */

int
ind_open(struct svc *s, int year, const char *deadline, int64_t *id,
    int64_t *nsub, struct err *e)
{
	struct ind_year	 y;
	char		 today[11];
	int64_t		 n = 0;
	int		 rc;

	if ((rc = admin_only(s, e)) != 0)
		return rc;
	today_of(s, today);
	if (year < 2000 || year > 2100)
		return err_set(e, ERR_INVALID, "invalid_year", "year",
		    "Angiv året som fire cifre (2000–2100)");
	if (deadline == NULL || !text_date_valid(deadline))
		return err_set(e, ERR_INVALID, "invalid_date", "deadline",
		    "Angiv fristen som en dato (ÅÅÅÅ-MM-DD)");
	if (strcmp(deadline, today) < 0)
		return err_set(e, ERR_INVALID, "deadline_past", "deadline",
		    "Fristen ligger før i dag; vælg en frist i dag eller "
		    "senere");
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if (ind_store_year_find(s->db, year) != 0) {
		rc = err_set(e, ERR_CONFLICT, "year_exists", "year",
		    "Indmeldingen for %d er allerede åbnet", year);
		goto fail;
	}
	if ((rc = ind_store_year_insert(s->db, year, deadline, s->now_iso, id,
	    e)) != 0 ||
	    (rc = ind_store_create_subs(s->db, *id, year, s->now_iso, &n,
	    e)) != 0 ||
	    (rc = ind_store_year_get(s->db, s->arena, *id, &y, e)) != 0)
		goto fail;
	if ((rc = audit_add(s->db, s->who, s->now_iso, "indmelding_year",
	    idtxt(s, *id), "create", NULL, arena_printf(s->arena,
	    "{\"year\":%s,\"submissions\":%lld}", dump(s, ind_year_json(&y)),
	    (long long)n), e)) != 0 ||
	    (rc = mail_ind_opened(s, &y, e)) != 0)
		goto fail;
	if ((rc = db_commit(s->db, e)) != 0)
		return rc;
	if (nsub != NULL)
		*nsub = n;
	return 0;
fail:
	db_rollback(s->db);
	return rc;
}

int
ind_list(struct svc *s, struct ind_year **out, size_t *n, struct err *e)
{
	int rc;

	if ((rc = users_only(s, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = ind_store_year_list(s->db, s->arena, out, n, e);
	db_rollback(s->db);
	return rc;
}

int
ind_get(struct svc *s, int64_t id, struct ind_year *out,
    struct ind_progress *progress, struct ind_sub **subs, size_t *nsubs,
    struct err *e)
{
	const char	*org = NULL;
	int		 rc;

	*subs = NULL;
	*nsubs = 0;
	if ((rc = users_only(s, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if ((rc = ind_store_year_get(s->db, s->arena, id, out, e)) != 0 ||
	    (progress != NULL &&
	    (rc = ind_store_progress(s->db, id, progress, e)) != 0))
		goto done;
	if (is_admin(s))
		rc = ind_store_subs(s->db, s->arena, id, NULL, subs, nsubs, e);
	else if ((s->who->role == ROLE_AUTHORITY ||
	    s->who->role == ROLE_OPERATOR) && (org = s->who->org_code) != NULL) {
		struct ind_sub	*v;
		size_t		 n, i, k = 0;

		rc = ind_store_subs(s->db, s->arena, id, org, &v, &n, e);
		for (i = 0; rc == 0 && i < n; i++)
			if (own(s, &v[i]))
				v[k++] = v[i];
		*subs = v;
		*nsubs = k;
	}
done:
	db_rollback(s->db);
	return rc;
}

/* ---- one submission ----------------------------------------------- */

/* Load sub id and its year; the user must be admin or its party. */
static int
load(struct svc *s, int64_t id, struct ind_sub *sub, struct ind_year *y,
    struct err *e)
{
	int rc;

	if ((rc = ind_store_sub_get(s->db, s->arena, id, sub, e)) != 0 ||
	    (rc = ind_store_year_get(s->db, s->arena, sub->year_id, y, e)) != 0)
		return rc;
	if (!is_admin(s) && !own(s, sub))
		return not_yours(e);
	return 0;
}

int
ind_sub_get(struct svc *s, int64_t id, struct ind_sub_view *out,
    struct err *e)
{
	struct err	 why;
	char		 today[11];
	int		 rc;

	memset(out, 0, sizeof(*out));
	if ((rc = users_only(s, e)) != 0)
		return rc;
	today_of(s, today);
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = load(s, id, &out->sub, &out->year, e);
	db_rollback(s->db);
	if (rc != 0)
		return rc;
	err_clear(&why);
	out->may_edit = ind_sub_may(out->year.status, out->year.deadline,
	    out->sub.status, SUBMISSION_EDIT, today, is_admin(s), &why) == 0;
	if (!out->may_edit)
		out->why_not = arena_strdup(s->arena, why.msg);
	out->may_approve = is_admin(s) && ind_sub_may(out->year.status,
	    out->year.deadline, out->sub.status, SUBMISSION_APPROVE, today,
	    true, NULL) == 0;
	out->may_review = is_admin(s) && ind_sub_may(out->year.status,
	    out->year.deadline, out->sub.status, SUBMISSION_RETURN, today,
	    true, NULL) == 0;
	return 0;
}

/* Begin a change of sub id: loaded, the user's, editable, not stale. */
static int
begin_edit(struct svc *s, int64_t id, int64_t expected_version,
    struct ind_sub *sub, struct ind_year *y, struct err *e)
{
	char	today[11];
	int	rc;

	today_of(s, today);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = load(s, id, sub, y, e)) != 0 ||
	    (rc = ind_sub_may(y->status, y->deadline, sub->status,
	    SUBMISSION_EDIT, today, is_admin(s), e)) != 0)
		goto fail;
	if (expected_version != 0 && sub->version != expected_version) {
		rc = err_set(e, ERR_PRECONDITION, "stale_version", NULL,
		    "Indmeldingen er ændret af en anden i mellemtiden; hent "
		    "den igen");
		goto fail;
	}
	return 0;
fail:
	db_rollback(s->db);
	return rc;
}

/* Bump the version, audit before/after, commit. */
static int
finish_edit(struct svc *s, const struct ind_sub *before, const char *action,
    int64_t *version, struct err *e)
{
	struct ind_sub	after;
	int		rc;

	if ((rc = ind_store_sub_set(s->db, before->id, before->version,
	    before->status, NULL, s->now_iso, NULL, e)) != 0 ||
	    (rc = ind_store_sub_get(s->db, s->arena, before->id, &after,
	    e)) != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "indmelding",
	    idtxt(s, before->id), action, dump(s, ind_sub_json(before)),
	    dump(s, ind_sub_json(&after)), e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	if ((rc = db_commit(s->db, e)) != 0)
		return rc;
	if (version != NULL)
		*version = after.version;
	return 0;
}

static bool
has_offer(const struct ind_sub *sub, int64_t offer_id)
{
	size_t i;

	for (i = 0; i < sub->nline; i++)
		if (sub->lines[i].offer_id == offer_id)
			return true;
	return false;
}

int
ind_line_save(struct svc *s, int64_t sub_id, int64_t expected_version,
    struct ind_line *l, int64_t *version, struct err *e)
{
	struct ind_sub	sub;
	struct ind_year	y;
	int		rc;

	if ((rc = users_only(s, e)) != 0)
		return rc;
	if ((rc = begin_edit(s, sub_id, expected_version, &sub, &y, e)) != 0)
		return rc;
	if (!has_offer(&sub, l->offer_id))
		rc = err_set(e, ERR_NOT_FOUND, "not_found", NULL,
		    "Tilbuddet er ikke med i denne indmelding");
	else if ((rc = ind_line_check(sub.kind, l, e)) == 0)
		rc = ind_store_line_put(s->db, sub_id, l, e);
	if (rc != 0) {
		db_rollback(s->db);
		return rc;
	}
	return finish_edit(s, &sub, "update", version, e);
}

int
ind_fits_save(struct svc *s, int64_t sub_id, int64_t expected_version,
    struct ind_fit *fits, size_t n, const char *general, int64_t *version,
    struct err *e)
{
	struct ind_sub	sub;
	struct ind_year	y;
	size_t		i;
	int		rc;

	if ((rc = users_only(s, e)) != 0)
		return rc;
	if ((rc = ind_general_check(general, e)) != 0)
		return rc;
	for (i = 0; i < n; i++)
		if ((rc = ind_fit_check(&fits[i], e)) != 0)
			return rc;
	if ((rc = begin_edit(s, sub_id, expected_version, &sub, &y, e)) != 0)
		return rc;
	if (sub.kind != IND_MUNICIPALITY && n > 0) {
		db_rollback(s->db);
		return err_set(e, ERR_INVALID, "no_fits", NULL,
		    "Kun kommunerne vurderer målgrupperne");
	}
	if ((rc = ind_store_fits_put(s->db, sub_id, fits, n, general, e))
	    != 0) {
		db_rollback(s->db);
		return rc;
	}
	return finish_edit(s, &sub, "update", version, e);
}

static void
add_error(struct ind_import_report *rep, const struct err *he, int row)
{
	if (rep->nerrors >= IND_ERRORS_MAX)
		return;
	rep->errors[rep->nerrors] = *he;
	rep->errors[rep->nerrors].line = row;
	rep->nerrors++;
}

/* Check the target-group answers of an upload into rep. */
static int
fits_upload_check(const struct ind_sub *sub, const struct ind_fits_upload *fu,
    struct ind_import_report *rep, struct err *e)
{
	struct err	he;
	size_t		i;

	if (sub->kind != IND_MUNICIPALITY)
		return err_set(e, ERR_INVALID, "no_fits", NULL,
		    "Kun kommunerne vurderer målgrupperne");
	for (i = 0; i < fu->n; i++) {
		err_clear(&he);
		if (ind_fit_check(&fu->fits[i], &he) != 0)
			add_error(rep, &he, fu->rows[i]);
	}
	err_clear(&he);
	if (ind_general_check(fu->general, &he) != 0)
		add_error(rep, &he, fu->general_row);
	return 0;
}

int
ind_lines_import(struct svc *s, int64_t sub_id, struct ind_line *v,
    const int *rows, size_t n, const struct ind_fits_upload *fu,
    struct ind_import_report *rep, struct err *e)
{
	struct ind_sub	sub;
	struct ind_year	y;
	struct err	he;
	size_t		i, k;
	int		rc;

	if (rep->errors == NULL)
		rep->errors = arena_calloc(s->arena, IND_ERRORS_MAX,
		    sizeof(*rep->errors));
	if ((rc = users_only(s, e)) != 0)
		return rc;
	if ((rc = begin_edit(s, sub_id, 0, &sub, &y, e)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		err_clear(&he);
		if (!has_offer(&sub, v[i].offer_id)) {
			err_set(&he, ERR_INVALID, "unknown_offer", "offer",
			    "Tilbud nr. %lld er ikke med i denne indmelding",
			    (long long)v[i].offer_id);
			add_error(rep, &he, rows[i]);
			continue;
		}
		for (k = 0; k < i; k++)
			if (v[k].offer_id == v[i].offer_id)
				break;
		if (k < i) {
			err_set(&he, ERR_INVALID, "duplicate_offer", "offer",
			    "Tilbud nr. %lld står to gange",
			    (long long)v[i].offer_id);
			add_error(rep, &he, rows[i]);
			continue;
		}
		if (ind_line_check(sub.kind, &v[i], &he) != 0)
			add_error(rep, &he, rows[i]);
	}
	if (fu != NULL && (rc = fits_upload_check(&sub, fu, rep, e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	if (rep->nerrors > 0) {
		db_rollback(s->db);
		return err_set(e, ERR_INVALID, "import_failed", NULL,
		    "%d fejl i filen; intet er gemt", rep->nerrors);
	}
	for (i = 0; i < n; i++)
		if ((rc = ind_store_line_put(s->db, sub_id, &v[i], e)) != 0) {
			db_rollback(s->db);
			return rc;
		}
	if (fu != NULL && (rc = ind_store_fits_put(s->db, sub_id, fu->fits,
	    fu->n, fu->general, e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	rep->lines = (int)n;
	return finish_edit(s, &sub, "import", NULL, e);
}

int
ind_act(struct svc *s, int64_t sub_id, int64_t expected_version,
    enum submission_action act, const char *comment, int64_t *version,
    struct err *e)
{
	static const char *const actions[] = { "update", "submit", "approve",
	    "return" };
	static const enum submission_status to[] = { SUBMISSION_DRAFT,
	    SUBMISSION_SUBMITTED, SUBMISSION_APPROVED, SUBMISSION_RETURNED };
	struct ind_sub	 sub, after;
	struct ind_year	 y;
	char		 today[11];
	int		 rc;

	if ((rc = users_only(s, e)) != 0)
		return rc;
	if (act != SUBMISSION_SUBMIT && act != SUBMISSION_APPROVE &&
	    act != SUBMISSION_RETURN)
		return err_set(e, ERR_INVALID, "invalid_action", NULL,
		    "Ukendt handling");
	if (act != SUBMISSION_SUBMIT && (rc = admin_only(s, e)) != 0)
		return rc;
	if (act == SUBMISSION_RETURN) {
		if (comment == NULL || *comment == '\0')
			return err_set(e, ERR_INVALID, "comment_missing",
			    "comment", "Skriv hvad der skal rettes");
		if (text_utf8_len(comment, strlen(comment)) >
		    ROUND_COMMENT_MAX || text_has_controls(comment))
			return err_set(e, ERR_INVALID, "comment_too_long",
			    "comment", "Kommentaren må højst være %d tegn",
			    ROUND_COMMENT_MAX);
	}
	today_of(s, today);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = load(s, sub_id, &sub, &y, e)) != 0 ||
	    (rc = ind_sub_may(y.status, y.deadline, sub.status, act, today,
	    is_admin(s), e)) != 0)
		goto fail;
	if (sub.version != expected_version) {
		rc = err_set(e, ERR_PRECONDITION, "stale_version", NULL,
		    "Indmeldingen er ændret af en anden i mellemtiden; hent "
		    "den igen");
		goto fail;
	}
	if (act == SUBMISSION_SUBMIT && sub.nanswered == 0) {
		rc = err_set(e, ERR_INVALID, "nothing_answered", NULL,
		    "Udfyld mindst ét tilbud, før du indsender");
		goto fail;
	}
	if ((rc = ind_store_sub_set(s->db, sub_id, expected_version, to[act],
	    comment, s->now_iso, s->who->username, e)) != 0 ||
	    (rc = ind_store_sub_get(s->db, s->arena, sub_id, &after, e)) != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "indmelding",
	    idtxt(s, sub_id), actions[act], dump(s, ind_sub_json(&sub)),
	    dump(s, ind_sub_json(&after)), e)) != 0)
		goto fail;
	if (act != SUBMISSION_SUBMIT && (rc = mail_ind_reviewed(s, &after, &y,
	    act == SUBMISSION_RETURN, e)) != 0)
		goto fail;
	if ((rc = db_commit(s->db, e)) != 0)
		return rc;
	if (version != NULL)
		*version = after.version;
	return 0;
fail:
	db_rollback(s->db);
	return rc;
}

/* ---- hearing and agenda ------------------------------------------- */

/* Change the year's status, audited. */
static int
year_set(struct svc *s, int64_t id, int64_t expected_version,
    enum ind_year_status from, enum ind_year_status to,
    const char *hearing_deadline, int64_t meeting_id, int64_t item_id,
    const char *action, struct err *e)
{
	struct ind_year	old, now;
	int		rc;

	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = ind_store_year_get(s->db, s->arena, id, &old, e)) != 0)
		goto fail;
	if (old.status != from) {
		rc = err_set(e, ERR_CONFLICT, "wrong_state", NULL,
		    from == IND_OPEN ? "Indmeldingen er allerede sendt i "
		    "høring" : "Statusbilledet er ikke i høring");
		goto fail;
	}
	if (old.version != expected_version) {
		rc = err_set(e, ERR_PRECONDITION, "stale_version", NULL,
		    "Indmeldingen er ændret af en anden i mellemtiden; hent "
		    "den igen");
		goto fail;
	}
	if ((rc = ind_store_year_set(s->db, id, expected_version, to,
	    hearing_deadline != NULL ? hearing_deadline :
	    old.hearing_deadline, meeting_id, item_id, s->now_iso, e)) != 0 ||
	    (rc = ind_store_year_get(s->db, s->arena, id, &now, e)) != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "indmelding_year",
	    idtxt(s, id), action, dump(s, ind_year_json(&old)),
	    dump(s, ind_year_json(&now)), e)) != 0)
		goto fail;
	if (to == IND_HEARING && (rc = mail_ind_hearing(s, &now, e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
ind_hearing(struct svc *s, int64_t year_id, int64_t expected_version,
    const char *hearing_deadline, struct err *e)
{
	char	today[11];
	int	rc;

	if ((rc = admin_only(s, e)) != 0)
		return rc;
	today_of(s, today);
	if (hearing_deadline == NULL || !text_date_valid(hearing_deadline))
		return err_set(e, ERR_INVALID, "invalid_date",
		    "hearing_deadline", "Angiv høringsfristen som en dato "
		    "(ÅÅÅÅ-MM-DD)");
	if (strcmp(hearing_deadline, today) < 0)
		return err_set(e, ERR_INVALID, "deadline_past",
		    "hearing_deadline", "Høringsfristen ligger før i dag; "
		    "vælg en frist i dag eller senere");
	return year_set(s, year_id, expected_version, IND_OPEN, IND_HEARING,
	    hearing_deadline, 0, 0, "hearing", e);
}

int
ind_set_agenda(struct svc *s, int64_t year_id, int64_t expected_version,
    int64_t meeting_id, int64_t item_id, struct err *e)
{
	int rc;

	if ((rc = admin_only(s, e)) != 0)
		return rc;
	return year_set(s, year_id, expected_version, IND_HEARING, IND_DONE,
	    NULL, meeting_id, item_id, "agenda", e);
}

int
ind_comment(struct svc *s, int64_t year_id, int64_t offer_id,
    const char *text, int64_t *id, struct err *e)
{
	struct ind_year	 y;
	struct ind_sub	*subs;
	const char	*org = NULL;
	char		 today[11];
	size_t		 n = 0, i;
	int		 rc;

	if ((rc = users_only(s, e)) != 0)
		return rc;
	if (s->who->role == ROLE_READER)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun kommunerne, driftsherrerne og sekretariatet kan "
		    "afgive høringssvar");
	if ((rc = ind_comment_check(text, e)) != 0)
		return rc;
	today_of(s, today);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = ind_store_year_get(s->db, s->arena, year_id, &y, e)) != 0)
		goto fail;
	if (y.status != IND_HEARING || y.hearing_deadline == NULL ||
	    strcmp(today, y.hearing_deadline) > 0) {
		rc = err_set(e, ERR_CONFLICT, "hearing_closed", NULL,
		    "Høringen er ikke åben; bemærkninger kan kun gives i "
		    "høringsperioden");
		goto fail;
	}
	if (!is_admin(s)) {
		org = s->who->org_code;
		if (org == NULL || (rc = ind_store_subs(s->db, s->arena,
		    year_id, org, &subs, &n, e)) != 0) {
			if (rc == 0)
				rc = not_yours(e);
			goto fail;
		}
		for (i = 0; i < n && !own(s, &subs[i]); i++)
			;
		if (i == n) {
			rc = err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
			    "Din organisation er ikke part i denne høring");
			goto fail;
		}
	}
	if (offer_id != 0) {
		struct ind_report_row	*rows;
		size_t			 nr;

		if ((rc = ind_store_report_rows(s->db, s->arena, year_id, 0,
		    &rows, &nr, e)) != 0)
			goto fail;
		for (i = 0; i < nr && rows[i].offer_id != offer_id; i++)
			;
		if (i == nr) {
			rc = err_set(e, ERR_INVALID, "unknown_offer", "offer",
			    "Tilbuddet er ikke med i statusbilledet");
			goto fail;
		}
	}
	if ((rc = ind_store_comment_add(s->db, year_id, org, offer_id, text,
	    s->who->username, s->now_iso, id, e)) != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "indmelding_comment",
	    idtxt(s, *id), "create", NULL, dump(s, json_pack("{s:I, s:o, "
	    "s:o, s:s}", "year_id", (json_int_t)year_id, "org_code",
	    str_or_null(org), "offer_id", offer_id ? json_integer(offer_id) :
	    json_null(), "text", text)), e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

/* ---- the report ----------------------------------------------------- */

static int
report_in_tx(struct svc *s, int64_t year_id, struct ind_report *out,
    struct err *e)
{
	struct agreement_params	 p;
	struct ind_report_fit	*fits;
	struct ind_report_row	*r;
	struct ind_figures	 f;
	int64_t			 prev_id;
	size_t			 nfits, i, k;
	unsigned		 bit;
	int			 rc;

	memset(out, 0, sizeof(*out));
	if ((rc = ind_store_year_get(s->db, s->arena, year_id, &out->year,
	    e)) != 0)
		return rc;
	if (!is_admin(s) && out->year.status == IND_OPEN)
		return err_set(e, ERR_FORBIDDEN, "not_in_hearing", NULL,
		    "Statusbilledet kan ses, når sekretariatet har sendt det "
		    "i høring");
	if ((rc = agreement_params_get_in_tx(s, out->year.year, &p, e)) != 0)
		return rc;
	out->band_min_bp = p.occupancy_min_bp;
	prev_id = ind_store_year_find(s->db, out->year.year - 1);
	if ((rc = ind_store_progress(s->db, year_id, &out->progress, e)) != 0 ||
	    (rc = ind_store_report_rows(s->db, s->arena, year_id, prev_id,
	    &out->rows, &out->nrows, e)) != 0 ||
	    (rc = ind_store_report_fits(s->db, s->arena, year_id, &fits,
	    &nfits, e)) != 0 ||
	    (rc = ind_store_report_texts(s->db, s->arena, year_id,
	    IND_MUNICIPALITY, &out->wishes, &out->nwishes, e)) != 0 ||
	    (rc = ind_store_report_texts(s->db, s->arena, year_id,
	    IND_OPERATOR, &out->dev, &out->ndev, e)) != 0 ||
	    (rc = ind_store_comments(s->db, s->arena, year_id, &out->comments,
	    &out->ncomments, e)) != 0)
		return rc;
	out->prev_demand_centi = prev_id != 0 ? 0 : -1;
	for (i = 0; i < out->nrows; i++) {
		r = &out->rows[i];
		f = (struct ind_figures){ r->capacity_centi, r->occupancy_bp,
		    r->occupancy_prev_bp, r->waiting, r->demand_centi,
		    r->prev_demand_centi, out->band_min_bp };
		r->flags = ind_flags(&f);
		if (r->capacity_centi > 0)
			out->capacity_centi += r->capacity_centi;
		if (r->demand_centi > 0)
			out->demand_centi += r->demand_centi;
		if (r->prev_demand_centi > 0 && out->prev_demand_centi >= 0)
			out->prev_demand_centi += r->prev_demand_centi;
		if (r->waiting > 0)
			out->waiting += r->waiting;
		for (k = 0, bit = 1; k < IND_FLAG_COUNT; k++, bit <<= 1)
			if (r->flags & bit)
				out->flagged[k]++;
	}
	/* Every group in questionnaire order, rated or not. */
	out->fits = arena_calloc(s->arena, IND_GROUP_COUNT,
	    sizeof(*out->fits));
	for (k = 0; k < IND_GROUP_COUNT; k++) {
		out->fits[k].grp = ind_groups[k].key;
		for (i = 0; i < nfits; i++)
			if (strcmp(fits[i].grp, ind_groups[k].key) == 0)
				out->fits[k] = fits[i];
	}
	return 0;
}

int
ind_report(struct svc *s, int64_t year_id, struct ind_report *out,
    struct err *e)
{
	int rc;

	if ((rc = users_only(s, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = report_in_tx(s, year_id, out, e);
	db_rollback(s->db);
	return rc;
}

int
ind_next_das(struct svc *s, int64_t *id, const char **title,
    const char **starts_at, struct err *e)
{
	char	today[11];
	int	rc;

	if ((rc = admin_only(s, e)) != 0)
		return rc;
	today_of(s, today);
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = ind_store_next_meeting(s->db, s->arena, "das", today, id, title,
	    starts_at, e);
	db_rollback(s->db);
	if (rc == ERR_NOT_FOUND)
		return err_set(e, ERR_NOT_FOUND, "no_das_meeting", NULL,
		    "Der er intet kommende møde i Den Administrative "
		    "Styregruppe (DAS); opret mødet under Møder først");
	return rc;
}

/* ---- tasks ----------------------------------------------------------- */

int
ind_tasks(struct svc *s, struct ind_sub **out, size_t *n,
    const char ***deadlines, struct err *e)
{
	struct ind_year	*ys;
	struct ind_sub	*v, *res = NULL;
	const char	**dl = NULL;
	size_t		 ny, nv, i, j, k = 0, cap = 0, dcap = 0;
	const char	*org = s->who->org_code;
	int		 rc;

	*out = NULL;
	*n = 0;
	*deadlines = NULL;
	if (s->who->role == ROLE_ANON || s->who->role == ROLE_READER ||
	    (!is_admin(s) && org == NULL))
		return 0;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if ((rc = ind_store_year_list(s->db, s->arena, &ys, &ny, e)) != 0)
		goto done;
	for (i = 0; i < ny; i++) {
		if (ys[i].status != IND_OPEN)
			continue;
		if ((rc = ind_store_subs(s->db, s->arena, ys[i].id,
		    is_admin(s) ? NULL : org, &v, &nv, e)) != 0)
			goto done;
		for (j = 0; j < nv; j++) {
			if (is_admin(s) ? v[j].status != SUBMISSION_SUBMITTED :
			    (!own(s, &v[j]) ||
			    (v[j].status != SUBMISSION_DRAFT &&
			    v[j].status != SUBMISSION_RETURNED)))
				continue;
			res = arena_grow(s->arena, res, k, &cap, sizeof(*res));
			dl = arena_grow(s->arena, dl, k, &dcap, sizeof(*dl));
			res[k] = v[j];
			dl[k++] = ys[i].deadline;
		}
	}
	*out = res;
	*n = k;
	*deadlines = dl;
done:
	db_rollback(s->db);
	return rc;
}
