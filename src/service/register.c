/*
 * register — organisations and offers (see register.h).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cursor.h"
#include "core/decimal.h"
#include "core/offer.h"
#include "core/offer_json.h"
#include "core/org.h"
#include "core/role.h"
#include "service/register.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/offer_store.h"
#include "store/org_store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

static int check_filter(const struct offer_filter *f, struct err *e);

/* JSON text of o for the audit log, in the arena. */
static char *
offer_audit_json(struct svc *s, const struct offer *o)
{
	json_t	*j = offer_to_json(o);
	char	*txt, *copy;

	json_object_del(j, "updated_at");
	txt = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS | DECIMAL_JSON_FLAGS);
	json_decref(j);
	copy = arena_strdup(s->arena, txt);
	free(txt);
	return copy;
}

static char *
name_key(struct svc *s, const char *name)
{
	struct buf	 b;
	char		*k;

	buf_init(&b);
	text_fold(&b, name);
	k = arena_strdup(s->arena, buf_str(&b));
	buf_cleanup(&b);
	return k;
}

int
register_org_list(struct svc *s, struct org **out, int *n, struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = org_store_list(s->db, s->arena, out, n, e);
	db_rollback(s->db);
	return rc;
}

int
register_org_get(struct svc *s, const char *code, struct org *out,
    struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = org_store_get(s->db, s->arena, code, out, e);
	db_rollback(s->db);
	return rc;
}

int
register_org_save_in_tx(struct svc *s, const struct org *o, struct err *e)
{
	struct org	 old;
	json_t		*j, *pop;
	char		*after;
	int		 rc, i, existed;

	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan ændre organisationer");
	if ((rc = org_validate(o, e)) != 0)
		return rc;
	existed = org_store_get(s->db, s->arena, o->code, &old, NULL) == 0;
	if ((rc = org_store_upsert(s->db, o, s->now_iso, e)) != 0)
		return rc;
	j = json_pack("{s:s, s:s, s:s}", "code", o->code, "name", o->name,
	    "kind", org_kind_name(o->kind));
	pop = json_object();
	for (i = 0; i < o->npop; i++) {
		char y[16];
		snprintf(y, sizeof(y), "%d", o->pop[i].year);
		json_object_set_new(pop, y, json_integer(o->pop[i].persons));
	}
	json_object_set_new(j, "population", pop);
	after = json_dumps(j, JSON_COMPACT |
	    JSON_SORT_KEYS | DECIMAL_JSON_FLAGS);
	json_decref(j);
	rc = audit_add(s->db, s->who, s->now_iso, "organisation", o->code,
	    existed ? "update" : "create", NULL, after, e);
	free(after);
	return rc;
}

int
register_org_save(struct svc *s, const struct org *o, struct err *e)
{
	int rc;

	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan ændre organisationer");
	if ((rc = org_validate(o, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = register_org_save_in_tx(s, o, e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	return db_commit(s->db, e);
}

int
register_offer_list(struct svc *s, const struct offer_filter *f,
    struct offer **out, size_t *n, int64_t *total, struct err *e)
{
	int rc;

	if ((rc = check_filter(f, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = offer_store_list(s->db, s->arena, f, out, n, total, e);
	db_rollback(s->db);
	return rc;
}

static int
check_filter(const struct offer_filter *f, struct err *e)
{
	if (f->limit < 1 || f->limit > 1000)
		return err_set(e, ERR_INVALID, "invalid_limit", "limit",
		    "limit skal være mellem 1 og 1000");
	if (f->offset < 0)
		return err_set(e, ERR_INVALID, "invalid_offset", "offset",
		    "offset kan ikke være negativ");
	if (f->sort != NULL && !offer_store_sort_valid(f->sort))
		return err_set(e, ERR_INVALID, "invalid_sort", "sort",
		    "Ukendt sortering: %.40s (gyldige: name, -name, id, -id, "
		    "operator, location, updated, -updated)", f->sort);
	return offer_store_cursor_check(f, e);
}

int
register_offer_page_json(struct svc *s, const struct offer_filter *f,
    int64_t known_gen, struct buf *out, int64_t *generation, int64_t *total,
    struct err *e)
{
	const char	**docs;
	struct cursor	  next;
	size_t		  n, i;
	int		  rc, more;

	if ((rc = check_filter(f, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	*generation = offer_store_generation(s->db);
	if (*generation != known_gen)
		*total = -1;		/* counted for another snapshot */
	rc = offer_store_list_docs(s->db, s->arena, f, s->docs, *generation,
	    &docs, &n, total, &next, &more, e);
	db_rollback(s->db);
	if (rc != 0)
		return rc;
	buf_puts(out, "{\"offers\":[");
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_putc(out, ',');
		buf_puts(out, docs[i]);
	}
	buf_printf(out, "],\"total\":%lld,\"limit\":%lld,\"offset\":%lld,"
	    "\"next_cursor\":", (long long)*total, (long long)f->limit,
	    (long long)f->offset);
	/* The token is base64url: no character needs escaping in JSON. */
	if (more)
		buf_printf(out, "\"%s\"}", cursor_encode(s->arena, &next));
	else
		buf_puts(out, "null}");
	return 0;
}

int
register_generation(struct svc *s, int64_t *out, struct err *e)
{
	*out = offer_store_generation(s->db);
	if (*out < 0)
		return err_set(e, ERR_DB, "database_error", NULL,
		    "Databasen svarer ikke");
	return 0;
}

int
register_offer_get(struct svc *s, int64_t id, struct offer *out,
    struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = offer_store_get(s->db, s->arena, id, out, e);
	db_rollback(s->db);
	return rc;
}

int
register_offer_history(struct svc *s, int64_t id, struct audit_entry **out,
    int *n, struct err *e)
{
	char	idtxt[32];
	int	rc;

	snprintf(idtxt, sizeof(idtxt), "%lld", (long long)id);
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = audit_list(s->db, s->arena, "offer", idtxt, 200, out, n, e);
	db_rollback(s->db);
	return rc;
}

/* Codes must name existing organisations; the location a municipality. */
static int
check_references(struct svc *s, const struct offer *o, struct err *e)
{
	int kind;

	if (o->operator_code != NULL &&
	    !org_store_exists(s->db, o->operator_code, NULL))
		return err_set(e, ERR_INVALID, "unknown_operator",
		    "operator_code", "Ukendt driftsherre: %.20s",
		    o->operator_code);
	if (o->location_code != NULL) {
		if (!org_store_exists(s->db, o->location_code, &kind))
			return err_set(e, ERR_INVALID, "unknown_municipality",
			    "location_code", "Ukendt kommunekode: %.20s",
			    o->location_code);
		if (kind != ORG_KOMMUNE)
			return err_set(e, ERR_INVALID, "unknown_municipality",
			    "location_code", "Beliggenhedskommunen skal være "
			    "en kommune");
	}
	return 0;
}

static int
forbidden_offer(struct err *e)
{
	return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
	    "Du kan kun ændre tilbud, som din egen organisation er "
	    "driftsherre for");
}

int
register_offer_create_in_tx(struct svc *s, const struct offer *o, int64_t *id,
    struct err *e)
{
	struct offer	 stored;
	int		 rc;

	if (!role_may_edit_offer(s->who, o->operator_code))
		return forbidden_offer(e);
	if ((rc = offer_validate(o, e)) != 0)
		return rc;
	if ((rc = check_references(s, o, e)) != 0)
		return rc;
	if (offer_store_find(s->db, name_key(s, o->name), o->operator_code))
		return err_set(e, ERR_CONFLICT, "duplicate_offer", "name",
		    "Driftsherren har allerede et tilbud med navnet %s",
		    o->name);
	if ((rc = offer_store_insert(s->db, o, name_key(s, o->name),
	    s->now_iso, id, e)) != 0)
		return rc;
	if ((rc = offer_store_get(s->db, s->arena, *id, &stored, e)) != 0)
		return rc;
	return audit_add(s->db, s->who, s->now_iso, "offer",
	    arena_printf(s->arena, "%lld", (long long)*id), "create", NULL,
	    offer_audit_json(s, &stored), e);
}

int
register_offer_create(struct svc *s, const struct offer *o, int64_t *id,
    struct err *e)
{
	int rc;

	if (!role_may_edit_offer(s->who, o->operator_code))
		return forbidden_offer(e);
	if ((rc = offer_validate(o, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = register_offer_create_in_tx(s, o, id, e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	return db_commit(s->db, e);
}

int
register_offer_update_in_tx(struct svc *s, const struct offer *o,
    int64_t expected_version, struct err *e)
{
	struct offer	 old, stored;
	char		*before, *after;
	int		 rc;

	if ((rc = offer_store_get(s->db, s->arena, o->id, &old, e)) != 0)
		return rc;
	if (!role_may_edit_offer(s->who, old.operator_code) ||
	    !role_may_edit_offer(s->who, o->operator_code))
		return forbidden_offer(e);
	if (old.version != expected_version)
		return err_set(e, ERR_PRECONDITION, "stale_version", NULL,
		    "Tilbuddet er ændret af en anden i mellemtiden; hent det "
		    "igen og gentag ændringen");
	if ((rc = offer_validate(o, e)) != 0)
		return rc;
	if ((rc = check_references(s, o, e)) != 0)
		return rc;
	before = offer_audit_json(s, &old);
	if ((rc = offer_store_update(s->db, o, name_key(s, o->name),
	    expected_version, s->now_iso, e)) != 0)
		return rc;
	if ((rc = offer_store_get(s->db, s->arena, o->id, &stored, e)) != 0)
		return rc;
	after = offer_audit_json(s, &stored);
	return audit_add(s->db, s->who, s->now_iso, "offer",
	    arena_printf(s->arena, "%lld", (long long)o->id), "update", before,
	    after, e);
}

int
register_offer_update(struct svc *s, const struct offer *o,
    int64_t expected_version, struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = register_offer_update_in_tx(s, o, expected_version, e))
	    != 0) {
		db_rollback(s->db);
		return rc;
	}
	return db_commit(s->db, e);
}

int
register_offer_delete(struct svc *s, int64_t id, int64_t expected_version,
    struct err *e)
{
	struct offer	 old;
	int		 rc;

	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = offer_store_get(s->db, s->arena, id, &old, e)) != 0)
		goto fail;
	if (!role_may_edit_offer(s->who, old.operator_code)) {
		rc = forbidden_offer(e);
		goto fail;
	}
	if ((rc = offer_store_delete(s->db, id, expected_version, s->now_iso,
	    e)) != 0)
		goto fail;
	if ((rc = audit_add(s->db, s->who, s->now_iso, "offer",
	    arena_printf(s->arena, "%lld", (long long)id), "delete",
	    offer_audit_json(s, &old), NULL, e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}
