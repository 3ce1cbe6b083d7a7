/*
 * page — the frame shared by every HTML page in DKFDS markup: head with
 * the hashed style sheets and script, skip link, header (the site's logo
 * and name, the user with role and organisation and "Log ud"), the main
 * menu (on a phone a "Menu" button folds it; without JavaScript it is a
 * link to the menu, which then shows stacked),
 * breadcrumbs, one h1, and the footer; plus the CSRF field of forms,
 * messages and the error page. Pages are C functions writing through
 * struct html; the components inside a page come from http/ui.h.
 */
#ifndef RAMME_PAGE_H
#define RAMME_PAGE_H

#include "http/html.h"
#include "util/buf.h"

struct err;
struct http_req;

struct page {
	struct http_req	*r;
	struct buf	 b;	/* the document */
	struct html	 h;	/* writes into b */
};

/* One step of the breadcrumbs: a link to an ancestor page. */
struct page_crumb {
	const char	*href;	/* "/tilbud" */
	const char	*label;	/* "Tilbud" */
};

/*
 * Start a page: document head, header, main menu (section names the
 * current menu item: "tilbud", "organisationer", "takster", "beregn",
 * "moeder", "soeg", "politikere", "indberetning", "regnskab", "oekonomi",
 * "brugere"
 * or NULL), breadcrumbs, and the <main> element with an <h1> of title.
 * The breadcrumbs are "Forside › SECTION › title": the section's menu
 * item when the page is below it.
 */
void	page_begin(struct page *p, struct http_req *r, const char *title,
	    const char *section);
/*
 * page_begin() with the breadcrumbs between "Forside" and title given:
 * crumbs[0..ncrumbs) (e.g. {"/tilbud", "Tilbud"}, {"/tilbud/7",
 * "Kompasset"} on its edit page).
 */
void	page_begin_crumbs(struct page *p, struct http_req *r, const char *title,
	    const char *section, const struct page_crumb *crumbs, int ncrumbs);
/* Close the document and send it with status. */
void	page_end(struct page *p, int status);
/*
 * A hidden csrf_token input: the session's token, or for anonymous forms
 * (login) a token that is also set as a cookie (double submit).
 */
void	page_csrf(struct page *p);
/* A message box: kind "ok" (success) or "error"; text is escaped. */
void	page_message(struct page *p, const char *kind, const char *text);
/* The HTML error page for e with status. */
void	page_error(struct http_req *r, int status, const struct err *e);

#endif
