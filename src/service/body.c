/*
 * body — bodies, members and nominations (see body.h).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/meeting.h"
#include "core/org.h"
#include "core/role.h"
#include "service/body.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/body_store.h"
#include "store/db.h"
#include "store/org_store.h"
#include "store/user_store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

static int
forbidden(struct err *e)
{
	return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
	    "Kun sekretariatet kan ændre organer og medlemmer");
}

/* "2026-11-23" of the action. */
static const char *
today(struct svc *s)
{
	return arena_strndup(s->arena, s->now_iso, 10);
}

/* Text of at most max characters without control characters; NULL ok. */
static int
check_text(const char *s, size_t max, bool required, const char *field,
    const char *label, struct err *e)
{
	if (s == NULL || *s == '\0') {
		if (required)
			return err_set(e, ERR_INVALID, "missing_field", field,
			    "%s skal udfyldes", label);
		return 0;
	}
	if (text_utf8_len(s, strlen(s)) > max)
		return err_set(e, ERR_INVALID, "too_long", field,
		    "%s må højst være %zu tegn", label, max);
	if (text_has_controls(s) && max <= 300)
		return err_set(e, ERR_INVALID, "invalid_characters", field,
		    "%s indeholder ugyldige tegn", label);
	return 0;
}

static int
check_date(const char *s, const char *field, const char *label,
    struct err *e)
{
	if (s != NULL && !text_date_valid(s))
		return err_set(e, ERR_INVALID, "invalid_date", field,
		    "%s skal være en dato (ÅÅÅÅ-MM-DD)", label);
	return 0;
}

static char *
fold(struct svc *s, const char *name)
{
	struct buf	 b;
	char		*k;

	buf_init(&b);
	text_fold(&b, name);
	k = arena_strdup(s->arena, buf_str(&b));
	buf_cleanup(&b);
	return k;
}

/* Audit with a JSON object built by the caller (reference stolen). */
static int
audit_json(struct svc *s, const char *entity, int64_t id, const char *action,
    json_t *after, struct err *e)
{
	char	*txt;
	int	 rc;

	txt = json_dumps(after, JSON_COMPACT | JSON_SORT_KEYS |
	    DECIMAL_JSON_FLAGS);
	json_decref(after);
	rc = audit_add(s->db, s->who, s->now_iso, entity,
	    arena_printf(s->arena, "%lld", (long long)id), action, NULL, txt,
	    e);
	free(txt);
	return rc;
}

static int
read_tx(struct svc *s, struct err *e)
{
	return db_begin(s->db, DB_READ, e);
}

int
body_list(struct svc *s, struct body **out, size_t *n, struct err *e)
{
	int rc;

	if ((rc = read_tx(s, e)) != 0)
		return rc;
	rc = body_store_list(s->db, s->arena, out, n, e);
	db_rollback(s->db);
	return rc;
}

int
body_get(struct svc *s, int64_t id, struct body *out, struct err *e)
{
	int rc;

	if ((rc = read_tx(s, e)) != 0)
		return rc;
	rc = body_store_get(s->db, s->arena, id, out, e);
	db_rollback(s->db);
	return rc;
}

static int
body_validate(const struct body *b, struct err *e)
{
	int rc;

	if ((rc = check_text(b->name, BODY_NAME_MAX, true, "name", "Navnet", e)) != 0 ||
	    (rc = check_text(b->short_name, BODY_SHORT_MAX, false, "short_name",
	    "Forkortelsen", e)) != 0 ||
	    (rc = check_text(b->mandate, 10000, false, "mandate",
	    "Kommissoriet", e)) != 0 ||
	    (rc = check_date(b->ends_on, "ends_on", "Slutdatoen", e)) != 0)
		return rc;
	if (b->kind != NULL && !body_kind_valid(b->kind))
		return err_set(e, ERR_INVALID, "invalid_kind", "kind",
		    "Ukendt type af organ: %.40s", b->kind);
	return 0;
}

int
body_save(struct svc *s, const struct body *b, int64_t *id, struct err *e)
{
	struct body	 cur, old;
	json_t		*j;
	int64_t		 p, other;
	int		 rc, depth;

	if (s->who->role != ROLE_ADMIN)
		return forbidden(e);
	if ((rc = body_validate(b, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	other = body_store_find_name(s->db, b->name);
	if (other != 0 && other != b->id) {
		rc = err_set(e, ERR_CONFLICT, "duplicate_body", "name",
		    "Der findes allerede et organ med navnet %s", b->name);
		goto fail;
	}
	/* The parent must exist and not be the body or below it. */
	for (p = b->parent_id, depth = 0; p != 0; p = cur.parent_id) {
		if (body_store_get(s->db, s->arena, p, &cur, NULL) != 0) {
			rc = err_set(e, ERR_INVALID, "unknown_parent",
			    "parent_id", "Det overordnede organ findes ikke");
			goto fail;
		}
		if ((b->id != 0 && p == b->id) || ++depth > 20) {
			rc = err_set(e, ERR_INVALID, "parent_cycle",
			    "parent_id", "Et organ kan ikke ligge under sig "
			    "selv");
			goto fail;
		}
	}
	if (b->id == 0)
		rc = body_store_insert(s->db, b, s->now_iso, id, e);
	else {
		if ((rc = body_store_get(s->db, s->arena, b->id, &old, e)) != 0)
			goto fail;
		struct body nb = *b;
		if (nb.kind == NULL)
			nb.kind = old.kind;
		rc = body_store_update(s->db, &nb, s->now_iso, e);
		*id = b->id;
	}
	if (rc != 0)
		goto fail;
	j = json_pack("{s:s, s:s?, s:s?, s:I, s:s?, s:s?}", "name", b->name,
	    "short_name", b->short_name, "kind", b->kind, "parent_id",
	    (json_int_t)b->parent_id, "mandate", b->mandate, "ends_on",
	    b->ends_on);
	if ((rc = audit_json(s, "body", *id, b->id == 0 ? "create" : "update",
	    j, e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
body_members(struct svc *s, int64_t body_id, bool current_only,
    struct membership **out, size_t *n, struct err *e)
{
	int rc;

	if ((rc = read_tx(s, e)) != 0)
		return rc;
	rc = body_store_members(s->db, s->arena, body_id, 0,
	    current_only ? today(s) : NULL, out, n, e);
	db_rollback(s->db);
	return rc;
}

/* The person of in: found by name and organisation, or created. */
static int
person_of(struct svc *s, const struct member_input *in, int64_t *id,
    struct err *e)
{
	struct person	p;
	struct user	u;
	const char	*key = fold(s, in->name);
	int64_t		other;
	int		rc;

	*id = body_store_person_find(s->db, key, in->org_code);
	if (*id == 0) {
		memset(&p, 0, sizeof(p));
		p.name = in->name;
		p.org_code = in->org_code;
		p.organisation = in->organisation;
		p.email = in->email;
		if ((rc = body_store_person_insert(s->db, &p, key, s->now_iso,
		    id, e)) != 0)
			return rc;
	}
	if (in->username == NULL || *in->username == '\0')
		return 0;
	if (user_store_get_by_name(s->db, s->arena, in->username, &u, NULL)
	    != 0)
		return err_set(e, ERR_INVALID, "unknown_user", "username",
		    "Brugeren %.60s findes ikke", in->username);
	other = body_store_person_of_user(s->db, u.id);
	if (other != 0 && other != *id)
		return err_set(e, ERR_CONFLICT, "user_linked", "username",
		    "Brugeren %.60s er allerede knyttet til en anden person",
		    in->username);
	return body_store_person_link(s->db, *id, u.id, s->now_iso, e);
}

static int
member_validate(struct svc *s, int64_t body_id, const struct member_input *in,
    struct err *e)
{
	struct membership	sub;
	int			rc;

	if ((rc = check_text(in->name, PERSON_NAME_MAX, true, "name", "Navnet",
	    e)) != 0 ||
	    (rc = check_text(in->organisation, PERSON_ORG_MAX, false,
	    "organisation", "Organisationen", e)) != 0 ||
	    (rc = check_text(in->email, PERSON_EMAIL_MAX, false, "email",
	    "E-mail", e))
	    != 0 ||
	    (rc = check_date(in->starts_on, "starts_on", "Startdatoen", e))
	    != 0 ||
	    (rc = check_date(in->ends_on, "ends_on", "Slutdatoen", e)) != 0)
		return rc;
	if (in->role != NULL && !membership_role_valid(in->role))
		return err_set(e, ERR_INVALID, "invalid_role", "role",
		    "Ukendt rolle: %.40s", in->role);
	if (in->starts_on != NULL && in->ends_on != NULL &&
	    strcmp(in->ends_on, in->starts_on) < 0)
		return err_set(e, ERR_INVALID, "invalid_period", "ends_on",
		    "Slutdatoen ligger før startdatoen");
	if (in->org_code != NULL && !org_store_exists(s->db, in->org_code,
	    NULL))
		return err_set(e, ERR_INVALID, "unknown_organisation",
		    "org_code", "Ukendt organisation: %.20s", in->org_code);
	if (in->on_behalf_of != NULL && !org_store_exists(s->db,
	    in->on_behalf_of, NULL))
		return err_set(e, ERR_INVALID, "unknown_organisation",
		    "on_behalf_of", "Ukendt organisation: %.20s",
		    in->on_behalf_of);
	if (in->substitute_for != 0 && (body_store_member_get(s->db,
	    s->arena, in->substitute_for, &sub, NULL) != 0 ||
	    sub.body_id != body_id))
		return err_set(e, ERR_INVALID, "unknown_membership",
		    "substitute_for", "Stedfortræderen skal være for et "
		    "medlem af samme organ");
	return 0;
}

/* body_member_add inside the caller's write transaction. */
static int
member_add_tx(struct svc *s, int64_t body_id, const struct member_input *in,
    int64_t *id, struct err *e)
{
	struct membership	 m;
	struct body		 b;
	json_t			*j;
	int64_t			 pid;
	int			 rc;

	if ((rc = body_store_get(s->db, s->arena, body_id, &b, e)) != 0 ||
	    (rc = member_validate(s, body_id, in, e)) != 0 ||
	    (rc = person_of(s, in, &pid, e)) != 0)
		return rc;
	memset(&m, 0, sizeof(m));
	m.body_id = body_id;
	m.person_id = pid;
	m.role = in->role ? in->role : (in->substitute_for ? "stedfortraeder" :
	    "medlem");
	m.voting = in->voting;
	m.on_behalf_of = in->on_behalf_of;
	m.substitute_for = in->substitute_for;
	m.starts_on = in->starts_on;
	m.ends_on = in->ends_on;
	if ((rc = body_store_member_insert(s->db, &m, s->now_iso, id, e)) != 0)
		return rc;
	j = json_pack("{s:I, s:I, s:s, s:s, s:b, s:s?, s:I, s:s?, s:s?}",
	    "body_id", (json_int_t)body_id, "person_id", (json_int_t)pid,
	    "name", in->name, "role", m.role, "voting", in->voting,
	    "on_behalf_of", in->on_behalf_of, "substitute_for",
	    (json_int_t)in->substitute_for, "starts_on", in->starts_on,
	    "ends_on", in->ends_on);
	return audit_json(s, "membership", *id, "create", j, e);
}

int
body_member_add(struct svc *s, int64_t body_id, const struct member_input *in,
    int64_t *id, struct err *e)
{
	int rc;

	if (s->who->role != ROLE_ADMIN)
		return forbidden(e);
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = member_add_tx(s, body_id, in, id, e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	return db_commit(s->db, e);
}

int
body_member_end(struct svc *s, int64_t membership_id, const char *ends_on,
    struct err *e)
{
	struct membership	 m;
	json_t			*j;
	int			 rc;

	if (s->who->role != ROLE_ADMIN)
		return forbidden(e);
	if (ends_on == NULL)
		ends_on = today(s);
	if ((rc = check_date(ends_on, "ends_on", "Slutdatoen", e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = body_store_member_get(s->db, s->arena, membership_id, &m,
	    e)) != 0)
		goto fail;
	if (m.starts_on != NULL && strcmp(ends_on, m.starts_on) < 0) {
		rc = err_set(e, ERR_INVALID, "invalid_period", "ends_on",
		    "Slutdatoen ligger før startdatoen");
		goto fail;
	}
	if ((rc = body_store_member_end(s->db, membership_id, ends_on,
	    s->now_iso, e)) != 0)
		goto fail;
	j = json_pack("{s:s}", "ends_on", ends_on);
	if ((rc = audit_json(s, "membership", membership_id, "end", j, e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

bool
body_is_member(struct svc *s, int64_t body_id)
{
	bool yes;

	if (s->who->user_id <= 0)
		return false;
	if (db_in_txn(s->db))
		return body_store_user_is_member(s->db, s->who->user_id,
		    body_id, today(s));
	if (db_begin(s->db, DB_READ, NULL) != 0)
		return false;
	yes = body_store_user_is_member(s->db, s->who->user_id, body_id,
	    today(s));
	db_rollback(s->db);
	return yes;
}

int
body_nominations(struct svc *s, int64_t body_id, struct nomination **out,
    size_t *n, struct err *e)
{
	int rc;

	if ((rc = read_tx(s, e)) != 0)
		return rc;
	rc = body_store_nominations(s->db, s->arena, body_id, out, n, e);
	db_rollback(s->db);
	return rc;
}

int
body_nomination_get(struct svc *s, int64_t id, struct nomination *out,
    struct nominee **nominees, size_t *nnominees, const char ***missing_codes,
    const char ***missing_names, size_t *nmissing, struct err *e)
{
	int rc;

	if ((rc = read_tx(s, e)) != 0)
		return rc;
	if ((rc = body_store_nomination_get(s->db, s->arena, id, out, e)) == 0 &&
	    (rc = body_store_nominees(s->db, s->arena, id, nominees, nnominees,
	    e)) == 0)
		rc = body_store_nomination_missing(s->db, s->arena, id,
		    missing_codes, missing_names, nmissing, e);
	db_rollback(s->db);
	return rc;
}

int
body_nomination_create(struct svc *s, const struct nomination *nm,
    int64_t *id, struct err *e)
{
	struct body	 b;
	json_t		*j;
	int		 rc;

	if (s->who->role != ROLE_ADMIN)
		return forbidden(e);
	if ((rc = check_text(nm->title, NOMINATION_TITLE_MAX, true, "title",
	    "Titlen", e)) != 0)
		return rc;
	if (nm->deadline == NULL || !text_date_valid(nm->deadline))
		return err_set(e, ERR_INVALID, "invalid_date", "deadline",
		    "Fristen skal være en dato (ÅÅÅÅ-MM-DD)");
	if (nm->seats < 0 || nm->seats > 20)
		return err_set(e, ERR_INVALID, "invalid_seats", "seats",
		    "Antal pladser pr. kommune skal være mellem 1 og 20");
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = body_store_get(s->db, s->arena, nm->body_id, &b, e)) != 0 ||
	    (rc = body_store_nomination_insert(s->db, nm, s->now_iso, id, e))
	    != 0)
		goto fail;
	j = json_pack("{s:I, s:s, s:s, s:i}", "body_id",
	    (json_int_t)nm->body_id, "title", nm->title, "deadline",
	    nm->deadline, "seats", nm->seats > 0 ? nm->seats : 1);
	if ((rc = audit_json(s, "nomination", *id, "create", j, e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
body_nominee_add(struct svc *s, int64_t nomination_id, const char *org_code,
    const char *name, int64_t *id, struct err *e)
{
	struct nomination	 nm;
	struct member_input	 in;
	struct membership	 m;
	struct nominee		 x;
	json_t			*j;
	int64_t			 mid;
	int			 rc, kind;

	if (s->who->role != ROLE_ADMIN)
		return forbidden(e);
	if ((rc = check_text(name, PERSON_NAME_MAX, true, "name", "Navnet",
	    e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = body_store_nomination_get(s->db, s->arena, nomination_id,
	    &nm, e)) != 0)
		goto fail;
	if (org_code == NULL || !org_store_exists(s->db, org_code, &kind) ||
	    kind != ORG_KOMMUNE) {
		rc = err_set(e, ERR_INVALID, "unknown_municipality",
		    "org_code", "Vælg den kommune, der har udpeget");
		goto fail;
	}
	memset(&in, 0, sizeof(in));
	in.name = name;
	in.org_code = org_code;
	in.role = "medlem";
	in.voting = true;
	in.on_behalf_of = org_code;
	in.starts_on = today(s);
	if ((rc = member_add_tx(s, nm.body_id, &in, &mid, e)) != 0)
		goto fail;
	memset(&x, 0, sizeof(x));
	x.nomination_id = nomination_id;
	x.org_code = org_code;
	if ((rc = body_store_member_get(s->db, s->arena, mid, &m, e)) != 0)
		goto fail;
	x.person_id = m.person_id;
	if ((rc = body_store_nominee_insert(s->db, &x, s->now_iso, id, e))
	    != 0) {
		if (rc == ERR_CONFLICT)
			err_set(e, ERR_CONFLICT, "duplicate_nominee", "name",
			    "%s er allerede udpeget", name);
		goto fail;
	}
	j = json_pack("{s:I, s:s, s:s}", "nomination_id",
	    (json_int_t)nomination_id, "org_code", org_code, "name", name);
	if ((rc = audit_json(s, "nominee", *id, "create", j, e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}
