/*
 * meeting_search — the public search index of the minutes in the
 * database (the part of meeting_store.h that keeps and searches it):
 * FTS5 on SQLite, a weighted tsvector with its GIN index on PostgreSQL,
 * each holding the public projection only.
 */
#include <stdlib.h>
#include <string.h>

#include "core/meeting.h"
#include "store/db.h"
#include "store/meeting_store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"

int
meeting_store_fts_sync(struct db *db, int64_t meeting_id, struct err *e)
{
	static const char *const sql[] = {
		/*
		 * The rows of the meeting by rowid (= item id; items stay in
		 * their meeting, and deleting one deletes its row):
		 * meeting_id is an UNINDEXED column, and a WHERE on it reads
		 * the whole index.
		 */
		"DELETE FROM meeting_fts WHERE rowid IN (SELECT id "
		    "FROM agenda_item WHERE meeting_id = $1)",
		/*
		 * The public projection only: open items of a meeting whose
		 * agenda is public, minutes once approved, open attachments.
		 */
		"INSERT INTO meeting_fts (rowid, title, body, "
		    "minutes, files, meeting_id, body_id, year, section, result) "
		    "SELECT i.id, i.title, "
		    "trim(COALESCE(i.presenter, '') || '\n' || "
		    "COALESCE(i.background, '') || '\n' || "
		    "COALESCE(i.recommendation, ''), '\n'), "
		    "CASE WHEN m.state = 'referat_godkendt' THEN i.minutes END, "
		    "(SELECT group_concat(f.name || COALESCE('\n' || b.text, "
		    "''), '\n') FROM attachment f LEFT JOIN file_blob b ON "
		    "b.hash = f.blob_hash WHERE f.item_id = i.id AND "
		    "f.closed = 0), m.id, m.body_id, "
		    MEETING_YEAR_SQL("m.starts_at") ", "
		    "i.section, CASE WHEN m.state = 'referat_godkendt' THEN "
		    "i.result END FROM agenda_item i JOIN meeting m ON "
		    "m.id = i.meeting_id WHERE m.id = $1 AND i.closed = 0 AND "
		    "m.state <> 'planlagt'",
		/* The filter columns beside them (search_row, migration 007). */
		"DELETE FROM search_row WHERE id IN (SELECT id "
		    "FROM agenda_item WHERE meeting_id = $1)",
		"INSERT INTO search_row (id, body_id, year, section, "
		    "result) SELECT rowid, body_id, year, section, result FROM "
		    "meeting_fts WHERE rowid IN (SELECT id FROM agenda_item "
		    "WHERE meeting_id = $1)",
	};
	struct db_stmt	*st;
	size_t		 i;
	int		 rc;

	for (i = 0; i < sizeof(sql) / sizeof(sql[0]); i++) {
		if ((st = db_prep(db, sql[i], e)) == NULL)
			return ERR_DB;
		db_bind_i64(st, 1, meeting_id);
		if ((rc = db_run(st, e)) != 0)
			return rc;
	}
	return 0;
}

/*
 * The service's FTS5 query (every word quoted, all required, the last a
 * prefix when it ends in '*') as PostgreSQL tsquery text for
 * to_tsquery('danish', …): 'w1' & 'w2' & 'w3':*.
 */
static const char *
pg_tsquery(struct arena *a, const char *match)
{
	struct buf	 b;
	const char	*p = match, *end, *out;
	int		 words = 0;

	buf_init(&b);
	while ((p = strchr(p, '"')) != NULL) {
		if ((end = strchr(p + 1, '"')) == NULL)
			break;
		if (words++ > 0)
			buf_puts(&b, " & ");
		buf_putc(&b, '\'');
		buf_append(&b, p + 1, (size_t)(end - p - 1));
		buf_putc(&b, '\'');
		p = end + 1;
		if (*p == '*')
			buf_puts(&b, ":*");
	}
	out = arena_strdup(a, buf_str(&b));
	buf_cleanup(&b);
	return out;
}

/*
 * The statements of a search, per backend: $1 match (FTS5's MATCH
 * expression, or a tsquery on PostgreSQL), $2 body, $3 year, $4 section,
 * $5 result, $6 limit, $7 offset, $8 SEARCH_MAX_HITS; on SQLite $9/$10
 * the lowest and highest rowid ranked, on PostgreSQL $9 the rowids
 * themselves (an array). The SQLite filters read search_row (a filter on
 * an UNINDEXED column of meeting_fts would read the whole content row of
 * every hit); PostgreSQL's meeting_fts is a plain table with them.
 *
 * newest: the rowids of the $8 + 1 newest hits, newest first, in one walk
 * of the index: their number is the capped count, and the $8-th and the
 * first bound the rows the page ranks, so a rank is computed for those,
 * not for every hit of a common word. page: the ranked page of those
 * rows, the filters applied before the rank (on SQLite bm25(), which is
 * FTS5's rank, computed for the rows the filters keep; ORDER BY rank
 * would rank every row between the bounds first), and the snippets made
 * for the page's rows only, in a second walk between the lowest and the
 * highest of them. PostgreSQL ranks exactly the hits read by the words
 * of title, text and minutes (search_rank, migration 036) and takes the
 * snippet from that text; a hit those words do not answer alone (the
 * query's words are in the attachments) ranks after them, its snippet
 * from the attachments' text. Ties go to the newer item. The join
 * re-checks that the item is open.
 */
struct search_sql {
	const char	*newest;
	const char	*page;
	int		 by_ids;	/* page takes $9 = the rowids */
};

#define SEARCH_FROM(t, f) \
	" FROM meeting_fts " t " CROSS JOIN search_row " f " ON " f ".id = " \
	t ".rowid WHERE " t ".meeting_fts MATCH $1" \
	" AND ($2 = 0 OR " f ".body_id = $2) AND ($3 = 0 OR " f ".year = $3)" \
	" AND ($4 IS NULL OR " f ".section = $4)" \
	" AND ($5 IS NULL OR " f ".result = $5)"
#define SEARCH_COLS "SELECT i.id, m.id, i.number, i.title, m.title, " \
	"b.name, m.starts_at, f.section, f.result, "

static const struct search_sql search_sqlite = {
	"SELECT s.rowid" SEARCH_FROM("s", "f")
	    " ORDER BY s.rowid DESC LIMIT $8 + 1",
	"WITH p AS MATERIALIZED (SELECT h.rowid AS id, bm25(h.meeting_fts) "
	    "AS r" SEARCH_FROM("h", "g") " AND h.rowid BETWEEN $9 AND $10"
	    " ORDER BY r, h.rowid DESC LIMIT $6 OFFSET $7) "
	    SEARCH_COLS "snippet(s.meeting_fts, -1, char(1), char(2), '…', 24)"
	    " FROM meeting_fts s CROSS JOIN p ON p.id = s.rowid"
	    " CROSS JOIN search_row f ON f.id = s.rowid"
	    " CROSS JOIN agenda_item i ON i.id = s.rowid"
	    " CROSS JOIN meeting m ON m.id = i.meeting_id"
	    " CROSS JOIN body b ON b.id = m.body_id"
	    " WHERE s.meeting_fts MATCH $1 AND i.closed = 0 AND s.rowid"
	    " BETWEEN (SELECT min(id) FROM p) AND (SELECT max(id) FROM p)"
	    " ORDER BY p.r, p.id DESC",
	0,
};
#define PG_SNIPPET "'StartSel=' || chr(1) || ', StopSel=' || chr(2) || " \
	"', MaxWords=24, MinWords=8'"
static const struct search_sql search_postgresql = {
	"SELECT f.rowid FROM meeting_fts f"
	    " WHERE f.tsv @@ to_tsquery('danish', $1)"
	    " AND ($2 = 0 OR f.body_id = $2) AND ($3 = 0 OR f.year = $3)"
	    " AND ($4 IS NULL OR f.section = $4)"
	    " AND ($5 IS NULL OR f.result = $5)"
	    " ORDER BY f.rowid DESC LIMIT $8 + 1",
	SEARCH_COLS "CASE WHEN p.main THEN ts_headline('danish', concat_ws("
	    "' ', f.title, f.body, f.minutes), to_tsquery('danish', $1), "
	    PG_SNIPPET ") ELSE ts_headline('danish', f.files, to_tsquery("
	    "'danish', $1), " PG_SNIPPET ") END"
	    " FROM (SELECT k.id, k.tsv @@ q.q AS main, CASE WHEN k.tsv @@ q.q"
	    " THEN ts_rank_cd(k.tsv, q.q) ELSE 0 END AS r"
	    " FROM search_rank k, to_tsquery('danish', $1) q (q)"
	    " WHERE k.id = ANY (CAST($9 AS BIGINT[]))"
	    " ORDER BY r DESC, k.id DESC LIMIT $6 OFFSET $7) p"
	    " JOIN meeting_fts f ON f.rowid = p.id"
	    " JOIN agenda_item i ON i.id = p.id"
	    " JOIN meeting m ON m.id = i.meeting_id JOIN body b ON"
	    " b.id = m.body_id WHERE i.closed = 0"
	    " ORDER BY p.r DESC, p.id DESC",
	1,
};
#undef SEARCH_FROM
#undef SEARCH_COLS
#undef PG_SNIPPET

/*
 * PostgreSQL's planner does not know that testing a row against a
 * tsquery means unpacking its tsvector (3 KB with the attachments'
 * words): for a common word it walks the rowids backwards and tests row
 * after row, or reads the whole table. The GIN index answers the test
 * without the rows (no recheck for words and prefixes), so the newest
 * hits are read through it alone, planned for the query's own words (the
 * generic plan of a prepared statement is made without them). The page
 * reads its rowids by the primary key whatever they are: its generic
 * plan spares planning for the thousand of them each time.
 */
#define PG_NEWEST_ON "SET LOCAL plan_cache_mode = force_custom_plan; " \
	"SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off"
#define PG_NEWEST_OFF "SET LOCAL enable_seqscan TO DEFAULT; " \
	"SET LOCAL enable_indexscan TO DEFAULT; " \
	"SET LOCAL plan_cache_mode = force_generic_plan"

/* Bind the match and the filters of f to st. */
static void
search_bind(struct db_stmt *st, const char *match,
    const struct search_filter *f)
{
	db_bind_text(st, 1, match);
	db_bind_i64(st, 2, f->body_id);
	db_bind_i64(st, 3, f->year);
	db_bind_text(st, 4, f->section);
	db_bind_text(st, 5, f->result);
}

int
meeting_store_search(struct db *db, struct arena *a,
    const struct search_filter *f, struct search_hit **out, size_t *n,
    int64_t *total, struct err *e)
{
	const struct search_sql	*sql = &search_sqlite;
	const char		*match = f->match;
	struct db_stmt		*st;
	struct buf		 ids;
	struct search_hit	*v;
	int64_t			 lo = 0, hi = 0;
	size_t			 k = 0;
	int			 rc, limit = f->limit > 0 && f->limit <= 200 ?
				    f->limit : 20;

	*out = NULL;
	*n = 0;
	*total = 0;
	if (strcmp(db_backend(db), "postgresql") == 0) {
		sql = &search_postgresql;
		match = pg_tsquery(a, f->match);
		if (db_in_txn(db) && db_exec(db, PG_NEWEST_ON, e) != 0)
			return ERR_DB;
	}
	if ((st = db_prep(db, sql->newest, e)) == NULL)
		return ERR_DB;
	search_bind(st, match, f);
	db_bind_i64(st, 8, SEARCH_MAX_HITS);
	buf_init(&ids);
	buf_putc(&ids, '{');
	while ((rc = db_step(st, e)) == DB_ROW) {
		if (*total == 0)
			hi = db_col_i64(st, 0);
		if (*total < SEARCH_MAX_HITS) {
			lo = db_col_i64(st, 0);
			if (sql->by_ids)
				buf_printf(&ids, *total > 0 ? ",%lld" :
				    "%lld", (long long)lo);
		}
		++*total;
	}
	buf_putc(&ids, '}');
	db_reset(st);
	if (rc < 0) {
		buf_cleanup(&ids);
		return err_set(e, ERR_INVALID, "invalid_query", "q",
		    "Søgningen kunne ikke forstås");
	}
	if (sql->by_ids && db_in_txn(db) && db_exec(db, PG_NEWEST_OFF,
	    e) != 0) {
		buf_cleanup(&ids);
		return ERR_DB;
	}
	if (*total == 0 || (st = db_prep(db, sql->page, e)) == NULL) {
		buf_cleanup(&ids);
		return *total == 0 ? 0 : ERR_DB;
	}
	search_bind(st, match, f);
	db_bind_i64(st, 6, limit);
	db_bind_i64(st, 7, f->offset);
	if (sql->by_ids)
		db_bind_text(st, 9, buf_str(&ids));
	else {
		db_bind_i64(st, 9, lo);
		db_bind_i64(st, 10, hi);
	}
	buf_cleanup(&ids);
	v = arena_calloc(a, (size_t)limit, sizeof(*v));
	while ((rc = db_step(st, e)) == DB_ROW && k < (size_t)limit) {
		v[k].item_id = db_col_i64(st, 0);
		v[k].meeting_id = db_col_i64(st, 1);
		v[k].number = (int)db_col_i64(st, 2);
		v[k].title = db_col_dup(st, 3, a);
		v[k].meeting_title = db_col_dup(st, 4, a);
		v[k].body_name = db_col_dup(st, 5, a);
		v[k].starts_at = db_col_dup(st, 6, a);
		v[k].section = db_col_dup(st, 7, a);
		v[k].result = db_col_dup(st, 8, a);
		v[k].snippet = db_col_dup(st, 9, a);
		k++;
	}
	db_reset(st);
	if (rc < 0)
		return rc;
	*out = v;
	*n = k;
	return 0;
}

int64_t
meeting_store_fts_closed_rows(struct db *db)
{
	struct db_stmt	*st;
	int64_t		 n = -1;

	st = db_prep(db, "SELECT count(*) FROM meeting_fts s LEFT JOIN "
	    "agenda_item i ON i.id = s.rowid WHERE i.id IS NULL OR "
	    "i.closed = 1", NULL);
	if (st == NULL)
		return -1;
	if (db_step(st, NULL) == DB_ROW)
		n = db_col_i64(st, 0);
	db_reset(st);
	return n;
}
