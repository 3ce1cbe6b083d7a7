/*
 * page_account — login and logout, and the secretariat's user
 * administration (a user's second factor reset there when a phone is
 * lost).
 */
#include <string.h>

#include "core/org.h"
#include "core/role.h"
#include "http/api.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "service/account.h"
#include "service/register.h"
#include "service/twofactor.h"
#include "store/user_store.h"
#include "util/text.h"

/*
 * A local path to go to after login; anything else gives "/", the
 * user's start page with the open tasks. Only an own path made of
 * characters that no browser rewrites: "/", letters, digits and
 * - . _ ~ % ? = & + , ; : @ ! ( ) *. A tab, a backslash or any other
 * byte could be dropped or turned into "/" by the browser and make
 * "/\t/evil.example" a link off the site.
 */
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
login_page(struct http_req *r, const char *username, const char *next,
    const struct err *e, int status)
{
	struct page	 p;
	struct html	*h = &p.h;

	page_begin(&p, r, "Log ind", NULL);
	if (e != NULL)
		ui_alert(h, UI_ERROR, "Du blev ikke logget ind", e->msg);
	HTML_LIT(h, "<form method=\"post\" action=\"/login\" "
	    "class=\"ramme-narrow\">");
	page_csrf(&p);
	HTML_LIT(h, "<input type=\"hidden\" name=\"next\"");
	html_attr(h, "value", safe_next(next));
	HTML_LIT(h, ">");
	ui_field(h, &(struct ui_field){ .name = "username",
	    .label = "Brugernavn", .value = username, .required = true,
	    .autocomplete = "username" }, NULL);
	ui_field(h, &(struct ui_field){ .name = "password",
	    .label = "Adgangskode", .type = UI_PASSWORD, .required = true,
	    .autocomplete = "current-password" }, NULL);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Log ind", NULL, NULL);
	HTML_LIT(h, "</div></form>");
	page_end(&p, status);
}

void
page_login_form(struct http_req *r)
{
	login_page(r, NULL, http_query(r, "next"), NULL, 200);
}

void
page_login_post(struct http_req *r)
{
	struct account_session	 s;
	struct err		 e;
	const char		*user, *pw, *next;

	err_clear(&e);
	user = http_form(r, "username");
	pw = http_form(r, "password");
	next = safe_next(http_form(r, "next"));
	if (account_login(&r->svc, r->gate, user, pw, r->ip,
	    http_cookie(r, http_device_cookie_name(r)), &s, &e) != 0) {
		login_page(r, user, next, &e, http_status_of_err(e.code));
		return;
	}
	if (s.pending != NULL) {
		http_set_pending_cookie(r, s.pending);
		http_redirect(r, arena_printf(&r->arena, "/login/kode?next=%s",
		    http_urlencode(&r->arena, next)));
		return;
	}
	http_set_session_cookie(r, s.token);
	http_set_device_cookie(r, s.device);
	http_redirect(r, next);
}

void
page_logout_post(struct http_req *r)
{
	struct err e;

	err_clear(&e);
	account_logout(&r->svc, r->session_token, &e);
	http_set_session_cookie(r, NULL);
	http_redirect(r, "/");
}

/* The roles a user may have, for the role select. */
static void
role_select(struct html *h, enum role selected,
    const struct ui_errors *errs)
{
	int k;

	ui_select_begin(h, &(struct ui_select){ .name = "role",
	    .label = "Rolle", .selected = role_name(selected),
	    .required = true }, errs);
	for (k = ROLE_READER; k <= ROLE_ADMIN; k++)
		ui_option(h, role_name((enum role)k),
		    role_label((enum role)k), role_name(selected));
	ui_select_end(h);
}

static void
org_select(struct http_req *r, struct html *h, const char *selected,
    const struct ui_errors *errs)
{
	struct org	*orgs;
	struct err	 e;
	int		 n = 0, i;

	err_clear(&e);
	if (register_org_list(&r->svc, &orgs, &n, &e) != 0)
		n = 0;
	ui_select_begin(h, &(struct ui_select){ .name = "org_code",
	    .label = "Organisation", .hint = "Driftsherrer og kommuner hører "
	    "til en organisation", .selected = selected,
	    .first = "Ingen (sekretariat / læser)" }, errs);
	for (i = 0; i < n; i++)
		ui_option(h, orgs[i].code, orgs[i].name, selected);
	ui_select_end(h);
}

/* The name of the organisation with code, or "–". */
static const char *
org_name(const struct org *orgs, int n, const char *code)
{
	int i;

	if (code == NULL)
		return "–";
	for (i = 0; i < n; i++)
		if (strcmp(orgs[i].code, code) == 0)
			return orgs[i].name;
	return code;
}

static void
users_page(struct http_req *r, const struct err *err, const char *flash,
    int status)
{
	static const struct ui_col cols[] = {
		{ "Brugernavn", 0 }, { "Navn", 0 }, { "Rolle", 0 },
		{ "Organisation", 0 }, { "Status", 0 },
	};
	struct page		 p;
	struct html		*h = &p.h;
	struct user		*u;
	struct org		*orgs;
	struct ui_table		 t;
	struct ui_errors	 errs;
	struct err		 e;
	int			 n = 0, norgs = 0, i;

	err_clear(&e);
	ui_errors_init(&errs);
	if (err != NULL)
		ui_errors_add_err(&errs, r, err);
	if (register_org_list(&r->svc, &orgs, &norgs, &e) != 0)
		norgs = 0;
	page_begin(&p, r, "Brugere", "brugere");
	if (flash != NULL)
		ui_alert(h, UI_SUCCESS, NULL, flash);
	if (account_user_list(&r->svc, &u, &n, &e) != 0)
		ui_alert(h, UI_ERROR, NULL, e.msg);
	ui_table_begin(&t, h, NULL, cols, 5);
	for (i = 0; i < n; i++) {
		ui_row(&t);
		ui_cell_link(&t, arena_printf(&r->arena, "/brugere/%lld",
		    (long long)u[i].id), u[i].username);
		ui_cell(&t, u[i].display_name);
		ui_cell(&t, role_label(u[i].role));
		ui_cell(&t, org_name(orgs, norgs, u[i].org_code));
		ui_cell_begin(&t);
		ui_badge(h, u[i].active ? UI_SUCCESS : UI_NEUTRAL,
		    u[i].active ? "Aktiv" : "Deaktiveret");
		ui_cell_end(&t);
	}
	ui_table_end(&t);
	HTML_LIT(h, "<p>");
	ui_button_link(h, UI_SECONDARY, "/udbakke", "Udbakke: e-mails til "
	    "brugerne");
	HTML_LIT(h, " ");
	ui_button_link(h, UI_SECONDARY, "/personer", "Personer og "
	    "persondata");
	HTML_LIT(h, "</p><h2 id=\"ny\">Ny bruger</h2>");
	ui_error_summary(h, &errs);
	HTML_LIT(h, "<form class=\"ramme-form\" method=\"post\" "
	    "action=\"/brugere\">");
	page_csrf(&p);
	ui_field(h, &(struct ui_field){ .name = "username",
	    .label = "Brugernavn", .hint = "Små bogstaver, tal, . _ -",
	    .value = err != NULL ? http_form(r, "username") : NULL,
	    .required = true, .maxlength = USER_NAME_MAX, .width = "m",
	    .autocomplete = "off" }, &errs);
	ui_field(h, &(struct ui_field){ .name = "display_name",
	    .label = "Navn", .value = err != NULL ? http_form(r,
	    "display_name") : NULL, .maxlength = USER_DISPLAY_NAME_MAX,
	    .width = "l" }, &errs);
	role_select(h, ROLE_READER, &errs);
	org_select(r, h, err != NULL ? http_form(r, "org_code") : NULL,
	    &errs);
	ui_field(h, &(struct ui_field){ .name = "password",
	    .label = "Adgangskode", .hint = "Mindst 10 tegn",
	    .type = UI_PASSWORD, .required = true, .width = "m",
	    .autocomplete = "new-password" }, &errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Opret bruger", NULL, NULL);
	HTML_LIT(h, "</div></form>");
	page_end(&p, status);
}

void
page_users(struct http_req *r)
{
	const char *b = http_query(r, "besked");

	users_page(r, NULL, b && strcmp(b, "oprettet") == 0 ?
	    "Brugeren er oprettet." : b && strcmp(b, "gemt") == 0 ?
	    "Brugeren er gemt." : NULL, 200);
}

static const char *
nonempty(const char *s)
{
	return s != NULL && *s != '\0' ? s : NULL;
}

void
page_user_create(struct http_req *r)
{
	struct account_new	n;
	struct err		e;
	int64_t			id;

	err_clear(&e);
	memset(&n, 0, sizeof(n));
	if (http_form_error(r, &e) != 0)
		goto fail;
	n.username = http_form(r, "username");
	n.display_name = nonempty(http_form(r, "display_name"));
	n.org_code = nonempty(http_form(r, "org_code"));
	n.password = http_form(r, "password");
	if (role_parse(http_form(r, "role"), &n.role) != 0) {
		err_set(&e, ERR_INVALID, "invalid_role", "role", "Vælg en rolle");
		goto fail;
	}
	if (account_user_add(&r->svc, r->gate, &n, &id, &e) != 0)
		goto fail;
	http_redirect(r, "/brugere?besked=oprettet");
	return;
fail:
	users_page(r, &e, NULL, http_status_of_err(e.code));
}

/*
 * The user's second factor: whether it is on, and the button that
 * resets it (confirmed on the next page).
 */
static void
user_totp(struct page *p, const struct user *u)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	struct err	 e;
	bool		 on = false;

	err_clear(&e);
	HTML_LIT(h, "<h2>To-trins-bekræftelse</h2>");
	if (twofactor_user_enabled(&r->svc, u->id, &on, &e) != 0) {
		ui_alert(h, UI_ERROR, NULL, e.msg);
		return;
	}
	if (!on) {
		HTML_LIT(h, "<p>Brugeren logger ind med adgangskoden alene "
		    "(to-trins-bekræftelse er ikke slået til).</p>");
		return;
	}
	HTML_LIT(h, "<p>Brugeren logger ind med adgangskode og en kode fra "
	    "en app. Har brugeren mistet sin telefon, kan du nulstille "
	    "to-trins-bekræftelsen.</p><form method=\"post\"");
	html_url(h, "action", arena_printf(&r->arena,
	    "/brugere/%lld/to-trins/nulstil", (long long)u->id));
	HTML_LIT(h, ">");
	page_csrf(p);
	ui_button(h, UI_SECONDARY, "Nulstil to-trins", NULL, NULL);
	HTML_LIT(h, "</form>");
}

static void
user_form(struct http_req *r, const struct user *u, const struct err *err,
    const char *flash, int status)
{
	struct page		 p;
	struct html		*h = &p.h;
	struct ui_errors	 errs;

	ui_errors_init(&errs);
	if (err != NULL)
		ui_errors_add_err(&errs, r, err);
	page_begin_crumbs(&p, r, arena_printf(&r->arena, "Bruger %s",
	    u->username), "brugere", (const struct page_crumb[]){
	    { "/brugere", "Brugere" } }, 1);
	if (flash != NULL)
		ui_alert(h, UI_SUCCESS, NULL, flash);
	ui_error_summary(h, &errs);
	HTML_LIT(h, "<form class=\"ramme-form\" method=\"post\"");
	html_url(h, "action", arena_printf(&r->arena, "/brugere/%lld",
	    (long long)u->id));
	HTML_LIT(h, ">");
	page_csrf(&p);
	HTML_LIT(h, "<input type=\"hidden\" name=\"version\"");
	html_attr(h, "value", arena_printf(&r->arena, "%lld",
	    (long long)u->version));
	HTML_LIT(h, ">");
	ui_field(h, &(struct ui_field){ .name = "display_name",
	    .label = "Navn", .value = u->display_name, .required = true,
	    .maxlength = USER_DISPLAY_NAME_MAX, .width = "l" }, &errs);
	role_select(h, u->role, &errs);
	org_select(r, h, u->org_code, &errs);
	ui_checkbox(h, &(struct ui_check){ .name = "active", .label = "Aktiv",
	    .hint = "En deaktiveret bruger kan ikke logge ind",
	    .checked = u->active });
	ui_field(h, &(struct ui_field){ .name = "password",
	    .label = "Ny adgangskode", .hint = "Tom: uændret. Mindst 10 tegn",
	    .type = UI_PASSWORD, .width = "m",
	    .autocomplete = "new-password" }, &errs);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Gem", NULL, NULL);
	ui_button_link(h, UI_TERTIARY, "/brugere", "Tilbage");
	HTML_LIT(h, "</div></form><p>");
	ui_button_link(h, UI_SECONDARY, arena_printf(&r->arena,
	    "/brugere/%lld/notifikationer", (long long)u->id),
	    "E-mailadresse og notifikationer");
	HTML_LIT(h, "</p>");
	user_totp(&p, u);
	page_end(&p, status);
}

/*
 * The confirmation of deactivating a user: what will happen, and the form
 * posted again with confirm=1. A new password typed in the same form is
 * not carried over (the kit never writes a password into a page), so the
 * page says so.
 */
static void
user_confirm(struct http_req *r, const struct user *u, bool with_password)
{
	struct page	 p;
	const char	*back, *cons[3];
	int		 n = 0;

	back = arena_printf(&r->arena, "/brugere/%lld", (long long)u->id);
	cons[n++] = "Brugeren logges ud alle steder.";
	cons[n++] = "Brugeren kan ikke logge ind, før en fra sekretariatet "
	    "gør brugeren aktiv igen.";
	if (with_password)
		cons[n++] = "Den nye adgangskode gemmes ikke; nulstil den, når "
		    "brugeren er aktiv igen.";
	page_begin_crumbs(&p, r, arena_printf(&r->arena, "Deaktiver %s",
	    u->username), "brugere",
	    (const struct page_crumb[]){ { "/brugere", "Brugere" },
	    { back, u->username } }, 2);
	ui_confirm(&p, &(struct ui_confirm){
	    .heading = "Vil du deaktivere brugeren?",
	    .text = arena_printf(&r->arena, "%s (%s) bliver deaktiveret.",
	    u->display_name != NULL ? u->display_name : u->username,
	    u->username),
	    .consequences = cons, .nconsequences = n,
	    .action = back,
	    .button = "Deaktiver bruger",
	    .warning = true, .cancel_href = back });
	page_end(&p, 200);
}

void
page_user_edit_form(struct http_req *r)
{
	struct user	 u;
	struct err	 e;
	int64_t		 id;
	const char	*b = http_query(r, "besked");

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    account_user_get(&r->svc, id, &u, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	user_form(r, &u, NULL, b != NULL && strcmp(b, "to-trins-nulstillet")
	    == 0 ? "To-trins-bekræftelsen er nulstillet. Brugeren logger "
	    "næste gang ind med adgangskoden alene." : NULL, 200);
}

void
page_user_edit_post(struct http_req *r)
{
	struct user	 u;
	struct err	 e;
	int64_t		 id, version;
	const char	*v, *pw;
	bool		 was_active;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    account_user_get(&r->svc, id, &u, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	was_active = u.active;
	if (http_form_error(r, &e) != 0)
		goto fail;
	v = http_form(r, "version");
	if (v == NULL || text_parse_i64(v, &version) != 0) {
		err_set(&e, ERR_INVALID, "missing_version", "version",
		    "Formularen mangler versionsnummer; genindlæs siden");
		goto fail;
	}
	u.display_name = http_form(r, "display_name");
	if (role_parse(http_form(r, "role"), &u.role) != 0) {
		err_set(&e, ERR_INVALID, "invalid_role", "role", "Vælg en rolle");
		goto fail;
	}
	u.org_code = nonempty(http_form(r, "org_code"));
	u.active = http_form(r, "active") != NULL;
	pw = nonempty(http_form(r, "password"));
	if (was_active && !u.active && !ui_confirmed(r)) {
		user_confirm(r, &u, pw != NULL);
		return;
	}
	if (account_user_update(&r->svc, r->gate, &u, pw, version, &e) != 0)
		goto fail;
	http_redirect(r, "/brugere?besked=gemt");
	return;
fail:
	user_form(r, &u, &e, NULL, http_status_of_err(e.code));
}

/* The confirmation of resetting u's second factor. */
static void
totp_confirm(struct http_req *r, const struct user *u)
{
	static const char *const cons[] = {
		"Brugerens nøgle i appen og de ubrugte gendannelseskoder "
		"slettes.",
		"Brugeren logger næste gang ind med adgangskoden alene og kan "
		"slå to-trins-bekræftelse til igen under Min konto.",
		"En administrator bliver bedt om at slå det til igen ved næste "
		"login, når aftalens parametre kræver to-trins-bekræftelse.",
	};
	struct page	 p;
	const char	*back;

	back = arena_printf(&r->arena, "/brugere/%lld", (long long)u->id);
	page_begin_crumbs(&p, r, arena_printf(&r->arena, "Nulstil "
	    "to-trins for %s", u->username), "brugere",
	    (const struct page_crumb[]){ { "/brugere", "Brugere" },
	    { back, u->username } }, 2);
	ui_confirm(&p, &(struct ui_confirm){
	    .heading = "Vil du nulstille to-trins-bekræftelsen?",
	    .text = arena_printf(&r->arena, "%s (%s) mister sin "
	    "to-trins-bekræftelse.", u->display_name != NULL ?
	    u->display_name : u->username, u->username),
	    .consequences = cons, .nconsequences = 3,
	    .action = arena_printf(&r->arena, "%s/to-trins/nulstil", back),
	    .button = "Nulstil to-trins",
	    .warning = true, .cancel_href = back });
	page_end(&p, 200);
}

void
page_user_totp_reset(struct http_req *r)
{
	struct user	u;
	struct err	e;
	int64_t		id;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    account_user_get(&r->svc, id, &u, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	if (http_form_error(r, &e) != 0)
		goto fail;
	if (!ui_confirmed(r)) {
		totp_confirm(r, &u);
		return;
	}
	if (twofactor_reset(&r->svc, u.username, &e) != 0)
		goto fail;
	http_redirect(r, arena_printf(&r->arena, "/brugere/%lld?besked="
	    "to-trins-nulstillet", (long long)u.id));
	return;
fail:
	user_form(r, &u, &e, NULL, http_status_of_err(e.code));
}
