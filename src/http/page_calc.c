/*
 * page_calc — the three calculators as forms, so anyone can check a
 * figure: the tariff of a budget, the handling of a surplus or deficit,
 * and the budgeted occupancy. Amounts are entered in kroner the Danish
 * way ("1.234.567,50"); the calculators work in øre. The tariff form
 * has the labels of the line form (http/tariff_fields) and shows the
 * tariff as it is typed (POST /beregn/takst answers the preview script).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/tariff_fields.h"
#include "http/ui.h"
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
	json_object_set_new(obj, key, decimal_json(c, 2));
	return 0;
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

/* A form value of the tariff form, labelled as the shared table says. */
static int
tariff_kr(struct http_req *r, const char *field, json_t *obj, const char *key,
    struct err *e)
{
	return kr_to_ore(r, field, tariff_field_get(field)->label, 0, obj,
	    key, e);
}

static json_t *
build_tariff(struct http_req *r, struct err *e)
{
	json_t			*in = json_object(), *costs = json_object();
	enum tariff_unit	 unit = TARIFF_UNIT_DAY;
	int64_t			 year;

	json_object_set_new(in, "costs_ore", costs);
	if (text_parse_i64(val(r, "year"), &year) != 0) {
		err_set(e, ERR_INVALID, "invalid_year", "year", "Angiv et år");
		goto fail;
	}
	json_object_set_new(in, "year", json_integer(year));
	if (*val(r, "unit") != '\0' && tariff_unit_parse(val(r, "unit"),
	    &unit) != 0) {
		err_set(e, ERR_INVALID, "invalid_unit", "unit",
		    "Vælg en takstenhed");
		goto fail;
	}
	json_object_set_new(in, "unit", json_string(tariff_unit_name(unit)));
	/* Only the chosen unit's own field is read. */
	if (decimal(r, "places", "Pladser", 0, in, "places", e) ||
	    decimal(r, "occupancy", "Budgetteret belægningsprocent", 0, in,
	    "occupancy_pct", e) ||
	    (unit == TARIFF_UNIT_DAY && decimal(r, "days", "Åbningsdage", 1,
	    in, "days", e)) ||
	    (unit == TARIFF_UNIT_MONTH && decimal(r, "month_days",
	    "Dage i måneden", 1, in, "month_days", e)) ||
	    (unit == TARIFF_UNIT_HOUR && decimal(r, "hours", "Timer", 1, in,
	    "hours", e)) ||
	    tariff_kr(r, "wages", costs, "wages", e) ||
	    tariff_kr(r, "property", costs, "property", e) ||
	    tariff_kr(r, "other", costs, "other", e) ||
	    tariff_kr(r, "overhead", costs, "overhead", e) ||
	    tariff_kr(r, "capital", costs, "capital", e) ||
	    tariff_kr(r, "pension", costs, "pension", e) ||
	    tariff_kr(r, "income", in, "income_ore", e) ||
	    tariff_kr(r, "carry_over", in, "carry_over_ore", e))
		goto fail;
	return in;
fail:
	json_decref(in);
	return NULL;
}

/* The form field a calculator error is about, for calc which. */
static const char *
calc_field(const char *which, const char *field)
{
	static const char *const tariff_map[][2] = {
		{ "occupancy_pct", "occupancy" }, { "income_ore", "income" },
		{ "carry_over_ore", "carry_over" }, { "costs_ore", "wages" },
	};
	static const char *const surplus_map[][2] = {
		{ "tariff_base_ore", "tariff_base" },
		{ "revenue_ore", "revenue" }, { "costs_ore", "costs" },
		{ "setaside_ore", "setaside" },
	};
	size_t i;

	if (*field == '\0')
		return NULL;
	if (strcmp(which, "tariff") == 0) {
		if (strncmp(field, "costs_ore.", 10) == 0)
			return field + 10;
		for (i = 0; i < 4; i++)
			if (strcmp(field, tariff_map[i][0]) == 0)
				return tariff_map[i][1];
	} else if (strcmp(which, "surplus") == 0) {
		for (i = 0; i < 4; i++)
			if (strcmp(field, surplus_map[i][0]) == 0)
				return surplus_map[i][1];
	} else if (strncmp(field, "occupancy_pct", 13) == 0)
		return "pct1";
	return field;
}

/* The exact tariff of a result as øre text ("238219.1234"), or NULL. */
static const char *
exact_text(struct http_req *r, json_t *out)
{
	json_t	*v = json_object_get(out, "tariff_exact_ore");
	char	*txt;
	const char *s;

	if (v == NULL || !json_is_number(v))
		return NULL;
	if ((txt = json_dumps(v, JSON_ENCODE_ANY | CALC_DUMP_FLAGS)) == NULL)
		return NULL;
	s = arena_strdup(&r->arena, txt);
	free(txt);
	return s;
}

/* The tariff of a calculator result (facts). */
static void
tariff_result(struct http_req *r, struct html *h, json_t *out)
{
	enum tariff_unit u = TARIFF_UNIT_DAY;

	(void)tariff_unit_parse(json_string_value(json_object_get(out,
	    "unit")) ? json_string_value(json_object_get(out, "unit")) : "",
	    &u);
	HTML_LIT(h, "<h3>Resultat</h3>");
	tariff_fields_result(h, u, json_integer_value(json_object_get(out,
	    "tariff_ore")), json_integer_value(json_object_get(out,
	    "tariff_base_ore")), exact_text(r, out));
}

/* One fact of a result: an amount in øre, or any scalar as text. */
static void
fact_kr(struct html *h, const char *term, json_t *out, const char *key)
{
	json_t	*v = json_object_get(out, key);
	char	 b[TEXT_KR_SIZE];

	if (!json_is_integer(v)) {
		ui_fact(h, term, NULL);
		return;
	}
	text_format_ore_da(b, json_integer_value(v));
	ui_fact(h, term, b);
}

static void
fact_text(struct http_req *r, struct html *h, const char *term, json_t *out,
    const char *key)
{
	ui_fact_begin(h, term);
	result_text(r, h, out, key);
	ui_fact_end(h);
}

/* The messages of a result as an information box. */
static void
result_messages(struct html *h, json_t *out)
{
	json_t	*msgs = json_object_get(out, "messages"), *m;
	size_t	 i;

	if (!json_is_array(msgs) || json_array_size(msgs) == 0)
		return;
	ui_alert_begin(h, UI_INFO, NULL);
	HTML_LIT(h, "<ul>");
	json_array_foreach(msgs, i, m)
		if (json_is_string(m)) {
			HTML_LIT(h, "<li>");
			html_text(h, json_string_value(m));
			HTML_LIT(h, "</li>");
		}
	HTML_LIT(h, "</ul>");
	ui_alert_end(h);
}

/* A posted value of form which, or def when another form was posted. */
static const char *
sticky(struct http_req *r, const char *which, const char *form,
    const char *name, const char *def)
{
	const char *v;

	if (strcmp(which, form) != 0)
		return def;
	v = val(r, name);
	return *v != '\0' ? v : def;
}

/* A plain number field of the surplus and occupancy forms. */
static void
field(struct html *h, const char *name, const char *label, const char *hint,
    const char *suffix, const char *value, const struct ui_errors *errs)
{
	ui_field(h, &(struct ui_field){ .name = name, .label = label,
	    .hint = hint, .value = value, .type = UI_NUMBER,
	    .suffix = suffix, .width = suffix != NULL &&
	    strcmp(suffix, "kr.") == 0 ? "m" : "s" }, errs);
}

static void
form_begin(struct page *p, const char *id, const char *heading,
    const char *calc, const struct ui_errors *errs)
{
	struct html *h = &p->h;

	HTML_LIT(h, "<section class=\"calc\"");
	html_attr(h, "id", id);
	HTML_LIT(h, "><h2>");
	html_text(h, heading);
	HTML_LIT(h, "</h2>");
	ui_error_summary(h, errs);
	HTML_LIT(h, "<form method=\"post\" novalidate");
	html_url(h, "action", arena_printf(&p->r->arena, "/beregn#%s", id));
	HTML_LIT(h, ">");
	page_csrf(p);
	HTML_LIT(h, "<input type=\"hidden\" name=\"calc\"");
	html_attr(h, "value", calc);
	HTML_LIT(h, ">");
}

static void
tariff_form(struct page *p, const char *which, json_t *out,
    const struct ui_errors *errs)
{
	static const char *const money[] = { "wages", "property", "other",
	    "overhead", "capital", "pension", "income", "carry_over" };
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	enum tariff_unit	 u = TARIFF_UNIT_DAY;
	const char		*unit_values[3];
	size_t			 i;

	form_begin(p, "takst", "Takst", "tariff", errs);
	field(h, "year", "År", NULL, NULL, sticky(r, which, "tariff", "year",
	    "2026"), errs);
	(void)tariff_unit_parse(sticky(r, which, "tariff", "unit", "day"),
	    &u);
	tariff_fields_unit(h, u, errs);
	unit_values[0] = sticky(r, which, "tariff", "days", NULL);
	unit_values[1] = sticky(r, which, "tariff", "month_days", NULL);
	unit_values[2] = sticky(r, which, "tariff", "hours", NULL);
	tariff_fields_unit_sets(h, unit_values, errs);
	tariff_field_input(h, "places", sticky(r, which, "tariff", "places",
	    NULL), true, errs);
	tariff_field_input(h, "occupancy", sticky(r, which, "tariff",
	    "occupancy", NULL), true, errs);
	for (i = 0; i < sizeof(money) / sizeof(money[0]); i++)
		tariff_field_input(h, money[i], sticky(r, which, "tariff",
		    money[i], NULL), false, errs);
	tariff_fields_preview_begin(h, "/beregn/takst");
	if (out != NULL && strcmp(which, "tariff") == 0) {
		tariff_result(r, h, out);
		result_messages(h, out);
	}
	tariff_fields_preview_end(h);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Beregn takst", NULL, NULL);
	HTML_LIT(h, "</div></form></section>\n");
}

static void
surplus_form(struct page *p, const char *which, json_t *out,
    const struct ui_errors *errs)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;

	form_begin(p, "overskud", "Over- og underskud", "surplus", errs);
	field(h, "year", "Regnskabsår", NULL, NULL, sticky(r, which,
	    "surplus", "year", "2024"), errs);
	field(h, "tariff_base", "Takstgrundlag", NULL, "kr.", sticky(r, which,
	    "surplus", "tariff_base", NULL), errs);
	field(h, "revenue", "Indtægter", NULL, "kr.", sticky(r, which,
	    "surplus", "revenue", NULL), errs);
	field(h, "costs", "Udgifter", NULL, "kr.", sticky(r, which, "surplus",
	    "costs", NULL), errs);
	field(h, "setaside", "Hensættelse", "Tomt: det højst tilladte", "kr.",
	    sticky(r, which, "surplus", "setaside", NULL), errs);
	if (out != NULL && strcmp(which, "surplus") == 0) {
		HTML_LIT(h, "<h3>Resultat</h3>");
		ui_facts_begin(h);
		fact_kr(h, "Resultat (+ overskud / − underskud)", out,
		    "result_ore");
		fact_kr(h, "Hensættelse", out, "setaside_ore");
		fact_kr(h, "Til taksten", out, "to_tariff_ore");
		fact_text(r, h, "I taksten for år", out, "tariff_year");
		fact_text(r, h, "Hensættelsen udløber", out,
		    "setaside_expires_year");
		ui_facts_end(h);
		result_messages(h, out);
	}
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Beregn over- og underskud", NULL, NULL);
	HTML_LIT(h, "</div></form></section>\n");
}

static void
occupancy_form(struct page *p, const char *which, json_t *out,
    const struct ui_errors *errs)
{
	static const struct ui_option kinds[] = {
		{ "ordinary", "Almindeligt tilbud" },
		{ "short_stay", "Korttid, akut eller aflastning" },
	};
	struct http_req	*r = p->r;
	struct html	*h = &p->h;

	form_begin(p, "belaegning", "Budgetteret belægning", "occupancy",
	    errs);
	ui_select(h, &(struct ui_select){ .name = "offer_kind",
	    .label = "Tilbud", .selected = sticky(r, which, "occupancy",
	    "offer_kind", "ordinary"), .options = kinds, .noptions = 2 },
	    errs);
	field(h, "pct1", "Faktisk belægning, første år", NULL, "%", sticky(r,
	    which, "occupancy", "pct1", NULL), errs);
	field(h, "pct2", "Faktisk belægning, andet år", NULL, "%", sticky(r,
	    which, "occupancy", "pct2", NULL), errs);
	if (out != NULL && strcmp(which, "occupancy") == 0) {
		HTML_LIT(h, "<h3>Resultat</h3>");
		ui_facts_begin(h);
		fact_text(r, h, "Budgetteret belægningsprocent", out,
		    "budget_occupancy_pct");
		fact_text(r, h, "Status", out, "status");
		ui_facts_end(h);
		result_messages(h, out);
	}
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Beregn belægning", NULL, NULL);
	HTML_LIT(h, "</div></form></section>\n");
}

/* Run the posted calculator; *which becomes its name. */
static json_t *
run(struct http_req *r, const char **which, struct err *e)
{
	struct calc_params	 src = { .lookup = lookup_params, .arg = &r->svc };
	json_t			*in = NULL, *out = NULL;

	if (http_form_error(r, e) != 0)
		return NULL;
	if (strcmp(*which, "surplus") == 0)
		in = build_surplus(r, e);
	else if (strcmp(*which, "occupancy") == 0)
		in = build_occupancy(r, e);
	else {
		*which = "tariff";
		in = build_tariff(r, e);
	}
	if (in != NULL)
		calc_json(*which, &src, in, &out, e);
	json_decref(in);
	return out;
}

void
page_calc(struct http_req *r)
{
	struct page		 p;
	struct html		*h = &p.h;
	struct ui_errors	 errs, none;
	struct err		 e;
	json_t			*out = NULL;
	const char		*which = val(r, "calc");
	int			 status = 200;

	err_clear(&e);
	ui_errors_init(&errs);
	ui_errors_init(&none);
	if (strcmp(r->method, "POST") == 0) {
		if ((out = run(r, &which, &e)) == NULL) {
			status = http_status_of_err(e.code);
			ui_errors_add(&errs, calc_field(which, e.field),
			    arena_strdup(&r->arena, e.msg));
		}
	}
	page_begin(&p, r, "Beregn takst, over-/underskud og belægning",
	    "beregn");
	HTML_LIT(h, "<p>Regn et tal efter med aftalens regler for året "
	    "(parametrene kan ses i <a href=\"/api/v1/params/2026\">"
	    "API'et</a>). Intet gemmes. Felterne hedder det samme som i "
	    "takstindberetningen.</p>");
	tariff_form(&p, which, out, strcmp(which, "tariff") == 0 ? &errs :
	    &none);
	surplus_form(&p, which, out, strcmp(which, "surplus") == 0 ? &errs :
	    &none);
	occupancy_form(&p, which, out, strcmp(which, "occupancy") == 0 ?
	    &errs : &none);
	json_decref(out);
	page_end(&p, status);
}

void
page_calc_preview(struct http_req *r)
{
	struct err	 e;
	struct buf	 b;
	struct html	 h = { &b };
	json_t		*out, *j;
	const char	*which = "tariff";
	int		 status = 200;

	err_clear(&e);
	buf_init(&b);
	if ((out = run(r, &which, &e)) == NULL) {
		j = tariff_fields_not_computable(&h, &e, &status);
	} else {
		tariff_result(r, &h, out);
		result_messages(&h, out);
		j = out;
	}
	json_object_set_new(j, "html", json_string(buf_str(&b)));
	buf_cleanup(&b);
	http_send_json(r, status, j);
}
