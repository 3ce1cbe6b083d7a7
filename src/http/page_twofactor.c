/*
 * page_twofactor — the second login factor in the browser: the code
 * step of a login (/login/kode), and "To-trins-bekræftelse" under Min
 * konto: enrol with an app (the key as text and as a QR code), confirm
 * with a code, the recovery codes shown once, and turning it off.
 */
#include <string.h>

#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "report/qr.h"
#include "service/account.h"
#include "service/twofactor.h"
#include "util/arena.h"
#include "util/err.h"

static const struct page_crumb konto[] = { { "/konto", "Min konto" } };

/* Same rule as the login form's next (page_account.c). */
static const char *
safe_next(const char *next)
{
	const char	*p;

	if (next == NULL || next[0] != '/' || next[1] == '/' ||
	    strlen(next) > 500)
		return "/";
	for (p = next; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') ||
		    strchr("/-._~%?=&+,;:@!()*", *p) != NULL))
			return "/";
	return next;
}

static void
code_field(struct html *h, const char *label, const char *hint,
    const struct ui_errors *errs)
{
	ui_field(h, &(struct ui_field){ .name = "code", .label = label,
	    .hint = hint, .required = true, .maxlength = 20,
	    .inputmode = "numeric", .autocomplete = "one-time-code",
	    .width = "s" }, errs);
}

static void
login_code_page(struct http_req *r, const char *next, const struct err *e,
    int status)
{
	struct page		 p;
	struct html		*h = &p.h;
	struct ui_errors	 errs;

	ui_errors_init(&errs);
	page_begin(&p, r, "Kode fra din app", NULL);
	if (e != NULL) {
		ui_alert(h, UI_ERROR, "Du blev ikke logget ind", e->msg);
		if (strcmp(e->key, "login_expired") == 0) {
			HTML_LIT(h, "<p>");
			ui_button_link(h, UI_PRIMARY, "/login", "Log ind igen");
			HTML_LIT(h, "</p>");
			page_end(&p, status);
			return;
		}
	}
	HTML_LIT(h, "<p>Din adgangskode er rigtig. Skriv nu koden fra "
	    "godkendelsesappen på din telefon.</p>"
	    "<form method=\"post\" action=\"/login/kode\" "
	    "class=\"ramme-narrow\">");
	page_csrf(&p);
	HTML_LIT(h, "<input type=\"hidden\" name=\"next\"");
	html_attr(h, "value", safe_next(next));
	HTML_LIT(h, ">");
	code_field(h, "Kode", "6 cifre. Har du mistet telefonen, så skriv "
	    "en af dine gendannelseskoder.", &errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Log ind", NULL, NULL);
	HTML_LIT(h, "</div></form>");
	page_end(&p, status);
}

void
page_login_code_form(struct http_req *r)
{
	if (http_cookie(r, http_pending_cookie_name(r)) == NULL) {
		http_redirect(r, "/login");
		return;
	}
	login_code_page(r, http_query(r, "next"), NULL, 200);
}

void
page_login_code_post(struct http_req *r)
{
	struct account_session	 s;
	struct err		 e;
	const char		*next;

	err_clear(&e);
	next = safe_next(http_form(r, "next"));
	if (account_login_code(&r->svc, r->gate,
	    http_cookie(r, http_pending_cookie_name(r)), http_form(r, "code"),
	    r->ip, http_cookie(r, http_device_cookie_name(r)), &s, &e) != 0) {
		if (strcmp(e.key, "login_expired") == 0)
			http_set_pending_cookie(r, NULL);
		login_code_page(r, next, &e, http_status_of_err(e.code));
		return;
	}
	http_set_pending_cookie(r, NULL);
	http_set_session_cookie(r, s.token);
	http_set_device_cookie(r, s.device);
	http_redirect(r, next);
}

/* The success message of ?besked=KEY, or NULL. */
static const char *
flash_text(const char *key)
{
	if (key == NULL)
		return NULL;
	if (strcmp(key, "slaaet-fra") == 0)
		return "To-trins-bekræftelse er slået fra.";
	return NULL;
}

/* The steps to enrol: the app, the key, the code. */
static void
enrol_form(struct http_req *r, struct page *p, const struct ui_errors *errs)
{
	struct html		*h = &p->h;
	struct twofactor_setup	 su;
	struct err		 e;

	err_clear(&e);
	if (twofactor_begin(&r->svc, &su, &e) != 0) {
		ui_alert(h, UI_ERROR, NULL, e.msg);
		return;
	}
	HTML_LIT(h, "<p>Med to-trins-bekræftelse skal du ud over din "
	    "adgangskode skrive en kode fra en app på din telefon, når du "
	    "logger ind. Så kan ingen logge ind som dig med din adgangskode "
	    "alene.</p><h2>1. Hent en godkendelsesapp</h2>"
	    "<p>Fx Microsoft Authenticator, Google Authenticator eller en "
	    "anden app til engangskoder (TOTP). Har du allerede en, så brug "
	    "den.</p><h2>2. Tilføj rammeaftalerne i appen</h2>"
	    "<p>Scan QR-koden med appen, eller vælg at indtaste nøglen "
	    "selv.</p><div class=\"ramme-qr-box\">");
	(void)qr_svg(h->out, su.uri, "QR-kode med nøglen til din app");
	HTML_LIT(h, "</div>");
	ui_facts_begin(h);
	ui_fact(h, "Nøgle", su.grouped);
	ui_fact(h, "Type", "Tidsbaseret, 6 cifre, 30 sekunder");
	ui_fact(h, "Konto", r->who.username);
	ui_facts_end(h);
	ui_accordion_begin(h, "Adresse til appen (otpauth)", false);
	HTML_LIT(h, "<p class=\"ramme-break\"><code>");
	html_text(h, su.uri);
	HTML_LIT(h, "</code></p>");
	ui_accordion_end(h);
	HTML_LIT(h, "<h2>3. Skriv koden fra appen</h2>"
	    "<form method=\"post\" action=\"/konto/to-trins\" "
	    "class=\"ramme-narrow\" novalidate>");
	page_csrf(p);
	code_field(h, "Kode fra appen", "De 6 cifre, appen viser nu", errs);
	ui_button(h, UI_PRIMARY, "Slå to-trins-bekræftelse til", NULL, NULL);
	HTML_LIT(h, "</form>");
}

static void
twofactor_page(struct http_req *r, const struct err *err, int status)
{
	struct page		 p;
	struct html		*h = &p.h;
	struct twofactor_status	 st;
	struct ui_errors	 errs;
	struct err		 e;
	const char		*flash;

	err_clear(&e);
	ui_errors_init(&errs);
	if (err != NULL)
		ui_errors_add_err(&errs, r, err);
	if (twofactor_status(&r->svc, &st, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin_crumbs(&p, r, "To-trins-bekræftelse", NULL, konto, 1);
	if ((flash = flash_text(http_query(r, "besked"))) != NULL)
		ui_alert(h, UI_SUCCESS, NULL, flash);
	ui_error_summary(h, &errs);
	if (!st.enabled) {
		if (st.required)
			ui_alert(h, UI_WARNING, "Slå to-trins-bekræftelse til",
			    "Sekretariatets administratorer skal bruge "
			    "to-trins-bekræftelse. Du kan bruge systemet, "
			    "når den er slået til.");
		enrol_form(r, &p, &errs);
		page_end(&p, status);
		return;
	}
	ui_facts_begin(h);
	HTML_LIT(h, "<dt>Status</dt><dd>");
	ui_badge(h, UI_SUCCESS, "Slået til");
	HTML_LIT(h, "</dd>");
	if (st.enabled_at != NULL) {
		HTML_LIT(h, "<dt>Siden</dt><dd>");
		html_time(h, st.enabled_at);
		HTML_LIT(h, "</dd>");
	}
	ui_fact(h, "Ubrugte gendannelseskoder",
	    arena_printf(&r->arena, "%lld af %d", (long long)st.codes_left,
	    TWOFACTOR_CODES));
	ui_facts_end(h);
	HTML_LIT(h, "<p>Når du logger ind, skal du skrive koden fra din app. "
	    "Har du mistet telefonen, så brug en gendannelseskode, eller bed "
	    "sekretariatet om at nulstille din to-trins-bekræftelse.</p>");
	if (st.required)
		HTML_LIT(h, "<p>Som administrator skal du bruge "
		    "to-trins-bekræftelse; den kan ikke slås fra.</p>");
	else {
		HTML_LIT(h, "<form method=\"post\" "
		    "action=\"/konto/to-trins/slaa-fra\">");
		page_csrf(&p);
		ui_button(h, UI_WARNING_BUTTON, "Slå to-trins-bekræftelse fra",
		    NULL, NULL);
		HTML_LIT(h, "</form>");
	}
	page_end(&p, status);
}

void
page_twofactor(struct http_req *r)
{
	twofactor_page(r, NULL, 200);
}

/* The codes as a text file, in a data: URL (percent-encoded). */
static const char *
codes_href(struct http_req *r, const struct twofactor_codes *c)
{
	struct buf	 b;
	const char	*out;
	int		 i;

	buf_init(&b);
	buf_printf(&b, "data:text/plain;charset=utf-8,"
	    "Gendannelseskoder%%20til%%20rammeaftalerne%%20(%s)%%0A"
	    "Hver%%20kode%%20virker%%20een%%20gang.%%0A%%0A",
	    http_urlencode(&r->arena, r->who.username));
	for (i = 0; i < TWOFACTOR_CODES; i++)
		buf_printf(&b, "%s%%0A", c->code[i]);
	out = arena_strdup(&r->arena, buf_str(&b));
	buf_cleanup(&b);
	return out;
}

void
page_twofactor_post(struct http_req *r)
{
	struct twofactor_codes	 c;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	int			 i;

	err_clear(&e);
	if (twofactor_confirm(&r->svc, http_form(r, "code"), &c, &e) != 0) {
		twofactor_page(r, &e, http_status_of_err(e.code));
		return;
	}
	page_begin_crumbs(&p, r, "Dine gendannelseskoder", NULL, konto, 1);
	ui_alert(h, UI_SUCCESS, NULL, "To-trins-bekræftelse er slået til.");
	HTML_LIT(h, "<p>Har du mistet telefonen, kan du logge ind med en af "
	    "disse koder i stedet for koden fra appen. Hver kode virker én "
	    "gang. <strong>Gem dem nu et sikkert sted</strong> — de bliver "
	    "ikke vist igen.</p><ul class=\"nobullet-list ramme-codes\">");
	for (i = 0; i < TWOFACTOR_CODES; i++) {
		HTML_LIT(h, "<li><code>");
		html_text(h, c.code[i]);
		HTML_LIT(h, "</code></li>");
	}
	HTML_LIT(h, "</ul><p><a class=\"button button-secondary\" "
	    "download=\"gendannelseskoder.txt\"");
	html_attr(h, "href", codes_href(r, &c));
	HTML_LIT(h, ">Hent koderne som tekstfil</a> ");
	ui_button_link(h, UI_PRIMARY, "/konto", "Jeg har gemt koderne");
	HTML_LIT(h, "</p>");
	page_end(&p, 200);
}

static void
disable_form(struct http_req *r, const struct err *err, int status)
{
	struct page		 p;
	struct html		*h = &p.h;
	struct ui_errors	 errs;

	ui_errors_init(&errs);
	if (err != NULL)
		ui_errors_add_err(&errs, r, err);
	page_begin_crumbs(&p, r, "Slå to-trins-bekræftelse fra", NULL, konto,
	    1);
	ui_error_summary(h, &errs);
	HTML_LIT(h, "<p>Bekræft med din adgangskode og en kode fra appen "
	    "(eller en gendannelseskode).</p>"
	    "<form method=\"post\" action=\"/konto/to-trins/slaa-fra\" "
	    "class=\"ramme-narrow\" novalidate>");
	page_csrf(&p);
	HTML_LIT(h, "<input type=\"hidden\" name=\"confirm\" value=\"1\">"
	    "<input type=\"hidden\" name=\"step\" value=\"credentials\">");
	ui_field(h, &(struct ui_field){ .name = "password",
	    .label = "Adgangskode", .type = UI_PASSWORD, .required = true,
	    .autocomplete = "current-password",
	    .maxlength = ACCOUNT_PASSWORD_MAX }, &errs);
	code_field(h, "Kode fra appen", NULL, &errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_WARNING_BUTTON, "Slå fra", NULL, NULL);
	HTML_LIT(h, " ");
	ui_button_link(h, UI_SECONDARY, "/konto/to-trins", "Fortryd");
	HTML_LIT(h, "</div></form>");
	page_end(&p, status);
}

void
page_twofactor_disable(struct http_req *r)
{
	struct page	 p;
	struct err	 e;
	const char	*step;

	if (!ui_confirmed(r)) {
		page_begin_crumbs(&p, r, "Slå to-trins-bekræftelse fra", NULL,
		    konto, 1);
		ui_confirm(&p, &(struct ui_confirm){
		    .heading = "Vil du slå to-trins-bekræftelse fra?",
		    .text = "Så kan du logge ind med din adgangskode alene.",
		    .consequences = (const char *const[]){
			"Nøglen i din app virker ikke længere her.",
			"Dine gendannelseskoder bliver ugyldige." },
		    .nconsequences = 2,
		    .action = "/konto/to-trins/slaa-fra",
		    .button = "Fortsæt", .warning = true,
		    .cancel_href = "/konto/to-trins" });
		page_end(&p, 200);
		return;
	}
	step = http_form(r, "step");
	if (step == NULL || strcmp(step, "credentials") != 0) {
		disable_form(r, NULL, 200);
		return;
	}
	err_clear(&e);
	if (twofactor_disable(&r->svc, r->gate, http_form(r, "password"),
	    http_form(r, "code"), &e) != 0) {
		disable_form(r, &e, http_status_of_err(e.code));
		return;
	}
	http_redirect(r, "/konto/to-trins?besked=slaaet-fra");
}
