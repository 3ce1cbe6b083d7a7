/*
 * meeting_view — the meeting as the output formats (PDF, iCal, RSS,
 * OParl, the JSON API) read it: meeting_view_get() cuts it to what the
 * caller may see, meeting_view_json() writes it (see meeting.h).
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "service/meeting.h"
#include "service/meeting_int.h"
#include "service/svc.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/err.h"

static const struct access public_access = { false, false };

int
meeting_view_get(struct svc *s, int64_t id, bool include_closed,
    struct meeting_view *out, struct err *e)
{
	struct meeting_page	 p;
	struct meeting_view_item *vi;
	struct access		 ac;
	struct meeting		 m;
	size_t			 i, j;
	int			 rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if ((rc = meeting_store_get(s->db, s->arena, id, &m, e)) != 0)
		goto done;
	mtg_access_of(s, m.body_id, &ac);
	if (include_closed && !mtg_see_closed(&ac)) {
		rc = err_set(e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Kun sekretariatet og organets medlemmer kan se lukkede "
		    "punkter");
		goto done;
	}
	if ((rc = mtg_load_tx(s, id, include_closed ? &ac : &public_access, &p,
	    e)) != 0)
		goto done;
	out->id = p.m.id;
	out->uid = arena_printf(s->arena, "meeting-%lld@ramme",
	    (long long)p.m.id);
	out->body_name = p.m.body_name;
	out->body_key = p.m.body_key;
	out->title = p.m.title;
	out->start = p.m.starts_at;
	out->end = p.m.ends_at;
	out->place = p.m.place;
	out->room = p.m.room;
	out->state = meeting_state_name(p.m.state);
	out->cancelled = p.m.state == MEETING_AFLYST;
	out->npeople = p.npeople;
	out->people = arena_calloc(s->arena, p.npeople + 1,
	    sizeof(*out->people));
	for (i = 0; i < p.npeople; i++) {
		out->people[i].name = p.people[i].name;
		out->people[i].organisation = p.people[i].organisation;
		out->people[i].status = p.people[i].status;
		out->people[i].substitute = p.people[i].substitute;
		out->people[i].note = p.people[i].note;
	}
	out->referent = p.m.referent;
	out->case_no = p.m.case_no;
	out->doc_no = p.m.doc_no;
	out->nitems = p.nitems;
	out->items = arena_calloc(s->arena, p.nitems + 1, sizeof(*out->items));
	for (i = 0; i < p.nitems; i++) {
		const struct agenda_item *it = &p.items[i];
		vi = &out->items[i];
		vi->id = it->id;
		vi->number = it->number;
		vi->section = it->section_text ? it->section_text :
		    item_section_label(it->section);
		vi->title = it->title;
		vi->presenter = it->presenter;
		vi->background = it->background;
		vi->recommendation = it->recommendation;
		vi->earlier = p.earlier[i];
		vi->minutes = it->minutes;
		vi->result = item_result_label(it->result);
		vi->closed = it->closed;
		vi->kind = item_kind_name(it->kind);
		vi->nfiles = it->nfiles;
		vi->files = arena_calloc(s->arena, it->nfiles + 1,
		    sizeof(*vi->files));
		for (j = 0; j < it->nfiles; j++) {
			const struct attachment *f = &it->files[j];
			vi->files[j].id = f->id;
			vi->files[j].name = f->name;
			vi->files[j].media_type = f->media_type;
			vi->files[j].size = f->size;
			vi->files[j].url = f->blob_hash ? arena_printf(s->arena,
			    "/bilag/%lld", (long long)f->id) : NULL;
			vi->files[j].closed = f->closed;
			vi->files[j].doc_no = f->doc_no;
		}
	}
	out->created_at = p.m.created_at;
	out->updated_at = p.m.updated_at;
	out->minutes_approved_at = p.m.state == MEETING_REFERAT_GODKENDT ?
	    p.m.minutes_approved_at : NULL;
	out->url = arena_printf(s->arena, "/moeder/%lld", (long long)p.m.id);
done:
	db_rollback(s->db);
	return rc;
}

static json_t *
str_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

json_t *
meeting_view_json(const struct meeting_view *v)
{
	json_t	*j, *part, *apol, *abs, *items, *o, *files;
	size_t	 i, k;

	part = json_array();
	apol = json_array();
	abs = json_array();
	for (i = 0; i < v->npeople; i++) {
		const struct meeting_view_person *p = &v->people[i];
		o = json_object();
		json_object_set_new(o, "name", str_or_null(p->name));
		json_object_set_new(o, "organisation",
		    str_or_null(p->organisation));
		if (p->status != NULL && strcmp(p->status, "afbud") == 0) {
			json_object_set_new(o, "substitute",
			    str_or_null(p->substitute));
			json_array_append_new(apol, o);
		} else if (p->status != NULL &&
		    strcmp(p->status, "fravaerende") == 0)
			json_array_append_new(abs, o);
		else {
			json_object_set_new(o, "substitute",
			    str_or_null(p->substitute));
			json_array_append_new(part, o);
		}
	}
	items = json_array();
	for (i = 0; i < v->nitems; i++) {
		const struct meeting_view_item *it = &v->items[i];
		files = json_array();
		for (k = 0; k < it->nfiles; k++) {
			const struct meeting_view_file *f = &it->files[k];
			json_array_append_new(files, json_pack("{s:o, s:o, "
			    "s:I, s:o, s:b}", "name", str_or_null(f->name),
			    "media_type", str_or_null(f->media_type), "size",
			    (json_int_t)f->size, "url", str_or_null(f->url),
			    "closed", f->closed));
		}
		o = json_object();
		json_object_set_new(o, "number", it->number > 0 ?
		    json_integer(it->number) : json_null());
		json_object_set_new(o, "title", str_or_null(it->title));
		json_object_set_new(o, "section", str_or_null(it->section));
		json_object_set_new(o, "presenter", str_or_null(it->presenter));
		json_object_set_new(o, "background",
		    str_or_null(it->background));
		json_object_set_new(o, "recommendation",
		    str_or_null(it->recommendation));
		json_object_set_new(o, "earlier", str_or_null(it->earlier));
		json_object_set_new(o, "minutes", str_or_null(it->minutes));
		json_object_set_new(o, "result", str_or_null(it->result));
		json_object_set_new(o, "closed", json_boolean(it->closed));
		json_object_set_new(o, "attachments", files);
		json_array_append_new(items, o);
	}
	j = json_object();
	json_object_set_new(j, "id", json_integer(v->id));
	json_object_set_new(j, "title", str_or_null(v->title));
	json_object_set_new(j, "body", str_or_null(v->body_name));
	json_object_set_new(j, "body_key", str_or_null(v->body_key));
	json_object_set_new(j, "state", str_or_null(v->state));
	json_object_set_new(j, "start", str_or_null(v->start));
	json_object_set_new(j, "end", str_or_null(v->end));
	json_object_set_new(j, "place", str_or_null(v->place));
	json_object_set_new(j, "room", str_or_null(v->room));
	json_object_set_new(j, "participants", part);
	json_object_set_new(j, "apologies", apol);
	json_object_set_new(j, "absent", abs);
	json_object_set_new(j, "referent", str_or_null(v->referent));
	json_object_set_new(j, "case_no", str_or_null(v->case_no));
	json_object_set_new(j, "doc_no", str_or_null(v->doc_no));
	json_object_set_new(j, "minutes_approved_at",
	    str_or_null(v->minutes_approved_at));
	json_object_set_new(j, "items", items);
	return j;
}
