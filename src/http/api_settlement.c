/*
 * api_settlement — the post-adjustments of secure institutions over the
 * JSON API: list, one version with its shares, and create (the
 * secretariat). Who sees what is decided by service/settlement.
 */
#include <string.h>

#include "http/api.h"
#include "http/http.h"
#include "http/routes.h"
#include "service/settlement.h"
#include "util/arena.h"
#include "util/err.h"

/* One settlement as JSON; shares only when with_shares. */
static json_t *
settlement_json(const struct settlement *s, bool with_shares)
{
	json_t	*j, *sh;
	size_t	 i;

	j = json_pack("{s:I, s:I, s:s, s:s?, s:i, s:i, s:i, s:o, s:I, s:o, "
	    "s:I, s:I, s:s, s:I, s:I, s:I, s:I, s:s, s:s, s:o, s:s, s:s}",
	    "id", (json_int_t)s->id, "offer_id", (json_int_t)s->offer_id,
	    "offer_name", s->offer_name, "operator_code", s->operator_code,
	    "year", s->year, "version", s->version, "versions", s->nversions,
	    "places", api_centi_json(s->places_centi), "day_basis",
	    (json_int_t)s->day_basis, "assumed_occupancy_pct",
	    api_centi_json(s->assumed_bp), "rounding_ore",
	    (json_int_t)s->rounding_ore, "cost_ore", (json_int_t)s->cost_ore,
	    "cost_source", s->cost_source, "occupied_days",
	    (json_int_t)s->occupied_days, "tariff_ore",
	    (json_int_t)s->tariff_ore, "billed_ore",
	    (json_int_t)s->billed_ore, "difference_ore",
	    (json_int_t)s->difference_ore, "key", s->key_kind, "key_label",
	    s->key_label, "reason", api_opt_json(s->reason), "created_by",
	    s->created_by, "created_at", s->created_at);
	json_object_set_new(j, "key_id", s->key_id > 0 ?
	    json_integer(s->key_id) : json_null());
	if (!with_shares && s->shares == NULL)
		return j;
	sh = json_array();
	for (i = 0; i < s->nshares; i++)
		json_array_append_new(sh, json_pack("{s:s, s:s, s:I, s:I}",
		    "org_code", s->shares[i].org_code, "org_name",
		    s->shares[i].org_name, "weight",
		    (json_int_t)s->shares[i].weight, "amount_ore",
		    (json_int_t)s->shares[i].amount_ore));
	json_object_set_new(j, "shares", sh);
	return j;
}

void
api_settlements_list(struct http_req *r)
{
	struct settlement	*v;
	struct err		 e;
	json_t			*arr;
	size_t			 n, i;

	err_clear(&e);
	if (settlement_list(&r->svc, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, settlement_json(&v[i], false));
	http_send_json(r, 200, json_pack("{s:o}", "settlements", arr));
}

void
api_settlement_get(struct http_req *r)
{
	struct settlement	 s;
	struct err		 e;
	int64_t			 id, *vers;
	size_t			 nv, i;
	json_t			*j, *ids;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    settlement_get(&r->svc, id, &s, &vers, &nv, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	j = settlement_json(&s, true);
	ids = json_array();
	for (i = 0; i < nv; i++)
		json_array_append_new(ids, json_integer(vers[i]));
	json_object_set_new(j, "version_ids", ids);
	http_send_json(r, 200, j);
}

/* The body of a create: see docs/api.md. */
static int
read_input(struct http_req *r, const json_t *in,
    struct settlement_input *si, struct err *e)
{
	static const char *const allowed[] = { "offer_id", "year",
	    "cost_ore", "occupied_days", "key", "key_id", "weights", "reason",
	    NULL };
	struct settlement_share	*w;
	const json_t		*ws;
	json_t			*copy, *v;
	const char		*code;
	int64_t			 id = 0, year = 0;
	size_t			 n = 0;
	int			 rc;

	memset(si, 0, sizeof(*si));
	if ((rc = api_fields(in, allowed, NULL, e)) != 0 ||
	    (rc = api_int(r, in, NULL, "offer_id", true, 1, INT64_MAX, &id,
	    e)) != 0 ||
	    (rc = api_int(r, in, NULL, "year", true, 2000, 2100, &year,
	    e)) != 0 ||
	    (rc = api_opt_str(r, in, NULL, "key", &si->key_kind, e)) != 0 ||
	    (rc = api_opt_str(r, in, NULL, "reason", &si->reason, e)) != 0)
		return rc;
	si->offer_id = id;
	si->year = (int)year;
	if ((rc = api_int(r, in, NULL, "key_id", false, 1, INT64_MAX,
	    &si->key_id, e)) != 0)
		return rc;
	si->cost_given = api_field(in, "cost_ore") != NULL;
	si->days_given = api_field(in, "occupied_days") != NULL;
	if ((rc = api_ore(r, in, NULL, "cost_ore", false, &si->cost_ore,
	    e)) != 0 ||
	    (rc = api_int(r, in, NULL, "occupied_days", false, INT64_MIN,
	    INT64_MAX, &si->occupied_days, e)) != 0)
		return rc;
	if (si->cost_given && si->cost_ore < 0)
		return err_set(e, ERR_INVALID, "invalid_amount", "cost_ore",
		    "Omkostningerne kan ikke være negative");
	if (si->days_given && si->occupied_days < 0)
		return err_set(e, ERR_INVALID, "negative_days",
		    "occupied_days", "Antal belagte døgn kan ikke være "
		    "negativt");
	if ((ws = api_field(in, "weights")) == NULL)
		return 0;
	if (!json_is_object(ws))
		return api_type_error(e, "weights", "et objekt med en vægt pr. "
		    "kommunekode");
	w = arena_calloc(&r->arena, json_object_size(ws) + 1, sizeof(*w));
	/* jansson iterates only a mutable object: walk a copy. */
	copy = json_deep_copy(ws);
	json_object_foreach(copy, code, v) {
		if (!json_is_integer(v)) {
			rc = api_type_error(e, api_path(r, "weights", code),
			    "et heltal");
			json_decref(copy);
			return rc;
		}
		w[n].org_code = arena_strdup(&r->arena, code);
		w[n].weight = json_integer_value(v);
		n++;
	}
	json_decref(copy);
	si->weights = w;
	si->nweights = n;
	if (si->key_kind == NULL)
		si->key_kind = "entered";
	return 0;
}

void
api_settlements_create(struct http_req *r)
{
	struct settlement_input	 si;
	struct settlement	 s;
	struct err		 e;
	json_t			*in = NULL;

	err_clear(&e);
	if (api_body(r, &in, &e) != 0 || read_input(r, in, &si, &e) != 0 ||
	    settlement_create(&r->svc, &si, &s, &e) != 0) {
		api_fail(r, in, &e);
		return;
	}
	json_decref(in);
	http_send_json(r, 201, settlement_json(&s, true));
}
