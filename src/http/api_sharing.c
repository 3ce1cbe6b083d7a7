/*
 * api_sharing — cost sharing over JSON: keys, allocations with their
 * versions, and invoice lines. The secretariat reads and creates
 * everything; a municipality's user reads its own shares and invoices.
 */
#include <stdio.h>
#include <string.h>

#include "http/api.h"
#include "http/http.h"
#include "http/routes.h"
#include "service/sharing.h"
#include "util/arena.h"
#include "util/text.h"

static json_t *
values_json(const struct sharing_value *v, size_t n, bool amounts)
{
	json_t	*o = json_object();
	size_t	 i;

	for (i = 0; i < n; i++)
		json_object_set_new(o, v[i].org_code, amounts ?
		    json_pack("{s:s, s:I, s:I}", "name", v[i].org_name,
		    "weight", (json_int_t)v[i].weight, "amount_ore",
		    (json_int_t)v[i].amount_ore) :
		    json_integer(v[i].weight));
	return o;
}

static json_t *
key_json(const struct sharing_key_row *k)
{
	json_t *j;

	j = json_pack("{s:I, s:s, s:s, s:s, s:s, s:o, s:I, s:I, s:s}", "id",
	    (json_int_t)k->id, "name", k->name, "title", k->title, "kind",
	    k->kind, "snapshot_date", k->snapshot_date, "source",
	    api_opt_json(k->source), "total", (json_int_t)k->total,
	    "municipalities", (json_int_t)k->nvalues, "updated_at",
	    k->updated_at);
	if (k->values != NULL)
		json_object_set_new(j, "values", values_json(k->values,
		    k->nvalues, false));
	return j;
}

static json_t *
alloc_json(const struct allocation_row *a)
{
	json_t *j;

	j = json_pack("{s:I, s:i, s:i, s:s, s:s, s:i, s:I, s:I, s:o, s:{s:o, "
	    "s:s, s:s, s:s}, s:I, s:o, s:s, s:s}", "id", (json_int_t)a->id,
	    "version", a->version, "current_version", a->current_version,
	    "title", a->title, "purpose", a->purpose, "year", a->year,
	    "pool_ore", (json_int_t)a->pool_ore, "unit_ore",
	    (json_int_t)a->unit_ore, "price_ore", a->price_ore > 0 ?
	    json_integer(a->price_ore) : json_null(), "key", "id",
	    a->key_id > 0 ? json_integer(a->key_id) : json_null(), "title",
	    a->key_title, "kind", a->key_kind, "snapshot_date",
	    a->key_snapshot_date, "weight_total", (json_int_t)a->weight_total,
	    "reason", api_opt_json(a->reason), "created_at", a->created_at,
	    "created_by", a->created_by);
	if (a->shares != NULL)
		json_object_set_new(j, "shares", values_json(a->shares,
		    a->nshares, true));
	return j;
}

/* ?name= as a year 2000..2100 into *year (0 when absent). */
static int
query_year(struct http_req *r, const char *name, int *year, struct err *e)
{
	const char	*s = http_query(r, name);
	int64_t		 v;

	*year = 0;
	if (s == NULL || *s == '\0')
		return 0;
	if (text_parse_i64(s, &v) != 0 || v < 2000 || v > 2100)
		return err_set(e, ERR_INVALID, "invalid_year", name,
		    "%s skal være et årstal mellem 2000 og 2100", name);
	*year = (int)v;
	return 0;
}

void
api_sharing_keys(struct http_req *r)
{
	struct sharing_key_row	*v;
	struct err		 e;
	json_t			*arr;
	size_t			 n, i;

	err_clear(&e);
	if (sharing_keys(&r->svc, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, key_json(&v[i]));
	http_send_json(r, 200, json_pack("{s:o}", "keys", arr));
}

void
api_sharing_key_get(struct http_req *r)
{
	struct sharing_key_row	k;
	struct err		e;
	int64_t			id;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    sharing_key_get(&r->svc, id, &k, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	http_send_json(r, 200, key_json(&k));
}

/* {code: integer, ...} into values in r's arena. */
static int
read_values(struct http_req *r, const json_t *obj, const char *key,
    struct sharing_value **out, size_t *n, struct err *e)
{
	const json_t	*o = api_field(obj, key);
	const char	*code;
	json_t		*copy, *v;
	size_t		 k = 0;
	int		 rc = 0;

	*out = NULL;
	*n = 0;
	if (o == NULL)
		return err_set(e, ERR_INVALID, "missing_field", key,
		    "Feltet %s mangler", key);
	if (!json_is_object(o) || json_object_size(o) > SHARING_ROWS_MAX)
		return api_type_error(e, key, "et objekt med et tal pr. "
		    "kommunekode");
	*out = arena_calloc(&r->arena, json_object_size(o) + 1,
	    sizeof(**out));
	copy = json_deep_copy(o);
	json_object_foreach(copy, code, v) {
		if (!json_is_integer(v)) {
			rc = api_type_error(e, api_path(r, key, code),
			    "et heltal");
			break;
		}
		(*out)[k].org_code = arena_strdup(&r->arena, code);
		(*out)[k].weight = (int64_t)json_integer_value(v);
		k++;
	}
	json_decref(copy);
	*n = k;
	return rc;
}

void
api_sharing_key_create(struct http_req *r)
{
	static const char *const allowed[] = { "name", "title", "kind",
	    "snapshot_date", "source", "values", "from_population", NULL };
	struct sharing_key_row	 k, out;
	struct err		 e;
	json_t			*in = NULL;
	int64_t			 id = 0, year = 0;
	int			 rc;

	err_clear(&e);
	memset(&k, 0, sizeof(k));
	if (api_body(r, &in, &e) != 0 || api_fields(in, allowed, NULL, &e)
	    != 0 || api_int(r, in, NULL, "from_population", false, 2000, 2100,
	    &year, &e) != 0 || api_opt_str(r, in, NULL, "name", &k.name, &e)
	    != 0)
		goto fail;
	if (year > 0)
		rc = sharing_key_from_population(&r->svc, (int)year, k.name,
		    &id, &e);
	else if (api_str(r, in, NULL, "title", true, &k.title, &e) != 0 ||
	    api_str(r, in, NULL, "kind", true, &k.kind, &e) != 0 ||
	    api_str(r, in, NULL, "snapshot_date", true, &k.snapshot_date, &e)
	    != 0 || api_opt_str(r, in, NULL, "source", &k.source, &e) != 0 ||
	    read_values(r, in, "values", &k.values, &k.nvalues, &e) != 0)
		goto fail;
	else
		rc = sharing_key_create(&r->svc, &k, &id, &e);
	if (rc != 0 || sharing_key_get(&r->svc, id, &out, &e) != 0)
		goto fail;
	json_decref(in);
	http_send_json(r, 201, key_json(&out));
	return;
fail:
	api_fail(r, in, &e);
}

void
api_allocations_list(struct http_req *r)
{
	static const char *const allowed[] = { "year", "purpose", NULL };
	struct allocation_row	*v;
	struct err		 e;
	json_t			*arr;
	size_t			 n, i;
	int			 year;

	err_clear(&e);
	if (http_query_check(r, allowed, &e) != 0 ||
	    query_year(r, "year", &year, &e) != 0 ||
	    sharing_list(&r->svc, year, http_query_text(r, "purpose"), &v, &n,
	    &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, alloc_json(&v[i]));
	http_send_json(r, 200, json_pack("{s:o}", "allocations", arr));
}

void
api_allocation_get(struct http_req *r)
{
	static const char *const allowed[] = { "version", NULL };
	struct allocation_row	a;
	struct err		e;
	const char		*s;
	int64_t			id, version = 0;

	err_clear(&e);
	if (http_query_check(r, allowed, &e) != 0 ||
	    api_param_id(r, 0, &id, &e) != 0)
		goto fail;
	if ((s = http_query(r, "version")) != NULL && (text_parse_i64(s,
	    &version) != 0 || version < 1 || version > 1000000)) {
		err_set(&e, ERR_INVALID, "invalid_version", "version",
		    "version skal være et versionsnummer");
		goto fail;
	}
	if (sharing_get(&r->svc, id, (int)version, &a, &e) != 0)
		goto fail;
	http_send_json(r, 200, alloc_json(&a));
	return;
fail:
	http_send_error(r, &e);
}

/* The allocation input of a JSON body; reason read when correcting. */
static int
read_input(struct http_req *r, const json_t *in, bool correcting,
    struct sharing_input *si, struct err *e)
{
	static const char *const allowed[] = { "title", "purpose", "year",
	    "pool_ore", "unit_ore", "key_id", "municipalities", "weights",
	    "price_ore", "key_title", "snapshot_date", "reason", NULL };
	const json_t	*m;
	const char	**codes;
	struct sharing_value *w;
	int64_t		 year = 0;
	size_t		 i, nw;
	int		 rc;

	memset(si, 0, sizeof(*si));
	si->unit_ore = 100;
	if ((rc = api_fields(in, allowed, NULL, e)) != 0 ||
	    (rc = api_str(r, in, NULL, "title", true, &si->title, e)) != 0 ||
	    (rc = api_str(r, in, NULL, "purpose", true, &si->purpose, e)) != 0
	    || (rc = api_int(r, in, NULL, "year", true, 2000, 2100, &year, e))
	    != 0 || (rc = api_ore(r, in, NULL, "pool_ore", false,
	    &si->pool_ore, e)) != 0 || (rc = api_ore(r, in, NULL, "unit_ore",
	    false, &si->unit_ore, e)) != 0 || (rc = api_int(r, in, NULL,
	    "key_id", false, 1, INT64_MAX, &si->key_id, e)) != 0 ||
	    (rc = api_ore(r, in, NULL, "price_ore", false, &si->price_ore, e))
	    != 0 || (rc = api_opt_str(r, in, NULL, "key_title",
	    &si->key_title, e)) != 0 || (rc = api_opt_str(r, in, NULL,
	    "snapshot_date", &si->snapshot_date, e)) != 0 ||
	    (rc = api_opt_str(r, in, NULL, "reason", &si->reason, e)) != 0)
		return rc;
	si->year = (int)year;
	if (!correcting && si->reason != NULL)
		return err_set(e, ERR_INVALID, "unknown_field", "reason",
		    "En begrundelse hører til en rettelse");
	if ((m = api_field(in, "municipalities")) != NULL) {
		if (!json_is_array(m) || json_array_size(m) >
		    SHARING_ROWS_MAX)
			return api_type_error(e, "municipalities",
			    "en liste af kommunekoder");
		codes = arena_calloc(&r->arena, json_array_size(m) + 1,
		    sizeof(*codes));
		for (i = 0; i < json_array_size(m); i++) {
			if (!json_is_string(json_array_get(m, i)))
				return api_type_error(e, "municipalities",
				    "en liste af kommunekoder");
			codes[i] = arena_strdup(&r->arena,
			    json_string_value(json_array_get(m, i)));
		}
		si->org_codes = codes;
		si->norgs = json_array_size(m);
	}
	if (api_field(in, "weights") != NULL) {
		if ((rc = read_values(r, in, "weights", &w, &nw, e)) != 0)
			return rc;
		si->weights = w;
		si->nweights = nw;
	}
	if (si->key_id == 0 && si->weights == NULL)
		return err_set(e, ERR_INVALID, "missing_key", "key_id",
		    "Vælg en fordelingsnøgle (key_id) eller angiv weights");
	return 0;
}

static void
create_or_correct(struct http_req *r, bool correcting)
{
	struct sharing_input	 si;
	struct allocation_row	 a;
	struct err		 e;
	json_t			*in = NULL;
	int64_t			 id = 0;

	err_clear(&e);
	if ((correcting && api_param_id(r, 0, &id, &e) != 0) ||
	    api_body(r, &in, &e) != 0 ||
	    read_input(r, in, correcting, &si, &e) != 0)
		goto fail;
	if ((correcting ? sharing_correct(&r->svc, id, &si, &e) :
	    sharing_create(&r->svc, &si, &id, &e)) != 0 ||
	    sharing_get(&r->svc, id, 0, &a, &e) != 0)
		goto fail;
	json_decref(in);
	http_send_json(r, 201, alloc_json(&a));
	return;
fail:
	api_fail(r, in, &e);
}

void
api_allocation_create(struct http_req *r)
{
	create_or_correct(r, false);
}

void
api_allocation_correct(struct http_req *r)
{
	create_or_correct(r, true);
}

void
api_invoices(struct http_req *r)
{
	static const char *const allowed[] = { "municipality", "year", NULL };
	struct invoice_row	*v;
	struct err		 e;
	json_t			*arr;
	size_t			 n, i;
	int64_t			 total = 0;
	int			 year;

	err_clear(&e);
	if (http_query_check(r, allowed, &e) != 0 ||
	    query_year(r, "year", &year, &e) != 0 ||
	    sharing_invoices(&r->svc, http_query_text(r, "municipality"), year,
	    0, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	arr = json_array();
	for (i = 0; i < n; i++) {
		json_array_append_new(arr, json_pack("{s:I, s:i, s:s, s:s, "
		    "s:i, s:s, s:s, s:s, s:I, s:I, s:I}", "allocation_id",
		    (json_int_t)v[i].allocation_id, "version", v[i].version,
		    "title", v[i].title, "purpose", v[i].purpose, "year",
		    v[i].year, "municipality", v[i].org_code, "name",
		    v[i].org_name, "key_title", v[i].key_title, "weight",
		    (json_int_t)v[i].weight, "weight_total",
		    (json_int_t)v[i].weight_total, "amount_ore",
		    (json_int_t)v[i].amount_ore));
		total += v[i].amount_ore;
	}
	http_send_json(r, 200, json_pack("{s:o, s:I}", "invoices", arr,
	    "total_ore", (json_int_t)total));
}
