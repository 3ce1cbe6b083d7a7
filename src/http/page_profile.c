/*
 * page_profile — "Min konto" for every logged-in user: who one is, the
 * password change, the sessions open in one's name and "Log ud alle
 * steder".
 */
#include <string.h>

#include "core/role.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "service/account.h"
#include "store/session_store.h"
#include "util/arena.h"
#include "util/err.h"

static const struct page_crumb konto[] = { { "/konto", "Min konto" } };

/* The success message of ?besked=KEY, or NULL. */
static const char *
flash_text(const char *key)
{
	if (key == NULL)
		return NULL;
	if (strcmp(key, "adgangskode") == 0)
		return "Din adgangskode er skiftet. Du er logget ud alle andre "
		    "steder.";
	return NULL;
}

void
page_profile(struct http_req *r)
{
	static const struct ui_col cols[] = {
		{ "Logget ind", 0 }, { "Udløber", 0 }, { "", 0 },
	};
	struct page		 p;
	struct html		*h = &p.h;
	struct session_info	*v;
	struct ui_table		 t;
	struct err		 e;
	const char		*name, *org, *flash;
	size_t			 n, i;

	err_clear(&e);
	if (account_names(&r->svc, &r->who, &name, &org, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	if (account_sessions(&r->svc, r->session_token, &v, &n, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin(&p, r, "Min konto", NULL);
	if ((flash = flash_text(http_query(r, "besked"))) != NULL)
		ui_alert(h, UI_SUCCESS, NULL, flash);
	ui_facts_begin(h);
	ui_fact(h, "Navn", name);
	ui_fact(h, "Brugernavn", r->who.username);
	ui_fact(h, "Rolle", role_label(r->who.role));
	if (org != NULL)
		ui_fact(h, "Organisation", org);
	ui_facts_end(h);
	HTML_LIT(h, "<p>");
	ui_button_link(h, UI_SECONDARY, "/konto/adgangskode",
	    "Skift adgangskode");
	HTML_LIT(h, " ");
	ui_button_link(h, UI_SECONDARY, "/konto/notifikationer",
	    "Mine notifikationer");
	HTML_LIT(h, " ");
	ui_button_link(h, UI_SECONDARY, "/konto/to-trins",
	    "To-trins-bekræftelse");
	HTML_LIT(h, "</p><h2>Hvor du er logget ind</h2>"
	    "<p>Hver linje er en browser eller et program, der er logget "
	    "ind med dit brugernavn. Kender du ikke dem alle, så log ud alle "
	    "steder og skift din adgangskode.</p>");
	ui_table_begin(&t, h, NULL, cols, 3);
	for (i = 0; i < n; i++) {
		ui_row(&t);
		ui_cell_begin(&t);
		html_time(h, v[i].created_at);
		ui_cell_end(&t);
		ui_cell_begin(&t);
		html_time(h, v[i].expires_at);
		ui_cell_end(&t);
		ui_cell_begin(&t);
		if (v[i].current)
			ui_badge(h, UI_INFO, "Denne browser");
		ui_cell_end(&t);
	}
	ui_table_end(&t);
	HTML_LIT(h, "<form method=\"post\" action=\"/konto/log-ud-alle-steder\">");
	page_csrf(&p);
	ui_button(h, UI_WARNING_BUTTON, "Log ud alle steder", NULL, NULL);
	HTML_LIT(h, "</form>");
	page_end(&p, 200);
}

static void
password_form(struct http_req *r, const struct err *err, int status)
{
	struct page		 p;
	struct html		*h = &p.h;
	struct ui_errors	 errs;

	ui_errors_init(&errs);
	if (err != NULL)
		ui_errors_add_err(&errs, r, err);
	page_begin_crumbs(&p, r, "Skift adgangskode", NULL, konto, 1);
	ui_error_summary(h, &errs);
	HTML_LIT(h, "<form method=\"post\" action=\"/konto/adgangskode\" "
	    "class=\"ramme-narrow\" novalidate>");
	page_csrf(&p);
	ui_field(h, &(struct ui_field){ .name = "current_password",
	    .label = "Nuværende adgangskode", .type = UI_PASSWORD,
	    .autocomplete = "current-password", .required = true,
	    .maxlength = ACCOUNT_PASSWORD_MAX }, &errs);
	ui_field(h, &(struct ui_field){ .name = "password",
	    .label = "Ny adgangskode", .type = UI_PASSWORD,
	    .hint = "Mindst 10 tegn, og ikke let at gætte: brug fx tre-fire "
	    "ord, som ikke hører sammen. Ikke dit navn, dit brugernavn eller "
	    "en almindelig adgangskode.",
	    .autocomplete = "new-password", .required = true,
	    .maxlength = ACCOUNT_PASSWORD_MAX }, &errs);
	ui_field(h, &(struct ui_field){ .name = "password_again",
	    .label = "Gentag ny adgangskode", .type = UI_PASSWORD,
	    .autocomplete = "new-password", .required = true,
	    .maxlength = ACCOUNT_PASSWORD_MAX }, &errs);
	ui_button(h, UI_PRIMARY, "Skift adgangskode", NULL, NULL);
	HTML_LIT(h, "</form>");
	page_end(&p, status);
}

void
page_password_form(struct http_req *r)
{
	password_form(r, NULL, 200);
}

void
page_password_post(struct http_req *r)
{
	const char	*cur, *pw, *again;
	struct err	 e;

	err_clear(&e);
	cur = http_form(r, "current_password");
	pw = http_form(r, "password");
	again = http_form(r, "password_again");
	if (pw == NULL || again == NULL || strcmp(pw, again) != 0) {
		err_set(&e, ERR_INVALID, "password_mismatch", "password_again",
		    "Skriv den samme nye adgangskode to gange");
		password_form(r, &e, 400);
		return;
	}
	if (account_password_change(&r->svc, r->gate, r->session_token, cur,
	    pw, &e) != 0) {
		password_form(r, &e, http_status_of_err(e.code));
		return;
	}
	http_redirect(r, "/konto?besked=adgangskode");
}

void
page_logout_everywhere(struct http_req *r)
{
	struct page	p;
	struct err	e;

	if (!ui_confirmed(r)) {
		page_begin_crumbs(&p, r, "Log ud alle steder", NULL, konto, 1);
		ui_confirm(&p, &(struct ui_confirm){
		    .heading = "Vil du logge ud alle steder?",
		    .text = "Alle browsere og programmer, der er logget ind "
		    "med dit brugernavn, bliver logget ud — også denne.",
		    .consequences = (const char *const[]){
			"Du skal logge ind igen her og alle andre steder.",
			"Arbejde, der ikke er gemt, går tabt." },
		    .nconsequences = 2,
		    .action = "/konto/log-ud-alle-steder",
		    .button = "Log ud alle steder", .warning = true,
		    .cancel_href = "/konto" });
		page_end(&p, 200);
		return;
	}
	err_clear(&e);
	if (account_logout_everywhere(&r->svc, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	http_set_session_cookie(r, NULL);
	http_redirect(r, "/login");
}
