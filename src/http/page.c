/*
 * page — the frame of every page, CSRF fields, messages, error pages
 * (see page.h).
 */
#include <sodium.h>
#include <string.h>

#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/asset.h"
#include "http/router.h"
#include "http/server.h"
#include "http/ui.h"
#include "service/account.h"


/* The main menu: who sees which item. */
static const struct menu_item {
	const char	*href;
	const char	*label;
	const char	*section;	/* page_begin()'s section */
	unsigned	 roles;		/* ROLE_BIT()s that see it */
} menu[] = {
	{ "/tilbud", "Tilbud", "tilbud", ROLES_PUBLIC },
	{ "/organisationer", "Organisationer", "organisationer", ROLES_PUBLIC },
	{ "/takster", "Takster", "takster", ROLES_PUBLIC },
	{ "/beregn", "Beregn", "beregn", ROLES_PUBLIC },
	{ "/oekonomi", "Økonomi", "oekonomi", ROLES_PUBLIC },
	{ "/moeder", "Møder", "moeder", ROLES_PUBLIC },
	{ "/soeg", "Søg", "soeg", ROLES_PUBLIC },
	{ "/politikere", "Politikere", "politikere", ROLES_PUBLIC },
	{ "/takstindberetning", "Indberetning", "indberetning", ROLES_EDITORS },
	{ "/regnskab", "Regnskab", "regnskab", ROLES_EDITORS },
	{ "/brugere", "Brugere", "brugere", ROLES_ADMIN },
};
#define NMENU	(sizeof(menu) / sizeof(menu[0]))

static const struct menu_item *
menu_find(const char *section)
{
	size_t i;

	for (i = 0; section != NULL && i < NMENU; i++)
		if (strcmp(menu[i].section, section) == 0)
			return &menu[i];
	return NULL;
}

/* The menu's items as <li>s, the current one marked. */
static void
menu_items(struct page *p, const char *section)
{
	struct html	*h = &p->h;
	size_t		 i;
	int		 cur;

	for (i = 0; i < NMENU; i++) {
		if (!(menu[i].roles & ROLE_BIT(p->r->who.role)))
			continue;
		cur = section != NULL && strcmp(menu[i].section, section) == 0;
		if (cur)
			HTML_LIT(h, "<li class=\"active current\">");
		else
			HTML_LIT(h, "<li>");
		HTML_LIT(h, "<a class=\"nav-link\"");
		html_url(h, "href", menu[i].href);
		if (cur)
			HTML_LIT(h, " aria-current=\"page\"");
		HTML_LIT(h, "><span>");
		html_text(h, menu[i].label);
		HTML_LIT(h, "</span></a></li>");
	}
}

/* "Name, Role, Organisation" of the logged-in user. */
static void
user_line(struct page *p)
{
	const struct principal	*w = &p->r->who;
	const char		*name, *org;
	struct err		 e;

	if (account_names(&p->r->svc, w, &name, &org, &e) != 0) {
		name = w->username;
		org = w->org_code;
	}
	/* "Brønderslev Kommune, myndighed" already says role and place. */
	html_text(&p->h, name);
	if (name == NULL || strcasestr(name, role_label(w->role)) == NULL) {
		HTML_LIT(&p->h, ", ");
		html_text(&p->h, role_label(w->role));
	}
	if (org != NULL && (name == NULL || strstr(name, org) == NULL)) {
		HTML_LIT(&p->h, ", ");
		html_text(&p->h, org);
	}
}

static void
logout_form(struct page *p)
{
	struct html *h = &p->h;

	HTML_LIT(h, "<form method=\"post\" action=\"/logout\" "
	    "class=\"log-off-form\">");
	page_csrf(p);
	HTML_LIT(h, "<button type=\"submit\" class=\"function-link log-off\">");
	ui_icon(h, "lock");
	HTML_LIT(h, "Log ud</button></form>");
}

static void
login_link(struct page *p)
{
	HTML_LIT(&p->h, "<a class=\"function-link log-off\" href=\"/login\">");
	ui_icon(&p->h, "lock");
	HTML_LIT(&p->h, "Log ind</a>");
}

static void
crumb(struct html *h, const char *href, const char *label, int first)
{
	HTML_LIT(h, "<li class=\"breadcrumbs__list-item\">");
	if (!first)
		ui_icon(h, "chevron-right");
	HTML_LIT(h, "<a class=\"breadcrumbs__link\"");
	html_url(h, "href", href);
	HTML_LIT(h, ">");
	html_text(h, label);
	HTML_LIT(h, "</a></li>");
}

static void
breadcrumbs(struct page *p, const char *title, const char *section,
    const struct page_crumb *crumbs, int ncrumbs)
{
	struct html		*h = &p->h;
	const struct menu_item	*m;
	int			 i;

	if (strcmp(p->r->path, "/") == 0)
		return;
	HTML_LIT(h, "<nav class=\"breadcrumbs\" aria-label=\"Brødkrumme\">"
	    "<ol class=\"breadcrumbs__list\">");
	crumb(h, "/", "Forside", 1);
	if (crumbs != NULL)
		for (i = 0; i < ncrumbs; i++)
			crumb(h, crumbs[i].href, crumbs[i].label, 0);
	else if ((m = menu_find(section)) != NULL &&
	    strcmp(p->r->path, m->href) != 0)
		crumb(h, m->href, m->label, 0);
	HTML_LIT(h, "<li class=\"breadcrumbs__list-item\" "
	    "aria-current=\"page\">");
	ui_icon(h, "chevron-right");
	html_text(h, title);
	HTML_LIT(h, "</li></ol></nav>\n");
}

void
page_begin_crumbs(struct page *p, struct http_req *r, const char *title,
    const char *section, const struct page_crumb *crumbs, int ncrumbs)
{
	const struct http_site	*site = http_server_site(r->srv);
	struct html		*h;
	int			 anon = r->who.role == ROLE_ANON;

	p->r = r;
	buf_init(&p->b);
	p->h.out = &p->b;
	h = &p->h;
	HTML_LIT(h, "<!doctype html>\n<html lang=\"da\"><head>"
	    "<meta charset=\"utf-8\">"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\"><title>");
	html_text(h, title);
	HTML_LIT(h, " · ");
	html_text(h, site->name);
	HTML_LIT(h, "</title><link rel=\"stylesheet\"");
	html_url(h, "href", asset_url("dkfds.min.css"));
	HTML_LIT(h, "><link rel=\"stylesheet\"");
	html_url(h, "href", asset_url("style.css"));
	HTML_LIT(h, "><script defer");
	html_url(h, "src", asset_url("ramme.js"));
	HTML_LIT(h, "></script>");
	if (section != NULL && (strcmp(section, "moeder") == 0 ||
	    strcmp(section, "politikere") == 0))
		HTML_LIT(h, "<link rel=\"alternate\" type=\"application/rss+xml\" "
		    "title=\"Referater\" href=\"/referater.rss\">"
		    "<link rel=\"alternate\" type=\"text/calendar\" "
		    "title=\"Mødekalender\" href=\"/kalender.ics\">");
	HTML_LIT(h, "</head>\n<body>"
	    "<a class=\"skipnav\" href=\"#main-content\">Gå til sidens "
	    "indhold</a>\n<header class=\"header\">"
	    "<div class=\"portal-info\"><div class=\"portal-info-inner "
	    "container\"><a href=\"/\" class=\"logo ramme-logo\">"
	    "<span class=\"ramme-logo-mark\" aria-hidden=\"true\">R</span>"
	    "<span class=\"ramme-logo-text\">");
	html_text(h, site->org);
	HTML_LIT(h, "</span></a><a href=\"#menu\" class=\"button-menu-open "
	    "function-link ramme-menu-open\" aria-controls=\"menu\">");
	ui_icon(h, "menu");
	HTML_LIT(h, "Menu</a><div class=\"portal-user\">");
	if (!anon) {
		HTML_LIT(h, "<p class=\"user\">");
		user_line(p);
		HTML_LIT(h, "</p><a class=\"function-link\" href=\"/konto\">");
		ui_icon(h, "person");
		HTML_LIT(h, "Min konto</a>");
		logout_form(p);
	} else
		login_link(p);
	HTML_LIT(h, "</div></div></div>"
	    "<div class=\"solution-info\"><div class=\"solution-info-inner "
	    "container\"><div class=\"solution-heading\"><a href=\"/\">");
	html_text(h, site->name);
	HTML_LIT(h, "</a></div><div class=\"additional-info\"><p>"
	    "<strong class=\"authority-name\">");
	html_text(h, site->org);
	HTML_LIT(h, "</strong></p></div></div></div>"
	    /* Desktop: DKFDS's menu bar. */
	    "<div class=\"navigation-menu\" id=\"menu\"><div "
	    "class=\"navigation-menu-inner container\"><nav class=\"nav\" "
	    "aria-label=\"Hovedmenu\">"
	    "<ul class=\"mainmenu\">");
	menu_items(p, section);
	HTML_LIT(h, "</ul></nav></div></div></header>\n"
	    "<main id=\"main-content\" class=\"container page-container\">");
	breadcrumbs(p, title, section, crumbs, ncrumbs);
	HTML_LIT(h, "<h1>");
	html_text(h, title);
	HTML_LIT(h, "</h1>\n");
}

void
page_begin(struct page *p, struct http_req *r, const char *title,
    const char *section)
{
	page_begin_crumbs(p, r, title, section, NULL, 0);
}

void
page_end(struct page *p, int status)
{
	const struct http_site *site = http_server_site(p->r->srv);

	HTML_LIT(&p->h, "</main>\n<footer><div class=\"footer\">"
	    "<div class=\"container\"><div class=\"row\">"
	    "<div class=\"col-12 col-md-6 footer-col\"><p><strong>");
	html_text(&p->h, site->org);
	HTML_LIT(&p->h, "</strong></p><p>Rammeaftalen for det "
	    "specialiserede social- og specialundervisningsområde i "
	    "Nordjylland</p><p><a");
	html_url(&p->h, "href", arena_printf(&p->r->arena, "mailto:%s",
	    site->email));
	HTML_LIT(&p->h, ">");
	html_text(&p->h, site->email);
	HTML_LIT(&p->h, "</a></p></div><div class=\"col-12 col-md-6 "
	    "footer-col\"><ul class=\"unstyled-list\">"
	    "<li><a href=\"/tilgaengelighed\">Tilgængelighedserklæring</a></li>"
	    "<li><a href=\"/privatliv\">Privatlivspolitik</a></li>"
	    "<li><a href=\"/api/v1\">Åbent API</a></li>"
	    "</ul></div></div></div></div></footer></body></html>\n");
	http_send(p->r, status, "text/html; charset=utf-8", buf_str(&p->b),
	    p->b.len);
	buf_cleanup(&p->b);
}

void
page_csrf(struct page *p)
{
	struct http_req	*r = p->r;
	const char	*tok = r->csrf, *c;
	unsigned char	 raw[32];
	char		 b64[64];

	if (tok == NULL) {
		if (r->anon_csrf == NULL) {
			c = http_cookie(r, "ramme_csrf");
			if (c != NULL && strlen(c) == 43)
				r->anon_csrf = arena_strdup(&r->arena, c);
			else {
				randombytes_buf(raw, sizeof(raw));
				sodium_bin2base64(b64, sizeof(b64), raw,
				    sizeof(raw),
				    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
				r->anon_csrf = arena_strdup(&r->arena, b64);
				http_set_header(r, "Set-Cookie",
				    arena_printf(&r->arena, "ramme_csrf=%s; "
				    "Path=/; HttpOnly; SameSite=Strict%s", b64,
				    http_server_secure(r->srv) ? "; Secure" :
				    ""));
			}
		}
		tok = r->anon_csrf;
	}
	HTML_LIT(&p->h, "<input type=\"hidden\" name=\"csrf_token\"");
	html_attr(&p->h, "value", tok);
	HTML_LIT(&p->h, ">");
}

void
page_message(struct page *p, const char *kind, const char *text)
{
	struct html *h = &p->h;

	ui_alert(h, strcmp(kind, "error") == 0 ? UI_ERROR : UI_SUCCESS, NULL,
	    text);
}

void
page_error(struct http_req *r, int status, const struct err *e)
{
	struct page	 p;
	const char	*title;

	switch (status) {
	case 401:	title = "Log ind først"; break;
	case 403:	title = "Ingen adgang"; break;
	case 404:	title = "Siden findes ikke"; break;
	case 405:	title = "Metoden er ikke tilladt"; break;
	case 413:	title = "For stor forespørgsel"; break;
	case 429:	title = "For mange forsøg"; break;
	default:	title = status >= 500 ? "Der skete en fejl" :
			    "Forespørgslen kunne ikke gennemføres";
	}
	page_begin(&p, r, title, NULL);
	ui_alert(&p.h, UI_ERROR, NULL, e->msg[0] ? e->msg : title);
	HTML_LIT(&p.h, "<p><a href=\"/\">Til forsiden</a></p>");
	page_end(&p, status);
}

void
page_favicon(struct http_req *r)
{
	http_set_header(r, "Cache-Control", "public, max-age=86400");
	http_send(r, 204, NULL, "", 0);
}
