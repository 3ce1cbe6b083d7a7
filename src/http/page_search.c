/*
 * page_search — full-text search in agendas, minutes and attachments,
 * with filters (body, year, section, decision); hits newest-ranked, each
 * a link to its item with the body, the date and a snippet.
 */
#include <stdio.h>
#include <string.h>

#include "core/meeting.h"
#include "http/gov.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "service/meeting.h"
#include "util/buf.h"
#include "util/text.h"

#define SEARCH_PAGE	20

/* The snippet with \1 … \2 around hits, as <mark>. */
static void
snippet(struct http_req *r, struct html *h, const char *s)
{
	const char *p = s, *q;

	while (*p != '\0') {
		q = p + strcspn(p, "\001\002");
		html_text(h, arena_strndup(&r->arena, p, (size_t)(q - p)));
		if (*q == '\001')
			HTML_LIT(h, "<mark>");
		else if (*q == '\002')
			HTML_LIT(h, "</mark>");
		else
			break;
		p = q + 1;
	}
}

/* The search form with the filters of f. */
static void
search_form(struct http_req *r, struct html *h, const char *q,
    const struct search_filter *f)
{
	static struct ui_option	 so[3];
	const struct ui_option	*bo, *ro;
	int			 nb, nr, k;

	bo = gov_body_options(r, &nb);
	ro = gov_result_options(&nr);
	for (k = SECTION_BEHANDLING; k <= SECTION_ORIENTERING; k++) {
		so[k - SECTION_BEHANDLING].value =
		    item_section_name((enum item_section)k);
		so[k - SECTION_BEHANDLING].label =
		    item_section_label((enum item_section)k);
	}
	HTML_LIT(h, "<form class=\"filters\" method=\"get\" action=\"/soeg\" "
	    "role=\"search\">");
	ui_field(h, &(struct ui_field){ .name = "q", .label = "Søg",
	    .type = UI_SEARCH, .value = q, .maxlength = SEARCH_QUERY_MAX }, NULL);
	ui_select(h, &(struct ui_select){ .name = "organ", .label = "Organ",
	    .first = "Alle", .selected = f->body_id ? gov_idtxt(r, f->body_id) :
	    NULL, .options = bo, .noptions = nb }, NULL);
	ui_field(h, &(struct ui_field){ .name = "aar", .label = "År",
	    .type = UI_NUMBER, .inputmode = "numeric", .maxlength = 4,
	    .width = "xs", .value = f->year > 0 ? arena_printf(&r->arena, "%d",
	    f->year) : NULL }, NULL);
	ui_select(h, &(struct ui_select){ .name = "afsnit", .label = "Afsnit",
	    .first = "Alle", .selected = f->section, .options = so,
	    .noptions = SECTION_ORIENTERING - SECTION_BEHANDLING + 1 }, NULL);
	ui_select(h, &(struct ui_select){ .name = "beslutning",
	    .label = "Beslutning", .first = "Alle", .selected = f->result,
	    .options = ro, .noptions = nr }, NULL);
	ui_button(h, UI_PRIMARY, "Søg", NULL, NULL);
	HTML_LIT(h, "</form>");
}

void
page_search(struct http_req *r)
{
	static const char *const allowed[] = { "q", "organ", "aar", "afsnit",
	    "beslutning", "side", NULL };
	struct search_filter	 f;
	struct search_hit	*v = NULL;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	const char		*q = http_query(r, "q");
	size_t			 n = 0, i;
	int64_t			 total = 0, y, side = 1;
	int			 rc = 0, pages;

	if (!gov_query_ok(r, allowed))
		return;
	memset(&f, 0, sizeof(f));
	f.body_id = gov_id(http_query(r, "organ"));
	if (http_query(r, "aar") != NULL && text_parse_i64(http_query(r,
	    "aar"), &y) == 0 && y > 1900 && y < 2200)
		f.year = (int)y;
	if (http_query(r, "afsnit") != NULL && *http_query(r, "afsnit"))
		f.section = http_query(r, "afsnit");
	if (http_query(r, "beslutning") != NULL && *http_query(r,
	    "beslutning"))
		f.result = http_query(r, "beslutning");
	if (http_query(r, "side") != NULL && (text_parse_i64(http_query(r,
	    "side"), &side) != 0 || side < 1 || side > 500))
		side = 1;
	f.limit = SEARCH_PAGE;
	f.offset = (int)(side - 1) * SEARCH_PAGE;
	err_clear(&e);
	if (q != NULL && *q != '\0')
		rc = meeting_search(&r->svc, q, &f, &v, &n, &total, &e);
	page_begin(&p, r, "Søg i møder", "soeg");
	search_form(r, h, q, &f);
	if (rc != 0) {
		ui_alert(h, UI_ERROR, NULL, e.msg);
		page_end(&p, http_status_of_err(rc));
		return;
	}
	if (q == NULL || *q == '\0') {
		page_end(&p, 200);
		return;
	}
	HTML_LIT(h, "<p id=\"count\">");
	if (total > SEARCH_MAX_HITS) {
		/* Only the newest SEARCH_MAX_HITS are ranked. */
		HTML_LIT(h, "Mere end ");
		html_int(h, SEARCH_MAX_HITS);
		HTML_LIT(h, " punkter fundet</p><p class=\"muted\">De ");
		html_int(h, SEARCH_MAX_HITS);
		HTML_LIT(h, " nyeste vises, de bedste først. Tilføj et ord "
		    "eller et filter for at finde ældre.</p>");
		total = SEARCH_MAX_HITS;
	} else {
		html_int(h, total);
		html_text(h, total == 1 ? " punkt fundet" : " punkter fundet");
		HTML_LIT(h, "</p>");
	}
	HTML_LIT(h, "<ol class=\"hits\">");
	for (i = 0; i < n; i++) {
		HTML_LIT(h, "<li><a");
		html_url(h, "href", arena_printf(&r->arena,
		    "/moeder/%lld#punkt-%d", (long long)v[i].meeting_id,
		    v[i].number));
		HTML_LIT(h, ">");
		if (v[i].number > 0) {
			html_int(h, v[i].number);
			HTML_LIT(h, ". ");
		}
		html_text(h, v[i].title);
		HTML_LIT(h, "</a><br><span class=\"muted\">");
		html_text(h, v[i].body_name);
		HTML_LIT(h, ", ");
		gov_when(h, v[i].starts_at, NULL);
		if (v[i].result != NULL) {
			enum item_result res;
			if (item_result_parse(v[i].result, &res) == 0 &&
			    res != RESULT_NONE) {
				HTML_LIT(h, " · ");
				html_text(h, item_result_label(res));
			}
		}
		HTML_LIT(h, "</span><br>");
		snippet(r, h, v[i].snippet ? v[i].snippet : "");
		HTML_LIT(h, "</li>");
	}
	HTML_LIT(h, "</ol>");
	pages = (int)((total + SEARCH_PAGE - 1) / SEARCH_PAGE);
	ui_pager(h, r, arena_printf(&r->arena, "/soeg?q=%s&organ=%lld&aar=%d&"
	    "afsnit=%s&beslutning=%s", http_urlencode(&r->arena, q),
	    (long long)f.body_id, f.year, http_urlencode(&r->arena,
	    f.section ? f.section : ""), http_urlencode(&r->arena,
	    f.result ? f.result : "")), "side", (int)side, pages);
	page_end(&p, 200);
}
