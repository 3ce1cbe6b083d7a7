/*
 * offer_form — the frame of the form pages of one offer (offer_form.h).
 */
#include <stdint.h>

#include "core/offer.h"
#include "http/api.h"
#include "http/html.h"
#include "http/http.h"
#include "http/offer_form.h"
#include "http/page.h"
#include "http/ui.h"
#include "service/register.h"
#include "util/arena.h"
#include "util/err.h"

int
offer_form_load(struct http_req *r, struct offer *o)
{
	struct err	e;
	int64_t		id;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    register_offer_get(&r->svc, id, o, &e) != 0) {
		http_send_error(r, &e);
		return -1;
	}
	return 0;
}

void
offer_form_get(struct http_req *r, offer_form_render *render)
{
	struct offer o;

	if (offer_form_load(r, &o) == 0)
		render(r, &o, NULL, 200);
}

void
offer_form_begin(struct offer_form *f, struct http_req *r,
    const struct offer *o, const char *title, const struct err *err)
{
	f->o = o;
	ui_errors_init(&f->errs);
	if (err != NULL)
		ui_errors_add_err(&f->errs, r, err);
	page_begin_crumbs(&f->p, r, title, "tilbud",
	    (const struct page_crumb[]){ { "/tilbud", "Tilbud" },
	    { arena_printf(&r->arena, "/tilbud/%lld", (long long)o->id),
	    o->name } }, 2);
	ui_error_summary(&f->p.h, &f->errs);
}

void
offer_form_open(struct offer_form *f, const char *slug)
{
	struct http_req	*r = f->p.r;
	struct html	*h = &f->p.h;

	HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
	html_url(h, "action", arena_printf(&r->arena, "/tilbud/%lld/%s",
	    (long long)f->o->id, slug));
	HTML_LIT(h, ">");
	page_csrf(&f->p);
}

void
offer_form_close(struct offer_form *f, const char *button)
{
	struct html *h = &f->p.h;

	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, button, NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

void
offer_form_done(struct http_req *r, const struct offer *o, int rc,
    const struct err *e, offer_form_render *render, const char *key)
{
	if (rc == ERR_FORBIDDEN || rc == ERR_NOT_FOUND) {
		http_send_error(r, e);
		return;
	}
	if (rc != 0) {
		render(r, o, e, http_status_of_err(rc));
		return;
	}
	http_redirect(r, arena_printf(&r->arena, "/tilbud/%lld?besked=%s",
	    (long long)o->id, key));
}
