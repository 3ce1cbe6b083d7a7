/*
 * meeting_agenda — the agenda: items added, changed, deleted and moved,
 * numbered in order within their sections (see meeting.h).
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
#include "store/body_store.h"
#include "store/db.h"
#include "util/err.h"

static json_t *
item_json_audit(const struct agenda_item *it)
{
	return json_pack("{s:i, s:s, s:s, s:s, s:s?, s:s?, s:s?, s:b, s:I, "
	    "s:s?}", "number", it->number, "kind", item_kind_name(it->kind),
	    "section", item_section_name(it->section), "title", it->title,
	    "presenter", it->presenter, "background", it->background,
	    "recommendation", it->recommendation, "closed", it->closed,
	    "earlier_item", (json_int_t)it->earlier_item, "earlier_text",
	    it->earlier_text);
}

/* Items may change until the minutes are approved or it is cancelled. */
int
mtg_check_open_meeting(const struct meeting *m, struct err *e)
{
	if (m->state == MEETING_REFERAT_GODKENDT)
		return err_set(e, ERR_CONFLICT, "minutes_frozen", NULL,
		    "Referatet er godkendt; mødet kan ikke ændres");
	if (m->state == MEETING_AFLYST)
		return err_set(e, ERR_CONFLICT, "cancelled", NULL,
		    "Mødet er aflyst");
	return 0;
}

static int
item_validate(struct svc *s, const struct item_input *in, int64_t meeting_id,
    struct err *e)
{
	struct agenda_item	prev;
	struct body		b;
	int			rc;

	if ((unsigned)in->section >= SECTION_COUNT)
		return err_set(e, ERR_INVALID, "invalid_section", "section",
		    "Ukendt afsnit");
	if ((rc = mtg_check_text(in->title, ITEM_TITLE_MAX, true, "title", "Titlen", e))
	    != 0 ||
	    (rc = mtg_check_text(in->presenter, ITEM_PRESENTER_MAX, false, "presenter",
	    "Initialerne", e)) != 0 ||
	    (rc = mtg_check_text(in->background, MINUTES_TEXT_MAX, false,
	    "background", "Sagsfremstillingen", e)) != 0 ||
	    (rc = mtg_check_text(in->recommendation, MINUTES_TEXT_MAX, false,
	    "recommendation", "Indstillingen", e)) != 0 ||
	    (rc = mtg_check_text(in->earlier_text, MINUTES_TEXT_MAX, false,
	    "earlier_text", "Den tidligere indstilling", e)) != 0)
		return rc;
	if (in->earlier_item != 0 && (meeting_store_item_get(s->db, s->arena,
	    in->earlier_item, &prev, NULL) != 0 ||
	    prev.meeting_id == meeting_id))
		return err_set(e, ERR_INVALID, "unknown_item", "earlier_item",
		    "Det tidligere punkt skal være et punkt fra et andet møde");
	if (in->earlier_body != 0 && body_store_get(s->db, s->arena,
	    in->earlier_body, &b, NULL) != 0)
		return err_set(e, ERR_INVALID, "unknown_body", "earlier_body",
		    "Det tidligere organ findes ikke");
	return 0;
}

/* Number the items of m after a change (imported meetings keep theirs). */
static int
renumber(struct svc *s, const struct meeting *m, struct err *e)
{
	if (m->source_fingerprint != NULL)
		return 0;
	return meeting_store_renumber(s->db, m->id, e);
}

/* The number after the last, for imported meetings. */
static int
last_number(struct svc *s, int64_t meeting_id)
{
	struct agenda_item	*v;
	size_t			 n, i;
	int			 max = 0;

	if (meeting_store_items(s->db, s->arena, meeting_id, true, &v, &n,
	    NULL) != 0)
		return 0;
	for (i = 0; i < n; i++)
		if (v[i].number > max)
			max = v[i].number;
	return max;
}

int
meeting_item_add(struct svc *s, int64_t meeting_id,
    const struct item_input *in, int64_t *id, struct err *e)
{
	struct meeting		m;
	struct agenda_item	it;
	int			rc;

	if ((rc = mtg_begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_get(s->db, s->arena, meeting_id, &m, e)) != 0 ||
	    (rc = mtg_check_open_meeting(&m, e)) != 0 ||
	    (rc = item_validate(s, in, meeting_id, e)) != 0)
		goto fail;
	memset(&it, 0, sizeof(it));
	it.meeting_id = meeting_id;
	it.kind = ITEM_SAG;
	it.section = in->section;
	it.pos = meeting_store_item_next_pos(s->db, meeting_id, in->section);
	it.number = m.source_fingerprint ? last_number(s, meeting_id) + 1 : 0;
	it.title = in->title;
	it.presenter = in->presenter;
	it.background = in->background;
	it.recommendation = in->recommendation;
	it.closed = in->closed || in->section == SECTION_LUKKET;
	it.earlier_item = in->earlier_item;
	it.earlier_body = in->earlier_body;
	it.earlier_text = in->earlier_text;
	if ((rc = meeting_store_item_insert(s->db, &it, s->now_iso, id, e))
	    != 0 || (rc = renumber(s, &m, e)) != 0 ||
	    (rc = meeting_store_item_get(s->db, s->arena, *id, &it, e)) != 0 ||
	    (rc = mtg_audit_json(s, "agenda_item", *id, "create", NULL,
	    item_json_audit(&it), e)) != 0)
		goto fail;
	return mtg_finish(s, meeting_id, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
meeting_item_update(struct svc *s, int64_t item_id,
    const struct item_input *in, struct err *e)
{
	struct meeting		m;
	struct agenda_item	old, it;
	int			rc;

	if ((rc = mtg_begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_item_get(s->db, s->arena, item_id, &old, e))
	    != 0 ||
	    (rc = meeting_store_get(s->db, s->arena, old.meeting_id, &m, e))
	    != 0 ||
	    (rc = mtg_check_open_meeting(&m, e)) != 0 ||
	    (rc = item_validate(s, in, m.id, e)) != 0)
		goto fail;
	it = old;
	if (in->section != old.section)
		it.pos = meeting_store_item_next_pos(s->db, m.id, in->section);
	it.section = in->section;
	it.title = in->title;
	it.presenter = in->presenter;
	it.background = in->background;
	it.recommendation = in->recommendation;
	it.closed = in->closed || in->section == SECTION_LUKKET;
	it.earlier_item = in->earlier_item;
	it.earlier_body = in->earlier_body;
	it.earlier_text = in->earlier_text;
	if ((rc = meeting_store_item_update(s->db, &it, s->now_iso, e)) != 0 ||
	    (rc = renumber(s, &m, e)) != 0 ||
	    (rc = meeting_store_item_get(s->db, s->arena, item_id, &it, e))
	    != 0 ||
	    (rc = mtg_audit_json(s, "agenda_item", item_id, "update",
	    item_json_audit(&old), item_json_audit(&it), e)) != 0)
		goto fail;
	return mtg_finish(s, m.id, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
meeting_item_delete(struct svc *s, int64_t item_id, int64_t *meeting_id,
    struct err *e)
{
	struct meeting		m;
	struct agenda_item	it;
	int			rc;

	if ((rc = mtg_begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_item_get(s->db, s->arena, item_id, &it, e))
	    != 0 ||
	    (rc = meeting_store_get(s->db, s->arena, it.meeting_id, &m, e))
	    != 0 ||
	    (rc = mtg_check_open_meeting(&m, e)) != 0)
		goto fail;
	*meeting_id = m.id;
	if (it.minutes != NULL || it.result != RESULT_NONE) {
		rc = err_set(e, ERR_CONFLICT, "item_has_minutes", NULL,
		    "Punktet har referat eller beslutning og kan ikke slettes");
		goto fail;
	}
	if ((rc = meeting_store_item_delete(s->db, item_id, e)) != 0 ||
	    (rc = renumber(s, &m, e)) != 0 ||
	    (rc = mtg_audit_json(s, "agenda_item", item_id, "delete",
	    item_json_audit(&it), NULL, e)) != 0)
		goto fail;
	return mtg_finish(s, m.id, e);
fail:
	db_rollback(s->db);
	return rc;
}

/* Order of items within a section: pos, then id (as the numbering). */
static bool
item_before(const struct agenda_item *a, const struct agenda_item *b)
{
	return a->pos < b->pos || (a->pos == b->pos && a->id < b->id);
}

int
meeting_item_move(struct svc *s, int64_t item_id, int delta, struct err *e)
{
	struct meeting		 m;
	struct agenda_item	 it, *v, *other = NULL;
	size_t			 n, i;
	int			 rc;

	if (delta != -1 && delta != 1)
		return err_set(e, ERR_INVALID, "invalid_direction", "direction",
		    "Et punkt flyttes én plads op eller ned");
	if ((rc = mtg_begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_item_get(s->db, s->arena, item_id, &it, e))
	    != 0 ||
	    (rc = meeting_store_get(s->db, s->arena, it.meeting_id, &m, e))
	    != 0 ||
	    (rc = mtg_check_open_meeting(&m, e)) != 0 ||
	    (rc = meeting_store_items(s->db, s->arena, m.id, true, &v, &n, e))
	    != 0)
		goto fail;
	/* The nearest item of the same section in the direction asked. */
	for (i = 0; i < n; i++) {
		if (v[i].id == it.id || v[i].section != it.section)
			continue;
		if (delta < 0 ? item_before(&v[i], &it) &&
		    (other == NULL || item_before(other, &v[i])) :
		    item_before(&it, &v[i]) &&
		    (other == NULL || item_before(&v[i], other)))
			other = &v[i];
	}
	if (other == NULL) {
		rc = err_set(e, ERR_CONFLICT, "cannot_move", "direction",
		    delta < 0 ? "Punktet er allerede det første i sit afsnit" :
		    "Punktet er allerede det sidste i sit afsnit");
		goto fail;
	}
	if (other->pos == it.pos) {
		/* Equal positions (ordered by id): make the swap tell. */
		if (delta < 0)
			it.pos = other->pos + 1;
		else
			other->pos = it.pos + 1;
	}
	if ((rc = meeting_store_item_swap(s->db, &it, other, s->now_iso, e))
	    != 0 ||
	    (rc = renumber(s, &m, e)) != 0 ||
	    (rc = mtg_audit_json(s, "agenda_item", item_id, "move",
	    json_pack("{s:I, s:i}", "pos", (json_int_t)it.pos, "number",
	    it.number), json_pack("{s:I, s:i}", "pos", (json_int_t)other->pos,
	    "number", other->number), e)) != 0)
		goto fail;
	return mtg_finish(s, m.id, e);
fail:
	db_rollback(s->db);
	return rc;
}
