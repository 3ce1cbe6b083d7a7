/*
 * api_agreement — the JSON API of the agreement (public reads): the
 * documents with their approval counts, one document with its versions
 * and every party's decision, and the offers covered by the reinforced
 * cooperation in a year.
 */
#include <jansson.h>
#include <string.h>

#include "core/approval.h"
#include "core/reinforced.h"
#include "http/api.h"
#include "http/http.h"
#include "http/routes.h"
#include "service/approval.h"
#include "service/reinforced.h"
#include "util/err.h"
#include "util/text.h"

static json_t *
doc_json(const struct agreement_doc *d)
{
	return json_pack("{s:I, s:s, s:i, s:s, s:s, s:s, s:i, s:i, s:i}",
	    "id", (json_int_t)d->id, "kind", approval_kind_name(d->kind),
	    "year", d->year, "title", d->title, "deadline", d->deadline,
	    "stage", approval_stage_name(d->stage), "councils", d->councils,
	    "approved", d->approved, "rejected", d->rejected);
}

void
api_agreement_docs(struct http_req *r)
{
	struct agreement_doc	*v = NULL;
	struct err		 e;
	size_t			 n = 0, i;
	json_t			*arr;

	err_clear(&e);
	if (approval_doc_list(&r->svc, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, doc_json(&v[i]));
	http_send_json(r, 200, json_pack("{s:o}", "documents", arr));
}

void
api_agreement_doc(struct http_req *r)
{
	struct agreement_doc_view	 v;
	struct err			 e;
	int64_t				 id;
	json_t				*j, *vers, *parties;
	size_t				 i;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    approval_doc_get(&r->svc, id, &v, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	j = doc_json(&v.doc);
	vers = json_array();
	for (i = 0; i < v.nversions; i++)
		json_array_append_new(vers, json_pack("{s:i, s:s, s:s, s:s}",
		    "no", v.versions[i].no, "stage",
		    approval_stage_name(v.versions[i].stage), "dated",
		    v.versions[i].dated, "note", v.versions[i].note));
	parties = json_array();
	for (i = 0; i < v.nparties; i++)
		json_array_append_new(parties, json_pack("{s:s, s:s, s:b, "
		    "s:s, s:o, s:o}", "party", v.parties[i].party, "name",
		    v.parties[i].name, "council", v.parties[i].council,
		    "status", approval_status_name(v.parties[i].status),
		    "decided_on", api_opt_json(*v.parties[i].decided_on ?
		    v.parties[i].decided_on : NULL), "reservation",
		    api_opt_json(*v.parties[i].reservation ?
		    v.parties[i].reservation : NULL)));
	json_object_set_new(j, "versions", vers);
	json_object_set_new(j, "approvals", parties);
	http_send_json(r, 200, j);
}

void
api_agreement_reinforced(struct http_req *r)
{
	struct reinforced_coverage	*v = NULL;
	struct err			 e;
	int64_t				 year;
	size_t				 n = 0, i;
	json_t				*arr;

	err_clear(&e);
	if (api_param_id(r, 0, &year, &e) != 0 ||
	    reinforced_covered(&r->svc, year > 9999 ? 0 : (int)year, &v, &n,
	    &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:i, "
		    "s:s, s:o, s:s}", "offer_id", (json_int_t)v[i].offer_id,
		    "offer", v[i].offer_name, "operator", v[i].operator_name,
		    "decided_year", v[i].year, "valid_from", v[i].valid_from,
		    "valid_to", api_opt_json(*v[i].valid_to ? v[i].valid_to :
		    NULL), "status", coverage_status_name(v[i].status)));
	http_send_json(r, 200, json_pack("{s:i, s:o}", "year", (int)year,
	    "covered", arr));
}
