/*
 * oparl_store — the SQL of the open (OParl) read API (see oparl_store.h).
 *
 * Every kind is one set of rows of the same fifteen columns: grp, id,
 * mid (meeting), del (tombstone), created, modified, key and eight
 * kind-specific columns. The set is the published objects UNION ALL the
 * public tombstones of the kind that have no live object with the same
 * id, filtered by the stamps. Parameters, the same in every statement:
 *   $1 created_since, $2 created_until, $3 modified_since,
 *   $4 modified_until, $5 with_deleted (0/1), $6 only_id, $7 only_key,
 *   $8 limit, $9 offset (page only).
 * The statements are string literals built by the macros below, as
 * db_prep() caches them by address.
 */
#include <string.h>

#include "store/db.h"
#include "store/meeting_store.h"
#include "store/oparl_store.h"
#include "util/arena.h"
#include "util/err.h"

#define NULLS8	"NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL"

/*
 * The modification time of meeting m as the API shows it: the latest of
 * the meeting, its items, their attachments and the deletion of items
 * and attachments (items and files carry their meeting's stamps).
 */
#define MEETING_MOD \
	"greatest(m.updated_at, " \
	"COALESCE((SELECT max(xi.updated_at) FROM agenda_item xi " \
	"WHERE xi.meeting_id = m.id), ''), " \
	"COALESCE((SELECT max(xf.updated_at) FROM attachment xf " \
	"JOIN agenda_item xi ON xi.id = xf.item_id " \
	"WHERE xi.meeting_id = m.id), ''), " \
	"COALESCE((SELECT max(xt.deleted_at) FROM tombstone xt " \
	"WHERE xt.kind = 'agendaitem' AND xt.parent_id = m.id), ''), " \
	"COALESCE((SELECT max(xt.deleted_at) FROM tombstone xt " \
	"JOIN agenda_item xi ON xi.id = xt.parent_id " \
	"WHERE xt.kind = 'file' AND xi.meeting_id = m.id), ''))"

/* Published meetings (the agenda is out: not planlagt). */
#define MEETING_PUBLIC	"m.state <> 'planlagt'"

/* A blank text: NULL or only white space (as meeting_fmt_blank). */
#define BLANK(x) \
	"(trim(COALESCE(" x ", ''), ' ' || '\t' || '\n' || " \
	"'\r') = '')"

/*
 * The public tombstones of kind that no live row of table has replaced
 * (SQLite may reuse the largest id).
 */
#define TOMB(kind, mid, key, table) \
	"SELECT 0 AS grp, t.id AS id, " mid " AS mid, 1 AS del, " \
	"t.created_at AS created, t.deleted_at AS modified, " key " AS key, " \
	NULLS8 " FROM tombstone t WHERE t.kind = '" kind "' AND " \
	"t.public = 1 AND $5 = 1 AND ($6 IS NULL OR t.id = $6) AND " \
	"NOT EXISTS (SELECT 1 FROM " table " x WHERE x.id = t.id)"

/* The filtered set of live and deleted rows. */
#define SET(live, tomb) \
	"SELECT * FROM (" live " UNION ALL " tomb ") u WHERE " \
	"($1 IS NULL OR created >= $1) AND ($2 IS NULL OR created <= $2) " \
	"AND ($3 IS NULL OR modified >= $3) AND " \
	"($4 IS NULL OR modified <= $4) AND ($7 IS NULL OR key = $7)"

#define PAGE(live, tomb) \
	SET(live, tomb) " ORDER BY grp, id, key LIMIT $8 OFFSET $9"
#define COUNT(live, tomb) \
	"SELECT count(*) FROM (" SET(live, tomb) ") c"

#define BODY_KEY(b)	"COALESCE(" b ".key, 'organ-' || " b ".id)"

#define ORGANIZATION_LIVE \
	"SELECT 0 AS grp, b.id AS id, 0 AS mid, 0 AS del, " \
	"b.created_at AS created, greatest(b.updated_at, " \
	"COALESCE((SELECT max(xm.updated_at) FROM membership xm " \
	"WHERE xm.body_id = b.id), ''), " \
	"COALESCE((SELECT max(xt.deleted_at) FROM tombstone xt " \
	"WHERE xt.kind = 'membership' AND xt.parent_id = b.id), '')) " \
	"AS modified, " BODY_KEY("b") " AS key, b.name, b.short_name, " \
	"b.kind, (SELECT " BODY_KEY("xp") " FROM body xp " \
	"WHERE xp.id = b.parent_id), b.mandate, b.ends_on, NULL, NULL " \
	"FROM body b WHERE ($6 IS NULL OR b.id = $6) " \
	"UNION ALL " \
	"SELECT 1, 0, 0, 0, o.created_at, o.updated_at, o.code, o.name, " \
	"NULL, o.kind, NULL, NULL, NULL, NULL, NULL FROM organisation o " \
	"WHERE o.kind IN ('kommune', 'region') AND $6 IS NULL"
#define ORGANIZATION_TOMB \
	TOMB("organization", "0", "'organ-' || t.id", "body")

#define PERSON_LIVE \
	"SELECT 0 AS grp, p.id AS id, 0 AS mid, 0 AS del, " \
	"p.created_at AS created, greatest(p.updated_at, " \
	"COALESCE((SELECT max(xm.updated_at) FROM membership xm " \
	"WHERE xm.person_id = p.id), '')) AS modified, NULL AS key, " \
	"p.name, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM person p " \
	"WHERE ($6 IS NULL OR p.id = $6)"
#define PERSON_TOMB	TOMB("person", "0", "NULL", "person")

#define MEMBERSHIP_COLS \
	BODY_KEY("b") ", ms.person_id, ms.role, ms.voting, " \
	"ms.on_behalf_of, ms.substitute_for, ms.starts_on, ms.ends_on"
#define MEMBERSHIP_LIVE \
	"SELECT 0 AS grp, ms.id AS id, 0 AS mid, 0 AS del, " \
	"ms.created_at AS created, ms.updated_at AS modified, NULL AS key, " \
	MEMBERSHIP_COLS " FROM membership ms JOIN body b ON b.id = " \
	"ms.body_id WHERE ($6 IS NULL OR ms.id = $6)"
#define MEMBERSHIP_TOMB	TOMB("membership", "0", "NULL", "membership")

#define MEETING_LIVE \
	"SELECT 0 AS grp, m.id AS id, m.id AS mid, 0 AS del, " \
	"m.created_at AS created, " MEETING_MOD " AS modified, " \
	"NULL AS key, " NULLS8 " FROM meeting m WHERE " MEETING_PUBLIC \
	" AND ($6 IS NULL OR m.id = $6)"
#define MEETING_TOMB	TOMB("meeting", "t.id", "NULL", "meeting")

#define ITEM_LIVE \
	"SELECT 0 AS grp, i.id AS id, i.meeting_id AS mid, 0 AS del, " \
	"m.created_at AS created, " MEETING_MOD " AS modified, " \
	"NULL AS key, " NULLS8 " FROM agenda_item i JOIN meeting m ON " \
	"m.id = i.meeting_id WHERE i.closed = 0 AND " MEETING_PUBLIC \
	" AND ($6 IS NULL OR i.id = $6)"
#define ITEM_TOMB \
	TOMB("agendaitem", "COALESCE(t.parent_id, 0)", "NULL", "agenda_item")

#define FILE_LIVE \
	"SELECT 0 AS grp, f.id AS id, i.meeting_id AS mid, 0 AS del, " \
	"m.created_at AS created, " MEETING_MOD " AS modified, " \
	"NULL AS key, " NULLS8 " FROM attachment f JOIN agenda_item i ON " \
	"i.id = f.item_id JOIN meeting m ON m.id = i.meeting_id WHERE " \
	"f.closed = 0 AND i.closed = 0 AND " MEETING_PUBLIC \
	" AND ($6 IS NULL OR f.id = $6)"
#define FILE_TOMB \
	TOMB("file", "COALESCE((SELECT xi.meeting_id FROM agenda_item xi " \
	"WHERE xi.id = t.parent_id), 0)", "NULL", "attachment")

/* A meeting's place; the place of a deleted meeting is deleted too. */
#define LOCATION_LIVE \
	MEETING_LIVE " AND NOT (" BLANK("m.place") " AND " BLANK("m.room") ")"
#define LOCATION_TOMB	TOMB("meeting", "t.id", "NULL", "meeting")

/*
 * Agreement years: the years of published meetings. No tombstones of
 * this kind are ever written; the branch keeps the parameters uniform.
 */
#define TERM_LIVE \
	"SELECT 0 AS grp, y AS id, 0 AS mid, 0 AS del, min(c) AS created, " \
	"min(c) AS modified, NULL AS key, " NULLS8 " FROM (SELECT " \
	MEETING_YEAR_SQL("m.starts_at") " AS y, m.created_at AS c " \
	"FROM meeting m WHERE " MEETING_PUBLIC " AND m.starts_at IS NOT " \
	"NULL) ty GROUP BY y HAVING ($6 IS NULL OR y = $6)"
#define TERM_TOMB	TOMB("legislativeterm", "0", "NULL", "meeting")

static const char *const page_sql[OPARL_KIND_COUNT] = {
	[OPARL_KIND_ORGANIZATION] = PAGE(ORGANIZATION_LIVE, ORGANIZATION_TOMB),
	[OPARL_KIND_PERSON]	= PAGE(PERSON_LIVE, PERSON_TOMB),
	[OPARL_KIND_MEMBERSHIP]	= PAGE(MEMBERSHIP_LIVE, MEMBERSHIP_TOMB),
	[OPARL_KIND_MEETING]	= PAGE(MEETING_LIVE, MEETING_TOMB),
	[OPARL_KIND_AGENDA_ITEM] = PAGE(ITEM_LIVE, ITEM_TOMB),
	[OPARL_KIND_FILE]	= PAGE(FILE_LIVE, FILE_TOMB),
	[OPARL_KIND_LOCATION]	= PAGE(LOCATION_LIVE, LOCATION_TOMB),
	[OPARL_KIND_TERM]	= PAGE(TERM_LIVE, TERM_TOMB),
};

static const char *const count_sql[OPARL_KIND_COUNT] = {
	[OPARL_KIND_ORGANIZATION] = COUNT(ORGANIZATION_LIVE, ORGANIZATION_TOMB),
	[OPARL_KIND_PERSON]	= COUNT(PERSON_LIVE, PERSON_TOMB),
	[OPARL_KIND_MEMBERSHIP]	= COUNT(MEMBERSHIP_LIVE, MEMBERSHIP_TOMB),
	[OPARL_KIND_MEETING]	= COUNT(MEETING_LIVE, MEETING_TOMB),
	[OPARL_KIND_AGENDA_ITEM] = COUNT(ITEM_LIVE, ITEM_TOMB),
	[OPARL_KIND_FILE]	= COUNT(FILE_LIVE, FILE_TOMB),
	[OPARL_KIND_LOCATION]	= COUNT(LOCATION_LIVE, LOCATION_TOMB),
	[OPARL_KIND_TERM]	= COUNT(TERM_LIVE, TERM_TOMB),
};

/* Bind $1..$7 of f. */
static void
bind_filter(struct db_stmt *st, const struct oparl_filter *f)
{
	db_bind_text(st, 1, f->created_since);
	db_bind_text(st, 2, f->created_until);
	db_bind_text(st, 3, f->modified_since);
	db_bind_text(st, 4, f->modified_until);
	db_bind_i64(st, 5, f->with_deleted ? 1 : 0);
	if (f->only_id != 0)
		db_bind_i64(st, 6, f->only_id);
	else
		db_bind_null(st, 6);
	db_bind_text(st, 7, f->only_key);
}

/* Read a row of the fifteen columns; extra from column first. */
static void
read_row(struct db_stmt *st, struct arena *a, int first, struct oparl_row *r)
{
	int i;

	for (i = 0; i < OPARL_ROW_EXTRA; i++)
		r->extra[i] = db_col_dup(st, first + i, a);
}

int
oparl_store_page(struct db *db, struct arena *a, enum oparl_kind k,
    const struct oparl_filter *f, struct oparl_row **out, size_t *n,
    int64_t *total, struct err *e)
{
	struct db_stmt		*st;
	struct oparl_row	*v = NULL;
	size_t			 cap = 0, m = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	*total = 0;
	if ((unsigned)k >= OPARL_KIND_COUNT)
		return err_set(e, ERR_INTERNAL, "invalid_kind", NULL,
		    "Ukendt OParl-type");
	if ((st = db_prep(db, count_sql[k], e)) == NULL)
		return ERR_DB;
	bind_filter(st, f);
	if ((rc = db_step(st, e)) == DB_ROW)
		*total = db_col_i64(st, 0);
	db_reset(st);
	if (rc < 0)
		return rc;
	if ((st = db_prep(db, page_sql[k], e)) == NULL)
		return ERR_DB;
	bind_filter(st, f);
	db_bind_i64(st, 8, f->limit);
	db_bind_i64(st, 9, f->offset);
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct oparl_row *r;

		v = arena_grow(a, v, m, &cap, sizeof(*v));
		r = &v[m++];
		memset(r, 0, sizeof(*r));
		r->id = db_col_i64(st, 1);
		r->meeting_id = db_col_i64(st, 2);
		r->deleted = db_col_i64(st, 3) != 0;
		r->created = db_col_dup(st, 4, a);
		r->modified = db_col_dup(st, 5, a);
		r->key = db_col_dup(st, 6, a);
		read_row(st, a, 7, r);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = m;
	return 0;
}

int
oparl_store_person_memberships(struct db *db, struct arena *a, int64_t lo,
    int64_t hi, struct oparl_row **out, size_t *n, struct err *e)
{
	struct db_stmt		*st;
	struct oparl_row	*v = NULL;
	size_t			 cap = 0, m = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	st = db_prep(db, "SELECT ms.id, ms.created_at, ms.updated_at, "
	    MEMBERSHIP_COLS " FROM membership ms JOIN body b ON "
	    "b.id = ms.body_id WHERE ms.person_id BETWEEN $1 AND $2 "
	    "ORDER BY ms.person_id, ms.id", e);
	if (st == NULL)
		return ERR_DB;
	db_bind_i64(st, 1, lo);
	db_bind_i64(st, 2, hi);
	while ((rc = db_step(st, e)) == DB_ROW) {
		struct oparl_row *r;

		v = arena_grow(a, v, m, &cap, sizeof(*v));
		r = &v[m++];
		memset(r, 0, sizeof(*r));
		r->id = db_col_i64(st, 0);
		r->created = db_col_dup(st, 1, a);
		r->modified = db_col_dup(st, 2, a);
		read_row(st, a, 3, r);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = m;
	return 0;
}

int
oparl_store_body_memberships(struct db *db, struct arena *a,
    int64_t **body_ids, int64_t **ids, size_t *n, struct err *e)
{
	struct db_stmt	*st;
	int64_t		*b = NULL, *v = NULL;
	size_t		 bcap = 0, cap = 0, m = 0;
	int		 rc;

	*body_ids = *ids = NULL;
	*n = 0;
	st = db_prep(db, "SELECT body_id, id FROM membership "
	    "ORDER BY body_id, id", e);
	if (st == NULL)
		return ERR_DB;
	while ((rc = db_step(st, e)) == DB_ROW) {
		b = arena_grow(a, b, m, &bcap, sizeof(*b));
		v = arena_grow(a, v, m, &cap, sizeof(*v));
		b[m] = db_col_i64(st, 0);
		v[m++] = db_col_i64(st, 1);
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*body_ids = b;
	*ids = v;
	*n = m;
	return 0;
}

/* The first row of sql's one column for which valid() holds, in a. */
static int
first_valid(struct db *db, struct arena *a, const char *sql,
    bool (*valid)(const char *), const char **out, struct err *e)
{
	struct db_stmt	*st;
	int		 rc;

	*out = NULL;
	if ((st = db_prep(db, sql, e)) == NULL)
		return ERR_DB;
	while ((rc = db_step(st, e)) == DB_ROW)
		if (!db_col_null(st, 0) && valid(db_col_text(st, 0))) {
			*out = db_col_dup(st, 0, a);
			break;
		}
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
oparl_store_stamps(struct db *db, struct arena *a,
    bool (*valid)(const char *), const char **created, const char **modified,
    struct err *e)
{
	int	rc;

	*modified = NULL;
	if ((rc = first_valid(db, a, "SELECT created_at FROM body "
	    "ORDER BY created_at", valid, created, e)) != 0 || *created == NULL)
		return rc;
	/* Newest first: the first that is a stamp is the latest change. */
	return first_valid(db, a, "SELECT x FROM (SELECT updated_at AS x "
	    "FROM body UNION ALL SELECT updated_at FROM organisation "
	    "UNION ALL SELECT updated_at FROM person "
	    "UNION ALL SELECT updated_at FROM membership "
	    "UNION ALL SELECT " MEETING_MOD " FROM meeting m WHERE "
	    MEETING_PUBLIC " UNION ALL SELECT deleted_at FROM tombstone) st "
	    "ORDER BY x DESC", valid, modified, e);
}
