/*
 * page_person — the secretariat's persons and their personal data
 * (/personer): the list, a person's "Persondata" page with the export as
 * JSON and PDF, and the confirmed erasure (service/privacy.h,
 * docs/privacy.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/api.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "report/person_pdf.h"
#include "service/privacy.h"
#include "util/buf.h"
#include "util/text.h"

static const struct page_crumb persons_crumb[] = {
	{ "/brugere", "Brugere" }, { "/personer", "Personer" } };

void
page_persons(struct http_req *r)
{
	static const struct ui_col cols[] = { { "Navn", 0 },
	    { "Organisation", 0 }, { "Login", 0 },
	    { "Medlemskaber", UI_COL_NUM }, { "Møder", UI_COL_NUM },
	    { "Status", 0 } };
	struct privacy_person	*v;
	struct page		 p;
	struct html		*h = &p.h;
	struct ui_table		 t;
	struct err		 e;
	size_t			 n, i;
	int64_t			 page = 1, total;

	err_clear(&e);
	if (http_query(r, "side") != NULL &&
	    (text_parse_i64(http_query(r, "side"), &page) != 0 || page < 1 ||
	    page > 100000)) {
		err_set(&e, ERR_INVALID, "invalid_page", "side",
		    "Siden skal være et tal fra 1");
		http_send_error(r, &e);
		return;
	}
	if (privacy_persons(&r->svc, (int)page, &v, &n, &total, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin_crumbs(&p, r, "Personer", "brugere", persons_crumb, 1);
	HTML_LIT(h, "<p>Personer, som ramme kender som medlemmer af organer "
	    "eller deltagere i møder. Vælg en person for at se, udlevere "
	    "eller slette personens persondata.</p>");
	if (n == 0) {
		HTML_LIT(h, "<p>Ingen personer er registreret.</p>");
		page_end(&p, 200);
		return;
	}
	ui_table_begin(&t, h, NULL, cols, 6);
	for (i = 0; i < n; i++) {
		ui_row(&t);
		ui_cell_link(&t, arena_printf(&r->arena, "/personer/%lld",
		    (long long)v[i].id), v[i].name);
		ui_cell(&t, v[i].organisation != NULL ? v[i].organisation :
		    "–");
		ui_cell(&t, v[i].username != NULL ? v[i].username : "–");
		ui_cell_int(&t, v[i].nmemberships);
		ui_cell_int(&t, v[i].nmeetings);
		ui_cell_begin(&t);
		ui_badge(h, v[i].erased_at != NULL ? UI_NEUTRAL : UI_SUCCESS,
		    v[i].erased_at != NULL ? "Slettet" : "Aktiv");
		ui_cell_end(&t);
	}
	ui_table_end(&t);
	ui_pager(h, r, "/personer", "side", (int)page,
	    (int)((total + PRIVACY_PAGE - 1) / PRIVACY_PAGE));
	page_end(&p, 200);
}

static void
person_page(struct http_req *r, const struct privacy_person *pp,
    const struct err *err, int status)
{
	struct page		 p;
	struct html		*h = &p.h;
	struct ui_errors	 errs;
	const char		*base, *besked;

	ui_errors_init(&errs);
	if (err != NULL)
		ui_errors_add_err(&errs, r, err);
	base = arena_printf(&r->arena, "/personer/%lld", (long long)pp->id);
	page_begin_crumbs(&p, r, arena_printf(&r->arena, "Persondata: %s",
	    pp->name), "brugere", persons_crumb, 2);
	besked = http_query(r, "besked");
	if (besked != NULL && strcmp(besked, "slettet") == 0)
		ui_alert(h, UI_SUCCESS, NULL, "Personen er slettet. Navnet "
		    "står fortsat i godkendte referater, som de blev "
		    "offentliggjort.");
	if (err != NULL && pp->erased_at != NULL)
		ui_alert(h, UI_ERROR, NULL, err->msg);
	ui_facts_begin(h);
	ui_fact(h, "Navn", pp->name);
	ui_fact(h, "Organisation", pp->organisation);
	ui_fact(h, "E-mail", pp->email);
	ui_fact(h, "Login", pp->username);
	ui_fact(h, "Medlemskaber af organer", ui_int_da(r, pp->nmemberships));
	ui_fact(h, "Opført ved møder", ui_int_da(r, pp->nmeetings));
	if (pp->erased_at != NULL) {
		ui_fact_begin(h, "Slettet");
		html_time(h, pp->erased_at);
		ui_fact_end(h);
	}
	ui_facts_end(h);
	HTML_LIT(h, "<h2>Udlevering af persondata</h2><p>Alt hvad ramme har "
	    "registreret om personen: login, medlemskaber, udpegninger, "
	    "deltagelse og afbud ved møder, revisionsspor, loginlog og "
	    "e-mails. Udleveringen registreres i revisionssporet.</p><p>");
	ui_button_link(h, UI_SECONDARY, arena_printf(&r->arena,
	    "%s/persondata.json", base), "Hent som JSON");
	HTML_LIT(h, " ");
	ui_button_link(h, UI_SECONDARY, arena_printf(&r->arena,
	    "%s/persondata.pdf", base), "Hent som PDF");
	HTML_LIT(h, "</p>");
	if (pp->erased_at == NULL) {
		HTML_LIT(h, "<h2>Slet personen</h2><p>Når personen ikke længere "
		    "er nødvendig, erstattes navnet med et løbenummer, og "
		    "e-mail og organisation fjernes. Et login lukkes. Godkendte "
		    "referater beholder navnet, som det blev "
		    "offentliggjort.</p>");
		ui_error_summary(h, &errs);
		HTML_LIT(h, "<form class=\"ramme-form\" method=\"post\" "
		    "action=\"");
		html_text(h, base);
		HTML_LIT(h, "/slet\">");
		page_csrf(&p);
		ui_field(h, &(struct ui_field){ .name = "reason",
		    .label = "Begrundelse", .hint = "Gemmes i revisionssporet. "
		    "Skriv ikke personens navn.", .type = UI_TEXTAREA,
		    .value = err != NULL ? http_form(r, "reason") : NULL,
		    .required = true, .maxlength = PRIVACY_REASON_MAX,
		    .rows = 3 }, &errs);
		ui_button(h, UI_WARNING_BUTTON, "Slet personen", NULL, NULL);
		HTML_LIT(h, "</form>");
	}
	page_end(&p, status);
}

void
page_person(struct http_req *r)
{
	struct privacy_person	pp;
	struct err		e;
	int64_t			id;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    privacy_person(&r->svc, id, &pp, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	person_page(r, &pp, NULL, 200);
}

/* The export as a download named persondata-ID.EXT. */
static void
person_export(struct http_req *r, bool pdf)
{
	struct err	 e;
	struct buf	 b;
	json_t		*d = NULL;
	char		*txt;
	int64_t		 id;

	err_clear(&e);
	buf_init(&b);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    privacy_export(&r->svc, id, &d, &e) != 0 ||
	    (pdf && person_pdf_write(d, &b, &e) != 0)) {
		json_decref(d);
		buf_cleanup(&b);
		http_send_error(r, &e);
		return;
	}
	if (!pdf) {
		txt = json_dumps(d, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		buf_puts(&b, txt);
		free(txt);
	}
	json_decref(d);
	http_set_header(r, "Cache-Control", "no-store");
	http_set_header(r, "Content-Disposition", arena_printf(&r->arena,
	    "attachment; filename=\"persondata-%lld.%s\"", (long long)id,
	    pdf ? "pdf" : "json"));
	http_send(r, 200, pdf ? "application/pdf" :
	    "application/json; charset=utf-8", b.data != NULL ? b.data : "",
	    b.len);
	buf_cleanup(&b);
}

void
page_person_json(struct http_req *r)
{
	person_export(r, false);
}

void
page_person_pdf(struct http_req *r)
{
	person_export(r, true);
}

void
page_person_erase(struct http_req *r)
{
	struct privacy_person	 pp;
	struct privacy_erased	 x;
	struct page		 p;
	struct err		 e;
	const char		*reason, *cons[3];
	int64_t			 id;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    privacy_person(&r->svc, id, &pp, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	reason = http_form(r, "reason");
	if (reason == NULL || strspn(reason, " \t\r\n") == strlen(reason)) {
		err_set(&e, ERR_INVALID, "invalid_reason", "reason",
		    "Skriv hvorfor personen slettes");
		person_page(r, &pp, &e, 400);
		return;
	}
	if (!ui_confirmed(r)) {
		cons[0] = arena_printf(&r->arena, "Navnet bliver til "
		    "\"Slettet person %lld\"; e-mail og organisation "
		    "fjernes.", (long long)id);
		cons[1] = pp.user_id != 0 ? "Personens login lukkes, og alle "
		    "sessioner, e-mails og loginforsøg slettes." : "Personen "
		    "har intet login.";
		cons[2] = "Godkendte referater beholder navnet, som det blev "
		    "offentliggjort.";
		page_begin_crumbs(&p, r, "Slet personen", "brugere",
		    persons_crumb, 2);
		ui_confirm(&p, &(struct ui_confirm){
		    .heading = arena_printf(&r->arena, "Vil du slette %s?",
		    pp.name), .text = "Sletningen kan ikke fortrydes.",
		    .consequences = cons, .nconsequences = 3,
		    .action = arena_printf(&r->arena, "/personer/%lld/slet",
		    (long long)id), .button = "Slet personen", .warning = true,
		    .cancel_href = arena_printf(&r->arena, "/personer/%lld",
		    (long long)id) });
		page_end(&p, 200);
		return;
	}
	if (privacy_erase(&r->svc, id, reason, &x, NULL, &e) != 0) {
		if (e.code == ERR_INVALID || e.code == ERR_CONFLICT)
			person_page(r, &pp, &e, http_status_of_err(e.code));
		else
			http_send_error(r, &e);
		return;
	}
	http_redirect(r, arena_printf(&r->arena, "/personer/%lld?besked="
	    "slettet", (long long)id));
}
