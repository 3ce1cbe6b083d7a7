/*
 * api_offer_rules — the register's rules as JSON: an offer's coverage per
 * municipality with the opt-outs' steps, and its events (taken over,
 * taken home, closed).
 */
#include <jansson.h>
#include <string.h>

#include "core/offer.h"
#include "core/offer_event.h"
#include "core/org.h"
#include "http/api.h"
#include "http/http.h"
#include "http/routes.h"
#include "service/offer_event.h"
#include "service/register.h"
#include "util/err.h"

void
api_offer_coverage(struct http_req *r)
{
	struct optout_row	*v = NULL;
	struct offer		 o;
	struct org		*orgs = NULL;
	struct err		 e;
	enum optout_step	 st;
	json_t			*arr, *steps;
	size_t			 n = 0, i;
	int64_t			 id;
	int			 norgs = 0, k, last;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    register_offer_get(&r->svc, id, &o, &e) != 0 ||
	    optout_list(&r->svc, id, NULL, &v, &n, &e) != 0 ||
	    register_org_list(&r->svc, &orgs, &norgs, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	arr = json_array();
	for (k = 0; k < norgs; k++) {
		if (orgs[k].kind != ORG_KOMMUNE)
			continue;
		last = -1;
		steps = json_array();
		for (i = 0; i < n; i++) {
			if (strcmp(v[i].municipality, orgs[k].code) != 0)
				continue;
			if (optout_step_parse(v[i].kind, &st) == 0)
				last = (int)st;
			json_array_append_new(steps, json_pack("{s:s, s:s, "
			    "s:s, s:s}", "step", v[i].kind, "text", v[i].text,
			    "at", v[i].created_at, "by", v[i].created_by));
		}
		json_array_append_new(arr, json_pack("{s:s, s:b, s:o, s:o}",
		    "municipality", orgs[k].code, "covered",
		    optout_covers(o.covered, o.category, last), "step",
		    last < 0 ? json_null() :
		    json_string(optout_step_name((enum optout_step)last)),
		    "steps", steps));
	}
	http_send_json(r, 200, json_pack("{s:I, s:b, s:o, s:o}", "offer_id",
	    (json_int_t)id, "covered", o.covered, "category",
	    api_opt_json(o.category), "municipalities", arr));
}

void
api_offer_events(struct http_req *r)
{
	struct offer_event_row	*v = NULL;
	struct offer		 o;
	struct err		 e;
	json_t			*arr;
	size_t			 n = 0, i;
	int64_t			 id;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    register_offer_get(&r->svc, id, &o, &e) != 0 ||
	    offer_event_list(&r->svc, id, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:o, "
		    "s:o, s:s, s:s, s:s, s:o, s:b}", "id", (json_int_t)v[i].id,
		    "kind", v[i].kind, "on_date", v[i].on_date,
		    "from_operator", api_opt_json(*v[i].from_operator ?
		    v[i].from_operator : NULL), "to_operator",
		    api_opt_json(*v[i].to_operator ? v[i].to_operator : NULL),
		    "from_status", v[i].from_status, "to_status",
		    v[i].to_status, "note", v[i].note, "takeover_id",
		    v[i].takeover_id > 0 ? json_integer(v[i].takeover_id) :
		    json_null(), "applied", *v[i].applied_at != '\0'));
	http_send_json(r, 200, json_pack("{s:I, s:o}", "offer_id",
	    (json_int_t)id, "events", arr));
}
