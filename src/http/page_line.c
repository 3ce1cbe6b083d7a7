/*
 * page_line — the form of one service line of a submission: its unit,
 * places, occupancy, costs and referral structure, saved through the
 * round service (which computes the tariff and pairs referral lines), and
 * the deletion of a line.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "core/round.h"
#include "core/tariff.h"
#include "http/api.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/tariff_http.h"
#include "service/round.h"
#include "util/text.h"

/* A path with one id: idpath(r, "/x/%lld", id). */
#define idpath(r, fmt, id)	arena_printf(&(r)->arena, fmt, (long long)(id))

/* A hidden version field. */
static void
version_field(struct page *p, int64_t v)
{
	HTML_LIT(&p->h, "<input type=\"hidden\" name=\"version\"");
	html_attr(&p->h, "value", arena_printf(&p->r->arena, "%lld",
	    (long long)v));
	HTML_LIT(&p->h, ">");
}

static int
form_version(struct http_req *r, int64_t *v, struct err *e)
{
	const char *s = http_form(r, "version");

	if (s == NULL || text_parse_i64(s, v) != 0 || *v <= 0)
		return err_set(e, ERR_INVALID, "missing_version", "version",
		    "Formularen mangler versionsnummer; genindlæs siden");
	return 0;
}

/* The submission id in the path; sends the error. */
static int
round_id(struct http_req *r, int64_t *id)
{
	struct err e;

	err_clear(&e);
	if (api_param_id(r, 0, id, &e) != 0) {
		http_send_error(r, &e);
		return -1;
	}
	return 0;
}

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

static void
input(struct page *p, const char *label, const char *name,
    const char *value, const char *mode, bool required)
{
	struct html *h = &p->h;

	HTML_LIT(h, "<label>");
	html_text(h, label);
	HTML_LIT(h, "<input");
	html_attr(h, "name", name);
	html_attr(h, "inputmode", mode);
	html_attr(h, "value", value);
	if (required)
		HTML_LIT(h, " required");
	HTML_LIT(h, "></label>");
}

/* True if err is about the referral dates of a line. */
static bool
referral_error(const struct err *err)
{
	size_t n;

	if (err == NULL || err->code == 0)
		return false;
	n = strlen(err->field);
	return strcmp(err->field, "referral_date") == 0 ||
	    (n >= 13 && strcmp(err->field + n - 13, "referred_from") == 0) ||
	    (n >= 15 && strcmp(err->field + n - 15, "referred_before") == 0);
}

/*
 * The tariff structure of a line: for every citizen, for those referred
 * on or after a cut-off date (a new structure), or for those referred
 * before it (the structure replaced). A referral date that is "" stands
 * for a choice without a date (kept on errors).
 */
static void
referral_fields(struct page *p, const struct service_line *l,
    const struct err *err)
{
	struct html	*h = &p->h;
	const char	*d = l->referred_from != NULL ? l->referred_from :
			    l->referred_before;
	bool		 bad = referral_error(err);

	HTML_LIT(h, "<fieldset><legend>Takststruktur</legend>"
	    "<label>Gælder for<select name=\"referral\" id=\"f-referral\">"
	    "<option value=\"\"");
	if (d == NULL)
		HTML_LIT(h, " selected");
	HTML_LIT(h, ">Alle borgere</option><option value=\"from\"");
	if (l->referred_from != NULL)
		HTML_LIT(h, " selected");
	HTML_LIT(h, ">Borgere visiteret fra skæringsdatoen (ny "
	    "takststruktur)</option><option value=\"before\"");
	if (l->referred_from == NULL && l->referred_before != NULL)
		HTML_LIT(h, " selected");
	HTML_LIT(h, ">Borgere visiteret før skæringsdatoen (hidtidig "
	    "takststruktur)</option></select></label><label>Skæringsdato"
	    "<input type=\"date\" name=\"referral_date\" "
	    "id=\"f-referral_date\"");
	html_attr(h, "value", d != NULL && *d != '\0' ? d : NULL);
	if (bad)
		HTML_LIT(h, " aria-invalid=\"true\" "
		    "aria-describedby=\"fejl-referral\"");
	HTML_LIT(h, ">");
	if (bad) {
		HTML_LIT(h, "<span class=\"field-error\" id=\"fejl-referral\">");
		html_text(h, err->msg);
		HTML_LIT(h, "</span>");
	}
	HTML_LIT(h, "</label><p class=\"muted\">Ændres takststrukturen, "
	    "gælder den nye for borgere visiteret fra skæringsdatoen, og "
	    "borgere visiteret før beholder de hidtidige takster. Gemmes "
	    "den første linje i en ny takststruktur, gælder "
	    "indberetningens linjer uden skæringsdato derefter for borgere "
	    "visiteret før datoen.</p></fieldset>");
}

static void
line_form(struct page *p, const struct submission_view *v, int pos,
    const struct service_line *l, const struct err *err)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	static const struct {
		const char	*label;
		const char	*name;
		size_t		 off;
	} money[] = {
		{ "Lønomkostninger (kr.)", "wages",
		    offsetof(struct service_line, costs.wages_ore) },
		{ "Ejendomsomkostninger (kr.)", "property",
		    offsetof(struct service_line, costs.property_ore) },
		{ "Øvrige driftsomkostninger (kr.)", "other",
		    offsetof(struct service_line, costs.other_ore) },
		{ "Overhead, central ledelse og administration (kr.)",
		    "overhead", offsetof(struct service_line,
		    costs.overhead_ore) },
		{ "Kapitalomkostninger (kr.)", "capital",
		    offsetof(struct service_line, costs.capital_ore) },
		{ "Tjenestemandspension (kr.)", "pension",
		    offsetof(struct service_line, costs.pension_ore) },
		{ "Indtægter uden for taksten (kr.)", "income",
		    offsetof(struct service_line, income_ore) },
		{ "Over-/underskud fra regnskab (kr.; overskud negativt)",
		    "carry_over", offsetof(struct service_line,
		    carry_over_ore) },
	};
	size_t	i;
	int	u;

	if (err != NULL)
		page_message(p, "error", err->msg);
	HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
	html_url(h, "action", pos ? arena_printf(&r->arena,
	    "/indberetning/%lld/linje/%d", (long long)v->sub.id, pos) :
	    idpath(r, "/indberetning/%lld/linje/ny", v->sub.id));
	HTML_LIT(h, ">");
	page_csrf(p);
	version_field(p, v->sub.version);
	input(p, "Paragraf (fx SEL § 107)", "paragraph", l->paragraph, NULL,
	    true);
	input(p, "Takstniveau (tomt hvis kun ét)", "level", l->level, NULL,
	    false);
	HTML_LIT(h, "<label>Enhed<select name=\"unit\">");
	for (u = 0; u < TARIFF_UNIT_COUNT; u++) {
		HTML_LIT(h, "<option");
		html_attr(h, "value", tariff_unit_name((enum tariff_unit)u));
		if ((int)l->unit == u)
			HTML_LIT(h, " selected");
		HTML_LIT(h, ">");
		html_text(h, tariff_unit_label((enum tariff_unit)u));
		HTML_LIT(h, "</option>");
	}
	HTML_LIT(h, "</select></label>");
	input(p, "Pladser", "places", l->places_centi ? centi_value(r,
	    l->places_centi) : NULL, "decimal", true);
	input(p, "Åbningsdage pr. år (tomt: hele året)", "days", l->days ?
	    arena_printf(&r->arena, "%lld", (long long)l->days) : NULL,
	    "numeric", false);
	input(p, "Dage i måneden (månedstakst efter dage)", "month_days",
	    l->month_days ? arena_printf(&r->arena, "%lld",
	    (long long)l->month_days) : NULL, "numeric", false);
	input(p, "Timer pr. plads pr. år (timetakst)", "hours",
	    l->hours_centi ? centi_value(r, l->hours_centi) : NULL, "decimal",
	    false);
	referral_fields(p, l, err);
	input(p, "Budgetteret belægningsprocent", "occupancy",
	    l->occupancy_bp ? centi_value(r, l->occupancy_bp) : NULL,
	    "decimal", true);
	for (i = 0; i < 2; i++)
		input(p, arena_printf(&r->arena, "Faktisk belægning %d (%%)",
		    v->hist_years[i]), i == 0 ? "hist1" : "hist2",
		    l->hist_bp[i] >= 0 ? centi_value(r, l->hist_bp[i]) : NULL,
		    "decimal", false);
	for (i = 0; i < sizeof(money) / sizeof(money[0]); i++) {
		int64_t amount = *(const int64_t *)(const void *)
		    ((const char *)l + money[i].off);
		input(p, money[i].label, money[i].name, amount ?
		    tariff_http_kr_value(r, amount) : NULL, "decimal", false);
	}
	HTML_LIT(h, "<label>Begrundelse (kræves ved advarsler, fx "
	    "DAS-godkendelse eller årsag til stigning)<textarea "
	    "name=\"reason\" rows=\"3\">");
	html_text(h, l->reason);
	HTML_LIT(h, "</textarea></label><div class=\"actions\"><button "
	    "type=\"submit\">Gem og beregn</button><a class=\"button "
	    "secondary\"");
	html_url(h, "href", idpath(r, "/indberetning/%lld", v->sub.id));
	HTML_LIT(h, ">Annuller</a></div></form>");
	if (pos) {
		HTML_LIT(h, "<form method=\"post\"");
		html_url(h, "action", arena_printf(&r->arena,
		    "/indberetning/%lld/linje/%d/slet", (long long)v->sub.id,
		    pos));
		HTML_LIT(h, ">");
		page_csrf(p);
		version_field(p, v->sub.version);
		HTML_LIT(h, "<button class=\"danger\" type=\"submit\">Slet "
		    "linjen</button></form>");
	}
}

/* Load the submission and check the line exists; sends errors. */
static int
load_for_line(struct http_req *r, int64_t *id, int *pos,
    struct submission_view *v)
{
	struct err e;

	if (round_id(r, id) != 0 || line_pos(r, pos) != 0)
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
	struct page p;

	page_begin(&p, r, pos ? arena_printf(&r->arena, "Linje %d: %s", pos,
	    v->sub.offer_name) : arena_printf(&r->arena, "Ny ydelseslinje: %s",
	    v->sub.offer_name), "indberetning");
	line_form(&p, v, pos, l, err);
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

/* Read the line form into *l; 0 or ERR_INVALID naming the field. */
static int
form_line(struct http_req *r, struct service_line *l, struct err *e)
{
	static const struct {
		const char	*name;
		const char	*label;
		size_t		 off;
	} money[] = {
		{ "wages", "Lønomkostninger",
		    offsetof(struct service_line, costs.wages_ore) },
		{ "property", "Ejendomsomkostninger",
		    offsetof(struct service_line, costs.property_ore) },
		{ "other", "Øvrige driftsomkostninger",
		    offsetof(struct service_line, costs.other_ore) },
		{ "overhead", "Overhead", offsetof(struct service_line,
		    costs.overhead_ore) },
		{ "capital", "Kapitalomkostninger",
		    offsetof(struct service_line, costs.capital_ore) },
		{ "pension", "Tjenestemandspension",
		    offsetof(struct service_line, costs.pension_ore) },
		{ "income", "Indtægter", offsetof(struct service_line,
		    income_ore) },
		{ "carry_over", "Over-/underskud",
		    offsetof(struct service_line, carry_over_ore) },
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
	if ((s = http_form_text(r, "places")) == NULL ||
	    text_parse_centi(s, &l->places_centi) != 0)
		return err_set(e, ERR_INVALID, "invalid_places", "places",
		    "Angiv antal pladser (et tal med højst to decimaler)");
	l->days = 0;
	if ((s = http_form_text(r, "days")) != NULL && text_parse_i64(s, &l->days) != 0)
		return err_set(e, ERR_INVALID, "invalid_days", "days",
		    "Åbningsdage skal være et helt tal");
	l->month_days = 0;
	if ((s = http_form_text(r, "month_days")) != NULL &&
	    text_parse_i64(s, &l->month_days) != 0)
		return err_set(e, ERR_INVALID, "invalid_month_days",
		    "month_days", "Dage i måneden skal være et helt tal");
	l->hours_centi = 0;
	if ((s = http_form_text(r, "hours")) != NULL &&
	    text_parse_centi(s, &l->hours_centi) != 0)
		return err_set(e, ERR_INVALID, "invalid_hours", "hours",
		    "Timer skal være et tal med højst to decimaler");
	if ((s = http_form_text(r, "occupancy")) == NULL ||
	    text_parse_centi(s, &l->occupancy_bp) != 0)
		return err_set(e, ERR_INVALID, "invalid_occupancy",
		    "occupancy_pct", "Angiv den budgetterede belægningsprocent "
		    "(fx 96 eller 95,5)");
	for (i = 0; i < 2; i++) {
		l->hist_bp[i] = -1;
		if ((s = http_form_text(r, i == 0 ? "hist1" : "hist2")) != NULL &&
		    text_parse_centi(s, &l->hist_bp[i]) != 0)
			return err_set(e, ERR_INVALID, "invalid_occupancy",
			    "occupancy_history_pct", "Den faktiske belægning "
			    "skal være en procent med højst to decimaler");
	}
	for (i = 0; i < sizeof(money) / sizeof(money[0]); i++) {
		int64_t *dst = (int64_t *)(void *)((char *)l + money[i].off);

		*dst = 0;
		if ((s = http_form_text(r, money[i].name)) != NULL &&
		    text_parse_kr(s, dst) != 0)
			return err_set(e, ERR_INVALID, "invalid_amount",
			    money[i].name, "%s: angiv et beløb i kroner (fx "
			    "6.500.000 eller 2.283,50)", money[i].label);
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
	if ((rc = form_version(r, &version, &e)) == 0 &&
	    (rc = form_line(r, &l, &e)) == 0) {
		l.pos = pos;
		rc = round_line_put(&r->svc, id, version, &l, &at, &nv, &e);
		if (rc == 0) {
			http_redirect(r, arena_printf(&r->arena,
			    "/indberetning/%lld?besked=gemt#linje-%d",
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
	if (pos == 0 || form_version(r, &version, &e) != 0) {
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
