/*
 * Unit tests for src/store: the SQLite driver of the db interface
 * ($n binding, statement cache, transactions, error mapping) and the
 * migrations.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "testdb.h"

static void
test_migrate(void **state)
{
	struct testdb	t;
	struct err	e;
	int		v, applied;

	(void)state;
	assert_int_equal(testdb_open(&t), 0);
	assert_int_equal(db_schema_version_get(t.db, &v, &e), 0);
	assert_int_equal(v, migrate_latest());
	/* Running again applies nothing. */
	assert_int_equal(migrate_run(t.db, &applied, &e), 0);
	assert_int_equal(applied, 0);
	/* A database newer than the program is refused. */
	assert_int_equal(db_schema_version_set(t.db, migrate_latest() + 1, &e),
	    0);
	assert_int_not_equal(migrate_run(t.db, &applied, &e), 0);
	assert_string_equal(e.key, "schema_too_new");
	testdb_close(&t);
}

static void
test_bind_order(void **state)
{
	struct testdb	 t;
	struct db_stmt	*st;
	struct err	 e;

	(void)state;
	assert_int_equal(testdb_open(&t), 0);
	/* $2 appears first: binding must still go by number. */
	st = db_prep(t.db, "SELECT $2 || '-' || $1", &e);
	assert_non_null(st);
	db_bind_text(st, 1, "a");
	db_bind_text(st, 2, "b");
	assert_int_equal(db_step(st, &e), DB_ROW);
	assert_string_equal(db_col_text(st, 0), "b-a");
	db_reset(st);
	/* Cached by address: the same statement comes back. */
	assert_ptr_equal(db_prep(t.db, "SELECT $2 || '-' || $1", &e), st);
	testdb_close(&t);
}

static void
test_constraints_and_tx(void **state)
{
	static const char *ins = "INSERT INTO organisation (code, name, kind, "
	    "created_at, updated_at) VALUES ($1, $2, $3, 'x', 'x')";
	struct testdb	 t;
	struct db_stmt	*st;
	struct err	 e;

	(void)state;
	assert_int_equal(testdb_open(&t), 0);
	assert_int_equal(db_begin(t.db, DB_WRITE, &e), 0);
	st = db_prep(t.db, ins, &e);
	db_bind_text(st, 1, "851");
	db_bind_text(st, 2, "Aalborg");
	db_bind_text(st, 3, "kommune");
	assert_int_equal(db_step(st, &e), DB_DONE);
	db_reset(st);
	db_bind_text(st, 1, "851");
	db_bind_text(st, 2, "Aalborg igen");
	db_bind_text(st, 3, "kommune");
	assert_int_equal(db_step(st, &e), ERR_CONFLICT);
	db_reset(st);
	db_bind_text(st, 1, "852");
	db_bind_text(st, 2, "X");
	db_bind_text(st, 3, "county");	/* CHECK constraint */
	assert_int_equal(db_step(st, &e), ERR_INVALID);
	db_reset(st);
	db_rollback(t.db);
	assert_false(db_in_txn(t.db));
	/* Rolled back: nothing stored. */
	st = db_prep(t.db, "SELECT count(*) FROM organisation", &e);
	assert_int_equal(db_step(st, &e), DB_ROW);
	assert_int_equal(db_col_i64(st, 0), 0);
	db_reset(st);
	/* Foreign keys are on. */
	st = db_prep(t.db, "INSERT INTO population (org_code, year, persons) "
	    "VALUES ('999', 2020, 1)", &e);
	assert_int_equal(db_step(st, &e), ERR_INVALID);
	db_reset(st);
	testdb_close(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_migrate),
		cmocka_unit_test(test_bind_order),
		cmocka_unit_test(test_constraints_and_tx),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
