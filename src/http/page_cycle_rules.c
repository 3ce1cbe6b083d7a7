/*
 * page_cycle_rules — the secretariat's rules of the annual cycle
 * (/aarshjul/regler): every rule version with how its date is computed,
 * a form to change a rule or give it a new version from a later year,
 * a form for a new step, retiring a step from a year on (confirmed
 * first), and each step's history from the audit log. Every change
 * needs a reason.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "core/cycle.h"
#include "core/role.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/page_cycle.h"
#include "http/routes.h"
#include "http/ui.h"
#include "service/cycle.h"
#include "store/audit.h"
#include "store/cycle_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

static const char *const months_da[12] = {
	"januar", "februar", "marts", "april", "maj", "juni", "juli",
	"august", "september", "oktober", "november", "december"
};
static const char *const weekdays_da[8] = {
	"hverdag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag",
	"lørdag", "søndag"
};

static const struct page_crumb rules_crumbs[] = {
	{ "/aarshjul", "Årshjul" }, { "/aarshjul/regler", "Regler" }
};

/* The rules as loaded for a page. */
struct rules {
	struct cycle_rule_row	*v;
	size_t			 n;
};

static int
rules_load(struct http_req *r, struct rules *rs, struct err *e)
{
	return cycle_rules(&r->svc, &rs->v, &rs->n, e);
}

/* The title of kind (its newest version), or the kind itself. */
static const char *
kind_title(const struct rules *rs, const char *kind)
{
	const char	*t = kind;
	size_t		 i;

	for (i = 0; kind != NULL && i < rs->n; i++)
		if (strcmp(rs->v[i].rule->kind, kind) == 0 &&
		    !rs->v[i].rule->retired)
			t = rs->v[i].rule->title;
	return t != NULL ? t : "";
}

/* How a rule's date is computed, in Danish. */
static const char *
how_text(struct http_req *r, const struct rules *rs,
    const struct cycle_rule *c)
{
	int m = c->month >= 1 && c->month <= 12 ? c->month - 1 : 0;

	if (c->retired)
		return "Ophører";
	switch (c->how) {
	case CYCLE_FIXED:
		return arena_printf(&r->arena, "%d. %s", c->day, months_da[m]);
	case CYCLE_LAST_WEEKDAY:
		return arena_printf(&r->arena, "Sidste %s i %s",
		    weekdays_da[c->weekday >= 0 && c->weekday <= 7 ?
		    c->weekday : 0], months_da[m]);
	case CYCLE_RELATIVE:
		if (c->offset_days == 0)
			return arena_printf(&r->arena, "Samme dag som »%s«",
			    kind_title(rs, c->base_kind));
		return arena_printf(&r->arena, "%d dage %s »%s«",
		    abs(c->offset_days), c->offset_days > 0 ? "efter" : "før",
		    kind_title(rs, c->base_kind));
	case CYCLE_ELECTION:
		return arena_printf(&r->arena, "%d. %s i valgperiodens %d. år",
		    c->day, months_da[m], c->period_year);
	default:
		return "";
	}
}

static const char *
flash_text(const char *key)
{
	if (key == NULL)
		return NULL;
	if (strcmp(key, "gemt") == 0)
		return "Reglen er gemt, og årshjulet er beregnet igen.";
	if (strcmp(key, "ophoert") == 0)
		return "Trinnet ophører fra det valgte år.";
	return NULL;
}

void
page_cycle_rules(struct http_req *r)
{
	static const struct ui_col cols[] = {
		{ "Trin", 0 }, { "Gælder fra", UI_COL_NUM }, { "Dato", 0 },
		{ "Ansvarlig", 0 }, { "Senest ændret", 0 }
	};
	static const char *const allowed[] = { "besked", NULL };
	struct ui_table	 t;
	struct rules	 rs;
	struct page	 p;
	struct html	*h = &p.h;
	struct err	 e;
	const char	*flash;
	size_t		 i;

	err_clear(&e);
	if (http_query_check(r, allowed, &e) != 0 ||
	    rules_load(r, &rs, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin_crumbs(&p, r, "Regler for årshjulet", "aarshjul",
	    rules_crumbs, 1);
	if ((flash = flash_text(http_query(r, "besked"))) != NULL)
		ui_alert(h, UI_SUCCESS, NULL, flash);
	HTML_LIT(h, "<p>Hvert trin har en regel for, hvornår det ligger. En "
	    "regel gælder fra et år og indtil en nyere regel for samme trin; "
	    "så kan fx fristen for godkendelse flyttes fra et bestemt år uden "
	    "at ændre de tidligere år. Alle ændringer kræver en begrundelse og "
	    "kan ses i trinnets historik.</p><div class=\"actions\">");
	ui_button_link(h, UI_PRIMARY, "/aarshjul/regler/ny", "Nyt trin");
	HTML_LIT(h, "</div>");
	ui_table_begin(&t, h, NULL, cols, 5);
	for (i = 0; i < rs.n; i++) {
		const struct cycle_rule *c = rs.v[i].rule;

		ui_row(&t);
		ui_cell_begin(&t);
		HTML_LIT(h, "<a");
		html_url(h, "href", arena_printf(&r->arena,
		    "/aarshjul/regler/%lld", (long long)c->id));
		HTML_LIT(h, ">");
		html_text(h, c->title);
		HTML_LIT(h, "</a><br><code class=\"muted\" lang=\"en\">");
		html_text(h, c->kind);
		HTML_LIT(h, "</code>");
		ui_cell_end(&t);
		ui_cell(&t, arena_printf(&r->arena, "%d", c->from_year));
		ui_cell(&t, how_text(r, &rs, c));
		ui_cell(&t, c->retired ? "–" : cycle_party_label(c->party));
		ui_cell_begin(&t);
		html_time(h, rs.v[i].updated_at);
		if (rs.v[i].reason != NULL) {
			HTML_LIT(h, "<br>");
			html_text(h, rs.v[i].reason);
		}
		ui_cell_end(&t);
	}
	ui_table_end(&t);
	page_end(&p, 200);
}

/* ---- the form ------------------------------------------------------- */

/* What the form holds: the rule and the raw texts to show again. */
struct rule_form {
	struct cycle_rule	 c;
	const char		*from_year, *month, *day, *weekday;
	const char		*offset_days, *period_year, *reason, *scope;
};

static void
form_from_rule(struct http_req *r, struct rule_form *f,
    const struct cycle_rule *c)
{
	memset(f, 0, sizeof(*f));
	f->c = *c;
	f->from_year = arena_printf(&r->arena, "%d", c->from_year);
	f->month = arena_printf(&r->arena, "%d", c->month);
	f->day = c->day > 0 ? arena_printf(&r->arena, "%d", c->day) : NULL;
	f->weekday = arena_printf(&r->arena, "%d", c->weekday);
	f->offset_days = arena_printf(&r->arena, "%d", c->offset_days);
	f->period_year = arena_printf(&r->arena, "%d", c->period_year);
	f->scope = "ret";
}

/* An integer field: 0 when blank; an error when not a whole number. */
static int
int_field(struct http_req *r, const char *name, const char **raw, int *out,
    struct ui_errors *errs)
{
	int64_t v;

	*raw = http_form_text(r, name);
	*out = 0;
	if (*raw == NULL || **raw == '\0')
		return 0;
	if (text_parse_i64(*raw, &v) != 0 || v < -100000 || v > 100000) {
		ui_errors_add(errs, name, "Angiv et helt tal");
		return -1;
	}
	*out = (int)v;
	return 0;
}

/* Read the posted form into f; errors of the fields into errs. */
static void
form_read(struct http_req *r, struct rule_form *f, struct ui_errors *errs)
{
	const char *how, *party;

	int_field(r, "from_year", &f->from_year, &f->c.from_year, errs);
	int_field(r, "month", &f->month, &f->c.month, errs);
	int_field(r, "day", &f->day, &f->c.day, errs);
	int_field(r, "weekday", &f->weekday, &f->c.weekday, errs);
	int_field(r, "offset_days", &f->offset_days, &f->c.offset_days, errs);
	int_field(r, "period_year", &f->period_year, &f->c.period_year, errs);
	f->c.title = http_form_text(r, "title");
	f->c.note = http_form_text(r, "note");
	if (f->c.note != NULL && *f->c.note == '\0')
		f->c.note = NULL;
	f->c.base_kind = http_form_text(r, "base_kind");
	f->reason = http_form_text(r, "reason");
	f->scope = http_form_text(r, "scope");
	how = http_form_text(r, "how");
	if (how == NULL || cycle_how_parse(how, &f->c.how) != 0)
		ui_errors_add(errs, "how", "Vælg hvordan datoen beregnes");
	party = http_form_text(r, "party");
	if (party == NULL || cycle_party_parse(party, &f->c.party) != 0)
		ui_errors_add(errs, "party", "Vælg hvem der er ansvarlig");
}

/* The fields of the rule (not kind, from_year, reason). */
static void
rule_fields(struct http_req *r, struct html *h, const struct rules *rs,
    const struct rule_form *f, const struct ui_errors *errs)
{
	static const struct ui_option hows[] = {
		{ "fixed", "Fast dato (dag og måned)" },
		{ "last_weekday", "Sidste ugedag eller hverdag i en måned" },
		{ "relative", "Et antal dage før eller efter et andet trin" },
		{ "election", "Fast dato i et bestemt år af valgperioden" }
	};
	static const struct ui_option periods[] = {
		{ "1", "1. år" }, { "2", "2. år" }, { "3", "3. år" },
		{ "4", "4. år" }
	};
	struct ui_option	 parties[PARTY_COUNT];
	size_t			 i, j;
	int			 k;

	ui_field(h, &(struct ui_field){ .name = "title", .label = "Titel",
	    .value = f->c.title, .required = true,
	    .maxlength = CYCLE_TITLE_MAX }, errs);
	for (k = 0; k < PARTY_COUNT; k++)
		parties[k] = (struct ui_option){
		    cycle_party_name((enum cycle_party)k),
		    cycle_party_label((enum cycle_party)k) };
	ui_select(h, &(struct ui_select){ .name = "party",
	    .label = "Ansvarlig", .selected = cycle_party_name(f->c.party),
	    .options = parties, .noptions = PARTY_COUNT }, errs);
	ui_radios(h, &(struct ui_radios){ .name = "how",
	    .legend = "Hvordan beregnes datoen?",
	    .selected = cycle_how_name(f->c.how), .options = hows,
	    .noptions = 4 }, errs);
	ui_select_begin(h, &(struct ui_select){ .name = "month",
	    .label = "Måned", .hint = "Fast dato, sidste ugedag og "
	    "valgperiode", .width = "s", .selected = f->month }, errs);
	for (k = 0; k < 12; k++)
		ui_option(h, arena_printf(&r->arena, "%d", k + 1),
		    months_da[k], f->month);
	ui_select_end(h);
	ui_field(h, &(struct ui_field){ .name = "day", .label = "Dag",
	    .hint = "Fast dato og valgperiode: 1–31, en dato der findes hvert "
	    "år", .type = UI_NUMBER, .inputmode = "numeric", .width = "xs",
	    .value = f->day, .maxlength = 2 }, errs);
	ui_select_begin(h, &(struct ui_select){ .name = "weekday",
	    .label = "Ugedag", .hint = "Sidste ugedag i måneden",
	    .width = "s", .selected = f->weekday }, errs);
	for (k = 0; k < 8; k++)
		ui_option(h, arena_printf(&r->arena, "%d", k), k == 0 ?
		    "Hverdag (mandag–fredag)" : weekdays_da[k], f->weekday);
	ui_select_end(h);
	ui_select_begin(h, &(struct ui_select){ .name = "base_kind",
	    .label = "Regnes fra trinnet", .hint = "Dage før eller efter "
	    "et andet trin", .first = "Vælg trin",
	    .selected = f->c.base_kind }, errs);
	for (i = 0; i < rs->n; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(rs->v[j].rule->kind, rs->v[i].rule->kind) ==
			    0)
				break;
		if (j < i || (f->c.kind != NULL &&
		    strcmp(rs->v[i].rule->kind, f->c.kind) == 0))
			continue;
		ui_option(h, rs->v[i].rule->kind, kind_title(rs,
		    rs->v[i].rule->kind), f->c.base_kind);
	}
	ui_select_end(h);
	ui_field(h, &(struct ui_field){ .name = "offset_days",
	    .label = "Antal dage", .hint = "Negativt tal: før trinnet",
	    .type = UI_NUMBER, .inputmode = "text", .width = "xs",
	    .value = f->offset_days, .maxlength = 4 }, errs);
	ui_select(h, &(struct ui_select){ .name = "period_year",
	    .label = "Valgperiodens år", .hint = "Valgperioder begynder 1. "
	    "januar efter kommunalvalget (2014, 2018, 2022, 2026 …)",
	    .width = "s", .selected = f->period_year, .first = "Ikke brugt",
	    .options = periods, .noptions = 4 }, errs);
	ui_field(h, &(struct ui_field){ .name = "note", .label = "Kilde eller "
	    "bemærkning", .value = f->c.note, .maxlength = 500 }, errs);
}

static void
reason_field(struct html *h, const struct rule_form *f,
    const struct ui_errors *errs)
{
	ui_field(h, &(struct ui_field){ .name = "reason",
	    .label = "Begrundelse", .hint = "Fx beslutning i DAS med dato",
	    .type = UI_TEXTAREA, .value = f->reason, .required = true,
	    .maxlength = CYCLE_REASON_MAX, .rows = 3 }, errs);
}

/* The history of kind from the audit log. */
static void
history(struct http_req *r, struct html *h, const char *kind)
{
	static const struct ui_col cols[] = {
		{ "Tidspunkt", 0 }, { "Bruger", 0 }, { "Handling", 0 },
		{ "Gælder fra", UI_COL_NUM }, { "Begrundelse", 0 }
	};
	struct audit_entry	*v;
	struct ui_table		 t;
	struct err		 e;
	json_t			*j;
	const char		*action;
	int			 n, i;

	HTML_LIT(h, "<h2>Historik</h2>");
	err_clear(&e);
	if (cycle_rule_history(&r->svc, kind, &v, &n, &e) != 0) {
		ui_alert(h, UI_ERROR, NULL, e.msg);
		return;
	}
	ui_table_begin(&t, h, NULL, cols, 5);
	for (i = 0; i < n; i++) {
		j = v[i].after_json != NULL ? json_loads(v[i].after_json, 0,
		    NULL) : NULL;
		action = strcmp(v[i].action, "create") == 0 ? "Oprettet" :
		    strcmp(v[i].action, "retire") == 0 ? "Ophør" : "Ændret";
		ui_row(&t);
		ui_cell_begin(&t);
		html_time(h, v[i].at);
		ui_cell_end(&t);
		ui_cell(&t, v[i].username);
		ui_cell(&t, action);
		if (json_integer_value(json_object_get(j, "from_year")) > 0)
			ui_cell(&t, arena_printf(&r->arena, "%lld", (long long)
			    json_integer_value(json_object_get(j,
			    "from_year"))));
		else
			ui_cell(&t, "–");
		ui_cell(&t, json_string_value(json_object_get(j, "reason")));
		json_decref(j);
	}
	ui_table_end(&t);
}

/* The form of rule id (0: a new step) with errs; sent with status. */
static void
render_form(struct http_req *r, const struct rules *rs, int64_t id,
    const struct rule_form *f, const struct ui_errors *errs, int status)
{
	static const struct ui_option scopes[] = {
		{ "ret", "Ret denne regel" },
		{ "ny", "Ny regel fra et senere år; de tidligere år beholder "
		  "denne" }
	};
	struct page	 p;
	struct html	*h = &p.h;
	const char	*action;

	action = id == 0 ? "/aarshjul/regler/ny" : arena_printf(&r->arena,
	    "/aarshjul/regler/%lld", (long long)id);
	page_begin_crumbs(&p, r, id == 0 ? "Nyt trin i årshjulet" :
	    f->c.title, "aarshjul", rules_crumbs, 2);
	ui_error_summary(h, errs);
	HTML_LIT(h, "<form class=\"ramme-form\" method=\"post\" novalidate");
	html_attr(h, "action", action);
	HTML_LIT(h, ">");
	page_csrf(&p);
	if (id == 0)
		ui_field(h, &(struct ui_field){ .name = "kind",
		    .label = "Trinnets navn i API'et", .hint = "Små bogstaver, "
		    "tal og _; bruges i API'et og kalenderen", .value = f->c.kind,
		    .required = true, .maxlength = CYCLE_KIND_MAX,
		    .width = "l" }, errs);
	else {
		HTML_LIT(h, "<p>Trin: <code lang=\"en\">");
		html_text(h, f->c.kind);
		HTML_LIT(h, "</code></p>");
		ui_radios(h, &(struct ui_radios){ .name = "scope",
		    .legend = "Hvad vil du ændre?", .selected = f->scope,
		    .options = scopes, .noptions = 2 }, errs);
	}
	ui_field(h, &(struct ui_field){ .name = "from_year",
	    .label = "Gælder fra år", .hint = id == 0 ? NULL : "Ved en ny "
	    "regel: det første år, den gælder", .type = UI_NUMBER,
	    .inputmode = "numeric", .width = "xs", .value = f->from_year,
	    .required = true, .maxlength = 4 }, errs);
	rule_fields(r, h, rs, f, errs);
	reason_field(h, f, errs);
	ui_button(h, UI_PRIMARY, "Gem regel", NULL, NULL);
	HTML_LIT(h, "</form>");
	if (id != 0 && !f->c.retired) {
		HTML_LIT(h, "<h2>Ophør</h2><p>Trinnet forsvinder fra årshjulet "
		    "fra det valgte år; de tidligere år er uændrede.</p>"
		    "<form class=\"ramme-form\" method=\"post\"");
		html_attr(h, "action", arena_printf(&r->arena,
		    "/aarshjul/regler/%lld/ophoer", (long long)id));
		HTML_LIT(h, ">");
		page_csrf(&p);
		ui_field(h, &(struct ui_field){ .name = "from_year",
		    .id = "retire-year", .label = "Ophører fra år",
		    .type = UI_NUMBER, .inputmode = "numeric", .width = "xs",
		    .required = true, .maxlength = 4 }, NULL);
		ui_field(h, &(struct ui_field){ .name = "reason",
		    .id = "retire-reason", .label = "Begrundelse",
		    .type = UI_TEXTAREA, .required = true, .rows = 2,
		    .maxlength = CYCLE_REASON_MAX }, NULL);
		ui_button(h, UI_WARNING_BUTTON, "Lad trinnet ophøre", NULL,
		    NULL);
		HTML_LIT(h, "</form>");
	}
	if (id != 0)
		history(r, h, f->c.kind);
	page_end(&p, status);
}

/* Rule id of the path among rs; NULL after a 404. */
static const struct cycle_rule *
path_rule(struct http_req *r, const struct rules *rs, int64_t *id)
{
	struct err	e;
	size_t		i;

	err_clear(&e);
	if (text_parse_i64(r->params[0], id) == 0)
		for (i = 0; i < rs->n; i++)
			if (rs->v[i].rule->id == *id)
				return rs->v[i].rule;
	err_set(&e, ERR_NOT_FOUND, "not_found", NULL, "Reglen findes ikke");
	http_send_error(r, &e);
	return NULL;
}

void
page_cycle_rule_new_form(struct http_req *r)
{
	struct rule_form	 f;
	struct rules		 rs;
	struct err		 e;

	err_clear(&e);
	if (rules_load(r, &rs, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	memset(&f, 0, sizeof(f));
	f.from_year = arena_printf(&r->arena, "%d", atoi(r->svc.now_iso) + 1);
	f.c.party = PARTY_SECRETARIAT;
	f.c.how = CYCLE_FIXED;
	render_form(r, &rs, 0, &f, NULL, 200);
}

void
page_cycle_rule_form(struct http_req *r)
{
	const struct cycle_rule	*c;
	struct rule_form	 f;
	struct rules		 rs;
	struct err		 e;
	int64_t			 id;

	err_clear(&e);
	if (rules_load(r, &rs, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	if ((c = path_rule(r, &rs, &id)) == NULL)
		return;
	form_from_rule(r, &f, c);
	render_form(r, &rs, id, &f, NULL, 200);
}

/* Save the posted form for rule id (0: new); errors re-render it. */
static void
save(struct http_req *r, int64_t id)
{
	const struct cycle_rule	*c = NULL;
	struct ui_errors	 errs;
	struct rule_form	 f;
	struct rules		 rs;
	struct err		 e;
	int64_t			 nid;

	err_clear(&e);
	if (rules_load(r, &rs, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	if (id != 0 && (c = path_rule(r, &rs, &id)) == NULL)
		return;
	memset(&f, 0, sizeof(f));
	ui_errors_init(&errs);
	form_read(r, &f, &errs);
	f.c.kind = c != NULL ? c->kind : http_form_text(r, "kind");
	f.c.id = 0;
	if (c != NULL) {
		if (f.scope == NULL || (strcmp(f.scope, "ret") != 0 &&
		    strcmp(f.scope, "ny") != 0))
			ui_errors_add(&errs, "scope", "Vælg om reglen rettes, "
			    "eller om der kommer en ny regel fra et år");
		else if (strcmp(f.scope, "ret") == 0)
			f.c.id = c->id;
		else if (f.c.from_year <= c->from_year)
			ui_errors_add(&errs, "from_year", arena_printf(
			    &r->arena, "En ny regel skal gælde fra et senere "
			    "år end %d", c->from_year));
	}
	if (errs.n == 0 && cycle_rule_save(&r->svc, &f.c, f.reason, &nid,
	    &e) == 0) {
		http_redirect(r, "/aarshjul/regler?besked=gemt");
		return;
	}
	if (errs.n == 0)
		ui_errors_add_err(&errs, r, &e);
	render_form(r, &rs, id, &f, &errs, errs.n > 0 && e.code == 0 ?
	    400 : http_status_of_err(e.code));
}

void
page_cycle_rule_new_post(struct http_req *r)
{
	save(r, 0);
}

void
page_cycle_rule_post(struct http_req *r)
{
	save(r, -1);
}

void
page_cycle_rule_retire_post(struct http_req *r)
{
	const struct cycle_rule	*c;
	struct ui_errors	 errs;
	struct rule_form	 f;
	struct rules		 rs;
	struct page		 p;
	struct err		 e;
	const char		*raw, *back;
	int64_t			 id;
	int			 year;

	err_clear(&e);
	if (rules_load(r, &rs, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	if ((c = path_rule(r, &rs, &id)) == NULL)
		return;
	ui_errors_init(&errs);
	if (int_field(r, "from_year", &raw, &year, &errs) != 0 ||
	    raw == NULL || year < CYCLE_YEAR_MIN || year > CYCLE_YEAR_MAX)
		err_set(&e, ERR_INVALID, "invalid_year", "from_year", "Angiv "
		    "året, trinnet ophører fra (%d–%d)", CYCLE_YEAR_MIN,
		    CYCLE_YEAR_MAX);
	else if (http_form_text(r, "reason") == NULL ||
	    *http_form_text(r, "reason") == '\0')
		err_set(&e, ERR_INVALID, "missing_reason", "reason", "Angiv "
		    "hvorfor trinnet ophører");
	else if (!ui_confirmed(r)) {
		back = arena_printf(&r->arena, "/aarshjul/regler/%lld",
		    (long long)id);
		page_begin_crumbs(&p, r, arena_printf(&r->arena, "Ophør: %s",
		    c->title), "aarshjul", rules_crumbs, 2);
		ui_confirm(&p, &(struct ui_confirm){
		    .heading = "Skal trinnet ophøre?",
		    .text = arena_printf(&r->arena, "»%s« vises ikke i "
		    "årshjulet, kalenderen og opgaverne fra %d.", c->title,
		    year),
		    .consequences = (const char *const[]){
			"De tidligere år er uændrede.",
			"Trinnet kan tages i brug igen med en ny regel fra et "
			"senere år." },
		    .nconsequences = 2, .action = arena_printf(&r->arena,
		    "/aarshjul/regler/%lld/ophoer", (long long)id),
		    .button = "Lad trinnet ophøre", .warning = true,
		    .cancel_href = back });
		page_end(&p, 200);
		return;
	} else if (cycle_rule_retire(&r->svc, c->kind, year,
	    http_form_text(r, "reason"), &e) == 0) {
		http_redirect(r, "/aarshjul/regler?besked=ophoert");
		return;
	}
	form_from_rule(r, &f, c);
	ui_errors_add(&errs, NULL, arena_printf(&r->arena, "Trinnet kunne "
	    "ikke ophøre: %s", e.msg));
	render_form(r, &rs, id, &f, &errs, http_status_of_err(e.code));
}
