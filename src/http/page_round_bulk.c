/*
 * page_round_bulk — on a round's page, "Indsend alle klar" for an
 * operator and "Godkend alle indsendte" for the secretariat, each behind
 * a confirmation that lists what moves and what is not ready.
 */
#include <stdio.h>
#include <string.h>

#include "core/role.h"
#include "core/round.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/tariff_http.h"
#include "http/ui.h"
#include "service/round.h"
#include "service/round_bulk.h"
#include "util/arena.h"

static const char *
bulk_path(struct http_req *r, int64_t id, enum round_bulk what)
{
	return arena_printf(&r->arena, "/takstindberetning/%lld/%s",
	    (long long)id, what == ROUND_BULK_SUBMIT ? "indsend-alle" :
	    "godkend-alle");
}

/* One form with a button, when something is ready. */
static void
bulk_form(struct page *p, const struct tariff_round *t, enum round_bulk what)
{
	struct round_bulk_item	*it;
	struct html		*h = &p->h;
	struct err		 e;
	size_t			 n, nready;

	err_clear(&e);
	if (round_bulk_plan(&p->r->svc, t->id, what, NULL, &it, &n, &nready,
	    &e) != 0 || n == 0)
		return;
	HTML_LIT(h, "<p>");
	if (what == ROUND_BULK_SUBMIT)
		html_text(h, arena_printf(&p->r->arena, "%zu af %zu "
		    "indberetninger, der ikke er indsendt, er klar til at blive "
		    "indsendt.", nready, n));
	else
		html_text(h, arena_printf(&p->r->arena, "%zu %s venter på "
		    "godkendelse.", n, n == 1 ? "indberetning" :
		    "indberetninger"));
	HTML_LIT(h, "</p>");
	if (nready == 0)
		return;
	HTML_LIT(h, "<form method=\"post\"");
	html_url(h, "action", bulk_path(p->r, t->id, what));
	HTML_LIT(h, "><div class=\"actions\">");
	page_csrf(p);
	ui_button(h, UI_SECONDARY, what == ROUND_BULK_SUBMIT ?
	    "Indsend alle klar" : "Godkend alle indsendte", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

void
round_bulk_section(struct page *p, const struct tariff_round *t)
{
	if (t->status == ROUND_PUBLISHED)
		return;
	if (p->r->who.role == ROLE_OPERATOR) {
		HTML_LIT(&p->h, "<h2>Indsend flere på én gang</h2>");
		bulk_form(p, t, ROUND_BULK_SUBMIT);
	} else if (p->r->who.role == ROLE_ADMIN) {
		HTML_LIT(&p->h, "<h2>Godkend flere på én gang</h2>");
		bulk_form(p, t, ROUND_BULK_APPROVE);
	}
}

/* The confirmation: what moves, and what stays and why. */
static void
confirm_page(struct http_req *r, const struct tariff_round *t,
    enum round_bulk what, const struct round_bulk_item *it, size_t n,
    size_t nready)
{
	struct page	 p;
	const char	**list, *back;
	size_t		 i, k = 0;

	back = arena_printf(&r->arena, "/takstindberetning/%lld",
	    (long long)t->id);
	list = arena_calloc(&r->arena, n + 1, sizeof(*list));
	for (i = 0; i < n; i++)
		list[k++] = it[i].ready ? arena_printf(&r->arena, "%s (%s)",
		    it[i].sub->offer_name, it[i].sub->operator_name) :
		    arena_printf(&r->arena, "Ikke klar: %s (%s) %s",
		    it[i].sub->offer_name, it[i].sub->operator_name,
		    it[i].why);
	page_begin_crumbs(&p, r, what == ROUND_BULK_SUBMIT ?
	    "Indsend alle klar" : "Godkend alle indsendte", "indberetning",
	    (const struct page_crumb[]){
	    { "/takstindberetning", "Takstindberetning" },
	    { back, arena_printf(&r->arena, "Takstindberetning %d, runde %d",
	    t->year, t->no) } }, 2);
	ui_confirm(&p, &(struct ui_confirm){
	    .heading = what == ROUND_BULK_SUBMIT ? arena_printf(&r->arena,
	    "Vil du indsende %zu %s?", nready, nready == 1 ?
	    "indberetning" : "indberetninger") : arena_printf(&r->arena,
	    "Vil du godkende %zu %s?", nready, nready == 1 ?
	    "indberetning" : "indberetninger"),
	    .text = what == ROUND_BULK_SUBMIT ? "De indsendte kan ikke "
	    "ændres, før sekretariatet sender dem retur. Indberetninger, der "
	    "ikke er klar, bliver som kladder:" : "Godkendte takster "
	    "offentliggøres, når runden offentliggøres. Hver godkendelse "
	    "logges for sig:",
	    .consequences = list, .nconsequences = (int)k,
	    .action = bulk_path(r, t->id, what),
	    .button = what == ROUND_BULK_SUBMIT ? "Indsend" : "Godkend",
	    .cancel_href = back });
	page_end(&p, 200);
}

static void
bulk_post(struct http_req *r, enum round_bulk what)
{
	struct round_bulk_item	*it;
	struct tariff_round	 t;
	struct err		 e;
	size_t			 n, nready;
	int64_t			 id;
	int			 done, failed;

	if (tariff_http_path_id(r, &id) != 0)
		return;
	err_clear(&e);
	if (http_form_error(r, &e) != 0 ||
	    round_get(&r->svc, id, &t, NULL, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	if (!ui_confirmed(r)) {
		if (round_bulk_plan(&r->svc, id, what, NULL, &it, &n, &nready,
		    &e) != 0) {
			http_send_error(r, &e);
			return;
		}
		if (nready > 0) {
			confirm_page(r, &t, what, it, n, nready);
			return;
		}
	}
	if (round_bulk_act(&r->svc, id, what, NULL, &done, &failed, &e)
	    != 0) {
		http_send_error(r, &e);
		return;
	}
	http_redirect(r, arena_printf(&r->arena, "/takstindberetning/%lld"
	    "?besked=%s&antal=%d", (long long)id, what == ROUND_BULK_SUBMIT ?
	    "indsendt" : "godkendt", done));
}

void
page_round_submit_all(struct http_req *r)
{
	bulk_post(r, ROUND_BULK_SUBMIT);
}

void
page_round_approve_all(struct http_req *r)
{
	bulk_post(r, ROUND_BULK_APPROVE);
}
