/*
 * page — the layout shared by every HTML page (head, navigation with the
 * user's menu, main, footer), the CSRF field of forms, messages, and the
 * error page. Pages are C functions writing through struct html.
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

/*
 * Start a page: document head, header with navigation (section names the
 * current menu item: "tilbud", "organisationer", "brugere" or NULL), and
 * the <main> element with an <h1> of title.
 */
void	page_begin(struct page *p, struct http_req *r, const char *title,
	    const char *section);
/* Close the document and send it with status. */
void	page_end(struct page *p, int status);
/*
 * A hidden csrf_token input: the session's token, or for anonymous forms
 * (login) a token that is also set as a cookie (double submit).
 */
void	page_csrf(struct page *p);
/* A message box: kind "ok" or "error"; text is escaped. */
void	page_message(struct page *p, const char *kind, const char *text);
/* The HTML error page for e with status. */
void	page_error(struct http_req *r, int status, const struct err *e);

#endif
