/*
 * privacy_store — one person's data and its erasure (see
 * privacy_store.h). The export's rows are built by SQLite's json_object()
 * so that each row names its columns as the table does.
 */
#include <string.h>

#include "store/db.h"
#include "store/privacy_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

#define PERSON_COLS \
	"p.id, p.name, coalesce(p.organisation, (SELECT name FROM " \
	"organisation WHERE code = p.org_code)), p.email, " \
	"coalesce(p.user_id, 0), u.username, p.erased_at, " \
	"(SELECT count(*) FROM membership WHERE person_id = p.id), " \
	"(SELECT count(*) FROM meeting_participant WHERE person_id = p.id) " \
	"FROM person p LEFT JOIN app_user u ON u.id = p.user_id "

static void
person_row(struct db_stmt *st, struct arena *a, struct privacy_person *p)
{
	p->id = db_col_i64(st, 0);
	p->name = db_col_dup(st, 1, a);
	p->organisation = db_col_dup(st, 2, a);
	p->email = db_col_dup(st, 3, a);
	p->user_id = db_col_i64(st, 4);
	p->username = db_col_dup(st, 5, a);
	p->erased_at = db_col_dup(st, 6, a);
	p->nmemberships = db_col_i64(st, 7);
	p->nmeetings = db_col_i64(st, 8);
}

int
privacy_store_person(struct db *db, struct arena *a, int64_t id,
    struct privacy_person *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	st = db_prep(db, "SELECT " PERSON_COLS "WHERE p.id = $1", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	rc = db_step(st, e);
	if (rc == DB_ROW)
		person_row(st, a, out);
	db_reset(st);
	if (rc < 0)
		return rc;
	return rc == DB_ROW ? 0 : db_not_found(e, "Personen");
}

int
privacy_store_persons(struct db *db, struct arena *a, size_t max,
    size_t offset, struct privacy_person **out, size_t *n, int64_t *total,
    struct err *e)
{
	struct db_stmt		*st;
	struct privacy_person	*v = NULL;
	size_t			 cap = 0, k = 0;
	int			 rc;

	*total = 0;
	if ((st = db_prep(db, "SELECT count(*) FROM person", e)) == NULL)
		return ERR_DB;
	if ((rc = db_step(st, e)) == DB_ROW)
		*total = db_col_i64(st, 0);
	db_reset(st);
	if (rc < 0)
		return rc;
	st = db_prep(db, "SELECT " PERSON_COLS "ORDER BY p.erased_at IS NOT "
	    "NULL, p.name_key, p.id LIMIT $1 OFFSET $2", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, (int64_t)max);
	db_bind_i64(st, 2, (int64_t)offset);
	while ((rc = db_step(st, e)) == DB_ROW) {
		v = arena_grow(a, v, k, &cap, sizeof(*v));
		person_row(st, a, &v[k++]);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

/* What a section's statement binds as $1 (and $2). */
enum arg { ARG_PERSON, ARG_USER, ARG_USERNAME, ARG_PERSON_USER };

static const struct section {
	const char	*key;
	enum arg	 arg;
	const char	*sql;
} sections[] = {
	{ "person", ARG_PERSON, "SELECT json_object('id', id, 'name', name, "
	  "'org_code', org_code, 'organisation', organisation, 'email', email, "
	  "'created_at', created_at, 'updated_at', updated_at, 'erased_at', "
	  "erased_at) FROM person WHERE id = $1" },
	{ "user", ARG_USER, "SELECT json_object('id', u.id, 'username', "
	  "u.username, 'display_name', u.display_name, 'role', u.role, "
	  "'org_code', u.org_code, 'active', u.active, 'email', (SELECT email "
	  "FROM user_mail WHERE user_id = u.id), 'created_at', u.created_at, "
	  "'updated_at', u.updated_at) FROM app_user u WHERE u.id = $1" },
	{ "memberships", ARG_PERSON, "SELECT json_object('id', m.id, "
	  "'body', b.name, 'role', m.role, 'voting', m.voting, 'on_behalf_of', "
	  "m.on_behalf_of, 'starts_on', m.starts_on, 'ends_on', m.ends_on) "
	  "FROM membership m JOIN body b ON b.id = m.body_id WHERE "
	  "m.person_id = $1 ORDER BY m.starts_on, m.id" },
	{ "nominations", ARG_PERSON, "SELECT json_object('nomination', "
	  "n.title, 'body', b.name, 'org_code', x.org_code, 'created_at', "
	  "x.created_at) FROM nominee x JOIN nomination n ON n.id = "
	  "x.nomination_id JOIN body b ON b.id = n.body_id WHERE x.person_id "
	  "= $1 ORDER BY x.created_at" },
	{ "participations", ARG_PERSON, "SELECT json_object('meeting_id', "
	  "m.id, 'meeting', m.title, 'starts_at', m.starts_at, 'name', p.name, "
	  "'organisation', p.organisation, 'note', p.note, 'status', p.status, "
	  "'substitute', p.substitute, 'minutes_approved', CASE WHEN "
	  "m.minutes_approved_at IS NOT NULL THEN 1 ELSE 0 END) FROM "
	  "meeting_participant p JOIN meeting m ON m.id = p.meeting_id WHERE "
	  "p.person_id = $1 AND p.status <> 'afbud' ORDER BY m.starts_at, "
	  "m.id" },
	{ "apologies", ARG_PERSON, "SELECT json_object('meeting_id', m.id, "
	  "'meeting', m.title, 'starts_at', m.starts_at, 'name', p.name, "
	  "'note', p.note, 'substitute', p.substitute, 'minutes_approved', "
	  "CASE WHEN m.minutes_approved_at IS NOT NULL THEN 1 ELSE 0 END) "
	  "FROM meeting_participant p JOIN meeting m ON m.id = p.meeting_id "
	  "WHERE p.person_id = $1 AND p.status = 'afbud' ORDER BY "
	  "m.starts_at, m.id" },
	{ "minutes_signoffs", ARG_PERSON, "SELECT json_object('meeting_id', "
	  "m.id, 'meeting', m.title, 'at', s.at) FROM minutes_signoff s JOIN "
	  "meeting m ON m.id = s.meeting_id WHERE s.person_id = $1 ORDER BY "
	  "s.at" },
	{ "audit_as_actor", ARG_USER, "SELECT json_object('id', id, 'at', at, "
	  "'username', username, 'entity', entity, 'entity_id', entity_id, "
	  "'action', action, 'before_json', before_json, 'after_json', "
	  "after_json) FROM audit WHERE user_id = $1 ORDER BY id" },
	{ "audit_as_subject", ARG_PERSON_USER, "SELECT json_object('id', id, "
	  "'at', at, 'username', username, 'entity', entity, 'entity_id', "
	  "entity_id, 'action', action, 'before_json', before_json, "
	  "'after_json', after_json) FROM audit WHERE (entity = 'person' AND "
	  "entity_id = CAST($1 AS TEXT)) OR (entity = 'membership' AND "
	  "entity_id IN (SELECT CAST(id AS TEXT) FROM membership WHERE "
	  "person_id = $1)) OR (entity = 'user' AND entity_id = CAST($2 AS "
	  "TEXT)) ORDER BY id" },
	{ "login_log", ARG_USERNAME, "SELECT json_object('at', at, "
	  "'ip', ip, 'ok', ok) FROM login_attempt WHERE username = $1 ORDER BY at" },
	{ "sessions", ARG_USER, "SELECT json_object('created_at', created_at, "
	  "'expires_at', expires_at) FROM session WHERE user_id = $1 ORDER BY "
	  "created_at" },
	{ "mail", ARG_PERSON_USER, "SELECT json_object('id', id, 'kind', "
	  "kind, 'to_addr', to_addr, 'subject', subject, 'state', state, "
	  "'created_at', created_at, 'sent_at', sent_at) FROM outbox WHERE "
	  "user_id = $2 OR to_addr = (SELECT email FROM person WHERE id = $1) "
	  "ORDER BY id" },
	{ "notice_optouts", ARG_USER, "SELECT json_object('kind', kind) FROM "
	  "notice_optout WHERE user_id = $1 ORDER BY kind" },
};

/*
 * A login row's "at" is Unix seconds in the table; the dossier shows it
 * as an ISO 8601 UTC time, formatted here so that the SQL stays the same
 * on both backends. Returns row.
 */
static json_t *
epoch_at(json_t *row)
{
	json_t	*at;
	char	 iso[21];

	at = json_object_get(row, "at");
	if (json_is_integer(at)) {
		text_timestamp(iso, (long long)json_integer_value(at));
		json_object_set_new(row, "at", json_string(iso));
	}
	return row;
}

int
privacy_store_dossier(struct db *db, const struct privacy_person *p,
    json_t *obj, struct err *e)
{
	const struct section	*s;
	struct db_stmt		*st;
	json_t			*arr, *row;
	size_t			 i;
	int			 rc;

	for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++) {
		s = &sections[i];
		arr = json_array();
		json_object_set_new(obj, s->key, arr);
		if ((s->arg == ARG_USER || s->arg == ARG_USERNAME) &&
		    p->user_id == 0)
			continue;
		if ((st = db_prep(db, s->sql, e)) == NULL)
			return ERR_DB;
		switch (s->arg) {
		case ARG_PERSON:
			db_bind_i64(st, 1, p->id);
			break;
		case ARG_USER:
			db_bind_i64(st, 1, p->user_id);
			break;
		case ARG_USERNAME:
			db_bind_text(st, 1, p->username);
			break;
		case ARG_PERSON_USER:
			db_bind_i64(st, 1, p->id);
			db_bind_i64(st, 2, p->user_id);
			break;
		}
		while ((rc = db_step(st, e)) == DB_ROW)
			if ((row = json_loads(db_col_text(st, 0), 0, NULL))
			    != NULL)
				json_array_append_new(arr,
				    s->arg == ARG_USERNAME ? epoch_at(row) : row);
		db_reset(st);
		if (rc < 0)
			return rc;
	}
	return 0;
}

/*
 * Run sql with $1 = id and $2, $3, $4 the texts given (not NULL); add its
 * changes to *n (when not NULL).
 */
static int
change(struct db *db, const char *sql, int64_t id, const char *text,
    const char *text2, const char *text3, int64_t *n, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	if ((st = db_prep(db, sql, e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, id);
	if (text != NULL)
		db_bind_text(st, 2, text);
	if (text2 != NULL)
		db_bind_text(st, 3, text2);
	if (text3 != NULL)
		db_bind_text(st, 4, text3);
	if ((rc = db_run(st, e)) != 0)
		return rc;
	if (n != NULL)
		*n += db_changes(db);
	return 0;
}

int
privacy_store_erase(struct db *db, const struct privacy_person *p,
    const char *pseudonym, const char *user_pseudonym, const char *now,
    struct privacy_erased *out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if ((rc = change(db, "UPDATE meeting_participant SET name = $2, "
	    "organisation = NULL, note = NULL WHERE person_id = $1 AND "
	    "meeting_id IN (SELECT id FROM meeting WHERE minutes_approved_at "
	    "IS NULL)", p->id, pseudonym, NULL, NULL, &out->participants, e))
	    != 0)
		return rc;
	if ((st = db_prep(db, "SELECT count(*) FROM meeting_participant WHERE "
	    "person_id = $1 AND name <> $2", e)) == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, p->id);
	db_bind_text(st, 2, pseudonym);
	if ((rc = db_step(st, e)) == DB_ROW)
		out->participants_kept = db_col_i64(st, 0);
	db_reset(st);
	if (rc < 0)
		return rc;
	if ((rc = change(db, "UPDATE audit SET before_json = CASE WHEN "
	    "before_json IS NULL THEN NULL ELSE '{\"slettet\":true}' END, "
	    "after_json = CASE WHEN after_json IS NULL THEN NULL ELSE "
	    "'{\"slettet\":true}' END WHERE (entity = 'person' AND entity_id = "
	    "CAST($1 AS TEXT)) OR (entity = 'membership' AND entity_id IN "
	    "(SELECT CAST(id AS TEXT) FROM membership WHERE person_id = $1))",
	    p->id, NULL, NULL, NULL, &out->audit_redacted, e)) != 0 ||
	    (rc = change(db, "DELETE FROM outbox WHERE to_addr = (SELECT "
	    "email FROM person WHERE id = $1)", p->id, NULL, NULL, NULL,
	    &out->mails, e)) != 0 ||
	    (rc = change(db, "UPDATE person SET name = $2, name_key = "
	    "lower($2), organisation = NULL, email = NULL, updated_at = $3, "
	    "erased_at = $3 WHERE id = $1", p->id, pseudonym, now, NULL, NULL,
	    e)) != 0)
		return rc;
	if (p->user_id == 0)
		return 0;
	if ((rc = change(db, "UPDATE audit SET before_json = CASE WHEN "
	    "before_json IS NULL THEN NULL ELSE '{\"slettet\":true}' END, "
	    "after_json = CASE WHEN after_json IS NULL THEN NULL ELSE "
	    "'{\"slettet\":true}' END WHERE entity = 'user' AND entity_id = "
	    "CAST($1 AS TEXT)", p->user_id, NULL, NULL, NULL,
	    &out->audit_redacted, e)) != 0 ||
	    (rc = change(db, "UPDATE audit SET username = $2 WHERE user_id = "
	    "$1", p->user_id, user_pseudonym, NULL, NULL, NULL, e)) != 0 ||
	    (rc = change(db, "DELETE FROM login_attempt WHERE username = (SELECT "
	    "username FROM app_user WHERE id = $1)", p->user_id, NULL, NULL,
	    NULL, &out->logins, e)) != 0 ||
	    (rc = change(db, "DELETE FROM session WHERE user_id = $1",
	    p->user_id, NULL, NULL, NULL, &out->sessions, e)) != 0 ||
	    (rc = change(db, "DELETE FROM outbox WHERE user_id = $1",
	    p->user_id, NULL, NULL, NULL, &out->mails, e)) != 0 ||
	    (rc = change(db, "DELETE FROM user_mail WHERE user_id = $1",
	    p->user_id, NULL, NULL, NULL, NULL, e)) != 0 ||
	    (rc = change(db, "DELETE FROM notice_optout WHERE user_id = $1",
	    p->user_id, NULL, NULL, NULL, NULL, e)) != 0 ||
	    (rc = change(db, "UPDATE app_user SET username = $2, display_name "
	    "= $3, active = 0, version = version + 1, updated_at = $4 WHERE "
	    "id = $1", p->user_id, user_pseudonym, pseudonym, now, NULL, e))
	    != 0)
		return rc;
	return 0;
}
