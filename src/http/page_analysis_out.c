/*
 * page_analysis_out — the outputs of a tariff analysis: the XLSX of the
 * data behind it, the PDF report with the politicians' excerpt whose
 * sections are chosen with checkboxes, "Sæt på dagsorden" (the PDF
 * attached to an item of an upcoming meeting, or to a new item, in one
 * step), and the JSON API.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "core/meeting.h"
#include "core/panel.h"
#include "core/role.h"
#include "core/tariff.h"
#include "http/analysis_http.h"
#include "http/api.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/tariff_http.h"
#include "http/ui.h"
#include "report/analysis_report.h"
#include "service/analysis.h"
#include "service/meeting.h"
#include "util/buf.h"
#include "util/text.h"

#define UPCOMING_MAX	6	/* meetings offered for "Sæt på dagsorden" */

enum tariff_unit
analysis_http_unit(const char *name)
{
	enum tariff_unit u;

	return name != NULL && tariff_unit_parse(name, &u) == 0 ? u :
	    TARIFF_UNIT_DAY;
}

const char *
analysis_http_line_label(struct http_req *r, const struct panel_row *l)
{
	return arena_printf(&r->arena, "%s%s%s, %s", l->paragraph,
	    *l->level ? ", niveau " : "", l->level,
	    tariff_unit_label(l->unit));
}

/* The sections chosen in the query or form ("afsnit"), or all. */
static unsigned
chosen_sections(struct http_req *r, bool post)
{
	unsigned	bits = 0;
	int		i;
	const char	*v;

	for (i = 0; i < ANALYSIS_SECTIONS; i++) {
		const char *name = arena_printf(&r->arena, "afsnit_%s",
		    analysis_sections[i].name);
		v = post ? http_form(r, name) : http_query(r, name);
		if (v != NULL)
			bits |= analysis_sections[i].bit;
	}
	return bits;
}

static void
section_boxes(struct html *h, const char *prefix)
{
	int i;

	HTML_LIT(h, "<fieldset><legend class=\"form-label\">Udtog til "
	    "politikerne</legend><p class=\"form-hint\">De valgte afsnit "
	    "står først i rapporten, på én side for sig.</p>");
	for (i = 0; i < ANALYSIS_SECTIONS; i++) {
		const char *name = analysis_sections[i].name;
		char id[64], field[64];
		snprintf(id, sizeof(id), "%s-%s", prefix, name);
		snprintf(field, sizeof(field), "afsnit_%s", name);
		ui_checkbox(h, &(struct ui_check){ .name = field, .id = id,
		    .label = analysis_sections[i].label,
		    .checked = analysis_sections[i].bit &
		    (ANALYSIS_SEC_SUMMARY | ANALYSIS_SEC_OPERATOR |
		    ANALYSIS_SEC_YEARS) });
	}
	HTML_LIT(h, "</fieldset>");
}

/* Upcoming meetings (planned or convened, from today) with their items. */
static void
attach_form(struct page *p, const struct analysis_view *v,
    const struct ui_errors *errs)
{
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	struct meeting_filter	 f;
	struct meeting		*m;
	struct meeting_page	 mp;
	struct ui_select	 s;
	struct err		 e;
	size_t			 n = 0, i, j, shown = 0;

	memset(&f, 0, sizeof(f));
	f.limit = 100;
	err_clear(&e);
	if (meeting_list(&r->svc, &f, &m, &n, &e) != 0)
		n = 0;
	HTML_LIT(h, "<h3>Sæt på dagsorden</h3>");
	memset(&s, 0, sizeof(s));
	s.name = "target";
	s.label = "Punkt";
	s.hint = "Rapporten lægges som bilag på punktet. Et nyt punkt kommer "
	    "under Sager til behandling.";
	s.first = "Vælg møde og punkt";
	s.required = true;
	s.selected = strcmp(r->method, "POST") == 0 ? http_form(r, "target") :
	    NULL;
	for (i = n; i-- > 0 && shown < UPCOMING_MAX;) {
		if ((m[i].state != MEETING_PLANLAGT &&
		    m[i].state != MEETING_INDKALDT) || m[i].starts_at == NULL ||
		    strncmp(m[i].starts_at, r->svc.now_iso, 10) < 0)
			continue;
		if (shown++ == 0) {
			HTML_LIT(h, "<form method=\"post\"");
			html_url(h, "action", arena_printf(&r->arena,
			    "/oekonomi/analyser/%lld/dagsorden",
			    (long long)v->a.id));
			HTML_LIT(h, ">");
			page_csrf(p);
			ui_select_begin(h, &s, errs);
		}
		ui_option(h, arena_printf(&r->arena, "m%lld",
		    (long long)m[i].id), arena_printf(&r->arena,
		    "%s %.10s: nyt punkt \"%s\"", m[i].body_name,
		    m[i].starts_at, v->a.title), s.selected);
		if (meeting_load(&r->svc, m[i].id, &mp, &e) != 0)
			continue;
		for (j = 0; j < mp.nitems; j++)
			ui_option(h, arena_printf(&r->arena, "i%lld",
			    (long long)mp.items[j].id), arena_printf(&r->arena,
			    "%s %.10s: punkt %d %s", m[i].body_name,
			    m[i].starts_at, mp.items[j].number,
			    mp.items[j].title), s.selected);
	}
	if (shown == 0) {
		HTML_LIT(h, "<p>Der er ingen kommende møder at sætte "
		    "rapporten på.</p>");
		return;
	}
	ui_select_end(h);
	section_boxes(h, "dagsorden");
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_SECONDARY, "Sæt på dagsorden", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

void
analysis_http_outputs(struct page *p, const struct analysis_view *v,
    const struct ui_errors *errs)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	const char	*base = arena_printf(&r->arena, "/oekonomi/analyser/%lld",
			    (long long)v->a.id);

	HTML_LIT(h, "<h2>Hent analysen</h2><div class=\"actions\">");
	ui_button_link(h, UI_SECONDARY, arena_printf(&r->arena,
	    "%s/analyse.xlsx", base), "Hent alle tal (Excel)");
	HTML_LIT(h, "</div><form method=\"get\"");
	html_url(h, "action", arena_printf(&r->arena, "%s/rapport.pdf", base));
	HTML_LIT(h, ">");
	section_boxes(h, "pdf");
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_SECONDARY, "Hent rapport (PDF)", NULL, NULL);
	HTML_LIT(h, "</div></form>");
	if (v->may_manage)
		attach_form(p, v, errs);
}

/* The view of path parameter 0; false: answered. */
static bool
view_of(struct http_req *r, struct analysis_view *v)
{
	struct err	e;
	int64_t		id;

	if (tariff_http_path_id(r, &id) != 0)
		return false;
	err_clear(&e);
	if (analysis_get(&r->svc, id, v, &e) != 0) {
		http_send_error(r, &e);
		return false;
	}
	return true;
}

static const char *
file_stem(struct http_req *r, const struct analysis_view *v)
{
	return arena_printf(&r->arena, "takstanalyse-%d-%d-%lld",
	    v->a.from_year, v->a.to_year, (long long)v->a.id);
}

void
page_analysis_xlsx(struct http_req *r)
{
	struct analysis_view	 v;
	struct err		 e;
	char			 path[] = "/tmp/ramme-analysis-XXXXXX";
	FILE			*f;
	long			 sz;
	char			*data;
	size_t			 len = 0;
	int			 fd;

	if (!view_of(r, &v))
		return;
	err_clear(&e);
	if ((fd = mkstemp(path)) < 0) {
		err_set(&e, ERR_IO, "tempfile", NULL, "Kunne ikke danne filen");
		http_send_error(r, &e);
		return;
	}
	close(fd);
	if (analysis_report_xlsx(&v, path, &e) != 0 ||
	    (f = fopen(path, "rb")) == NULL) {
		if (e.code == 0)
			err_set(&e, ERR_IO, "tempfile", NULL,
			    "Kunne ikke læse filen");
		unlink(path);
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
	unlink(path);
	http_set_header(r, "Content-Disposition", arena_printf(&r->arena,
	    "attachment; filename=\"%s.xlsx\"", file_stem(r, &v)));
	http_send(r, 200, "application/vnd.openxmlformats-officedocument."
	    "spreadsheetml.sheet", data, len);
}

void
page_analysis_pdf(struct http_req *r)
{
	struct analysis_view	v;
	struct buf		b;
	struct err		e;

	if (!view_of(r, &v))
		return;
	err_clear(&e);
	buf_init(&b);
	if (analysis_report_pdf(&r->arena, &v, chosen_sections(r, false), &b,
	    &e) != 0) {
		buf_cleanup(&b);
		http_send_error(r, &e);
		return;
	}
	http_set_header(r, "Content-Disposition", arena_printf(&r->arena,
	    "inline; filename=\"%s.pdf\"", file_stem(r, &v)));
	http_send(r, 200, "application/pdf", b.data, b.len);
	buf_cleanup(&b);
}

void
page_analysis_attach(struct http_req *r)
{
	struct analysis_view	 v;
	struct item_input	 in;
	struct buf		 b;
	struct err		 e;
	const char		*t = NULL;
	int64_t			 target = 0, item = 0, att;
	int			 rc;

	if (!view_of(r, &v))
		return;
	err_clear(&e);
	buf_init(&b);
	if ((rc = http_form_error(r, &e)) == 0) {
		t = http_form_text(r, "target");
		if (t == NULL || (t[0] != 'm' && t[0] != 'i') ||
		    text_parse_i64(t + 1, &target) != 0 || target < 1)
			rc = err_set(&e, ERR_INVALID, "analysis_target",
			    "target", "Vælg mødet og punktet");
	}
	/* The PDF first, so that a new item is only made with its file. */
	if (rc == 0)
		rc = analysis_report_pdf(&r->arena, &v, chosen_sections(r,
		    true), &b, &e);
	if (rc == 0 && t[0] == 'm') {
		memset(&in, 0, sizeof(in));
		in.section = SECTION_BEHANDLING;
		in.title = v.a.title;
		in.background = arena_printf(&r->arena, "Takstanalysen "
		    "%d–%d i faste priser er vedlagt.", v.a.from_year,
		    v.a.to_year);
		rc = meeting_item_add(&r->svc, target, &in, &item, &e);
	} else if (rc == 0)
		item = target;
	if (rc == 0)
		rc = meeting_attachment_add(&r->svc, item, v.a.title,
		    arena_printf(&r->arena, "%s.pdf", file_stem(r, &v)),
		    b.data, b.len, false, NULL, &att, &e);
	buf_cleanup(&b);
	if (rc == 0) {
		http_redirect(r, arena_printf(&r->arena,
		    "/oekonomi/analyser/%lld?besked=dagsorden",
		    (long long)v.a.id));
		return;
	}
	if (e.code == ERR_FORBIDDEN) {
		http_send_error(r, &e);
		return;
	}
	analysis_http_page(r, v.a.id, &e, http_status_of_err(e.code));
}

/* ---- JSON API ---------------------------------------------------------- */

static json_t *
e2_json(int64_t v)
{
	return v == PANEL_NO_VALUE ? json_null() : api_centi_json(v);
}

static json_t *
ore_json(int64_t v)
{
	return v == PANEL_NO_VALUE ? json_null() : json_integer(v);
}

static json_t *
analysis_json(const struct analysis *a)
{
	return json_pack("{s:I, s:I, s:s, s:i, s:i, s:i, s:s, s:I, s:s, s:o, "
	    "s:I}", "id", (json_int_t)a->id, "version", (json_int_t)a->version,
	    "title", a->title, "from_year", a->from_year, "to_year",
	    a->to_year, "price_year", a->price_year, "series", a->series_name, "series_version",
	    (json_int_t)a->series_version, "state", a->state,
	    "deadline", api_opt_json(a->deadline), "comments",
	    (json_int_t)a->ncomments);
}

static json_t *
group_json(const struct panel_group *g)
{
	return json_pack("{s:s, s:s, s:I, s:o, s:o, s:I, s:I, s:o, s:o}",
	    "key", g->key, "label", g->label, "lines", (json_int_t)g->n,
	    "unweighted_mean_pct", e2_json(g->unweighted_e2),
	    "weighted_mean_pct", e2_json(g->weighted_e2),
	    "cap_lines", (json_int_t)g->cap_n,
	    "cap_met", (json_int_t)g->cap_met_n,
	    "exp_from_fixed_ore", ore_json(g->exp_from_fixed_ore),
	    "exp_to_fixed_ore", ore_json(g->exp_to_fixed_ore));
}

static json_t *
groups_json(const struct panel_group *g, size_t n)
{
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, group_json(&g[i]));
	return a;
}

void
api_analyses_list(struct http_req *r)
{
	struct analysis	*v;
	struct err	 e;
	json_t		*a;
	size_t		 n, i;

	err_clear(&e);
	if (analysis_list(&r->svc, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	a = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(a, analysis_json(&v[i]));
	http_send_json(r, 200, json_pack("{s:o}", "analyses", a));
}

void
api_analysis_get(struct http_req *r)
{
	struct analysis_view	 v;
	json_t			*j, *lines, *c;
	size_t			 i;

	if (!view_of(r, &v))
		return;
	j = analysis_json(&v.a);
	json_object_set_new(j, "factor", json_string(v.factor));
	json_object_set_new(j, "price_factor", json_string(v.price_factor));
	json_object_set_new(j, "total", group_json(&v.total));
	json_object_set_new(j, "by_operator", groups_json(v.by_operator,
	    v.nby_operator));
	json_object_set_new(j, "by_paragraph", groups_json(v.by_section,
	    v.nby_section));
	json_object_set_new(j, "by_target_group", groups_json(v.by_target,
	    v.nby_target));
	lines = json_array();
	for (i = 0; i < v.nlines; i++) {
		const struct panel_line *l = &v.lines[i];
		const struct panel_row *a = l->to != NULL ? l->to : l->from;
		json_array_append_new(lines, json_pack("{s:s, s:I, s:s, s:s, "
		    "s:s, s:s, s:o, s:o, s:o, s:o, s:o}", "kind",
		    panel_kind_name(l->kind), "offer_id",
		    (json_int_t)a->offer_id, "offer", a->offer_name,
		    "paragraph", a->paragraph, "level", a->level, "unit",
		    tariff_unit_name(a->unit), "tariff_from_ore", l->from ?
		    json_integer(l->from->tariff_ore) : json_null(),
		    "tariff_to_ore", l->to ? json_integer(l->to->tariff_ore) :
		    json_null(), "from_fixed_ore", l->from_fixed_ore ==
		    PANEL_NO_VALUE ? json_null() :
		    json_integer(l->from_fixed_ore), "to_fixed_ore",
		    ore_json(l->to_fixed_ore), "real_change_pct",
		    e2_json(l->real_change_e2)));
	}
	json_object_set_new(j, "lines", lines);
	c = json_array();
	for (i = 0; i < v.ncomments; i++)
		json_array_append_new(c, json_pack("{s:s, s:o, s:o, s:s, s:s}",
		    "author", v.comments[i].author_name, "organisation",
		    api_opt_json(v.comments[i].org_name), "offer",
		    api_opt_json(v.comments[i].offer_name), "body",
		    v.comments[i].body, "created_at",
		    v.comments[i].created_at));
	json_object_set_new(j, "comments", c);
	http_send_json(r, 200, j);
}
