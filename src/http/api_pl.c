/*
 * api_pl — the price-and-wage series as JSON: every series with its
 * current version, and one series with its years and index in its
 * current version or ?version=N. Public figures: no login needed.
 */
#include <stdio.h>
#include <string.h>

#include "core/decimal.h"
#include "core/pl.h"
#include "http/api.h"
#include "http/http.h"
#include "http/routes.h"
#include "service/pl.h"
#include "util/arena.h"
#include "util/text.h"

/* A percentage in ten-thousandths as a JSON number (1.53). */
static json_t *
pct_json(int64_t pct_e4)
{
	char	 txt[24];
	json_t	*v;

	if (pl_pct_str(pct_e4, txt, sizeof(txt)) != 0 ||
	    (v = json_loads(txt, JSON_DECODE_ANY, NULL)) == NULL)
		return json_null();
	return v;
}

/* Send j with reals at 15 significant digits (2.2, not 2.2000000000000002). */
static void
send_json(struct http_req *r, json_t *j)
{
	size_t	 n;
	char	*txt;

	n = json_dumpb(j, NULL, 0, JSON_COMPACT | DECIMAL_JSON_FLAGS);
	txt = arena_alloc(&r->arena, n + 1);
	json_dumpb(j, txt, n, JSON_COMPACT | DECIMAL_JSON_FLAGS);
	json_decref(j);
	http_send(r, 200, "application/json; charset=utf-8", txt, n);
}

static json_t *
series_json(const struct pl_series_row *s)
{
	return json_pack("{s:s, s:s, s:s, s:i, s:s, s:i, s:i}", "name",
	    s->name, "title", s->title, "source", s->source, "version",
	    s->version, "revised_on", s->revised_on, "first_year",
	    s->first_year, "last_year", s->last_year);
}

void
api_pl_list(struct http_req *r)
{
	struct pl_series_row	*v;
	struct err		 e;
	json_t			*arr;
	size_t			 n, i;

	err_clear(&e);
	if (http_query_check(r, (const char *const[]){ NULL }, &e) != 0 ||
	    pl_list(&r->svc, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, series_json(&v[i]));
	send_json(r, json_pack("{s:o}", "series", arr));
}

void
api_pl_get(struct http_req *r)
{
	static const char *const allowed[] = { "version", NULL };
	struct pl_series_view	 v;
	struct err		 e;
	const char		*q;
	json_t			*o, *years, *versions, *y;
	int64_t			 version = 0;
	size_t			 i, k;

	err_clear(&e);
	if (http_query_check(r, allowed, &e) != 0)
		goto fail;
	if ((q = http_query(r, "version")) != NULL &&
	    (text_parse_i64(q, &version) != 0 || version < 1 ||
	    version > 1000000)) {
		err_set(&e, ERR_INVALID, "invalid_version", "version",
		    "version skal være et positivt heltal");
		goto fail;
	}
	if (pl_show(&r->svc, r->params[0], (int)version, 0, &v, &e) != 0)
		goto fail;
	o = series_json(&v.series);
	json_object_set_new(o, "shown_version", json_pack("{s:i, s:s, s:s, "
	    "s:s, s:s, s:s, s:b}", "version", v.version.version, "revised_on",
	    v.version.revised_on, "source", v.version.source, "note",
	    v.version.note, "created_by", v.version.created_by, "created_at",
	    v.version.created_at, "current", v.current));
	json_object_set_new(o, "index_base_year", v.index_base ?
	    json_integer(v.index_base) : json_null());
	years = json_array();
	for (i = 0; i < v.nvalues; i++) {
		y = json_pack("{s:i, s:o, s:s}", "year", v.values[i].year,
		    "pct_change", pct_json(v.values[i].pct_e4), "note",
		    v.values[i].note);
		for (k = 0; k < v.nindex; k++)
			if (v.index[k].year == v.values[i].year) {
				char txt[32];

				snprintf(txt, sizeof(txt), "%lld.%04lld",
				    (long long)(v.index[k].index_e4 / 10000),
				    (long long)(v.index[k].index_e4 % 10000));
				json_object_set_new(y, "index",
				    json_loads(txt, JSON_DECODE_ANY, NULL));
			}
		json_array_append_new(years, y);
	}
	json_object_set_new(o, "years", years);
	versions = json_array();
	for (i = 0; i < v.nversions; i++)
		json_array_append_new(versions, json_pack("{s:i, s:s, s:s, "
		    "s:i}", "version", v.versions[i].version, "revised_on",
		    v.versions[i].revised_on, "source", v.versions[i].source,
		    "years", v.versions[i].nyears));
	json_object_set_new(o, "versions", versions);
	send_json(r, o);
	return;
fail:
	http_send_error(r, &e);
}
