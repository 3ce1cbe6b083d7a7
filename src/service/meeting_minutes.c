/*
 * meeting_minutes — the minutes loop: an item's minutes written (old and
 * new text audited), the draft circulated, approved by an item of the
 * next meeting or early by the members, and the members' sign-offs (see
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
#include "util/err.h"

static json_t *
minutes_json_audit(const struct agenda_item *it)
{
	return json_pack("{s:s?, s:s?}", "minutes", it->minutes, "result",
	    item_result_name(it->result));
}

/* Write minutes and result of it (audited), inside the transaction. */
static int
write_minutes(struct svc *s, struct agenda_item *it, const char *minutes,
    enum item_result result, struct err *e)
{
	json_t	*before = minutes_json_audit(it);
	int	 rc;

	it->minutes = minutes && *minutes ? minutes : NULL;
	it->result = result;
	if ((rc = meeting_store_item_set_minutes(s->db, it, s->now_iso, e))
	    != 0) {
		json_decref(before);
		return rc;
	}
	return mtg_audit_json(s, "agenda_item", it->id, "minutes", before,
	    minutes_json_audit(it), e);
}

int
meeting_item_minutes(struct svc *s, int64_t item_id, const char *minutes,
    enum item_result result, struct err *e)
{
	struct meeting		m;
	struct agenda_item	it;
	int			rc;

	if ((unsigned)result >= RESULT_COUNT)
		return err_set(e, ERR_INVALID, "invalid_result", "result",
		    "Ukendt beslutning");
	if ((rc = mtg_check_text(minutes, MINUTES_TEXT_MAX, false, "minutes",
	    "Referatet", e)) != 0)
		return rc;
	if ((rc = mtg_begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_item_get(s->db, s->arena, item_id, &it, e))
	    != 0 ||
	    (rc = meeting_store_get(s->db, s->arena, it.meeting_id, &m, e))
	    != 0)
		goto fail;
	if (m.state == MEETING_REFERAT_GODKENDT) {
		rc = err_set(e, ERR_CONFLICT, "minutes_frozen", "minutes",
		    "Referatet er godkendt og kan ikke ændres");
		goto fail;
	}
	if (m.state != MEETING_AFHOLDT && m.state != MEETING_REFERAT_UDKAST) {
		rc = err_set(e, ERR_CONFLICT, "not_held", "minutes",
		    "Referatet kan først skrives, når mødet er afholdt");
		goto fail;
	}
	if ((rc = write_minutes(s, &it, minutes, result, e)) != 0)
		goto fail;
	if (m.state == MEETING_AFHOLDT) {
		m.state = MEETING_REFERAT_UDKAST;
		if ((rc = meeting_store_set_state(s->db, &m, s->now_iso, e))
		    != 0 ||
		    (rc = mtg_audit_json(s, "meeting", m.id, "state",
		    json_pack("{s:s}", "state", "afholdt"), json_pack("{s:s}",
		    "state", "referat_udkast"), e)) != 0)
			goto fail;
	}
	return mtg_finish(s, m.id, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
meeting_minutes_circulate(struct svc *s, int64_t meeting_id, struct err *e)
{
	struct meeting	m;
	int		rc;

	if ((rc = mtg_begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_get(s->db, s->arena, meeting_id, &m, e)) != 0)
		goto fail;
	if (m.state != MEETING_REFERAT_UDKAST) {
		rc = err_set(e, ERR_CONFLICT, "no_draft", NULL,
		    "Der er intet udkast til referat at udsende");
		goto fail;
	}
	m.minutes_circulated_at = s->now_iso;
	if ((rc = meeting_store_snapshot_minutes(s->db, meeting_id, e)) != 0 ||
	    (rc = meeting_store_set_state(s->db, &m, s->now_iso, e)) != 0 ||
	    (rc = mtg_audit_json(s, "meeting", meeting_id, "circulate", NULL,
	    json_pack("{s:s}", "minutes_circulated_at", s->now_iso), e)) != 0 ||
	    (rc = mail_minutes_circulated(s, &m, e)) != 0)
		goto fail;
	return mtg_finish(s, meeting_id, e);
fail:
	db_rollback(s->db);
	return rc;
}

/* Freeze and publish the minutes of m (inside the transaction). */
static int
approve_tx(struct svc *s, struct meeting *m, int64_t by_item, bool early,
    const char *note, struct err *e)
{
	int rc;

	if (m->minutes_circulated_at == NULL) {
		/* Never circulated: the draft is what is approved. */
		if ((rc = meeting_store_snapshot_minutes(s->db, m->id, e)) != 0)
			return rc;
	}
	m->state = MEETING_REFERAT_GODKENDT;
	m->minutes_approved_at = s->now_iso;
	m->approved_by_item = by_item;
	m->approved_early = early;
	m->approval_note = note;
	if ((rc = meeting_store_set_state(s->db, m, s->now_iso, e)) != 0)
		return rc;
	if ((rc = mtg_audit_json(s, "meeting", m->id, "approve", json_pack("{s:s}",
	    "state", "referat_udkast"), json_pack("{s:s, s:I, s:b, s:s?}",
	    "state", "referat_godkendt", "approved_by_item",
	    (json_int_t)by_item, "early", early, "note", note), e)) != 0)
		return rc;
	return meeting_store_fts_sync(s->db, m->id, e);
}

int
meeting_item_approve(struct svc *s, int64_t item_id, struct err *e)
{
	struct meeting		m, prev;
	struct agenda_item	it;
	int			rc;

	if ((rc = mtg_begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_item_get(s->db, s->arena, item_id, &it, e))
	    != 0 ||
	    (rc = meeting_store_get(s->db, s->arena, it.meeting_id, &m, e))
	    != 0)
		goto fail;
	if (it.kind != ITEM_REFERAT || it.prev_meeting <= 0) {
		rc = err_set(e, ERR_CONFLICT, "not_minutes_item", NULL,
		    "Punktet godkender ikke et tidligere referat");
		goto fail;
	}
	if (m.state != MEETING_INDKALDT && m.state != MEETING_AFHOLDT &&
	    m.state != MEETING_REFERAT_UDKAST) {
		rc = err_set(e, ERR_CONFLICT, "not_convened", NULL,
		    "Referatet godkendes på mødet; mødet skal være indkaldt "
		    "eller afholdt");
		goto fail;
	}
	if ((rc = meeting_store_get(s->db, s->arena, it.prev_meeting, &prev, e))
	    != 0)
		goto fail;
	if (prev.state == MEETING_REFERAT_UDKAST) {
		if ((rc = approve_tx(s, &prev, item_id, false, NULL, e)) != 0)
			goto fail;
	} else if (prev.state != MEETING_REFERAT_GODKENDT) {
		rc = err_set(e, ERR_CONFLICT, "no_draft", NULL,
		    "Det forrige møde har endnu intet referat at godkende");
		goto fail;
	}
	if ((rc = write_minutes(s, &it, it.minutes ? it.minutes :
	    (prev.approved_early ? "Referatet var godkendt før mødet og "
	    "blev taget til efterretning." : "Referatet blev godkendt."),
	    RESULT_GODKENDT, e)) != 0)
		goto fail;
	return mtg_finish(s, m.id, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
meeting_minutes_approve_early(struct svc *s, int64_t meeting_id,
    const char *note, struct err *e)
{
	struct meeting	m;
	int		rc;

	if ((rc = mtg_check_text(note, MEETING_NOTE_MAX, true, "note", "Begrundelsen", e)) != 0)
		return rc;
	if ((rc = mtg_begin_write(s, e)) != 0)
		return rc;
	if ((rc = meeting_store_get(s->db, s->arena, meeting_id, &m, e)) != 0)
		goto fail;
	if (m.state != MEETING_REFERAT_UDKAST ||
	    m.minutes_circulated_at == NULL) {
		rc = err_set(e, ERR_CONFLICT, "not_circulated", NULL,
		    "Referatet skal være udsendt til medlemmerne, før det kan "
		    "godkendes før næste møde");
		goto fail;
	}
	if ((rc = approve_tx(s, &m, 0, true, note, e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}

int
meeting_minutes_signoff(struct svc *s, int64_t meeting_id, struct err *e)
{
	struct meeting	m;
	int64_t		pid;
	int		rc;

	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = meeting_store_get(s->db, s->arena, meeting_id, &m, e)) != 0)
		goto fail;
	pid = body_store_person_of_user(s->db, s->who->user_id);
	if (pid == 0 || !body_store_user_is_member(s->db, s->who->user_id,
	    m.body_id, mtg_today(s))) {
		rc = err_set(e, ERR_FORBIDDEN, "not_member", NULL,
		    "Kun organets medlemmer kan tiltræde referatet");
		goto fail;
	}
	if (m.state != MEETING_REFERAT_UDKAST ||
	    m.minutes_circulated_at == NULL) {
		rc = err_set(e, ERR_CONFLICT, "not_circulated", NULL,
		    "Referatet er ikke udsendt til tiltrædelse");
		goto fail;
	}
	if ((rc = meeting_store_signoff_add(s->db, meeting_id, pid, s->now_iso,
	    e)) != 0 ||
	    (rc = mtg_audit_json(s, "meeting", meeting_id, "signoff", NULL,
	    json_pack("{s:I}", "person_id", (json_int_t)pid), e)) != 0)
		goto fail;
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	return rc;
}
