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
#include "core/role.h"
#include "core/surplus.h"
#include "http/api.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/tariff_http.h"
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

/* Sub-navigation of the accounts pages. */
static void
subnav(struct page *p, const char *current)
{
	static const struct {
		const char *key, *href, *label;
	} items[] = {
		{ "regnskab", "/regnskab", "Årsresultater" },
		{ "indberet", "/regnskab/indberet", "Indberet årsresultat" },
		{ "hensaettelser", "/regnskab/hensaettelser", "Hensættelser" },
		{ "takster", "/takstindberetning", "Takstindberetning" },
	};
	struct html	*h = &p->h;
	size_t		 i;

	HTML_LIT(h, "<nav class=\"actions\" aria-label=\"Regnskab\">");
	for (i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		HTML_LIT(h, "<a class=\"button secondary\"");
		html_url(h, "href", items[i].href);
		if (strcmp(items[i].key, current) == 0)
			HTML_LIT(h, " aria-current=\"page\"");
		HTML_LIT(h, ">");
		html_text(h, items[i].label);
		HTML_LIT(h, "</a>");
	}
	HTML_LIT(h, "</nav>");
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
	{ "tariff_base", "tariff_base_ore", "Takstberegningsgrundlag (kr.)",
	  "Årets takstberegningsgrundlag (ved overførselsreglen: det "
	  "omkostningsbaserede budget)", true, true },
	{ "revenue", "revenue_ore", "Takstindtægter (kr.)",
	  "Faktiske takstindtægter i regnskabsåret", true, true },
	{ "costs", "costs_ore", "Omkostninger (kr.)",
	  "Det omkostningsbaserede regnskab", true, true },
	{ "setaside", "setaside_ore", "Hensættelse (kr.)",
	  "Tomt: det størst tilladte (loftet). 0: intet hensættes, hele "
	  "overskuddet indgår i taksten", true, false },
	{ "deficit_covered", "deficit_covered_ore",
	  "Underskud dækket af tidligere hensættelser (kr.)",
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

/* True if the error e belongs to the form field f. */
static bool
error_of(const struct err *e, const char *name, const char *svc_field)
{
	return e != NULL && e->field[0] != '\0' &&
	    (strcmp(e->field, name) == 0 || strcmp(e->field, svc_field) == 0);
}

/* The error text next to a field, and the field's ARIA attributes. */
static void
input_field(struct page *p, const char *label, const char *name,
    const char *value, const char *mode, const char *hint, bool required,
    const struct err *e, const char *svc_field)
{
	struct html	*h = &p->h;
	struct http_req	*r = p->r;
	bool		 bad = error_of(e, name, svc_field);

	HTML_LIT(h, "<label>");
	html_text(h, label);
	HTML_LIT(h, "<input");
	html_attr(h, "name", name);
	html_attr(h, "id", arena_printf(&r->arena, "f-%s", name));
	html_attr(h, "inputmode", mode);
	html_attr(h, "value", value);
	if (required)
		HTML_LIT(h, " required");
	if (bad) {
		HTML_LIT(h, " aria-invalid=\"true\"");
		html_attr(h, "aria-describedby", arena_printf(&r->arena,
		    "fejl-%s", name));
	}
	HTML_LIT(h, ">");
	if (bad) {
		HTML_LIT(h, "<span class=\"field-error\"");
		html_attr(h, "id", arena_printf(&r->arena, "fejl-%s", name));
		HTML_LIT(h, ">");
		html_text(h, e->msg);
		HTML_LIT(h, "</span>");
	}
	if (hint != NULL) {
		HTML_LIT(h, "<span class=\"muted\">");
		html_text(h, hint);
		HTML_LIT(h, "</span>");
	}
	HTML_LIT(h, "</label>");
}

/*
 * The offers the user may report for: an operator its own, the
 * secretariat every offer (a select of at most OFFER_SELECT_MAX, else a
 * number field).
 */
static void
offer_field(struct page *p, int64_t selected, const struct err *e)
{
	struct html		*h = &p->h;
	struct http_req		*r = p->r;
	struct offer_filter	 f;
	struct offer		*v;
	struct err		 le;
	int64_t			 total = 0;
	size_t			 n = 0, i;
	bool			 bad = error_of(e, "offer_id", "offer_id");

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
		input_field(p, "Tilbudsnummer", "offer_id", selected ?
		    int_text(r, selected) : NULL, "numeric", NULL, true, e,
		    "offer_id");
		return;
	}
	HTML_LIT(h, "<label>Tilbud<select name=\"offer_id\" id=\"f-offer_id\""
	    " required");
	if (bad)
		HTML_LIT(h, " aria-invalid=\"true\" aria-describedby=\""
		    "fejl-offer_id\"");
	HTML_LIT(h, "><option value=\"\">Vælg tilbud</option>");
	for (i = 0; i < n; i++) {
		if (v[i].operator_code == NULL)
			continue;
		HTML_LIT(h, "<option");
		html_attr(h, "value", int_text(r, v[i].id));
		if (v[i].id == selected)
			HTML_LIT(h, " selected");
		HTML_LIT(h, ">");
		html_text(h, v[i].name);
		HTML_LIT(h, " (");
		html_text(h, int_text(r, v[i].id));
		HTML_LIT(h, ")</option>");
	}
	HTML_LIT(h, "</select>");
	if (bad) {
		HTML_LIT(h, "<span class=\"field-error\" id=\"fejl-offer_id\">");
		html_text(h, e->msg);
		HTML_LIT(h, "</span>");
	}
	HTML_LIT(h, "</label>");
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
	HTML_LIT(h, "<p class=\"muted\">");
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
	struct html	*h = &p->h;
	size_t		 i;
	int64_t		 y;

	if (e != NULL && e->code != 0)
		page_message(p, "error", e->msg);
	if (fm->year != NULL && text_parse_i64(fm->year, &y) == 0)
		rule_note(p, (int)y);
	HTML_LIT(h, "<form class=\"stack\" method=\"post\" "
	    "action=\"/regnskab/indberet\" novalidate>");
	page_csrf(p);
	offer_field(p, fm->offer_id, e);
	input_field(p, "Regnskabsår", "year", fm->year, "numeric", NULL, true,
	    e, "year");
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		input_field(p, fields[i].label, fields[i].name, fm->values[i],
		    fields[i].money ? "decimal" : "numeric", fields[i].hint,
		    fields[i].required, e, fields[i].svc_field);
	HTML_LIT(h, "<p class=\"muted\">Beløb i kroner, fx 8.418.000 eller "
	    "2.283,50. Indberetter du samme tilbud og år igen, erstattes den "
	    "tidligere indberetning (historikken bevares).</p><div "
	    "class=\"actions\"><button type=\"submit\">Beregn og gem</button>"
	    "<a class=\"button secondary\" href=\"/regnskab\">Annuller</a>"
	    "</div></form>");
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
	subnav(&p, "indberet");
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
	subnav(&p, "indberet");
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
	page_begin(&p, r, arena_printf(&r->arena, "Årsresultat %d: %s",
	    a->year, a->offer_name), "regnskab");
	subnav(&p, "regnskab");
	if ((flash = http_query(r, "besked")) != NULL &&
	    strcmp(flash, "gemt") == 0)
		page_message(&p, "ok", "Årsresultatet er gemt og beregnet.");
	HTML_LIT(h, "<dl class=\"facts\" id=\"result\"><dt>Tilbud</dt><dd><a");
	html_url(h, "href", arena_printf(&r->arena, "/tilbud/%lld",
	    (long long)a->offer_id));
	HTML_LIT(h, ">");
	html_text(h, a->offer_name);
	HTML_LIT(h, "</a></dd><dt>Driftsherre</dt><dd>");
	html_text(h, a->operator_code);
	HTML_LIT(h, "</dd><dt>Regnskabsår</dt><dd>");
	plain(h, r, a->year);
	HTML_LIT(h, "</dd><dt>Takstberegningsgrundlag</dt><dd>");
	kr(h, a->tariff_base_ore);
	HTML_LIT(h, "</dd><dt>Takstindtægter</dt><dd>");
	kr(h, a->revenue_ore);
	HTML_LIT(h, "</dd><dt>Omkostninger</dt><dd>");
	kr(h, a->costs_ore);
	HTML_LIT(h, "</dd><dt>Resultat</dt><dd><strong id=\"resultat\">");
	html_text(h, result_label(a->result_ore));
	HTML_LIT(h, ": ");
	kr(h, a->result_ore < 0 ? -a->result_ore : a->result_ore);
	HTML_LIT(h, "</strong></dd><dt>");
	html_text(h, setaside ? "Henlagt til opsparing (hensættelse)" :
	    "Overført til næste års ramme");
	HTML_LIT(h, "</dt><dd id=\"hensaettelse\">");
	kr(h, a->setaside_ore);
	if (a->setaside_expires_year) {
		if (setaside)
			HTML_LIT(h, " – kan bruges til og med ");
		else
			HTML_LIT(h, " – til rammen for ");
		plain(h, r, a->setaside_expires_year);
	}
	HTML_LIT(h, "</dd>");
	if (a->deficit_covered_ore) {
		HTML_LIT(h, "<dt>Dækket af tidligere hensættelser</dt><dd>");
		kr(h, a->deficit_covered_ore);
		HTML_LIT(h, "</dd>");
	}
	HTML_LIT(h, "<dt>Indgår i taksten for ");
	plain(h, r, a->tariff_year);
	HTML_LIT(h, "</dt><dd id=\"til-takst\">");
	kr(h, a->to_tariff_ore);
	if (a->to_tariff_ore < 0)
		HTML_LIT(h, " (nedsætter takstgrundlaget)");
	else if (a->to_tariff_ore > 0)
		HTML_LIT(h, " (forhøjer takstgrundlaget)");
	HTML_LIT(h, "</dd>");
	if (a->available_days > 0) {
		HTML_LIT(h, "<dt>Belægning</dt><dd>");
		html_int(h, a->occupied_days);
		HTML_LIT(h, " af ");
		html_int(h, a->available_days);
		HTML_LIT(h, " pladsdøgn (");
		html_centi(h, a->occupied_days * 10000 / a->available_days);
		HTML_LIT(h, " %)</dd>");
	}
	HTML_LIT(h, "<dt>Indberettet</dt><dd>");
	html_time(h, a->reported_at);
	HTML_LIT(h, " (");
	html_text(h, a->reported_by);
	HTML_LIT(h, ", version ");
	plain(h, r, a->version);
	HTML_LIT(h, ")</dd></dl>");
	rule_note(&p, a->year);
	HTML_LIT(h, "<div class=\"actions\"><a class=\"button\"");
	html_url(h, "href", arena_printf(&r->arena,
	    "/regnskab/indberet?tilbud=%lld&aar=%d", (long long)a->offer_id,
	    a->year));
	HTML_LIT(h, ">Ret indberetningen</a><a class=\"button secondary\"");
	html_url(h, "href", arena_printf(&r->arena,
	    "/regnskab/hensaettelser?driftsherre=%s&aar=%d",
	    http_urlencode(&r->arena, a->operator_code), a->year));
	HTML_LIT(h, ">Driftsherrens hensættelser</a></div>");
	page_end(&p, 200);
}

/* ---- the list --------------------------------------------------------- */

void
page_accounts(struct http_req *r)
{
	static const char *const allowed[] = { "tilbud", "aar", NULL };
	struct page		 p;
	struct html		*h = &p.h;
	struct accounts_row	*v = NULL;
	struct err		 e;
	int64_t			 offer = 0, year = 0;
	size_t			 n = 0, i;
	int			 rc;

	err_clear(&e);
	rc = http_query_check(r, allowed, &e);
	if (rc == 0)
		rc = query_offer_year(r, &offer, &year, &e);
	if (rc == 0)
		rc = accounts_list(&r->svc, offer, (int)year, &v, &n, &e);
	if (rc != 0 && e.code != ERR_INVALID) {
		http_send_error(r, &e);
		return;
	}
	page_begin(&p, r, "Regnskab og årsresultater", "regnskab");
	subnav(&p, "regnskab");
	HTML_LIT(h, "<p>Indberettede årsresultater");
	if (r->who.role == ROLE_OPERATOR)
		HTML_LIT(h, " for din organisations tilbud");
	HTML_LIT(h, ": resultat, hensættelse og det beløb, der indgår i "
	    "taksten to år senere.</p><form class=\"filters\" method=\"get\" "
	    "action=\"/regnskab\" role=\"search\"><label>Regnskabsår<input "
	    "name=\"aar\" inputmode=\"numeric\" size=\"6\"");
	html_attr(h, "value", http_query(r, "aar"));
	HTML_LIT(h, "></label><label>Tilbudsnummer<input name=\"tilbud\" "
	    "inputmode=\"numeric\" size=\"8\"");
	html_attr(h, "value", http_query(r, "tilbud"));
	HTML_LIT(h, "></label><button type=\"submit\">Vis</button></form>");
	if (rc != 0)
		page_message(&p, "error", e.msg);
	HTML_LIT(h, "<div class=\"actions\"><a class=\"button\" "
	    "href=\"/regnskab/indberet\">Indberet årsresultat</a></div>"
	    "<table class=\"accounts\"><thead><tr><th scope=\"col\">Tilbud"
	    "</th><th scope=\"col\">Driftsherre</th><th scope=\"col\">År</th>"
	    "<th scope=\"col\" class=\"num\">Resultat</th><th scope=\"col\" "
	    "class=\"num\">Hensat / overført</th><th scope=\"col\" "
	    "class=\"num\">Til taksten</th><th scope=\"col\">Takstår</th>"
	    "</tr></thead><tbody>");
	for (i = 0; i < n; i++) {
		HTML_LIT(h, "<tr><td><a");
		html_url(h, "href", arena_printf(&r->arena, "/regnskab/%lld/%d",
		    (long long)v[i].offer_id, v[i].year));
		HTML_LIT(h, ">");
		html_text(h, v[i].offer_name);
		HTML_LIT(h, "</a></td><td>");
		html_text(h, v[i].operator_code);
		HTML_LIT(h, "</td><td>");
		plain(h, r, v[i].year);
		HTML_LIT(h, "</td><td class=\"num\">");
		html_text(h, result_label(v[i].result_ore));
		HTML_LIT(h, " ");
		kr(h, v[i].result_ore < 0 ? -v[i].result_ore : v[i].result_ore);
		HTML_LIT(h, "</td><td class=\"num\">");
		kr(h, v[i].setaside_ore);
		HTML_LIT(h, "</td><td class=\"num\">");
		kr(h, v[i].to_tariff_ore);
		HTML_LIT(h, "</td><td>");
		plain(h, r, v[i].tariff_year);
		HTML_LIT(h, "</td></tr>");
	}
	if (n == 0)
		HTML_LIT(h, "<tr><td colspan=\"7\">Ingen indberettede "
		    "årsresultater.</td></tr>");
	HTML_LIT(h, "</tbody></table>");
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

void
page_accounts_ledger(struct http_req *r)
{
	static const char *const allowed[] = { "driftsherre", "aar", NULL };
	struct page		 p;
	struct html		*h = &p.h;
	struct accounts_ledger	 l;
	struct err		 e;
	const char		*op, *s;
	struct org		*orgs = NULL;
	int64_t			 year;
	size_t			 i;
	int			 norgs = 0, k, rc;

	err_clear(&e);
	year = this_year(r);
	if (http_query_check(r, allowed, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	op = http_query_text(r, "driftsherre");
	if (op == NULL && r->who.role == ROLE_OPERATOR)
		op = r->who.org_code;
	if ((s = http_query_text(r, "aar")) != NULL && (text_parse_i64(s, &year) != 0 ||
	    year < PARAMS_YEAR_MIN || year > PARAMS_YEAR_MAX)) {
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
	page_begin(&p, r, "Hensættelser", "regnskab");
	subnav(&p, "hensaettelser");
	HTML_LIT(h, "<p>Driftsherrens hensatte overskud (opsparing): hvad der "
	    "er hensat, brugt og udløbet, saldoen og hvornår den udløber.</p>"
	    "<form class=\"filters\" method=\"get\" "
	    "action=\"/regnskab/hensaettelser\" role=\"search\">");
	if (r->who.role == ROLE_ADMIN) {
		HTML_LIT(h, "<label>Driftsherre<select name=\"driftsherre\">"
		    "<option value=\"\">Vælg driftsherre</option>");
		if (register_org_list(&r->svc, &orgs, &norgs, &e) != 0)
			norgs = 0;
		for (k = 0; k < norgs; k++) {
			HTML_LIT(h, "<option");
			html_attr(h, "value", orgs[k].code);
			if (op != NULL && strcmp(op, orgs[k].code) == 0)
				HTML_LIT(h, " selected");
			HTML_LIT(h, ">");
			html_text(h, orgs[k].name);
			HTML_LIT(h, " (");
			html_text(h, orgs[k].code);
			HTML_LIT(h, ")</option>");
		}
		HTML_LIT(h, "</select></label>");
	}
	HTML_LIT(h, "<label>Pr. år<input name=\"aar\" inputmode=\"numeric\" "
	    "size=\"6\"");
	html_attr(h, "value", int_text(r, year));
	HTML_LIT(h, "></label><button type=\"submit\">Vis</button></form>");
	if (rc != 0)
		page_message(&p, "error", e.msg);
	if (op == NULL || rc != 0) {
		if (op == NULL)
			HTML_LIT(h, "<p>Vælg en driftsherre.</p>");
		page_end(&p, rc == 0 ? 200 : 400);
		return;
	}
	HTML_LIT(h, "<h2>Saldo pr. ");
	plain(h, r, l.as_of_year);
	HTML_LIT(h, "</h2><dl class=\"facts\" id=\"saldo\"><dt>Driftsherre</dt>"
	    "<dd>");
	html_text(h, l.operator_code);
	HTML_LIT(h, "</dd><dt>Hensat i alt</dt><dd>");
	kr(h, l.sum.deposited_ore);
	HTML_LIT(h, "</dd><dt>Brugt</dt><dd>");
	kr(h, l.sum.used_ore);
	HTML_LIT(h, "</dd><dt>Udløbet</dt><dd>");
	kr(h, l.sum.expired_ore);
	HTML_LIT(h, "</dd><dt>Saldo</dt><dd><strong id=\"balance\">");
	kr(h, l.sum.balance_ore);
	HTML_LIT(h, "</strong></dd>");
	if (l.sum.next_expiry_year) {
		HTML_LIT(h, "<dt>Næste udløb</dt><dd>");
		kr(h, l.sum.next_expiry_ore);
		HTML_LIT(h, " skal bruges senest i ");
		plain(h, r, l.sum.next_expiry_year);
		HTML_LIT(h, "</dd>");
	}
	HTML_LIT(h, "</dl><h2>Hensættelser pr. år</h2><table class=\"lots\">"
	    "<thead><tr><th scope=\"col\">Regnskabsår</th><th scope=\"col\">"
	    "Udløber (sidste år)</th><th scope=\"col\" class=\"num\">Hensat"
	    "</th><th scope=\"col\" class=\"num\">Brugt</th><th scope=\"col\" "
	    "class=\"num\">Udløbet</th><th scope=\"col\" class=\"num\">Saldo"
	    "</th></tr></thead><tbody>");
	for (i = 0; i < l.nlots; i++) {
		HTML_LIT(h, "<tr><td>");
		plain(h, r, l.lots[i].origin_year);
		HTML_LIT(h, "</td><td>");
		plain(h, r, l.lots[i].expires_year);
		HTML_LIT(h, "</td><td class=\"num\">");
		kr(h, l.lots[i].deposited_ore);
		HTML_LIT(h, "</td><td class=\"num\">");
		kr(h, l.lots[i].used_ore);
		HTML_LIT(h, "</td><td class=\"num\">");
		kr(h, l.lots[i].expired_ore);
		HTML_LIT(h, "</td><td class=\"num\">");
		kr(h, l.lots[i].balance_ore);
		HTML_LIT(h, "</td></tr>");
	}
	if (l.nlots == 0)
		HTML_LIT(h, "<tr><td colspan=\"6\">Ingen hensættelser.</td>"
		    "</tr>");
	HTML_LIT(h, "</tbody></table><h2>Posteringer</h2><table "
	    "class=\"entries\"><thead><tr><th scope=\"col\">Tilbud</th><th "
	    "scope=\"col\">År</th><th scope=\"col\">Art</th><th scope=\"col\" "
	    "class=\"num\">Beløb</th><th scope=\"col\">Fra regnskab</th></tr>"
	    "</thead><tbody>");
	for (i = 0; i < l.nentries; i++) {
		HTML_LIT(h, "<tr><td><a");
		html_url(h, "href", arena_printf(&r->arena, "/regnskab/%lld/%d",
		    (long long)l.entries[i].offer_id,
		    l.entries[i].accounts_year));
		HTML_LIT(h, ">");
		plain(h, r, l.entries[i].offer_id);
		HTML_LIT(h, "</a></td><td>");
		plain(h, r, l.entries[i].year);
		HTML_LIT(h, "</td><td>");
		html_text(h, entry_kind_label(l.entries[i].kind));
		HTML_LIT(h, "</td><td class=\"num\">");
		kr(h, l.entries[i].amount_ore);
		HTML_LIT(h, "</td><td>");
		plain(h, r, l.entries[i].accounts_year);
		HTML_LIT(h, "</td></tr>");
	}
	HTML_LIT(h, "</tbody></table>");
	page_end(&p, 200);
}
