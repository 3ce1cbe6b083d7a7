/*
 * oparl_meeting — a Meeting of OParl 1.1 from struct meeting_view (see
 * oparl.h): the meeting with its location, participants and PDFs, its
 * AgendaItems and their Files, each also on its own.
 */
#include <stdio.h>
#include <string.h>

#include "report/meeting_fmt.h"
#include "report/meeting_view.h"
#include "report/oparl.h"
#include "report/oparl_impl.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

/* ---- Meetings, from struct meeting_view ---------------------------- */

/* The AgendaItem id: {base}/agendaItem/{id} or a meeting-derived one. */
static void
item_url(struct buf *b, const struct oparl_ctx *c,
    const struct meeting_view *v, const struct meeting_view_item *it)
{
	char	seg[48];

	if (it->id > 0) {
		snprintf(seg, sizeof(seg), "%lld", (long long)it->id);
		oparl_url(b, c, OPARL_AGENDA_ITEM, seg);
		return;
	}
	snprintf(seg, sizeof(seg), "%lld/agendaItem/%d", (long long)v->id,
	    it->number);
	oparl_url(b, c, OPARL_MEETING, seg);
}

static void
meeting_url(struct buf *b, const struct oparl_ctx *c,
    const struct meeting_view *v)
{
	char	seg[24];

	snprintf(seg, sizeof(seg), "%lld", (long long)v->id);
	oparl_url(b, c, OPARL_MEETING, seg);
}

/*
 * A File for attachment f of item it; pos counts the item's published
 * files from 1 (for ids of files without their own id).
 */
static int
file_json(const struct oparl_ctx *c, const struct meeting_view *v,
    const struct meeting_view_item *it, const struct meeting_view_file *f,
    size_t pos, json_t **out, struct err *e)
{
	struct buf	 b;
	json_t		*o, *a;
	char		 seg[64];

	buf_init(&b);
	if (f->id > 0)
		snprintf(seg, sizeof(seg), "%lld", (long long)f->id);
	o = json_object();
	if (f->id > 0)
		oparl_url(&b, c, OPARL_FILE, seg);
	else {
		snprintf(seg, sizeof(seg), "%lld/file/%d-%zu",
		    (long long)v->id, it->number, pos);
		oparl_url(&b, c, OPARL_MEETING, seg);
	}
	json_object_set_new(o, "id", url_string(&b));
	json_object_set_new(o, "type", json_string(oparl_type_url(OPARL_FILE)));
	set_str(o, "name", f->name);
	set_str(o, "mimeType", f->media_type);
	if (f->size > 0)
		json_object_set_new(o, "size", json_integer(f->size));
	/* accessUrl is required: the file's own URL, else its id. */
	buf_reset(&b);
	if (meeting_fmt_url_join(&b, c->site, f->url)) {
		json_object_set_new(o, "downloadUrl", url_string(&b));
		if (c->file_content && f->id > 0) {
			buf_reset(&b);
			oparl_url(&b, c, OPARL_FILE, seg);
			buf_puts(&b, "/content");
		}
		json_object_set_new(o, "accessUrl", url_string(&b));
	} else
		json_object_set_new(o, "accessUrl",
		    json_deep_copy(json_object_get(o, "id")));
	a = json_array();
	buf_reset(&b);
	meeting_url(&b, c, v);
	json_array_append_new(a, url_string(&b));
	json_object_set_new(o, "meeting", a);
	a = json_array();
	buf_reset(&b);
	item_url(&b, c, v, it);
	json_array_append_new(a, url_string(&b));
	json_object_set_new(o, "agendaItem", a);
	buf_cleanup(&b);
	return finish(o, set_stamps(o, v->created_at, v->updated_at, e), out);
}

/* The meeting's PDFs as Files, when the HTTP layer serves them. */
static void
meeting_pdf(json_t *o, const char *key, const struct oparl_ctx *c,
    const struct meeting_view *v, const char *which, const char *name)
{
	struct buf	 b;
	json_t		*f;
	char		 seg[48];

	buf_init(&b);
	f = json_object();
	snprintf(seg, sizeof(seg), "%lld/%s", (long long)v->id, which);
	oparl_url(&b, c, OPARL_MEETING, seg);
	json_object_set_new(f, "id", url_string(&b));
	json_object_set_new(f, "type", json_string(oparl_type_url(OPARL_FILE)));
	json_object_set_new(f, "name", json_string(name));
	buf_printf(&b, ".pdf");
	json_object_set_new(f, "accessUrl", url_string(&b));
	json_object_set_new(f, "mimeType", json_string("application/pdf"));
	buf_reset(&b);
	meeting_url(&b, c, v);
	json_object_set_new(f, "meeting", json_pack("[s]", buf_str(&b)));
	/* Cannot fail: the meeting's own stamps were checked already. */
	(void)set_stamps(f, v->created_at, v->updated_at, NULL);
	json_object_set_new(o, key, f);
	buf_cleanup(&b);
}

/*
 * An AgendaItem; order is its position among the published items. The
 * back-reference to the meeting is always written, so the same object
 * serves embedded in its Meeting and standalone.
 */
static int
item_json(const struct oparl_ctx *c, const struct meeting_view *v,
    const struct meeting_view_item *it, int order, json_t **out,
    struct err *e)
{
	struct buf	 b;
	json_t		*o, *files, *f;
	size_t		 k, pos = 0;
	char		 num[16];
	int		 rc;

	buf_init(&b);
	o = json_object();
	item_url(&b, c, v, it);
	json_object_set_new(o, "id", url_string(&b));
	json_object_set_new(o, "type",
	    json_string(oparl_type_url(OPARL_AGENDA_ITEM)));
	buf_reset(&b);
	meeting_url(&b, c, v);
	json_object_set_new(o, "meeting", url_string(&b));
	buf_cleanup(&b);
	snprintf(num, sizeof(num), "%d", it->number);
	json_object_set_new(o, "number", json_string(num));
	json_object_set_new(o, "order", json_integer(order));
	set_str(o, "name", it->title);
	json_object_set_new(o, "public", json_true());
	if (meeting_fmt_minutes_approved(v)) {
		set_str(o, "result", it->result);
		set_str(o, "resolutionText", it->minutes);
	}
	files = json_array();
	for (k = 0; k < it->nfiles; k++) {
		if (!meeting_fmt_file_shown(it, &it->files[k], false))
			continue;
		if ((rc = file_json(c, v, it, &it->files[k], ++pos, &f,
		    e)) != 0) {
			json_decref(files);
			return finish(o, rc, out);
		}
		json_array_append_new(files, f);
	}
	if (json_array_size(files) > 0)
		json_object_set_new(o, "auxiliaryFile", files);
	else
		json_decref(files);
	set_str(o, "ramme:section", it->section);
	set_str(o, "ramme:presenter", it->presenter);
	set_str(o, "ramme:background", it->background);
	set_str(o, "ramme:recommendation", it->recommendation);
	set_str(o, "ramme:earlierRecommendation", it->earlier);
	return finish(o, set_stamps(o, v->created_at, v->updated_at, e), out);
}

/* OParl's recommended meetingState for our state (docs/oparl.md). */
static const char *
oparl_state(const char *state)
{
	if (state == NULL || strcmp(state, "planlagt") == 0 ||
	    strcmp(state, "aflyst") == 0)
		return "terminiert";
	if (strcmp(state, "referat_godkendt") == 0)
		return "durchgeführt";
	return "eingeladen";
}

static const char *
minutes_status(const struct meeting_view *v)
{
	if (meeting_fmt_minutes_approved(v))
		return "approved";
	if (v->state != NULL && strcmp(v->state, "referat_udkast") == 0)
		return "draft";
	return "none";
}

/* ramme:attendees / ramme:afbud / ramme:absent from view.people. */
static void
people(json_t *o, const struct meeting_view *v)
{
	json_t	*att, *afbud, *absent, *p, *dst;
	size_t	 i;

	att = json_array();
	afbud = json_array();
	absent = json_array();
	for (i = 0; i < v->npeople; i++) {
		const struct meeting_view_person *mp = &v->people[i];

		if (meeting_fmt_blank(mp->name))
			continue;
		if (mp->status != NULL && strcmp(mp->status, "afbud") == 0)
			dst = afbud;
		else if (mp->status != NULL &&
		    strcmp(mp->status, "fravaerende") == 0)
			dst = absent;
		else
			dst = att;
		p = json_object();
		set_str(p, "name", mp->name);
		set_str(p, "organisation", mp->organisation);
		set_str(p, "substitute", mp->substitute);
		json_array_append_new(dst, p);
	}
	json_object_set_new(o, "ramme:attendees", att);
	json_object_set_new(o, "ramme:afbud", afbud);
	json_object_set_new(o, "ramme:absent", absent);
}

int
oparl_meeting(const struct oparl_ctx *c, const struct meeting_view *v,
    json_t **out, struct err *e)
{
	struct buf	 b;
	json_t		*o, *items, *it, *loc;
	size_t		 i;
	int		 rc, order = 0;
	int64_t		 t;
	char		 text[STAMP_MAX];

	*out = NULL;
	if ((rc = check_ctx(c, e)) != 0)
		return rc;
	buf_init(&b);
	o = json_object();
	meeting_url(&b, c, v);
	json_object_set_new(o, "id", url_string(&b));
	json_object_set_new(o, "type",
	    json_string(oparl_type_url(OPARL_MEETING)));
	set_str(o, "name", v->title);
	json_object_set_new(o, "meetingState",
	    json_string(oparl_state(v->state)));
	json_object_set_new(o, "cancelled", json_boolean(v->cancelled ||
	    (v->state != NULL && strcmp(v->state, "aflyst") == 0)));
	if ((rc = set_local_time(o, "start", v->start, e)) != 0 ||
	    (rc = set_local_time(o, "end", v->end, e)) != 0) {
		buf_cleanup(&b);
		return finish(o, rc, out);
	}
	if (!meeting_fmt_blank(v->place) || !meeting_fmt_blank(v->room)) {
		loc = json_object();
		buf_puts(&b, "/location");
		json_object_set_new(loc, "id", url_string(&b));
		json_object_set_new(loc, "type",
		    json_string(oparl_type_url(OPARL_LOCATION)));
		set_str(loc, "description", v->place);
		set_str(loc, "room", v->room);
		buf_reset(&b);
		meeting_url(&b, c, v);
		json_object_set_new(loc, "meetings",
		    json_pack("[s]", buf_str(&b)));
		(void)set_stamps(loc, v->created_at, v->updated_at, NULL);
		json_object_set_new(o, "location", loc);
	}
	buf_cleanup(&b);
	if (!meeting_fmt_blank(v->body_key) &&
	    strpbrk(v->body_key, "/?# ") == NULL) {
		buf_init(&b);
		oparl_url(&b, c, OPARL_ORGANIZATION, v->body_key);
		json_object_set_new(o, "organization",
		    json_pack("[s]", buf_str(&b)));
		buf_cleanup(&b);
	}
	if (c->meeting_pdfs) {
		meeting_pdf(o, "invitation", c, v, "agenda", "Dagsorden");
		if (meeting_fmt_minutes_approved(v))
			meeting_pdf(o, "resultsProtocol", c, v, "minutes",
			    "Referat");
	}
	items = json_array();
	json_object_set_new(o, "agendaItem", items);
	for (i = 0; i < v->nitems; i++) {
		if (!meeting_fmt_item_shown(&v->items[i], false))
			continue;
		if ((rc = item_json(c, v, &v->items[i], order++, &it, e)) != 0)
			return finish(o, rc, out);
		json_array_append_new(items, it);
	}
	set_link(o, "web", c, v->url);
	set_str(o, "ramme:state", v->state);
	set_str(o, "ramme:body", v->body_name);
	set_str(o, "ramme:referent", v->referent);
	set_str(o, "ramme:caseNumber", v->case_no);
	set_str(o, "ramme:documentNumber", v->doc_no);
	json_object_set_new(o, "ramme:minutesStatus",
	    json_string(minutes_status(v)));
	if (meeting_fmt_minutes_approved(v) &&
	    meeting_fmt_utc(v->minutes_approved_at, &t) == 0) {
		rfc3339_utc(text, t);
		json_object_set_new(o, "ramme:minutesApproved",
		    json_string(text));
	}
	people(o, v);
	return finish(o, set_stamps(o, v->created_at, v->updated_at, e), out);
}

int
oparl_agenda_items(const struct oparl_ctx *c, const struct meeting_view *v,
    json_t *arr, struct err *e)
{
	json_t	*it;
	size_t	 i;
	int	 rc, order = 0;

	if ((rc = check_ctx(c, e)) != 0)
		return rc;
	for (i = 0; i < v->nitems; i++) {
		if (!meeting_fmt_item_shown(&v->items[i], false))
			continue;
		if ((rc = item_json(c, v, &v->items[i], order++, &it, e)) != 0)
			return rc;
		json_array_append_new(arr, it);
	}
	return 0;
}

int
oparl_files(const struct oparl_ctx *c, const struct meeting_view *v,
    json_t *arr, struct err *e)
{
	json_t	*f;
	size_t	 i, k, pos;
	int	 rc;

	if ((rc = check_ctx(c, e)) != 0)
		return rc;
	for (i = 0; i < v->nitems; i++) {
		const struct meeting_view_item *it = &v->items[i];

		if (!meeting_fmt_item_shown(it, false))
			continue;
		pos = 0;
		for (k = 0; k < it->nfiles; k++) {
			if (!meeting_fmt_file_shown(it, &it->files[k], false))
				continue;
			if ((rc = file_json(c, v, it, &it->files[k], ++pos, &f,
			    e)) != 0)
				return rc;
			json_array_append_new(arr, f);
		}
	}
	return 0;
}

