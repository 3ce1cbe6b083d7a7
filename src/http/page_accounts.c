/*
 * page_accounts — the Danish pages of the accounts (Regnskab): an
 * operator or the secretariat reports an offer's årsresultat for a year
 * (revenue, costs, tariff base, set-aside up to the ceiling, occupied and
 * available place-days), sees the computed surplus or deficit, what is
 * set aside (or carried) and what enters the tariff two years later, and
 * the operator's set-aside ledger (Hensættelser) with balance, use and
 * expiry. An operator sees and reports only its own offers: the rules
 * live in service/accounts; handlers read the request, call it and write
 * through the escaping HTML writer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/offer.h"
#include "core/org.h"
#include "core/params.h"
#include "core/round.h"
#include "core/role.h"
#include "core/surplus.h"
#include "http/api.h"
#include "http/html.h"
#include "http/http.h"
#include "http/org_names.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/tariff_http.h"
#include "http/ui.h"
#include "service/accounts.h"
#include "service/agreement.h"
#include "service/register.h"
#include "store/offer_store.h"
#include "util/buf.h"
#include "util/text.h"

#define OFFER_SELECT_MAX	1000	/* offers in the form's select */

/* ---- small helpers ---------------------------------------------------- */

/* "1.234,56 kr." with a no-break space before "kr.". */
static void
kr(struct html *h, int64_t ore)
{
	char	*sp;
	char	 tmp[TEXT_KR_SIZE];

	text_format_ore_da(tmp, ore);
	if ((sp = strrchr(tmp, ' ')) != NULL) {
		*sp = '\0';
		html_text(h, tmp);
		HTML_LIT(h, "&nbsp;");
		html_text(h, sp + 1);
	} else
		html_text(h, tmp);
}

static const char *
int_text(struct http_req *r, int64_t v)
{
	return arena_printf(&r->arena, "%lld", (long long)v);
}

/* The current UTC year. */
static int
this_year(struct http_req *r)
{
	return atoi(r->svc.now_iso);
}

/* An integer without thousands separators (years, ids). */
static void
plain(struct html *h, struct http_req *r, int64_t v)
{
	html_text(h, int_text(r, v));
}

/* The tabs of the accounts pages; current indexes tabs[]. */
enum subnav_tab { TAB_RESULTS = 0, TAB_REPORT, TAB_LEDGER };

static void
subnav(struct page *p, enum subnav_tab current)
{
	static const struct ui_tab tabs[] = {
		{ "/regnskab", "Årsresultater" },
		{ "/regnskab/indberet", "Indberet årsresultat" },
		{ "/regnskab/hensaettelser", "Hensættelser" },
		{ "/takstindberetning", "Takstindberetning" },
	};

	ui_tabs(&p->h, "Regnskab", tabs, 4, (int)current);
}

/* "1.234,56 kr." in the request's arena. */
static const char *
kr_text(struct http_req *r, int64_t ore)
{
	char tmp[TEXT_KR_SIZE];

	text_format_ore_da(tmp, ore);
	return arena_strdup(&r->arena, tmp);
}

/* A table cell with an amount. */
static void
cell_kr(struct ui_table *t, int64_t ore)
{
	ui_cell_begin(t);
	kr(t->h, ore);
	ui_cell_end(t);
}

/* "Overskud" / "Underskud" / "Balance" of a result. */
static const char *
result_label(int64_t result_ore)
{
	return result_ore > 0 ? "Overskud" : result_ore < 0 ? "Underskud" :
	    "Balance";
}

/* ---- the report form -------------------------------------------------- */

/* The form's fields: form name, service field, label, hint. */
static const struct field {
	const char	*name;
	const char	*svc_field;
	const char	*label;
	const char	*hint;
	bool		 money;
	bool		 required;
} fields[] = {
	{ "tariff_base", "tariff_base_ore", "Takstberegningsgrundlag",
	  "Årets takstberegningsgrundlag (ved overførselsreglen: det "
	  "omkostningsbaserede budget)", true, true },
	{ "revenue", "revenue_ore", "Takstindtægter",
	  "Faktiske takstindtægter i regnskabsåret", true, true },
	{ "costs", "costs_ore", "Omkostninger",
	  "Det omkostningsbaserede regnskab", true, true },
	{ "setaside", "setaside_ore", "Hensættelse",
	  "Tomt: det størst tilladte (loftet). 0: intet hensættes, hele "
	  "overskuddet indgår i taksten", true, false },
	{ "deficit_covered", "deficit_covered_ore",
	  "Underskud dækket af tidligere hensættelser",
	  "Kun ved underskud", true, false },
	{ "occupied_days", "occupied_days", "Belagte pladsdøgn",
	  "Udfyld begge eller ingen af pladsdøgnene", false, false },
	{ "available_days", "available_days", "Disponible pladsdøgn",
	  NULL, false, false },
};

/* What the form holds: the entered texts, kept as typed on errors. */
struct form {
	int64_t		 offer_id;
	const char	*year;
	const char	*values[sizeof(fields) / sizeof(fields[0])];
};

/*
 * The message of e bound to its form field: the service names some
 * fields by their API names ("revenue_ore"), the form by its own.
 */
static void
form_errors(struct http_req *r, const struct err *e, struct ui_errors *errs)
{
	struct err	 c;
	size_t		 i;

	ui_errors_init(errs);
	if (e == NULL || e->code == 0)
		return;
	c = *e;
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (strcmp(c.field, fields[i].svc_field) == 0)
			snprintf(c.field, sizeof(c.field), "%s",
			    fields[i].name);
	ui_errors_add_err(errs, r, &c);
}

/*
 * The offers the user may report for: an operator its own, the
 * secretariat every offer (a select of at most OFFER_SELECT_MAX, else a
 * number field).
 */
static void
offer_field(struct page *p, int64_t selected, const struct ui_errors *errs)
{
	struct html		*h = &p->h;
	struct http_req		*r = p->r;
	struct offer_filter	 f;
	struct offer		*v;
	struct err		 le;
	int64_t			 total = 0;
	size_t			 n = 0, i;
	const char		*sel = selected ? int_text(r, selected) : NULL;

	memset(&f, 0, sizeof(f));
	f.covered = -1;
	f.sort = "name";
	f.limit = OFFER_SELECT_MAX;
	if (r->who.role == ROLE_OPERATOR)
		f.operator_code = r->who.org_code != NULL ? r->who.org_code :
		    "";
	err_clear(&le);
	if (register_offer_list(&r->svc, &f, &v, &n, &total, &le) != 0 ||
	    total > OFFER_SELECT_MAX) {
		ui_field(h, &(struct ui_field){ .name = "offer_id",
		    .label = "Tilbudsnummer", .value = sel,
		    .inputmode = "numeric", .width = "s", .required = true },
		    errs);
		return;
	}
	ui_select_begin(h, &(struct ui_select){ .name = "offer_id",
	    .label = "Tilbud", .selected = sel, .first = "Vælg tilbud",
	    .required = true }, errs);
	for (i = 0; i < n; i++)
		if (v[i].operator_code != NULL)
			ui_option(h, int_text(r, v[i].id), v[i].name, sel);
	ui_select_end(h);
}

/* The ceiling rule of a year as a sentence, or nothing. */
static void
rule_note(struct page *p, int year)
{
	struct agreement_params	 ap;
	struct err		 e;
	struct html		*h = &p->h;
	struct http_req		*r = p->r;

	err_clear(&e);
	if (year < PARAMS_YEAR_MIN || year > PARAMS_YEAR_MAX ||
	    agreement_params_get(&p->r->svc, year, &ap, &e) != 0)
		return;
	HTML_LIT(h, "<p>");
	if (ap.surplus_rule == SURPLUS_RULE_SETASIDE) {
		HTML_LIT(h, "Regel for ");
		plain(h, r, year);
		HTML_LIT(h, ": et overskud op til ");
		html_centi(h, ap.setaside_ceiling_bp);
		HTML_LIT(h, " % af takstberegningsgrundlaget kan hensættes og "
		    "skal bruges inden for ");
		plain(h, r, ap.setaside_years);
		HTML_LIT(h, " år; resten, og et underskud, indgår i taksten ");
		plain(h, r, ap.carry_lag_years);
		HTML_LIT(h, " år senere (");
		plain(h, r, year + ap.carry_lag_years);
		HTML_LIT(h, ").</p>");
	} else {
		HTML_LIT(h, "Regel for ");
		plain(h, r, year);
		HTML_LIT(h, ": et over- eller underskud op til ± ");
		html_centi(h, ap.carryover_ceiling_bp);
		HTML_LIT(h, " % af omkostningsbudgettet overføres til næste års "
		    "ramme; resten indgår i taksten ");
		plain(h, r, ap.carry_lag_years);
		HTML_LIT(h, " år senere (");
		plain(h, r, year + ap.carry_lag_years);
		HTML_LIT(h, ").</p>");
	}
}

static void
report_form(struct page *p, const struct form *fm, const struct err *e)
{
	struct html		*h = &p->h;
	struct ui_errors	 errs;
	size_t			 i;
	int64_t			 y;

	form_errors(p->r, e, &errs);
	ui_error_summary(h, &errs);
	if (fm->year != NULL && text_parse_i64(fm->year, &y) == 0)
		rule_note(p, (int)y);
	HTML_LIT(h, "<form class=\"ramme-form\" method=\"post\" "
	    "action=\"/regnskab/indberet\" novalidate>");
	page_csrf(p);
	offer_field(p, fm->offer_id, &errs);
	ui_field(h, &(struct ui_field){ .name = "year", .label = "Regnskabsår",
	    .value = fm->year, .inputmode = "numeric", .maxlength = 4,
	    .width = "xs", .required = true }, &errs);
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		ui_field(h, &(struct ui_field){ .name = fields[i].name,
		    .label = fields[i].label, .hint = fields[i].hint,
		    .value = fm->values[i], .type = fields[i].money ?
		    UI_NUMBER : UI_TEXT, .inputmode = fields[i].money ?
		    "decimal" : "numeric", .suffix = fields[i].money ? "kr." :
		    "pladsdøgn", .width = "m", .required = fields[i].required },
		    &errs);
	HTML_LIT(h, "<p>Beløb i kroner, fx 8.418.000 eller 2.283,50. "
	    "Indberetter du samme tilbud og år igen, erstattes den tidligere "
	    "indberetning (historikken bevares).</p><div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Beregn og gem", NULL, NULL);
	ui_button_link(h, UI_TERTIARY, "/regnskab", "Annuller");
	HTML_LIT(h, "</div></form>");
}

/* The form pre-filled from stored accounts. */
static void
form_from_row(struct http_req *r, const struct accounts_row *a,
    struct form *fm)
{
	memset(fm, 0, sizeof(*fm));
	fm->offer_id = a->offer_id;
	fm->year = int_text(r, a->year);
	fm->values[0] = tariff_http_kr_value(r, a->tariff_base_ore);
	fm->values[1] = tariff_http_kr_value(r, a->revenue_ore);
	fm->values[2] = tariff_http_kr_value(r, a->costs_ore);
	fm->values[3] = tariff_http_kr_value(r, a->setaside_ore);
	fm->values[4] = a->deficit_covered_ore ? tariff_http_kr_value(r,
	    a->deficit_covered_ore) : NULL;
	fm->values[5] = a->occupied_days >= 0 ? int_text(r, a->occupied_days) :
	    NULL;
	fm->values[6] = a->available_days > 0 ? int_text(r, a->available_days) :
	    NULL;
}

/*
 * Check that the user may report for offer_id (an operator: only its own
 * offers). 0, or the error (ERR_NOT_FOUND, ERR_FORBIDDEN) in e.
 */
static int
may_report(struct http_req *r, int64_t offer_id, struct err *e)
{
	struct offer o;

	if (register_offer_get(&r->svc, offer_id, &o, e) != 0)
		return e->code;
	if (!role_may_edit_offer(&r->who, o.operator_code))
		return err_set(e, ERR_FORBIDDEN, "forbidden", NULL, "Du kan "
		    "kun se og indberette regnskab for tilbud, som din egen "
		    "organisation er driftsherre for");
	return 0;
}

/* ?tilbud= and ?aar= of a page; 0 when absent; -1 and e when invalid. */
static int
query_offer_year(struct http_req *r, int64_t *offer, int64_t *year,
    struct err *e)
{
	const char *s;

	*offer = 0;
	*year = 0;
	if ((s = http_query_text(r, "tilbud")) != NULL &&
	    (text_parse_i64(s, offer) != 0 || *offer <= 0))
		return err_set(e, ERR_INVALID, "invalid_offer", "tilbud",
		    "Tilbud skal være et tilbudsnummer");
	if ((s = http_query_text(r, "aar")) != NULL &&
	    (text_parse_i64(s, year) != 0 || *year < PARAMS_YEAR_MIN ||
	    *year > PARAMS_YEAR_MAX))
		return err_set(e, ERR_INVALID, "invalid_year", "aar",
		    "År skal være et årstal mellem %d og %d", PARAMS_YEAR_MIN,
		    PARAMS_YEAR_MAX);
	return 0;
}

void
page_accounts_form(struct http_req *r)
{
	static const char *const allowed[] = { "tilbud", "aar", NULL };
	struct page		 p;
	struct form		 fm;
	struct accounts_row	*v;
	struct err		 e;
	int64_t			 offer, year;
	size_t			 n;

	err_clear(&e);
	if (http_query_check(r, allowed, &e) != 0 ||
	    query_offer_year(r, &offer, &year, &e) != 0 ||
	    (offer != 0 && may_report(r, offer, &e) != 0)) {
		http_send_error(r, &e);
		return;
	}
	memset(&fm, 0, sizeof(fm));
	fm.offer_id = offer;
	fm.year = int_text(r, year ? year : this_year(r) - 1);
	/* Reporting again: the stored figures as the starting point. */
	if (offer != 0 && year != 0 &&
	    accounts_list(&r->svc, offer, (int)year, &v, &n, &e) == 0 &&
	    n == 1)
		form_from_row(r, &v[0], &fm);
	page_begin(&p, r, "Indberet årsresultat", "regnskab");
	subnav(&p, TAB_REPORT);
	HTML_LIT(&p.h, "<p>Indberet tilbuddets regnskab for et år. Resultatet "
	    "(overskud eller underskud), hensættelsen og det beløb, der "
	    "indgår i taksten to år senere, beregnes efter årets "
	    "aftaleparametre.</p>");
	report_form(&p, &fm, NULL);
	page_end(&p, 200);
}

/* Read the form into *in; keeps the typed texts in *fm. */
static int
form_read(struct http_req *r, struct form *fm, struct accounts_input *in,
    struct err *e)
{
	const char	*s;
	int64_t		 v, year;
	size_t		 i;
	int		 rc;

	memset(in, 0, sizeof(*in));
	in->occupied_days = -1;
	in->available_days = -1;
	if ((rc = http_form_error(r, e)) != 0)
		return rc;
	fm->year = http_form_text(r, "year");
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		fm->values[i] = http_form_text(r, fields[i].name);
	if ((s = http_form_text(r, "offer_id")) == NULL ||
	    text_parse_i64(s, &fm->offer_id) != 0 || fm->offer_id <= 0) {
		fm->offer_id = 0;
		return err_set(e, ERR_INVALID, "invalid_offer", "offer_id",
		    "Vælg et tilbud");
	}
	in->offer_id = fm->offer_id;
	if (fm->year == NULL || text_parse_i64(fm->year, &year) != 0 ||
	    year < PARAMS_YEAR_MIN || year > PARAMS_YEAR_MAX)
		return err_set(e, ERR_INVALID, "invalid_year", "year",
		    "Regnskabsåret skal være et årstal mellem %d og %d",
		    PARAMS_YEAR_MIN, PARAMS_YEAR_MAX);
	in->year = (int)year;
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		const struct field *f = &fields[i];

		s = fm->values[i];
		if (s == NULL) {
			if (f->required)
				return err_set(e, ERR_INVALID, "missing_field",
				    f->name, "Udfyld feltet »%s«", f->label);
			continue;
		}
		if (f->money) {
			if (text_parse_kr(s, &v) != 0)
				return err_set(e, ERR_INVALID,
				    "invalid_amount", f->name, "%s: angiv et "
				    "beløb i kroner (fx 8.418.000 eller "
				    "2.283,50)", f->label);
		} else if (text_parse_i64(s, &v) != 0 || v < 0 ||
		    v > 200000000)
			return err_set(e, ERR_INVALID, "invalid_days", f->name,
			    "%s skal være et helt antal pladsdøgn", f->label);
		if (strcmp(f->name, "tariff_base") == 0)
			in->tariff_base_ore = v;
		else if (strcmp(f->name, "revenue") == 0)
			in->revenue_ore = v;
		else if (strcmp(f->name, "costs") == 0)
			in->costs_ore = v;
		else if (strcmp(f->name, "setaside") == 0) {
			in->setaside_given = true;
			in->setaside_ore = v;
		} else if (strcmp(f->name, "deficit_covered") == 0)
			in->deficit_covered_ore = v;
		else if (strcmp(f->name, "occupied_days") == 0)
			in->occupied_days = v;
		else
			in->available_days = v;
	}
	return 0;
}

void
page_accounts_post(struct http_req *r)
{
	struct page		p;
	struct form		fm;
	struct accounts_input	in;
	struct accounts_row	out;
	struct err		e;

	err_clear(&e);
	memset(&fm, 0, sizeof(fm));
	if (form_read(r, &fm, &in, &e) == 0 &&
	    accounts_report(&r->svc, &in, &out, &e) == 0) {
		http_redirect(r, arena_printf(&r->arena,
		    "/regnskab/%lld/%d?besked=gemt", (long long)out.offer_id,
		    out.year));
		return;
	}
	if (e.code == ERR_FORBIDDEN) {
		http_send_error(r, &e);
		return;
	}
	if (e.code == ERR_NOT_FOUND)
		snprintf(e.field, sizeof(e.field), "offer_id");
	page_begin(&p, r, "Indberet årsresultat", "regnskab");
	subnav(&p, TAB_REPORT);
	report_form(&p, &fm, &e);
	page_end(&p, e.code == ERR_NOT_FOUND ? 400 :
	    http_status_of_err(e.code));
}

/* ---- one result ------------------------------------------------------- */

void
page_accounts_view(struct http_req *r)
{
	struct page		 p;
	struct html		*h = &p.h;
	struct accounts_row	*v, *a;
	struct org_names	 orgs;
	struct err		 e;
	const char		*flash;
	int64_t			 offer, year;
	size_t			 n;
	bool			 setaside;

	err_clear(&e);
	if (api_param_id(r, 0, &offer, &e) != 0 ||
	    api_param_id(r, 1, &year, &e) != 0 || year < PARAMS_YEAR_MIN ||
	    year > PARAMS_YEAR_MAX) {
		err_set(&e, ERR_NOT_FOUND, "not_found", NULL, "Regnskabet "
		    "findes ikke");
		http_send_error(r, &e);
		return;
	}
	if (may_report(r, offer, &e) != 0 ||
	    accounts_list(&r->svc, offer, (int)year, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	if (n == 0) {
		err_set(&e, ERR_NOT_FOUND, "not_found", NULL, "Der er ikke "
		    "indberettet regnskab for tilbuddet i %lld",
		    (long long)year);
		http_send_error(r, &e);
		return;
	}
	a = &v[0];
	setaside = strcmp(a->rule, "setaside") == 0;
	org_names_load(r, &orgs);
	page_begin_crumbs(&p, r, arena_printf(&r->arena, "Årsresultat %d: %s",
	    a->year, a->offer_name), "regnskab", (const struct page_crumb[]){
	    { "/regnskab", "Regnskab" } }, 1);
	subnav(&p, TAB_RESULTS);
	if ((flash = http_query(r, "besked")) != NULL &&
	    strcmp(flash, "gemt") == 0)
		ui_alert(h, UI_SUCCESS, NULL, "Årsresultatet er gemt og "
		    "beregnet.");
	ui_facts_begin(h);
	ui_fact_begin(h, "Tilbud");
	HTML_LIT(h, "<a");
	html_url(h, "href", arena_printf(&r->arena, "/tilbud/%lld",
	    (long long)a->offer_id));
	HTML_LIT(h, ">");
	html_text(h, a->offer_name);
	HTML_LIT(h, "</a>");
	ui_fact_end(h);
	ui_fact(h, "Driftsherre", org_names_name(&orgs, a->operator_code));
	ui_fact(h, "Regnskabsår", int_text(r, a->year));
	ui_fact(h, "Takstberegningsgrundlag", kr_text(r, a->tariff_base_ore));
	ui_fact(h, "Takstindtægter", kr_text(r, a->revenue_ore));
	ui_fact(h, "Omkostninger", kr_text(r, a->costs_ore));
	ui_fact_begin(h, "Resultat");
	ui_badge(h, a->result_ore < 0 ? UI_WARNING : a->result_ore > 0 ?
	    UI_SUCCESS : UI_NEUTRAL, result_label(a->result_ore));
	HTML_LIT(h, " <strong id=\"resultat\">");
	html_text(h, result_label(a->result_ore));
	HTML_LIT(h, ": ");
	kr(h, a->result_ore < 0 ? -a->result_ore : a->result_ore);
	HTML_LIT(h, "</strong>");
	ui_fact_end(h);
	ui_fact_begin(h, setaside ? "Henlagt til opsparing (hensættelse)" :
	    "Overført til næste års ramme");
	HTML_LIT(h, "<span id=\"hensaettelse\">");
	kr(h, a->setaside_ore);
	if (a->setaside_expires_year) {
		if (setaside)
			HTML_LIT(h, " – kan bruges til og med ");
		else
			HTML_LIT(h, " – til rammen for ");
		plain(h, r, a->setaside_expires_year);
	}
	HTML_LIT(h, "</span>");
	ui_fact_end(h);
	if (a->deficit_covered_ore)
		ui_fact(h, "Dækket af tidligere hensættelser",
		    kr_text(r, a->deficit_covered_ore));
	ui_fact_begin(h, arena_printf(&r->arena, "Indgår i taksten for %d",
	    a->tariff_year));
	HTML_LIT(h, "<span id=\"til-takst\">");
	kr(h, a->to_tariff_ore);
	if (a->to_tariff_ore < 0)
		HTML_LIT(h, " (nedsætter takstgrundlaget)");
	else if (a->to_tariff_ore > 0)
		HTML_LIT(h, " (forhøjer takstgrundlaget)");
	HTML_LIT(h, "</span>");
	ui_fact_end(h);
	if (a->available_days > 0) {
		ui_fact_begin(h, "Belægning");
		html_int(h, a->occupied_days);
		HTML_LIT(h, " af ");
		html_int(h, a->available_days);
		HTML_LIT(h, " pladsdøgn (");
		html_centi(h, round_days_bp(a->occupied_days,
		    a->available_days));
		HTML_LIT(h, " %)");
		ui_fact_end(h);
	}
	ui_fact_begin(h, "Indberettet");
	html_time(h, a->reported_at);
	HTML_LIT(h, " af ");
	html_text(h, a->reported_by);
	HTML_LIT(h, " (version ");
	plain(h, r, a->version);
	HTML_LIT(h, ")");
	ui_fact_end(h);
	ui_facts_end(h);
	rule_note(&p, a->year);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button_link(h, UI_PRIMARY, arena_printf(&r->arena,
	    "/regnskab/indberet?tilbud=%lld&aar=%d", (long long)a->offer_id,
	    a->year), "Ret indberetningen");
	ui_button_link(h, UI_SECONDARY, arena_printf(&r->arena,
	    "/regnskab/hensaettelser?driftsherre=%s&aar=%d",
	    http_urlencode(&r->arena, a->operator_code), a->year),
	    "Driftsherrens hensættelser");
	HTML_LIT(h, "</div>");
	page_end(&p, 200);
}

/* ---- the list --------------------------------------------------------- */

/* The distinct years and offers of v[0..n), for the filters. */
static void
list_filters(struct page *p, const struct accounts_row *v, size_t n,
    const char *offer_sel, const char *year_sel)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	size_t		 i, j;

	HTML_LIT(h, "<form class=\"filters\" method=\"get\" "
	    "action=\"/regnskab\" role=\"search\" aria-label=\"Find "
	    "årsresultater\">");
	ui_select_begin(h, &(struct ui_select){ .name = "aar",
	    .label = "Regnskabsår", .first = "Alle", .selected = year_sel },
	    NULL);
	for (i = 0; i < n; i++) {
		for (j = 0; j < i; j++)
			if (v[j].year == v[i].year)
				break;
		if (j == i)
			ui_option(h, int_text(r, v[i].year), int_text(r,
			    v[i].year), year_sel);
	}
	ui_select_end(h);
	ui_select_begin(h, &(struct ui_select){ .name = "tilbud",
	    .label = "Tilbud", .first = "Alle", .selected = offer_sel }, NULL);
	for (i = 0; i < n; i++) {
		for (j = 0; j < i; j++)
			if (v[j].offer_id == v[i].offer_id)
				break;
		if (j == i)
			ui_option(h, int_text(r, v[i].offer_id),
			    v[i].offer_name, offer_sel);
	}
	ui_select_end(h);
	ui_button(h, UI_SECONDARY, "Vis", NULL, NULL);
	HTML_LIT(h, "</form>");
}

void
page_accounts(struct http_req *r)
{
	static const char *const allowed[] = { "tilbud", "aar", NULL };
	static const struct ui_col cols[] = {
		{ "Tilbud", 0 }, { "Driftsherre", 0 }, { "Regnskabsår", 0 },
		{ "Resultat", 0 }, { "Beløb", UI_COL_NUM },
		{ "Hensat / overført", UI_COL_NUM },
		{ "Til taksten", UI_COL_NUM }, { "Takstår", 0 },
	};
	struct page		 p;
	struct html		*h = &p.h;
	struct accounts_row	*v = NULL;
	struct org_names	 orgs;
	struct ui_table		 t;
	struct err		 e;
	int64_t			 offer = 0, year = 0;
	size_t			 n = 0, i, shown = 0;
	int			 rc;

	err_clear(&e);
	rc = http_query_check(r, allowed, &e);
	if (rc == 0)
		rc = query_offer_year(r, &offer, &year, &e);
	if (rc == 0)
		rc = accounts_list(&r->svc, 0, 0, &v, &n, &e);
	if (rc != 0 && e.code != ERR_INVALID) {
		http_send_error(r, &e);
		return;
	}
	org_names_load(r, &orgs);
	page_begin(&p, r, "Regnskab og årsresultater", "regnskab");
	subnav(&p, TAB_RESULTS);
	HTML_LIT(h, "<p>Indberettede årsresultater");
	if (r->who.role == ROLE_OPERATOR)
		HTML_LIT(h, " for din organisations tilbud");
	HTML_LIT(h, ": resultat, hensættelse og det beløb, der indgår i "
	    "taksten to år senere.</p>");
	list_filters(&p, v, n, http_query(r, "tilbud"), http_query(r, "aar"));
	if (rc != 0)
		ui_alert(h, UI_ERROR, NULL, e.msg);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button_link(h, UI_PRIMARY, "/regnskab/indberet",
	    "Indberet årsresultat");
	HTML_LIT(h, "</div>");
	ui_table_begin(&t, h, NULL, cols, 8);
	for (i = 0; i < n; i++) {
		if ((offer != 0 && v[i].offer_id != offer) ||
		    (year != 0 && v[i].year != year))
			continue;
		shown++;
		ui_row(&t);
		ui_cell_link(&t, arena_printf(&r->arena, "/regnskab/%lld/%d",
		    (long long)v[i].offer_id, v[i].year), v[i].offer_name);
		ui_cell(&t, org_names_name(&orgs, v[i].operator_code));
		ui_cell(&t, int_text(r, v[i].year));
		ui_cell_begin(&t);
		ui_badge(h, v[i].result_ore < 0 ? UI_WARNING :
		    v[i].result_ore > 0 ? UI_SUCCESS : UI_NEUTRAL,
		    result_label(v[i].result_ore));
		ui_cell_end(&t);
		cell_kr(&t, v[i].result_ore < 0 ? -v[i].result_ore :
		    v[i].result_ore);
		cell_kr(&t, v[i].setaside_ore);
		cell_kr(&t, v[i].to_tariff_ore);
		ui_cell(&t, int_text(r, v[i].tariff_year));
	}
	ui_table_end(&t);
	if (shown == 0)
		HTML_LIT(h, "<p>Ingen indberettede årsresultater.</p>");
	page_end(&p, rc == 0 ? 200 : 400);
}

/* ---- the set-aside ledger --------------------------------------------- */

static const char *
entry_kind_label(const char *kind)
{
	return strcmp(kind, "create") == 0 ? "Hensat" :
	    strcmp(kind, "use") == 0 ? "Brugt" :
	    strcmp(kind, "expire") == 0 ? "Udløbet" : kind;
}

/* The name of offer id among v[0..n), or its number. */
static const char *
offer_label(struct http_req *r, const struct offer *v, size_t n, int64_t id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].id == id)
			return v[i].name;
	return arena_printf(&r->arena, "Tilbud %lld", (long long)id);
}

/* The balance, the lots by year and the entries of ledger l. */
static void
ledger_tables(struct page *p, const struct accounts_ledger *l,
    const struct org_names *orgs)
{
	static const struct ui_col lot_cols[] = {
		{ "Regnskabsår", 0 }, { "Udløber (sidste år)", 0 },
		{ "Hensat", UI_COL_NUM }, { "Brugt", UI_COL_NUM },
		{ "Udløbet", UI_COL_NUM }, { "Saldo", UI_COL_NUM },
	};
	static const struct ui_col entry_cols[] = {
		{ "Tilbud", 0 }, { "År", 0 }, { "Art", 0 },
		{ "Beløb", UI_COL_NUM }, { "Fra regnskab", 0 },
	};
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	struct offer_filter	 f;
	struct offer		*offers = NULL;
	struct ui_table		 t;
	struct err		 e;
	int64_t			 total;
	size_t			 i, noffers = 0;

	memset(&f, 0, sizeof(f));
	f.operator_code = l->operator_code;
	f.covered = -1;
	f.limit = 1000;
	err_clear(&e);
	if (register_offer_list(&r->svc, &f, &offers, &noffers, &total,
	    &e) != 0)
		noffers = 0;
	HTML_LIT(h, "<h2>Saldo pr. ");
	plain(h, r, l->as_of_year);
	HTML_LIT(h, "</h2>");
	ui_facts_begin(h);
	ui_fact(h, "Driftsherre", org_names_name(orgs, l->operator_code));
	ui_fact(h, "Hensat i alt", kr_text(r, l->sum.deposited_ore));
	ui_fact(h, "Brugt", kr_text(r, l->sum.used_ore));
	ui_fact(h, "Udløbet", kr_text(r, l->sum.expired_ore));
	ui_fact_begin(h, "Saldo");
	HTML_LIT(h, "<strong id=\"balance\">");
	kr(h, l->sum.balance_ore);
	HTML_LIT(h, "</strong>");
	ui_fact_end(h);
	if (l->sum.next_expiry_year)
		ui_fact(h, "Næste udløb", arena_printf(&r->arena, "%s skal "
		    "bruges senest i %d", kr_text(r, l->sum.next_expiry_ore),
		    l->sum.next_expiry_year));
	ui_facts_end(h);
	HTML_LIT(h, "<h2>Hensættelser pr. år</h2>");
	if (l->nlots == 0)
		HTML_LIT(h, "<p>Ingen hensættelser.</p>");
	else {
		ui_table_begin(&t, h, NULL, lot_cols, 6);
		for (i = 0; i < l->nlots; i++) {
			ui_row(&t);
			ui_cell(&t, int_text(r, l->lots[i].origin_year));
			ui_cell(&t, int_text(r, l->lots[i].expires_year));
			cell_kr(&t, l->lots[i].deposited_ore);
			cell_kr(&t, l->lots[i].used_ore);
			cell_kr(&t, l->lots[i].expired_ore);
			cell_kr(&t, l->lots[i].balance_ore);
		}
		ui_table_end(&t);
	}
	HTML_LIT(h, "<h2>Posteringer</h2>");
	if (l->nentries == 0) {
		HTML_LIT(h, "<p>Ingen posteringer.</p>");
		return;
	}
	ui_table_begin(&t, h, NULL, entry_cols, 5);
	for (i = 0; i < l->nentries; i++) {
		ui_row(&t);
		ui_cell_link(&t, arena_printf(&r->arena, "/regnskab/%lld/%d",
		    (long long)l->entries[i].offer_id,
		    l->entries[i].accounts_year), offer_label(r, offers,
		    noffers, l->entries[i].offer_id));
		ui_cell(&t, int_text(r, l->entries[i].year));
		ui_cell(&t, entry_kind_label(l->entries[i].kind));
		cell_kr(&t, l->entries[i].amount_ore);
		ui_cell(&t, int_text(r, l->entries[i].accounts_year));
	}
	ui_table_end(&t);
}

void
page_accounts_ledger(struct http_req *r)
{
	static const char *const allowed[] = { "driftsherre", "aar", NULL };
	struct page		 p;
	struct html		*h = &p.h;
	struct accounts_ledger	 l;
	struct org_names	 orgs;
	struct err		 e;
	const char		*op, *s;
	int64_t			 year;
	int			 k, rc;

	err_clear(&e);
	year = this_year(r);
	if (http_query_check(r, allowed, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	op = http_query_text(r, "driftsherre");
	if (op == NULL && r->who.role == ROLE_OPERATOR)
		op = r->who.org_code;
	if ((s = http_query_text(r, "aar")) != NULL &&
	    (text_parse_i64(s, &year) != 0 || year < PARAMS_YEAR_MIN ||
	    year > PARAMS_YEAR_MAX)) {
		err_set(&e, ERR_INVALID, "invalid_year", "aar", "År skal være "
		    "et årstal mellem %d og %d", PARAMS_YEAR_MIN,
		    PARAMS_YEAR_MAX);
		http_send_error(r, &e);
		return;
	}
	memset(&l, 0, sizeof(l));
	rc = op != NULL ? accounts_ledger(&r->svc, op, (int)year, &l, &e) : 0;
	if (rc != 0 && e.code != ERR_INVALID) {
		http_send_error(r, &e);
		return;
	}
	org_names_load(r, &orgs);
	page_begin(&p, r, "Hensættelser", "regnskab");
	subnav(&p, TAB_LEDGER);
	HTML_LIT(h, "<p>Driftsherrens hensatte overskud (opsparing): hvad der "
	    "er hensat, brugt og udløbet, saldoen og hvornår den udløber.</p>"
	    "<form class=\"filters\" method=\"get\" "
	    "action=\"/regnskab/hensaettelser\" role=\"search\" "
	    "aria-label=\"Vælg driftsherre og år\">");
	if (r->who.role == ROLE_ADMIN) {
		ui_select_begin(h, &(struct ui_select){ .name = "driftsherre",
		    .label = "Driftsherre", .first = "Vælg driftsherre",
		    .selected = op }, NULL);
		for (k = 0; k < orgs.n; k++)
			ui_option(h, orgs.v[k].code, orgs.v[k].name, op);
		ui_select_end(h);
	}
	ui_field(h, &(struct ui_field){ .name = "aar", .label = "Pr. år",
	    .value = int_text(r, year), .inputmode = "numeric",
	    .maxlength = 4, .width = "xs" }, NULL);
	ui_button(h, UI_SECONDARY, "Vis", NULL, NULL);
	HTML_LIT(h, "</form>");
	if (rc != 0)
		ui_alert(h, UI_ERROR, NULL, e.msg);
	if (op == NULL)
		HTML_LIT(h, "<p>Vælg en driftsherre.</p>");
	if (op != NULL && rc == 0)
		ledger_tables(&p, &l, &orgs);
	page_end(&p, rc == 0 ? 200 : 400);
}
