/*
 * harmonised — harmonised tariffs across offers of one operator (see
 * harmonised.h).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/harmonised.h"
#include "core/offer.h"
#include "core/role.h"
#include "service/harmonised.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/offer_store.h"
#include "util/arena.h"
#include "util/err.h"

static int
finish(struct svc *s, int rc, struct err *e)
{
	if (rc != 0) {
		db_rollback(s->db);
		return rc;
	}
	return db_commit(s->db, e);
}

int
harmonised_list(struct svc *s, int64_t offer_id, struct harmonised **out,
    size_t *n, struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = harmonised_store_list(s->db, s->arena, offer_id, out, n, e);
	db_rollback(s->db);
	return rc;
}

static int
audit_group(struct svc *s, const struct harmonised *g,
    const int64_t *offer_ids, size_t n, int64_t id, struct err *e)
{
	json_t	*j, *ids;
	char	*txt, *after, *line;
	size_t	 i;
	int	 rc;

	ids = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(ids, json_integer(offer_ids[i]));
	j = json_pack("{s:s, s:i, s:s, s:o}", "name", g->name, "from_year",
	    g->from_year, "operator_code", g->operator_code, "offers", ids);
	txt = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS |
	    DECIMAL_JSON_FLAGS);
	json_decref(j);
	after = arena_strdup(s->arena, txt != NULL ? txt : "{}");
	free(txt);
	if ((rc = audit_add(s->db, s->who, s->now_iso, "harmonised_tariff",
	    arena_printf(s->arena, "%lld", (long long)id), "create", NULL,
	    after, e)) != 0)
		return rc;
	/* On each offer: the group's line, as its history shows it. */
	j = json_pack("{s:s}", "harmonised_tariff", arena_printf(s->arena,
	    "%s (fra %d)", g->name, g->from_year));
	txt = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	line = arena_strdup(s->arena, txt != NULL ? txt : "{}");
	free(txt);
	for (i = 0; i < n && rc == 0; i++)
		rc = audit_add(s->db, s->who, s->now_iso, "offer",
		    arena_printf(s->arena, "%lld", (long long)offer_ids[i]),
		    "harmonise", NULL, line, e);
	return rc;
}

/* Load, check and store the group; inside the transaction. */
static int
create_in_tx(struct svc *s, const char *name, int from_year,
    const int64_t *offer_ids, size_t n, int64_t *id, struct err *e)
{
	struct harmonised_offer	*v;
	struct harmonised	 g;
	struct offer		 o;
	size_t			 i;
	int			 rc;

	v = arena_alloc(s->arena, (n > 0 ? n : 1) * sizeof(*v));
	for (i = 0; i < n; i++) {
		if ((rc = offer_store_get(s->db, s->arena, offer_ids[i], &o,
		    e)) != 0)
			return rc;
		v[i].id = o.id;
		v[i].name = o.name;
		v[i].operator_code = o.operator_code;
	}
	if ((rc = harmonised_check(name, from_year, v, n, e)) != 0)
		return rc;
	if (!role_may_edit_offer(s->who, v[0].operator_code))
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet eller tilbuddenes driftsherre kan "
		    "give tilbuddene en harmoniseret takst");
	memset(&g, 0, sizeof(g));
	g.name = name;
	g.from_year = from_year;
	g.operator_code = v[0].operator_code;
	if ((rc = harmonised_store_insert(s->db, &g, offer_ids, n,
	    s->who->username, s->now_iso, id, e)) != 0)
		return rc;
	return audit_group(s, &g, offer_ids, n, *id, e);
}

int
harmonised_create(struct svc *s, const char *name, int from_year,
    const int64_t *offer_ids, size_t n, int64_t *id, struct err *e)
{
	int rc;

	if (s->who->role != ROLE_ADMIN && s->who->role != ROLE_OPERATOR)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet eller tilbuddenes driftsherre kan "
		    "give tilbuddene en harmoniseret takst");
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	return finish(s, create_in_tx(s, name, from_year, offer_ids, n, id,
	    e), e);
}

int
harmonised_candidates(struct svc *s, const struct offer *o,
    struct offer **out, size_t *n, struct err *e)
{
	struct offer_filter	 f;
	struct offer		*v = NULL;
	int64_t			 total = 0;
	size_t			 k = 0, i, j;
	int			 rc;

	*out = NULL;
	*n = 0;
	if (o->operator_code == NULL ||
	    !role_may_edit_offer(s->who, o->operator_code))
		return 0;
	memset(&f, 0, sizeof(f));
	f.operator_code = o->operator_code;
	f.covered = -1;
	f.sort = "name";
	f.limit = 1000;
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = offer_store_list(s->db, s->arena, &f, &v, &k, &total, e);
	db_rollback(s->db);
	if (rc != 0)
		return rc;
	for (i = 0, j = 0; i < k; i++)
		if (v[i].id != o->id)
			v[j++] = v[i];
	*out = v;
	*n = j;
	return 0;
}
