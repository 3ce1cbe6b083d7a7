/*
 * api_tariff — the JSON API of the published tariffs: the overview (JSON,
 * CSV, XLSX) with versions and changes in the year, the general tariff
 * reduction, and the accounts with the set-aside ledger. Handlers parse
 * and check the request, call the round, reduction and accounts
 * services, and write JSON; the rules live below.
 */
#include <math.h>
#include <microhttpd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/decimal.h"
#include "core/money.h"
#include "core/org.h"
#include "core/params.h"
#include "core/round.h"
#include "core/tariff.h"
#include "core/tariff_cause.h"
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

/* ---- writing JSON ----------------------------------------------------- */

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
	    "places", api_centi_json(t->places_centi), "occupancy_pct",
	    api_centi_json(t->occupancy_bp), "valid_from", t->valid_from,
	    "valid_to", t->valid_to, "version", (json_int_t)t->version,
	    "published_at", t->published_at, "published_by", t->published_by);
	json_object_set_new(j, "operator_code", api_opt_json(t->operator_code));
	json_object_set_new(j, "operator_name", api_opt_json(t->operator_name));
	json_object_set_new(j, "municipality_code",
	    api_opt_json(t->location_code));
	json_object_set_new(j, "municipality_name",
	    api_opt_json(t->location_name));
	json_object_set_new(j, "target_groups", api_opt_json(t->target_groups));
	json_object_set_new(j, "tariff_exact_ore",
	    api_opt_json(t->tariff_exact));
	json_object_set_new(j, "round_no", t->round_no ?
	    json_integer(t->round_no) : json_null());
	json_object_set_new(j, "reason", api_opt_json(t->reason));
	json_object_set_new(j, "cause", api_opt_json(t->cause));
	json_object_set_new(j, "cause_label",
	    api_opt_json(tariff_cause_label(t->cause)));
	json_object_set_new(j, "referred_from", api_opt_json(t->referred_from));
	json_object_set_new(j, "referred_before",
	    api_opt_json(t->referred_before));
	json_object_set_new(j, "previous_id", t->previous_id ?
	    json_integer(t->previous_id) : json_null());
	json_object_set_new(j, "superseded_at", api_opt_json(t->superseded_at));
	json_object_set_new(j, "harmonised_id", t->harmonised_id ?
	    json_integer(t->harmonised_id) : json_null());
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
	    api_centi_json(round_days_bp(a->occupied_days,
	    a->available_days)) :
	    json_null());
	return j;
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
	struct tariff_round	t;
	struct err		e;
	char			path[] = "/tmp/ramme-xlsx-XXXXXX";
	int			fd;

	err_clear(&e);
	if (round_get(&r->svc, round_id, &t, NULL, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	if ((fd = mkstemp(path)) < 0) {
		err_set(&e, ERR_IO, "tempfile", NULL, "Kunne ikke danne filen");
		http_send_error(r, &e);
		return;
	}
	close(fd);
	if (round_io_template(&r->svc, round_id, operator_code, path, &e) != 0)
		http_send_error(r, &e);
	else
		send_file(r, path, xlsx_type, round_io_template_name(&r->svc,
		    &t, operator_code));
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
	len = json_dumpb(j, NULL, 0, JSON_COMPACT | DECIMAL_JSON_FLAGS);
	body = arena_alloc(&r->arena, len + 1);
	json_dumpb(j, body, len, JSON_COMPACT | DECIMAL_JSON_FLAGS);
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
	    "cause", "reason", NULL };
	struct err	 e;
	json_t		*j = NULL;
	const char	*from = NULL, *cause = NULL, *reason = NULL;
	int64_t		 id, ore = 0, nid;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 || api_body(r, &j, &e) != 0 ||
	    api_fields(j, allowed, NULL, &e) != 0 ||
	    api_ore(r, j, NULL, "tariff_ore", true, &ore, &e) != 0 ||
	    api_str(r, j, NULL, "valid_from", true, &from, &e) != 0 ||
	    api_str(r, j, NULL, "cause", false, &cause, &e) != 0 ||
	    api_str(r, j, NULL, "reason", false, &reason, &e) != 0 ||
	    round_tariff_change(&r->svc, id, ore, from, cause, reason, &nid,
	    &e) != 0) {
		api_fail(r, j, &e);
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
	    api_fields(j, allowed, NULL, &e) != 0 ||
	    api_int(r, j, NULL, "offer_id", true, 1, INT64_MAX, &in.offer_id,
	    &e) != 0 ||
	    api_int(r, j, NULL, "year", true, PARAMS_YEAR_MIN, PARAMS_YEAR_MAX,
	    &year, &e) != 0 ||
	    api_ore(r, j, NULL, "tariff_base_ore", true, &in.tariff_base_ore,
	    &e) != 0 ||
	    api_ore(r, j, NULL, "revenue_ore", true, &in.revenue_ore, &e)
	    != 0 ||
	    api_ore(r, j, NULL, "costs_ore", true, &in.costs_ore, &e) != 0 ||
	    api_ore(r, j, NULL, "deficit_covered_ore", false,
	    &in.deficit_covered_ore, &e) != 0 ||
	    api_int(r, j, NULL, "occupied_days", false, 0, 200000000,
	    &in.occupied_days, &e) != 0 ||
	    api_int(r, j, NULL, "available_days", false, 1, 100000000,
	    &in.available_days, &e) != 0) {
		api_fail(r, j, &e);
		return;
	}
	if (api_field(j, "setaside_ore") != NULL) {
		in.setaside_given = true;
		if (api_ore(r, j, NULL, "setaside_ore", true, &in.setaside_ore,
		    &e) != 0) {
			api_fail(r, j, &e);
			return;
		}
	}
	in.year = (int)year;
	if (accounts_report(&r->svc, &in, &out, &e) != 0) {
		api_fail(r, j, &e);
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
		    "s:s, s:s, s:s?, s:s?, s:I, s:I, s:I, s:I, s:b, s:o, s:o}",
		    "offer_id", (json_int_t)l->offer_id, "offer_name",
		    l->offer_name, "operator_code", l->operator_code,
		    "paragraph", l->paragraph, "level", l->level, "unit",
		    tariff_unit_name(l->unit), "referred_from",
		    l->referred_from, "referred_before", l->referred_before,
		    "places_centi",
		    (json_int_t)l->places_centi, "prev_ore",
		    (json_int_t)l->prev_ore, "cur_ore", (json_int_t)l->cur_ore,
		    "change_bp", (json_int_t)l->change_bp, "met", l->met,
		    "prev_days", l->prev_days > 0 ?
		    json_integer(l->prev_days) : json_null(), "cur_days",
		    l->cur_days > 0 ? json_integer(l->cur_days) :
		    json_null()));
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
