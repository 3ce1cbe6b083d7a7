/*
 * gov — the pieces the governance pages share: form fields, ids, the
 * Danish time of a meeting, text with line breaks, flash messages, the
 * options of selects, state badges, one-button forms, the follow-up
 * table and the meeting view of the acting user. See gov.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/meeting.h"
#include "core/org.h"
#include "core/role.h"
#include "http/api.h"
#include "http/gov.h"
#include "http/html.h"
#include "http/http.h"
#include "http/page.h"
#include "http/ui.h"
#include "service/body.h"
#include "service/meeting.h"
#include "service/register.h"
#include "util/buf.h"
#include "util/text.h"

const char *
gov_field(struct http_req *r, const char *name)
{
	const char *v = http_form(r, name);

	if (v == NULL)
		return NULL;
	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	return *v != '\0' ? v : NULL;
}

const char *
gov_field_text(struct http_req *r, const char *name)
{
	const char	*v = gov_field(r, name);
	char		*out, *o;

	if (v == NULL)
		return NULL;
	out = arena_strdup(&r->arena, v);
	for (o = out; *v != '\0'; v++)
		if (*v != '\r')
			*o++ = *v;
	*o = '\0';
	return text_trim(out);
}

int64_t
gov_id(const char *s)
{
	int64_t v;

	if (s == NULL || text_parse_i64(s, &v) != 0 || v <= 0)
		return 0;
	return v;
}

const char *
gov_idtxt(struct http_req *r, int64_t id)
{
	return arena_printf(&r->arena, "%lld", (long long)id);
}

const char *
gov_time_field(struct http_req *r, const char *name)
{
	const char *v = gov_field(r, name);

	if (v != NULL && strlen(v) == 19 && v[16] == ':')
		return arena_strndup(&r->arena, v, 16);
	return v;
}

void
gov_when(struct html *h, const char *start, const char *end)
{
	char	 d[11], buf[32];

	if (start == NULL) {
		HTML_LIT(h, "Ikke oplyst");
		return;
	}
	snprintf(d, sizeof(d), "%.10s", start);
	html_date(h, d);
	if (strlen(start) == 16) {
		snprintf(buf, sizeof(buf), ", kl. %.2s.%.2s", start + 11,
		    start + 14);
		html_text(h, buf);
		if (end != NULL && strlen(end) == 16 &&
		    strncmp(end, start, 10) == 0) {
			snprintf(buf, sizeof(buf), "–%.2s.%.2s", end + 11,
			    end + 14);
			html_text(h, buf);
		}
	}
	if (end != NULL && strncmp(end, start, 10) != 0) {
		HTML_LIT(h, " – ");
		snprintf(d, sizeof(d), "%.10s", end);
		html_date(h, d);
	}
}

void
gov_paragraphs(struct html *h, const char *s)
{
	const char	*p = s, *nl;
	bool		 open = false;
	size_t		 len;
	char		*line;

	if (s == NULL)
		return;
	while (*p != '\0') {
		nl = strchr(p, '\n');
		len = nl ? (size_t)(nl - p) : strlen(p);
		if (len == 0) {
			if (open)
				HTML_LIT(h, "</p>");
			open = false;
		} else {
			if (!open)
				HTML_LIT(h, "<p>");
			else
				HTML_LIT(h, "<br>");
			open = true;
			if ((line = malloc(len + 1)) == NULL)
				abort();
			memcpy(line, p, len);
			line[len] = '\0';
			html_text(h, line);
			free(line);
		}
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	if (open)
		HTML_LIT(h, "</p>");
}

static const char *
flash_text(const char *key)
{
	static const struct { const char *key, *text; } t[] = {
		{ "oprettet", "Mødet er oprettet med standardpunkterne." },
		{ "gemt", "Ændringerne er gemt." },
		{ "punkt", "Punktet er tilføjet, og punkterne er nummereret." },
		{ "bilag", "Bilaget er gemt." },
		{ "bilag_slettet", "Bilaget er slettet." },
		{ "slettet", "Punktet er slettet, og punkterne er nummereret." },
		{ "flyttet", "Punktet er flyttet, og punkterne er nummereret." },
		{ "status", "Mødets status er ændret." },
		{ "deltager", "Deltageren er tilføjet." },
		{ "deltagere", "Organets medlemmer og stedfortrædere er sat på "
		    "som deltagere." },
		{ "referat", "Referatet er gemt som udkast." },
		{ "udsendt", "Referatet er udsendt til medlemmerne." },
		{ "godkendt", "Referatet er godkendt, låst og offentliggjort." },
		{ "tiltraadt", "Du har tiltrådt referatet." },
		{ "opfoelgning", "Opfølgningen er gemt." },
		{ "medlem", "Medlemmet er tilføjet." },
		{ "afsluttet", "Medlemskabet er afsluttet." },
		{ "udpegning", "Kommunerne er bedt om at udpege." },
		{ "udpeget", "Udpegningen er registreret." },
		{ NULL, NULL },
	};
	int i;

	for (i = 0; key != NULL && t[i].key != NULL; i++)
		if (strcmp(t[i].key, key) == 0)
			return t[i].text;
	return NULL;
}

void
gov_flash(struct page *p)
{
	const char *t = flash_text(http_query(p->r, "besked"));

	if (t != NULL)
		ui_alert(&p->h, UI_SUCCESS, NULL, t);
}

bool
gov_query_ok(struct http_req *r, const char *const *allowed)
{
	struct err e;

	err_clear(&e);
	if (http_query_check(r, allowed, &e) != 0) {
		http_send_error(r, &e);
		return false;
	}
	return true;
}

bool
gov_path_id(struct http_req *r, int64_t *id)
{
	struct err e;

	err_clear(&e);
	if (api_param_id(r, 0, id, &e) != 0) {
		http_send_error(r, &e);
		return false;
	}
	return true;
}

const struct ui_option *
gov_body_options(struct http_req *r, int *n)
{
	struct ui_option	*o;
	struct body		*v;
	struct err		 e;
	size_t			 nv, i;

	*n = 0;
	if (body_list(&r->svc, &v, &nv, &e) != 0)
		return NULL;
	o = arena_calloc(&r->arena, nv + 1, sizeof(*o));
	for (i = 0; i < nv; i++) {
		o[i].value = gov_idtxt(r, v[i].id);
		o[i].label = v[i].short_name != NULL ? arena_printf(&r->arena,
		    "%s (%s)", v[i].name, v[i].short_name) : v[i].name;
	}
	*n = (int)nv;
	return o;
}

const struct ui_option *
gov_org_options(struct http_req *r, bool kommune_only, int *n)
{
	struct ui_option	*o;
	struct org		*v;
	struct err		 e;
	int			 nv, i, k = 0;

	*n = 0;
	if (register_org_list(&r->svc, &v, &nv, &e) != 0)
		return NULL;
	o = arena_calloc(&r->arena, (size_t)nv + 1, sizeof(*o));
	for (i = 0; i < nv; i++) {
		if (kommune_only && v[i].kind != ORG_KOMMUNE)
			continue;
		o[k].value = v[i].code;
		o[k++].label = v[i].name;
	}
	*n = k;
	return o;
}

const struct ui_option *
gov_section_options(int *n)
{
	static struct ui_option o[6];
	static const enum item_section order[] = { SECTION_BEHANDLING,
	    SECTION_EFTERRETNING, SECTION_ORIENTERING, SECTION_LUKKET,
	    SECTION_INDLEDNING, SECTION_AFSLUTNING };
	size_t i;

	for (i = 0; i < 6; i++) {
		o[i].value = item_section_name(order[i]);
		o[i].label = order[i] == SECTION_INDLEDNING ? "Indledning" :
		    order[i] == SECTION_AFSLUTNING ? "Afslutning" :
		    item_section_label(order[i]);
	}
	*n = 6;
	return o;
}

const struct ui_option *
gov_result_options(int *n)
{
	static struct ui_option o[RESULT_COUNT];
	int i;

	for (i = 1; i < RESULT_COUNT; i++) {
		o[i - 1].value = item_result_name((enum item_result)i);
		o[i - 1].label = item_result_label((enum item_result)i);
	}
	*n = RESULT_COUNT - 1;
	return o;
}

void
gov_state_badge(struct html *h, enum meeting_state s)
{
	enum ui_tone tone;

	switch (s) {
	case MEETING_REFERAT_GODKENDT:	tone = UI_SUCCESS; break;
	case MEETING_AFLYST:		tone = UI_ERROR; break;
	case MEETING_REFERAT_UDKAST:	tone = UI_WARNING; break;
	case MEETING_INDKALDT:		tone = UI_INFO; break;
	default:			tone = UI_NEUTRAL; break;
	}
	ui_badge(h, tone, meeting_state_label(s));
}

void
gov_result_badge(struct html *h, const char *label)
{
	enum ui_tone	 tone;
	const char	*l;
	char		*cap;
	int		 i;

	for (i = 1; i < RESULT_COUNT; i++) {
		l = item_result_label((enum item_result)i);
		if (label != NULL && strcmp(l, label) == 0)
			break;
	}
	if (i == RESULT_COUNT) {
		html_text(h, label != NULL ? label : "");
		return;
	}
	switch ((enum item_result)i) {
	case RESULT_GODKENDT:
	case RESULT_ANBEFALET:	tone = UI_SUCCESS; break;
	case RESULT_AFVIST:	tone = UI_ERROR; break;
	case RESULT_UDSAT:	tone = UI_WARNING; break;
	default:		tone = UI_INFO; break;
	}
	/* The labels begin with an ASCII letter. */
	if ((cap = strdup(label)) == NULL)
		abort();
	if (cap[0] >= 'a' && cap[0] <= 'z')
		cap[0] -= 'a' - 'A';
	ui_badge(h, tone, cap);
	free(cap);
}

void
gov_follow_up_badge(struct html *h, const char *status)
{
	ui_badge(h, status != NULL && strcmp(status, "lukket") == 0 ?
	    UI_SUCCESS : status != NULL && strcmp(status, "i_gang") == 0 ?
	    UI_INFO : UI_NEUTRAL, follow_up_status_label(status));
}

void
gov_button_form(struct page *p, const char *action, const char *label,
    const char *name, const char *value, enum ui_button kind)
{
	struct html *h = &p->h;

	HTML_LIT(h, "<form method=\"post\" class=\"inline\"");
	html_url(h, "action", action);
	HTML_LIT(h, ">");
	page_csrf(p);
	if (name != NULL) {
		HTML_LIT(h, "<input type=\"hidden\"");
		html_attr(h, "name", name);
		html_attr(h, "value", value);
		HTML_LIT(h, ">");
	}
	ui_button(h, kind, label, NULL, NULL);
	HTML_LIT(h, "</form>");
}

void
gov_done(struct http_req *r, int rc, const struct err *e, const char *path,
    const char *key)
{
	if (rc != 0) {
		page_error(r, http_status_of_err(rc), e);
		return;
	}
	http_redirect(r, arena_printf(&r->arena, "%s?besked=%s", path, key));
}

void
gov_follow_up_table(struct http_req *r, struct html *h,
    const struct follow_up *v, size_t n, bool with_meeting)
{
	static const struct ui_col cols[] = { { "Opgave", 0 },
	    { "Ansvarlig", 0 }, { "Frist", 0 }, { "Status", 0 },
	    { "Besluttet", 0 } };
	struct ui_table	t;
	size_t		i;

	ui_table_begin(&t, h, NULL, cols, with_meeting ? 5 : 4);
	for (i = 0; i < n; i++) {
		ui_row(&t);
		ui_cell(&t, v[i].text);
		ui_cell(&t, v[i].owner ? v[i].owner : "–");
		ui_cell_begin(&t);
		if (v[i].due_on != NULL)
			html_date(h, v[i].due_on);
		else
			HTML_LIT(h, "–");
		ui_cell_end(&t);
		ui_cell_begin(&t);
		gov_follow_up_badge(h, v[i].status);
		ui_cell_end(&t);
		if (with_meeting) {
			ui_cell_begin(&t);
			HTML_LIT(h, "<a");
			html_url(h, "href", arena_printf(&r->arena,
			    "/moeder/%lld#punkt-%d", (long long)v[i].meeting_id,
			    v[i].item_number));
			HTML_LIT(h, ">");
			html_text(h, v[i].meeting_title);
			if (v[i].meeting_starts != NULL) {
				HTML_LIT(h, ", ");
				gov_when(h, v[i].meeting_starts, NULL);
			}
			HTML_LIT(h, ", punkt ");
			html_int(h, v[i].item_number);
			HTML_LIT(h, "</a>");
			ui_cell_end(&t);
		}
	}
	ui_table_end(&t);
}

int
gov_view(struct http_req *r, int64_t id, struct meeting_view *v,
    bool *closed, struct err *e)
{
	int rc;

	*closed = false;
	if (r->who.role != ROLE_ANON) {
		rc = meeting_view_get(&r->svc, id, true, v, e);
		if (rc != ERR_FORBIDDEN) {
			*closed = rc == 0;
			return rc;
		}
		err_clear(e);
	}
	return meeting_view_get(&r->svc, id, false, v, e);
}

void
gov_confirm(struct http_req *r, const char *title,
    const struct page_crumb *crumbs, int ncrumbs, const char *warning,
    const struct ui_confirm *c)
{
	struct page p;

	page_begin_crumbs(&p, r, title, "moeder", crumbs, ncrumbs);
	if (warning != NULL)
		ui_alert(&p.h, UI_WARNING, NULL, warning);
	ui_confirm(&p, c);
	page_end(&p, 200);
}
