/*
 * page_tariffs — the published tariffs: the Takstoversigt with its
 * filters and downloads, one tariff with its versions and the change of
 * a tariff in the year, and the report of the general tariff reduction
 * (who lowered their tariffs as agreed). Public pages; the change form
 * only for the secretariat and the offer's operator.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/org.h"
#include "core/params.h"
#include "core/role.h"
#include "core/tariff.h"
#include "core/tariff_cause.h"
#include "http/api.h"
#include "http/harmonised_http.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/tariff_http.h"
#include "http/ui.h"
#include "service/harmonised.h"
#include "service/reduction.h"
#include "service/register.h"
#include "service/round.h"
#include "util/buf.h"
#include "util/text.h"

/* A path with one id: idpath(r, "/takster/%lld", id). */
#define idpath(r, fmt, id)	arena_printf(&(r)->arena, fmt, (long long)(id))

/* The organisations as options, by name (municipalities only if asked). */
static void
org_options(struct html *h, struct http_req *r, const char *selected,
    bool kommune_only)
{
	struct org	*v;
	struct err	 e;
	int		 n, i;

	err_clear(&e);
	if (register_org_list(&r->svc, &v, &n, &e) != 0)
		return;
	for (i = 0; i < n; i++)
		if (!kommune_only || v[i].kind == ORG_KOMMUNE)
			ui_option(h, v[i].code, v[i].name, selected);
}

/* The query of the current filter, "&year=2031&…", for the downloads. */
static const char *
filter_query(struct http_req *r)
{
	static const char *const keys[] = { "year", "operator", "paragraph",
	    "target_group", "municipality", "offer", "versions", NULL };
	struct buf	 b;
	const char	*v, *out;
	int		 i;

	buf_init(&b);
	for (i = 0; keys[i] != NULL; i++)
		if ((v = http_query(r, keys[i])) != NULL && *v)
			buf_printf(&b, "&%s=%s", keys[i],
			    http_urlencode(&r->arena, v));
	out = arena_strdup(&r->arena, buf_str(&b));
	buf_cleanup(&b);
	return out;
}

static void
validity(struct html *h, const struct published_tariff *t)
{
	html_date(h, t->valid_from);
	HTML_LIT(h, " – ");
	html_date(h, t->valid_to);
}

static void
filters(struct page *p, const char **groups, size_t ng, const int *years,
    size_t ny, const struct ui_errors *errs)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	const char	*sel;
	size_t		 i;

	HTML_LIT(h, "<form class=\"filters\" method=\"get\" "
	    "action=\"/takster\" role=\"search\" aria-label=\"Find "
	    "takster\">");
	sel = http_query(r, "year");
	ui_select_begin(h, &(struct ui_select){ .name = "year",
	    .label = "Takstår", .first = "Alle", .selected = sel }, errs);
	for (i = 0; i < ny; i++)
		ui_option(h, arena_printf(&r->arena, "%d", years[i]),
		    arena_printf(&r->arena, "%d", years[i]), sel);
	ui_select_end(h);
	sel = http_query(r, "operator");
	ui_select_begin(h, &(struct ui_select){ .name = "operator",
	    .label = "Driftsherre", .first = "Alle", .selected = sel }, errs);
	org_options(h, r, sel, false);
	ui_select_end(h);
	ui_field(h, &(struct ui_field){ .name = "paragraph",
	    .label = "Paragraf", .hint = "fx 107", .width = "xs",
	    .value = http_query(r, "paragraph") }, errs);
	sel = http_query(r, "target_group");
	ui_select_begin(h, &(struct ui_select){ .name = "target_group",
	    .label = "Målgruppe", .first = "Alle", .selected = sel }, errs);
	for (i = 0; i < ng; i++)
		ui_option(h, groups[i], groups[i], sel);
	ui_select_end(h);
	sel = http_query(r, "municipality");
	ui_select_begin(h, &(struct ui_select){ .name = "municipality",
	    .label = "Beliggenhedskommune", .first = "Alle",
	    .selected = sel }, errs);
	org_options(h, r, sel, true);
	ui_select_end(h);
	sel = http_query(r, "versions");
	ui_checkbox(h, &(struct ui_check){ .name = "versions",
	    .label = "Vis afløste versioner", .value = "true",
	    .checked = sel != NULL && strcmp(sel, "true") == 0 });
	ui_button(h, UI_PRIMARY, "Vis", NULL, NULL);
	HTML_LIT(h, "</form>\n");
}

void
page_tariffs(struct http_req *r)
{
	static const char *const allowed[] = { "year", "operator", "paragraph",
	    "target_group", "municipality", "offer", "versions", NULL };
	static const struct ui_col cols[] = {
		{ "Tilbud", 0 }, { "Driftsherre", 0 },
		{ "Beliggenhedskommune", 0 }, { "Paragraf", 0 },
		{ "Takstniveau", 0 }, { "Enhed", 0 }, { "Takst", UI_COL_NUM },
		{ "Pladser", UI_COL_NUM },
		{ "Budgetteret belægning", UI_COL_NUM }, { "Gyldig", 0 },
		{ "Version", 0 },
	};
	struct page		 p;
	struct html		*h = &p.h;
	struct published_tariff	*v = NULL;
	struct harmonised	*hv = NULL;
	const struct harmonised	*g;
	struct tariff_filter	 f;
	struct ui_table		 t;
	struct ui_errors	 errs;
	struct err		 e;
	const char		**groups = NULL, *q;
	int			*years = NULL;
	size_t			 n = 0, ng = 0, ny = 0, nh = 0, i;
	int			 rc;

	err_clear(&e);
	ui_errors_init(&errs);
	rc = http_query_check(r, allowed, &e);
	if (rc == 0)
		rc = tariff_http_filter(r, &f, &e);
	if (rc == 0)
		rc = round_tariffs(&r->svc, &f, &v, &n, NULL, &e);
	if (rc != 0 && e.code != ERR_INVALID) {
		http_send_error(r, &e);
		return;
	}
	if (rc != 0)
		ui_errors_add_err(&errs, r, &e);
	round_tariff_facets(&r->svc, &groups, &ng, &years, &ny, &e);
	page_begin(&p, r, "Takstoversigt", "takster");
	tariff_http_tabs(&p, TARIFF_TAB_OVERVIEW);
	HTML_LIT(h, "<p>Offentliggjorte takster for tilbud under "
	    "rammeaftalen: enhed, takstniveau, budgetteret belægning og "
	    "gyldighed. Tidligere versioner bevares; en takstændring i løbet "
	    "af året har sin egen begrundelse og gyldighedsperiode.</p>");
	ui_error_summary(h, &errs);
	filters(&p, groups, ng, years, ny, &errs);
	if (harmonised_list(&r->svc, 0, &hv, &nh, &e) != 0)
		nh = 0;
	if (nh > 0) {
		HTML_LIT(h, "<h2>Harmoniserede takster</h2><ul>");
		for (i = 0; i < nh; i++) {
			HTML_LIT(h, "<li>");
			harmonised_line(r, h, &hv[i], true);
			HTML_LIT(h, "</li>");
		}
		HTML_LIT(h, "</ul>");
	}
	q = filter_query(r);
	HTML_LIT(h, "<div class=\"actions\"><span>Hent oversigten:</span>"
	    "<a download");
	html_url(h, "href", arena_printf(&r->arena,
	    "/api/v1/tariffs?format=xlsx%s", q));
	HTML_LIT(h, ">Excel</a><a download");
	html_url(h, "href", arena_printf(&r->arena,
	    "/api/v1/tariffs?format=csv%s", q));
	HTML_LIT(h, ">CSV</a></div>\n<p id=\"count\">");
	html_int(h, (int64_t)n);
	if (n == 1)
		HTML_LIT(h, " takst</p>");
	else
		HTML_LIT(h, " takster</p>");
	ui_table_begin(&t, h, NULL, cols, 11);
	for (i = 0; i < n; i++) {
		ui_row(&t);
		ui_cell_begin(&t);
		HTML_LIT(h, "<a");
		html_url(h, "href", idpath(r, "/tilbud/%lld", v[i].offer_id));
		HTML_LIT(h, ">");
		html_text(h, v[i].offer_name);
		HTML_LIT(h, "</a>");
		/* The row of a group's one tariff names its members. */
		if (v[i].harmonised_id != 0 &&
		    (g = harmonised_find(hv, nh, v[i].offer_id)) != NULL) {
			HTML_LIT(h, "<br><small>");
			harmonised_line(r, h, g, false);
			HTML_LIT(h, "</small>");
		}
		ui_cell_end(&t);
		ui_cell(&t, v[i].operator_name ? v[i].operator_name :
		    "Ikke oplyst");
		ui_cell(&t, v[i].location_name ? v[i].location_name :
		    "Ikke oplyst");
		ui_cell(&t, v[i].paragraph);
		ui_cell_begin(&t);
		html_text(h, *v[i].level ? v[i].level : "–");
		tariff_http_referral(h, v[i].referred_from,
		    v[i].referred_before);
		ui_cell_end(&t);
		ui_cell(&t, tariff_unit_label(v[i].unit));
		ui_cell_begin(&t);
		tariff_http_kr(h, v[i].tariff_ore);
		ui_cell_end(&t);
		ui_cell_begin(&t);
		html_centi(h, v[i].places_centi);
		ui_cell_end(&t);
		ui_cell_begin(&t);
		tariff_http_pct(h, v[i].occupancy_bp);
		ui_cell_end(&t);
		ui_cell_begin(&t);
		validity(h, &v[i]);
		if (v[i].superseded_at != NULL) {
			HTML_LIT(h, " ");
			ui_badge(h, UI_NEUTRAL, "Afløst");
		}
		ui_cell_end(&t);
		ui_cell_link(&t, idpath(r, "/takster/%lld", v[i].id),
		    arena_printf(&r->arena, "Version %lld",
		    (long long)v[i].version));
	}
	ui_table_end(&t);
	page_end(&p, rc == 0 ? 200 : 400);
}

/* The Danish label of a stored cause; the key itself if unknown. */
static const char *
cause_label(const char *key)
{
	const char *l = tariff_cause_label(key);

	return l != NULL ? l : key;
}

/* The form of a change in the year, with the values posted and errors. */
static void
change_form(struct page *p, const struct published_tariff *t,
    const struct ui_errors *errs)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;

	struct ui_option	 opts[16];
	size_t			 i, n = tariff_cause_count();

	HTML_LIT(h, "<h2>Takstændring i løbet af året</h2><p>En ændring "
	    "gælder fra en dato og kræver en årsag fra listen (fx "
	    "ombygning eller en varig ændring af pladstallet). Den "
	    "hidtidige takst bevares med gyldighed til dagen før.</p>");
	if (n > sizeof(opts) / sizeof(opts[0]))
		n = sizeof(opts) / sizeof(opts[0]);
	for (i = 0; i < n; i++) {
		opts[i].value = tariff_cause_at(i)->key;
		opts[i].label = tariff_cause_at(i)->label;
	}
	ui_error_summary(h, errs);
	HTML_LIT(h, "<form method=\"post\"");
	html_url(h, "action", idpath(r, "/takster/%lld/aendring", t->id));
	HTML_LIT(h, ">");
	page_csrf(p);
	ui_field(h, &(struct ui_field){ .name = "tariff", .label = "Ny takst",
	    .hint = "I kroner, fx 2.283 eller 2.283,50", .type = UI_NUMBER,
	    .suffix = "kr.", .width = "m", .required = true,
	    .value = http_form(r, "tariff") }, errs);
	ui_field(h, &(struct ui_field){ .name = "valid_from",
	    .label = "Gælder fra", .type = UI_DATE, .required = true,
	    .value = http_form(r, "valid_from") }, errs);
	ui_select(h, &(struct ui_select){ .name = "cause", .label = "Årsag",
	    .first = "Vælg årsag", .required = true,
	    .selected = http_form(r, "cause"), .options = opts,
	    .noptions = (int)n }, errs);
	ui_field(h, &(struct ui_field){ .name = "reason",
	    .label = "Begrundelse", .hint = "Uddyb årsagen. Skal udfyldes, "
	    "når årsagen er »Andet«", .type = UI_TEXTAREA, .rows = 3,
	    .value = http_form(r, "reason") }, errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Fortsæt", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

static void
tariff_page(struct http_req *r, int64_t id, const struct ui_errors *errs,
    int status)
{
	static const struct ui_col cols[] = {
		{ "Version", UI_COL_NUM }, { "Takst", UI_COL_NUM },
		{ "Gyldig", 0 }, { "Kilde", 0 }, { "Årsag", 0 },
		{ "Begrundelse", 0 }, { "Offentliggjort", 0 }, { "Status", 0 },
	};
	struct page		 p;
	struct html		*h = &p.h;
	struct published_tariff	 t, *v;
	struct harmonised	*hv = NULL;
	struct ui_table		 tb;
	struct err		 e;
	size_t			 n, i, nh = 0;
	const char		*flash;

	err_clear(&e);
	if (round_tariff_get(&r->svc, id, &t, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin_crumbs(&p, r, arena_printf(&r->arena, "Takst: %s",
	    t.offer_name), "takster", (const struct page_crumb[]){
	    { "/takster", "Takstoversigt" } }, 1);
	if ((flash = http_query(r, "besked")) != NULL &&
	    strcmp(flash, "aendret") == 0)
		ui_alert(h, UI_SUCCESS, NULL, "Takstændringen er gemt som en "
		    "ny version.");
	ui_facts_begin(h);
	ui_fact_begin(h, "Tilbud");
	HTML_LIT(h, "<a");
	html_url(h, "href", idpath(r, "/tilbud/%lld", t.offer_id));
	HTML_LIT(h, ">");
	html_text(h, t.offer_name);
	HTML_LIT(h, "</a>");
	ui_fact_end(h);
	ui_fact(h, "Driftsherre", t.operator_name ? t.operator_name :
	    "Ikke oplyst");
	ui_fact(h, "Takstår", arena_printf(&r->arena, "%d", t.year));
	ui_fact(h, "Paragraf", t.paragraph);
	ui_fact_begin(h, "Takstniveau");
	html_text(h, *t.level ? t.level : "–");
	tariff_http_referral(h, t.referred_from, t.referred_before);
	ui_fact_end(h);
	ui_fact(h, "Enhed", tariff_unit_label(t.unit));
	ui_fact_begin(h, "Takst");
	tariff_http_kr(h, t.tariff_ore);
	ui_fact_end(h);
	ui_fact_begin(h, "Gyldig");
	validity(h, &t);
	ui_fact_end(h);
	if (t.harmonised_id != 0 && harmonised_list(&r->svc, t.offer_id, &hv,
	    &nh, &e) == 0 && nh > 0) {
		ui_fact_begin(h, "Harmoniseret takst");
		harmonised_line(r, h, &hv[0], true);
		ui_fact_end(h);
	}
	ui_facts_end(h);

	HTML_LIT(h, "<h2>Versioner</h2>");
	ui_table_begin(&tb, h, NULL, cols, 8);
	for (i = 0; i < n; i++) {
		ui_row(&tb);
		ui_cell_int(&tb, v[i].version);
		ui_cell_begin(&tb);
		tariff_http_kr(h, v[i].tariff_ore);
		ui_cell_end(&tb);
		ui_cell_begin(&tb);
		validity(h, &v[i]);
		ui_cell_end(&tb);
		ui_cell(&tb, v[i].round_no ? arena_printf(&r->arena,
		    "Runde %d", v[i].round_no) : "Takstændring i året");
		ui_cell(&tb, v[i].cause != NULL ? cause_label(v[i].cause) :
		    "");
		ui_cell(&tb, v[i].reason ? v[i].reason : "");
		ui_cell_begin(&tb);
		html_time(h, v[i].published_at);
		HTML_LIT(h, " (");
		html_text(h, v[i].published_by);
		HTML_LIT(h, ")");
		ui_cell_end(&tb);
		ui_cell_begin(&tb);
		if (v[i].superseded_at != NULL)
			ui_badge(h, UI_NEUTRAL, "Afløst");
		else
			ui_badge(h, UI_SUCCESS, "Gældende");
		ui_cell_end(&tb);
	}
	ui_table_end(&tb);
	if (t.superseded_at == NULL && role_may_edit_offer(&r->who,
	    t.operator_code) && t.id == v[n - 1].id)
		change_form(&p, &t, errs);
	page_end(&p, status);
}

void
page_tariff_view(struct http_req *r)
{
	int64_t id;

	if (tariff_http_path_id(r, &id) == 0)
		tariff_page(r, id, NULL, 200);
}

/* "6. marts 2027" of an ISO date, in the arena. */
static const char *
date_da(struct http_req *r, const char *iso)
{
	struct buf	 b;
	const char	*s;

	buf_init(&b);
	text_format_date_da(&b, iso);
	s = arena_strdup(&r->arena, buf_str(&b));
	buf_cleanup(&b);
	return s;
}

/* The ISO date before iso (a valid date), in the arena. */
static const char *
day_before(struct http_req *r, const char *iso)
{
	struct tm	tm;
	time_t		t;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = atoi(iso) - 1900;
	tm.tm_mon = atoi(iso + 5) - 1;
	tm.tm_mday = atoi(iso + 8) - 1;
	tm.tm_hour = 12;
	t = timegm(&tm);
	gmtime_r(&t, &tm);
	return arena_printf(&r->arena, "%04d-%02d-%02d", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday);
}

/* "1.234,56 kr." of øre, in the arena. */
static const char *
kr_da(struct http_req *r, int64_t ore)
{
	char kr[TEXT_KR_SIZE];

	text_format_ore_da(kr, ore);
	return arena_strdup(&r->arena, kr);
}

/*
 * The confirmation of a change in the year: the old and the new tariff,
 * the date it applies from and the reason, re-posted with confirm=1.
 */
static void
change_confirm(struct http_req *r, const struct published_tariff *old,
    int64_t ore, const char *from, const char *cause, const char *reason)
{
	struct page	 p;
	const char	*back = idpath(r, "/takster/%lld", old->id);
	const char	*cons[5];
	int		 ncons = 4;

	/* "kr." ends the sentence. */
	cons[0] = arena_printf(&r->arena, "Taksten ændres fra %s til %s",
	    kr_da(r, old->tariff_ore), kr_da(r, ore));
	cons[1] = arena_printf(&r->arena, "Den nye takst gælder fra %s. Den "
	    "hidtidige takst gælder til og med %s og bevares som en afløst "
	    "version.", date_da(r, from), date_da(r, day_before(r, from)));
	cons[2] = reason != NULL && *reason != '\0' ?
	    arena_printf(&r->arena, "Årsag: %s. Begrundelse: %s",
	    cause_label(cause), reason) :
	    arena_printf(&r->arena, "Årsag: %s", cause_label(cause));
	cons[3] = "Ændringen offentliggøres straks i Takstoversigten og kan "
	    "ikke fortrydes, kun afløses af en ny ændring.";
	if (old->harmonised_id != 0)
		cons[ncons++] = "Taksten er harmoniseret: ændringen gælder "
		    "alle tilbuddene med den harmoniserede takst.";
	page_begin_crumbs(&p, r, "Bekræft takstændring", "takster",
	    (const struct page_crumb[]){ { "/takster", "Takstoversigt" },
	    { back, old->offer_name } }, 2);
	ui_confirm(&p, &(struct ui_confirm){
	    .heading = arena_printf(&r->arena, "Offentliggør ny takst for %s?",
	    old->offer_name),
	    .text = "Når du bekræfter, sker dette:",
	    .consequences = cons, .nconsequences = ncons,
	    .action = idpath(r, "/takster/%lld/aendring", old->id),
	    .button = "Offentliggør takstændring", .cancel_href = back });
	page_end(&p, 200);
}

void
page_tariff_change_post(struct http_req *r)
{
	struct ui_errors	 errs;
	struct published_tariff	 old;
	struct err		 e;
	const char		*amount, *from, *cause, *reason;
	int64_t			 id, ore, nid;

	if (tariff_http_path_id(r, &id) != 0)
		return;
	err_clear(&e);
	amount = http_form_text(r, "tariff");
	from = http_form_text(r, "valid_from");
	cause = http_form_text(r, "cause");
	reason = http_form_text(r, "reason");
	if (http_form_error(r, &e) != 0)
		;
	else if (amount == NULL || text_parse_kr(amount, &ore) != 0)
		err_set(&e, ERR_INVALID, "invalid_amount", "tariff", "Angiv "
		    "den nye takst i kroner (fx 2.283 eller 2.283,50)");
	else if (!ui_confirmed(r)) {
		if (round_tariff_change_check(&r->svc, id, ore, from, cause,
		    reason, &old, &e) == 0) {
			change_confirm(r, &old, ore, from, cause, reason);
			return;
		}
	} else if (round_tariff_change(&r->svc, id, ore, from, cause, reason,
	    &nid, &e) == 0) {
		http_redirect(r, idpath(r, "/takster/%lld?besked=aendret",
		    nid));
		return;
	}
	if (e.code == ERR_FORBIDDEN || e.code == ERR_NOT_FOUND) {
		http_send_error(r, &e);
		return;
	}
	ui_errors_init(&errs);
	ui_errors_add_err(&errs, r, &e);
	tariff_page(r, id, &errs, http_status_of_err(e.code));
}

/* ---- the general tariff reduction ------------------------------------ */

int
tariff_http_year(struct http_req *r, const char *name, int def, int *out,
    struct err *e)
{
	const char	*s = http_query_text(r, name);
	int64_t		 y;

	*out = def;
	if (s == NULL)
		return 0;
	if (text_parse_i64(s, &y) != 0 || y < PARAMS_YEAR_MIN ||
	    y > PARAMS_YEAR_MAX)
		return err_set(e, ERR_INVALID, "invalid_year", name,
		    "Året skal være et årstal mellem %d og %d",
		    PARAMS_YEAR_MIN, PARAMS_YEAR_MAX);
	*out = (int)y;
	return 0;
}

/* The name of an operator in the report, else its code. */
static const char *
operator_name(const struct reduction_report *rep, const char *code)
{
	size_t k;

	for (k = 0; k < rep->nrows; k++)
		if (strcmp(rep->rows[k].op.operator_code, code) == 0 &&
		    rep->rows[k].operator_name != NULL)
			return rep->rows[k].operator_name;
	return code;
}

static void
reduction_operators(struct html *h, const struct reduction_report *rep)
{
	static const struct ui_col cols[] = {
		{ "Driftsherre", 0 }, { "Takster", UI_COL_NUM },
		{ "Heraf opfyldt", UI_COL_NUM },
		{ "Vægtet ændring", UI_COL_NUM }, { "Kravet", 0 },
	};
	struct ui_table	t;
	size_t		i;

	ui_table_begin(&t, h, "Driftsherrer", cols, 5);
	for (i = 0; i < rep->nrows; i++) {
		const struct reduction_row *x = &rep->rows[i];

		ui_row(&t);
		ui_cell(&t, x->operator_name ? x->operator_name :
		    x->op.operator_code);
		ui_cell_int(&t, (int64_t)x->op.noffers);
		ui_cell_int(&t, (int64_t)x->op.noffers_met);
		ui_cell_begin(&t);
		tariff_http_change(h, x->op.change_bp);
		ui_cell_end(&t);
		ui_cell_begin(&t);
		if (x->op.met)
			ui_badge(h, UI_SUCCESS, "Opfyldt");
		else
			ui_badge(h, UI_ERROR, "Ikke opfyldt");
		ui_cell_end(&t);
	}
	ui_table_end(&t);
}

static void
reduction_lines(struct http_req *r, struct html *h,
    const struct reduction_report *rep, int year)
{
	struct ui_col	cols[] = {
		{ "Tilbud", 0 }, { "Driftsherre", 0 }, { "Paragraf", 0 },
		{ "Niveau", 0 }, { "Enhed", 0 },
		{ arena_printf(&r->arena, "%d", year - 1), UI_COL_NUM },
		{ arena_printf(&r->arena, "%d", year), UI_COL_NUM },
		{ "Ændring", UI_COL_NUM },
	};
	struct ui_table	t;
	size_t		i;

	HTML_LIT(h, "<h2>Takst for takst</h2>");
	ui_table_begin(&t, h, NULL, cols, 8);
	for (i = 0; i < rep->nlines; i++) {
		const struct reduction_line *l = &rep->lines[i];

		ui_row(&t);
		ui_cell_link(&t, idpath(r, "/tilbud/%lld", l->offer_id),
		    l->offer_name);
		ui_cell(&t, operator_name(rep, l->operator_code));
		ui_cell(&t, l->paragraph);
		ui_cell_begin(&t);
		html_text(h, l->level);
		tariff_http_referral(h, l->referred_from, l->referred_before);
		ui_cell_end(&t);
		ui_cell(&t, tariff_unit_label(l->unit));
		ui_cell_begin(&t);
		tariff_http_kr(h, l->prev_ore);
		ui_cell_end(&t);
		ui_cell_begin(&t);
		tariff_http_kr(h, l->cur_ore);
		ui_cell_end(&t);
		ui_cell_begin(&t);
		tariff_http_change(h, l->change_bp);
		if (!l->met) {
			HTML_LIT(h, " ");
			ui_badge(h, UI_ERROR, "Under kravet");
		}
		ui_cell_end(&t);
	}
	ui_table_end(&t);
}

void
page_tariff_reduction(struct http_req *r)
{
	static const char *const allowed[] = { "year", NULL };
	struct reduction_report	 rep;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	int			 year;

	err_clear(&e);
	if (http_query_check(r, allowed, &e) != 0 ||
	    tariff_http_year(r, "year", 2012, &year, &e) != 0 ||
	    reduction_report(&r->svc, year, &rep, &e) != 0) {
		page_error(r, http_status_of_err(e.code), &e);
		return;
	}
	page_begin(&p, r, arena_printf(&r->arena, "Generel takstreduktion %d",
	    year), "takster");
	tariff_http_tabs(&p, TARIFF_TAB_REDUCTION);
	HTML_LIT(h, "<form class=\"filters\" method=\"get\" "
	    "action=\"/takster/reduktion\" aria-label=\"Vælg takstår\">");
	ui_field(h, &(struct ui_field){ .name = "year", .label = "Takstår",
	    .type = UI_NUMBER, .inputmode = "numeric", .width = "xs",
	    .maxlength = 4, .value = arena_printf(&r->arena, "%d", year) },
	    NULL);
	ui_button(h, UI_PRIMARY, "Vis", NULL, NULL);
	HTML_LIT(h, "</form><p>Krav: taksterne skal falde med mindst ");
	tariff_http_pct(h, rep.required_bp);
	HTML_LIT(h, " i forhold til ");
	html_text(h, arena_printf(&r->arena, "%d", year - 1));
	if (rep.fixed_prices) {
		HTML_LIT(h, ", målt i faste priser (sidste års takster "
		    "fremskrevet med PL ");
		tariff_http_change(h, rep.pl_bp);
		HTML_LIT(h, ")");
	} else
		HTML_LIT(h, ", målt i løbende priser");
	HTML_LIT(h, ". Hver driftsherres takster vægtes med årets pladser. "
	    "Døgntakster sammenlignes på samme antal dage (taksten gange "
	    "årets dage), så et skudår ikke i sig selv tæller som en "
	    "reduktion. Kravet og målemåden er parametre for aftaleåret."
	    "</p>");
	if (rep.nrows == 0) {
		ui_alert(h, UI_INFO, NULL, arena_printf(&r->arena, "Der er "
		    "ingen offentliggjorte takster for både %d og %d at "
		    "sammenligne.", year - 1, year));
		page_end(&p, 200);
		return;
	}
	HTML_LIT(h, "<p id=\"summary\"><strong>");
	html_int(h, (int64_t)rep.nmet);
	HTML_LIT(h, " af ");
	html_int(h, (int64_t)rep.nrows);
	HTML_LIT(h, "</strong> driftsherrer har opfyldt kravet.");
	if (rep.nnew > 0) {
		HTML_LIT(h, " ");
		html_int(h, (int64_t)rep.nnew);
		HTML_LIT(h, " takster uden takst året før indgår ikke.");
	}
	HTML_LIT(h, "</p>");
	reduction_operators(h, &rep);
	reduction_lines(r, h, &rep, year);
	page_end(&p, 200);
}
