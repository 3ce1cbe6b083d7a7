/*
 * tariff_fields — the shared labels and hints of a tariff calculation
 * and the parts of the line form and the calculator built from them (see
 * tariff_fields.h).
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "http/asset.h"
#include "http/html.h"
#include "http/http.h"
#include "http/tariff_fields.h"
#include "http/tariff_http.h"
#include "http/ui.h"
#include "util/buf.h"
#include "util/text.h"

static const struct tariff_field fields[] = {
	{ "places", "Pladser", "Antal pladser, fx 12 eller 8,5", "pladser",
	    TARIFF_FIELD_DECIMAL, -1 },
	{ "occupancy", "Budgetteret belægningsprocent", "Fx 96 eller 95,5",
	    "%", TARIFF_FIELD_DECIMAL, -1 },
	{ "days", "Åbningsdage pr. år", "Dagtilbud: de dage, tilbuddet har "
	    "åbent. Tomt: hele året", "dage", TARIFF_FIELD_INT,
	    TARIFF_UNIT_DAY },
	{ "month_days", "Dage i måneden", "Kun når månedstaksten regnes som "
	    "døgntakst gange dage i måneden (28-31). Ellers tomt", "dage",
	    TARIFF_FIELD_INT, TARIFF_UNIT_MONTH },
	{ "hours", "Timer pr. plads pr. år", "Budgetterede leverede timer for "
	    "én plads, fx 1200 eller 1200,5", "timer", TARIFF_FIELD_DECIMAL,
	    TARIFF_UNIT_HOUR },
	{ "wages", "Lønomkostninger", NULL, "kr.", TARIFF_FIELD_KR, -1 },
	{ "property", "Ejendomsomkostninger", NULL, "kr.", TARIFF_FIELD_KR,
	    -1 },
	{ "other", "Øvrige driftsomkostninger", NULL, "kr.", TARIFF_FIELD_KR,
	    -1 },
	{ "overhead", "Central ledelse og administration (overhead)", NULL,
	    "kr.", TARIFF_FIELD_KR, -1 },
	{ "capital", "Kapitalomkostninger", "Afskrivninger og renter", "kr.",
	    TARIFF_FIELD_KR, -1 },
	{ "pension", "Tjenestemandspension", NULL, "kr.", TARIFF_FIELD_KR,
	    -1 },
	{ "income", "Indtægter uden for taksten", "Trækkes fra "
	    "takstgrundlaget", "kr.", TARIFF_FIELD_KR, -1 },
	{ "carry_over", "Overførsel af over- eller underskud", "Et underskud, "
	    "der skal dækkes, skrives positivt; et overskud, der tilbageføres, "
	    "negativt", "kr.", TARIFF_FIELD_KR, -1 },
};

const struct tariff_field *
tariff_field_get(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (strcmp(fields[i].name, name) == 0)
			return &fields[i];
	return NULL;
}

void
tariff_field_input(struct html *h, const char *name, const char *value,
    bool required, const struct ui_errors *errors)
{
	const struct tariff_field *f = tariff_field_get(name);

	if (f == NULL)
		return;
	ui_field(h, &(struct ui_field){ .name = f->name, .label = f->label,
	    .hint = f->hint, .value = value, .type = UI_NUMBER,
	    .inputmode = f->kind == TARIFF_FIELD_INT ? "numeric" : "decimal",
	    .suffix = f->suffix, .required = required,
	    .width = f->kind == TARIFF_FIELD_KR ? "m" : "s" }, errors);
}

void
tariff_fields_unit(struct html *h, enum tariff_unit selected,
    const struct ui_errors *errors)
{
	struct ui_option	opts[TARIFF_UNIT_COUNT];
	int			u;

	for (u = 0; u < TARIFF_UNIT_COUNT; u++) {
		opts[u].value = tariff_unit_name((enum tariff_unit)u);
		opts[u].label = tariff_unit_label((enum tariff_unit)u);
	}
	ui_radios(h, &(struct ui_radios){ .name = "unit", .legend =
	    "Takstenhed", .hint = "Pr. døgn eller dag, måned, time eller år",
	    .selected = tariff_unit_name(selected), .options = opts,
	    .noptions = TARIFF_UNIT_COUNT }, errors);
}

void
tariff_fields_unit_sets(struct html *h, const char *const values[3],
    const struct ui_errors *errors)
{
	static const char *const names[3] = { "days", "month_days", "hours" };
	static const char *const legends[3] = { "Kun for døgn- og dagtakst",
	    "Kun for månedstakst", "Kun for timetakst" };
	const struct tariff_field	*f;
	int				 i;

	for (i = 0; i < 3; i++) {
		f = tariff_field_get(names[i]);
		HTML_LIT(h, "<fieldset class=\"tariff-unit-set\"");
		html_attr(h, "data-unit", tariff_unit_name(
		    (enum tariff_unit)f->unit));
		HTML_LIT(h, "><legend class=\"h4\">");
		html_text(h, legends[i]);
		HTML_LIT(h, "</legend>");
		/* Never required: the fields of the other units stay empty. */
		tariff_field_input(h, names[i], values[i], false, errors);
		HTML_LIT(h, "</fieldset>\n");
	}
}

/* Exact øre as text ("238219.1234") as kroner ("2.382,191234 kr."). */
static void
exact_kr(struct html *h, const char *exact)
{
	struct buf	 b;
	const char	*dot = strchr(exact, '.');
	size_t		 whole, k, lead, sign = exact[0] == '-';

	whole = (dot != NULL ? (size_t)(dot - exact) : strlen(exact)) - sign;
	buf_init(&b);
	if (sign)
		buf_putc(&b, '-');
	if (whole <= 2)
		buf_putc(&b, '0');
	lead = whole > 2 ? whole - 2 : 0;
	for (k = 0; k < lead; k++) {
		if (k > 0 && (lead - k) % 3 == 0)
			buf_putc(&b, '.');
		buf_putc(&b, exact[sign + k]);
	}
	buf_putc(&b, ',');
	for (k = whole; k < 2; k++)
		buf_putc(&b, '0');
	buf_append(&b, exact + sign + lead, whole - lead);
	if (dot != NULL)
		buf_puts(&b, dot + 1);
	buf_puts(&b, " kr.");
	html_text(h, buf_str(&b));
	buf_cleanup(&b);
}

void
tariff_fields_result(struct html *h, enum tariff_unit unit,
    int64_t tariff_ore, int64_t base_ore, const char *exact)
{
	ui_facts_begin(h);
	ui_fact_begin(h, tariff_unit_label(unit));
	HTML_LIT(h, "<strong class=\"tariff-value\">");
	tariff_http_kr(h, tariff_ore);
	HTML_LIT(h, "</strong>");
	ui_fact_end(h);
	ui_fact_begin(h, "Takstgrundlag");
	tariff_http_kr(h, base_ore);
	ui_fact_end(h);
	if (exact != NULL && *exact != '\0') {
		ui_fact_begin(h, "Takst før afrunding");
		exact_kr(h, exact);
		ui_fact_end(h);
	}
	ui_facts_end(h);
}

void
tariff_fields_preview_begin(struct html *h, const char *preview_url)
{
	HTML_LIT(h, "<script defer");
	html_url(h, "src", asset_url("tariff-preview.js"));
	HTML_LIT(h, "></script><div class=\"tariff-preview\" "
	    "id=\"takst-preview\" aria-live=\"polite\"");
	html_url(h, "data-preview", preview_url);
	HTML_LIT(h, ">");
}

void
tariff_fields_preview_end(struct html *h)
{
	HTML_LIT(h, "</div>\n");
}

json_t *
tariff_fields_not_computable(struct html *h, const struct err *e,
    int *status)
{
	/* Not computable yet is an answer, not a failure. */
	if (e->code != ERR_INVALID)
		*status = http_status_of_err(e->code);
	ui_alert(h, UI_INFO, "Taksten kan ikke beregnes endnu", e->msg);
	return json_pack("{s:{s:s, s:s, s:s}}", "error", "code", e->key,
	    "field", e->field, "message", e->msg);
}
