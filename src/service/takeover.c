/*
 * takeover — takeovers of regional offers (see takeover.h).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/offer.h"
#include "core/org.h"
#include "core/role.h"
#include "core/takeover.h"
#include "service/offer_event.h"
#include "service/register.h"
#include "service/svc.h"
#include "service/takeover.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/offer_store.h"
#include "store/org_store.h"
#include "util/arena.h"
#include "util/buf.h"
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

static int
audit_takeover(struct svc *s, const struct takeover *t, const char *action,
    struct err *e)
{
	json_t	*j;
	char	*txt, *after;

	j = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s}", "offer_id",
	    (json_int_t)t->offer_id, "to_code", t->to_code, "from_code",
	    t->from_code, "notice_on", t->notice_on, "takeover_on",
	    t->takeover_on, "applied_at", t->applied_at != NULL ?
	    t->applied_at : "");
	txt = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS |
	    DECIMAL_JSON_FLAGS);
	json_decref(j);
	after = arena_strdup(s->arena, txt != NULL ? txt : "{}");
	free(txt);
	return audit_add(s->db, s->who, s->now_iso, "takeover",
	    arena_printf(s->arena, "%lld", (long long)t->id), action, NULL,
	    after, e);
}

int
takeover_list(struct svc *s, int64_t offer_id, struct takeover **out,
    size_t *n, struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = takeover_store_list(s->db, s->arena, offer_id, NULL, out, n, e);
	db_rollback(s->db);
	return rc;
}

/* The checks of a notice against the offer, inside the transaction. */
static int
notice_check(struct svc *s, const struct offer *o, const char *muni,
    const struct takeover_period *p, struct err *e)
{
	struct takeover	*v = NULL;
	size_t		 n = 0, i;
	int		 kind = -1, rc;

	if (!org_store_exists(s->db, muni, &kind) || kind != ORG_KOMMUNE)
		return err_set(e, ERR_INVALID, "unknown_municipality",
		    "municipality", "Vælg den kommune, der overtager "
		    "tilbuddet");
	kind = -1;
	if (o->operator_code == NULL ||
	    !org_store_exists(s->db, o->operator_code, &kind) ||
	    kind != ORG_REGION)
		return err_set(e, ERR_INVALID, "not_regional", "offer_id",
		    "Kun tilbud, som regionen er driftsherre for, kan "
		    "overtages efter reglen om valgperioder");
	if (o->location_code == NULL || strcmp(o->location_code, muni) != 0)
		return err_set(e, ERR_INVALID, "not_location", "municipality",
		    "Kun beliggenhedskommunen kan overtage tilbuddet");
	if ((rc = takeover_store_list(s->db, s->arena, o->id, NULL, &v, &n,
	    e)) != 0)
		return rc;
	for (i = 0; i < n; i++)
		if (takeover_same_period(p, v[i].takeover_on))
			return err_set(e, ERR_CONFLICT, "takeover_twice",
			    "offer_id", "Tilbuddet er allerede varslet "
			    "overtaget i valgperioden %d–%d (pr. %s)",
			    p->first_year, p->last_year, v[i].takeover_on);
	return 0;
}

int
takeover_notify(struct svc *s, int64_t offer_id, const char *municipality,
    const char *notice_on, int64_t *id, const char **takeover_on,
    struct err *e)
{
	struct takeover_period	 p;
	struct takeover		 t;
	struct offer		 o;
	int			 rc;

	if (municipality == NULL || *municipality == '\0')
		return err_set(e, ERR_INVALID, "unknown_municipality",
		    "municipality", "Vælg den kommune, der overtager "
		    "tilbuddet");
	if (s->who->role != ROLE_ADMIN &&
	    !(s->who->role == ROLE_AUTHORITY && s->who->org_code != NULL &&
	    strcmp(s->who->org_code, municipality) == 0))
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Du kan kun registrere din egen kommunes varsel om "
		    "overtagelse");
	if (offer_id <= 0)
		return err_set(e, ERR_INVALID, "offer_missing", "offer_id",
		    "Vælg tilbuddet, der overtages");
	if ((rc = takeover_check(notice_on, &p, e)) != 0)
		return rc;
	if (strncmp(notice_on, s->now_iso, 10) > 0)
		return err_set(e, ERR_INVALID, "notice_in_future", "notice_on",
		    "Varslet kan ikke være givet efter i dag");
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = offer_store_get(s->db, s->arena, offer_id, &o, e)) != 0 ||
	    (rc = notice_check(s, &o, municipality, &p, e)) != 0)
		return finish(s, rc, e);
	memset(&t, 0, sizeof(t));
	t.offer_id = offer_id;
	t.to_code = municipality;
	t.from_code = o.operator_code;
	t.notice_on = notice_on;
	t.takeover_on = arena_strdup(s->arena, p.takeover_on);
	if ((rc = takeover_store_insert(s->db, &t, s->who->username,
	    s->now_iso, id, e)) == 0) {
		t.id = *id;
		rc = audit_takeover(s, &t, "create", e);
	}
	if (rc == 0 && takeover_on != NULL)
		*takeover_on = t.takeover_on;
	return finish(s, rc, e);
}

/* Change the offer's operator and mark t applied; in a transaction. */
static int
apply_in_tx(struct svc *s, struct takeover *t, struct err *e)
{
	struct offer	o, before;
	int		rc;

	if ((rc = offer_store_get(s->db, s->arena, t->offer_id, &o, e)) != 0)
		return rc;
	before = o;
	o.operator_code = t->to_code;
	if ((rc = register_offer_update_in_tx(s, &o, o.version, e)) != 0 ||
	    (rc = offer_event_takeover_in_tx(s, t, &before, e)) != 0 ||
	    (rc = takeover_store_applied(s->db, t->id, s->now_iso, e)) != 0)
		return rc;
	t->applied_at = s->now_iso;
	return audit_takeover(s, t, "apply", e);
}

int
takeover_apply(struct svc *s, int64_t id, struct err *e)
{
	struct takeover	t;
	struct buf	b;
	int		rc;

	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan gennemføre en overtagelse");
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = takeover_store_get(s->db, s->arena, id, &t, e)) != 0)
		return finish(s, rc, e);
	if (*t.applied_at != '\0')
		return finish(s, err_set(e, ERR_CONFLICT, "already_applied",
		    NULL, "Overtagelsen er allerede gennemført"), e);
	if (strncmp(t.takeover_on, s->now_iso, 10) > 0) {
		buf_init(&b);
		text_format_date_da(&b, t.takeover_on);
		rc = err_set(e, ERR_CONFLICT, "takeover_not_due", NULL,
		    "Overtagelsen sker først %s", buf_str(&b));
		buf_cleanup(&b);
		return finish(s, rc, e);
	}
	return finish(s, apply_in_tx(s, &t, e), e);
}

int
takeover_apply_due(struct svc *s, size_t *applied, struct err *e)
{
	struct takeover	*v = NULL;
	char		 today[11];
	size_t		 n = 0, i;
	int		 rc;

	*applied = 0;
	if (s->who->role != ROLE_ADMIN)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet kan gennemføre en overtagelse");
	memcpy(today, s->now_iso, 10);
	today[10] = '\0';
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = takeover_store_list(s->db, s->arena, 0, today, &v, &n, e);
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
