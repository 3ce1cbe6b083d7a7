/*
 * page_settlement — Efterregulering: the post-adjustment of secure
 * institutions. The list of settled years (a municipality sees its own
 * share of each), the secretariat's form with a preview and a
 * confirmation before anything is stored, one settlement with its
 * shares as a table and a bars chart, and the shares as XLSX. The rules
 * live in service/settlement; handlers read the request, call it once
 * and write through the kit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/offer.h"
#include "core/params.h"
#include "core/postadj.h"
#include "core/role.h"
#include "http/api.h"
#include "http/chart.h"
#include "http/html.h"
#include "http/http.h"
#include "http/org_names.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "report/chart.h"
#include "report/settlement_pdf.h"
#include "service/agreement.h"
#include "service/settlement.h"
#include "store/sharing_store.h"
#include "util/buf.h"
#include "util/text.h"

#define LIST_HREF	"/oekonomi/efterregulering"
#define NEW_HREF	"/oekonomi/efterregulering/ny"
#define SECTION		"oekonomi"

static const struct page_crumb crumbs[] = {
	{ "/oekonomi", "Økonomi" },
	{ LIST_HREF, "Efterregulering" },
};

/* "1.234,56 kr." in the request's arena. */
static const char *
kr_text(struct http_req *r, int64_t ore)
{
	char tmp[TEXT_KR_SIZE];

	text_format_ore_da(tmp, ore);
	return arena_strdup(&r->arena, tmp);
}

/* The size of an amount without its sign, as "1.234,56 kr.". */
static const char *
abs_kr(struct http_req *r, int64_t ore)
{
	return kr_text(r, ore < 0 ? -ore : ore);
}

static void
cell_kr(struct ui_table *t, struct http_req *r, int64_t ore)
{
	ui_cell(t, kr_text(r, ore));
}

/* Hundredths as "90" or "12,5" in the request's arena. */
static const char *
centi_text(struct http_req *r, int64_t v)
{
	struct buf	b;
	struct html	h = { &b };
	const char	*s;

	buf_init(&b);
	html_centi(&h, v);
	s = arena_strdup(&r->arena, buf_str(&b));
	buf_cleanup(&b);
	return s;
}

/* An ISO date as "1. januar 2024" in the request's arena. */
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

/* Underskud (the municipalities pay) / Overskud (they get back). */
static void
result_badge(struct html *h, int64_t diff)
{
	ui_badge(h, diff > 0 ? UI_WARNING : diff < 0 ? UI_SUCCESS :
	    UI_NEUTRAL, diff > 0 ? "Underskud" : diff < 0 ? "Overskud" :
	    "Balance");
}

static const char *
settlement_href(struct http_req *r, int64_t id)
{
	return arena_printf(&r->arena, LIST_HREF "/%lld", (long long)id);
}

/* The rule in one paragraph, with the parameter of this year. */
static void
rule_text(struct page *p)
{
	struct agreement_params	 ap;
	struct err		 e;
	struct html		*h = &p->h;
	int			 year = atoi(p->r->svc.now_iso);

	HTML_LIT(h, "<p>Sikrede institutioner takstfastsættes ud fra en "
	    "forudsat belægning, som er en aftaleparameter for året: 85 % til "
	    "og med 2014 og 90 % fra 2015.");
	err_clear(&e);
	if (agreement_params_get(&p->r->svc, year, &ap, &e) == 0) {
		HTML_LIT(h, " I ");
		html_text(h, arena_printf(&p->r->arena, "%d", year));
		HTML_LIT(h, " er den ");
		html_centi(h, ap.secure_occupancy_bp);
		HTML_LIT(h, " %.");
	}
	HTML_LIT(h, " Efter året opgøres forskellen mellem årets "
	    "omkostninger og det opkrævede (belagte døgn × takst), og et "
	    "underskud eller overskud fordeles mellem kommunerne efter en "
	    "fordelingsnøgle.</p>");
}

/* ---- the list --------------------------------------------------------- */

void
page_settlements(struct http_req *r)
{
	struct page		 p;
	struct html		*h = &p.h;
	struct settlement	*v;
	struct ui_table		 t;
	struct err		 e;
	bool			 own = r->who.role == ROLE_AUTHORITY;
	size_t			 n, i;
	static const struct ui_col cols[] = {
		{ "Institution", 0 }, { "År", 0 }, { "Belagte døgn", UI_COL_NUM },
		{ "Takst pr. døgn", UI_COL_NUM }, { "Resultat", 0 },
		{ "Beløb", UI_COL_NUM }, { "Jeres andel", UI_COL_NUM },
	};

	err_clear(&e);
	if (settlement_list(&r->svc, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin_crumbs(&p, r, "Efterregulering af sikrede institutioner",
	    SECTION, crumbs, 1);
	rule_text(&p);
	if (r->who.role == ROLE_ADMIN) {
		HTML_LIT(h, "<p>");
		ui_button_link(h, UI_PRIMARY, NEW_HREF, "Ny efterregulering");
		HTML_LIT(h, "</p>");
	}
	if (n == 0) {
		ui_alert(h, UI_INFO, NULL, "Der er ingen efterreguleringer "
		    "endnu.");
		page_end(&p, 200);
		return;
	}
	ui_table_begin(&t, h, "Efterreguleringer, nyeste år først", cols,
	    own ? 7 : 6);
	for (i = 0; i < n; i++) {
		ui_row(&t);
		ui_cell_link(&t, settlement_href(r, v[i].id), v[i].offer_name);
		ui_cell(&t, arena_printf(&r->arena, "%d%s", v[i].year,
		    v[i].version > 1 ? arena_printf(&r->arena, " (version %d)",
		    v[i].version) : ""));
		ui_cell_int(&t, v[i].occupied_days);
		cell_kr(&t, r, v[i].tariff_ore);
		ui_cell_begin(&t);
		result_badge(h, v[i].difference_ore);
		ui_cell_end(&t);
		ui_cell(&t, abs_kr(r, v[i].difference_ore));
		if (own)
			cell_kr(&t, r, v[i].nshares > 0 ?
			    v[i].shares[0].amount_ore : 0);
	}
	ui_table_end(&t);
	if (own)
		HTML_LIT(h, "<p>Jeres andel: et positivt beløb betaler kommunen, "
		    "et negativt får kommunen tilbage.</p>");
	page_end(&p, 200);
}

/* ---- the form, the preview and the confirmation ------------------------ */

/* The form's texts, as posted or pre-filled. */
struct form {
	const char	*offer;
	const char	*year;
	const char	*key;
	const char	*cost;
	const char	*days;
	const char	*reason;
};

static void
form_fields(struct http_req *r, struct form *f, bool post)
{
	const char *(*get)(struct http_req *, const char *) = post ?
	    http_form_text : http_query_text;

	f->offer = get(r, post ? "offer_id" : "tilbud");
	f->year = get(r, post ? "year" : "aar");
	f->key = post ? get(r, "key_id") : NULL;
	f->cost = post ? get(r, "cost") : NULL;
	f->days = post ? get(r, "days") : NULL;
	f->reason = post ? get(r, "reason") : NULL;
}

/* The service's field names → the form's. */
static void
form_errors(struct http_req *r, const struct err *e, struct ui_errors *errs)
{
	struct err c;

	ui_errors_init(errs);
	if (e == NULL || e->code == 0)
		return;
	c = *e;
	if (strcmp(c.field, "cost_ore") == 0)
		snprintf(c.field, sizeof(c.field), "cost");
	else if (strcmp(c.field, "occupied_days") == 0)
		snprintf(c.field, sizeof(c.field), "days");
	else if (strcmp(c.field, "key") == 0 ||
	    strcmp(c.field, "weights") == 0)
		snprintf(c.field, sizeof(c.field), "key_id");
	ui_errors_add_err(errs, r, &c);
}

static void
new_form(struct page *p, const struct form *f, const struct err *e)
{
	struct html		*h = &p->h;
	struct http_req		*r = p->r;
	struct ui_errors	 errs;
	struct offer		*v;
	struct sharing_key_row	*keys;
	struct err		 le;
	const char		*ksel;
	int64_t			 kdef = 0;
	size_t			 n = 0, nkeys = 0, i;

	form_errors(r, e, &errs);
	ui_error_summary(h, &errs);
	rule_text(p);
	HTML_LIT(h, "<form class=\"ramme-form\" method=\"post\"");
	html_url(h, "action", NEW_HREF);
	HTML_LIT(h, " novalidate>");
	page_csrf(p);
	err_clear(&le);
	if (settlement_institutions(&r->svc, &v, &n, &le) != 0)
		n = 0;
	ui_select_begin(h, &(struct ui_select){ .name = "offer_id",
	    .label = "Sikret institution", .selected = f->offer,
	    .first = "Vælg institution", .required = true }, &errs);
	for (i = 0; i < n; i++)
		ui_option(h, arena_printf(&r->arena, "%lld",
		    (long long)v[i].id), v[i].name, f->offer);
	ui_select_end(h);
	ui_field(h, &(struct ui_field){ .name = "year", .label = "År",
	    .hint = "Det år, der efterreguleres.", .value = f->year,
	    .inputmode = "numeric", .maxlength = 4, .width = "xs",
	    .required = true }, &errs);
	ui_field(h, &(struct ui_field){ .name = "cost",
	    .label = "Årets omkostninger",
	    .hint = "Lad feltet stå tomt for at bruge omkostningerne fra "
	    "institutionens regnskab for året.", .value = f->cost,
	    .type = UI_NUMBER, .suffix = "kr.", .width = "m" }, &errs);
	ui_field(h, &(struct ui_field){ .name = "days",
	    .label = "Belagte døgn",
	    .hint = "Pladsdøgn i året. Tomt: fra regnskabet.",
	    .value = f->days, .type = UI_NUMBER, .inputmode = "numeric",
	    .suffix = "døgn", .width = "s" }, &errs);
	err_clear(&le);
	if (settlement_keys(&r->svc, &keys, &nkeys, &kdef, &le) != 0)
		nkeys = 0;
	ksel = f->key != NULL ? f->key : kdef > 0 ?
	    arena_printf(&r->arena, "%lld", (long long)kdef) : NULL;
	ui_select_begin(h, &(struct ui_select){ .name = "key_id",
	    .label = "Fordelingsnøgle",
	    .hint = "Som standard den nyeste nøgle med 0-17-årige. Nøglerne "
	    "vedligeholdes under fordelingsnøgler.", .selected = ksel,
	    .first = nkeys == 0 ? "Ingen fordelingsnøgler" : NULL,
	    .required = true }, &errs);
	for (i = 0; i < nkeys; i++)
		ui_option(h, arena_printf(&r->arena, "%lld",
		    (long long)keys[i].id), arena_printf(&r->arena, "%s "
		    "(opgjort %s)", keys[i].title, date_da(r,
		    keys[i].snapshot_date)), ksel);
	ui_select_end(h);
	ui_field(h, &(struct ui_field){ .name = "reason",
	    .label = "Begrundelse for en ny version",
	    .hint = "Kun når året allerede er efterreguleret: hvorfor "
	    "opgørelsen rettes.", .value = f->reason, .type = UI_TEXTAREA,
	    .maxlength = SETTLEMENT_REASON_MAX, .rows = 3 }, &errs);
	HTML_LIT(h, "<p>Du ser beregningen og fordelingen, før noget "
	    "gemmes.</p><div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Beregn", NULL, NULL);
	ui_button_link(h, UI_TERTIARY, LIST_HREF, "Annuller");
	HTML_LIT(h, "</div></form>");
}

void
page_settlement_form(struct http_req *r)
{
	struct page	p;
	struct form	f;

	memset(&f, 0, sizeof(f));
	form_fields(r, &f, false);
	page_begin_crumbs(&p, r, "Ny efterregulering", SECTION, crumbs, 2);
	new_form(&p, &f, NULL);
	page_end(&p, 200);
}

/* The form's texts into the service's input. */
static int
form_input(struct http_req *r, const struct form *f,
    struct settlement_input *in, struct err *e)
{
	int64_t v;
	int	rc;

	memset(in, 0, sizeof(*in));
	if ((rc = http_form_error(r, e)) != 0)
		return rc;
	if (f->offer == NULL || text_parse_i64(f->offer, &v) != 0 || v <= 0)
		return err_set(e, ERR_INVALID, "invalid_offer", "offer_id",
		    "Vælg en sikret institution");
	in->offer_id = v;
	if (f->year == NULL || text_parse_i64(f->year, &v) != 0 ||
	    v < PARAMS_YEAR_MIN || v > PARAMS_YEAR_MAX)
		return err_set(e, ERR_INVALID, "invalid_year", "year",
		    "Året skal være et årstal mellem %d og %d",
		    PARAMS_YEAR_MIN, PARAMS_YEAR_MAX);
	in->year = (int)v;
	if (f->cost != NULL) {
		if (text_parse_kr(f->cost, &in->cost_ore) != 0 ||
		    in->cost_ore < 0)
			return err_set(e, ERR_INVALID, "invalid_amount",
			    "cost_ore", "Angiv omkostningerne i kroner, fx "
			    "40.000.000 eller 39.876.543,21");
		in->cost_given = true;
	}
	if (f->days != NULL) {
		if (text_parse_i64(f->days, &in->occupied_days) != 0)
			return err_set(e, ERR_INVALID, "invalid_days",
			    "occupied_days", "Angiv belagte døgn som et helt "
			    "tal, fx 2336");
		in->days_given = true;
	}
	if (f->key != NULL) {
		if (text_parse_i64(f->key, &v) != 0 || v <= 0)
			return err_set(e, ERR_INVALID, "unknown_key", "key_id",
			    "Vælg en fordelingsnøgle");
		in->key_id = v;
	}
	in->reason = f->reason;
	return 0;
}

/* Facts of a settlement (computed or stored). */
static void
facts(struct page *p, const struct settlement *s)
{
	struct html	*h = &p->h;
	struct http_req	*r = p->r;
	int64_t		 actual;

	ui_facts_begin(h);
	ui_fact(h, "Institution", s->offer_name);
	ui_fact(h, "År", arena_printf(&r->arena, "%d", s->year));
	ui_fact(h, "Pladser", centi_text(r, s->places_centi));
	ui_fact(h, "Forudsat belægning", arena_printf(&r->arena, "%s %%",
	    centi_text(r, s->assumed_bp)));
	if ((actual = postadj_actual_bp(s->occupied_days, s->places_centi,
	    s->day_basis)) >= 0)
		ui_fact(h, "Faktisk belægning", arena_printf(&r->arena, "%s %%",
		    centi_text(r, actual)));
	ui_fact(h, "Takst pr. døgn", kr_text(r, s->tariff_ore));
	ui_fact(h, "Belagte døgn", ui_int_da(r, s->occupied_days));
	ui_fact(h, "Opkrævet (belagte døgn × takst)", kr_text(r,
	    s->billed_ore));
	ui_fact(h, "Årets omkostninger", arena_printf(&r->arena, "%s (%s)",
	    kr_text(r, s->cost_ore), strcmp(s->cost_source, "accounts") == 0 ?
	    "fra regnskabet" : "indtastet"));
	ui_fact_begin(h, "Resultat");
	result_badge(h, s->difference_ore);
	HTML_LIT(h, " ");
	html_text(h, abs_kr(r, s->difference_ore));
	html_text(h, s->difference_ore > 0 ? " betales af kommunerne" :
	    s->difference_ore < 0 ? " betales tilbage til kommunerne" : "");
	ui_fact_end(h);
	ui_fact(h, "Fordelingsnøgle", s->key_label);
	if (s->reason != NULL)
		ui_fact(h, "Begrundelse", s->reason);
	ui_facts_end(h);
}

static void
shares_table(struct page *p, const struct settlement *s)
{
	struct ui_table	t;
	struct http_req	*r = p->r;
	size_t		i;
	static const struct ui_col cols[] = {
		{ "Kommune", 0 }, { "Fordelingsnøgle", UI_COL_NUM },
		{ "Andel", UI_COL_NUM },
	};

	ui_table_begin(&t, &p->h, "Fordeling på kommuner (positivt beløb: "
	    "kommunen betaler; negativt: kommunen får tilbage)", cols, 3);
	for (i = 0; i < s->nshares; i++) {
		ui_row(&t);
		ui_cell(&t, s->shares[i].org_name);
		ui_cell_int(&t, s->shares[i].weight);
		cell_kr(&t, r, s->shares[i].amount_ore);
	}
	ui_table_end(&t);
}

void
page_settlement_post(struct http_req *r)
{
	struct page		 p;
	struct form		 f;
	struct settlement_input	 in;
	struct settlement	 s;
	struct err		 e;
	const char		*cons[3];

	err_clear(&e);
	memset(&f, 0, sizeof(f));
	form_fields(r, &f, true);
	if (form_input(r, &f, &in, &e) == 0) {
		if (ui_confirmed(r)) {
			if (settlement_create(&r->svc, &in, &s, &e) == 0) {
				http_redirect(r, arena_printf(&r->arena,
				    "%s?besked=oprettet",
				    settlement_href(r, s.id)));
				return;
			}
		} else if (settlement_prepare(&r->svc, &in, &s, &e) == 0) {
			page_begin_crumbs(&p, r, arena_printf(&r->arena,
			    "Efterregulering %d: %s", s.year, s.offer_name),
			    SECTION, crumbs, 2);
			facts(&p, &s);
			shares_table(&p, &s);
			cons[0] = arena_printf(&r->arena, "Efterreguleringen "
			    "gemmes som version %d med fordelingsnøglens "
			    "tal.", s.version);
			cons[1] = "Kommunerne kan se deres andel, og "
			    "driftsherren kan se institutionens opgørelse.";
			cons[2] = "En senere rettelse bliver en ny version med "
			    "en begrundelse; denne version bevares.";
			ui_confirm(&p, &(struct ui_confirm){
			    .heading = "Gem efterreguleringen?",
			    .text = arena_printf(&r->arena, "%s af %s "
			    "fordeles mellem %zu kommuner.",
			    s.difference_ore >= 0 ? "Underskuddet" :
			    "Overskuddet", abs_kr(r, s.difference_ore),
			    s.nshares),
			    .consequences = cons, .nconsequences = 3,
			    .action = NEW_HREF, .button = "Gem efterregulering",
			    .cancel_href = LIST_HREF });
			page_end(&p, 200);
			return;
		}
	}
	if (e.code == ERR_FORBIDDEN) {
		http_send_error(r, &e);
		return;
	}
	page_begin_crumbs(&p, r, "Ny efterregulering", SECTION, crumbs, 2);
	new_form(&p, &f, &e);
	page_end(&p, http_status_of_err(e.code));
}

/* ---- one settlement --------------------------------------------------- */

static void
shares_chart(struct page *p, const struct settlement *s)
{
	struct http_req		*r = p->r;
	struct chart_series	 series;
	const char		**labels;
	int64_t			*values;
	struct err		 e;
	size_t			 i;

	if (s->nshares == 0)
		return;
	labels = arena_calloc(&r->arena, s->nshares, sizeof(*labels));
	values = arena_calloc(&r->arena, s->nshares, sizeof(*values));
	for (i = 0; i < s->nshares; i++) {
		labels[i] = s->shares[i].org_name;
		values[i] = s->shares[i].amount_ore;
	}
	series.name = "Andel";
	series.values = values;
	err_clear(&e);
	chart_html(&p->h, &(struct chart){ .kind = CHART_BARS,
	    .title = "Kommunernes andele",
	    .desc = arena_printf(&r->arena, "%s af %s for %s %d fordelt "
	    "på kommunerne efter %s.", s->difference_ore >= 0 ?
	    "Underskuddet" : "Overskuddet", abs_kr(r, s->difference_ore),
	    s->offer_name, s->year, s->key_label),
	    .label_head = "Kommune", .unit = "kr.", .labels = labels,
	    .nlabels = s->nshares, .series = &series, .nseries = 1,
	    .baseline = 0 }, "andele", &e);
}

void
page_settlement_view(struct http_req *r)
{
	struct page		 p;
	struct html		*h = &p.h;
	struct settlement	 s;
	struct err		 e;
	const char		*flash;
	int64_t			 id, *vers;
	size_t			 nv, i;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    settlement_get(&r->svc, id, &s, &vers, &nv, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin_crumbs(&p, r, arena_printf(&r->arena,
	    "Efterregulering %d: %s", s.year, s.offer_name), SECTION, crumbs,
	    2);
	if ((flash = http_query(r, "besked")) != NULL &&
	    strcmp(flash, "oprettet") == 0)
		ui_alert(h, UI_SUCCESS, NULL, "Efterreguleringen er gemt.");
	if (s.version < s.nversions)
		ui_alert(h, UI_WARNING, NULL, "Dette er ikke den gældende "
		    "version; se den nyeste herunder.");
	facts(&p, &s);
	if (s.nshares == 0)
		ui_alert(h, UI_INFO, NULL, "Jeres kommune har ingen andel i "
		    "denne efterregulering.");
	else {
		shares_table(&p, &s);
		shares_chart(&p, &s);
	}
	HTML_LIT(h, "<p>");
	ui_button_link(h, UI_SECONDARY, arena_printf(&r->arena,
	    "%s/andele.xlsx", settlement_href(r, s.id)), "Hent andele (XLSX)");
	HTML_LIT(h, " ");
	ui_button_link(h, UI_SECONDARY, arena_printf(&r->arena,
	    "%s/efterregulering.pdf", settlement_href(r, s.id)),
	    "Hent efterreguleringen (PDF)");
	if (r->who.role == ROLE_ADMIN && s.version == s.nversions) {
		HTML_LIT(h, " ");
		ui_button_link(h, UI_TERTIARY, arena_printf(&r->arena,
		    NEW_HREF "?tilbud=%lld&aar=%d", (long long)s.offer_id,
		    s.year), "Ret med en ny version");
	}
	HTML_LIT(h, "</p>");
	if (nv > 1) {
		HTML_LIT(h, "<h2>Versioner</h2><ul>");
		for (i = 0; i < nv; i++) {
			HTML_LIT(h, "<li>");
			if (vers[i] == s.id)
				html_text(h, arena_printf(&r->arena,
				    "Version %zu (denne)", i + 1));
			else {
				HTML_LIT(h, "<a");
				html_url(h, "href", settlement_href(r,
				    vers[i]));
				HTML_LIT(h, ">");
				html_text(h, arena_printf(&r->arena,
				    "Version %zu", i + 1));
				HTML_LIT(h, "</a>");
			}
			HTML_LIT(h, "</li>");
		}
		HTML_LIT(h, "</ul>");
	}
	HTML_LIT(h, "<p>Oprettet ");
	html_time(h, s.created_at);
	HTML_LIT(h, ".</p>");
	page_end(&p, 200);
}

/* Send the file at path as an attachment named filename. */
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

void
page_settlement_xlsx(struct http_req *r)
{
	struct settlement	 s;
	struct err		 e;
	char			 path[] = "/tmp/ramme-xlsx-XXXXXX";
	int64_t			 id, *vers;
	size_t			 nv;
	int			 fd;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    settlement_get(&r->svc, id, &s, &vers, &nv, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	if ((fd = mkstemp(path)) < 0) {
		err_set(&e, ERR_IO, "tempfile", NULL, "Kunne ikke danne filen");
		http_send_error(r, &e);
		return;
	}
	close(fd);
	if (settlement_xlsx(&s, path, &e) != 0)
		http_send_error(r, &e);
	else
		send_file(r, path, "application/vnd.openxmlformats-"
		    "officedocument.spreadsheetml.sheet", arena_printf(
		    &r->arena, "efterregulering-%d-%lld.xlsx", s.year,
		    (long long)s.offer_id));
	unlink(path);
}

void
page_settlement_pdf(struct http_req *r)
{
	struct settlement	 s;
	struct err		 e;
	struct buf		 b;
	int64_t			 id, *vers;
	size_t			 nv;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    settlement_get(&r->svc, id, &s, &vers, &nv, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	buf_init(&b);
	if (settlement_pdf(&s, &b, &e) != 0) {
		buf_cleanup(&b);
		http_send_error(r, &e);
		return;
	}
	http_set_header(r, "Content-Disposition", arena_printf(&r->arena,
	    "inline; filename=\"efterregulering-%d-%lld.pdf\"", s.year,
	    (long long)s.offer_id));
	http_send(r, 200, "application/pdf", b.data, b.len);
	buf_cleanup(&b);
}
