/* startup — start-up costs of offers (see startup.h). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/offer.h"
#include "core/role.h"
#include "core/startup.h"
#include "service/offer_event.h"
#include "service/startup.h"
#include "service/svc.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/offer_store.h"
#include "util/arena.h"
#include "util/err.h"

int
startup_list(struct svc *s, int64_t offer_id, struct startup_row **out,
    size_t *n, struct err *e)
{
	int rc;

	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	rc = startup_store_list(s->db, s->arena, offer_id, 0, out, n, e);
	db_rollback(s->db);
	return rc;
}

int
startup_share_in_tx(struct svc *s, int64_t offer_id, int year,
    int64_t *share_ore, struct startup_row **rows, size_t *n, struct err *e)
{
	struct startup_row	*v = NULL;
	struct startup_cost	 c;
	size_t			 nv = 0, i;
	int			 rc;

	*share_ore = 0;
	if ((rc = startup_store_list(s->db, s->arena, offer_id, year, &v, &nv,
	    e)) != 0)
		return rc;
	for (i = 0; i < nv; i++) {
		c.amount_ore = v[i].amount_ore;
		c.first_year = v[i].first_year;
		c.years = v[i].years;
		*share_ore += startup_share(&c, year);
	}
	if (rows != NULL)
		*rows = v;
	if (n != NULL)
		*n = nv;
	return 0;
}

int
startup_record(struct svc *s, int64_t offer_id, int64_t amount_ore,
    int first_year, int years, const char *text, int64_t *id, struct err *e)
{
	struct startup_cost	 c = { amount_ore, first_year, years };
	struct startup_row	 r;
	struct offer		 o;
	const char		*op;
	json_t			*j;
	char			*after, *txt;
	int64_t			 nid;
	int			 rc;

	if (s->who->role != ROLE_ADMIN && s->who->role != ROLE_OPERATOR)
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Opstartsomkostninger registreres af sekretariatet eller "
		    "tilbuddets driftsherre");
	if ((rc = startup_check(&c, text, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = offer_store_get(s->db, s->arena, offer_id, &o, e)) != 0)
		goto fail;
	if ((rc = offer_event_operator_of_year(s, offer_id, o.operator_code,
	    first_year, &op, NULL, e)) != 0)
		goto fail;
	if (!role_may_edit_offer(s->who, op)) {
		rc = err_set(e, ERR_FORBIDDEN, "forbidden", NULL, "Du kan kun "
		    "registrere opstartsomkostninger for tilbud, som din egen "
		    "organisation er driftsherre for i det første år");
		goto fail;
	}
	memset(&r, 0, sizeof(r));
	r.offer_id = offer_id;
	r.amount_ore = amount_ore;
	r.first_year = first_year;
	r.years = years;
	r.text = text;
	r.created_at = s->now_iso;
	r.created_by = s->who->username != NULL ? s->who->username : "system";
	if ((rc = startup_store_insert(s->db, &r, &nid, e)) != 0)
		goto fail;
	j = json_pack("{s:I, s:I, s:i, s:i, s:s}", "offer_id",
	    (json_int_t)offer_id, "amount_ore", (json_int_t)amount_ore,
	    "first_year", first_year, "years", years, "text", text);
	txt = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS |
	    DECIMAL_JSON_FLAGS);
	json_decref(j);
	after = arena_strdup(s->arena, txt != NULL ? txt : "{}");
	free(txt);
	if ((rc = audit_add(s->db, s->who, s->now_iso, "startup_cost",
	    arena_printf(s->arena, "%lld", (long long)nid), "create", NULL,
	    after, e)) != 0)
		goto fail;
	if ((rc = db_commit(s->db, e)) != 0)
		return rc;
	if (id != NULL)
		*id = nid;
	return 0;
fail:
	db_rollback(s->db);
	return rc;
}
