/*
 * offer_form — the frame of a page that records one thing about an offer
 * through a form of its own at /tilbud/:id/SLUG (start-up costs, a
 * harmonised tariff, a purchase agreement, an opt-out, a change of
 * operator or status): the offer read from the path; the page titled
 * with the breadcrumbs "Tilbud › the offer", the form's error summary, a
 * form posting back to the same path with its CSRF field and one primary
 * button; and the end of the POST: a redirect to the offer's page with
 * ?besked=KEY, the same form again with the service's error, or the
 * error page.
 *
 * A page supplies what differs — its text and fields — as a render
 * function, which the GET and the failed POST both call:
 *
 *	static void
 *	render(struct http_req *r, const struct offer *o,
 *	    const struct err *err, int status)
 *	{
 *		struct offer_form f;
 *
 *		offer_form_begin(&f, r, o, "Registrér købsaftale", err);
 *		HTML_LIT(&f.p.h, "<p>…</p>");
 *		offer_form_open(&f, "koebsaftale");
 *		ui_field(&f.p.h, &(struct ui_field){ … }, &f.errs);
 *		offer_form_close(&f, "Registrér");
 *		page_end(&f.p, status);
 *	}
 *
 *	void page_x_form(struct http_req *r) { offer_form_get(r, render); }
 *
 *	void
 *	page_x_post(struct http_req *r)
 *	{
 *		…
 *		if (offer_form_load(r, &o) != 0)
 *			return;
 *		err_clear(&e);
 *		rc = x_record(&r->svc, o.id, gov_field(r, "…"), …, &e);
 *		offer_form_done(r, &o, rc, &e, render, "koebsaftale");
 *	}
 */
#ifndef RAMME_OFFER_FORM_H
#define RAMME_OFFER_FORM_H

#include "http/page.h"
#include "http/ui.h"

struct err;
struct http_req;
struct offer;

/*
 * A page's form for offer o: err (NULL: none) is shown in the summary and
 * at its field; the page is sent with status (200, or the error's).
 */
typedef void	offer_form_render(struct http_req *r, const struct offer *o,
		    const struct err *err, int status);

/* The page being written: its document, and the errors of its fields. */
struct offer_form {
	struct page		 p;
	struct ui_errors	 errs;	/* pass to ui_field(), ui_radios() … */
	const struct offer	*o;	/* borrowed */
};

/*
 * Read the offer whose id is the path's first parameter into *o (in r's
 * arena). Returns 0, or -1 after sending the error page (not an id: 400;
 * no such offer: 404).
 */
int	offer_form_load(struct http_req *r, struct offer *o);
/* The GET of a form: offer_form_load(), then render(r, o, NULL, 200). */
void	offer_form_get(struct http_req *r, offer_form_render *render);
/*
 * Begin f's page for offer o: title as the h1 below the breadcrumbs
 * "Tilbud › o's name" in the menu's "tilbud", then the error summary
 * with err's message (NULL: none). o must outlive f.
 */
void	offer_form_begin(struct offer_form *f, struct http_req *r,
	    const struct offer *o, const char *title, const struct err *err);
/*
 * Open the form: <form class="stack" method="post"> posting to
 * /tilbud/ID/slug, with the session's CSRF field.
 */
void	offer_form_open(struct offer_form *f, const char *slug);
/* Close the form with one primary submit button labelled button. */
void	offer_form_close(struct offer_form *f, const char *button);
/*
 * The end of a form's POST, after the service returned rc with e: 0
 * redirects (303) to /tilbud/ID?besked=key; ERR_FORBIDDEN and
 * ERR_NOT_FOUND (the user may not, or an offer is gone) send the error
 * page; any other error calls render(r, o, e, its HTTP status), so the
 * form comes back filled in with the message at its field.
 */
void	offer_form_done(struct http_req *r, const struct offer *o, int rc,
	    const struct err *e, offer_form_render *render, const char *key);

#endif
