/*
 * page_cycle — the annual cycle (årshjul): the year view by month
 * (/aarshjul: every step with its date, who acts, its status and a link
 * to the round, meeting or accounts it belongs to; a year switcher), the
 * takeover date of a regional offer by the election-period rule
 * (/aarshjul/overtagelse), and the JSON of a year (/api/v1/cycle/:year).
 * The rules and their editing are in page_cycle_rules.c.
 */
#include <jansson.h>
#include <stdio.h>
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
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

#define SWITCH_BEFORE	15	/* years before this one in the switcher */
#define SWITCH_AFTER	4	/* years after it */

static const char *const month_names[12] = {
	"Januar", "Februar", "Marts", "April", "Maj", "Juni", "Juli",
	"August", "September", "Oktober", "November", "December"
};

void
page_cycle_status_badge(struct html *h, enum cycle_status s)
{
	static const enum ui_tone tones[CYCLE_STATUS_COUNT] = {
		UI_NEUTRAL, UI_INFO, UI_SUCCESS, UI_ERROR, UI_NEUTRAL
	};

	ui_badge(h, (unsigned)s < CYCLE_STATUS_COUNT ? tones[s] : UI_NEUTRAL,
	    cycle_status_label(s));
}

/* The year of the query's aar (default: this year); false after a 400. */
static bool
query_year(struct http_req *r, int *year)
{
	const char	*s;
	struct err	 e;
	int64_t		 v;

	*year = atoi(r->svc.now_iso);
	if ((s = http_query(r, "aar")) == NULL || *s == '\0')
		return true;
	if (text_parse_i64(s, &v) != 0 || v < CYCLE_YEAR_MIN ||
	    v > CYCLE_YEAR_MAX) {
		err_set(&e, ERR_INVALID, "invalid_year", "aar", "Året skal "
		    "ligge mellem %d og %d", CYCLE_YEAR_MIN, CYCLE_YEAR_MAX);
		http_send_error(r, &e);
		return false;
	}
	*year = (int)v;
	return true;
}

/* Previous and next year, and a select of years around this one. */
static void
year_switcher(struct http_req *r, struct html *h, int year)
{
	int	now = atoi(r->svc.now_iso), y, lo, hi;

	lo = (year < now ? year : now) - SWITCH_BEFORE;
	hi = (year > now ? year : now) + SWITCH_AFTER;
	if (lo < CYCLE_YEAR_MIN)
		lo = CYCLE_YEAR_MIN;
	if (hi > CYCLE_YEAR_MAX)
		hi = CYCLE_YEAR_MAX;
	HTML_LIT(h, "<form class=\"filters ramme-year-switch\" method=\"get\" "
	    "action=\"/aarshjul\" aria-label=\"Vælg år\">");
	ui_select_begin(h, &(struct ui_select){ .name = "aar",
	    .label = "År", .width = "xs",
	    .selected = arena_printf(&r->arena, "%d", year) }, NULL);
	for (y = hi; y >= lo; y--)
		ui_option(h, arena_printf(&r->arena, "%d", y),
		    arena_printf(&r->arena, "%d", y),
		    arena_printf(&r->arena, "%d", year));
	ui_select_end(h);
	ui_button(h, UI_SECONDARY, "Vis år", NULL, NULL);
	HTML_LIT(h, "</form><p class=\"ramme-year-links\">");
	if (year > CYCLE_YEAR_MIN) {
		HTML_LIT(h, "<a");
		html_url(h, "href", arena_printf(&r->arena, "/aarshjul?aar=%d",
		    year - 1));
		HTML_LIT(h, ">");
		html_text(h, arena_printf(&r->arena, "Forrige år (%d)",
		    year - 1));
		HTML_LIT(h, "</a>");
	}
	if (year < CYCLE_YEAR_MAX) {
		HTML_LIT(h, " · <a");
		html_url(h, "href", arena_printf(&r->arena, "/aarshjul?aar=%d",
		    year + 1));
		HTML_LIT(h, ">");
		html_text(h, arena_printf(&r->arena, "Næste år (%d)",
		    year + 1));
		HTML_LIT(h, "</a>");
	}
	HTML_LIT(h, "</p>");
}

/* What a step belongs to: a link, or its label, and the detail. */
static void
belongs_cell(struct ui_table *t, struct html *h, const struct cycle_item *it)
{
	ui_cell_begin(t);
	if (it->href != NULL && it->link_label != NULL) {
		HTML_LIT(h, "<a");
		html_url(h, "href", it->href);
		HTML_LIT(h, ">");
		html_text(h, it->link_label);
		HTML_LIT(h, "</a>");
	} else if (it->link_label != NULL)
		html_text(h, it->link_label);
	else
		html_text(h, "–");
	if (it->detail != NULL) {
		HTML_LIT(h, "<br><span class=\"muted\">");
		html_text(h, it->detail);
		HTML_LIT(h, "</span>");
	}
	ui_cell_end(t);
}

/* The steps of month m (1..12) of v[0..n) as a table. */
static void
month_table(struct http_req *r, struct html *h, int m,
    const struct cycle_item *v, size_t n)
{
	static const struct ui_col cols[] = {
		{ "Dato", 0 }, { "Trin", 0 }, { "Ansvarlig", 0 },
		{ "Status", 0 }, { "Hører til", 0 }
	};
	struct ui_table	t;
	size_t		i, k = 0;

	HTML_LIT(h, "<h2 class=\"h3\"");
	html_attr(h, "id", arena_printf(&r->arena, "maaned-%d", m));
	HTML_LIT(h, ">");
	html_text(h, month_names[m - 1]);
	HTML_LIT(h, "</h2>");
	for (i = 0; i < n; i++)
		if (atoi(v[i].date + 5) == m)
			k++;
	if (k == 0) {
		HTML_LIT(h, "<p class=\"muted\">Ingen trin i "
		    "årshjulet.</p>");
		return;
	}
	ui_table_begin(&t, h, NULL, cols, 5);
	for (i = 0; i < n; i++) {
		if (atoi(v[i].date + 5) != m)
			continue;
		ui_row(&t);
		ui_cell_begin(&t);
		html_date(h, v[i].date);
		if (strcmp(v[i].date, v[i].planned) != 0) {
			HTML_LIT(h, "<br><span class=\"muted\">Planlagt ");
			html_date(h, v[i].planned);
			HTML_LIT(h, "</span>");
		}
		ui_cell_end(&t);
		ui_cell(&t, v[i].title);
		ui_cell(&t, cycle_party_label(v[i].party));
		ui_cell_begin(&t);
		page_cycle_status_badge(h, v[i].status);
		ui_cell_end(&t);
		belongs_cell(&t, h, &v[i]);
	}
	ui_table_end(&t);
}

void
page_cycle_year(struct http_req *r)
{
	static const char *const allowed[] = { "aar", NULL };
	struct page		 p;
	struct html		*h = &p.h;
	struct cycle_item	*v;
	struct err		 e;
	size_t			 n, i, late = 0;
	int			 year, m;

	err_clear(&e);
	if (http_query_check(r, allowed, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	if (!query_year(r, &year))
		return;
	if (cycle_year(&r->svc, year, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	for (i = 0; i < n; i++)
		late += v[i].status == CYCLE_OVERDUE;
	page_begin(&p, r, arena_printf(&r->arena, "Årshjul %d", year),
	    "aarshjul");
	HTML_LIT(h, "<p class=\"font-lead\">Samarbejdets faste frister og "
	    "møder gennem året: indmeldinger, høring, takstindberetning, "
	    "godkendelser og forstærket samarbejde.</p>");
	year_switcher(r, h, year);
	HTML_LIT(h, "<p>");
	html_text(h, arena_printf(&r->arena, "%zu trin i %d", n, year));
	if (late > 0)
		html_text(h, arena_printf(&r->arena, ", heraf %zu med "
		    "overskredet frist", late));
	HTML_LIT(h, ". Trinene findes også i <a href=\"/kalender.ics\">"
	    "kalenderen</a> (iCal), som kan abonneres på.</p>");
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button_link(h, UI_SECONDARY, "/aarshjul/overtagelse",
	    "Beregn overtagelse af regionalt tilbud");
	if (r->who.role == ROLE_ADMIN)
		ui_button_link(h, UI_SECONDARY, "/aarshjul/regler",
		    "Regler for årshjulet");
	HTML_LIT(h, "</div>");
	HTML_LIT(h, "<div class=\"ramme-cycle\">");
	for (m = 1; m <= 12; m++)
		month_table(r, h, m, v, n);
	HTML_LIT(h, "</div>");
	page_end(&p, 200);
}

void
page_cycle_takeover(struct http_req *r)
{
	static const char *const allowed[] = { "varsel", NULL };
	static const struct page_crumb crumbs[] = {
		{ "/aarshjul", "Årshjul" }
	};
	struct ui_errors	 errs;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	const char		*notice;
	char			 takeover[11];
	int			 first = 0, status = 200, rc = -1;

	err_clear(&e);
	if (http_query_check(r, allowed, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	ui_errors_init(&errs);
	notice = http_query_text(r, "varsel");
	if (notice != NULL && *notice != '\0') {
		if ((rc = cycle_takeover_date(notice, takeover, &e)) == 0)
			cycle_election_period(notice, &first, &e);
		else {
			snprintf(e.field, sizeof(e.field), "varsel");
			ui_errors_add_err(&errs, r, &e);
			status = 400;
		}
	}
	page_begin_crumbs(&p, r, "Overtagelse af regionalt tilbud",
	    "aarshjul", crumbs, 1);
	HTML_LIT(h, "<p>En kommune kan overtage et regionalt tilbud, der "
	    "ligger i kommunen, én gang pr. valgperiode. Varslet skal være "
	    "givet senest 1. januar i valgperiodens 3. år, og overtagelsen "
	    "sker 1. januar i valgperiodens 4. år.</p>");
	ui_error_summary(h, &errs);
	if (rc == 0) {
		ui_alert_begin(h, UI_SUCCESS, "Overtagelsesdato");
		HTML_LIT(h, "<p>Et varsel givet ");
		html_date(h, notice);
		html_text(h, arena_printf(&r->arena, " i valgperioden %d–%d "
		    "giver overtagelse ", first, first + 3));
		HTML_LIT(h, "<strong id=\"overtagelse\">");
		html_date(h, takeover);
		HTML_LIT(h, "</strong>.</p>");
		ui_alert_end(h);
	}
	HTML_LIT(h, "<form class=\"ramme-form\" method=\"get\" "
	    "action=\"/aarshjul/overtagelse\" novalidate>");
	ui_field(h, &(struct ui_field){ .name = "varsel",
	    .label = "Dato for kommunens varsel", .type = UI_DATE,
	    .value = notice, .required = true }, &errs);
	ui_button(h, UI_PRIMARY, "Beregn", NULL, NULL);
	HTML_LIT(h, "</form>");
	page_end(&p, status);
}

void
api_cycle_year(struct http_req *r)
{
	struct cycle_item	*v;
	struct err		 e;
	json_t			*steps, *s;
	int64_t			 year;
	size_t			 n, i;

	err_clear(&e);
	if (text_parse_i64(r->params[0], &year) != 0 ||
	    year < CYCLE_YEAR_MIN || year > CYCLE_YEAR_MAX) {
		err_set(&e, ERR_INVALID, "invalid_year", "year", "Året skal "
		    "ligge mellem %d og %d", CYCLE_YEAR_MIN, CYCLE_YEAR_MAX);
		http_send_error(r, &e);
		return;
	}
	if (cycle_year(&r->svc, (int)year, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	steps = json_array();
	for (i = 0; i < n; i++) {
		s = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}",
		    "date", v[i].date, "planned", v[i].planned, "kind",
		    v[i].kind, "title", v[i].title, "status",
		    cycle_status_name(v[i].status), "party",
		    cycle_party_name(v[i].party), "party_label",
		    cycle_party_label(v[i].party));
		if (v[i].href != NULL)
			json_object_set_new(s, "href", json_string(v[i].href));
		if (v[i].link_label != NULL)
			json_object_set_new(s, "belongs_to",
			    json_string(v[i].link_label));
		if (v[i].detail != NULL)
			json_object_set_new(s, "detail",
			    json_string(v[i].detail));
		json_array_append_new(steps, s);
	}
	http_send_json(r, 200, json_pack("{s:I, s:o}", "year",
	    (json_int_t)year, "steps", steps));
}
