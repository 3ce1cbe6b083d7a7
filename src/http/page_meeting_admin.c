/*
 * page_meeting_admin — the secretariat's tools on a meeting page and what
 * they post: changing the state (publishing the agenda and cancelling
 * confirm first), participants and apologies (and putting the body's
 * members on), adding an item, and the minutes loop: circulate, a
 * member's sign-off, and approval before the next meeting, which
 * confirms and warns when no voting member has agreed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/meeting.h"
#include "http/api.h"
#include "http/gov.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/routes.h"
#include "http/ui.h"
#include "service/meeting.h"
#include "util/buf.h"
#include "util/text.h"

static const struct ui_option status_options[] = {
	{ "deltager", "Deltager" }, { "afbud", "Afbud" },
	{ "fravaerende", "Fraværende" } };

/* Label of the button that moves a meeting to state to. */
static const char *
state_button(enum meeting_state to)
{
	switch (to) {
	case MEETING_INDKALDT:		return "Indkald og offentliggør "
					    "dagsordenen";
	case MEETING_AFHOLDT:		return "Marker som afholdt";
	case MEETING_REFERAT_UDKAST:	return "Start referat";
	default:			return "Aflys mødet";
	}
}

/* Who signed off the circulated minutes, for the secretariat. */
static void
signers(struct html *h, const struct meeting_page *mp)
{
	size_t i;

	HTML_LIT(h, "<p id=\"signoffs\">");
	html_int(h, mp->voting_signoffs);
	HTML_LIT(h, " af ");
	html_int(h, mp->voting_members);
	HTML_LIT(h, " stemmeberettigede medlemmer har tiltrådt");
	if (mp->nsigners == 0) {
		HTML_LIT(h, ".</p>");
		return;
	}
	HTML_LIT(h, ":</p><ul>");
	for (i = 0; i < mp->nsigners; i++) {
		HTML_LIT(h, "<li>");
		html_text(h, mp->signers[i].name);
		if (!mp->signers[i].voting)
			HTML_LIT(h, " (uden stemmeret)");
		HTML_LIT(h, ", ");
		html_time(h, mp->signers[i].at);
		HTML_LIT(h, "</li>");
	}
	HTML_LIT(h, "</ul>");
}

/* Participants with a form each to change status and substitute. */
static void
participants(struct page *p, const struct meeting_page *mp, const char *base)
{
	static const struct ui_col cols[] = { { "Navn", 0 }, { "Status", 0 },
	    { "Ret", 0 } };
	struct http_req	*r = p->r;
	struct html	*h = &p->h;
	struct ui_table	 t;
	size_t		 i;

	HTML_LIT(h, "<h3>Deltagere og afbud</h3>");
	if (mp->npeople == 0) {
		HTML_LIT(h, "<p>Mødet har ingen deltagere endnu.</p>");
		if (mp->m.state != MEETING_AFLYST &&
		    mp->m.state != MEETING_REFERAT_GODKENDT)
			gov_button_form(p, arena_printf(&r->arena,
			    "%s/fra-organ", base), "Sæt organets "
			    "medlemmer på som deltagere", NULL, NULL,
			    UI_SECONDARY);
		return;
	}
	ui_table_begin(&t, h, NULL, cols, 3);
	for (i = 0; i < mp->npeople; i++) {
		const struct participant *pp = &mp->people[i];
		const char *sid = arena_printf(&r->arena, "status-%lld",
		    (long long)pp->id);
		const char *bid = arena_printf(&r->arena, "substitute-%lld",
		    (long long)pp->id);
		ui_row(&t);
		ui_cell_begin(&t);
		html_text(h, pp->name);
		if (pp->organisation != NULL) {
			HTML_LIT(h, " <span class=\"muted\">");
			html_text(h, pp->organisation);
			HTML_LIT(h, "</span>");
		}
		ui_cell_end(&t);
		ui_cell_begin(&t);
		ui_badge(h, strcmp(pp->status, "deltager") == 0 ? UI_SUCCESS :
		    UI_NEUTRAL, participant_status_label(pp->status));
		ui_cell_end(&t);
		ui_cell_begin(&t);
		HTML_LIT(h, "<form class=\"filters\" method=\"post\"");
		html_url(h, "action", arena_printf(&r->arena,
		    "%s/deltagere/%lld", base, (long long)pp->id));
		HTML_LIT(h, ">");
		page_csrf(p);
		ui_select(h, &(struct ui_select){ .name = "status", .id = sid,
		    .label = "Status", .selected = pp->status,
		    .options = status_options, .noptions = 3 }, NULL);
		ui_field(h, &(struct ui_field){ .name = "substitute", .id = bid,
		    .label = "Stedfortræder", .value = pp->substitute,
		    .maxlength = PERSON_NAME_MAX }, NULL);
		ui_button(h, UI_SECONDARY, "Gem", NULL, NULL);
		HTML_LIT(h, "</form>");
		ui_cell_end(&t);
	}
	ui_table_end(&t);
}

void
page_meeting_admin(struct page *p, const struct meeting_page *mp)
{
	struct http_req		*r = p->r;
	struct html		*h = &p->h;
	const char		*base = arena_printf(&r->arena, "/moeder/%lld",
				    (long long)mp->m.id);
	const struct ui_option	*so;
	enum meeting_state	 to;
	int			 ns;

	HTML_LIT(h, "<section class=\"admin\" aria-labelledby=\"admin\"><h2 "
	    "id=\"admin\">Sekretariatet</h2><div class=\"actions\">");
	for (to = MEETING_PLANLAGT; to < MEETING_STATE_COUNT; to++) {
		if (!meeting_state_change_ok(mp->m.state, to))
			continue;
		gov_button_form(p, arena_printf(&r->arena, "%s/status", base),
		    state_button(to), "state", meeting_state_name(to),
		    to == MEETING_AFLYST ? UI_WARNING_BUTTON : UI_SECONDARY);
	}
	if (mp->m.state == MEETING_REFERAT_UDKAST)
		gov_button_form(p, arena_printf(&r->arena, "%s/referat/udsend",
		    base), mp->m.minutes_circulated_at ? "Udsend referatet "
		    "igen" : "Udsend referatet til medlemmerne", NULL, NULL,
		    UI_SECONDARY);
	ui_button_link(h, UI_TERTIARY, arena_printf(&r->arena, "%s/rediger",
	    base), "Ret mødets oplysninger");
	HTML_LIT(h, "</div>");

	if (mp->m.state == MEETING_REFERAT_UDKAST &&
	    mp->m.minutes_circulated_at != NULL) {
		HTML_LIT(h, "<h3>Godkend før næste møde</h3><p>Kun hvor en "
		    "beslutning får virkning før næste møde.</p>");
		signers(h, mp);
		HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
		html_url(h, "action", arena_printf(&r->arena,
		    "%s/referat/godkend", base));
		HTML_LIT(h, ">");
		page_csrf(p);
		ui_field(h, &(struct ui_field){ .name = "note",
		    .label = "Begrundelse", .required = true,
		    .maxlength = MEETING_NOTE_MAX }, NULL);
		HTML_LIT(h, "<div class=\"actions\">");
		ui_button(h, UI_PRIMARY, "Godkend referatet nu", NULL, NULL);
		HTML_LIT(h, "</div></form>");
	}
	if (mp->m.state != MEETING_REFERAT_GODKENDT &&
	    mp->m.state != MEETING_AFLYST) {
		so = gov_section_options(&ns);
		HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
		html_url(h, "action", arena_printf(&r->arena, "%s/punkter",
		    base));
		HTML_LIT(h, "><h3>Tilføj punkt</h3>");
		page_csrf(p);
		ui_select(h, &(struct ui_select){ .name = "section",
		    .id = "new-section", .label = "Afsnit",
		    .selected = "behandling", .options = so, .noptions = ns },
		    NULL);
		ui_field(h, &(struct ui_field){ .name = "title",
		    .id = "new-title", .label = "Titel", .required = true,
		    .maxlength = ITEM_TITLE_MAX }, NULL);
		ui_field(h, &(struct ui_field){ .name = "presenter",
		    .id = "new-presenter", .label = "Initialer",
		    .hint = "Den, der fremlægger punktet, fx HETH",
		    .maxlength = ITEM_PRESENTER_MAX, .width = "s" }, NULL);
		ui_field(h, &(struct ui_field){ .name = "background",
		    .id = "new-background", .label = "Sagsfremstilling",
		    .type = UI_TEXTAREA, .rows = 4 }, NULL);
		ui_field(h, &(struct ui_field){ .name = "recommendation",
		    .id = "new-recommendation", .label = "Indstilling",
		    .type = UI_TEXTAREA, .rows = 3,
		    .value = "Det indstilles, at " }, NULL);
		ui_checkbox(h, &(struct ui_check){ .name = "closed",
		    .id = "new-closed", .label = "Lukket punkt",
		    .hint = "Vises kun for organets medlemmer og "
		    "sekretariatet" });
		HTML_LIT(h, "<div class=\"actions\">");
		ui_button(h, UI_PRIMARY, "Tilføj punkt", NULL, NULL);
		HTML_LIT(h, "</div></form>");
	}
	participants(p, mp, base);
	HTML_LIT(h, "<form class=\"stack\" method=\"post\"");
	html_url(h, "action", arena_printf(&r->arena, "%s/deltagere", base));
	HTML_LIT(h, "><h3>Tilføj deltager eller afbud</h3>");
	page_csrf(p);
	ui_field(h, &(struct ui_field){ .name = "name", .id = "new-name",
	    .label = "Navn", .required = true,
	    .maxlength = PERSON_NAME_MAX }, NULL);
	ui_field(h, &(struct ui_field){ .name = "organisation",
	    .id = "new-organisation", .label = "Organisation",
	    .maxlength = PERSON_ORG_MAX }, NULL);
	ui_select(h, &(struct ui_select){ .name = "status", .id = "new-status",
	    .label = "Status", .selected = "deltager",
	    .options = status_options, .noptions = 3 }, NULL);
	ui_field(h, &(struct ui_field){ .name = "substitute",
	    .id = "new-substitute", .label = "Stedfortræder",
	    .maxlength = PERSON_NAME_MAX }, NULL);
	HTML_LIT(h, "<div class=\"actions\">");
	ui_button(h, UI_PRIMARY, "Tilføj", NULL, NULL);
	HTML_LIT(h, "</div></form></section>");
}

/* ---- what the tools post ------------------------------------------- */

/* The meeting for a confirmation page, or answer the error. */
static bool
meeting_for_confirm(struct http_req *r, int64_t id, struct meeting *m)
{
	struct err e;

	err_clear(&e);
	if (meeting_get(&r->svc, id, m, &e) != 0) {
		http_send_error(r, &e);
		return false;
	}
	return true;
}

void
page_meeting_state_post(struct http_req *r)
{
	enum meeting_state	 to;
	struct meeting		 m;
	struct err		 e;
	const char		*back;
	int64_t			 id;
	int			 rc;

	if (!gov_path_id(r, &id))
		return;
	err_clear(&e);
	if (meeting_state_parse(gov_field(r, "state"), &to) != 0) {
		rc = err_set(&e, ERR_INVALID, "invalid_state", "state",
		    "Ukendt status");
		page_meeting_done(r, id, rc, &e, "status");
		return;
	}
	if ((to == MEETING_INDKALDT || to == MEETING_AFLYST) &&
	    !ui_confirmed(r)) {
		if (!meeting_for_confirm(r, id, &m))
			return;
		back = arena_printf(&r->arena, "/moeder/%lld", (long long)id);
		if (to == MEETING_INDKALDT)
			gov_confirm(r, "Offentliggør dagsordenen",
			    (const struct page_crumb[]){ { "/moeder", "Møder" },
			    { back, m.title } }, 2, NULL, &(struct ui_confirm){
			    .heading = "Vil du indkalde til mødet og "
			    "offentliggøre dagsordenen?",
			    .text = "Dagsordenen bliver offentlig for alle.",
			    .consequences = (const char *const[]){
				"Dagsordenen, de åbne punkter og de åbne bilag "
				"vises på mødesiden, i mødekalenderen og i det "
				"åbne API.",
				"Lukkede punkter og lukkede bilag vises kun for "
				"organets medlemmer og sekretariatet." },
			    .nconsequences = 2,
			    .action = arena_printf(&r->arena,
			    "/moeder/%lld/status", (long long)id),
			    .button = "Indkald og offentliggør",
			    .cancel_href = back });
		else
			gov_confirm(r, "Aflys mødet",
			    (const struct page_crumb[]){ { "/moeder", "Møder" },
			    { back, m.title } }, 2, NULL, &(struct ui_confirm){
			    .heading = "Vil du aflyse mødet?",
			    .text = "Mødet markeres som aflyst. Det kan ikke "
			    "gøres om.",
			    .consequences = (const char *const[]){
				"Dagsordenen kan ikke længere ændres.",
				"Mødekalenderen viser mødet som aflyst." },
			    .nconsequences = 2,
			    .action = arena_printf(&r->arena,
			    "/moeder/%lld/status", (long long)id),
			    .button = "Aflys mødet", .warning = true,
			    .cancel_href = back });
		return;
	}
	rc = meeting_set_state(&r->svc, id, to, &e);
	page_meeting_done(r, id, rc, &e, "status");
}

void
page_meeting_participant_post(struct http_req *r)
{
	struct participant	pp;
	struct err		e;
	int64_t			id;

	if (!gov_path_id(r, &id))
		return;
	memset(&pp, 0, sizeof(pp));
	pp.name = gov_field(r, "name");
	pp.organisation = gov_field(r, "organisation");
	pp.status = gov_field(r, "status");
	pp.substitute = gov_field(r, "substitute");
	err_clear(&e);
	page_meeting_done(r, id, meeting_participant_add(&r->svc, id, &pp, &e),
	    &e, "deltager");
}

void
page_meeting_participant_set_post(struct http_req *r)
{
	struct err	e;
	int64_t		id, pid;

	if (!gov_path_id(r, &id))
		return;
	err_clear(&e);
	if (api_param_id(r, 1, &pid, &e) != 0) {
		http_send_error(r, &e);
		return;
	}
	page_meeting_done(r, id, meeting_participant_set(&r->svc, id, pid,
	    gov_field(r, "status"), gov_field(r, "substitute"), &e), &e,
	    "gemt");
}

void
page_meeting_participants_prefill_post(struct http_req *r)
{
	struct err	e;
	size_t		added;
	int64_t		id;

	if (!gov_path_id(r, &id))
		return;
	err_clear(&e);
	page_meeting_done(r, id, meeting_participants_prefill(&r->svc, id,
	    &added, &e), &e, "deltagere");
}

/* The agenda fields of an item from the form. */
int
page_item_input(struct http_req *r, struct item_input *in, struct err *e)
{
	memset(in, 0, sizeof(*in));
	if (item_section_parse(gov_field(r, "section") ? gov_field(r,
	    "section") : "behandling", &in->section) != 0)
		return err_set(e, ERR_INVALID, "invalid_section", "section",
		    "Ukendt afsnit");
	in->title = gov_field(r, "title");
	in->presenter = gov_field(r, "presenter");
	in->background = gov_field_text(r, "background");
	in->recommendation = gov_field_text(r, "recommendation");
	if (in->recommendation != NULL &&
	    strcmp(in->recommendation, "Det indstilles, at") == 0)
		in->recommendation = NULL;
	in->closed = gov_field(r, "closed") != NULL;
	in->earlier_item = gov_id(gov_field(r, "earlier_item"));
	in->earlier_body = gov_id(gov_field(r, "earlier_body"));
	in->earlier_text = gov_field_text(r, "earlier_text");
	return 0;
}

void
page_meeting_item_post(struct http_req *r)
{
	struct item_input	in;
	struct err		e;
	int64_t			id, item;
	int			rc;

	if (!gov_path_id(r, &id))
		return;
	err_clear(&e);
	if ((rc = page_item_input(r, &in, &e)) == 0)
		rc = meeting_item_add(&r->svc, id, &in, &item, &e);
	page_meeting_done(r, id, rc, &e, "punkt");
}

void
page_meeting_circulate_post(struct http_req *r)
{
	struct err	e;
	int64_t		id;

	if (!gov_path_id(r, &id))
		return;
	err_clear(&e);
	page_meeting_done(r, id, meeting_minutes_circulate(&r->svc, id, &e),
	    &e, "udsendt");
}

void
page_meeting_approve_post(struct http_req *r)
{
	struct meeting_page	 mp;
	struct err		 e;
	const char		*back, *note, *who, **cons;
	int64_t			 id;
	size_t			 i;
	int			 rc;

	if (!gov_path_id(r, &id))
		return;
	err_clear(&e);
	note = gov_field(r, "note");
	if (note == NULL || ui_confirmed(r)) {
		page_meeting_done(r, id, meeting_minutes_approve_early(&r->svc,
		    id, note, &e), &e, "godkendt");
		return;
	}
	if ((rc = meeting_load(&r->svc, id, &mp, &e)) != 0) {
		http_send_error(r, &e);
		return;
	}
	back = arena_printf(&r->arena, "/moeder/%lld", (long long)id);
	who = NULL;
	for (i = 0; i < mp.nsigners; i++)
		who = who == NULL ? mp.signers[i].name : arena_printf(
		    &r->arena, "%s, %s", who, mp.signers[i].name);
	cons = arena_calloc(&r->arena, 3, sizeof(*cons));
	cons[0] = arena_printf(&r->arena, "%lld af %lld stemmeberettigede "
	    "medlemmer har tiltrådt referatet%s%s.",
	    (long long)mp.voting_signoffs, (long long)mp.voting_members,
	    who != NULL ? ": " : "", who != NULL ? who : "");
	cons[1] = "Referatet låses, så det ikke kan rettes mere.";
	cons[2] = "Referatet offentliggøres på mødesiden, i referat-feedet og "
	    "i det åbne API.";
	gov_confirm(r, "Godkend referatet før næste møde",
	    (const struct page_crumb[]){ { "/moeder", "Møder" },
	    { back, mp.m.title } }, 2, mp.voting_signoffs == 0 ?
	    "Ingen stemmeberettigede medlemmer har tiltrådt referatet endnu. "
	    "Normalt godkendes referatet på næste møde." : NULL,
	    &(struct ui_confirm){
	    .heading = "Vil du godkende referatet nu?",
	    .text = arena_printf(&r->arena, "Begrundelse: %s", note),
	    .consequences = cons, .nconsequences = 3,
	    .action = arena_printf(&r->arena, "/moeder/%lld/referat/godkend",
	    (long long)id), .button = "Godkend referatet",
	    .cancel_href = back });
}

void
page_meeting_signoff_post(struct http_req *r)
{
	struct err	e;
	int64_t		id;

	if (!gov_path_id(r, &id))
		return;
	err_clear(&e);
	page_meeting_done(r, id, meeting_minutes_signoff(&r->svc, id, &e), &e,
	    "tiltraadt");
}
