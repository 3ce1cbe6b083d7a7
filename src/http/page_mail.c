/*
 * page_mail — e-mail: "Mine notifikationer" (a user's address and the
 * kinds of mail wanted; the secretariat's for any user under /brugere),
 * and the secretariat's outbox (/udbakke) with its states, failures and
 * the confirmed "send igen" and "annuller".
 */
#include <stdio.h>
#include <string.h>

#include "core/notice.h"
#include "http/api.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/server.h"
#include "http/ui.h"
#include "service/mail.h"
#include "util/text.h"

/* ---- a user's notifications ------------------------------------------- */

/* The form's action for user id: the own page or the secretariat's. */
static const char *
settings_href(struct http_req *r, const struct mail_settings *m, bool own)
{
	return own ? "/konto/notifikationer" : arena_printf(&r->arena,
	    "/brugere/%lld/notifikationer", (long long)m->user_id);
}

static void
settings_page(struct http_req *r, const struct mail_settings *m, bool own,
    const struct err *err, const char *flash, int status)
{
	struct page		 p;
	struct html		*h = &p.h;
	struct ui_errors	 errs;
	const char		*back;
	int			 k;

	ui_errors_init(&errs);
	if (err != NULL)
		ui_errors_add_err(&errs, r, err);
	if (own)
		page_begin(&p, r, "Mine notifikationer", NULL);
	else {
		back = arena_printf(&r->arena, "/brugere/%lld",
		    (long long)m->user_id);
		page_begin_crumbs(&p, r, arena_printf(&r->arena,
		    "Notifikationer for %s", m->username), "brugere",
		    (const struct page_crumb[]){ { "/brugere", "Brugere" },
		    { back, m->username } }, 2);
	}
	if (flash != NULL)
		ui_alert(h, UI_SUCCESS, NULL, flash);
	if (m->email == NULL && err == NULL)
		ui_alert(h, UI_INFO, NULL, own ? "Du får ingen e-mails, før du "
		    "har skrevet din e-mailadresse." : "Brugeren får ingen "
		    "e-mails, før der står en e-mailadresse.");
	ui_error_summary(h, &errs);
	HTML_LIT(h, "<form class=\"ramme-form\" method=\"post\"");
	html_url(h, "action", settings_href(r, m, own));
	HTML_LIT(h, ">");
	page_csrf(&p);
	ui_field(h, &(struct ui_field){ .name = "email",
	    .label = "E-mailadresse", .hint = "Fx navn@kommune.dk. Tom: ingen "
	    "e-mails", .type = UI_EMAIL, .value = err != NULL ?
	    http_form(r, "email") : m->email, .maxlength = NOTICE_EMAIL_MAX,
	    .width = "l", .autocomplete = own ? "email" : "off" }, &errs);
	HTML_LIT(h, "<fieldset><legend class=\"h4\">Send en e-mail, når "
	    "</legend>");
	for (k = 0; k < NOTICE_KIND_COUNT; k++)
		ui_checkbox(h, &(struct ui_check){
		    .name = arena_printf(&r->arena, "k_%s",
		    notice_kinds[k].key), .label = notice_kinds[k].label,
		    .hint = notice_kinds[k].hint, .checked = m->on[k] });
	HTML_LIT(h, "</fieldset><div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Gem", NULL, NULL);
	if (!own)
		ui_button_link(h, UI_TERTIARY, arena_printf(&r->arena,
		    "/brugere/%lld", (long long)m->user_id), "Tilbage");
	HTML_LIT(h, "</div></form>");
	page_end(&p, status);
}

static void
settings_show(struct http_req *r, int64_t user_id, bool own)
{
	struct mail_settings	m;
	struct err		e;
	const char		*b = http_query(r, "besked");

	err_clear(&e);
	if (mail_settings_get(&r->svc, user_id, &m, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	settings_page(r, &m, own, NULL, b != NULL && strcmp(b, "gemt") == 0 ?
	    "Dine valg er gemt." : NULL, 200);
}

static void
settings_save(struct http_req *r, int64_t user_id, bool own)
{
	struct mail_settings	m, in;
	struct err		e;
	int			k;

	err_clear(&e);
	if (mail_settings_get(&r->svc, user_id, &m, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	in = m;
	if (http_form_error(r, &e) != 0)
		goto fail;
	in.email = http_form(r, "email");
	for (k = 0; k < NOTICE_KIND_COUNT; k++)
		in.on[k] = http_form(r, arena_printf(&r->arena, "k_%s",
		    notice_kinds[k].key)) != NULL;
	if (mail_settings_set(&r->svc, &in, &e) != 0)
		goto fail;
	http_redirect(r, arena_printf(&r->arena, "%s?besked=gemt",
	    settings_href(r, &m, own)));
	return;
fail:
	/* Show what was chosen, with the message. */
	for (k = 0; k < NOTICE_KIND_COUNT; k++)
		m.on[k] = in.on[k];
	settings_page(r, &m, own, &e, NULL, http_status_of_err(e.code));
}

void
page_notices(struct http_req *r)
{
	settings_show(r, r->who.user_id, true);
}

void
page_notices_post(struct http_req *r)
{
	settings_save(r, r->who.user_id, true);
}

void
page_user_notices(struct http_req *r)
{
	struct err	e;
	int64_t		id;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	settings_show(r, id, id == r->who.user_id);
}

void
page_user_notices_post(struct http_req *r)
{
	struct err	e;
	int64_t		id;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	settings_save(r, id, false);
}

/* ---- the outbox ----------------------------------------------------------- */

static const char *const states[] = { "queued", "sending", "sent", "failed",
    "cancelled" };

static void
state_badge(struct html *h, const char *state)
{
	const char	*label;
	int		 tone;

	label = mail_state_label(state, &tone);
	ui_badge(h, (enum ui_tone)tone, label);
}

/* A small form with one button posting to the mail's action. */
static void
row_action(struct page *p, int64_t id, const char *action, const char *label,
    enum ui_button kind)
{
	struct html *h = &p->h;

	HTML_LIT(h, "<form method=\"post\" class=\"inline\"");
	html_url(h, "action", arena_printf(&p->r->arena, "/udbakke/%lld/%s",
	    (long long)id, action));
	HTML_LIT(h, ">");
	page_csrf(p);
	ui_button(h, kind, label, NULL, NULL);
	HTML_LIT(h, "</form>");
}

static const char *
outbox_flash(const char *key)
{
	if (key == NULL)
		return NULL;
	if (strcmp(key, "igen") == 0)
		return "E-mailen sendes igen ved næste forsøg.";
	if (strcmp(key, "annulleret") == 0)
		return "E-mailen er annulleret og sendes ikke.";
	return NULL;
}

void
page_outbox(struct http_req *r)
{
	static const struct ui_col cols[] = {
		{ "Oprettet", 0 }, { "Modtager", 0 }, { "Emne", 0 },
		{ "Slags", 0 }, { "Status", 0 }, { "Forsøg", UI_COL_NUM },
		{ "Seneste fejl", 0 }, { "Handling", 0 },
	};
	static const char *const labels[] = { "I kø", "Sendes", "Sendt",
	    "Fejlet", "Annulleret" };
	struct page		 p;
	struct html		*h = &p.h;
	struct mail_outbox	 o;
	struct ui_table		 t;
	struct ui_tab		 tabs[6];
	struct err		 e;
	const char		*state = http_query(r, "status"), *flash, *href;
	int64_t			 all = 0, page = 1;
	size_t			 i;
	int			 k, cur = 0, rc;

	err_clear(&e);
	if (state != NULL && *state == '\0')
		state = NULL;
	for (k = 0; state != NULL && k < 5; k++)
		if (strcmp(state, states[k]) == 0)
			cur = k + 1;
	if (state != NULL && cur == 0) {
		err_set(&e, ERR_INVALID, "invalid_state", "status",
		    "Ukendt status");
		http_send_error(r, &e);
		return;
	}
	if (http_query(r, "side") != NULL &&
	    (text_parse_i64(http_query(r, "side"), &page) != 0 || page < 1 ||
	    page > 100000))
		page = 1;
	rc = mail_outbox_list(&r->svc, state, (int)page, &o, &e);
	page_begin_crumbs(&p, r, "Udbakke", "brugere",
	    (const struct page_crumb[]){ { "/brugere", "Brugere" } }, 1);
	if ((flash = outbox_flash(http_query(r, "besked"))) != NULL)
		ui_alert(h, UI_SUCCESS, NULL, flash);
	if (!http_server_mail_smtp(r->srv))
		ui_alert(h, UI_WARNING, "E-mails sendes ikke", "Der er ikke sat "
		    "en SMTP-server op for ramme. E-mails samles i udbakken og "
		    "sendes, når serveren startes med en SMTP-server.");
	if (rc != 0) {
		ui_alert(h, UI_ERROR, NULL, e.msg);
		page_end(&p, http_status_of_err(e.code));
		return;
	}
	for (k = 0; k < 5; k++)
		all += o.counts[k];
	tabs[0] = (struct ui_tab){ "/udbakke", arena_printf(&r->arena,
	    "Alle (%s)", ui_int_da(r, all)) };
	for (k = 0; k < 5; k++)
		tabs[k + 1] = (struct ui_tab){ arena_printf(&r->arena,
		    "/udbakke?status=%s", states[k]), arena_printf(&r->arena,
		    "%s (%s)", labels[k], ui_int_da(r, o.counts[k])) };
	ui_tabs(h, "Udbakke", tabs, 6, cur);
	if (o.n == 0) {
		HTML_LIT(h, "<p>Ingen e-mails her.</p>");
		page_end(&p, 200);
		return;
	}
	ui_table_begin(&t, h, NULL, cols, 8);
	for (i = 0; i < o.n; i++) {
		const struct outbox_row *m = &o.rows[i];

		ui_row(&t);
		ui_cell_begin(&t);
		html_time(h, m->created_at);
		ui_cell_end(&t);
		ui_cell(&t, m->username != NULL ? arena_printf(&r->arena,
		    "%s (%s)", m->to_addr, m->username) : m->to_addr);
		ui_cell_link(&t, arena_printf(&r->arena, "/udbakke/%lld",
		    (long long)m->id), m->subject);
		ui_cell(&t, notice_kind_label(m->kind));
		ui_cell_begin(&t);
		state_badge(h, m->state);
		if (strcmp(m->state, "sent") == 0 && m->sent_at != NULL) {
			HTML_LIT(h, " ");
			html_time(h, m->sent_at);
		}
		ui_cell_end(&t);
		ui_cell_int(&t, m->attempts);
		ui_cell(&t, m->last_error != NULL ? m->last_error : "–");
		ui_cell_begin(&t);
		if (strcmp(m->state, "queued") == 0 ||
		    strcmp(m->state, "failed") == 0) {
			row_action(&p, m->id, "igen", "Send igen",
			    UI_SECONDARY);
			row_action(&p, m->id, "annuller", "Annuller",
			    UI_TERTIARY);
		} else
			HTML_LIT(h, "–");
		ui_cell_end(&t);
	}
	ui_table_end(&t);
	href = state != NULL ? arena_printf(&r->arena, "/udbakke?status=%s",
	    state) : "/udbakke";
	ui_pager(h, r, href, "side", (int)page,
	    (int)((o.total + MAIL_PAGE - 1) / MAIL_PAGE));
	page_end(&p, 200);
}

/* One mail: to whom, its state and attempts, and the text as sent. */
void
page_outbox_view(struct http_req *r)
{
	struct page		 p;
	struct html		*h = &p.h;
	struct outbox_row	 m;
	struct err		 e;
	int64_t			 id;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    mail_outbox_get(&r->svc, id, &m, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_begin_crumbs(&p, r, m.subject, "brugere",
	    (const struct page_crumb[]){ { "/brugere", "Brugere" },
	    { "/udbakke", "Udbakke" } }, 2);
	ui_facts_begin(h);
	ui_fact(h, "Modtager", m.username != NULL ? arena_printf(&r->arena,
	    "%s (%s)", m.to_addr, m.username) : m.to_addr);
	ui_fact(h, "Slags", notice_kind_label(m.kind));
	ui_fact_begin(h, "Status");
	state_badge(h, m.state);
	ui_fact_end(h);
	ui_fact(h, "Forsøg", ui_int_da(r, m.attempts));
	ui_fact_begin(h, "Oprettet");
	html_time(h, m.created_at);
	ui_fact_end(h);
	if (strcmp(m.state, "sent") == 0 && m.sent_at != NULL) {
		ui_fact_begin(h, "Sendt");
		html_time(h, m.sent_at);
		ui_fact_end(h);
	}
	ui_fact(h, "Seneste fejl", m.last_error);
	ui_fact(h, "Meddelelses-id", m.message_id);
	ui_fact_begin(h, "Om");
	HTML_LIT(h, "<a");
	html_url(h, "href", m.path);
	HTML_LIT(h, ">Gå til siden</a>");
	ui_fact_end(h);
	ui_facts_end(h);
	HTML_LIT(h, "<h2>Tekst</h2><div class=\"ramme-mailtext\">");
	html_text(h, m.body);
	HTML_LIT(h, "</div><p>E-mailen får et link til siden og en linje om "
	    "Mine notifikationer, når den sendes.</p>");
	if (strcmp(m.state, "queued") == 0 || strcmp(m.state, "failed") == 0) {
		HTML_LIT(h, "<div class=\"actions\">");
		row_action(&p, m.id, "igen", "Send igen", UI_SECONDARY);
		row_action(&p, m.id, "annuller", "Annuller", UI_TERTIARY);
		HTML_LIT(h, "</div>");
	}
	page_end(&p, 200);
}

/* The confirmation of retry or cancel of mail m. */
static void
outbox_confirm(struct http_req *r, const struct outbox_row *m, bool retry,
    const char *action)
{
	struct page	 p;
	const char	*cons[2];

	cons[0] = arena_printf(&r->arena, "Modtager: %s. Emne: %s.",
	    m->to_addr, m->subject);
	cons[1] = retry ? "Modtageren kan få e-mailen, selv om et tidligere "
	    "forsøg måske nåede frem." : "Det kan ikke fortrydes; en ny "
	    "e-mail kommer kun, hvis der sker noget nyt.";
	page_begin_crumbs(&p, r, retry ? "Send e-mailen igen" :
	    "Annuller e-mailen", "brugere", (const struct page_crumb[]){
	    { "/brugere", "Brugere" }, { "/udbakke", "Udbakke" } }, 2);
	ui_confirm(&p, &(struct ui_confirm){
	    .heading = retry ? "Vil du sende e-mailen igen nu?" :
	    "Vil du annullere e-mailen?",
	    .text = retry ? "E-mailen sendes ved næste forsøg, og antallet af "
	    "forsøg tælles forfra." : "E-mailen bliver ikke sendt.",
	    .consequences = cons, .nconsequences = 2,
	    .action = action,
	    .button = retry ? "Send igen" : "Annuller e-mail",
	    .warning = !retry, .cancel_href = "/udbakke" });
	page_end(&p, 200);
}

static void
outbox_act(struct http_req *r, bool retry)
{
	struct outbox_row	 m;
	struct err		 e;
	int64_t			 id;
	int			 rc;

	err_clear(&e);
	if (api_param_id(r, 0, &id, &e) != 0 ||
	    mail_outbox_get(&r->svc, id, &m, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	if (!ui_confirmed(r)) {
		outbox_confirm(r, &m, retry, arena_printf(&r->arena,
		    "/udbakke/%lld/%s", (long long)id, retry ? "igen" :
		    "annuller"));
		return;
	}
	rc = retry ? mail_outbox_retry(&r->svc, id, &e) :
	    mail_outbox_cancel(&r->svc, id, &e);
	if (rc != 0) {
		http_send_error(r, &e);
		return;
	}
	http_redirect(r, retry ? "/udbakke?besked=igen" :
	    "/udbakke?besked=annulleret");
}

void
page_outbox_retry(struct http_req *r)
{
	outbox_act(r, true);
}

void
page_outbox_cancel(struct http_req *r)
{
	outbox_act(r, false);
}
