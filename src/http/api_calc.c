/*
 * api_calc — the calculators (tariff, surplus, occupancy, fixed-prices,
 * analysis) and the agreement parameters over JSON. The calculators
 * change nothing; they use the parameters the secretariat has stored for
 * the year and the stored PL series ("series": NAME).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/params.h"
#include "http/api.h"
#include "http/http.h"
#include "http/routes.h"
#include "service/agreement.h"
#include "service/calc.h"
#include "service/pl.h"
#include "store/param_store.h"
#include "util/text.h"

/* The calculators' parameter source: the stored parameters of a year. */
static int
lookup_params(void *arg, int year, struct agreement_params *out,
    struct err *e)
{
	return agreement_params_get(arg, year, out, e);
}

/* Send j with the calculators' number format (exact reals). */
static void
send_calc_json(struct http_req *r, int status, json_t *j)
{
	size_t	 n;
	char	*txt;

	n = json_dumpb(j, NULL, 0, JSON_COMPACT | CALC_DUMP_FLAGS);
	txt = arena_alloc(&r->arena, n + 1);
	json_dumpb(j, txt, n, JSON_COMPACT | CALC_DUMP_FLAGS);
	json_decref(j);
	http_send(r, status, "application/json; charset=utf-8", txt, n);
}

void
api_calc(struct http_req *r)
{
	struct calc_params	 src = { .lookup = lookup_params, .arg = &r->svc,
				     .pl_series = pl_calc_lookup,
				     .pl_arg = &r->svc };
	struct err		 e;
	json_t			*in = NULL, *out = NULL;

	err_clear(&e);
	if (api_body(r, &in, &e) != 0 ||
	    calc_json(r->params[0], &src, in, &out, &e) != 0) {
		json_decref(in);
		http_send_error(r, &e);
		return;
	}
	json_decref(in);
	send_calc_json(r, 200, out);
}

static int
param_year(struct http_req *r, int *year, struct err *e)
{
	int64_t y;

	if (text_parse_i64(r->params[0], &y) != 0 || y < PARAMS_YEAR_MIN ||
	    y > PARAMS_YEAR_MAX)
		return err_set(e, ERR_NOT_FOUND, "invalid_year", "year",
		    "Året skal være mellem %d og %d", PARAMS_YEAR_MIN,
		    PARAMS_YEAR_MAX);
	*year = (int)y;
	return 0;
}

/* One parameter as JSON: value, default, unit, range, label, override. */
static json_t *
param_json(const struct param_desc *d, const struct agreement_params *p,
    const struct param_row *rows, int nrows, int year)
{
	json_t	*j, *choices;
	int64_t	 v = 0;
	int	 i;

	params_get(p, d->key, &v);
	j = json_pack("{s:s, s:s, s:s, s:I, s:I, s:I, s:I, s:s}", "key", d->key,
	    "label", d->label, "unit", params_unit_name(d->unit), "value",
	    (json_int_t)v, "default", (json_int_t)params_desc_default(d, year),
	    "min", (json_int_t)d->min, "max", (json_int_t)d->max, "source",
	    d->source ? d->source : "");
	if (d->choices != NULL) {
		choices = json_array();
		for (i = 0; d->choices[i] != NULL; i++)
			json_array_append_new(choices, json_string(d->choices[i]));
		json_object_set_new(j, "choices", choices);
	}
	for (i = 0; i < nrows; i++)
		if (strcmp(rows[i].key, d->key) == 0) {
			json_object_set_new(j, "reason", rows[i].reason ?
			    json_string(rows[i].reason) : json_null());
			json_object_set_new(j, "updated_at",
			    json_string(rows[i].updated_at));
			if (rows[i].onward)	/* set from that year on */
				json_object_set_new(j, "from_year",
				    json_integer(rows[i].year));
		}
	return j;
}

void
api_params_get(struct http_req *r)
{
	struct agreement_params	 p;
	struct param_row	*rows;
	struct err		 e;
	json_t			*arr;
	size_t			 i;
	int			 year = 0, n;

	err_clear(&e);
	if (param_year(r, &year, &e) != 0 ||
	    agreement_params_get(&r->svc, year, &p, &e) != 0 ||
	    agreement_params_overrides(&r->svc, year, &rows, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	arr = json_array();
	for (i = 0; i < params_count(); i++)
		json_array_append_new(arr, param_json(params_desc_at(i), &p,
		    rows, n, year));
	http_send_json(r, 200, json_pack("{s:i, s:o}", "year", year,
	    "params", arr));
}

void
api_param_put(struct http_req *r)
{
	struct err	 e;
	json_t		*in = NULL;
	json_error_t	 je;
	json_int_t	 value;
	const char	*reason = NULL;
	int		 year = 0, onward = 0;

	err_clear(&e);
	if (param_year(r, &year, &e) != 0 || api_body(r, &in, &e) != 0)
		goto fail;
	if (json_unpack_ex(in, &je, JSON_STRICT, "{s:I, s:s, s?b}", "value",
	    &value, "reason", &reason, "onward", &onward) != 0) {
		err_set(&e, ERR_INVALID, "invalid_param", NULL, "Send "
		    "{\"value\": heltal, \"reason\": tekst, \"onward\": "
		    "sand/falsk}");
		goto fail;
	}
	if (agreement_param_set(&r->svc, year, r->params[1], value,
	    onward != 0, reason, &e) != 0)
		goto fail;
	json_decref(in);
	api_params_get(r);
	return;
fail:
	json_decref(in);
	http_send_error(r, &e);
}
