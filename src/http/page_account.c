/*
 * page_account — login and logout, and the secretariat's user
 * administration.
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
#include "store/user_store.h"
#include "util/text.h"

/* A local path to go to after login; anything else gives "/tilbud". */
static const char *
safe_next(const char *next)
{
	if (next == NULL || next[0] != '/' || next[1] == '/' ||
	    next[1] == '\\' || strchr(next, '\r') || strchr(next, '\n') ||
	    strlen(next) > 500)
		return "/tilbud";
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
	if (account_login(&r->svc, r->gate, user, pw, r->ip, &s, &e) != 0) {
		login_page(r, user, next, &e, http_status_of_err(e.code));
		return;
	}
	http_set_session_cookie(r, s.token);
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

static void
role_options(struct html *h, enum role selected)
{
	int k;

	for (k = ROLE_READER; k <= ROLE_ADMIN; k++) {
		HTML_LIT(h, "<option");
		html_attr(h, "value", role_name((enum role)k));
		if (k == (int)selected)
			HTML_LIT(h, " selected");
		HTML_LIT(h, ">");
		html_text(h, role_label((enum role)k));
		HTML_LIT(h, "</option>");
	}
}

static void
org_select(struct http_req *r, struct html *h, const char *selected)
{
	struct org	*orgs;
	struct err	 e;
	int		 n = 0, i;

	err_clear(&e);
	if (register_org_list(&r->svc, &orgs, &n, &e) != 0)
		n = 0;
	HTML_LIT(h, "<label>Organisation<select name=\"org_code\"><option "
	    "value=\"\">Ingen (sekretariat / læser)</option>");
	for (i = 0; i < n; i++) {
		HTML_LIT(h, "<option");
		html_attr(h, "value", orgs[i].code);
		if (selected != NULL && strcmp(selected, orgs[i].code) == 0)
			HTML_LIT(h, " selected");
		HTML_LIT(h, ">");
		html_text(h, orgs[i].name);
		HTML_LIT(h, "</option>");
	}
	HTML_LIT(h, "</select></label>");
}

static void
users_page(struct http_req *r, const struct err *err, const char *flash,
    int status)
{
	struct page	 p;
	struct html	*h = &p.h;
	struct user	*u;
	struct err	 e;
	int		 n = 0, i;

	err_clear(&e);
	page_begin(&p, r, "Brugere", "brugere");
	if (err != NULL)
		page_message(&p, "error", err->msg);
	if (flash != NULL)
		page_message(&p, "ok", flash);
	if (account_user_list(&r->svc, &u, &n, &e) != 0)
		page_message(&p, "error", e.msg);
	HTML_LIT(h, "<table><thead><tr><th scope=\"col\">Brugernavn</th>"
	    "<th scope=\"col\">Navn</th><th scope=\"col\">Rolle</th>"
	    "<th scope=\"col\">Organisation</th><th scope=\"col\">Aktiv</th>"
	    "</tr></thead><tbody>");
	for (i = 0; i < n; i++) {
		HTML_LIT(h, "<tr><td><a");
		html_url(h, "href", arena_printf(&r->arena, "/brugere/%lld",
		    (long long)u[i].id));
		HTML_LIT(h, ">");
		html_text(h, u[i].username);
		HTML_LIT(h, "</a></td><td>");
		html_text(h, u[i].display_name);
		HTML_LIT(h, "</td><td>");
		html_text(h, role_label(u[i].role));
		HTML_LIT(h, "</td><td>");
		html_text(h, u[i].org_code ? u[i].org_code : "–");
		HTML_LIT(h, "</td><td>");
		html_text(h, u[i].active ? "Ja" : "Nej");
		HTML_LIT(h, "</td></tr>");
	}
	HTML_LIT(h, "</tbody></table><h2>Ny bruger</h2><form class=\"stack\" "
	    "method=\"post\" action=\"/brugere\">");
	page_csrf(&p);
	HTML_LIT(h, "<label>Brugernavn (små bogstaver, tal, . _ -)<input "
	    "name=\"username\" required maxlength=\"64\" "
	    "autocomplete=\"off\"></label><label>Navn<input "
	    "name=\"display_name\" maxlength=\"200\"></label><label>Rolle"
	    "<select name=\"role\">");
	role_options(h, ROLE_READER);
	HTML_LIT(h, "</select></label>");
	org_select(r, h, NULL);
	HTML_LIT(h, "<label>Adgangskode (mindst 10 tegn)<input type=\"password\" "
	    "name=\"password\" required minlength=\"10\" "
	    "autocomplete=\"new-password\"></label><div class=\"actions\">"
	    "<button type=\"submit\">Opret bruger</button></div></form>");
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

static void
user_form(struct http_req *r, const struct user *u, const struct err *err,
    int status)
{
	struct page	 p;
	struct html	*h = &p.h;

	page_begin(&p, r, arena_printf(&r->arena, "Bruger %s", u->username),
	    "brugere");
	if (err != NULL)
		page_message(&p, "error", err->msg);
	HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
	html_url(h, "action", arena_printf(&r->arena, "/brugere/%lld",
	    (long long)u->id));
	HTML_LIT(h, ">");
	page_csrf(&p);
	HTML_LIT(h, "<input type=\"hidden\" name=\"version\"");
	html_attr(h, "value", arena_printf(&r->arena, "%lld",
	    (long long)u->version));
	HTML_LIT(h, "><label>Navn<input name=\"display_name\" required "
	    "maxlength=\"200\"");
	html_attr(h, "value", u->display_name);
	HTML_LIT(h, "></label><label>Rolle<select name=\"role\">");
	role_options(h, u->role);
	HTML_LIT(h, "</select></label>");
	org_select(r, h, u->org_code);
	HTML_LIT(h, "<label class=\"check\"><input type=\"checkbox\" "
	    "name=\"active\" value=\"1\"");
	if (u->active)
		HTML_LIT(h, " checked");
	HTML_LIT(h, "> Aktiv</label><label>Ny adgangskode (tom: uændret)<input "
	    "type=\"password\" name=\"password\" minlength=\"10\" "
	    "autocomplete=\"new-password\"></label><div class=\"actions\">"
	    "<button type=\"submit\">Gem</button><a class=\"button secondary\" "
	    "href=\"/brugere\">Tilbage</a></div></form>");
	page_end(&p, status);
}

void
page_user_edit_form(struct http_req *r)
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
	user_form(r, &u, NULL, 200);
}

void
page_user_edit_post(struct http_req *r)
{
	struct user	 u;
	struct err	 e;
	int64_t		 id, version;
	const char	*v;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    account_user_get(&r->svc, id, &u, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
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
	if (account_user_update(&r->svc, r->gate, &u,
	    nonempty(http_form(r, "password")), version, &e) != 0)
		goto fail;
	http_redirect(r, "/brugere?besked=gemt");
	return;
fail:
	user_form(r, &u, &e, http_status_of_err(e.code));
}
