/*
 * page_line — the form of one service line of a submission: its
 * paragraph (from a list), level, unit with only the fields that unit
 * reads, places, occupancy, budget and referral structure, saved through
 * the round service (which computes the tariff and pairs referral lines)
 * and shown again with the computed tariff and warnings; the preview of
 * the tariff while typing (JSON for static/tariff-preview.js); and the
 * deletion of a line.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "core/offer.h"
#include "core/round.h"
#include "core/tariff.h"
#include "http/api.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/tariff_fields.h"
#include "http/tariff_http.h"
#include "http/ui.h"
#include "service/register.h"
#include "service/round.h"
#include "util/buf.h"
#include "util/text.h"

/* A path with one id: idpath(r, "/x/%lld", id). */
#define idpath(r, fmt, id)	arena_printf(&(r)->arena, fmt, (long long)(id))

/* ---- one service line ------------------------------------------------- */

/* The position in the path: a number, or 0 for "ny" (a new line). */
static int
line_pos(struct http_req *r, int *pos)
{
	struct err	e;
	int64_t		v;

	err_clear(&e);
	if (r->nparams > 1 && strcmp(r->params[1], "ny") == 0) {
		*pos = 0;
		return 0;
	}
	if (api_param_id(r, 1, &v, &e) != 0 || v > ROUND_LINES_MAX) {
		err_set(&e, ERR_NOT_FOUND, "not_found", NULL, "Linjen findes "
		    "ikke");
		http_send_error(r, &e);
		return -1;
	}
	*pos = (int)v;
	return 0;
}

const char *
tariff_http_kr_value(struct http_req *r, int64_t ore)
{
	struct buf	 b;
	const char	*s;

	buf_init(&b);
	text_format_centi_da(&b, ore);
	s = arena_strdup(&r->arena, buf_str(&b));
	buf_cleanup(&b);
	return s;
}

static const char *
centi_value(struct http_req *r, int64_t v)
{
	struct buf	 b;
	const char	*s;
	char		*p;

	buf_init(&b);
	text_format_centi(&b, v);
	s = arena_strdup(&r->arena, buf_str(&b));
	buf_cleanup(&b);
	if ((p = strchr(s, '.')) != NULL)
		*p = ',';
	return s;
}

/* The paragraphs most offers under the agreement are run by. */
static const char *const common_paragraphs[] = {
	"SEL § 32", "SEL § 36", "SEL § 66", "SEL § 85", "SEL § 101",
	"SEL § 103", "SEL § 104", "SEL § 105", "SEL § 107", "SEL § 108",
	"SEL § 109", "SEL § 110", "SUL § 141",
};

#define PARAGRAPHS_MAX	64

/*
 * The paragraphs a line may name: the offer's own (from the register),
 * the common ones, and the line's current one (kept if it was imported
 * with another wording). Strings are borrowed from the arena.
 */
static size_t
paragraph_choices(struct http_req *r, const struct submission_view *v,
    const char *current, const char *out[PARAGRAPHS_MAX])
{
	struct offer	 o;
	struct err	 e;
	size_t		 n = 0, i, k;

	err_clear(&e);
	memset(&o, 0, sizeof(o));
	if (register_offer_get(&r->svc, v->sub.offer_id, &o, &e) == 0)
		for (i = 0; i < o.nparagraphs && n < PARAGRAPHS_MAX; i++)
			out[n++] = o.paragraphs[i];
	for (i = 0; i < sizeof(common_paragraphs) /
	    sizeof(common_paragraphs[0]) && n < PARAGRAPHS_MAX; i++) {
		for (k = 0; k < n; k++)
			if (strcmp(out[k], common_paragraphs[i]) == 0)
				break;
		if (k == n)
			out[n++] = common_paragraphs[i];
	}
	if (current != NULL && *current != '\0' && n < PARAGRAPHS_MAX) {
		for (k = 0; k < n; k++)
			if (strcmp(out[k], current) == 0)
				break;
		if (k == n)
			out[n++] = current;
	}
	return n;
}

/*
 * The form field a service error is about: "lines[0].occupancy_pct" →
 * "occupancy", "costs_ore.wages" → "wages"; NULL for the form as a whole.
 */
static const char *
form_field(const struct err *err)
{
	static const char *const map[][2] = {
		{ "occupancy_pct", "occupancy" },
		{ "occupancy_history_pct", "hist1" },
		{ "income_ore", "income" },
		{ "carry_over_ore", "carry_over" },
		{ "costs_ore", "wages" },
		{ "referred_from", "referral_date" },
		{ "referred_before", "referral_date" },
		{ "overhead_ore", "overhead" },
	};
	const char	*f = err->field, *p;
	size_t		 i;

	if (*f == '\0' || strcmp(f, "version") == 0)
		return NULL;
	if (strncmp(f, "lines[", 6) == 0 && (p = strchr(f, '.')) != NULL)
		f = p + 1;
	if (strncmp(f, "costs_ore.", 10) == 0)
		f += 10;
	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(f, map[i][0]) == 0)
			return map[i][1];
	return f;
}

/* err as the form's errors, the message bound to its field. */
static void
line_errors(struct http_req *r, const struct err *err, struct ui_errors *errs)
{
	ui_errors_init(errs);
	if (err == NULL || err->code == 0)
		return;
	ui_errors_add(errs, form_field(err), arena_strdup(&r->arena,
	    err->msg[0] ? err->msg : "Der skete en fejl"));
}

/*
 * The tariff structure of a line: for every citizen, for those referred
 * on or after a cut-off date (a new structure), or for those referred
 * before it (the structure replaced). A referral date that is "" stands
 * for a choice without a date (kept on errors).
 */
static void
referral_fields(struct html *h, const struct service_line *l,
    const struct ui_errors *errs)
{
	const char	*d = l->referred_from != NULL ? l->referred_from :
			    l->referred_before;
	const char	*sel = l->referred_from != NULL ? "from" :
			    l->referred_before != NULL ? "before" : "";

	HTML_LIT(h, "<h2 class=\"h3\">Takststruktur</h2>");
	ui_select_begin(h, &(struct ui_select){ .name = "referral",
	    .label = "Gælder for", .selected = sel, .first = "Alle borgere",
	    .hint = "Ændres takststrukturen, gælder den nye for borgere "
	    "visiteret fra skæringsdatoen, og borgere visiteret før beholder "
	    "de hidtidige takster. Gemmes den første linje i en ny "
	    "takststruktur, gælder indberetningens linjer uden skæringsdato "
	    "derefter for borgere visiteret før datoen." }, errs);
	ui_option(h, "from", "Borgere visiteret fra skæringsdatoen (ny "
	    "takststruktur)", sel);
	ui_option(h, "before", "Borgere visiteret før skæringsdatoen "
	    "(hidtidig takststruktur)", sel);
	ui_select_end(h);
	ui_field(h, &(struct ui_field){ .name = "referral_date",
	    .label = "Skæringsdato", .type = UI_DATE, .value = d != NULL &&
	    *d != '\0' ? d : NULL, .width = "s" }, errs);
}

/* The computed tariff and the warnings of l (the preview's content). */
static void
line_result(struct html *h, const struct service_line *l)
{
	if (!l->computed)
		return;
	HTML_LIT(h, "<h2 class=\"h3\">Beregnet takst</h2>");
	tariff_fields_result(h, l->unit, l->tariff_ore, l->base_ore,
	    l->exact);
	if (l->startup_ore > 0) {
		HTML_LIT(h, "<p>Takstgrundlaget indeholder årets andel af "
		    "tilbuddets opstartsomkostninger: ");
		tariff_http_kr(h, l->startup_ore);
		HTML_LIT(h, ".</p>");
	}
	if (l->nwarnings == 0) {
		HTML_LIT(h, "<p>Ingen advarsler.</p>");
		return;
	}
	ui_alert_begin(h, UI_WARNING, l->nwarnings == 1 ? "Advarsel" :
	    "Advarsler");
	tariff_http_warnings(h, l);
	ui_alert_end(h);
}

/* The path of line pos (0: a new one) with an optional tail ("/beregn"). */
static const char *
line_path(struct http_req *r, int64_t id, int pos, const char *tail)
{
	if (pos == 0)
		return arena_printf(&r->arena, "/indberetning/%lld/linje/ny%s",
		    (long long)id, tail);
	return arena_printf(&r->arena, "/indberetning/%lld/linje/%d%s",
	    (long long)id, pos, tail);
}

static void
line_form(struct page *p, const struct submission_view *v, int pos,
    const struct service_line *l, const struct ui_errors *errs)
{
	static const char *const money[] = { "wages", "property", "other",
	    "overhead", "capital", "pension", "income", "carry_over" };
	const int64_t amounts[] = { l->costs.wages_ore, l->costs.property_ore,
	    l->costs.other_ore, l->costs.overhead_ore, l->costs.capital_ore,
	    l->costs.pension_ore, l->income_ore, l->carry_over_ore };
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	const char	*paras[PARAGRAPHS_MAX], *unit_values[3];
	size_t		 i, np;

	ui_error_summary(h, errs);
	HTML_LIT(h, "<form class=\"line-form\" method=\"post\" novalidate");
	html_url(h, "action", line_path(r, v->sub.id, pos, ""));
	HTML_LIT(h, ">");
	page_csrf(p);
	tariff_http_version_field(p, v->sub.version);

	HTML_LIT(h, "<h2 class=\"h3\">Ydelse</h2>");
	np = paragraph_choices(r, v, l->paragraph, paras);
	ui_select_begin(h, &(struct ui_select){ .name = "paragraph",
	    .label = "Paragraf", .hint = "Tilbuddets paragraffer fra "
	    "tilbudsregistret og de almindelige", .selected = l->paragraph,
	    .first = "Vælg paragraf", .required = true }, errs);
	for (i = 0; i < np; i++)
		ui_option(h, paras[i], paras[i], l->paragraph);
	ui_select_end(h);
	ui_field(h, &(struct ui_field){ .name = "level",
	    .label = "Takstniveau", .hint = "Fx Niveau 1. Tomt, hvis ydelsen "
	    "kun har én takst", .value = l->level, .width = "m",
	    .maxlength = ROUND_LEVEL_MAX }, errs);
	tariff_fields_unit(h, l->unit, errs);
	unit_values[0] = l->days ? arena_printf(&r->arena, "%lld",
	    (long long)l->days) : NULL;
	unit_values[1] = l->month_days ? arena_printf(&r->arena, "%lld",
	    (long long)l->month_days) : NULL;
	unit_values[2] = l->hours_centi ? centi_value(r, l->hours_centi) :
	    NULL;
	tariff_fields_unit_sets(h, unit_values, errs);

	HTML_LIT(h, "<h2 class=\"h3\">Pladser og belægning</h2>");
	tariff_field_input(h, "places", l->places_centi ? centi_value(r,
	    l->places_centi) : NULL, true, errs);
	tariff_field_input(h, "occupancy", l->occupancy_bp ? centi_value(r,
	    l->occupancy_bp) : NULL, true, errs);
	for (i = 0; i < 2; i++)
		ui_field(h, &(struct ui_field){ .name = i == 0 ? "hist1" :
		    "hist2", .label = arena_printf(&r->arena, "Faktisk "
		    "belægning %d", v->hist_years[i]), .value = l->hist_bp[i] >=
		    0 ? centi_value(r, l->hist_bp[i]) : NULL, .type = UI_NUMBER,
		    .suffix = "%", .width = "s" }, errs);

	HTML_LIT(h, "<h2 class=\"h3\">Budget</h2>");
	for (i = 0; i < sizeof(money) / sizeof(money[0]); i++)
		tariff_field_input(h, money[i], amounts[i] ?
		    tariff_http_kr_value(r, amounts[i]) : NULL, false, errs);

	referral_fields(h, l, errs);
	ui_field(h, &(struct ui_field){ .name = "reason",
	    .label = "Begrundelse", .hint = "Kræves ved advarsler, fx "
	    "DAS-godkendelse eller årsag til stigning", .value = l->reason,
	    .type = UI_TEXTAREA, .rows = 3 }, errs);

	tariff_fields_preview_begin(h, line_path(r, v->sub.id, pos,
	    "/beregn"));
	line_result(h, l);
	tariff_fields_preview_end(h);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Gem og beregn", NULL, NULL);
	ui_button_link(h, UI_SECONDARY, idpath(r, "/indberetning/%lld",
	    v->sub.id), pos ? "Tilbage til indberetningen" : "Annuller");
	HTML_LIT(h, "</div></form>");
	if (pos) {
		HTML_LIT(h, "<form method=\"post\"");
		html_url(h, "action", line_path(r, v->sub.id, pos, "/slet"));
		HTML_LIT(h, ">");
		page_csrf(p);
		tariff_http_version_field(p, v->sub.version);
		ui_button(h, UI_WARNING_BUTTON, "Slet linjen", NULL, NULL);
		HTML_LIT(h, "</form>");
	}
}

/* Load the submission and check the line exists; sends errors. */
static int
load_for_line(struct http_req *r, int64_t *id, int *pos,
    struct submission_view *v)
{
	struct err e;

	if (tariff_http_path_id(r, id) != 0 || line_pos(r, pos) != 0)
		return -1;
	err_clear(&e);
	if (round_submission_get(&r->svc, *id, v, &e) != 0) {
		http_send_error(r, &e);
		return -1;
	}
	if (*pos > (int)v->sub.nlines_loaded) {
		err_set(&e, ERR_NOT_FOUND, "not_found", NULL, "Linjen findes "
		    "ikke");
		http_send_error(r, &e);
		return -1;
	}
	if (!v->may_edit) {
		err_set(&e, ERR_CONFLICT, "not_editable", NULL,
		    "Indberetningen kan ikke ændres nu (den er %s, runden er "
		    "%s)",
		    submission_status_label(v->sub.status),
		    round_status_label(v->round.status));
		http_send_error(r, &e);
		return -1;
	}
	return 0;
}

/* A new line: the offer's paragraph and the history years known. */
static void
new_line(const struct submission_view *v, struct service_line *l)
{
	memset(l, 0, sizeof(*l));
	l->paragraph = "";
	l->level = "";
	l->unit = TARIFF_UNIT_DAY;
	l->hist_bp[0] = l->hist_bp[1] = -1;
	if (v->sub.nlines_loaded > 0) {
		l->hist_bp[0] = v->sub.lines[0].hist_bp[0];
		l->hist_bp[1] = v->sub.lines[0].hist_bp[1];
	} else if (v->has_carry)
		l->carry_over_ore = v->expected_carry_ore;
}

static void
line_page(struct http_req *r, const struct submission_view *v, int pos,
    const struct service_line *l, const struct err *err, int status)
{
	struct page		 p;
	struct ui_errors	 errs;
	char			 amount[TEXT_KR_SIZE];
	const char		*flash = http_query(r, "besked");
	const struct page_crumb	 crumbs[] = {
		{ "/takstindberetning", "Takstindberetning" },
		{ idpath(r, "/indberetning/%lld", v->sub.id),
		    v->sub.offer_name },
	};

	line_errors(r, err, &errs);
	page_begin_crumbs(&p, r, pos ? arena_printf(&r->arena, "Linje %d: %s",
	    pos, v->sub.offer_name) : arena_printf(&r->arena,
	    "Ny ydelseslinje: %s", v->sub.offer_name), "indberetning", crumbs,
	    2);
	if (err == NULL && flash != NULL && strcmp(flash, "gemt") == 0 &&
	    l->computed) {
		ui_alert_begin(&p.h, UI_SUCCESS, "Linjen er gemt");
		HTML_LIT(&p.h, "<p>Taksten er beregnet: ");
		html_text(&p.h, tariff_unit_label(l->unit));
		HTML_LIT(&p.h, " ");
		text_format_ore_da(amount, l->tariff_ore);
		html_text(&p.h, amount);
		HTML_LIT(&p.h, ". Advarsler og beregning står under "
		    "formularen.</p>");
		ui_alert_end(&p.h);
	}
	line_form(&p, v, pos, l, &errs);
	page_end(&p, status);
}

void
page_line_form(struct http_req *r)
{
	struct submission_view	v;
	struct service_line	l;
	int64_t			id;
	int			pos;

	if (load_for_line(r, &id, &pos, &v) != 0)
		return;
	if (pos == 0)
		new_line(&v, &l);
	else
		l = v.sub.lines[pos - 1];
	line_page(r, &v, pos, &l, NULL, 200);
}

/* A number with two decimals from the form, or 0 when absent or empty. */
static int
form_centi(struct http_req *r, const char *name, int64_t *out)
{
	const char *s = http_form_text(r, name);

	*out = 0;
	return s != NULL && text_parse_centi(s, out) != 0 ? -1 : 0;
}

/*
 * Read the line form into *l; 0 or ERR_INVALID naming the field. Of the
 * fields only one unit reads (days, month_days, hours), only the chosen
 * unit's are read; the others are 0. The paragraph must be one of
 * paras[0..np).
 */
static int
form_line(struct http_req *r, struct service_line *l, const char **paras,
    size_t np, struct err *e)
{
	static const struct {
		const char	*name;
		size_t		 off;
	} money[] = {
		{ "wages", offsetof(struct service_line, costs.wages_ore) },
		{ "property", offsetof(struct service_line,
		    costs.property_ore) },
		{ "other", offsetof(struct service_line, costs.other_ore) },
		{ "overhead", offsetof(struct service_line,
		    costs.overhead_ore) },
		{ "capital", offsetof(struct service_line, costs.capital_ore) },
		{ "pension", offsetof(struct service_line, costs.pension_ore) },
		{ "income", offsetof(struct service_line, income_ore) },
		{ "carry_over", offsetof(struct service_line,
		    carry_over_ore) },
	};
	const char	*s;
	size_t		 i;
	int		 rc;

	if ((rc = http_form_error(r, e)) != 0)
		return rc;
	l->paragraph = http_form_text(r, "paragraph");
	if (l->paragraph == NULL)
		l->paragraph = "";
	l->level = http_form_text(r, "level");
	if (l->level == NULL)
		l->level = "";
	if ((s = http_form_text(r, "unit")) == NULL ||
	    tariff_unit_parse(s, &l->unit) != 0)
		return err_set(e, ERR_INVALID, "invalid_unit", "unit",
		    "Vælg en takstenhed");
	for (i = 0; i < np; i++)
		if (strcmp(paras[i], l->paragraph) == 0)
			break;
	if (i == np)
		return err_set(e, ERR_INVALID, "invalid_paragraph", "paragraph",
		    *l->paragraph ? "Vælg en paragraf fra listen" :
		    "Vælg paragraffen");
	if ((s = http_form_text(r, "places")) == NULL ||
	    text_parse_centi(s, &l->places_centi) != 0)
		return err_set(e, ERR_INVALID, "invalid_places", "places",
		    "Angiv antal pladser (et tal med højst to decimaler)");
	l->days = l->month_days = l->hours_centi = 0;
	if (l->unit == TARIFF_UNIT_DAY &&
	    (s = http_form_text(r, "days")) != NULL &&
	    text_parse_i64(s, &l->days) != 0)
		return err_set(e, ERR_INVALID, "invalid_days", "days",
		    "Åbningsdage skal være et helt tal");
	if (l->unit == TARIFF_UNIT_MONTH &&
	    (s = http_form_text(r, "month_days")) != NULL &&
	    text_parse_i64(s, &l->month_days) != 0)
		return err_set(e, ERR_INVALID, "invalid_month_days",
		    "month_days", "Dage i måneden skal være et helt tal");
	if (l->unit == TARIFF_UNIT_HOUR &&
	    form_centi(r, "hours", &l->hours_centi) != 0)
		return err_set(e, ERR_INVALID, "invalid_hours", "hours",
		    "Timer skal være et tal med højst to decimaler");
	if ((s = http_form_text(r, "occupancy")) == NULL ||
	    text_parse_centi(s, &l->occupancy_bp) != 0)
		return err_set(e, ERR_INVALID, "invalid_occupancy",
		    "occupancy", "Angiv den budgetterede belægningsprocent "
		    "(fx 96 eller 95,5)");
	for (i = 0; i < 2; i++) {
		l->hist_bp[i] = -1;
		if ((s = http_form_text(r, i == 0 ? "hist1" : "hist2")) != NULL &&
		    text_parse_centi(s, &l->hist_bp[i]) != 0)
			return err_set(e, ERR_INVALID, "invalid_occupancy",
			    i == 0 ? "hist1" : "hist2", "Den faktiske "
			    "belægning skal være en procent med højst to "
			    "decimaler");
	}
	for (i = 0; i < sizeof(money) / sizeof(money[0]); i++) {
		int64_t *dst = (int64_t *)(void *)((char *)l + money[i].off);

		*dst = 0;
		if ((s = http_form_text(r, money[i].name)) != NULL &&
		    text_parse_kr(s, dst) != 0)
			return err_set(e, ERR_INVALID, "invalid_amount",
			    money[i].name, "%s: angiv et beløb i kroner (fx "
			    "6.500.000 eller 2.283,50)",
			    tariff_field_get(money[i].name)->label);
	}
	l->reason = http_form_text(r, "reason");
	l->referred_from = l->referred_before = NULL;
	s = http_form_text(r, "referral");
	if (s != NULL && strcmp(s, "from") != 0 && strcmp(s, "before") != 0)
		return err_set(e, ERR_INVALID, "invalid_referral", "referral",
		    "Vælg, hvilke borgere taksten gælder for");
	if (s != NULL) {
		const char *d = http_form_text(r, "referral_date");

		/* "" keeps the choice in the form until a date is given. */
		if (strcmp(s, "from") == 0)
			l->referred_from = d != NULL ? d : "";
		else
			l->referred_before = d != NULL ? d : "";
		if (d == NULL)
			return err_set(e, ERR_INVALID, "invalid_referral",
			    "referral_date", "Angiv skæringsdatoen for "
			    "visitation (ÅÅÅÅ-MM-DD)");
	}
	return 0;
}

/* The line as posted over the stored line pos (or a new one). */
static int
posted_line(struct http_req *r, const struct submission_view *v, int pos,
    struct service_line *l, struct err *e)
{
	const char	*paras[PARAGRAPHS_MAX];
	size_t		 np;

	if (pos == 0)
		new_line(v, l);
	else
		*l = v->sub.lines[pos - 1];
	np = paragraph_choices(r, v, pos ? v->sub.lines[pos - 1].paragraph :
	    NULL, paras);
	return form_line(r, l, paras, np, e);
}

void
page_line_post(struct http_req *r)
{
	struct submission_view	 v;
	struct service_line	 l;
	struct err		 e;
	int64_t			 id, version, nv;
	int			 pos, at, rc;

	if (load_for_line(r, &id, &pos, &v) != 0)
		return;
	err_clear(&e);
	if (pos == 0)
		new_line(&v, &l);
	else
		l = v.sub.lines[pos - 1];
	if ((rc = tariff_http_form_version(r, &version, &e)) == 0 &&
	    (rc = posted_line(r, &v, pos, &l, &e)) == 0) {
		l.pos = pos;
		rc = round_line_put(&r->svc, id, version, &l, &at, &nv, &e);
		if (rc == 0) {
			http_redirect(r, arena_printf(&r->arena,
			    "/indberetning/%lld/linje/%d?besked=gemt",
			    (long long)id, at));
			return;
		}
	}
	if (e.code == ERR_FORBIDDEN) {
		http_send_error(r, &e);
		return;
	}
	line_page(r, &v, pos, &l, &e, http_status_of_err(e.code));
}

/*
 * The tariff of the posted line without saving it, as JSON for the
 * preview script: the figures and warnings, and "html", the same markup
 * the form shows after saving. A line that cannot be computed yet is
 * 200 with {"error": {code, field, message}, "html": a message}.
 */
void
page_line_preview(struct http_req *r)
{
	struct submission_view	 v;
	struct service_line	 l;
	struct err		 e;
	struct buf		 b;
	struct html		 h = { &b };
	json_t			*j, *warns;
	int64_t			 id;
	int			 pos, status = 200;
	size_t			 i;
	char			 msg[ROUND_WARN_MSG];

	if (tariff_http_path_id(r, &id) != 0 || line_pos(r, &pos) != 0)
		return;
	err_clear(&e);
	if (round_submission_get(&r->svc, id, &v, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	if (pos > (int)v.sub.nlines_loaded) {
		err_set(&e, ERR_NOT_FOUND, "not_found", NULL, "Linjen findes "
		    "ikke");
		http_send_error(r, &e);
		return;
	}
	buf_init(&b);
	if (posted_line(r, &v, pos, &l, &e) != 0 ||
	    round_line_preview(&r->svc, id, &l, &e) != 0) {
		if (e.code == ERR_FORBIDDEN || e.code == ERR_NOT_FOUND) {
			buf_cleanup(&b);
			http_send_error(r, &e);
			return;
		}
		j = tariff_fields_not_computable(&h, &e, &status);
	} else {
		line_result(&h, &l);
		warns = json_array();
		for (i = 0; i < l.nwarnings; i++) {
			round_warning_text(&l, i, msg, sizeof(msg));
			json_array_append_new(warns, json_pack("{s:s, s:s, "
			    "s:b}", "code", round_warning_code(
			    l.warnings[i].kind), "text", msg, "needs_reason",
			    l.warnings[i].needs_reason));
		}
		j = json_pack("{s:s, s:I, s:I, s:s, s:o}", "unit",
		    tariff_unit_name(l.unit), "tariff_ore",
		    (json_int_t)l.tariff_ore, "tariff_base_ore",
		    (json_int_t)l.base_ore, "tariff_exact_ore", l.exact,
		    "warnings", warns);
	}
	json_object_set_new(j, "html", json_string(buf_str(&b)));
	buf_cleanup(&b);
	http_send_json(r, status, j);
}

void
page_line_delete(struct http_req *r)
{
	struct submission_view	 v;
	struct err		 e;
	int64_t			 id, version, nv;
	int			 pos;

	if (load_for_line(r, &id, &pos, &v) != 0)
		return;
	err_clear(&e);
	if (pos == 0 || tariff_http_form_version(r, &version, &e) != 0) {
		if (e.code == 0)
			err_set(&e, ERR_NOT_FOUND, "not_found", NULL,
			    "Linjen findes ikke");
		http_send_error(r, &e);
		return;
	}
	if (round_line_delete(&r->svc, id, version, pos, &nv, &e) != 0) {
		line_page(r, &v, pos, &v.sub.lines[pos - 1], &e,
		    http_status_of_err(e.code));
		return;
	}
	http_redirect(r, idpath(r, "/indberetning/%lld?besked=slettet", id));
}
