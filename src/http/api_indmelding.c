/*
 * api_indmelding — the yearly submissions as JSON (read only): the years
 * with their progress, one year with the submissions the user may see,
 * and one submission with its lines and target-group fits. The same
 * rules as the pages: the secretariat sees all, a municipality or an
 * operator its own, a reader the years and progress only.
 */
#include <jansson.h>
#include <stdint.h>

#include "core/indmelding.h"
#include "http/api.h"
#include "http/http.h"
#include "http/routes.h"
#include "service/indmelding.h"

static json_t *
progress_json(const struct ind_progress *pr)
{
	return json_pack("{s:{s:I, s:I}, s:{s:I, s:I}}",
	    "municipalities", "done", (json_int_t)pr->done[IND_MUNICIPALITY],
	    "total", (json_int_t)pr->total[IND_MUNICIPALITY],
	    "operators", "done", (json_int_t)pr->done[IND_OPERATOR],
	    "total", (json_int_t)pr->total[IND_OPERATOR]);
}

void
api_ind_list(struct http_req *r)
{
	struct ind_year	*v;
	struct err	 e;
	json_t		*a;
	size_t		 n, i;

	err_clear(&e);
	if (ind_list(&r->svc, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	a = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(a, ind_year_json(&v[i]));
	http_send_json(r, 200, json_pack("{s:o}", "years", a));
}

void
api_ind_get(struct http_req *r)
{
	struct ind_year		 y;
	struct ind_progress	 pr;
	struct ind_sub		*v;
	struct err		 e;
	json_t			*j, *a;
	int64_t			 id;
	size_t			 n, i;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    ind_get(&r->svc, id, &y, &pr, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	j = ind_year_json(&y);
	json_object_set_new(j, "progress", progress_json(&pr));
	a = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(a, ind_sub_json(&v[i]));
	json_object_set_new(j, "submissions", a);
	http_send_json(r, 200, j);
}

void
api_ind_sub_get(struct http_req *r)
{
	struct ind_sub_view	 v;
	struct err		 e;
	json_t			*j;
	int64_t			 id;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    ind_sub_get(&r->svc, id, &v, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	j = ind_sub_json(&v.sub);
	json_object_set_new(j, "may_edit", json_boolean(v.may_edit));
	http_send_json(r, 200, j);
}
