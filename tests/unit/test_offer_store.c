/*
 * Unit tests for src/store/offer_store.c (the list) and core/cursor.c:
 * every list statement walks an index in its sort order (no temporary
 * b-tree for ORDER BY, with and without statistics), and paging by
 * cursor gives every row once in the order of paging by offset, for
 * every sort order, with filters, with NULL operators and locations and
 * ties of the sort key.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/cursor.h"
#include "store/doc_cache.h"
#include "store/offer_store.h"
#include "util/arena.h"
#include "testdb.h"

#define NOFFERS	300

static const char *const sorts[] = { "name", "-name", "id", "-id",
    "operator", "location", "updated", "-updated" };

struct fixture {
	struct testdb		 t;
	struct arena		 a;
	struct doc_cache	*dc;	/* filled by the pages read */
};

/*
 * NOFFERS offers over 3 organisations: every 7th without operator, every
 * 11th without location, every 5th deleted, each name three times (ties
 * of the name under different operators) and 4 distinct update times.
 */
static int
setup(void **state)
{
	struct fixture	*f = calloc(1, sizeof(*f));
	struct err	 e;

	if (f == NULL || testdb_open(&f->t) != 0)
		return -1;
	arena_init(&f->a);
	if ((f->dc = doc_cache_new(1u << 20)) == NULL)
		return -1;
	if (db_exec(f->t.db,
	    "INSERT INTO organisation (code, name, kind, created_at, "
	    "updated_at) SELECT column1, column2, column3, '2025-01-01', "
	    "'2025-01-01' FROM (VALUES ('851', 'Aalborg', 'kommune'), "
	    "('810', 'Brønderslev', 'kommune'), ('1081', "
	    "'Region Nordjylland', 'region'));"
	    "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c "
	    "WHERE i < 300) "
	    "INSERT INTO offer (id, name, name_key, operator_code, "
	    "location_code, kind, covered, status, created_at, updated_at, "
	    "deleted_at, doc) SELECT i, 'Tilbud ' || (i % 40) || ' ' || (i / 120), "
	    "'tilbud ' || (i % 40) || ' ' || (i / 120), CASE WHEN i % 7 = 0 THEN NULL WHEN i % 3 "
	    "= 0 THEN '1081' WHEN i % 3 = 1 THEN '851' ELSE '810' END, "
	    "CASE WHEN i % 11 = 0 THEN NULL WHEN i % 2 = 0 THEN '851' ELSE "
	    "'810' END, CASE WHEN i % 4 = 0 THEN 'day' ELSE 'residential' "
	    "END, i % 2, 'active', '2025-01-01T00:00:00Z', "
	    "'2025-01-0' || (1 + i % 4) || 'T00:00:00Z', CASE WHEN i % 5 = 0 "
	    "THEN '2025-02-01T00:00:00Z' END, json_object('id', i) FROM c;"
	    "INSERT INTO offer_paragraph (offer_id, pos, text, section) "
	    "SELECT id, 0, CASE WHEN id % 3 = 0 THEN 'SEL § 107' ELSE "
	    "'SEL § 85' END, CASE WHEN id % 3 = 0 THEN 107 ELSE 85 END "
	    "FROM offer;", &e) != 0) {
		fprintf(stderr, "setup: %s\n", e.msg);
		return -1;
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	arena_cleanup(&f->a);
	doc_cache_free(f->dc);
	testdb_close(&f->t);
	free(f);
	return 0;
}

/* Fail if a list statement's plan sorts or reads no index in order. */
static void
check_plans(struct fixture *f)
{
	const char	*sql, *detail;
	struct db_stmt	*st;
	struct err	 e;
	int		 i, rc;

	for (i = 0; (sql = offer_store_list_sql(i)) != NULL; i++) {
		st = db_prep(f->t.db, arena_printf(&f->a,
		    "EXPLAIN QUERY PLAN %s", sql), &e);
		assert_non_null(st);
		while ((rc = db_step(st, &e)) == DB_ROW) {
			detail = db_col_text(st, 3);
			if (strstr(detail, "TEMP B-TREE") != NULL)
				fail_msg("statement %d sorts: %s\n%s", i,
				    detail, sql);
		}
		db_reset(st);
		assert_int_equal(rc, DB_DONE);
	}
	/* count, 8 + 8 + 2 pages, 8 lists, 3 batches of children, docs */
	assert_int_equal(i, 31);
}

static void
test_plans(void **state)
{
	struct fixture	*f = *state;
	struct err	 e;

	check_plans(f);			/* a new database: no statistics */
	assert_int_equal(db_exec(f->t.db, "ANALYZE", &e), 0);
	check_plans(f);			/* with statistics */
}

/* The ids (as the test documents hold them) of one page, in order. */
static size_t
page(struct fixture *f, struct offer_filter *flt, int64_t *ids,
    struct cursor *next, int *more)
{
	const char	**docs, **cached;
	struct cursor	  next2;
	size_t		  n, n2, i;
	int64_t		  total, total2, gen;
	int		  more2;
	struct err	  e;

	total = -1;
	assert_int_equal(offer_store_list_docs(f->t.db, &f->a, flt, NULL, 0,
	    &docs, &n, &total, next, more, &e), 0);
	assert_true(total >= (int64_t)n);
	/* The same page through the process's cache, cold or warm. */
	total2 = -1;
	gen = offer_store_generation(f->t.db);
	assert_int_equal(offer_store_list_docs(f->t.db, &f->a, flt, f->dc,
	    gen, &cached, &n2, &total2, &next2, &more2, &e), 0);
	assert_int_equal(n2, n);
	assert_int_equal(total2, total);
	assert_int_equal(more2, *more);
	for (i = 0; i < n; i++)
		assert_string_equal(cached[i], docs[i]);
	for (i = 0; i < n; i++) {
		const char *p = strstr(docs[i], "\"id\"");

		assert_non_null(p);
		ids[i] = strtoll(p + 5, NULL, 10);
	}
	return n;
}

/* Walk flt by cursor (pages of 7) and by offset: the same ids. */
static void
walk(struct fixture *f, struct offer_filter flt)
{
	int64_t		 by_offset[NOFFERS], by_cursor[NOFFERS + 7];
	struct cursor	 next, *cur;
	size_t		 n_off, n_cur = 0, n, i, j;
	int		 more;
	const char	*tok;
	struct err	 e;

	flt.limit = NOFFERS;
	flt.offset = 0;
	flt.after = NULL;
	n_off = page(f, &flt, by_offset, &next, &more);
	assert_false(more);
	flt.limit = 7;
	for (;;) {
		n = page(f, &flt, by_cursor + n_cur, &next, &more);
		n_cur += n;
		assert_true(n_cur <= NOFFERS);
		if (!more)
			break;
		assert_int_equal(n, 7);
		/* Through the token, as a client passes it back. */
		tok = cursor_encode(&f->a, &next);
		cur = arena_calloc(&f->a, 1, sizeof(*cur));
		assert_int_equal(cursor_decode(&f->a, tok, cur, &e), 0);
		flt.after = cur;
	}
	assert_int_equal(n_cur, n_off);
	for (i = 0; i < n_off; i++)
		assert_int_equal(by_cursor[i], by_offset[i]);
	for (i = 0; i < n_off; i++)		/* each row once */
		for (j = i + 1; j < n_off; j++)
			assert_true(by_offset[i] != by_offset[j]);
}

static void
test_cursor_paging(void **state)
{
	struct fixture		*f = *state;
	struct offer_filter	 flt;
	size_t			 i;

	for (i = 0; i < sizeof(sorts) / sizeof(sorts[0]); i++) {
		memset(&flt, 0, sizeof(flt));
		flt.covered = -1;
		flt.sort = sorts[i];
		walk(f, flt);			/* the whole register */
		flt.location_code = "851";
		walk(f, flt);
		flt.location_code = NULL;
		flt.paragraph = "107";
		flt.kind = "residential";
		walk(f, flt);
		flt.paragraph = NULL;
		flt.kind = NULL;
		flt.covered = 1;
		flt.q = "tilbud 1";
		walk(f, flt);
	}
}

static void
test_cursor_check(void **state)
{
	struct fixture		*f = *state;
	struct offer_filter	 flt;
	struct cursor		 c = { 0, 5, "tilbud 5", NULL }, d;
	struct err		 e;

	memset(&flt, 0, sizeof(flt));
	flt.covered = -1;
	flt.after = &c;
	assert_int_equal(offer_store_cursor_check(&flt, &e), 0);
	flt.sort = "-id";			/* made for another order */
	assert_int_equal(offer_store_cursor_check(&flt, &e), ERR_INVALID);
	assert_string_equal(e.key, "invalid_cursor");
	flt.sort = "operator";			/* no name */
	c.sort = 4;
	assert_int_equal(offer_store_cursor_check(&flt, &e), ERR_INVALID);

	/* Tokens: round trip with NULL and odd bytes; garbage refused. */
	c.k1 = NULL;
	c.k2 = "a:b\x1f" "c æøå";
	assert_int_equal(cursor_decode(&f->a, cursor_encode(&f->a, &c), &d,
	    &e), 0);
	assert_int_equal(d.sort, 4);
	assert_int_equal(d.id, 5);
	assert_null(d.k1);
	assert_string_equal(d.k2, c.k2);
	assert_int_equal(cursor_decode(&f->a, "x", &d, &e), ERR_INVALID);
	assert_string_equal(e.key, "invalid_cursor");
	assert_string_equal(e.field, "cursor");
	assert_int_equal(cursor_decode(&f->a, "YWJj", &d, &e), ERR_INVALID);
	assert_int_equal(cursor_decode(&f->a, "", &d, &e), ERR_INVALID);
	assert_int_equal(cursor_decode(&f->a, "Yz E6", &d, &e), ERR_INVALID);
	/* "c1:0:5:3:ab" (a key shorter than its length) */
	assert_int_equal(cursor_decode(&f->a, "YzE6MDo1OjM6YWI", &d, &e),
	    ERR_INVALID);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_plans, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cursor_paging, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_cursor_check, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
