/*
 * meeting_plan — planning a meeting: creating it with its standard items,
 * changing its details and its state, its participants (filled in from
 * the body's members), and the earlier items it may refer to (see
 * meeting.h).
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/role.h"
#include "service/mail_events.h"
#include "service/meeting.h"
#include "service/meeting_int.h"
#include "service/svc.h"
#include "store/body_store.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/err.h"

static json_t *
meeting_json_audit(const struct meeting *m)
{
	return json_pack("{s:I, s:s, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, "
	    "s:s}", "body_id", (json_int_t)m->body_id, "title", m->title,
	    "starts_at", m->starts_at, "ends_at", m->ends_at, "place", m->place,
	    "room", m->room, "referent", m->referent, "case_no", m->case_no,
	    "doc_no", m->doc_no, "state", meeting_state_name(m->state));
}

static int
input_validate(struct svc *s, const struct meeting_input *in, struct body *b,
    struct err *e)
{
	int rc;

	if ((rc = body_store_get(s->db, s->arena, in->body_id, b, NULL)) != 0)
		return err_set(e, ERR_INVALID, "unknown_body", "body_id",
		    "Vælg et organ");
	if ((rc = mtg_check_text(in->title, MEETING_TITLE_MAX, false, "title", "Titlen", e)) != 0 ||
	    (rc = mtg_check_text(in->place, MEETING_PLACE_MAX, false, "place", "Stedet", e))
	    != 0 ||
	    (rc = mtg_check_text(in->room, MEETING_ROOM_MAX, false, "room", "Lokalet", e)) != 0 ||
	    (rc = mtg_check_text(in->referent, MEETING_REFERENT_MAX, false, "referent",
	    "Referenten", e)) != 0 ||
	    (rc = mtg_check_text(in->case_no, MEETING_CASE_NO_MAX, false, "case_no", "Sagsnr.", e))
	    != 0 ||
	    (rc = mtg_check_text(in->doc_no, MEETING_CASE_NO_MAX, false, "doc_no", "Dok.nr.", e))
	    != 0)
		return rc;
	if (!meeting_time_valid(in->starts_at))
		return err_set(e, ERR_INVALID, "invalid_time", "starts_at",
		    "Tidspunktet skal være en dato og evt. et klokkeslæt "
		    "(ÅÅÅÅ-MM-DDTTT:MM)");
	if (in->ends_at != NULL && !meeting_time_valid(in->ends_at))
		return err_set(e, ERR_INVALID, "invalid_time", "ends_at",
		    "Sluttidspunktet skal være en dato og evt. et klokkeslæt "
		    "(ÅÅÅÅ-MM-DDTTT:MM)");
	if (in->ends_at != NULL && strcmp(in->ends_at, in->starts_at) < 0)
		return err_set(e, ERR_INVALID, "invalid_period", "ends_at",
		    "Mødet kan ikke slutte, før det begynder");
	return 0;
}

/* Insert a standard item of a new meeting. */
static int
standard_item(struct svc *s, int64_t meeting_id, enum item_kind kind,
    enum item_section sec, int pos, const char *title, int64_t prev,
    struct err *e)
{
	struct agenda_item it;

	memset(&it, 0, sizeof(it));
	it.meeting_id = meeting_id;
	it.kind = kind;
	it.section = sec;
	it.pos = pos;
	it.title = title;
	it.prev_meeting = prev;
	return meeting_store_item_insert(s->db, &it, s->now_iso, NULL, e);
}

/*
 * Add the body's current voting members and substitutes to a meeting
 * without participants (inside a write transaction); *added counts them.
 */
static int
prefill_tx(struct svc *s, const struct meeting *m, size_t *added,
    struct err *e)
{
	struct participant	*have, p;
	struct membership	*mm;
	size_t			 nhave, nm, i;
	const char		*day;
	int64_t			 pid;
	int			 rc;

	*added = 0;
	if ((rc = meeting_store_participants(s->db, s->arena, m->id, &have,
	    &nhave, e)) != 0)
		return rc;
	if (nhave > 0)
		return 0;
	day = m->starts_at != NULL ? arena_strndup(s->arena, m->starts_at, 10) :
	    mtg_today(s);
	if ((rc = body_store_members(s->db, s->arena, m->body_id, 0, day, &mm,
	    &nm, e)) != 0)
		return rc;
	for (i = 0; i < nm; i++) {
		bool sub = strcmp(mm[i].role, "stedfortraeder") == 0;
		if (!sub && !mm[i].voting)
			continue;
		memset(&p, 0, sizeof(p));
		p.person_id = mm[i].person_id;
		p.name = mm[i].person_name;
		p.organisation = mm[i].on_behalf_name ? mm[i].on_behalf_name :
		    mm[i].person_org;
		p.status = "deltager";
		if (sub)
			p.note = mm[i].substitute_for_name ? arena_printf(
			    s->arena, "stedfortræder for %s",
			    mm[i].substitute_for_name) : "stedfortræder";
		else if (strcmp(mm[i].role, "medlem") != 0)
			p.note = membership_role_label(mm[i].role);
		if ((rc = meeting_store_participant_add(s->db, m->id, &p, &pid,
		    e)) != 0)
			return rc;
		(*added)++;
	}
	if (*added > 0)
		return mtg_audit_json(s, "meeting", m->id, "participants_prefill",
		    NULL, json_pack("{s:I}", "participants",
		    (json_int_t)*added), e);
	return 0;
}

int
meeting_participants_prefill(struct svc *s, int64_t meeting_id,
    size_t *added, struct err *e)
{
	struct meeting	m;
	int		rc;

	*added = 0;
	if ((rc = mtg_begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_get(s->db, s->arena, meeting_id, &m, e)) != 0)
		goto fail;
	if (m.state == MEETING_AFLYST || m.state == MEETING_REFERAT_GODKENDT) {
		rc = err_set(e, ERR_CONFLICT, "meeting_closed", NULL,
		    "Deltagerne kan ikke ændres på et aflyst møde eller efter "
		    "godkendt referat");
		goto fail;
	}
	if ((rc = prefill_tx(s, &m, added, e)) != 0)
		goto fail;
	return mtg_finish(s, meeting_id, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
meeting_earlier_items(struct svc *s, int64_t meeting_id,
    struct item_ref **out, size_t *n, struct err *e)
{
	struct meeting	 m;
	const char	*before, *since;
	int		 rc;

	*out = NULL;
	*n = 0;
	if (s->who->role != ROLE_ADMIN)
		return mtg_forbidden(e);
	if ((rc = db_begin(s->db, DB_READ, e)) != 0)
		return rc;
	if ((rc = meeting_store_get(s->db, s->arena, meeting_id, &m, e)) == 0) {
		before = m.starts_at != NULL ? m.starts_at : s->now_iso;
		since = arena_printf(s->arena, "%04d%s", atoi(before) - 1,
		    before + 4);
		rc = meeting_store_items_between(s->db, s->arena, meeting_id,
		    since, before, MEETING_EARLIER_MAX, out, n, e);
	}
	db_rollback(s->db);
	return rc;
}

int
meeting_create(struct svc *s, const struct meeting_input *in, int64_t *id,
    struct err *e)
{
	struct meeting	 m, pm;
	struct body	 b;
	int64_t		 prev;
	size_t		 added;
	int		 rc;

	if ((rc = mtg_begin_write(s, e)) != 0)
		return rc;
	if ((rc = input_validate(s, in, &b, e)) != 0)
		goto fail;
	memset(&m, 0, sizeof(m));
	m.body_id = in->body_id;
	m.title = in->title && *in->title ? in->title :
	    arena_printf(s->arena, "Møde i %s", b.name);
	m.starts_at = in->starts_at;
	m.ends_at = in->ends_at;
	m.place = in->place;
	m.room = in->room;
	m.referent = in->referent;
	m.case_no = in->case_no;
	m.doc_no = in->doc_no;
	m.state = MEETING_PLANLAGT;
	if ((rc = meeting_store_insert(s->db, &m, s->now_iso, id, e)) != 0)
		goto fail;
	prev = meeting_store_previous(s->db, m.body_id, m.starts_at, *id);
	if ((rc = standard_item(s, *id, ITEM_DAGSORDEN, SECTION_INDLEDNING, 1,
	    "Godkendelse af dagsorden", 0, e)) != 0)
		goto fail;
	if (prev > 0) {
		if ((rc = meeting_store_get(s->db, s->arena, prev, &pm, e)) != 0 ||
		    (rc = standard_item(s, *id, ITEM_REFERAT,
		    SECTION_INDLEDNING, 2, arena_printf(s->arena,
		    "Godkendelse af referat fra mødet den %s",
		    mtg_date_da(s, pm.starts_at)), prev, e)) != 0)
			goto fail;
	}
	if ((rc = standard_item(s, *id, ITEM_EVT, SECTION_AFSLUTNING, 1, "Evt.",
	    0, e)) != 0 ||
	    (rc = standard_item(s, *id, ITEM_NAESTE_MOEDE, SECTION_AFSLUTNING,
	    2, "Næste møde", 0, e)) != 0 ||
	    (rc = meeting_store_renumber(s->db, *id, e)) != 0)
		goto fail;
	if ((rc = mtg_audit_json(s, "meeting", *id, "create", NULL,
	    meeting_json_audit(&m), e)) != 0)
		goto fail;
	m.id = *id;
	if ((rc = prefill_tx(s, &m, &added, e)) != 0)
		goto fail;
	return mtg_finish(s, *id, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
meeting_update(struct svc *s, int64_t id, const struct meeting_input *in,
    struct err *e)
{
	struct meeting	 old, m;
	struct body	 b;
	int		 rc;

	if ((rc = mtg_begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_get(s->db, s->arena, id, &old, e)) != 0 ||
	    (rc = input_validate(s, in, &b, e)) != 0)
		goto fail;
	m = old;
	m.body_id = in->body_id;
	m.title = in->title && *in->title ? in->title : old.title;
	m.starts_at = in->starts_at;
	m.ends_at = in->ends_at;
	m.place = in->place;
	m.room = in->room;
	m.referent = in->referent;
	m.case_no = in->case_no;
	m.doc_no = in->doc_no;
	if ((rc = meeting_store_update(s->db, &m, s->now_iso, e)) != 0 ||
	    (rc = mtg_audit_json(s, "meeting", id, "update",
	    meeting_json_audit(&old), meeting_json_audit(&m), e)) != 0)
		goto fail;
	return mtg_finish(s, id, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
meeting_set_state(struct svc *s, int64_t id, enum meeting_state to,
    struct err *e)
{
	struct meeting	m;
	int		rc;

	if ((rc = mtg_begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_get(s->db, s->arena, id, &m, e)) != 0)
		goto fail;
	if (!meeting_state_change_ok(m.state, to)) {
		rc = err_set(e, ERR_CONFLICT, "invalid_transition", "state",
		    to == MEETING_REFERAT_GODKENDT ? "Referatet godkendes på "
		    "næste møde (punktet Godkendelse af referat) eller ved "
		    "tidlig godkendelse" : "Mødet kan ikke gå fra %s til %s",
		    meeting_state_label(m.state), meeting_state_label(to));
		goto fail;
	}
	if ((rc = mtg_audit_json(s, "meeting", id, "state", json_pack("{s:s}",
	    "state", meeting_state_name(m.state)), json_pack("{s:s}", "state",
	    meeting_state_name(to)), e)) != 0)
		goto fail;
	m.state = to;
	if (to == MEETING_INDKALDT && m.agenda_published_at == NULL) {
		m.agenda_published_at = s->now_iso;
		if ((rc = mail_agenda_published(s, &m, e)) != 0)
			goto fail;
	}
	if ((rc = meeting_store_set_state(s->db, &m, s->now_iso, e)) != 0)
		goto fail;
	return mtg_finish(s, id, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
meeting_participant_add(struct svc *s, int64_t meeting_id,
    const struct participant *p, struct err *e)
{
	struct meeting	m;
	int64_t		pid;
	int		rc;

	if ((rc = mtg_check_text(p->name, 200, true, "name", "Navnet", e)) != 0 ||
	    (rc = mtg_check_text(p->organisation, 200, false, "organisation",
	    "Organisationen", e)) != 0 ||
	    (rc = mtg_check_text(p->note, 500, false, "note", "Bemærkningen", e))
	    != 0 ||
	    (rc = mtg_check_text(p->substitute, 200, false, "substitute",
	    "Stedfortræderen", e)) != 0)
		return rc;
	if (!participant_status_valid(p->status))
		return err_set(e, ERR_INVALID, "invalid_status", "status",
		    "Status skal være deltager, afbud eller fraværende");
	if ((rc = mtg_begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_get(s->db, s->arena, meeting_id, &m, e)) != 0 ||
	    (rc = meeting_store_participant_add(s->db, meeting_id, p, &pid, e))
	    != 0 ||
	    (rc = mtg_audit_json(s, "participant", pid, "create", NULL,
	    json_pack("{s:I, s:s, s:s?, s:s, s:s?}", "meeting_id",
	    (json_int_t)meeting_id, "name", p->name, "organisation",
	    p->organisation, "status", p->status, "substitute",
	    p->substitute), e)) != 0)
		goto fail;
	return mtg_finish(s, meeting_id, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
meeting_participant_set(struct svc *s, int64_t meeting_id,
    int64_t participant_id, const char *status, const char *substitute,
    struct err *e)
{
	int rc;

	if (!participant_status_valid(status))
		return err_set(e, ERR_INVALID, "invalid_status", "status",
		    "Status skal være deltager, afbud eller fraværende");
	if ((rc = mtg_check_text(substitute, 200, false, "substitute",
	    "Stedfortræderen", e)) != 0)
		return rc;
	if ((rc = mtg_begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_participant_set(s->db, meeting_id,
	    participant_id, status, substitute, e)) != 0 ||
	    (rc = mtg_audit_json(s, "participant", participant_id, "update", NULL,
	    json_pack("{s:s, s:s?}", "status", status, "substitute",
	    substitute), e)) != 0)
		goto fail;
	return mtg_finish(s, meeting_id, e);
fail:
	db_rollback(s->db);
	return rc;
}
