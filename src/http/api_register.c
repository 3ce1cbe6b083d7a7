/*
 * api_register — the JSON API of the register: health, organisations and
 * offers. Handlers parse and check the request, call the register
 * service, and write JSON; the rules live in the service and the core.
 */
#include <microhttpd.h>
#include <stdio.h>
#include <string.h>

#include "core/cursor.h"
#include "core/offer.h"
#include "core/offer_json.h"
#include "core/org.h"
#include "http/api.h"
#include "http/cache.h"
#include "http/harmonised_http.h"
#include "http/http.h"
#include "http/router.h"
#include "http/routes.h"
#include "http/server.h"
#include "service/register.h"
#include "store/audit.h"
#include "store/db.h"
#include "store/offer_store.h"
#include "util/buf.h"
#include "util/text.h"

void
api_health(struct http_req *r)
{
	struct err	 e;
	int		 version;

	err_clear(&e);
	if (db_schema_version_get(r->svc.db, &version, &e) != 0) {
		http_send_json(r, 503, json_pack("{s:s, s:s}", "status",
		    "unavailable", "message", e.msg));
		return;
	}
	http_send_json(r, 200, json_pack("{s:s, s:i}", "status", "ok",
	    "schema_version", version));
}

void
api_index(struct http_req *r)
{
	const struct route	*rt;
	size_t			 n, i;
	json_t			*arr = json_array();

	rt = router_routes(&n);
	for (i = 0; i < n; i++)
		if (rt[i].flags & ROUTE_API)
			json_array_append_new(arr, json_pack("{s:s, s:s, s:s}",
			    "method", rt[i].method, "path", rt[i].pattern,
			    "summary", rt[i].summary));
	http_send_json(r, 200, json_pack("{s:o}", "routes", arr));
}

static json_t *
org_json(const struct org *o)
{
	json_t	*pop = json_object();
	int	 i;
	char	 y[16];

	for (i = 0; i < o->npop; i++) {
		snprintf(y, sizeof(y), "%d", o->pop[i].year);
		json_object_set_new(pop, y, json_integer(o->pop[i].persons));
	}
	return json_pack("{s:s, s:s, s:s, s:o}", "code", o->code, "name",
	    o->name, "kind", org_kind_name(o->kind), "population", pop);
}

void
api_orgs_list(struct http_req *r)
{
	static const char *const allowed[] = { "kind", NULL };
	struct org	*orgs;
	struct err	 e;
	const char	*kind;
	enum org_kind	 k;
	json_t		*arr;
	int		 n, i;

	err_clear(&e);
	if (http_query_check(r, allowed, &e) != 0)
		goto fail;
	kind = http_query(r, "kind");
	if (kind != NULL && org_kind_parse(kind, &k) != 0) {
		err_set(&e, ERR_INVALID, "invalid_kind", "kind",
		    "Ukendt organisationstype (kommune, region, private)");
		goto fail;
	}
	if (register_org_list(&r->svc, &orgs, &n, &e) != 0)
		goto fail;
	arr = json_array();
	for (i = 0; i < n; i++)
		if (kind == NULL || orgs[i].kind == k)
			json_array_append_new(arr, org_json(&orgs[i]));
	http_send_json(r, 200, json_pack("{s:o}", "organisations", arr));
	return;
fail:
	http_send_error(r, &e);
}

void
api_org_get(struct http_req *r)
{
	struct org	o;
	struct err	e;

	err_clear(&e);
	if (register_org_get(&r->svc, r->params[0], &o, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	http_send_json(r, 200, org_json(&o));
}

/* Read an integer query parameter within [min, max]. */
static int
query_int(struct http_req *r, const char *name, int64_t def, int64_t min,
    int64_t max, int64_t *out, struct err *e)
{
	const char *s = http_query(r, name);

	*out = def;
	if (s == NULL)
		return 0;
	if (text_parse_i64(s, out) != 0 || *out < min || *out > max)
		return err_set(e, ERR_INVALID, arena_printf(&r->arena,
		    "invalid_%s", name), name, "%s skal være et heltal mellem "
		    "%lld og %lld", name, (long long)min, (long long)max);
	return 0;
}

int
api_offer_filter(struct http_req *r, struct offer_filter *f,
    int64_t def_limit, struct err *e)
{
	const char	*covered, *s;
	enum offer_kind	 k;
	enum offer_status st;
	struct buf	 b;
	int		 rc;

	memset(f, 0, sizeof(*f));
	f->operator_code = http_query(r, "operator");
	f->location_code = http_query(r, "municipality");
	f->paragraph = http_query(r, "paragraph");
	f->kind = http_query(r, "kind");
	f->status = http_query(r, "status");
	f->sort = http_query(r, "sort");
	f->covered = -1;
	/* Empty values (from HTML forms) mean "no filter". */
	if (f->operator_code && !*f->operator_code) f->operator_code = NULL;
	if (f->location_code && !*f->location_code) f->location_code = NULL;
	if (f->paragraph && !*f->paragraph) f->paragraph = NULL;
	if (f->kind && !*f->kind) f->kind = NULL;
	if (f->status && !*f->status) f->status = NULL;
	if (f->sort && !*f->sort) f->sort = NULL;
	if (f->kind != NULL && (offer_kind_parse(f->kind, &k) != 0 ||
	    k == OFFER_KIND_UNKNOWN))
		return err_set(e, ERR_INVALID, "invalid_kind", "kind",
		    "Ukendt tilbudstype: %.40s", f->kind);
	if (f->status != NULL && offer_status_parse(f->status, &st) != 0)
		return err_set(e, ERR_INVALID, "invalid_status", "status",
		    "Ukendt status: %.40s", f->status);
	if ((covered = http_query(r, "covered")) != NULL && *covered) {
		if (strcmp(covered, "true") == 0)
			f->covered = 1;
		else if (strcmp(covered, "false") == 0)
			f->covered = 0;
		else
			return err_set(e, ERR_INVALID, "invalid_covered",
			    "covered", "covered skal være true eller false");
	}
	if ((s = http_query(r, "q")) != NULL && *s) {
		if (strlen(s) > 200)
			return err_set(e, ERR_INVALID, "too_long", "q",
			    "Søgeteksten er for lang");
		buf_init(&b);
		text_fold(&b, s);
		f->q = arena_strdup(&r->arena, buf_str(&b));
		buf_cleanup(&b);
	}
	if ((rc = query_int(r, "limit", def_limit, 1, 1000, &f->limit, e)) != 0)
		return rc;
	if ((rc = query_int(r, "offset", 0, 0, INT64_MAX / 2, &f->offset,
	    e)) != 0)
		return rc;
	if (f->sort != NULL && !offer_store_sort_valid(f->sort))
		return err_set(e, ERR_INVALID, "invalid_sort", "sort",
		    "Ukendt sortering: %.40s", f->sort);
	if ((s = http_query(r, "cursor")) != NULL && *s) {
		struct cursor *c = arena_calloc(&r->arena, 1, sizeof(*c));

		if ((rc = cursor_decode(&r->arena, s, c, e)) != 0)
			return rc;
		f->after = c;
		if ((rc = offer_store_cursor_check(f, e)) != 0)
			return rc;
	}
	return 0;
}

/*
 * The list is served from the stored documents of the offers and kept in
 * the response cache under the canonical filter, valid while the
 * register's generation is unchanged. The total of a filter is kept
 * apart (http_count_cache) under the filter alone, so that another page
 * of the same filter (another offset or cursor, sort or limit) is one
 * index seek and no count.
 */
void
api_offers_list(struct http_req *r)
{
	static const char *const allowed[] = { "operator", "municipality",
	    "paragraph", "kind", "status", "covered", "q", "sort", "limit",
	    "offset", "cursor", NULL };
	static const char *const type = "application/json; charset=utf-8";
	struct offer_filter	 f;
	struct cache_entry	*ce;
	struct err		 e;
	struct buf		 b;
	const char		*key, *fkey, *ckey, *tot;
	int64_t			 gen, known_gen, total;
	size_t			 len;

	err_clear(&e);
	if (http_query_check(r, allowed, &e) != 0 ||
	    api_offer_filter(r, &f, 100, &e) != 0 ||
	    register_generation(&r->svc, &gen, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	fkey = arena_printf(&r->arena, "%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%d\x1f%s",
	    f.operator_code ? f.operator_code : "", f.location_code ?
	    f.location_code : "", f.paragraph ? f.paragraph : "", f.kind ?
	    f.kind : "", f.status ? f.status : "", f.covered, f.q ? f.q : "");
	key = arena_printf(&r->arena, "offers\x1f%s\x1f%s\x1f%lld\x1f%lld\x1f%s",
	    fkey, f.sort ? f.sort : "", (long long)f.limit,
	    (long long)f.offset, f.after ? http_query(r, "cursor") : "");
	if ((ce = resp_cache_get(http_cache(r), key, gen)) != NULL) {
		http_send_cached(r, 200, type, ce);
		return;
	}
	/* The total depends on the filter only: kept apart from the page. */
	ckey = arena_printf(&r->arena, "count\x1f%s", fkey);
	total = -1;
	if ((ce = resp_cache_get(http_count_cache(r), ckey, gen)) != NULL) {
		const char *body = resp_cache_body(ce, &len);

		if (len >= 24 || text_parse_i64(arena_strndup(&r->arena, body,
		    len), &total) != 0 || total < 0)
			total = -1;
		resp_cache_release(ce);
	}
	known_gen = gen;
	buf_init(&b);
	if (register_offer_page_json(&r->svc, &f, known_gen, &b, &gen, &total,
	    &e) != 0) {
		buf_cleanup(&b);
		http_send_error(r, &e);
		return;
	}
	resp_cache_put(http_cache(r), key, gen, buf_str(&b), b.len);
	tot = arena_printf(&r->arena, "%lld", (long long)total);
	resp_cache_put(http_count_cache(r), ckey, gen, tot, strlen(tot));
	http_send(r, 200, type, buf_str(&b), b.len);
	buf_cleanup(&b);
}

static void
send_offer(struct http_req *r, int status, int64_t id)
{
	struct offer	 o;
	struct err	 e;
	json_t		*j, *g;

	err_clear(&e);
	if (register_offer_get(&r->svc, id, &o, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	api_etag(r, o.version);
	if (status == 201)
		http_set_header(r, MHD_HTTP_HEADER_LOCATION, arena_printf(
		    &r->arena, "/api/v1/offers/%lld", (long long)id));
	j = offer_to_json(&o);
	if ((g = harmonised_offer_json(r, id)) != NULL)
		json_object_set_new(j, "harmonised", g);
	http_send_json(r, status, j);
}

void
api_offers_create(struct http_req *r)
{
	struct offer	 o;
	struct err	 e;
	json_t		*j = NULL;
	int64_t		 id;

	err_clear(&e);
	memset(&o, 0, sizeof(o));
	if (api_body(r, &j, &e) != 0 ||
	    offer_from_json(&r->arena, j, &o, &e) != 0 ||
	    register_offer_create(&r->svc, &o, &id, &e) != 0) {
		json_decref(j);
		http_send_error(r, &e);
		return;
	}
	json_decref(j);
	send_offer(r, 201, id);
}

void
api_offer_get(struct http_req *r)
{
	struct err	e;
	int64_t		id;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	send_offer(r, 200, id);
}

void
api_offer_patch(struct http_req *r)
{
	struct offer	 o;
	struct err	 e;
	json_t		*j = NULL;
	int64_t		 id, version;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    api_if_match(r, &version, &e) != 0 ||
	    api_body(r, &j, &e) != 0 ||
	    register_offer_get(&r->svc, id, &o, &e) != 0 ||
	    offer_from_json(&r->arena, j, &o, &e) != 0 ||
	    register_offer_update(&r->svc, &o, version, &e) != 0) {
		json_decref(j);
		http_send_error(r, &e);
		return;
	}
	json_decref(j);
	send_offer(r, 200, id);
}

void
api_offer_delete(struct http_req *r)
{
	struct err	e;
	int64_t		id, version;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    api_if_match(r, &version, &e) != 0 ||
	    register_offer_delete(&r->svc, id, version, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	http_send(r, 204, NULL, "", 0);
}

void
api_offer_history(struct http_req *r)
{
	struct audit_entry	*h;
	struct err		 e;
	int64_t			 id;
	json_t			*arr, *item;
	int			 n, i;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    register_offer_history(&r->svc, id, &h, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	/* A deleted offer keeps its history; an unknown one has none. */
	if (n == 0) {
		err_set(&e, ERR_NOT_FOUND, "offer_not_found", NULL,
		    "Tilbud nr. %lld findes ikke", (long long)id);
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
