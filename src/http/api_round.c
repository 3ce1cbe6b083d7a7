/*
 * api_round — the JSON API of the tariff rounds: rounds and their
 * progress, the template, submissions with service lines (computed
 * tariffs and warnings), submitting and review. Handlers parse and check
 * the request, call the round service, and write JSON; the rules live
 * below.
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

/* ---- reading JSON ----------------------------------------------------- */

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
	    "startup_ore",
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
	if ((rc = api_fields(j, allowed, p, e)) != 0 ||
	    (rc = api_str(r, j, p, "paragraph", true, &l->paragraph, e)) != 0 ||
	    (rc = api_str(r, j, p, "level", false, &l->level, e)) != 0 ||
	    (rc = api_str(r, j, p, "unit", true, &unit, e)) != 0)
		return rc;
	if (tariff_unit_parse(unit, &l->unit) != 0)
		return err_set(e, ERR_INVALID, "invalid_unit",
		    api_path(r, p, "unit"), "Ukendt takstenhed »%.40s« i "
		    "linje %zu (brug day, month, hour eller year)", unit,
		    i + 1);
	if ((rc = api_centi(r, j, p, "places", true, &l->places_centi, e))
	    != 0 ||
	    (rc = api_int(r, j, p, "days", false, 0, 366, &l->days, e)) != 0 ||
	    (rc = api_int(r, j, p, "month_days", false, 0, 31, &l->month_days,
	    e)) != 0 ||
	    (rc = api_centi(r, j, p, "hours", false, &l->hours_centi, e))
	    != 0 ||
	    (rc = api_centi(r, j, p, "occupancy_pct", true, &l->occupancy_bp,
	    e)) != 0 ||
	    (rc = api_ore(r, j, p, "income_ore", false, &l->income_ore, e))
	    != 0 ||
	    (rc = api_ore(r, j, p, "carry_over_ore", false, &l->carry_over_ore,
	    e)) != 0 ||
	    (rc = api_str(r, j, p, "reason", false, &l->reason, e)) != 0 ||
	    (rc = api_opt_str(r, j, p, "referred_from", &l->referred_from,
	    e)) != 0 ||
	    (rc = api_opt_str(r, j, p, "referred_before", &l->referred_before,
	    e)) != 0)
		return rc;
	if ((h = api_field(j, "occupancy_history_pct")) != NULL) {
		const char *hp = api_path(r, p, "occupancy_history_pct");
		if (!json_is_array(h) || json_array_size(h) > 2)
			return api_type_error(e, hp, "en liste med højst to "
			    "procenter (seneste år først)");
		for (k = 0; k < json_array_size(h); k++) {
			hv = json_array_get(h, k);
			if (json_is_null(hv))
				continue;
			if ((rc = api_centi_value(hv, arena_printf(&r->arena,
			    "%s[%zu]", hp, k), &l->hist_bp[k], e)) != 0)
				return rc;
		}
	}
	if ((c = api_field(j, "costs_ore")) != NULL) {
		const char *cp = api_path(r, p, "costs_ore");
		if ((rc = api_fields(c, costs, cp, e)) != 0)
			return rc;
		cv[0] = &l->costs.wages_ore;
		cv[1] = &l->costs.property_ore;
		cv[2] = &l->costs.other_ore;
		cv[3] = &l->costs.overhead_ore;
		cv[4] = &l->costs.capital_ore;
		cv[5] = &l->costs.pension_ore;
		for (k = 0; costs[k] != NULL; k++)
			if ((rc = api_ore(r, c, cp, costs[k], false, cv[k], e))
			    != 0)
				return rc;
	}
	if (l->reason != NULL && *l->reason == '\0')
		l->reason = NULL;
	return 0;
}

/* ---- writing JSON ----------------------------------------------------- */

static json_t *
round_json(const struct tariff_round *t)
{
	json_t *j;

	j = json_pack("{s:I, s:I, s:i, s:i, s:s, s:s, s:s, s:s, s:o, s:o, "
	    "s:b, s:s, s:s}", "id", (json_int_t)t->id, "version",
	    (json_int_t)t->version, "year", t->year, "no", t->no, "title",
	    t->title, "opens_on", t->opens_on, "deadline", t->deadline,
	    "status", round_status_name(t->status), "pl_pct",
	    api_centi_json(t->pl_bp), "increase_warn_pct",
	    api_centi_json(t->increase_warn_bp), "covered_only",
	    t->covered_only, "created_at", t->created_at, "updated_at",
	    t->updated_at);
	json_object_set_new(j, "reopened_until",
	    api_opt_json(t->reopened_until));
	json_object_set_new(j, "closed_at", api_opt_json(t->closed_at));
	json_object_set_new(j, "published_at", api_opt_json(t->published_at));
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

/* ---- rounds ----------------------------------------------------------- */


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
	    api_fields(j, allowed, NULL, &e) != 0 ||
	    api_int(r, j, NULL, "year", true, PARAMS_YEAR_MIN,
	    PARAMS_YEAR_MAX, &year, &e) != 0 ||
	    api_int(r, j, NULL, "no", true, 1, ROUND_NO_MAX, &no, &e) != 0 ||
	    api_str(r, j, NULL, "title", true, &t.title, &e) != 0 ||
	    api_str(r, j, NULL, "opens_on", true, &t.opens_on, &e) != 0 ||
	    api_str(r, j, NULL, "deadline", true, &t.deadline, &e) != 0 ||
	    api_centi(r, j, NULL, "pl_pct", false, &t.pl_bp, &e) != 0 ||
	    api_centi(r, j, NULL, "increase_warn_pct", false,
	    &t.increase_warn_bp, &e) != 0 ||
	    api_bool(j, "covered_only", &t.covered_only, &e) != 0) {
		api_fail(r, j, &e);
		return;
	}
	t.year = (int)year;
	t.no = (int)no;
	if (round_create(&r->svc, &t, &id, NULL, &e) != 0) {
		api_fail(r, j, &e);
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
	    api_fields(j, reopen_fields, NULL, &e) != 0 ||
	    api_str(r, j, NULL, "until", true, &until, &e) != 0)) {
		api_fail(r, j, &e);
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
	    api_fields(j, allowed, NULL, &e) != 0 ||
	    api_int(r, j, NULL, "offer_id", true, 1, INT64_MAX, &offer, &e)
	    != 0 ||
	    round_add_offer(&r->svc, id, offer, &sub, &e) != 0) {
		api_fail(r, j, &e);
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
	    api_fields(j, allowed, NULL, &e) != 0) {
		api_fail(r, j, &e);
		return;
	}
	arr = json_object_get(j, "lines");
	if (arr == NULL || !json_is_array(arr)) {
		err_set(&e, ERR_INVALID, arr ? "invalid_type" : "missing_field",
		    "lines", "Feltet lines skal være en liste af "
		    "ydelseslinjer");
		api_fail(r, j, &e);
		return;
	}
	n = json_array_size(arr);
	if (n > ROUND_LINES_MAX) {
		err_set(&e, ERR_INVALID, "too_many_lines", "lines", "Højst %d "
		    "ydelseslinjer i en indberetning", ROUND_LINES_MAX);
		api_fail(r, j, &e);
		return;
	}
	lines = arena_calloc(&r->arena, n ? n : 1, sizeof(*lines));
	for (i = 0; i < n; i++)
		if (line_from_json(r, json_array_get(arr, i), i, &lines[i], &e)
		    != 0) {
			api_fail(r, j, &e);
			return;
		}
	if (round_submission_save(&r->svc, id, version, lines, n, &nv, &e)
	    != 0) {
		api_fail(r, j, &e);
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
			api_type_error(&e, "line",
			    "en ydelseslinje (et objekt)");
		api_fail(r, j, &e);
		return;
	}
	l.pos = (int)pos;
	if (round_line_put(&r->svc, id, version, &l, &at, &nv, &e) != 0) {
		api_fail(r, j, &e);
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
	    api_fields(j, allowed, NULL, &e) != 0 ||
	    api_str(r, j, NULL, "comment", true, &comment, &e) != 0)) {
		api_fail(r, j, &e);
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
