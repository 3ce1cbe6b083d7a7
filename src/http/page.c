/*
 * page — layout, CSRF fields, messages, error pages (see page.h), and
 * the style sheet compiled into the binary.
 */
#include <sodium.h>
#include <string.h>

#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "util/embed.h"

extern const struct embedded_file static_files[];
extern const unsigned static_files_count;

static void
nav_item(struct page *p, const char *href, const char *label,
    const char *section, const char *current)
{
	struct html *h = &p->h;

	HTML_LIT(h, "<li><a");
	html_url(h, "href", href);
	if (current != NULL && strcmp(section, current) == 0)
		HTML_LIT(h, " aria-current=\"page\"");
	HTML_LIT(h, ">");
	html_text(h, label);
	HTML_LIT(h, "</a></li>");
}

void
page_begin(struct page *p, struct http_req *r, const char *title,
    const char *section)
{
	struct html *h;

	p->r = r;
	buf_init(&p->b);
	p->h.out = &p->b;
	h = &p->h;
	HTML_LIT(h, "<!doctype html>\n<html lang=\"da\"><head>"
	    "<meta charset=\"utf-8\">"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\"><title>");
	html_text(h, title);
	HTML_LIT(h, " · ramme</title>"
	    "<link rel=\"stylesheet\" href=\"/static/style.css\">");
	if (section != NULL && (strcmp(section, "moeder") == 0 ||
	    strcmp(section, "politikere") == 0))
		HTML_LIT(h, "<link rel=\"alternate\" type=\"application/rss+xml\" "
		    "title=\"Referater\" href=\"/referater.rss\">"
		    "<link rel=\"alternate\" type=\"text/calendar\" "
		    "title=\"Mødekalender\" href=\"/kalender.ics\">");
	HTML_LIT(h, "</head>\n"
	    "<body><a class=\"skip\" href=\"#main\">Spring til indhold</a>"
	    "<header class=\"top\"><div class=\"brand\"><a href=\"/\">ramme"
	    "</a><span>Sekretariatet for Rammeaftaler · Nordjylland</span>"
	    "</div><nav aria-label=\"Hovedmenu\"><ul>");
	nav_item(p, "/tilbud", "Tilbud", "tilbud", section);
	nav_item(p, "/organisationer", "Organisationer", "organisationer",
	    section);
	nav_item(p, "/takster", "Takster", "takster", section);
	nav_item(p, "/beregn", "Beregn", "beregn", section);
	nav_item(p, "/moeder", "Møder", "moeder", section);
	nav_item(p, "/soeg", "Søg", "soeg", section);
	nav_item(p, "/politikere", "Politikere", "politikere", section);
	if (r->who.role == ROLE_ADMIN || r->who.role == ROLE_OPERATOR) {
		nav_item(p, "/takstindberetning", "Indberetning",
		    "indberetning", section);
		nav_item(p, "/regnskab", "Regnskab", "regnskab", section);
	}
	if (r->who.role == ROLE_ADMIN)
		nav_item(p, "/brugere", "Brugere", "brugere", section);
	HTML_LIT(h, "</ul></nav><div class=\"user\">");
	if (r->who.role != ROLE_ANON) {
		HTML_LIT(h, "<span>");
		html_text(h, r->who.username);
		HTML_LIT(h, " (");
		html_text(h, role_label(r->who.role));
		if (r->who.org_code != NULL) {
			HTML_LIT(h, ", ");
			html_text(h, r->who.org_code);
		}
		HTML_LIT(h, ")</span><form method=\"post\" action=\"/logout\">");
		page_csrf(p);
		HTML_LIT(h, "<button type=\"submit\">Log ud</button></form>");
	} else
		HTML_LIT(h, "<a href=\"/login\">Log ind</a>");
	HTML_LIT(h, "</div></header>\n<main id=\"main\"><h1>");
	html_text(h, title);
	HTML_LIT(h, "</h1>\n");
}

void
page_end(struct page *p, int status)
{
	HTML_LIT(&p->h, "</main>\n<footer><p>ramme · Rammeaftalen for det "
	    "specialiserede social- og specialundervisningsområde i "
	    "Nordjylland · <a href=\"/api/v1\">Åbent API</a></p></footer>"
	    "</body></html>\n");
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
				    "Path=/; HttpOnly; SameSite=Strict", b64));
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

	if (strcmp(kind, "error") == 0)
		HTML_LIT(h, "<div class=\"msg error\" role=\"alert\"><p>");
	else
		HTML_LIT(h, "<div class=\"msg ok\" role=\"status\"><p>");
	html_text(h, text);
	HTML_LIT(h, "</p></div>\n");
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
	page_message(&p, "error", e->msg[0] ? e->msg : title);
	HTML_LIT(&p.h, "<p><a href=\"/\">Til forsiden</a></p>");
	page_end(&p, status);
}

void
page_style_css(struct http_req *r)
{
	unsigned i;

	for (i = 0; i < static_files_count; i++)
		if (strcmp(static_files[i].name, "style.css") == 0) {
			http_set_header(r, "Cache-Control", "public, max-age=3600");
			http_send(r, 200, "text/css; charset=utf-8",
			    static_files[i].data, static_files[i].len);
			return;
		}
	http_send(r, 404, "text/plain; charset=utf-8", "", 0);
}

void
page_favicon(struct http_req *r)
{
	http_set_header(r, "Cache-Control", "public, max-age=86400");
	http_send(r, 204, NULL, "", 0);
}
