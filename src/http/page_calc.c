/*
 * page_calc — the three calculators as forms, so anyone can check a
 * figure: the tariff of a budget, the handling of a surplus or deficit,
 * and the budgeted occupancy. Amounts are entered in kroner the Danish
 * way ("1.234.567,50"); the calculators work in øre.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "service/agreement.h"
#include "service/calc.h"
#include "util/buf.h"
#include "util/text.h"

static int
lookup_params(void *arg, int year, struct agreement_params *out,
    struct err *e)
{
	return agreement_params_get(arg, year, out, e);
}

/* A form value, trimmed; "" when absent. */
static const char *
val(struct http_req *r, const char *name)
{
	const char	*v = strcmp(r->method, "POST") == 0 ?
			    http_form(r, name) : NULL;
	char		*t;

	if (v == NULL)
		return "";
	t = text_trim(arena_strdup(&r->arena, v));
	return t;
}

/* Kroner ("1.234,50", "2283.50"; see text_parse_kr) into øre. */
static int
kr_to_ore(struct http_req *r, const char *field, const char *label,
    int optional, json_t *obj, const char *key, struct err *e)
{
	const char	*s = val(r, field);
	int64_t		 ore;

	if (*s == '\0') {
		if (optional)
			return 0;
		s = "0";
	}
	if (text_parse_kr(s, &ore) != 0)
		return err_set(e, ERR_INVALID, "invalid_amount", field,
		    "%s skal være et beløb i kroner med højst to decimaler "
		    "(fx 1.234.567,50)", label);
	json_object_set_new(obj, key, json_integer(ore));
	return 0;
}

/* A number with at most two decimals ("95,5") as a JSON number. */
static int
decimal(struct http_req *r, const char *field, const char *label,
    int optional, json_t *obj, const char *key, struct err *e)
{
	const char	*s = val(r, field);
	int64_t		 c;

	if (*s == '\0' && optional)
		return 0;
	if (text_parse_centi(s, &c) != 0)
		return err_set(e, ERR_INVALID, "invalid_number", field,
		    "%s skal være et tal med højst to decimaler", label);
	if (c % 100 == 0)
		json_object_set_new(obj, key, json_integer(c / 100));
	else
		json_object_set_new(obj, key, json_real((double)c / 100.0));
	return 0;
}

static void
input(struct html *h, const char *name, const char *label, const char *value,
    const char *hint)
{
	HTML_LIT(h, "<label>");
	html_text(h, label);
	if (hint != NULL) {
		HTML_LIT(h, " <span class=\"muted\">");
		html_text(h, hint);
		HTML_LIT(h, "</span>");
	}
	HTML_LIT(h, "<input");
	html_attr(h, "name", name);
	html_attr(h, "value", value);
	HTML_LIT(h, " inputmode=\"decimal\"></label>");
}

/* An amount in øre from a result object, as "1.234,56 kr.". */
static void
result_kr(struct html *h, json_t *out, const char *key)
{
	json_t	*v = json_object_get(out, key);
	char	 b[TEXT_KR_SIZE];

	if (!json_is_integer(v)) {
		HTML_LIT(h, "–");
		return;
	}
	text_format_ore_da(b, json_integer_value(v));
	html_text(h, b);
}

/* Any scalar of a result object as text, with a Danish decimal comma. */
static void
result_text(struct http_req *r, struct html *h, json_t *out, const char *key)
{
	json_t		*v = json_object_get(out, key);
	struct buf	 b;
	char		*txt, *p;
	size_t		 sign, digits, k;

	(void)r;
	if (v == NULL || json_is_null(v)) {
		HTML_LIT(h, "–");
		return;
	}
	if (json_is_string(v)) {
		html_text(h, json_string_value(v));
		return;
	}
	txt = json_dumps(v, JSON_ENCODE_ANY | CALC_DUMP_FLAGS);
	if (txt == NULL)
		return;
	for (p = txt; *p; p++)
		if (*p == '.')
			*p = ',';
	/* Danish: "." between the thousands of the whole part. */
	sign = *txt == '-';
	digits = strspn(txt + sign, "0123456789");
	buf_init(&b);
	buf_append(&b, txt, sign);
	for (k = 0; k < digits; k++) {
		if (k > 0 && (digits - k) % 3 == 0)
			buf_putc(&b, '.');
		buf_putc(&b, txt[sign + k]);
	}
	buf_puts(&b, txt + sign + digits);
	html_text(h, buf_str(&b));
	buf_cleanup(&b);
	free(txt);
}

static void
row(struct html *h, const char *label)
{
	HTML_LIT(h, "<tr><th scope=\"row\">");
	html_text(h, label);
	HTML_LIT(h, "</th><td class=\"num\">");
}

static json_t *
build_tariff(struct http_req *r, struct err *e)
{
	json_t	*in = json_object(), *costs = json_object();
	int64_t	 year;

	json_object_set_new(in, "costs_ore", costs);
	if (text_parse_i64(val(r, "year"), &year) != 0) {
		err_set(e, ERR_INVALID, "invalid_year", "year", "Angiv et år");
		goto fail;
	}
	json_object_set_new(in, "year", json_integer(year));
	json_object_set_new(in, "unit", json_string(*val(r, "unit") ?
	    val(r, "unit") : "day"));
	if (decimal(r, "places", "Pladser", 0, in, "places", e) ||
	    decimal(r, "occupancy_pct", "Belægningsprocent", 0, in,
	    "occupancy_pct", e) ||
	    decimal(r, "days", "Dage", 1, in, "days", e) ||
	    kr_to_ore(r, "wages", "Løn", 0, costs, "wages", e) ||
	    kr_to_ore(r, "property", "Ejendomsudgifter", 0, costs, "property",
	    e) ||
	    kr_to_ore(r, "other", "Øvrig drift", 0, costs, "other", e) ||
	    kr_to_ore(r, "overhead", "Central ledelse og administration", 0,
	    costs, "overhead", e) ||
	    kr_to_ore(r, "capital", "Kapitalomkostninger", 0, costs, "capital",
	    e) ||
	    kr_to_ore(r, "pension", "Tjenestemandspension", 0, costs,
	    "pension", e) ||
	    kr_to_ore(r, "income", "Indtægter uden for taksten", 0, in,
	    "income_ore", e) ||
	    kr_to_ore(r, "carry_over", "Overførsel (over-/underskud)", 0, in,
	    "carry_over_ore", e))
		goto fail;
	return in;
fail:
	json_decref(in);
	return NULL;
}

static json_t *
build_surplus(struct http_req *r, struct err *e)
{
	json_t	*in = json_object();
	int64_t	 year;

	if (text_parse_i64(val(r, "year"), &year) != 0) {
		err_set(e, ERR_INVALID, "invalid_year", "year", "Angiv et år");
		goto fail;
	}
	json_object_set_new(in, "year", json_integer(year));
	if (kr_to_ore(r, "tariff_base", "Takstgrundlag", 0, in,
	    "tariff_base_ore", e) ||
	    kr_to_ore(r, "revenue", "Indtægter", 0, in, "revenue_ore", e) ||
	    kr_to_ore(r, "costs", "Udgifter", 0, in, "costs_ore", e) ||
	    kr_to_ore(r, "setaside", "Hensættelse", 1, in, "setaside_ore", e))
		goto fail;
	return in;
fail:
	json_decref(in);
	return NULL;
}

static json_t *
build_occupancy(struct http_req *r, struct err *e)
{
	json_t	*in = json_object(), *arr = json_object();
	json_t	*list;

	json_object_set_new(in, "offer_kind", json_string(
	    strcmp(val(r, "offer_kind"), "short_stay") == 0 ? "short_stay" :
	    "ordinary"));
	if (decimal(r, "pct1", "Belægning, første år", 0, arr, "a", e) ||
	    decimal(r, "pct2", "Belægning, andet år", 0, arr, "b", e)) {
		json_decref(arr);
		json_decref(in);
		return NULL;
	}
	list = json_pack("[OO]", json_object_get(arr, "a"),
	    json_object_get(arr, "b"));
	json_decref(arr);
	json_object_set_new(in, "occupancy_pct", list);
	return in;
}

static void
unit_options(struct html *h, const char *sel)
{
	static const char *units[][2] = { { "day", "Døgntakst" }, { "month",
	    "Månedstakst" }, { "hour", "Timetakst" }, { "year", "Årstakst" } };
	size_t i;

	for (i = 0; i < 4; i++) {
		HTML_LIT(h, "<option");
		html_attr(h, "value", units[i][0]);
		if (strcmp(sel, units[i][0]) == 0)
			HTML_LIT(h, " selected");
		HTML_LIT(h, ">");
		html_text(h, units[i][1]);
		HTML_LIT(h, "</option>");
	}
}

void
page_calc(struct http_req *r)
{
	struct calc_params	 src = { lookup_params, &r->svc };
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	json_t			*in = NULL, *out = NULL, *msgs, *m;
	const char		*which = val(r, "calc");
	size_t			 i;
	int			 status = 200, posted;

	err_clear(&e);
	posted = strcmp(r->method, "POST") == 0;
	if (posted) {
		if (http_form_error(r, &e) == 0) {
			if (strcmp(which, "surplus") == 0)
				in = build_surplus(r, &e);
			else if (strcmp(which, "occupancy") == 0)
				in = build_occupancy(r, &e);
			else {
				which = "tariff";
				in = build_tariff(r, &e);
			}
		}
		if (in != NULL)
			calc_json(which, &src, in, &out, &e);
		json_decref(in);
		if (out == NULL)
			status = http_status_of_err(e.code);
	}
	page_begin(&p, r, "Beregn takst, over-/underskud og belægning", "beregn");
	HTML_LIT(h, "<p>Regn et tal efter med aftalens regler for året "
	    "(parametrene kan ses under <a href=\"/api/v1/params/2026\">"
	    "API'et</a>). Intet gemmes.</p>");
	if (posted && out == NULL)
		page_message(&p, "error", e.msg);
	if (out != NULL) {
		HTML_LIT(h, "<section aria-labelledby=\"res\"><h2 id=\"res\">"
		    "Resultat</h2><table class=\"result\">");
		if (strcmp(which, "tariff") == 0) {
			row(h, "Takstgrundlag");
			result_kr(h, out, "tariff_base_ore");
			row(h, "Pladsdage (eller enheder)");
			result_text(r, h, out, "place_days");
			row(h, "Takst, uafrundet (øre)");
			result_text(r, h, out, "tariff_exact_ore");
			row(h, "Takst");
			result_kr(h, out, "tariff_ore");
		} else if (strcmp(which, "surplus") == 0) {
			row(h, "Resultat (+ overskud / − underskud)");
			result_kr(h, out, "result_ore");
			row(h, "Hensættelse");
			result_kr(h, out, "setaside_ore");
			row(h, "Til taksten");
			result_kr(h, out, "to_tariff_ore");
			row(h, "I taksten for år");
			result_text(r, h, out, "tariff_year");
			row(h, "Hensættelsen udløber");
			result_text(r, h, out, "setaside_expires_year");
		} else {
			row(h, "Budgetteret belægningsprocent");
			result_text(r, h, out, "budget_occupancy_pct");
			row(h, "Status");
			result_text(r, h, out, "status");
		}
		HTML_LIT(h, "</td></tr></table>");
		msgs = json_object_get(out, "messages");
		if (json_is_array(msgs))
			json_array_foreach(msgs, i, m)
				if (json_is_string(m))
					page_message(&p, "ok",
					    json_string_value(m));
		HTML_LIT(h, "</section>");
		json_decref(out);
	}

	HTML_LIT(h, "<h2>Takst</h2><form class=\"stack\" method=\"post\" "
	    "action=\"/beregn\">");
	page_csrf(&p);
	HTML_LIT(h, "<input type=\"hidden\" name=\"calc\" value=\"tariff\">");
	input(h, "year", "År", *val(r, "year") ? val(r, "year") : "2026", NULL);
	HTML_LIT(h, "<label>Taksttype<select name=\"unit\">");
	unit_options(h, val(r, "unit"));
	HTML_LIT(h, "</select></label>");
	input(h, "places", "Pladser", val(r, "places"), "fx 12 eller 8,5");
	input(h, "occupancy_pct", "Budgetteret belægningsprocent",
	    val(r, "occupancy_pct"), "fx 95");
	input(h, "days", "Åbningsdage", val(r, "days"), "dagtilbud; tom: årets "
	    "dage");
	input(h, "wages", "Løn", val(r, "wages"), "kr.");
	input(h, "property", "Ejendomsudgifter", val(r, "property"), "kr.");
	input(h, "other", "Øvrig drift", val(r, "other"), "kr.");
	input(h, "overhead", "Central ledelse og administration",
	    val(r, "overhead"), "kr.");
	input(h, "capital", "Kapitalomkostninger", val(r, "capital"), "kr.");
	input(h, "pension", "Tjenestemandspension", val(r, "pension"), "kr.");
	input(h, "income", "Indtægter uden for taksten", val(r, "income"),
	    "kr.");
	input(h, "carry_over", "Overførsel (over-/underskud)",
	    val(r, "carry_over"), "kr.; negativ sænker grundlaget");
	HTML_LIT(h, "<div class=\"actions\"><button type=\"submit\">Beregn takst"
	    "</button></div></form>");

	HTML_LIT(h, "<h2>Over- og underskud</h2><form class=\"stack\" "
	    "method=\"post\" action=\"/beregn\">");
	page_csrf(&p);
	HTML_LIT(h, "<input type=\"hidden\" name=\"calc\" value=\"surplus\">");
	input(h, "year", "Regnskabsår", "2024", NULL);
	input(h, "tariff_base", "Takstgrundlag", "", "kr.");
	input(h, "revenue", "Indtægter", "", "kr.");
	input(h, "costs", "Udgifter", "", "kr.");
	input(h, "setaside", "Hensættelse", "", "kr.; tom: det højst tilladte");
	HTML_LIT(h, "<div class=\"actions\"><button type=\"submit\">Beregn"
	    "</button></div></form>");

	HTML_LIT(h, "<h2>Budgetteret belægning</h2><form class=\"stack\" "
	    "method=\"post\" action=\"/beregn\">");
	page_csrf(&p);
	HTML_LIT(h, "<input type=\"hidden\" name=\"calc\" value=\"occupancy\">"
	    "<label>Tilbud<select name=\"offer_kind\"><option value=\"ordinary\">"
	    "Almindeligt</option><option value=\"short_stay\">Korttid, akut "
	    "eller aflastning</option></select></label>");
	input(h, "pct1", "Faktisk belægning, første år", "", "%");
	input(h, "pct2", "Faktisk belægning, andet år", "", "%");
	HTML_LIT(h, "<div class=\"actions\"><button type=\"submit\">Beregn"
	    "</button></div></form>");
	page_end(&p, status);
}
