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
	const char		*round_title = NULL;
	int64_t			 busy = 0;
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
	/*
	 * A round that already holds the members' own lines for the year
	 * (or a later one) would publish them apart: refused, so the
	 * group's first year has one line set from its start.
	 */
	if ((rc = harmonised_store_lines_from(s->db, s->arena, offer_ids, n,
	    from_year, &busy, &round_title, e)) != 0)
		return rc;
	for (i = 0; busy != 0 && i < n; i++)
		if (v[i].id == busy)
			return err_set(e, ERR_CONFLICT, "harmonised_round",
			    "from_year", "Tilbuddet %s har allerede "
			    "indberettet ydelseslinjer i %s. Vælg et senere "
			    "år, som endnu ikke har en takstrunde",
			    v[i].name, round_title != NULL ? round_title :
			    "en takstrunde");
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

/* Dissolve group id from year; inside the transaction. */
static int
dissolve_in_tx(struct svc *s, int64_t id, int year, struct err *e)
{
	struct harmonised	*v = NULL, *g = NULL;
	size_t			 n = 0, i;
	int64_t			 rounds = 0;
	char			*before, *after;
	int			 rc;

	if ((rc = harmonised_store_list(s->db, s->arena, 0, &v, &n, e)) != 0)
		return rc;
	for (i = 0; i < n; i++)
		if (v[i].id == id)
			g = &v[i];
	if (g == NULL)
		return err_set(e, ERR_NOT_FOUND, "harmonised_not_found", NULL,
		    "Den harmoniserede takst findes ikke");
	if (!role_may_edit_offer(s->who, g->operator_code))
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet eller tilbuddenes driftsherre kan "
		    "ophæve den harmoniserede takst");
	if (g->to_year != 0)
		return err_set(e, ERR_CONFLICT, "harmonised_dissolved", NULL,
		    "Den harmoniserede takst er allerede ophævet fra %d",
		    g->to_year + 1);
	if (year <= g->from_year || year > 2100)
		return err_set(e, ERR_INVALID, "harmonised_year", "year",
		    "Skriv et år efter %d, hvor tilbuddene igen får hver "
		    "sin takst", g->from_year);
	if ((rc = harmonised_store_rounds_from(s->db, id, year, &rounds,
	    e)) != 0)
		return rc;
	if (rounds > 0)
		return err_set(e, ERR_CONFLICT, "harmonised_round", "year",
		    "Den harmoniserede takst er allerede med i en takstrunde "
		    "for %d eller senere. Vælg et år efter den seneste runde",
		    year);
	if ((rc = harmonised_store_set_to_year(s->db, id, year - 1, e)) != 0)
		return rc;
	before = arena_printf(s->arena, "{\"from_year\":%d}", g->from_year);
	after = arena_printf(s->arena, "{\"from_year\":%d,\"to_year\":%d}",
	    g->from_year, year - 1);
	return audit_add(s->db, s->who, s->now_iso, "harmonised_tariff",
	    arena_printf(s->arena, "%lld", (long long)id), "dissolve", before,
	    after, e);
}

int
harmonised_dissolve(struct svc *s, int64_t id, int year, struct err *e)
{
	int rc;

	if (s->who->role != ROLE_ADMIN && s->who->role != ROLE_OPERATOR)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet eller tilbuddenes driftsherre kan "
		    "ophæve den harmoniserede takst");
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	return finish(s, dissolve_in_tx(s, id, year, e), e);
}
