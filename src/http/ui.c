/*
 * ui — the component kit: DKFDS markup through the escaping writer (see
 * ui.h). Nothing here reads the database; it only writes.
 */
#include <stdio.h>
#include <string.h>

#include "http/asset.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/ui.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

/* ---- errors ---------------------------------------------------------- */

void
ui_errors_init(struct ui_errors *e)
{
	e->n = 0;
}

void
ui_errors_add(struct ui_errors *e, const char *field, const char *msg)
{
	if (e->n >= UI_ERRORS_MAX || msg == NULL)
		return;
	e->e[e->n].field = field;
	e->e[e->n].msg = msg;
	e->n++;
}

void
ui_errors_add_err(struct ui_errors *e, struct http_req *r,
    const struct err *err)
{
	const char *field = NULL;

	if (err->field[0] != '\0')
		field = arena_strdup(&r->arena, err->field);
	ui_errors_add(e, field, arena_strdup(&r->arena,
	    err->msg[0] ? err->msg : "Der skete en fejl"));
}

const char *
ui_errors_get(const struct ui_errors *e, const char *field)
{
	int i;

	if (e == NULL || field == NULL)
		return NULL;
	for (i = 0; i < e->n; i++)
		if (e->e[i].field != NULL && strcmp(e->e[i].field, field) == 0)
			return e->e[i].msg;
	return NULL;
}

void
ui_error_summary(struct html *h, const struct ui_errors *e)
{
	char	href[160];
	int	i;

	if (e == NULL || e->n == 0)
		return;
	HTML_LIT(h, "<div class=\"alert alert-error error-summary\" "
	    "role=\"alert\" tabindex=\"-1\"><div class=\"alert-body\">"
	    "<p class=\"alert-heading\">Der er fejl i formularen</p>"
	    "<ul class=\"alert-text nobullet-list\">");
	for (i = 0; i < e->n; i++) {
		HTML_LIT(h, "<li>");
		if (e->e[i].field != NULL) {
			snprintf(href, sizeof(href), "#%s", e->e[i].field);
			HTML_LIT(h, "<a class=\"function-link\"");
			html_url(h, "href", href);
			HTML_LIT(h, ">");
			html_text(h, e->e[i].msg);
			HTML_LIT(h, "</a>");
		} else
			html_text(h, e->e[i].msg);
		HTML_LIT(h, "</li>");
	}
	HTML_LIT(h, "</ul></div></div>\n");
}

/* ---- fields ---------------------------------------------------------- */

/* ` id="ID-SUFFIX"` */
static void
sub_id(struct html *h, const char *attr, const char *id, const char *suffix)
{
	char b[160];

	snprintf(b, sizeof(b), "%s-%s", id, suffix);
	html_attr(h, attr, b);
}

/* The group's opening, label, hint and message. */
static void
group_begin(struct html *h, const char *id, const char *label,
    const char *hint, const char *msg)
{
	if (msg != NULL)
		HTML_LIT(h, "<div class=\"form-group form-error\">");
	else
		HTML_LIT(h, "<div class=\"form-group\">");
	HTML_LIT(h, "<label class=\"form-label\"");
	html_attr(h, "for", id);
	HTML_LIT(h, ">");
	html_text(h, label);
	HTML_LIT(h, "</label>");
	if (hint != NULL) {
		HTML_LIT(h, "<span class=\"form-hint\"");
		sub_id(h, "id", id, "hint");
		HTML_LIT(h, ">");
		html_text(h, hint);
		HTML_LIT(h, "</span>");
	}
	if (msg != NULL) {
		HTML_LIT(h, "<span class=\"form-error-message\"");
		sub_id(h, "id", id, "error");
		HTML_LIT(h, "><span class=\"sr-only\">Fejl: </span>");
		html_text(h, msg);
		HTML_LIT(h, "</span>");
	}
}

/* aria-describedby and aria-invalid of a control. */
static void
described(struct html *h, const char *id, bool hint, bool msg)
{
	char b[330];

	if (!hint && !msg)
		return;
	snprintf(b, sizeof(b), "%s%s%s%s%s", hint ? id : "",
	    hint ? "-hint" : "", hint && msg ? " " : "", msg ? id : "",
	    msg ? "-error" : "");
	html_attr(h, "aria-describedby", b);
	if (msg)
		HTML_LIT(h, " aria-invalid=\"true\"");
}

static void
width_class(struct html *h, const char *base, const char *width)
{
	char b[64];

	if (width == NULL) {
		html_attr(h, "class", base);
		return;
	}
	snprintf(b, sizeof(b), "%s input-width-%s", base, width);
	html_attr(h, "class", b);
}

void
ui_field(struct html *h, const struct ui_field *f,
    const struct ui_errors *errors)
{
	const char	*id = f->id ? f->id : f->name;
	const char	*msg = f->error ? f->error :
			    ui_errors_get(errors, f->name);
	const char	*mode = f->inputmode;
	char		 n[24];

	group_begin(h, id, f->label, f->hint, msg);
	if (f->type == UI_TEXTAREA) {
		HTML_LIT(h, "<textarea");
		width_class(h, "form-input", f->width);
		html_attr(h, "id", id);
		html_attr(h, "name", f->name);
		snprintf(n, sizeof(n), "%d", f->rows > 0 ? f->rows : 4);
		html_attr(h, "rows", n);
	} else {
		if (f->suffix != NULL)
			HTML_LIT(h, "<div class=\"form-input-wrapper "
			    "form-input-wrapper--suffix\">");
		HTML_LIT(h, "<input");
		switch (f->type) {
		case UI_DATE:		HTML_LIT(h, " type=\"date\""); break;
		case UI_DATETIME:	HTML_LIT(h, " type=\"datetime-local\"");
					break;
		case UI_SEARCH:		HTML_LIT(h, " type=\"search\""); break;
		case UI_FILE:		HTML_LIT(h, " type=\"file\""); break;
		case UI_EMAIL:		HTML_LIT(h, " type=\"email\""); break;
		case UI_PASSWORD:	HTML_LIT(h, " type=\"password\""); break;
		default:		HTML_LIT(h, " type=\"text\""); break;
		}
		if (f->type == UI_NUMBER && mode == NULL)
			mode = "decimal";
		width_class(h, "form-input", f->width);
		html_attr(h, "id", id);
		html_attr(h, "name", f->name);
		if (f->type == UI_FILE) {
			html_attr(h, "accept", f->accept);
			if (f->multiple)
				HTML_LIT(h, " multiple");
		} else
			html_attr(h, "value", f->value);
		html_attr(h, "inputmode", mode);
		html_attr(h, "autocomplete", f->autocomplete);
	}
	if (f->maxlength > 0) {
		snprintf(n, sizeof(n), "%d", f->maxlength);
		html_attr(h, "maxlength", n);
	}
	if (f->required)
		HTML_LIT(h, " required");
	described(h, id, f->hint != NULL, msg != NULL);
	HTML_LIT(h, ">");
	if (f->type == UI_TEXTAREA) {
		html_text(h, f->value);
		HTML_LIT(h, "</textarea>");
	} else if (f->suffix != NULL) {
		HTML_LIT(h, "<div class=\"form-input-suffix\" "
		    "aria-hidden=\"true\">");
		html_text(h, f->suffix);
		HTML_LIT(h, "</div></div>");
	}
	HTML_LIT(h, "</div>\n");
}

void
ui_select_begin(struct html *h, const struct ui_select *s,
    const struct ui_errors *errors)
{
	const char	*id = s->id ? s->id : s->name;
	const char	*msg = s->error ? s->error :
			    ui_errors_get(errors, s->name);

	group_begin(h, id, s->label, s->hint, msg);
	HTML_LIT(h, "<select");
	width_class(h, "form-select", s->width);
	html_attr(h, "id", id);
	html_attr(h, "name", s->name);
	if (s->required)
		HTML_LIT(h, " required");
	described(h, id, s->hint != NULL, msg != NULL);
	HTML_LIT(h, ">");
	if (s->first != NULL)
		ui_option(h, "", s->first, s->selected ? s->selected : "");
}

void
ui_option(struct html *h, const char *value, const char *label,
    const char *selected)
{
	HTML_LIT(h, "<option");
	html_attr(h, "value", value);
	if (selected != NULL && value != NULL && strcmp(value, selected) == 0)
		HTML_LIT(h, " selected");
	HTML_LIT(h, ">");
	html_text(h, label);
	HTML_LIT(h, "</option>");
}

void
ui_select_end(struct html *h)
{
	HTML_LIT(h, "</select></div>\n");
}

void
ui_select(struct html *h, const struct ui_select *s,
    const struct ui_errors *errors)
{
	int i;

	ui_select_begin(h, s, errors);
	for (i = 0; i < s->noptions; i++)
		ui_option(h, s->options[i].value, s->options[i].label,
		    s->selected);
	ui_select_end(h);
}

void
ui_checkbox(struct html *h, const struct ui_check *c)
{
	const char *id = c->id ? c->id : c->name;

	HTML_LIT(h, "<div class=\"form-group-checkbox\">"
	    "<input type=\"checkbox\" class=\"form-checkbox\"");
	html_attr(h, "id", id);
	html_attr(h, "name", c->name);
	html_attr(h, "value", c->value ? c->value : "1");
	if (c->checked)
		HTML_LIT(h, " checked");
	if (c->hint != NULL)
		sub_id(h, "aria-describedby", id, "hint");
	HTML_LIT(h, "><label class=\"form-label\"");
	html_attr(h, "for", id);
	HTML_LIT(h, ">");
	html_text(h, c->label);
	HTML_LIT(h, "</label>");
	if (c->hint != NULL) {
		HTML_LIT(h, "<span class=\"form-hint\"");
		sub_id(h, "id", id, "hint");
		HTML_LIT(h, ">");
		html_text(h, c->hint);
		HTML_LIT(h, "</span>");
	}
	HTML_LIT(h, "</div>\n");
}

void
ui_radios(struct html *h, const struct ui_radios *g,
    const struct ui_errors *errors)
{
	const char	*msg = g->error ? g->error :
			    ui_errors_get(errors, g->name);
	char		 id[160];
	int		 i;

	if (msg != NULL)
		HTML_LIT(h, "<div class=\"form-group form-error\">");
	else
		HTML_LIT(h, "<div class=\"form-group\">");
	HTML_LIT(h, "<fieldset");
	html_attr(h, "id", g->name);
	described(h, g->name, g->hint != NULL, msg != NULL);
	HTML_LIT(h, "><legend class=\"form-label\">");
	html_text(h, g->legend);
	HTML_LIT(h, "</legend>");
	if (g->hint != NULL) {
		HTML_LIT(h, "<span class=\"form-hint\"");
		sub_id(h, "id", g->name, "hint");
		HTML_LIT(h, ">");
		html_text(h, g->hint);
		HTML_LIT(h, "</span>");
	}
	if (msg != NULL) {
		HTML_LIT(h, "<span class=\"form-error-message\"");
		sub_id(h, "id", g->name, "error");
		HTML_LIT(h, "><span class=\"sr-only\">Fejl: </span>");
		html_text(h, msg);
		HTML_LIT(h, "</span>");
	}
	HTML_LIT(h, "<ul class=\"nobullet-list\">");
	for (i = 0; i < g->noptions; i++) {
		snprintf(id, sizeof(id), "%s-%d", g->name, i + 1);
		HTML_LIT(h, "<li><input type=\"radio\" class=\"form-radio\"");
		html_attr(h, "id", id);
		html_attr(h, "name", g->name);
		html_attr(h, "value", g->options[i].value);
		if (g->selected != NULL &&
		    strcmp(g->selected, g->options[i].value) == 0)
			HTML_LIT(h, " checked");
		HTML_LIT(h, "><label class=\"form-label\"");
		html_attr(h, "for", id);
		HTML_LIT(h, ">");
		html_text(h, g->options[i].label);
		HTML_LIT(h, "</label></li>");
	}
	HTML_LIT(h, "</ul></fieldset></div>\n");
}

/* ---- messages and actions -------------------------------------------- */

void
ui_alert_begin(struct html *h, enum ui_tone tone, const char *heading)
{
	switch (tone) {
	case UI_SUCCESS:
		HTML_LIT(h, "<div class=\"alert alert-success\" "
		    "role=\"status\">");
		break;
	case UI_WARNING:
		HTML_LIT(h, "<div class=\"alert alert-warning\" "
		    "role=\"status\">");
		break;
	case UI_ERROR:
		HTML_LIT(h, "<div class=\"alert alert-error\" role=\"alert\">");
		break;
	default:
		HTML_LIT(h, "<div class=\"alert alert-info\" role=\"status\">");
	}
	HTML_LIT(h, "<div class=\"alert-body\">");
	if (heading != NULL) {
		HTML_LIT(h, "<p class=\"alert-heading\">");
		html_text(h, heading);
		HTML_LIT(h, "</p>");
	}
}

void
ui_alert_end(struct html *h)
{
	HTML_LIT(h, "</div></div>\n");
}

void
ui_alert(struct html *h, enum ui_tone tone, const char *heading,
    const char *text)
{
	ui_alert_begin(h, tone, heading);
	if (text != NULL) {
		HTML_LIT(h, "<p class=\"alert-text\">");
		html_text(h, text);
		HTML_LIT(h, "</p>");
	}
	ui_alert_end(h);
}

void
ui_badge(struct html *h, enum ui_tone tone, const char *label)
{
	switch (tone) {
	case UI_SUCCESS:	HTML_LIT(h, "<span class=\"badge badge-success\">");
				break;
	case UI_WARNING:	HTML_LIT(h, "<span class=\"badge badge-warning\">");
				break;
	case UI_ERROR:		HTML_LIT(h, "<span class=\"badge badge-error\">");
				break;
	case UI_INFO:		HTML_LIT(h, "<span class=\"badge badge-info\">");
				break;
	default:		HTML_LIT(h, "<span class=\"badge\">");
	}
	html_text(h, label);
	HTML_LIT(h, "</span>");
}

static const char *
button_class(enum ui_button kind)
{
	switch (kind) {
	case UI_SECONDARY:	return "button button-secondary";
	case UI_TERTIARY:	return "button button-tertiary";
	case UI_WARNING_BUTTON:	return "button button-warning";
	default:		return "button button-primary";
	}
}

void
ui_button(struct html *h, enum ui_button kind, const char *label,
    const char *name, const char *value)
{
	HTML_LIT(h, "<button type=\"submit\"");
	html_attr(h, "class", button_class(kind));
	html_attr(h, "name", name);
	html_attr(h, "value", value);
	HTML_LIT(h, ">");
	html_text(h, label);
	HTML_LIT(h, "</button>");
}

void
ui_button_link(struct html *h, enum ui_button kind, const char *href,
    const char *label)
{
	HTML_LIT(h, "<a");
	html_attr(h, "class", button_class(kind));
	html_url(h, "href", href);
	HTML_LIT(h, ">");
	html_text(h, label);
	HTML_LIT(h, "</a>");
}

void
ui_icon(struct html *h, const char *name)
{
	char b[200];

	snprintf(b, sizeof(b), "%s#%s", asset_url("all-svg-icons.svg"), name);
	HTML_LIT(h, "<svg class=\"icon-svg\" focusable=\"false\" "
	    "aria-hidden=\"true\"><use");
	html_url(h, "href", b);
	HTML_LIT(h, "></use></svg>");
}

/* ---- tables ----------------------------------------------------------- */

void
ui_table_begin(struct ui_table *t, struct html *h, const char *caption,
    const struct ui_col *cols, int ncols)
{
	int i;

	t->h = h;
	t->cols = cols;
	t->ncols = ncols > UI_COLS_MAX ? UI_COLS_MAX : ncols;
	t->col = 0;
	t->in_row = false;
	HTML_LIT(h, "<div class=\"table--responsive-scroll\" tabindex=\"0\">"
	    "<table class=\"table table--zebra table--responsive-headers\">");
	if (caption != NULL) {
		HTML_LIT(h, "<caption>");
		html_text(h, caption);
		HTML_LIT(h, "</caption>");
	}
	HTML_LIT(h, "<thead><tr>");
	for (i = 0; i < t->ncols; i++) {
		if (cols[i].flags & UI_COL_NUM)
			HTML_LIT(h, "<th scope=\"col\" class=\"num\">");
		else
			HTML_LIT(h, "<th scope=\"col\">");
		html_text(h, cols[i].head);
		HTML_LIT(h, "</th>");
	}
	HTML_LIT(h, "</tr></thead><tbody>");
}

void
ui_row(struct ui_table *t)
{
	if (t->in_row)
		HTML_LIT(t->h, "</tr>");
	HTML_LIT(t->h, "<tr>");
	t->in_row = true;
	t->col = 0;
}

void
ui_cell_begin(struct ui_table *t)
{
	const struct ui_col *c = NULL;

	if (t->col < t->ncols)
		c = &t->cols[t->col];
	t->col++;
	HTML_LIT(t->h, "<td");
	if (c != NULL) {
		html_attr(t->h, "data-title", c->head);
		if (c->flags & UI_COL_NUM)
			HTML_LIT(t->h, " class=\"num\"");
	}
	HTML_LIT(t->h, ">");
}

void
ui_cell_end(struct ui_table *t)
{
	HTML_LIT(t->h, "</td>");
}

void
ui_cell(struct ui_table *t, const char *text)
{
	ui_cell_begin(t);
	html_text(t->h, text);
	ui_cell_end(t);
}

void
ui_cell_int(struct ui_table *t, int64_t v)
{
	ui_cell_begin(t);
	html_int(t->h, v);
	ui_cell_end(t);
}

void
ui_cell_link(struct ui_table *t, const char *href, const char *text)
{
	ui_cell_begin(t);
	HTML_LIT(t->h, "<a");
	html_url(t->h, "href", href);
	HTML_LIT(t->h, ">");
	html_text(t->h, text);
	HTML_LIT(t->h, "</a>");
	ui_cell_end(t);
}

void
ui_table_end(struct ui_table *t)
{
	if (t->in_row)
		HTML_LIT(t->h, "</tr>");
	HTML_LIT(t->h, "</tbody></table></div>\n");
	t->in_row = false;
}

/* ---- pager, facts, tabs, accordion ------------------------------------ */

/* <a class="CLASS" href="HREF?PARAM=N" aria-label="LABEL">TEXT</a> */
static void
page_link(struct html *h, struct http_req *r, const char *href,
    const char *param, int n, const char *cls)
{
	const char *url;

	url = arena_printf(&r->arena, "%s%c%s=%d", href,
	    strchr(href, '?') != NULL ? '&' : '?', param, n);
	HTML_LIT(h, "<a");
	html_attr(h, "class", cls);
	html_url(h, "href", url);
}

void
ui_pager(struct html *h, struct http_req *r, const char *href,
    const char *param, int page, int pages)
{
	char	label[48];
	int	i, lo, hi;

	if (pages <= 1)
		return;
	if (page < 1)
		page = 1;
	if (page > pages)
		page = pages;
	HTML_LIT(h, "<nav class=\"pagination\" aria-label=\"Sider\">");
	if (page > 1) {
		page_link(h, r, href, param, page - 1,
		    "button button-arrow button-previous");
		HTML_LIT(h, " rel=\"prev\">");
		ui_icon(h, "chevron-left");
		HTML_LIT(h, "<span class=\"pagination-nav-link\">Forrige</span>"
		    "</a>");
	}
	snprintf(label, sizeof(label), "Side %d af %d", page, pages);
	HTML_LIT(h, "<span class=\"pagination-mobile\">");
	html_text(h, label);
	HTML_LIT(h, "</span><ul class=\"pagination__items\">");
	lo = page - 2 < 1 ? 1 : page - 2;
	hi = page + 2 > pages ? pages : page + 2;
	if (lo > 1) {
		HTML_LIT(h, "<li class=\"pagination-item pagination-number\">");
		page_link(h, r, href, param, 1, "button button-secondary");
		HTML_LIT(h, " aria-label=\"Side 1\">1</a></li>");
		if (lo > 2)
			HTML_LIT(h, "<li class=\"pagination-item "
			    "pagination-overflow\"><span>…</span></li>");
	}
	for (i = lo; i <= hi; i++) {
		snprintf(label, sizeof(label), "Side %d", i);
		HTML_LIT(h, "<li class=\"pagination-item pagination-number\">");
		page_link(h, r, href, param, i, i == page ?
		    "button current-page" : "button button-secondary");
		html_attr(h, "aria-label", label);
		if (i == page)
			HTML_LIT(h, " aria-current=\"page\"");
		HTML_LIT(h, ">");
		html_int(h, i);
		HTML_LIT(h, "</a></li>");
	}
	if (hi < pages) {
		if (hi < pages - 1)
			HTML_LIT(h, "<li class=\"pagination-item "
			    "pagination-overflow\"><span>…</span></li>");
		snprintf(label, sizeof(label), "Sidste side, side %d", pages);
		HTML_LIT(h, "<li class=\"pagination-item pagination-number\">");
		page_link(h, r, href, param, pages, "button button-secondary");
		html_attr(h, "aria-label", label);
		HTML_LIT(h, ">");
		html_int(h, pages);
		HTML_LIT(h, "</a></li>");
	}
	HTML_LIT(h, "</ul>");
	if (page < pages) {
		page_link(h, r, href, param, page + 1,
		    "button button-arrow button-next");
		HTML_LIT(h, " rel=\"next\"><span class=\"pagination-nav-link\">"
		    "Næste</span>");
		ui_icon(h, "chevron-right");
		HTML_LIT(h, "</a>");
	}
	HTML_LIT(h, "</nav>\n");
}

void
ui_facts_begin(struct html *h)
{
	HTML_LIT(h, "<dl class=\"facts\">");
}

void
ui_fact_begin(struct html *h, const char *term)
{
	HTML_LIT(h, "<dt>");
	html_text(h, term);
	HTML_LIT(h, "</dt><dd>");
}

void
ui_fact_end(struct html *h)
{
	HTML_LIT(h, "</dd>");
}

void
ui_fact_date(struct html *h, const char *term, const char *iso)
{
	ui_fact_begin(h, term);
	html_date(h, iso);
	ui_fact_end(h);
}

void
ui_fact(struct html *h, const char *term, const char *value)
{
	ui_fact_begin(h, term);
	html_text(h, value != NULL && *value != '\0' ? value : "–");
	ui_fact_end(h);
}

void
ui_facts_end(struct html *h)
{
	HTML_LIT(h, "</dl>\n");
}

void
ui_tabs(struct html *h, const char *label, const struct ui_tab *tabs,
    int ntabs, int current)
{
	int i;

	HTML_LIT(h, "<nav class=\"tab-container\"");
	html_attr(h, "aria-label", label);
	HTML_LIT(h, "><ul class=\"tab-list\">");
	for (i = 0; i < ntabs; i++) {
		HTML_LIT(h, "<li><a class=\"tab-button\"");
		html_url(h, "href", tabs[i].href);
		if (i == current)
			HTML_LIT(h, " aria-current=\"page\"");
		HTML_LIT(h, "><span>");
		html_text(h, tabs[i].label);
		HTML_LIT(h, "</span></a></li>");
	}
	HTML_LIT(h, "</ul></nav>\n");
}

void
ui_accordion_begin(struct html *h, const char *heading, bool open)
{
	if (open)
		HTML_LIT(h, "<details class=\"details\" open>");
	else
		HTML_LIT(h, "<details class=\"details\">");
	HTML_LIT(h, "<summary class=\"details-summary\">");
	html_text(h, heading);
	HTML_LIT(h, "</summary><div class=\"details-text\">");
}

void
ui_accordion_end(struct html *h)
{
	HTML_LIT(h, "</div></details>\n");
}

/* ---- confirmation ---------------------------------------------------- */

bool
ui_confirmed(struct http_req *r)
{
	const char *v = http_form(r, "confirm");

	return v != NULL && strcmp(v, "1") == 0;
}

void
ui_confirm(struct page *p, const struct ui_confirm *c)
{
	struct html	*h = &p->h;
	struct http_req	*r = p->r;
	int		 i;

	HTML_LIT(h, "<section class=\"confirm\" aria-labelledby=\"confirm-"
	    "heading\"><h2 id=\"confirm-heading\">");
	html_text(h, c->heading);
	HTML_LIT(h, "</h2>");
	if (c->text != NULL) {
		HTML_LIT(h, "<p>");
		html_text(h, c->text);
		HTML_LIT(h, "</p>");
	}
	if (c->nconsequences > 0) {
		HTML_LIT(h, "<ul>");
		for (i = 0; i < c->nconsequences; i++) {
			HTML_LIT(h, "<li>");
			html_text(h, c->consequences[i]);
			HTML_LIT(h, "</li>");
		}
		HTML_LIT(h, "</ul>");
	}
	HTML_LIT(h, "<form method=\"post\"");
	html_url(h, "action", c->action);
	HTML_LIT(h, ">");
	page_csrf(p);
	(void)http_form(r, "csrf_token");	/* parse the form */
	for (i = 0; i < r->nform; i++) {
		if (r->form[i].filename != NULL ||
		    strcmp(r->form[i].name, "csrf_token") == 0 ||
		    strcmp(r->form[i].name, "confirm") == 0 ||
		    strstr(r->form[i].name, "password") != NULL)
			continue;
		HTML_LIT(h, "<input type=\"hidden\"");
		html_attr(h, "name", r->form[i].name);
		html_attr(h, "value", r->form[i].value);
		HTML_LIT(h, ">");
	}
	HTML_LIT(h, "<input type=\"hidden\" name=\"confirm\" value=\"1\">"
	    "<div class=\"actions\">");
	ui_button(h, c->warning ? UI_WARNING_BUTTON : UI_PRIMARY, c->button,
	    NULL, NULL);
	HTML_LIT(h, "<a class=\"button button-tertiary\"");
	html_url(h, "href", c->cancel_href ? c->cancel_href : "/");
	HTML_LIT(h, ">Fortryd</a></div></form></section>\n");
}

const char *
ui_int_da(struct http_req *r, int64_t v)
{
	struct buf	 b;
	const char	*s;

	buf_init(&b);
	text_format_int_da(&b, v);
	s = arena_strdup(&r->arena, buf_str(&b));
	buf_cleanup(&b);
	return s;
}
