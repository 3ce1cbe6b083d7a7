/*
 * page_start — the front page "/": for a logged-in user a personal start
 * page, "Mine opgaver", with the open tasks of service/tasks and the
 * steps of the annual cycle the user's organisation must act on (overdue
 * first), each a card
 * with what, the deadline and a link; for anonymous users the public
 * front page with the ways into the register, tariffs and meetings.
 */
#include <string.h>

#include "core/role.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "service/register.h"
#include "service/tasks.h"
#include "store/offer_store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/text.h"

#define CARDS_SHOWN	60	/* task cards on the page, at most */

/* The kind of a task as the small heading above its name. */
static const char *
kind_label(enum task_kind k)
{
	switch (k) {
	case TASK_SUBMISSION:		return "Takstindberetning";
	case TASK_ACCOUNTS:		return "Regnskab";
	case TASK_REVIEW:		return "Til godkendelse";
	case TASK_ROUND_MISSING:	return "Frist overskredet";
	case TASK_FOLLOW_UP:		return "Opfølgning";
	case TASK_MINUTES:		return "Referat til godkendelse";
	case TASK_CYCLE:		return "Årshjul";
	case TASK_MEETING:		return "Kommende møde";
	case TASK_TARIFFS:		return "Nyt i takstoversigten";
	case TASK_APPROVAL:		return "Godkendelse af aftalen";
	case TASK_INDMELDING:		return "Indmelding";
	case TASK_IND_REVIEW:		return "Indmelding til godkendelse";
	case TASK_HEARING:		return "Høring";
	case TASK_ANALYSIS_HEARING:	return "Takstanalyse i høring";
	default:			return "";
	}
}

/* Where a task is done. */
static const char *
task_href(struct http_req *r, const struct task *t)
{
	if (t->href != NULL)
		return t->href;
	switch (t->kind) {
	case TASK_SUBMISSION:
	case TASK_REVIEW:
		return arena_printf(&r->arena, "/indberetning/%lld",
		    (long long)t->id);
	case TASK_ACCOUNTS:
		return arena_printf(&r->arena, "/regnskab/indberet?tilbud=%lld"
		    "&aar=%d", (long long)t->id, t->year);
	case TASK_ROUND_MISSING:
		return arena_printf(&r->arena, "/takstindberetning/%lld",
		    (long long)t->id);
	case TASK_FOLLOW_UP:
	case TASK_MINUTES:
	case TASK_MEETING:
		return arena_printf(&r->arena, "/moeder/%lld",
		    (long long)t->id);
	case TASK_TARIFFS:
		return arena_printf(&r->arena, "/takster?year=%d", t->year);
	case TASK_APPROVAL:
		return arena_printf(&r->arena, "/aftale/dokumenter/%lld",
		    (long long)t->id);
	case TASK_INDMELDING:
	case TASK_IND_REVIEW:
		return arena_printf(&r->arena, "/indmelding/%lld",
		    (long long)t->id);
	case TASK_HEARING:
		return arena_printf(&r->arena,
		    "/indmeldinger/%lld/statusbillede", (long long)t->id);
	case TASK_ANALYSIS_HEARING:
		return arena_printf(&r->arena, "/oekonomi/analyser/%lld",
		    (long long)t->id);
	default:
		return "/";
	}
}

static enum ui_tone
state_tone(const struct task *t)
{
	if (t->state == NULL)
		return UI_NEUTRAL;
	if (strcmp(t->state, "Sendt retur") == 0 ||
	    t->kind == TASK_ROUND_MISSING)
		return UI_ERROR;
	if (t->kind == TASK_REVIEW || t->kind == TASK_MINUTES ||
	    t->kind == TASK_IND_REVIEW)
		return UI_INFO;
	if (t->kind == TASK_TARIFFS)
		return UI_SUCCESS;
	if (t->kind == TASK_CYCLE)
		return strcmp(t->state, "Åben") == 0 ? UI_INFO : UI_NEUTRAL;
	return UI_WARNING;
}

/* One task as a DKFDS card in the row of cards. */
static void
task_card(struct http_req *r, struct html *h, const struct task *t)
{
	HTML_LIT(h, "<li class=\"col-12 col-md-6\"><div class=\"card "
	    "ramme-task");
	if (t->overdue)
		HTML_LIT(h, " ramme-task-overdue");
	HTML_LIT(h, "\"><div class=\"card-content\"><span "
	    "class=\"card-subheading\">");
	html_text(h, kind_label(t->kind));
	HTML_LIT(h, "</span><h3 class=\"card-heading h4\"><a");
	html_url(h, "href", task_href(r, t));
	HTML_LIT(h, ">");
	html_text(h, t->what);
	HTML_LIT(h, "</a></h3>");
	if (t->detail != NULL) {
		HTML_LIT(h, "<p>");
		if (t->kind == TASK_TARIFFS) {
			HTML_LIT(h, "Offentliggjort ");
			html_time(h, t->detail);
		} else
			html_text(h, t->detail);
		HTML_LIT(h, "</p>");
	}
	if (t->due_on != NULL) {
		HTML_LIT(h, "<p>");
		HTML_LIT(h, "<strong>");
		if (t->kind == TASK_MEETING)
			HTML_LIT(h, "Dato: ");
		else
			HTML_LIT(h, "Frist: ");
		HTML_LIT(h, "</strong>");
		html_date(h, t->due_on);
		HTML_LIT(h, "</p>");
	}
	if (t->overdue || t->state != NULL) {
		HTML_LIT(h, "<p class=\"ramme-badges\">");
		if (t->overdue)
			ui_badge(h, UI_ERROR, "Overskredet");
		if (t->state != NULL)
			ui_badge(h, state_tone(t), t->state);
		HTML_LIT(h, "</p>");
	}
	HTML_LIT(h, "</div></div></li>");
}

/* The cards of tasks v[0..n) whose kind is (or is not) news. */
static size_t
task_cards(struct http_req *r, struct html *h, const struct task *v,
    size_t n, bool news)
{
	size_t i, shown = 0;

	HTML_LIT(h, "<ul class=\"card-row row ramme-tasks\">");
	for (i = 0; i < n && shown < CARDS_SHOWN; i++) {
		if (task_is_news(v[i].kind) != news)
			continue;
		task_card(r, h, &v[i]);
		shown++;
	}
	HTML_LIT(h, "</ul>");
	return shown;
}

static void
start_page(struct http_req *r)
{
	struct page	 p;
	struct html	*h = &p.h;
	struct task	*v;
	struct err	 e;
	size_t		 n, more, i, ntasks = 0, nlate = 0, nnews = 0, shown;

	err_clear(&e);
	if (tasks_list(&r->svc, &v, &n, &more, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	for (i = 0; i < n; i++) {
		if (task_is_news(v[i].kind))
			nnews++;
		else {
			ntasks++;
			nlate += v[i].overdue;
		}
	}
	page_begin(&p, r, "Forside", NULL);
	HTML_LIT(h, "<h2>Mine opgaver</h2>");
	if (ntasks == 0)
		ui_alert(h, UI_SUCCESS, NULL, "Du har ingen åbne opgaver.");
	else {
		HTML_LIT(h, "<p id=\"task-count\">");
		html_text(h, ntasks == 1 ? "Du har 1 åben opgave" :
		    arena_printf(&r->arena, "Du har %zu åbne opgaver", ntasks +
		    more));
		if (nlate > 0)
			html_text(h, arena_printf(&r->arena, ", heraf %zu med "
			    "overskredet frist", nlate));
		HTML_LIT(h, ".</p>");
		shown = task_cards(r, h, v, n, false);
		if (shown + more < ntasks + more)
			ui_alert(h, UI_INFO, NULL, arena_printf(&r->arena,
			    "Der vises %zu opgaver; resten finder du under "
			    "menupunkterne.", shown));
	}
	if (nnews > 0) {
		HTML_LIT(h, "<h2>Nyt og kommende møder</h2>");
		task_cards(r, h, v, n, true);
	} else if (r->who.role == ROLE_AUTHORITY ||
	    r->who.role == ROLE_READER)
		HTML_LIT(h, "<p>Der er ingen kommende møder eller nye "
		    "takstoversigter.</p>");
	HTML_LIT(h, "<h2>Genveje</h2><ul>"
	    "<li><a href=\"/tilbud\">Tilbud</a></li>"
	    "<li><a href=\"/takster\">Takstoversigt</a></li>"
	    "<li><a href=\"/moeder\">Møder</a></li></ul>");
	page_end(&p, 200);
}

/* A card of the public front page: heading link and one line. */
static void
front_card(struct html *h, const char *href, const char *heading,
    const char *text)
{
	HTML_LIT(h, "<li class=\"col-12 col-md-6 col-lg-4\"><div "
	    "class=\"card\"><div class=\"card-content\"><h2 "
	    "class=\"card-heading h3\"><a");
	html_url(h, "href", href);
	HTML_LIT(h, ">");
	html_text(h, heading);
	HTML_LIT(h, "</a></h2><p>");
	html_text(h, text);
	HTML_LIT(h, "</p></div></div></li>");
}

static void
public_page(struct http_req *r)
{
	struct page		 p;
	struct html		*h = &p.h;
	struct offer_filter	 f;
	struct offer		*v;
	struct org		*orgs;
	struct err		 e;
	size_t			 n;
	int64_t			 total = 0;
	int			 norgs = 0;

	memset(&f, 0, sizeof(f));
	f.covered = -1;
	f.limit = 1;
	err_clear(&e);
	if (register_offer_list(&r->svc, &f, &v, &n, &total, &e) != 0)
		total = 0;
	if (register_org_list(&r->svc, &orgs, &norgs, &e) != 0)
		norgs = 0;
	page_begin(&p, r, "Rammeaftalen i Nordjylland", NULL);
	HTML_LIT(h, "<p class=\"font-lead\">ramme samler registeret over "
	    "tilbud, driftsherrer og kommuner under rammeaftalen for det "
	    "specialiserede social- og specialundervisningsområde.</p>"
	    "<ul class=\"card-row row\">");
	front_card(h, "/tilbud", "Tilbud", arena_printf(&r->arena,
	    "%s tilbud med driftsherre, beliggenhed, paragraffer og pladser "
	    "pr. år.", ui_int_da(r, total)));
	front_card(h, "/takster", "Takstoversigt", "De offentliggjorte "
	    "takster pr. tilbud og år.");
	front_card(h, "/moeder", "Møder", "Dagsordener og referater fra "
	    "samarbejdets organer.");
	front_card(h, "/organisationer", "Organisationer", arena_printf(
	    &r->arena, "%s organisationer med kommunekoder og indbyggertal.",
	    ui_int_da(r, norgs)));
	front_card(h, "/beregn", "Takstberegner", "Beregn en takst, et "
	    "overskud eller en belægning efter aftalens regler.");
	front_card(h, "/api/v1", "Åbent API", "Registeret og takster som "
	    "JSON til videre brug.");
	HTML_LIT(h, "</ul><div class=\"actions\">");
	ui_button_link(h, UI_PRIMARY, "/login", "Log ind");
	HTML_LIT(h, "<span>for at se dine opgaver og redigere.</span></div>");
	page_end(&p, 200);
}

void
page_home(struct http_req *r)
{
	if (r->who.role == ROLE_ANON)
		public_page(r);
	else
		start_page(r);
}
