/*
 * page_item — one agenda item for the secretariat: its agenda fields
 * (with "an earlier item" chosen from the recent items of the meetings
 * before), deleting and moving it, its minutes and decision with their
 * history, its attachments (upload, rename, close, delete), its
 * follow-ups, approving the previous minutes through it, and serving an
 * attachment. Deleting, closing and approving confirm first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/meeting.h"
#include "http/gov.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "service/history.h"
#include "service/meeting.h"
#include "util/buf.h"
#include "util/text.h"

static const struct ui_option follow_up_options[] = {
	{ "aaben", "Åben" }, { "i_gang", "I gang" }, { "lukket", "Lukket" } };

/* Who changed the item's minutes when, from what to what. */
static void
history(struct http_req *r, struct html *h, int64_t item_id)
{
	static const struct ui_col cols[] = { { "Tidspunkt", 0 },
	    { "Bruger", 0 }, { "Før", 0 }, { "Efter", 0 } };
	struct history_entry	*v;
	struct ui_table		 t;
	struct err		 e;
	size_t			 n, i, c;
	int			 k = 0;

	if (history_item(&r->svc, item_id, &v, &n, &e) != 0)
		return;
	HTML_LIT(h, "<h2>Ændringer af referatet</h2>");
	for (i = 0; i < n; i++) {
		const struct history_change *m = NULL;

		if (strcmp(v[i].action, "minutes") != 0)
			continue;
		for (c = 0; c < v[i].nchanges; c++)
			if (strcmp(v[i].changes[c].field, "minutes") == 0)
				m = &v[i].changes[c];
		if (k++ == 0)
			ui_table_begin(&t, h, NULL, cols, 4);
		ui_row(&t);
		ui_cell_begin(&t);
		html_time(h, v[i].at_iso);
		ui_cell_end(&t);
		ui_cell(&t, v[i].who);
		ui_cell_begin(&t);
		gov_paragraphs(h, m != NULL ? m->before : NULL);
		ui_cell_end(&t);
		ui_cell_begin(&t);
		gov_paragraphs(h, m != NULL ? m->after : NULL);
		ui_cell_end(&t);
	}
	if (k == 0)
		HTML_LIT(h, "<p class=\"muted\">Referatet er ikke skrevet "
		    "endnu.</p>");
	else
		ui_table_end(&t);
}

/* One attachment: its link, a form to rename it, and to close or open
   and delete it (both confirm). */
static void
attachment_edit(struct page *p, const struct meeting *m,
    const struct attachment *f)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	const char	*url = arena_printf(&r->arena, "/bilag/%lld",
			    (long long)f->id);

	HTML_LIT(h, "<div class=\"attachment\"><p>");
	if (f->blob_hash != NULL) {
		HTML_LIT(h, "<a");
		html_url(h, "href", url);
		HTML_LIT(h, ">");
		html_text(h, f->name);
		HTML_LIT(h, "</a>");
	} else
		html_text(h, f->name);
	if (f->closed) {
		HTML_LIT(h, " ");
		ui_badge(h, UI_WARNING, "Lukket bilag");
	}
	HTML_LIT(h, "</p><form class=\"filters\" method=\"post\"");
	html_url(h, "action", url);
	HTML_LIT(h, ">");
	page_csrf(p);
	if (f->closed)
		HTML_LIT(h, "<input type=\"hidden\" name=\"closed\" "
		    "value=\"1\">");
	ui_field(h, &(struct ui_field){ .name = "name",
	    .id = arena_printf(&r->arena, "name-%lld", (long long)f->id),
	    .label = "Navn", .value = f->name, .required = true,
	    .maxlength = ATTACHMENT_NAME_MAX }, NULL);
	ui_button(h, UI_SECONDARY, "Gem navn", NULL, NULL);
	HTML_LIT(h, "</form><div class=\"actions\">");
	gov_button_form(p, arena_printf(&r->arena, "%s/luk", url),
	    f->closed ? "Gør bilaget åbent" : "Luk bilaget", "item",
	    gov_idtxt(r, f->item_id), UI_SECONDARY);
	if (m->state != MEETING_REFERAT_GODKENDT && m->state != MEETING_AFLYST)
		gov_button_form(p, arena_printf(&r->arena, "%s/slet", url),
		    "Slet bilag", "item", gov_idtxt(r, f->item_id),
		    UI_WARNING_BUTTON);
	HTML_LIT(h, "</div></div>");
}

/* The select of earlier items ("6. marts 2026 · DAS · 4. Titel"). */
static void
earlier_select(struct http_req *r, struct html *h, int64_t meeting_id,
    int64_t selected)
{
	struct item_ref		*v;
	struct err		 e;
	size_t			 n, i;
	const char		*sel = selected > 0 ? gov_idtxt(r, selected) :
				    NULL;
	bool			 found = false;
	char			 d[11];
	struct buf		 b;
	struct html		 t;

	if (meeting_earlier_items(&r->svc, meeting_id, &v, &n, &e) != 0)
		n = 0;
	ui_select_begin(h, &(struct ui_select){ .name = "earlier_item",
	    .label = "Et tidligere punkt", .hint = "Punkter fra møderne det "
	    "seneste år før dette møde, nyeste først", .first = "Intet",
	    .selected = sel }, NULL);
	buf_init(&b);
	t.out = &b;
	for (i = 0; i < n; i++) {
		buf_reset(&b);
		snprintf(d, sizeof(d), "%.10s", v[i].meeting_starts ?
		    v[i].meeting_starts : "");
		html_date(&t, d);
		ui_option(h, gov_idtxt(r, v[i].id), arena_printf(&r->arena,
		    "%s · %s · punkt %d: %s", buf_str(&b), v[i].body_name,
		    v[i].number, v[i].title), sel);
		if (v[i].id == selected)
			found = true;
	}
	buf_cleanup(&b);
	if (selected > 0 && !found)
		ui_option(h, sel, "Det valgte punkt (ældre end et år)", sel);
	ui_select_end(h);
}

/* The agenda fields of the item, for a meeting still open to changes. */
static void
agenda_form(struct page *p, const struct agenda_item *it, const char *base)
{
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	const struct ui_option	*so, *bo;
	int			 ns, nb;

	so = gov_section_options(&ns);
	bo = gov_body_options(r, &nb);
	HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
	html_url(h, "action", base);
	HTML_LIT(h, "><h2>Dagsorden</h2>");
	page_csrf(p);
	ui_select(h, &(struct ui_select){ .name = "section", .label = "Afsnit",
	    .selected = item_section_name(it->section), .options = so,
	    .noptions = ns }, NULL);
	ui_field(h, &(struct ui_field){ .name = "title", .label = "Titel",
	    .value = it->title, .required = true, .maxlength = ITEM_TITLE_MAX },
	    NULL);
	ui_field(h, &(struct ui_field){ .name = "presenter",
	    .label = "Initialer", .value = it->presenter, .width = "s",
	    .maxlength = ITEM_PRESENTER_MAX }, NULL);
	ui_field(h, &(struct ui_field){ .name = "background",
	    .label = "Sagsfremstilling", .type = UI_TEXTAREA, .rows = 6,
	    .value = it->background }, NULL);
	ui_field(h, &(struct ui_field){ .name = "recommendation",
	    .label = "Indstilling", .type = UI_TEXTAREA, .rows = 3,
	    .value = it->recommendation }, NULL);
	HTML_LIT(h, "<fieldset><legend class=\"h3\">Et tidligere organs "
	    "indstilling</legend>");
	earlier_select(r, h, it->meeting_id, it->earlier_item);
	ui_select(h, &(struct ui_select){ .name = "earlier_body",
	    .label = "Eller organ", .hint = "Når punktet ikke findes her",
	    .first = "Intet", .selected = it->earlier_body > 0 ?
	    gov_idtxt(r, it->earlier_body) : NULL, .options = bo,
	    .noptions = nb }, NULL);
	ui_field(h, &(struct ui_field){ .name = "earlier_text",
	    .label = "og dets indstilling", .type = UI_TEXTAREA, .rows = 2,
	    .value = it->earlier_text }, NULL);
	HTML_LIT(h, "</fieldset>");
	ui_checkbox(h, &(struct ui_check){ .name = "closed",
	    .label = "Lukket punkt", .checked = it->closed });
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Gem punktet", NULL, NULL);
	HTML_LIT(h, "</div></form>");
	if (it->minutes == NULL && it->result == RESULT_NONE) {
		HTML_LIT(h, "<h2>Slet punktet</h2><p>Punktet slettes med sine "
		    "bilag og opfølgninger.</p>");
		gov_button_form(p, arena_printf(&r->arena, "%s/slet", base),
		    "Slet punktet", NULL, NULL, UI_WARNING_BUTTON);
	}
}

/* The minutes form, or why there is none. */
static void
minutes_form(struct page *p, const struct meeting *m,
    const struct agenda_item *it, const char *base)
{
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	const struct ui_option	*ro;
	int			 nr;

	if (m->state == MEETING_REFERAT_GODKENDT) {
		ui_alert(h, UI_INFO, NULL, "Referatet er godkendt og kan ikke "
		    "ændres.");
		return;
	}
	if (m->state != MEETING_AFHOLDT && m->state != MEETING_REFERAT_UDKAST) {
		HTML_LIT(h, "<p>Referatet skrives, når mødet er afholdt.</p>");
		return;
	}
	ro = gov_result_options(&nr);
	HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
	html_url(h, "action", arena_printf(&r->arena, "%s/referat", base));
	HTML_LIT(h, ">");
	page_csrf(p);
	ui_field(h, &(struct ui_field){ .name = "minutes",
	    .label = "Referat og beslutning", .type = UI_TEXTAREA, .rows = 8,
	    .value = it->minutes }, NULL);
	ui_select(h, &(struct ui_select){ .name = "result",
	    .label = "Beslutning", .first = "Ingen",
	    .selected = it->result != RESULT_NONE ?
	    item_result_name(it->result) : NULL, .options = ro, .noptions = nr },
	    NULL);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Gem referat", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

/* The item's follow-ups with their status, and a form for a new one. */
static void
follow_ups(struct page *p, const struct meeting_page *mp, int64_t id,
    const char *base)
{
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	size_t		 i, nfu = 0;

	HTML_LIT(h, "<h2>Opfølgning</h2>");
	for (i = 0; i < mp->nfollow_ups; i++) {
		const struct follow_up *f = &mp->follow_ups[i];
		if (f->item_id != id)
			continue;
		nfu++;
		HTML_LIT(h, "<form class=\"filters\" method=\"post\"");
		html_url(h, "action", arena_printf(&r->arena,
		    "/opfoelgning/%lld", (long long)f->id));
		HTML_LIT(h, ">");
		page_csrf(p);
		HTML_LIT(h, "<input type=\"hidden\" name=\"item\"");
		html_attr(h, "value", gov_idtxt(r, id));
		HTML_LIT(h, "><p>");
		html_text(h, f->text);
		if (f->owner != NULL) {
			HTML_LIT(h, " – ");
			html_text(h, f->owner);
		}
		if (f->due_on != NULL) {
			HTML_LIT(h, ", frist ");
			html_date(h, f->due_on);
		}
		HTML_LIT(h, " ");
		gov_follow_up_badge(h, f->status);
		HTML_LIT(h, "</p>");
		ui_select(h, &(struct ui_select){ .name = "status",
		    .id = arena_printf(&r->arena, "status-%lld",
		    (long long)f->id), .label = "Status", .selected = f->status,
		    .options = follow_up_options, .noptions = 3 }, NULL);
		ui_button(h, UI_SECONDARY, "Gem", NULL, NULL);
		HTML_LIT(h, "</form>");
	}
	if (nfu == 0)
		HTML_LIT(h, "<p class=\"muted\">Ingen opfølgning endnu.</p>");
	HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
	html_url(h, "action", arena_printf(&r->arena, "%s/opfoelgning", base));
	HTML_LIT(h, "><h3>Ny opfølgning</h3>");
	page_csrf(p);
	ui_field(h, &(struct ui_field){ .name = "text", .label = "Opgave",
	    .required = true, .maxlength = FOLLOWUP_TEXT_MAX }, NULL);
	ui_field(h, &(struct ui_field){ .name = "owner", .label = "Ansvarlig",
	    .maxlength = FOLLOWUP_OWNER_MAX }, NULL);
	ui_field(h, &(struct ui_field){ .name = "due_on", .label = "Frist",
	    .type = UI_DATE, .width = "m" }, NULL);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Tilføj opfølgning", NULL, NULL);
	HTML_LIT(h, "</div></form>");
}

void
page_item_form(struct http_req *r)
{
	static const char *const allowed[] = { "besked", NULL };
	struct agenda_item	 it;
	struct meeting		 m;
	struct meeting_page	 mp;
	struct page		 p;
	struct html		*h = &p.h;
	struct err		 e;
	int64_t			 id;
	size_t			 i;
	const char		*base, *back;
	bool			 open;

	if (!gov_query_ok(r, allowed) || !gov_path_id(r, &id))
		return;
	err_clear(&e);
	if (meeting_item_get(&r->svc, id, &it, &m, &e) != 0 ||
	    meeting_load(&r->svc, m.id, &mp, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	base = arena_printf(&r->arena, "/punkter/%lld", (long long)id);
	back = arena_printf(&r->arena, "/moeder/%lld", (long long)m.id);
	open = m.state != MEETING_REFERAT_GODKENDT && m.state != MEETING_AFLYST;
	page_begin_crumbs(&p, r, it.number > 0 ? arena_printf(&r->arena,
	    "Punkt %d: %s", it.number, it.title) : it.title, "moeder",
	    (const struct page_crumb[]){ { "/moeder", "Møder" },
	    { back, m.title } }, 2);
	gov_flash(&p);
	HTML_LIT(h, "<p><a");
	html_url(h, "href", arena_printf(&r->arena, "%s#punkt-%d", back,
	    it.number));
	HTML_LIT(h, ">Tilbage til ");
	html_text(h, m.title);
	HTML_LIT(h, "</a></p>");
	if (open)
		agenda_form(&p, &it, base);
	HTML_LIT(h, "<h2>Referat</h2>");
	minutes_form(&p, &m, &it, base);

	HTML_LIT(h, "<h2>Bilag</h2>");
	if (it.nfiles == 0)
		HTML_LIT(h, "<p class=\"muted\">Ingen bilag endnu.</p>");
	for (i = 0; i < it.nfiles; i++)
		attachment_edit(&p, &m, &it.files[i]);
	if (open) {
		HTML_LIT(h, "<form class=\"stack\" method=\"post\" "
		    "enctype=\"multipart/form-data\"");
		html_url(h, "action", arena_printf(&r->arena, "%s/bilag",
		    base));
		HTML_LIT(h, "><h3>Nyt bilag</h3>");
		page_csrf(&p);
		ui_field(h, &(struct ui_field){ .name = "file", .label = "Fil",
		    .hint = "PDF, DOCX eller XLSX, højst 1 MiB",
		    .type = UI_FILE, .required = true,
		    .accept = ".pdf,.docx,.xlsx" }, NULL);
		ui_field(h, &(struct ui_field){ .name = "name",
		    .id = "new-name", .label = "Navn",
		    .hint = "Tom: filens navn",
		    .maxlength = ATTACHMENT_NAME_MAX }, NULL);
		ui_field(h, &(struct ui_field){ .name = "doc_no",
		    .label = "Dok.nr.", .width = "m",
		    .maxlength = MEETING_CASE_NO_MAX }, NULL);
		ui_checkbox(h, &(struct ui_check){ .name = "closed",
		    .id = "new-closed", .label = "Lukket bilag" });
		HTML_LIT(h, "<div class=\"actions\">");
		ui_button(h, UI_PRIMARY, "Tilføj bilag", NULL, NULL);
		HTML_LIT(h, "</div></form>");
	}
	follow_ups(&p, &mp, id, base);
	history(r, h, id);
	page_end(&p, 200);
}

/* Redirect to the item page, or show the error. */
static void
item_done(struct http_req *r, int64_t id, int rc, const struct err *e,
    const char *key)
{
	gov_done(r, rc, e, arena_printf(&r->arena, "/punkter/%lld",
	    (long long)id), key);
}

/* The item and its meeting for a confirmation, or answer the error. */
static bool
item_for_confirm(struct http_req *r, int64_t id, struct agenda_item *it,
    struct meeting *m)
{
	struct err e;

	err_clear(&e);
	if (meeting_item_get(&r->svc, id, it, m, &e) != 0) {
		http_send_error(r, &e);
		return false;
	}
	return true;
}

void
page_item_post(struct http_req *r)
{
	struct item_input	in;
	struct err		e;
	int64_t			id;
	int			rc;

	if (!gov_path_id(r, &id))
		return;
	err_clear(&e);
	if ((rc = page_item_input(r, &in, &e)) == 0)
		rc = meeting_item_update(&r->svc, id, &in, &e);
	item_done(r, id, rc, &e, "gemt");
}

void
page_item_delete_post(struct http_req *r)
{
	struct agenda_item	 it;
	struct meeting		 m;
	struct err		 e;
	const char		*back;
	int64_t			 id, meeting_id = 0;
	int			 rc;

	if (!gov_path_id(r, &id))
		return;
	if (!ui_confirmed(r)) {
		if (!item_for_confirm(r, id, &it, &m))
			return;
		back = arena_printf(&r->arena, "/punkter/%lld", (long long)id);
		gov_confirm(r, "Slet punktet", (const struct page_crumb[]){
		    { "/moeder", "Møder" }, { arena_printf(&r->arena,
		    "/moeder/%lld", (long long)m.id), m.title } }, 2, NULL,
		    &(struct ui_confirm){
		    .heading = arena_printf(&r->arena, "Vil du slette punkt "
		    "%d, %s?", it.number, it.title),
		    .text = "Punktet fjernes fra dagsordenen. Det kan ikke "
		    "gøres om.",
		    .consequences = (const char *const[]){
			arena_printf(&r->arena, "%zu bilag og punktets "
			"opfølgninger slettes med det.", it.nfiles),
			"De øvrige punkter nummereres igen." },
		    .nconsequences = 2,
		    .action = arena_printf(&r->arena, "%s/slet", back),
		    .button = "Slet punktet", .warning = true,
		    .cancel_href = back });
		return;
	}
	err_clear(&e);
	rc = meeting_item_delete(&r->svc, id, &meeting_id, &e);
	if (rc != 0) {
		item_done(r, id, rc, &e, "slettet");
		return;
	}
	page_meeting_done(r, meeting_id, 0, &e, "slettet");
}

void
page_item_move_post(struct http_req *r)
{
	struct agenda_item	 it;
	struct meeting		 m;
	struct err		 e;
	const char		*dir;
	int64_t			 id;
	int			 rc;

	if (!gov_path_id(r, &id))
		return;
	err_clear(&e);
	if ((rc = meeting_item_get(&r->svc, id, &it, &m, &e)) != 0) {
		http_send_error(r, &e);
		return;
	}
	dir = gov_field(r, "retning");
	if (dir == NULL || (strcmp(dir, "op") != 0 && strcmp(dir, "ned") != 0))
		rc = err_set(&e, ERR_INVALID, "invalid_direction", "retning",
		    "Vælg op eller ned");
	else
		rc = meeting_item_move(&r->svc, id, strcmp(dir, "op") == 0 ?
		    -1 : 1, &e);
	page_meeting_done(r, m.id, rc, &e, "flyttet");
}

void
page_item_minutes_post(struct http_req *r)
{
	enum item_result	res;
	struct err		e;
	int64_t			id;
	int			rc;

	if (!gov_path_id(r, &id))
		return;
	err_clear(&e);
	if (item_result_parse(gov_field(r, "result"), &res) != 0)
		rc = err_set(&e, ERR_INVALID, "invalid_result", "result",
		    "Ukendt beslutning");
	else
		rc = meeting_item_minutes(&r->svc, id, gov_field_text(r,
		    "minutes"), res, &e);
	item_done(r, id, rc, &e, "referat");
}

void
page_item_attachment_post(struct http_req *r)
{
	const struct http_field	*file;
	struct err		 e;
	int64_t			 id, fid;
	int			 rc;

	if (!gov_path_id(r, &id))
		return;
	err_clear(&e);
	if (http_form_error(r, &e) != 0)
		rc = e.code;
	else if ((file = http_form_file(r, "file")) == NULL || file->len == 0)
		rc = err_set(&e, ERR_INVALID, "missing_file", "file",
		    "Vælg en fil");
	else {
		struct meeting_file mf = { file->filename, file->path,
		    file->len, file->hash };
		rc = meeting_attachment_add_file(&r->svc, id,
		    gov_field(r, "name"), &mf, gov_field(r, "closed") != NULL,
		    gov_field(r, "doc_no"), &fid, &e);
	}
	item_done(r, id, rc, &e, "bilag");
}

void
page_item_follow_up_post(struct http_req *r)
{
	struct err	e;
	int64_t		id, fid;

	if (!gov_path_id(r, &id))
		return;
	err_clear(&e);
	item_done(r, id, meeting_follow_up_add(&r->svc, id, gov_field(r,
	    "text"), gov_field(r, "owner"), gov_field(r, "due_on"), &fid, &e),
	    &e, "opfoelgning");
}

void
page_item_approve_post(struct http_req *r)
{
	struct agenda_item	 it;
	struct meeting		 m;
	struct err		 e;
	const char		*back;
	int64_t			 id;

	if (!gov_path_id(r, &id))
		return;
	if (!item_for_confirm(r, id, &it, &m))
		return;
	if (!ui_confirmed(r)) {
		back = arena_printf(&r->arena, "/moeder/%lld", (long long)m.id);
		gov_confirm(r, "Godkend referatet", (const struct page_crumb[]){
		    { "/moeder", "Møder" }, { back, m.title } }, 2, NULL,
		    &(struct ui_confirm){
		    .heading = "Vil du godkende referatet fra forrige møde?",
		    .text = it.title,
		    .consequences = (const char *const[]){
			"Referatet fra forrige møde låses, så det ikke kan "
			"rettes mere.",
			"Det offentliggøres på mødesiden, i referat-feedet og "
			"i det åbne API.",
			"Punktets beslutning bliver »godkendt«." },
		    .nconsequences = 3,
		    .action = arena_printf(&r->arena, "/punkter/%lld/godkend",
		    (long long)id), .button = "Godkend referatet",
		    .cancel_href = back });
		return;
	}
	err_clear(&e);
	page_meeting_done(r, m.id, meeting_item_approve(&r->svc, id, &e), &e,
	    "godkendt");
}

void
page_follow_up_post(struct http_req *r)
{
	struct err	e;
	int64_t		id, item;
	int		rc;

	if (!gov_path_id(r, &id))
		return;
	err_clear(&e);
	rc = meeting_follow_up_set(&r->svc, id, gov_field(r, "status"), &e);
	if ((item = gov_id(gov_field(r, "item"))) > 0)
		item_done(r, item, rc, &e, "opfoelgning");
	else
		gov_done(r, rc, &e, "/moeder", "opfoelgning");
}

/* ---- attachments --------------------------------------------------- */

/* After a change to an attachment: back to its item, or the error. */
static void
attachment_done(struct http_req *r, int64_t item_id, int rc,
    const struct err *e, const char *key)
{
	if (item_id == 0)
		http_send_error(r, e);
	else
		item_done(r, item_id, rc, e, key);
}

void
page_attachment_post(struct http_req *r)
{
	struct err	e;
	int64_t		id, item_id = 0;
	int		rc;

	if (!gov_path_id(r, &id))
		return;
	err_clear(&e);
	rc = meeting_attachment_set(&r->svc, id, gov_field(r, "name"),
	    gov_field(r, "closed") != NULL, &item_id, &e);
	attachment_done(r, item_id, rc, &e, "bilag");
}

/*
 * The attachment id and its item for a confirmation page, or answer
 * 404: an attachment is found through the items of its meeting.
 */
static bool
attachment_find(struct http_req *r, int64_t id, struct attachment *out,
    struct agenda_item *it, struct meeting *m)
{
	struct attachment	 f;
	struct err		 e;
	const void		*data;
	size_t			 len, i;
	int64_t			 item_id = gov_id(gov_field(r, "item"));

	err_clear(&e);
	if (meeting_attachment_get(&r->svc, id, &f, &data, &len, &e) == 0)
		item_id = item_id > 0 ? item_id : f.item_id;
	if (item_id > 0 && meeting_item_get(&r->svc, item_id, it, m, &e) == 0)
		for (i = 0; i < it->nfiles; i++)
			if (it->files[i].id == id) {
				*out = it->files[i];
				return true;
			}
	err_set(&e, ERR_NOT_FOUND, "not_found", NULL, "Bilaget findes ikke");
	http_send_error(r, &e);
	return false;
}

void
page_attachment_close_post(struct http_req *r)
{
	struct attachment	 f;
	struct agenda_item	 it;
	struct meeting		 m;
	struct err		 e;
	const char		*back;
	bool			 close;
	int64_t			 id, item_id = 0;
	int			 rc;

	if (!gov_path_id(r, &id) || !attachment_find(r, id, &f, &it, &m))
		return;
	close = !f.closed;
	if (!ui_confirmed(r)) {
		back = arena_printf(&r->arena, "/punkter/%lld",
		    (long long)it.id);
		gov_confirm(r, close ? "Luk bilaget" : "Gør bilaget åbent",
		    (const struct page_crumb[]){ { "/moeder", "Møder" },
		    { arena_printf(&r->arena, "/moeder/%lld", (long long)m.id),
		    m.title }, { back, it.title } }, 3, NULL,
		    &(struct ui_confirm){
		    .heading = arena_printf(&r->arena, close ? "Vil du lukke "
		    "bilaget %s?" : "Vil du gøre bilaget %s åbent?", f.name),
		    .text = close ? "Bilaget vises derefter kun for organets "
		    "medlemmer og sekretariatet." : "Bilaget bliver offentligt "
		    "sammen med punktet.",
		    .consequences = (const char *const[]){ close ?
			"Det fjernes fra den offentlige mødeside, PDF'erne, "
			"søgningen og det åbne API." :
			"Det vises på den offentlige mødeside, i PDF'erne, "
			"søgningen og det åbne API." },
		    .nconsequences = 1,
		    .action = arena_printf(&r->arena, "/bilag/%lld/luk",
		    (long long)id), .button = close ? "Luk bilaget" :
		    "Gør bilaget åbent", .warning = close,
		    .cancel_href = back });
		return;
	}
	err_clear(&e);
	rc = meeting_attachment_set(&r->svc, id, f.name, close, &item_id, &e);
	attachment_done(r, item_id, rc, &e, "bilag");
}

void
page_attachment_delete_post(struct http_req *r)
{
	struct attachment	 f;
	struct agenda_item	 it;
	struct meeting		 m;
	struct err		 e;
	const char		*back;
	int64_t			 id, item_id = 0;
	int			 rc;

	if (!gov_path_id(r, &id))
		return;
	if (!ui_confirmed(r)) {
		if (!attachment_find(r, id, &f, &it, &m))
			return;
		back = arena_printf(&r->arena, "/punkter/%lld",
		    (long long)it.id);
		gov_confirm(r, "Slet bilaget", (const struct page_crumb[]){
		    { "/moeder", "Møder" }, { arena_printf(&r->arena,
		    "/moeder/%lld", (long long)m.id), m.title },
		    { back, it.title } }, 3, NULL, &(struct ui_confirm){
		    .heading = arena_printf(&r->arena, "Vil du slette bilaget "
		    "%s?", f.name),
		    .text = "Bilaget fjernes fra punktet. Det kan ikke gøres "
		    "om.",
		    .action = arena_printf(&r->arena, "/bilag/%lld/slet",
		    (long long)id), .button = "Slet bilaget", .warning = true,
		    .cancel_href = back });
		return;
	}
	err_clear(&e);
	rc = meeting_attachment_delete(&r->svc, id, &item_id, &e);
	attachment_done(r, item_id, rc, &e, "bilag_slettet");
}

void
page_attachment(struct http_req *r)
{
	struct attachment	 f;
	struct err		 e;
	const void		*data;
	size_t			 len;
	int64_t			 id;
	const char		*ext;

	if (!gov_query_ok(r, (const char *const[]){ NULL }) ||
	    !gov_path_id(r, &id))
		return;
	err_clear(&e);
	if (meeting_attachment_get(&r->svc, id, &f, &data, &len, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	ext = strcmp(f.media_type, "application/pdf") == 0 ? "pdf" :
	    strstr(f.media_type, "word") ? "docx" : "xlsx";
	http_set_header(r, "Content-Disposition", arena_printf(&r->arena,
	    "attachment; filename=\"bilag-%lld.%s\"", (long long)id, ext));
	http_send(r, 200, f.media_type, data, len);
}
