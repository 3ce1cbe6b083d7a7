/*
 * page_indmelding_line — the forms of a submission: one offer (a
 * municipality's expected use next year, wished changes and why no use;
 * an operator's capacity, occupancy, waiting list, catchment,
 * development, plans and service declaration), and the target groups
 * with the fit of supply and demand (1–5) and the wishes for new offers
 * (an operator: its development in general). A form that does not
 * validate is shown again with the messages and what was typed.
 */
#include <stdio.h>
#include <string.h>

#include "core/indmelding.h"
#include "http/api.h"
#include "http/html.h"
#include "http/http.h"
#include "http/indmelding_http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "service/indmelding.h"
#include "util/text.h"

static const char *
num(struct http_req *r, int64_t v, bool centi)
{
	if (v < 0)
		return NULL;
	return centi ? ind_http_centi(r, v) : arena_printf(&r->arena, "%lld",
	    (long long)v);
}

/* The value to show: what was posted, else the stored one. */
static const char *
val(struct http_req *r, const char *name, const char *stored)
{
	if (strcmp(r->method, "POST") == 0)
		return http_form(r, name);
	return stored;
}

static void
begin(struct page *p, struct http_req *r, const struct ind_sub_view *v,
    const char *title)
{
	page_begin_crumbs(p, r, title, "indmeldinger",
	    (const struct page_crumb[]){ { "/indmeldinger", "Indmeldinger" },
	    { ind_path(r, "/indmeldinger/%lld", v->sub.year_id),
	    arena_printf(&r->arena, "Indmeldinger %d", v->sub.year) },
	    { ind_path(r, "/indmelding/%lld", v->sub.id), v->sub.org_name } },
	    3);
}

static void
form_open(struct page *p, const char *action, int64_t version)
{
	HTML_LIT(&p->h, "<form method=\"post\"");
	html_url(&p->h, "action", action);
	HTML_LIT(&p->h, ">");
	page_csrf(p);
	HTML_LIT(&p->h, "<input type=\"hidden\" name=\"version\"");
	html_attr(&p->h, "value", arena_printf(&p->r->arena, "%lld",
	    (long long)version));
	HTML_LIT(&p->h, ">");
}

static void
form_close(struct page *p, const struct ind_sub_view *v)
{
	HTML_LIT(&p->h, "<div class=\"actions\">");
	ui_button(&p->h, UI_PRIMARY, "Gem", NULL, NULL);
	ui_button_link(&p->h, UI_TERTIARY, ind_path(p->r, "/indmelding/%lld",
	    v->sub.id), "Tilbage uden at gemme");
	HTML_LIT(&p->h, "</div></form>");
}

static void
text_area(struct html *h, const char *name, const char *label,
    const char *hint, const char *value, const struct ui_errors *errs)
{
	ui_field(h, &(struct ui_field){ .name = name, .label = label,
	    .hint = hint, .type = UI_TEXTAREA, .rows = 3,
	    .maxlength = IND_TEXT_MAX, .value = value }, errs);
}

static void
municipality_fields(struct page *p, const struct ind_line *l,
    const struct ui_errors *errs)
{
	static const struct ui_option changes[] = {
		{ "more", "Mere" }, { "less", "Mindre" }, { "same", "Uændret" },
	};
	struct http_req	*r = p->r;
	struct html	*h = &p->h;

	ui_field(h, &(struct ui_field){ .name = "use_places",
	    .label = "Forventet forbrug næste år", .hint = "Antal pladser; "
	    "0, hvis I ikke forventer at bruge tilbuddet", .type = UI_NUMBER,
	    .suffix = "pladser", .width = "s", .value = val(r, "use_places",
	    num(r, l->use_places_centi, true)) }, errs);
	ui_field(h, &(struct ui_field){ .name = "use_days",
	    .label = "Forventede døgn", .hint = "Kan udfyldes i stedet for "
	    "eller sammen med pladser", .type = UI_NUMBER,
	    .inputmode = "numeric", .suffix = "døgn", .width = "s",
	    .value = val(r, "use_days", num(r, l->use_days, false)) }, errs);
	ui_radios(h, &(struct ui_radios){ .name = "change",
	    .legend = "Forventet ændring i forhold til i år",
	    .selected = val(r, "change", ind_change_name(l->change)),
	    .options = changes, .noptions = 3 }, errs);
	text_area(h, "change_note", "Ønskede ændringer i tilbuddet", NULL,
	    val(r, "change_note", l->change_note), errs);
	text_area(h, "no_use_reason", "Hvis I ikke forventer forbrug: hvorfor?",
	    "Skal udfyldes, når forbruget er 0", val(r, "no_use_reason",
	    l->no_use_reason), errs);
	text_area(h, "alternative", "Hvad bruger I i stedet?", NULL,
	    val(r, "alternative", l->alternative), errs);
}

static void
operator_fields(struct page *p, const struct ind_line *l,
    const struct ui_errors *errs)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;

	ui_field(h, &(struct ui_field){ .name = "capacity",
	    .label = "Kapacitet", .type = UI_NUMBER, .suffix = "pladser",
	    .width = "s", .value = val(r, "capacity", num(r,
	    l->capacity_centi, true)) }, errs);
	ui_field(h, &(struct ui_field){ .name = "occupancy",
	    .label = "Belægning sidste år", .hint = "Udfyldt fra regnskabet, "
	    "når det er indberettet", .type = UI_NUMBER, .suffix = "%",
	    .width = "s", .value = val(r, "occupancy", num(r, l->occupancy_bp,
	    true)) }, errs);
	ui_field(h, &(struct ui_field){ .name = "occupancy_prev",
	    .label = "Belægning året før", .type = UI_NUMBER, .suffix = "%",
	    .width = "s", .value = val(r, "occupancy_prev", num(r,
	    l->occupancy_prev_bp, true)) }, errs);
	ui_field(h, &(struct ui_field){ .name = "waiting",
	    .label = "Venteliste", .type = UI_NUMBER, .inputmode = "numeric",
	    .suffix = "borgere", .width = "s", .value = val(r, "waiting",
	    num(r, l->waiting, false)) }, errs);
	text_area(h, "catchment", "Optageområde", "Hvilke kommuner bruger "
	    "tilbuddet?", val(r, "catchment", l->catchment), errs);
	text_area(h, "development", "Udvikling", NULL, val(r, "development",
	    l->development), errs);
	text_area(h, "plans", "Planlagte lukninger eller nye tilbud", NULL,
	    val(r, "plans", l->plans), errs);
	ui_field(h, &(struct ui_field){ .name = "declaration_url",
	    .label = "Link til ydelsesbeskrivelse", .hint = "Fx på "
	    "Tilbudsportalen; begynder med https://", .maxlength = IND_URL_MAX,
	    .value = val(r, "declaration_url", l->declaration_url) }, errs);
}

/* The line of offer_id in v, or NULL. */
static struct ind_line *
find(struct ind_sub_view *v, int64_t offer_id)
{
	size_t i;

	for (i = 0; i < v->sub.nline; i++)
		if (v->sub.lines[i].offer_id == offer_id)
			return &v->sub.lines[i];
	return NULL;
}

static void
line_page(struct http_req *r, const struct err *err, int status)
{
	struct page		 p;
	struct ind_sub_view	 v;
	struct ind_line		*l;
	struct ui_errors	 errs;
	struct err		 e;
	int64_t			 id, offer;

	if (ind_http_id(r, 0, &id) != 0 || ind_http_id(r, 1, &offer) != 0)
		return;
	err_clear(&e);
	if (ind_sub_get(&r->svc, id, &v, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	if ((l = find(&v, offer)) == NULL) {
		err_set(&e, ERR_NOT_FOUND, "not_found", NULL,
		    "Tilbuddet er ikke med i denne indmelding");
		http_send_error(r, &e);
		return;
	}
	ui_errors_init(&errs);
	if (err != NULL)
		ui_errors_add_err(&errs, r, err);
	begin(&p, r, &v, l->offer_name);
	if (!v.may_edit)
		ui_alert(&p.h, UI_INFO, NULL, v.why_not);
	ui_error_summary(&p.h, &errs);
	if (v.may_edit) {
		form_open(&p, arena_printf(&r->arena,
		    "/indmelding/%lld/tilbud/%lld", (long long)id,
		    (long long)offer), v.sub.version);
		if (v.sub.kind == IND_MUNICIPALITY)
			municipality_fields(&p, l, &errs);
		else
			operator_fields(&p, l, &errs);
		form_close(&p, &v);
	}
	page_end(&p, status);
}

void
page_ind_line_form(struct http_req *r)
{
	line_page(r, NULL, 200);
}

/* A posted figure: blank → -1; hundredths or a whole number. */
static int
form_fig(struct http_req *r, const char *name, bool centi, int64_t *out,
    struct err *e)
{
	const char *s = http_form_text(r, name);

	*out = -1;
	if (s == NULL)
		return 0;
	if ((centi ? text_parse_centi(s, out) : text_parse_i64(s, out)) != 0 ||
	    *out < 0) {
		*out = -1;
		return err_set(e, ERR_INVALID, "invalid_number", name,
		    centi ? "Angiv et tal på 0 eller mere med højst to "
		    "decimaler" : "Angiv et helt tal på 0 eller mere");
	}
	return 0;
}

void
page_ind_line_post(struct http_req *r)
{
	struct ind_sub_view	 v;
	struct ind_line		 l;
	struct err		 e;
	int64_t			 id, offer, version;
	int			 rc;

	if (ind_http_id(r, 0, &id) != 0 || ind_http_id(r, 1, &offer) != 0)
		return;
	err_clear(&e);
	ind_line_init(&l, offer);
	if ((rc = http_form_error(r, &e)) == 0 &&
	    (rc = ind_sub_get(&r->svc, id, &v, &e)) == 0) {
		const char *s = http_form(r, "version");

		if (s == NULL || text_parse_i64(s, &version) != 0)
			rc = err_set(&e, ERR_INVALID, "missing_version", NULL,
			    "Formularen mangler versionsnummer; genindlæs "
			    "siden");
	}
	if (rc == 0 && v.sub.kind == IND_MUNICIPALITY) {
		if ((rc = form_fig(r, "use_places", true, &l.use_places_centi,
		    &e)) == 0 &&
		    (rc = form_fig(r, "use_days", false, &l.use_days, &e)) == 0 &&
		    ind_change_parse(http_form_text(r, "change"), &l.change)
		    != 0)
			rc = err_set(&e, ERR_INVALID, "invalid_change",
			    "change", "Vælg mere, mindre eller uændret");
		l.change_note = http_form_text(r, "change_note");
		l.no_use_reason = http_form_text(r, "no_use_reason");
		l.alternative = http_form_text(r, "alternative");
	} else if (rc == 0) {
		if ((rc = form_fig(r, "capacity", true, &l.capacity_centi,
		    &e)) == 0 &&
		    (rc = form_fig(r, "occupancy", true, &l.occupancy_bp,
		    &e)) == 0 &&
		    (rc = form_fig(r, "occupancy_prev", true,
		    &l.occupancy_prev_bp, &e)) == 0)
			rc = form_fig(r, "waiting", false, &l.waiting, &e);
		l.catchment = http_form_text(r, "catchment");
		l.development = http_form_text(r, "development");
		l.plans = http_form_text(r, "plans");
		l.declaration_url = http_form_text(r, "declaration_url");
	}
	if (rc == 0)
		rc = ind_line_save(&r->svc, id, version, &l, &version, &e);
	if (rc == 0) {
		http_redirect(r, ind_path(r, "/indmelding/%lld?besked=gemt",
		    id));
		return;
	}
	if (e.code == ERR_FORBIDDEN || e.code == ERR_NOT_FOUND) {
		http_send_error(r, &e);
		return;
	}
	line_page(r, &e, http_status_of_err(e.code));
}

/* ---- target groups ---------------------------------------------------- */

static int
stored_fit(const struct ind_sub_view *v, const char *grp, const char **note)
{
	size_t i;

	for (i = 0; i < v->sub.nfit; i++)
		if (strcmp(v->sub.fits[i].grp, grp) == 0) {
			*note = v->sub.fits[i].note;
			return v->sub.fits[i].fit;
		}
	*note = NULL;
	return -1;
}

static void
groups_page(struct http_req *r, const struct err *err, int status)
{
	static const struct ui_option fits[] = {
		{ "1", "1 – passer dårligt" }, { "2", "2" }, { "3", "3" },
		{ "4", "4" }, { "5", "5 – passer godt" }, { "0", "Ved ikke" },
	};
	struct page		 p;
	struct html		*h = &p.h;
	struct ind_sub_view	 v;
	struct ui_errors	 errs;
	struct err		 e;
	const char		*note, *fname, *nname;
	int64_t			 id;
	int			 k, fit;
	bool			 m;

	if (ind_http_id(r, 0, &id) != 0)
		return;
	err_clear(&e);
	if (ind_sub_get(&r->svc, id, &v, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	m = v.sub.kind == IND_MUNICIPALITY;
	ui_errors_init(&errs);
	if (err != NULL)
		ui_errors_add_err(&errs, r, err);
	begin(&p, r, &v, m ? "Målgrupper og ønsker" : "Udvikling generelt");
	if (!v.may_edit) {
		ui_alert(h, UI_INFO, NULL, v.why_not);
		page_end(&p, status);
		return;
	}
	ui_error_summary(h, &errs);
	form_open(&p, ind_path(r, "/indmelding/%lld/maalgrupper", id),
	    v.sub.version);
	if (m) {
		HTML_LIT(h, "<h2>Sammenhæng mellem behov og udbud</h2><p>Vurdér "
		    "for hver målgruppe, hvor godt udbuddet af tilbud passer "
		    "til jeres behov (1: dårligt, 5: godt). Ved 1 eller 2: "
		    "forklar hvad der mangler (målgruppe, tilbudstype, "
		    "pladser, indhold).</p>");
		for (k = 0; k < IND_GROUP_COUNT; k++) {
			fname = arena_printf(&r->arena, "fit_%s",
			    ind_groups[k].key);
			nname = arena_printf(&r->arena, "note_%s",
			    ind_groups[k].key);
			fit = stored_fit(&v, ind_groups[k].key, &note);
			ui_select(h, &(struct ui_select){ .name = fname,
			    .label = ind_groups[k].label,
			    .id = fname, .first = "Ikke vurderet",
			    .selected = val(r, fname, fit < 0 ? "" :
			    arena_printf(&r->arena, "%d", fit)),
			    .options = fits, .noptions = 6 }, &errs);
			ui_field(h, &(struct ui_field){ .name = nname,
			    .label = arena_printf(&r->arena, "Forklaring, "
			    "%s", ind_groups[k].label), .type = UI_TEXTAREA,
			    .rows = 2, .maxlength = IND_TEXT_MAX,
			    .value = val(r, nname, note) }, &errs);
		}
	}
	ui_field(h, &(struct ui_field){ .name = "general",
	    .label = m ? "Ønsker til nye tilbud eller pladser" :
	    "Udviklingen i jeres tilbud generelt", .hint = m ?
	    "Også egne planlagte lukninger eller nye tilbud" : NULL,
	    .type = UI_TEXTAREA, .rows = 5, .maxlength = IND_GENERAL_MAX,
	    .value = val(r, "general", v.sub.general) }, &errs);
	form_close(&p, &v);
	page_end(&p, status);
}

void
page_ind_groups_form(struct http_req *r)
{
	groups_page(r, NULL, 200);
}

void
page_ind_groups_post(struct http_req *r)
{
	struct ind_sub_view	 v;
	struct ind_fit		 fits[IND_GROUP_COUNT];
	struct err		 e;
	const char		*s;
	int64_t			 id, version, f;
	size_t			 n = 0;
	int			 rc, k;

	if (ind_http_id(r, 0, &id) != 0)
		return;
	err_clear(&e);
	if ((rc = http_form_error(r, &e)) == 0 &&
	    (rc = ind_sub_get(&r->svc, id, &v, &e)) == 0 &&
	    ((s = http_form(r, "version")) == NULL ||
	    text_parse_i64(s, &version) != 0))
		rc = err_set(&e, ERR_INVALID, "missing_version", NULL,
		    "Formularen mangler versionsnummer; genindlæs siden");
	for (k = 0; rc == 0 && v.sub.kind == IND_MUNICIPALITY &&
	    k < IND_GROUP_COUNT; k++) {
		fits[n].grp = ind_groups[k].key;
		fits[n].fit = -1;
		s = http_form_text(r, arena_printf(&r->arena, "fit_%s",
		    ind_groups[k].key));
		if (s != NULL && (text_parse_i64(s, &f) != 0 || f < 0 ||
		    f > IND_FIT_MAX))
			rc = err_set(&e, ERR_INVALID, "invalid_fit",
			    arena_printf(&r->arena, "fit_%s",
			    ind_groups[k].key), "%s: vælg 1–5 eller »ved "
			    "ikke«", ind_groups[k].label);
		else if (s != NULL)
			fits[n].fit = (int)f;
		fits[n].note = http_form_text(r, arena_printf(&r->arena,
		    "note_%s", ind_groups[k].key));
		n++;
	}
	if (rc == 0)
		rc = ind_fits_save(&r->svc, id, version, fits, n,
		    http_form_text(r, "general"), &version, &e);
	if (rc == 0) {
		http_redirect(r, ind_path(r,
		    "/indmelding/%lld?besked=maalgrupper", id));
		return;
	}
	if (e.code == ERR_FORBIDDEN || e.code == ERR_NOT_FOUND) {
		http_send_error(r, &e);
		return;
	}
	groups_page(r, &e, http_status_of_err(e.code));
}
