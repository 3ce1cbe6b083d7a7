/*
 * api_tariff — the JSON API of the tariff rounds: rounds and their
 * progress, submissions with service lines (computed tariffs and
 * warnings), submitting and review, the published tariff overview (JSON,
 * CSV, XLSX) with versions and changes in the year, and the accounts with
 * the set-aside ledger. Handlers parse and check the request, call the
 * round and accounts services, and write JSON; the rules live below.
 */
#include <math.h>
#include <microhttpd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/money.h"
#include "core/org.h"
#include "core/params.h"
#include "core/round.h"
#include "core/tariff.h"
#include "http/api.h"
#include "http/cache.h"
#include "http/http.h"
#include "http/routes.h"
#include "http/tariff_http.h"
#include "service/accounts.h"
#include "service/reduction.h"
#include "service/register.h"
#include "service/round.h"
#include "service/round_io.h"
#include "store/audit.h"
#include "util/text.h"

#define INT_INPUT_MAX	INT64_C(10000000000000)	/* |integer| accepted */
#define CENTI_INPUT_MAX	1e8			/* |decimal| accepted */

/* ---- reading JSON ----------------------------------------------------- */

static int
type_error(struct err *e, const char *path, const char *what)
{
	return err_set(e, ERR_INVALID, "invalid_type", path,
	    "Feltet %s skal være %s", path, what);
}

/* obj holds only keys from allowed (NULL-terminated). */
static int
only_fields(const json_t *obj, const char *const *allowed, const char *prefix,
    struct err *e)
{
	const char	*key;
	json_t		*v;
	size_t		 i;
	void		*it;

	if (!json_is_object(obj))
		return type_error(e, prefix ? prefix : "indholdet", "et "
		    "objekt");
	for (it = json_object_iter((json_t *)(uintptr_t)obj); it != NULL;
	    it = json_object_iter_next((json_t *)(uintptr_t)obj, it)) {
		key = json_object_iter_key(it);
		v = json_object_iter_value(it);
		(void)v;
		for (i = 0; allowed[i] != NULL; i++)
			if (strcmp(key, allowed[i]) == 0)
				break;
		if (allowed[i] == NULL)
			return err_set(e, ERR_INVALID, "unknown_field", key,
			    "Ukendt felt: %s%s%.60s", prefix ? prefix : "",
			    prefix ? "." : "", key);
	}
	return 0;
}

/* The value of key, or NULL when absent or null. */
static const json_t *
field(const json_t *obj, const char *key)
{
	const json_t *v = json_object_get(obj, key);

	return v == NULL || json_is_null(v) ? NULL : v;
}

static const char *
path_of(struct http_req *r, const char *prefix, const char *key)
{
	return prefix ? arena_printf(&r->arena, "%s.%s", prefix, key) : key;
}

static int
get_int(struct http_req *r, const json_t *obj, const char *prefix,
    const char *key, bool required, int64_t min, int64_t max, int64_t *out,
    struct err *e)
{
	const json_t	*v = field(obj, key);
	const char	*p = path_of(r, prefix, key);
	json_int_t	 iv;

	if (v == NULL)
		return required ? err_set(e, ERR_INVALID, "missing_field", p,
		    "Feltet %s mangler", p) : 0;
	if (!json_is_integer(v))
		return type_error(e, p, "et heltal");
	iv = json_integer_value(v);
	if (iv < min || iv > max)
		return err_set(e, ERR_INVALID, "out_of_range", p, "Feltet %s "
		    "skal "
		    "ligge mellem %lld og %lld", p, (long long)min,
		    (long long)max);
	*out = (int64_t)iv;
	return 0;
}

/* An amount in øre: an integer; fractions and exponents are refused. */
static int
get_ore(struct http_req *r, const json_t *obj, const char *prefix,
    const char *key, bool required, int64_t *out, struct err *e)
{
	const json_t	*v = field(obj, key);
	const char	*p = path_of(r, prefix, key);

	if (v == NULL)
		return required ? err_set(e, ERR_INVALID, "missing_field", p,
		    "Feltet %s mangler", p) : 0;
	if (!json_is_integer(v))
		return err_set(e, ERR_INVALID, "invalid_amount", p, "Feltet %s "
		    "skal være et helt antal øre (et heltal uden decimaler)",
		    p);
	if (json_integer_value(v) < -INT_INPUT_MAX ||
	    json_integer_value(v) > INT_INPUT_MAX)
		return err_set(e, ERR_INVALID, "number_too_large", p,
		    "Feltet %s er urimeligt stort", p);
	*out = (int64_t)json_integer_value(v);
	return 0;
}

/* A number with at most two decimals into hundredths. */
static int
centi_of(const json_t *v, const char *p, int64_t *out, struct err *e)
{
	char	txt[64];
	double	d;

	if (json_is_integer(v)) {
		if (json_integer_value(v) < -INT_INPUT_MAX ||
		    json_integer_value(v) > INT_INPUT_MAX)
			return err_set(e, ERR_INVALID, "number_too_large", p,
			    "Feltet %s er urimeligt stort", p);
		*out = (int64_t)json_integer_value(v) * 100;
		return 0;
	}
	if (!json_is_real(v))
		return type_error(e, p, "et tal");
	d = json_real_value(v);
	if (!isfinite(d) || fabs(d) >= CENTI_INPUT_MAX)
		return err_set(e, ERR_INVALID, "number_too_large", p,
		    "Feltet %s er urimeligt stort", p);
	snprintf(txt, sizeof(txt), "%.10g", d);
	if (text_parse_centi(txt, out) != 0)
		return err_set(e, ERR_INVALID, "too_many_decimals", p,
		    "Feltet %s må højst have to decimaler", p);
	return 0;
}

static int
get_centi(struct http_req *r, const json_t *obj, const char *prefix,
    const char *key, bool required, int64_t *out, struct err *e)
{
	const json_t	*v = field(obj, key);
	const char	*p = path_of(r, prefix, key);

	if (v == NULL)
		return required ? err_set(e, ERR_INVALID, "missing_field", p,
		    "Feltet %s mangler", p) : 0;
	return centi_of(v, p, out, e);
}

static int
get_str(struct http_req *r, const json_t *obj, const char *prefix,
    const char *key, bool required, const char **out, struct err *e)
{
	const json_t	*v = field(obj, key);
	const char	*p = path_of(r, prefix, key);

	if (v == NULL)
		return required ? err_set(e, ERR_INVALID, "missing_field", p,
		    "Feltet %s mangler", p) : 0;
	if (!json_is_string(v))
		return type_error(e, p, "en tekst");
	*out = arena_strdup(&r->arena, json_string_value(v));
	return 0;
}

/* A text that may be null or absent (*out NULL), or "" (NULL too). */
static int
get_opt_str(struct http_req *r, const json_t *obj, const char *prefix,
    const char *key, const char **out, struct err *e)
{
	const json_t *v = field(obj, key);

	*out = NULL;
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return type_error(e, path_of(r, prefix, key), "en tekst eller "
		    "null");
	if (*json_string_value(v) != '\0')
		*out = arena_strdup(&r->arena, json_string_value(v));
	return 0;
}

static int
get_bool(const json_t *obj, const char *key, bool *out, struct err *e)
{
	const json_t *v = field(obj, key);

	if (v == NULL)
		return 0;
	if (!json_is_boolean(v))
		return type_error(e, key, "true eller false");
	*out = json_is_true(v);
	return 0;
}

/* One service line from JSON (computed fields are read back and ignored). */
static int
line_from_json(struct http_req *r, const json_t *j, size_t i,
    struct service_line *l, struct err *e)
{
	static const char *const allowed[] = { "pos", "paragraph", "level",
	    "unit", "places", "days", "month_days", "hours", "occupancy_pct",
	    "occupancy_history_pct", "costs_ore", "income_ore",
	    "carry_over_ore", "reason", "referred_from", "referred_before",
	    "computed", "tariff_base_ore", "tariff_exact_ore", "tariff_ore",
	    "warnings", NULL };
	static const char *const costs[] = { "wages", "property", "other",
	    "overhead", "capital", "pension", NULL };
	const char	*p = arena_printf(&r->arena, "lines[%zu]", i), *unit;
	const json_t	*c, *h, *hv;
	int64_t		*cv[6];
	size_t		 k;
	int		 rc;

	memset(l, 0, sizeof(*l));
	l->hist_bp[0] = l->hist_bp[1] = -1;
	l->level = "";
	if ((rc = only_fields(j, allowed, p, e)) != 0 ||
	    (rc = get_str(r, j, p, "paragraph", true, &l->paragraph, e)) != 0 ||
	    (rc = get_str(r, j, p, "level", false, &l->level, e)) != 0 ||
	    (rc = get_str(r, j, p, "unit", true, &unit, e)) != 0)
		return rc;
	if (tariff_unit_parse(unit, &l->unit) != 0)
		return err_set(e, ERR_INVALID, "invalid_unit",
		    path_of(r, p, "unit"), "Ukendt takstenhed »%.40s« i linje "
		    "%zu (brug day, month, hour eller year)", unit, i + 1);
	if ((rc = get_centi(r, j, p, "places", true, &l->places_centi, e))
	    != 0 ||
	    (rc = get_int(r, j, p, "days", false, 0, 366, &l->days, e)) != 0 ||
	    (rc = get_int(r, j, p, "month_days", false, 0, 31, &l->month_days,
	    e)) != 0 ||
	    (rc = get_centi(r, j, p, "hours", false, &l->hours_centi, e))
	    != 0 ||
	    (rc = get_centi(r, j, p, "occupancy_pct", true, &l->occupancy_bp,
	    e)) != 0 ||
	    (rc = get_ore(r, j, p, "income_ore", false, &l->income_ore, e))
	    != 0 ||
	    (rc = get_ore(r, j, p, "carry_over_ore", false, &l->carry_over_ore,
	    e)) != 0 ||
	    (rc = get_str(r, j, p, "reason", false, &l->reason, e)) != 0 ||
	    (rc = get_opt_str(r, j, p, "referred_from", &l->referred_from,
	    e)) != 0 ||
	    (rc = get_opt_str(r, j, p, "referred_before", &l->referred_before,
	    e)) != 0)
		return rc;
	if ((h = field(j, "occupancy_history_pct")) != NULL) {
		const char *hp = path_of(r, p, "occupancy_history_pct");
		if (!json_is_array(h) || json_array_size(h) > 2)
			return type_error(e, hp, "en liste med højst to "
			    "procenter (seneste år først)");
		for (k = 0; k < json_array_size(h); k++) {
			hv = json_array_get(h, k);
			if (json_is_null(hv))
				continue;
			if ((rc = centi_of(hv, arena_printf(&r->arena,
			    "%s[%zu]", hp, k), &l->hist_bp[k], e)) != 0)
				return rc;
		}
	}
	if ((c = field(j, "costs_ore")) != NULL) {
		const char *cp = path_of(r, p, "costs_ore");
		if ((rc = only_fields(c, costs, cp, e)) != 0)
			return rc;
		cv[0] = &l->costs.wages_ore;
		cv[1] = &l->costs.property_ore;
		cv[2] = &l->costs.other_ore;
		cv[3] = &l->costs.overhead_ore;
		cv[4] = &l->costs.capital_ore;
		cv[5] = &l->costs.pension_ore;
		for (k = 0; costs[k] != NULL; k++)
			if ((rc = get_ore(r, c, cp, costs[k], false, cv[k], e))
			    != 0)
				return rc;
	}
	if (l->reason != NULL && *l->reason == '\0')
		l->reason = NULL;
	return 0;
}

/* ---- writing JSON ----------------------------------------------------- */

static json_t *
centi_json(int64_t v)
{
	if (v % 100 == 0)
		return json_integer(v / 100);
	return json_real((double)v / 100.0);
}

static json_t *
opt_str(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

static json_t *
round_json(const struct tariff_round *t)
{
	json_t *j;

	j = json_pack("{s:I, s:I, s:i, s:i, s:s, s:s, s:s, s:s, s:o, s:o, "
	    "s:b, s:s, s:s}", "id", (json_int_t)t->id, "version",
	    (json_int_t)t->version, "year", t->year, "no", t->no, "title",
	    t->title, "opens_on", t->opens_on, "deadline", t->deadline,
	    "status", round_status_name(t->status), "pl_pct",
	    centi_json(t->pl_bp), "increase_warn_pct",
	    centi_json(t->increase_warn_bp), "covered_only", t->covered_only,
	    "created_at", t->created_at, "updated_at", t->updated_at);
	json_object_set_new(j, "reopened_until", opt_str(t->reopened_until));
	json_object_set_new(j, "closed_at", opt_str(t->closed_at));
	json_object_set_new(j, "published_at", opt_str(t->published_at));
	return j;
}

static json_t *
progress_json(const struct round_progress *p)
{
	json_t	*st = json_object(), *ops = json_array();
	size_t	 i;
	int	 k;

	for (k = 0; k < SUBMISSION_STATUS_COUNT; k++)
		json_object_set_new(st, submission_status_name(
		    (enum submission_status)k), json_integer(p->by_status[k]));
	for (i = 0; i < p->nops; i++)
		json_array_append_new(ops, json_pack("{s:s, s:s, s:I, s:I, "
		    "s:I, s:I, s:b}", "code", p->ops[i].code, "name",
		    p->ops[i].name, "offers", (json_int_t)p->ops[i].offers,
		    "done", (json_int_t)p->ops[i].done, "approved",
		    (json_int_t)p->ops[i].approved, "returned",
		    (json_int_t)p->ops[i].returned, "all_done",
		    p->ops[i].done == p->ops[i].offers));
	return json_pack("{s:I, s:I, s:s, s:I, s:o, s:o}", "operators",
	    (json_int_t)p->operators, "operators_done",
	    (json_int_t)p->operators_done, "text", "", "submissions",
	    (json_int_t)p->submissions, "by_status", st, "by_operator", ops);
}

static json_t *
view_json(const struct submission_view *v)
{
	json_t	*j = round_submission_json(&v->sub), *arr = json_array();
	size_t	 i;

	for (i = 0; i < v->sub.nlines_loaded; i++)
		json_array_append_new(arr, round_line_json(&v->sub.lines[i]));
	json_object_set_new(j, "lines", arr);
	json_object_set_new(j, "round", round_json(&v->round));
	json_object_set_new(j, "occupancy_history_years", json_pack("[i, i]",
	    v->hist_years[0], v->hist_years[1]));
	json_object_set_new(j, "expected_carry_over_ore", v->has_carry ?
	    json_integer(v->expected_carry_ore) : json_null());
	json_object_set_new(j, "reasons_missing",
	    json_integer((json_int_t)v->reasons_missing));
	json_object_set_new(j, "may", json_pack("{s:b, s:b, s:b}", "edit",
	    v->may_edit, "submit", v->may_submit, "review", v->may_review));
	return j;
}

static json_t *
tariff_json(const struct published_tariff *t)
{
	json_t *j;

	j = json_pack("{s:I, s:I, s:s, s:i, s:s, s:s, s:s, s:s, s:I, s:o, "
	    "s:o, s:s, s:s, s:I, s:s, s:s}", "id", (json_int_t)t->id,
	    "offer_id", (json_int_t)t->offer_id, "offer_name", t->offer_name,
	    "year", t->year, "paragraph", t->paragraph, "level", t->level,
	    "unit", tariff_unit_name(t->unit), "unit_label",
	    tariff_unit_label(t->unit), "tariff_ore", (json_int_t)t->tariff_ore,
	    "places", centi_json(t->places_centi), "occupancy_pct",
	    centi_json(t->occupancy_bp), "valid_from", t->valid_from,
	    "valid_to", t->valid_to, "version", (json_int_t)t->version,
	    "published_at", t->published_at, "published_by", t->published_by);
	json_object_set_new(j, "operator_code", opt_str(t->operator_code));
	json_object_set_new(j, "operator_name", opt_str(t->operator_name));
	json_object_set_new(j, "municipality_code", opt_str(t->location_code));
	json_object_set_new(j, "municipality_name", opt_str(t->location_name));
	json_object_set_new(j, "target_groups", opt_str(t->target_groups));
	json_object_set_new(j, "tariff_exact_ore", opt_str(t->tariff_exact));
	json_object_set_new(j, "round_no", t->round_no ?
	    json_integer(t->round_no) : json_null());
	json_object_set_new(j, "reason", opt_str(t->reason));
	json_object_set_new(j, "referred_from", opt_str(t->referred_from));
	json_object_set_new(j, "referred_before", opt_str(t->referred_before));
	json_object_set_new(j, "previous_id", t->previous_id ?
	    json_integer(t->previous_id) : json_null());
	json_object_set_new(j, "superseded_at", opt_str(t->superseded_at));
	return j;
}

static json_t *
accounts_json(const struct accounts_row *a)
{
	json_t *j;

	j = json_pack("{s:I, s:s, s:i, s:s, s:I, s:s, s:I, s:I, s:I, s:I, "
	    "s:I, s:I, s:I, s:i, s:s, s:s}", "offer_id",
	    (json_int_t)a->offer_id, "offer_name", a->offer_name, "year",
	    a->year, "operator_code", a->operator_code, "version",
	    (json_int_t)a->version, "rule", a->rule, "tariff_base_ore",
	    (json_int_t)a->tariff_base_ore, "revenue_ore",
	    (json_int_t)a->revenue_ore, "costs_ore", (json_int_t)a->costs_ore,
	    "result_ore", (json_int_t)a->result_ore, "setaside_ore",
	    (json_int_t)a->setaside_ore, "deficit_covered_ore",
	    (json_int_t)a->deficit_covered_ore, "to_tariff_ore",
	    (json_int_t)a->to_tariff_ore, "tariff_year", a->tariff_year,
	    "reported_at", a->reported_at, "reported_by", a->reported_by);
	json_object_set_new(j, "setaside_expires_year",
	    a->setaside_expires_year ? json_integer(a->setaside_expires_year) :
	    json_null());
	json_object_set_new(j, "occupied_days", a->occupied_days >= 0 ?
	    json_integer(a->occupied_days) : json_null());
	json_object_set_new(j, "available_days", a->available_days > 0 ?
	    json_integer(a->available_days) : json_null());
	json_object_set_new(j, "occupancy_pct", a->available_days > 0 ?
	    centi_json(a->occupied_days * 10000 / a->available_days) :
	    json_null());
	return j;
}

/* ---- rounds ----------------------------------------------------------- */

static void
fail(struct http_req *r, json_t *j, const struct err *e)
{
	json_decref(j);
	http_send_error(r, e);
}

void
api_rounds_list(struct http_req *r)
{
	struct tariff_round	*v;
	struct err		 e;
	json_t			*arr;
	size_t			 n, i;

	err_clear(&e);
	if (http_query_check(r, (const char *const[]){ NULL }, &e) != 0 ||
	    round_list(&r->svc, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, round_json(&v[i]));
	http_send_json(r, 200, json_pack("{s:o}", "rounds", arr));
}

static void
send_round(struct http_req *r, int status, int64_t id)
{
	struct tariff_round	t;
	struct round_progress	p;
	struct err		e;
	json_t			*j, *pj;

	err_clear(&e);
	if (round_get(&r->svc, id, &t, &p, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	j = round_json(&t);
	pj = progress_json(&p);
	json_object_set_new(pj, "text", json_string(arena_printf(&r->arena,
	    "%lld af %lld", (long long)p.operators_done,
	    (long long)p.operators)));
	json_object_set_new(j, "progress", pj);
	api_etag(r, t.version);
	if (status == 201)
		http_set_header(r, MHD_HTTP_HEADER_LOCATION, arena_printf(
		    &r->arena, "/api/v1/rounds/%lld", (long long)id));
	http_send_json(r, status, j);
}

void
api_rounds_create(struct http_req *r)
{
	static const char *const allowed[] = { "year", "no", "title",
	    "opens_on", "deadline", "pl_pct", "increase_warn_pct",
	    "covered_only", NULL };
	struct tariff_round	 t;
	struct err		 e;
	json_t			*j = NULL;
	int64_t			 year = 0, no = 0, id;

	err_clear(&e);
	memset(&t, 0, sizeof(t));
	t.increase_warn_bp = 500;
	if (api_body(r, &j, &e) != 0 ||
	    only_fields(j, allowed, NULL, &e) != 0 ||
	    get_int(r, j, NULL, "year", true, PARAMS_YEAR_MIN,
	    PARAMS_YEAR_MAX, &year, &e) != 0 ||
	    get_int(r, j, NULL, "no", true, 1, ROUND_NO_MAX, &no, &e) != 0 ||
	    get_str(r, j, NULL, "title", true, &t.title, &e) != 0 ||
	    get_str(r, j, NULL, "opens_on", true, &t.opens_on, &e) != 0 ||
	    get_str(r, j, NULL, "deadline", true, &t.deadline, &e) != 0 ||
	    get_centi(r, j, NULL, "pl_pct", false, &t.pl_bp, &e) != 0 ||
	    get_centi(r, j, NULL, "increase_warn_pct", false,
	    &t.increase_warn_bp, &e) != 0 ||
	    get_bool(j, "covered_only", &t.covered_only, &e) != 0) {
		fail(r, j, &e);
		return;
	}
	t.year = (int)year;
	t.no = (int)no;
	if (round_create(&r->svc, &t, &id, NULL, &e) != 0) {
		fail(r, j, &e);
		return;
	}
	json_decref(j);
	send_round(r, 201, id);
}

void
api_round_get(struct http_req *r)
{
	struct err	e;
	int64_t		id;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	send_round(r, 200, id);
}

/* close, reopen, publish: If-Match with the round's version. */
static void
round_action(struct http_req *r, int what)
{
	static const char *const reopen_fields[] = { "until", NULL };
	struct err	 e;
	json_t		*j = NULL;
	const char	*until = NULL;
	int64_t		 id, version, n = 0;
	int		 rc;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    api_if_match(r, &version, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	if (what == 1 && (api_body(r, &j, &e) != 0 ||
	    only_fields(j, reopen_fields, NULL, &e) != 0 ||
	    get_str(r, j, NULL, "until", true, &until, &e) != 0)) {
		fail(r, j, &e);
		return;
	}
	json_decref(j);
	rc = what == 0 ? round_close(&r->svc, id, version, &e) :
	    what == 1 ? round_reopen(&r->svc, id, version, until, &e) :
	    round_publish(&r->svc, id, version, &n, &e);
	if (rc != 0) {
		http_send_error(r, &e);
		return;
	}
	if (what == 2)
		http_set_header(r, "X-Published-Tariffs", arena_printf(
		    &r->arena, "%lld", (long long)n));
	send_round(r, 200, id);
}

void
api_round_close(struct http_req *r)
{
	round_action(r, 0);
}

void
api_round_reopen(struct http_req *r)
{
	round_action(r, 1);
}

void
api_round_publish(struct http_req *r)
{
	round_action(r, 2);
}

void
api_round_submissions(struct http_req *r)
{
	struct submission	*v;
	struct err		 e;
	json_t			*arr, *j;
	size_t			 n, i;
	int64_t			 id;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    http_query_check(r, (const char *const[]){ NULL }, &e) != 0 ||
	    round_submissions(&r->svc, id, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	arr = json_array();
	for (i = 0; i < n; i++) {
		j = round_submission_json(&v[i]);
		json_object_set_new(j, "lines", json_integer(v[i].nlines));
		json_object_set_new(j, "warnings",
		    json_integer(v[i].nwarnings));
		json_object_set_new(j, "reasons_missing",
		    json_integer(v[i].reasons_missing));
		json_array_append_new(arr, j);
	}
	http_send_json(r, 200, json_pack("{s:o}", "submissions", arr));
}

void
api_round_add_offer(struct http_req *r)
{
	static const char *const allowed[] = { "offer_id", NULL };
	struct err	 e;
	json_t		*j = NULL;
	int64_t		 id, offer = 0, sub;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 || api_body(r, &j, &e) != 0 ||
	    only_fields(j, allowed, NULL, &e) != 0 ||
	    get_int(r, j, NULL, "offer_id", true, 1, INT64_MAX, &offer, &e)
	    != 0 ||
	    round_add_offer(&r->svc, id, offer, &sub, &e) != 0) {
		fail(r, j, &e);
		return;
	}
	json_decref(j);
	http_set_header(r, MHD_HTTP_HEADER_LOCATION, arena_printf(&r->arena,
	    "/api/v1/submissions/%lld", (long long)sub));
	http_send_json(r, 201, json_pack("{s:I}", "id", (json_int_t)sub));
}

void
api_round_template(struct http_req *r)
{
	static const char *const allowed[] = { "operator", NULL };
	struct err	 e;
	const char	*op;
	int64_t		 id;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    http_query_check(r, allowed, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	op = http_query(r, "operator");
	tariff_http_send_template(r, id, op != NULL && *op ? op : NULL);
}

/* ---- submissions ------------------------------------------------------ */

static void
send_submission(struct http_req *r, int64_t id)
{
	struct submission_view	v;
	struct err		e;

	err_clear(&e);
	if (round_submission_get(&r->svc, id, &v, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	api_etag(r, v.sub.version);
	http_send_json(r, 200, view_json(&v));
}

void
api_submission_get(struct http_req *r)
{
	struct err	e;
	int64_t		id;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	send_submission(r, id);
}

void
api_submission_patch(struct http_req *r)
{
	static const char *const allowed[] = { "lines", NULL };
	struct service_line	*lines;
	struct err		 e;
	const json_t		*arr;
	json_t			*j = NULL;
	int64_t			 id, version, nv;
	size_t			 n, i;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    api_if_match(r, &version, &e) != 0 || api_body(r, &j, &e) != 0 ||
	    only_fields(j, allowed, NULL, &e) != 0) {
		fail(r, j, &e);
		return;
	}
	arr = json_object_get(j, "lines");
	if (arr == NULL || !json_is_array(arr)) {
		err_set(&e, ERR_INVALID, arr ? "invalid_type" : "missing_field",
		    "lines", "Feltet lines skal være en liste af "
		    "ydelseslinjer");
		fail(r, j, &e);
		return;
	}
	n = json_array_size(arr);
	if (n > ROUND_LINES_MAX) {
		err_set(&e, ERR_INVALID, "too_many_lines", "lines", "Højst %d "
		    "ydelseslinjer i en indberetning", ROUND_LINES_MAX);
		fail(r, j, &e);
		return;
	}
	lines = arena_calloc(&r->arena, n ? n : 1, sizeof(*lines));
	for (i = 0; i < n; i++)
		if (line_from_json(r, json_array_get(arr, i), i, &lines[i], &e)
		    != 0) {
			fail(r, j, &e);
			return;
		}
	if (round_submission_save(&r->svc, id, version, lines, n, &nv, &e)
	    != 0) {
		fail(r, j, &e);
		return;
	}
	json_decref(j);
	send_submission(r, id);
}

/*
 * One line put (POST .../lines appends, PUT .../lines/:pos replaces) or
 * deleted (DELETE .../lines/:pos) through round_line_put() and
 * round_line_delete(), the same rule as the line form of the page.
 */
static void
line_edit(struct http_req *r, bool has_pos, bool del)
{
	struct service_line	 l;
	struct err		 e;
	json_t			*j = NULL;
	int64_t			 id, pos = 0, version, nv;
	int			 at;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    (has_pos && api_param_id(r, 1, &pos, &e) != 0) ||
	    api_if_match(r, &version, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	if (pos > ROUND_LINES_MAX) {
		err_set(&e, ERR_NOT_FOUND, "not_found", "pos",
		    "Linjen findes ikke");
		http_send_error(r, &e);
		return;
	}
	if (del) {
		if (round_line_delete(&r->svc, id, version, (int)pos, &nv, &e)
		    != 0) {
			http_send_error(r, &e);
			return;
		}
		send_submission(r, id);
		return;
	}
	if (api_body(r, &j, &e) != 0 || !json_is_object(j) ||
	    line_from_json(r, j, pos > 0 ? (size_t)pos - 1 : 0, &l, &e) != 0) {
		if (e.code == 0)
			type_error(&e, "line", "en ydelseslinje (et objekt)");
		fail(r, j, &e);
		return;
	}
	l.pos = (int)pos;
	if (round_line_put(&r->svc, id, version, &l, &at, &nv, &e) != 0) {
		fail(r, j, &e);
		return;
	}
	json_decref(j);
	http_set_header(r, "Location", arena_printf(&r->arena,
	    "/api/v1/submissions/%lld/lines/%d", (long long)id, at));
	send_submission(r, id);
}

void
api_submission_line_add(struct http_req *r)
{
	line_edit(r, false, false);
}

void
api_submission_line_put(struct http_req *r)
{
	line_edit(r, true, false);
}

void
api_submission_line_delete(struct http_req *r)
{
	line_edit(r, true, true);
}

static void
submission_action(struct http_req *r, enum submission_action act)
{
	static const char *const allowed[] = { "comment", NULL };
	struct err	 e;
	json_t		*j = NULL;
	const char	*comment = NULL;
	int64_t		 id, version, nv;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    api_if_match(r, &version, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	if (act == SUBMISSION_RETURN && (api_body(r, &j, &e) != 0 ||
	    only_fields(j, allowed, NULL, &e) != 0 ||
	    get_str(r, j, NULL, "comment", true, &comment, &e) != 0)) {
		fail(r, j, &e);
		return;
	}
	json_decref(j);
	if (round_submission_act(&r->svc, id, version, act, comment, &nv, &e)
	    != 0) {
		http_send_error(r, &e);
		return;
	}
	send_submission(r, id);
}

void
api_submission_submit(struct http_req *r)
{
	submission_action(r, SUBMISSION_SUBMIT);
}

void
api_submission_approve(struct http_req *r)
{
	submission_action(r, SUBMISSION_APPROVE);
}

void
api_submission_return(struct http_req *r)
{
	submission_action(r, SUBMISSION_RETURN);
}

void
api_submission_history(struct http_req *r)
{
	struct audit_entry	*h;
	struct err		 e;
	json_t			*arr, *item;
	int64_t			 id;
	int			 n, i;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    round_submission_history(&r->svc, id, &h, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	arr = json_array();
	for (i = 0; i < n; i++) {
		item = json_pack("{s:I, s:s, s:s, s:s}", "id",
		    (json_int_t)h[i].id, "at", h[i].at, "user", h[i].username,
		    "action", h[i].action);
		json_object_set_new(item, "before", h[i].before_json ?
		    json_loads(h[i].before_json, 0, NULL) : json_null());
		json_object_set_new(item, "after", h[i].after_json ?
		    json_loads(h[i].after_json, 0, NULL) : json_null());
		json_array_append_new(arr, item);
	}
	http_send_json(r, 200, json_pack("{s:o}", "history", arr));
}

/* ---- published tariffs ------------------------------------------------ */

int
tariff_http_filter(struct http_req *r, struct tariff_filter *f,
    struct err *e)
{
	const char	*v;
	int64_t		 n;

	memset(f, 0, sizeof(*f));
	if ((v = http_query(r, "year")) != NULL && *v) {
		if (text_parse_i64(v, &n) != 0 || n < PARAMS_YEAR_MIN ||
		    n > PARAMS_YEAR_MAX)
			return err_set(e, ERR_INVALID, "invalid_year", "year",
			    "year skal være et årstal mellem %d og %d",
			    PARAMS_YEAR_MIN, PARAMS_YEAR_MAX);
		f->year = (int)n;
	}
	if ((v = http_query(r, "operator")) != NULL && *v) {
		if (!org_code_plausible(v))
			return err_set(e, ERR_INVALID, "invalid_operator",
			    "operator", "operator skal være en "
			    "organisationskode (3, 4 eller 8 cifre)");
		f->operator_code = v;
	}
	if ((v = http_query(r, "municipality")) != NULL && *v) {
		if (!org_code_valid(ORG_KOMMUNE, v))
			return err_set(e, ERR_INVALID, "invalid_municipality",
			    "municipality", "municipality skal være en "
			    "kommunekode (3 cifre)");
		f->municipality = v;
	}
	if ((v = http_query(r, "paragraph")) != NULL && *v) {
		if (strlen(v) > 200)
			return err_set(e, ERR_INVALID, "too_long", "paragraph",
			    "Paragraffen er for lang");
		f->paragraph = v;
	}
	if ((v = http_query(r, "target_group")) != NULL && *v) {
		if (strlen(v) > 200)
			return err_set(e, ERR_INVALID, "too_long",
			    "target_group", "Målgruppen er for lang");
		f->target_group = v;
	}
	if ((v = http_query(r, "offer")) != NULL && *v) {
		if (text_parse_i64(v, &n) != 0 || n <= 0)
			return err_set(e, ERR_INVALID, "invalid_offer", "offer",
			    "offer skal være et tilbudsnummer");
		f->offer_id = n;
	}
	if ((v = http_query(r, "versions")) != NULL && *v) {
		if (strcmp(v, "true") == 0)
			f->all_versions = true;
		else if (strcmp(v, "false") != 0)
			return err_set(e, ERR_INVALID, "invalid_versions",
			    "versions", "versions skal være true eller false");
	}
	f->limit = 100000;
	return 0;
}

/* Read the file at path into the arena and send it. */
static void
send_file(struct http_req *r, const char *path, const char *type,
    const char *filename)
{
	struct err	 e;
	FILE		*f;
	long		 sz;
	char		*data;
	size_t		 len = 0;

	err_clear(&e);
	if ((f = fopen(path, "rb")) == NULL) {
		err_set(&e, ERR_IO, "tempfile", NULL, "Kunne ikke læse filen");
		http_send_error(r, &e);
		return;
	}
	fseek(f, 0, SEEK_END);
	sz = ftell(f);
	fseek(f, 0, SEEK_SET);
	data = arena_alloc(&r->arena, sz > 0 ? (size_t)sz : 1);
	if (sz > 0)
		len = fread(data, 1, (size_t)sz, f);
	fclose(f);
	http_set_header(r, "Content-Disposition", arena_printf(&r->arena,
	    "attachment; filename=\"%s\"", filename));
	http_send(r, 200, type, data, len);
}

static const char xlsx_type[] =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

void
tariff_http_send_export(struct http_req *r, const char *format,
    const struct published_tariff *v, size_t n)
{
	struct err	 e;
	struct buf	 b;
	char		 path[] = "/tmp/ramme-xlsx-XXXXXX";
	int		 fd;

	err_clear(&e);
	if (strcmp(format, "csv") == 0) {
		buf_init(&b);
		round_io_tariffs_csv(&r->svc, v, n, &b);
		http_set_header(r, "Content-Disposition",
		    "attachment; filename=\"takster.csv\"");
		http_send(r, 200, "text/csv; "
		    "charset=utf-8", buf_str(&b), b.len);
		buf_cleanup(&b);
		return;
	}
	if ((fd = mkstemp(path)) < 0) {
		err_set(&e, ERR_IO, "tempfile", NULL, "Kunne ikke danne filen");
		http_send_error(r, &e);
		return;
	}
	close(fd);
	if (round_io_tariffs_xlsx(&r->svc, v, n, path, &e) != 0)
		http_send_error(r, &e);
	else
		send_file(r, path, xlsx_type, "takster.xlsx");
	unlink(path);
}

void
tariff_http_send_template(struct http_req *r, int64_t round_id,
    const char *operator_code)
{
	struct err	e;
	char		path[] = "/tmp/ramme-xlsx-XXXXXX";
	int		fd;

	err_clear(&e);
	if ((fd = mkstemp(path)) < 0) {
		err_set(&e, ERR_IO, "tempfile", NULL, "Kunne ikke danne filen");
		http_send_error(r, &e);
		return;
	}
	close(fd);
	if (round_io_template(&r->svc, round_id, operator_code, path, &e) != 0)
		http_send_error(r, &e);
	else
		send_file(r, path, xlsx_type, arena_printf(&r->arena,
		    "takstindberetning-%lld.xlsx", (long long)round_id));
	unlink(path);
}

void
api_tariffs_list(struct http_req *r)
{
	static const char *const allowed[] = { "year", "operator", "paragraph",
	    "target_group", "municipality", "offer", "versions", "format",
	    NULL };
	static const char *const type = "application/json; charset=utf-8";
	struct published_tariff	*v;
	struct tariff_filter	 f;
	struct cache_entry	*ce;
	struct err		 e;
	const char		*fmt, *key;
	json_t			*arr;
	size_t			 n, i, len;
	int64_t			 gen;
	char			*body;

	err_clear(&e);
	if (http_query_check(r, allowed, &e) != 0 ||
	    tariff_http_filter(r, &f, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	fmt = http_query(r, "format");
	if (fmt == NULL || *fmt == '\0')
		fmt = "json";
	if (strcmp(fmt, "json") != 0 && strcmp(fmt, "csv") != 0 &&
	    strcmp(fmt, "xlsx") != 0) {
		err_set(&e, ERR_INVALID, "invalid_format", "format",
		    "Vælg format: json, csv eller xlsx");
		http_send_error(r, &e);
		return;
	}
	key = arena_printf(&r->arena, "tariffs\x1f%d\x1f%s\x1f%s\x1f%s\x1f%s"
	    "\x1f%lld\x1f%d", f.year, f.operator_code ? f.operator_code : "",
	    f.paragraph ? f.paragraph : "", f.target_group ? f.target_group :
	    "", f.municipality ? f.municipality : "", (long long)f.offer_id,
	    f.all_versions);
	if (strcmp(fmt, "json") == 0 &&
	    register_generation(&r->svc, &gen, &e) == 0 &&
	    (ce = resp_cache_get(http_cache(r), key, gen)) != NULL) {
		http_send_cached(r, 200, type, ce);
		return;
	}
	if (round_tariffs(&r->svc, &f, &v, &n, &gen, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	if (strcmp(fmt, "json") != 0) {
		tariff_http_send_export(r, fmt, v, n);
		return;
	}
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, tariff_json(&v[i]));
	json_t *j = json_pack("{s:o, s:I}", "tariffs", arr, "total",
	    (json_int_t)n);
	len = json_dumpb(j, NULL, 0, JSON_COMPACT);
	body = arena_alloc(&r->arena, len + 1);
	json_dumpb(j, body, len, JSON_COMPACT);
	json_decref(j);
	resp_cache_put(http_cache(r), key, gen, body, len);
	http_send(r, 200, type, body, len);
}

void
api_tariff_get(struct http_req *r)
{
	struct published_tariff	 t, *v;
	struct err		 e;
	json_t			*j, *arr;
	size_t			 n, i;
	int64_t			 id;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    round_tariff_get(&r->svc, id, &t, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	j = tariff_json(&t);
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, tariff_json(&v[i]));
	json_object_set_new(j, "versions", arr);
	http_send_json(r, 200, j);
}

void
api_tariff_change(struct http_req *r)
{
	static const char *const allowed[] = { "tariff_ore", "valid_from",
	    "reason", NULL };
	struct err	 e;
	json_t		*j = NULL;
	const char	*from = NULL, *reason = NULL;
	int64_t		 id, ore = 0, nid;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 || api_body(r, &j, &e) != 0 ||
	    only_fields(j, allowed, NULL, &e) != 0 ||
	    get_ore(r, j, NULL, "tariff_ore", true, &ore, &e) != 0 ||
	    get_str(r, j, NULL, "valid_from", true, &from, &e) != 0 ||
	    get_str(r, j, NULL, "reason", true, &reason, &e) != 0 ||
	    round_tariff_change(&r->svc, id, ore, from, reason, &nid, &e)
	    != 0) {
		fail(r, j, &e);
		return;
	}
	json_decref(j);
	http_set_header(r, MHD_HTTP_HEADER_LOCATION, arena_printf(&r->arena,
	    "/api/v1/tariffs/%lld", (long long)nid));
	{
		struct published_tariff	 t, *v;
		size_t			 n, i;
		json_t			*out, *arr;

		if (round_tariff_get(&r->svc, nid, &t, &v, &n, &e) != 0) {
			http_send_error(r, &e);
			return;
		}
		out = tariff_json(&t);
		arr = json_array();
		for (i = 0; i < n; i++)
			json_array_append_new(arr, tariff_json(&v[i]));
		json_object_set_new(out, "versions", arr);
		http_send_json(r, 201, out);
	}
}

/* ---- accounts --------------------------------------------------------- */

void
api_accounts_list(struct http_req *r)
{
	static const char *const allowed[] = { "offer", "year", NULL };
	struct accounts_row	*v;
	struct err		 e;
	const char		*s;
	json_t			*arr;
	int64_t			 offer = 0, year = 0;
	size_t			 n, i;

	err_clear(&e);
	if (http_query_check(r, allowed, &e) != 0)
		goto fail;
	if ((s = http_query(r, "offer")) != NULL && *s &&
	    (text_parse_i64(s, &offer) != 0 || offer <= 0)) {
		err_set(&e, ERR_INVALID, "invalid_offer", "offer",
		    "offer skal være et tilbudsnummer");
		goto fail;
	}
	if ((s = http_query(r, "year")) != NULL && *s &&
	    (text_parse_i64(s, &year) != 0 || year < PARAMS_YEAR_MIN ||
	    year > PARAMS_YEAR_MAX)) {
		err_set(&e, ERR_INVALID, "invalid_year", "year",
		    "year skal være et årstal mellem %d og %d",
		    PARAMS_YEAR_MIN, PARAMS_YEAR_MAX);
		goto fail;
	}
	if (accounts_list(&r->svc, offer, (int)year, &v, &n, &e) != 0)
		goto fail;
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, accounts_json(&v[i]));
	http_send_json(r, 200, json_pack("{s:o}", "accounts", arr));
	return;
fail:
	http_send_error(r, &e);
}

void
api_accounts_report(struct http_req *r)
{
	static const char *const allowed[] = { "offer_id", "year",
	    "tariff_base_ore", "revenue_ore", "costs_ore", "setaside_ore",
	    "deficit_covered_ore", "occupied_days", "available_days", NULL };
	struct accounts_input	 in;
	struct accounts_row	 out;
	struct err		 e;
	json_t			*j = NULL;
	int64_t			 year = 0;

	err_clear(&e);
	memset(&in, 0, sizeof(in));
	in.occupied_days = -1;
	in.available_days = -1;
	if (api_body(r, &j, &e) != 0 ||
	    only_fields(j, allowed, NULL, &e) != 0 ||
	    get_int(r, j, NULL, "offer_id", true, 1, INT64_MAX, &in.offer_id,
	    &e) != 0 ||
	    get_int(r, j, NULL, "year", true, PARAMS_YEAR_MIN, PARAMS_YEAR_MAX,
	    &year, &e) != 0 ||
	    get_ore(r, j, NULL, "tariff_base_ore", true, &in.tariff_base_ore,
	    &e) != 0 ||
	    get_ore(r, j, NULL, "revenue_ore", true, &in.revenue_ore, &e)
	    != 0 ||
	    get_ore(r, j, NULL, "costs_ore", true, &in.costs_ore, &e) != 0 ||
	    get_ore(r, j, NULL, "deficit_covered_ore", false,
	    &in.deficit_covered_ore, &e) != 0 ||
	    get_int(r, j, NULL, "occupied_days", false, 0, 200000000,
	    &in.occupied_days, &e) != 0 ||
	    get_int(r, j, NULL, "available_days", false, 1, 100000000,
	    &in.available_days, &e) != 0) {
		fail(r, j, &e);
		return;
	}
	if (field(j, "setaside_ore") != NULL) {
		in.setaside_given = true;
		if (get_ore(r, j, NULL, "setaside_ore", true, &in.setaside_ore,
		    &e) != 0) {
			fail(r, j, &e);
			return;
		}
	}
	in.year = (int)year;
	if (accounts_report(&r->svc, &in, &out, &e) != 0) {
		fail(r, j, &e);
		return;
	}
	json_decref(j);
	http_send_json(r, 201, accounts_json(&out));
}

void
api_setaside_ledger(struct http_req *r)
{
	static const char *const allowed[] = { "operator", "year", NULL };
	struct accounts_ledger	 l;
	struct err		 e;
	const char		*op, *s;
	json_t			*lots, *entries;
	int64_t			 year;
	size_t			 i;

	err_clear(&e);
	year = atoi(r->svc.now_iso);
	if (http_query_check(r, allowed, &e) != 0)
		goto fail;
	op = http_query(r, "operator");
	if (op != NULL && *op == '\0')
		op = NULL;
	if ((s = http_query(r, "year")) != NULL && *s &&
	    (text_parse_i64(s, &year) != 0 || year < PARAMS_YEAR_MIN ||
	    year > PARAMS_YEAR_MAX)) {
		err_set(&e, ERR_INVALID, "invalid_year", "year",
		    "year skal være et årstal mellem %d og %d",
		    PARAMS_YEAR_MIN, PARAMS_YEAR_MAX);
		goto fail;
	}
	if (accounts_ledger(&r->svc, op, (int)year, &l, &e) != 0)
		goto fail;
	lots = json_array();
	for (i = 0; i < l.nlots; i++)
		json_array_append_new(lots, json_pack("{s:i, s:i, s:I, s:I, "
		    "s:I, s:I}", "origin_year", l.lots[i].origin_year,
		    "expires_year", l.lots[i].expires_year, "deposited_ore",
		    (json_int_t)l.lots[i].deposited_ore, "used_ore",
		    (json_int_t)l.lots[i].used_ore, "expired_ore",
		    (json_int_t)l.lots[i].expired_ore, "balance_ore",
		    (json_int_t)l.lots[i].balance_ore));
	entries = json_array();
	for (i = 0; i < l.nentries; i++)
		json_array_append_new(entries, json_pack("{s:I, s:i, s:s, "
		    "s:I, s:i}", "offer_id", (json_int_t)l.entries[i].offer_id,
		    "year", l.entries[i].year, "kind", l.entries[i].kind,
		    "amount_ore", (json_int_t)l.entries[i].amount_ore,
		    "accounts_year", l.entries[i].accounts_year));
	http_send_json(r, 200, json_pack("{s:s, s:i, s:o, s:o, s:{s:I, s:I, "
	    "s:I, s:I}}", "operator_code", l.operator_code, "as_of_year",
	    l.as_of_year, "lots", lots, "entries", entries, "summary",
	    "deposited_ore", (json_int_t)l.sum.deposited_ore, "used_ore",
	    (json_int_t)l.sum.used_ore, "expired_ore",
	    (json_int_t)l.sum.expired_ore, "balance_ore",
	    (json_int_t)l.sum.balance_ore));
	return;
fail:
	http_send_error(r, &e);
}

void
api_tariffs_reduction(struct http_req *r)
{
	static const char *const allowed[] = { "year", NULL };
	struct reduction_report	 rep;
	struct err		 e;
	json_t			*o, *ops, *lines;
	size_t			 i;
	int			 year;

	err_clear(&e);
	if (http_query_check(r, allowed, &e) != 0 ||
	    tariff_http_year(r, "year", 0, &year, &e) != 0)
		goto fail;
	if (year == 0) {
		err_set(&e, ERR_INVALID, "missing_year", "year",
		    "Angiv takstår (year)");
		goto fail;
	}
	if (reduction_report(&r->svc, year, &rep, &e) != 0)
		goto fail;
	ops = json_array();
	for (i = 0; i < rep.nrows; i++) {
		const struct reduction_row *x = &rep.rows[i];
		json_array_append_new(ops, json_pack("{s:s, s:s?, s:I, s:I, "
		    "s:I, s:b}", "operator_code", x->op.operator_code,
		    "operator_name", x->operator_name, "tariffs",
		    (json_int_t)x->op.noffers, "tariffs_met",
		    (json_int_t)x->op.noffers_met, "change_bp",
		    (json_int_t)x->op.change_bp, "met", x->op.met));
	}
	lines = json_array();
	for (i = 0; i < rep.nlines; i++) {
		const struct reduction_line *l = &rep.lines[i];
		json_array_append_new(lines, json_pack("{s:I, s:s, s:s, s:s, "
		    "s:s, s:s, s:s?, s:s?, s:I, s:I, s:I, s:I, s:b}",
		    "offer_id", (json_int_t)l->offer_id, "offer_name",
		    l->offer_name, "operator_code", l->operator_code,
		    "paragraph", l->paragraph, "level", l->level, "unit",
		    tariff_unit_name(l->unit), "referred_from",
		    l->referred_from, "referred_before", l->referred_before,
		    "places_centi",
		    (json_int_t)l->places_centi, "prev_ore",
		    (json_int_t)l->prev_ore, "cur_ore", (json_int_t)l->cur_ore,
		    "change_bp", (json_int_t)l->change_bp, "met", l->met));
	}
	o = json_pack("{s:i, s:I, s:b, s:I, s:I, s:I, s:I, s:o, s:o}", "year",
	    rep.year, "required_bp", (json_int_t)rep.required_bp,
	    "fixed_prices", rep.fixed_prices, "pl_bp",
	    (json_int_t)rep.pl_bp, "operators_met", (json_int_t)rep.nmet,
	    "operators", (json_int_t)rep.nrows, "tariffs_without_previous",
	    (json_int_t)rep.nnew, "by_operator", ops, "tariffs", lines);
	http_send_json(r, 200, o);
	return;
fail:
	http_send_error(r, &e);
}
