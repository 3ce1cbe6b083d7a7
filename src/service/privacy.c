/*
 * privacy — export and erasure of one person's data (see privacy.h).
 */
#include <stdlib.h>
#include <string.h>

#include "core/role.h"
#include "service/privacy.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/user_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

static int
admin_only(struct svc *s, struct err *e)
{
	if (s->who->role == ROLE_ADMIN)
		return 0;
	return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
	    "Kun sekretariatets administratorer kan se og slette persondata");
}

int
privacy_persons(struct svc *s, int page, struct privacy_person **out,
    size_t *n, int64_t *total, struct err *e)
{
	int	rc;

	if ((rc = admin_only(s, e)) != 0 ||
	    (rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if (page < 1)
		page = 1;
	rc = privacy_store_persons(s->db, s->arena, PRIVACY_PAGE,
	    (size_t)(page - 1) * PRIVACY_PAGE, out, n, total, e);
	db_rollback(s->db);
	return rc;
}

int
privacy_person(struct svc *s, int64_t id, struct privacy_person *out,
    struct err *e)
{
	int	rc;

	if ((rc = admin_only(s, e)) != 0 ||
	    (rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = privacy_store_person(s->db, s->arena, id, out, e);
	db_rollback(s->db);
	return rc;
}

int
privacy_export(struct svc *s, int64_t id, json_t **out, struct err *e)
{
	struct privacy_person	 p;
	json_t			*obj;
	int			 rc;

	*out = NULL;
	if ((rc = admin_only(s, e)) != 0 ||
	    (rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = privacy_store_person(s->db, s->arena, id, &p, e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	obj = json_object();
	json_object_set_new(obj, "exported_at", json_string(s->now_iso));
	if ((rc = privacy_store_dossier(s->db, &p, obj, e)) != 0 ||
	    (rc = audit_add(s->db, s->who, s->now_iso, "person",
	    arena_printf(s->arena, "%lld", (long long)id), "export", NULL,
	    NULL, e)) != 0 ||
	    (rc = db_commit(s->db, e)) != 0) {
		db_rollback(s->db);
		json_decref(obj);
		return rc;
	}
	*out = obj;
	return 0;
}

/* May p's login be disabled by s->who? */
static int
check_login(struct svc *s, const struct privacy_person *p, struct err *e)
{
	struct user	u;
	int		rc;

	if (p->user_id == 0)
		return 0;
	if (p->user_id == s->who->user_id)
		return err_set(e, ERR_CONFLICT, "erase_self", NULL,
		    "Du kan ikke slette dine egne persondata");
	if ((rc = user_store_get(s->db, s->arena, p->user_id, &u, e)) != 0)
		return rc;
	if (u.active && u.role == ROLE_ADMIN &&
	    user_store_count_admins(s->db) <= 1)
		return err_set(e, ERR_CONFLICT, "last_admin", NULL,
		    "Personen er den sidste aktive administrator og kan ikke "
		    "slettes");
	return 0;
}

int
privacy_erase(struct svc *s, int64_t id, const char *reason,
    struct privacy_erased *out, const char **pseudonym, struct err *e)
{
	struct privacy_person	 p;
	const char		*name, *login;
	json_t			*j;
	char			*after;
	size_t			 len;
	int			 rc;

	memset(out, 0, sizeof(*out));
	if ((rc = admin_only(s, e)) != 0)
		return rc;
	len = reason != NULL ? text_utf8_len(reason, strlen(reason)) : 0;
	if (reason == NULL || strspn(reason, " \t\r\n") == strlen(reason) ||
	    len > PRIVACY_REASON_MAX)
		return err_set(e, ERR_INVALID, "invalid_reason", "reason",
		    "Skriv hvorfor personen slettes (højst 500 tegn)");
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = privacy_store_person(s->db, s->arena, id, &p, e)) != 0)
		goto fail;
	if (p.erased_at != NULL) {
		rc = err_set(e, ERR_CONFLICT, "already_erased", NULL,
		    "Personen er allerede slettet");
		goto fail;
	}
	if ((rc = check_login(s, &p, e)) != 0)
		goto fail;
	name = arena_printf(s->arena, "Slettet person %lld", (long long)id);
	login = arena_printf(s->arena, "slettet-%lld",
	    (long long)p.user_id);
	if ((rc = privacy_store_erase(s->db, &p, name, login, s->now_iso, out,
	    e)) != 0)
		goto fail;
	/* The record names the pseudonym and the counts, never the data. */
	j = json_pack("{s:s, s:s, s:b, s:I, s:I, s:I, s:I, s:I, s:I}",
	    "reason", reason, "pseudonym", name, "login_disabled",
	    p.user_id != 0, "participants", (json_int_t)out->participants,
	    "participants_kept", (json_int_t)out->participants_kept,
	    "audit_redacted", (json_int_t)out->audit_redacted, "mails",
	    (json_int_t)out->mails, "sessions", (json_int_t)out->sessions,
	    "login_attempts", (json_int_t)out->logins);
	after = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	rc = audit_add(s->db, s->who, s->now_iso, "person",
	    arena_printf(s->arena, "%lld", (long long)id), "erase", NULL,
	    after, e);
	free(after);
	if (rc != 0)
		goto fail;
	if ((rc = db_commit(s->db, e)) != 0)
		return rc;
	if (pseudonym != NULL)
		*pseudonym = name;
	return 0;
fail:
	db_rollback(s->db);
	return rc;
}
