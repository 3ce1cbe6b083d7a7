/*
 * Unit tests for src/store: the SQLite driver of the db interface
 * ($n binding, statement cache, transactions, error mapping) and the
 * migrations.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "store/migrate.h"
#include "testdb.h"
#include "util/embed.h"

extern const struct embedded_file migrations_sqlite[];
extern const unsigned migrations_sqlite_count;
extern const struct embedded_file migrations_postgresql[];
extern const unsigned migrations_postgresql_count;

/*
 * Every SQLite migration from the PostgreSQL baseline on has a PostgreSQL
 * twin of the same number, and no twin stands alone: a schema change
 * made for one backend only fails here, not on a deployed database.
 */
static void
test_migration_twins(void **state)
{
	unsigned	i, j;
	int		base;

	(void)state;
	assert_true(migrations_postgresql_count > 0);
	base = atoi(migrations_postgresql[0].name);
	for (i = 0; i < migrations_sqlite_count; i++) {
		int n = atoi(migrations_sqlite[i].name);
		bool found = false;

		if (n <= base)
			continue;
		for (j = 0; j < migrations_postgresql_count; j++)
			if (atoi(migrations_postgresql[j].name) == n)
				found = true;
		if (!found)
			fail_msg("no PostgreSQL twin of %s",
			    migrations_sqlite[i].name);
	}
	for (j = 1; j < migrations_postgresql_count; j++) {
		int n = atoi(migrations_postgresql[j].name);
		bool found = false;

		for (i = 0; i < migrations_sqlite_count; i++)
			if (atoi(migrations_sqlite[i].name) == n)
				found = true;
		if (!found)
			fail_msg("no SQLite migration for %s",
			    migrations_postgresql[j].name);
	}
	assert_int_equal(migrate_latest_of("sqlite"),
	    migrate_latest_of("postgresql"));
}

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

/* One integer from sql (no parameters). */
static int64_t
one_int(struct db *db, const char *sql)
{
	struct db_stmt	*st;
	struct err	 e;
	int64_t		 v = -1;

	st = db_prep(db, sql, &e);
	assert_non_null(st);
	if (db_step(st, &e) == DB_ROW)
		v = db_col_i64(st, 0);
	db_reset(st);
	return v;
}

/*
 * 009 rebuilds service_line and published_tariff with the referral dates
 * in their unique keys: a database at version 8 with lines and published
 * tariff versions keeps every row (no referral dates) and the links
 * between them, and afterwards takes the same tariff for a new structure.
 */
static void
test_migrate_referral(void **state)
{
	struct testdb	t;
	struct err	e;
	int		i, v, applied;

	(void)state;
	snprintf(t.path, sizeof(t.path), "/tmp/ramme-unit-XXXXXX");
	i = mkstemp(t.path);
	assert_true(i >= 0);
	close(i);
	assert_int_equal(db_open(&t.db, t.path, &e), 0);
	for (i = 0; i < 8; i++) {
		assert_int_equal(atoi(migrations_sqlite[i].name), i + 1);
		assert_int_equal(db_begin(t.db, DB_WRITE, &e), 0);
		assert_int_equal(db_exec(t.db, migrations_sqlite[i].data, &e),
		    0);
		assert_int_equal(db_schema_version_set(t.db, i + 1, &e), 0);
		assert_int_equal(db_commit(t.db, &e), 0);
	}
	assert_int_equal(db_begin(t.db, DB_WRITE, &e), 0);
	assert_int_equal(db_exec(t.db,
	    "INSERT INTO organisation (code, name, kind, created_at, "
	    "updated_at) VALUES ('851', 'Aalborg', 'kommune', 'x', 'x');"
	    "INSERT INTO offer (id, name, name_key, operator_code, "
	    "created_at, updated_at) VALUES (7, 'Bo', 'bo', '851', 'x', 'x');"
	    "INSERT INTO tariff_round (id, year, no, title, opens_on, "
	    "deadline, created_at, updated_at) VALUES (3, 2031, 1, 'T', "
	    "'2030-06-01', '2030-08-01', 'x', 'x');"
	    "INSERT INTO submission (id, round_id, offer_id, operator_code, "
	    "created_at, updated_at) VALUES (5, 3, 7, '851', 'x', 'x');"
	    "INSERT INTO service_line (submission_id, pos, paragraph, unit, "
	    "places_centi, occupancy_bp, tariff_ore) VALUES (5, 1, "
	    "'SEL § 107', 'day', 1000, 9600, 228300);"
	    "INSERT INTO published_tariff (id, offer_id, year, paragraph, "
	    "unit, version, tariff_ore, occupancy_bp, places_centi, "
	    "valid_from, valid_to, round_id, submission_id, published_at, "
	    "published_by) VALUES (11, 7, 2031, 'SEL § 107', 'day', 1, "
	    "228300, 9600, 1000, '2031-01-01', '2031-12-31', 3, 5, 'x', 'a');"
	    "UPDATE published_tariff SET valid_to = '2031-05-31' WHERE id = 11;"
	    "INSERT INTO published_tariff (id, offer_id, year, paragraph, "
	    "unit, version, tariff_ore, occupancy_bp, places_centi, "
	    "valid_from, valid_to, reason, previous_id, published_at, "
	    "published_by) VALUES (12, 7, 2031, 'SEL § 107', 'day', 2, "
	    "240000, 9600, 1000, '2031-06-01', '2031-12-31', 'Ny normering', "
	    "11, 'x', 'a');", &e), 0);
	assert_int_equal(db_commit(t.db, &e), 0);

	assert_int_equal(migrate_run(t.db, &applied, &e), 0);
	assert_int_equal(applied, migrate_pending(8));
	assert_int_equal(db_schema_version_get(t.db, &v, &e), 0);
	assert_int_equal(v, migrate_latest());
	assert_int_equal(one_int(t.db, "SELECT count(*) FROM service_line "
	    "WHERE submission_id = 5 AND tariff_ore = 228300 AND "
	    "referred_from = '' AND referred_before = ''"), 1);
	assert_int_equal(one_int(t.db, "SELECT count(*) FROM published_tariff "
	    "WHERE referred_from = '' AND referred_before = ''"), 2);
	assert_int_equal(one_int(t.db, "SELECT previous_id FROM "
	    "published_tariff WHERE id = 12"), 11);
	assert_int_equal(one_int(t.db, "SELECT valid_to = '2031-05-31' FROM "
	    "published_tariff WHERE id = 11"), 1);

	/* The same paragraph, level, unit and version for a new structure,
	   but not twice, and only real dates. */
	assert_int_equal(db_begin(t.db, DB_WRITE, &e), 0);
	assert_int_equal(db_exec(t.db, "INSERT INTO published_tariff "
	    "(offer_id, year, paragraph, unit, version, tariff_ore, "
	    "occupancy_bp, places_centi, valid_from, valid_to, published_at, "
	    "published_by, referred_from) VALUES (7, 2031, 'SEL § 107', "
	    "'day', 1, 300000, 9600, 600, '2031-01-01', '2031-12-31', 'x', "
	    "'a', '2031-07-01')", &e), 0);
	assert_int_not_equal(db_exec(t.db, "INSERT INTO published_tariff "
	    "(offer_id, year, paragraph, unit, version, tariff_ore, "
	    "occupancy_bp, places_centi, valid_from, valid_to, published_at, "
	    "published_by) VALUES (7, 2031, 'SEL § 107', 'day', 1, 1, 9600, "
	    "600, '2031-01-01', '2031-12-31', 'x', 'a')", &e), 0);
	assert_int_not_equal(db_exec(t.db, "INSERT INTO service_line "
	    "(submission_id, pos, paragraph, unit, places_centi, "
	    "occupancy_bp, referred_before) VALUES (5, 2, 'SEL § 107', 'day', "
	    "1000, 9600, '1. juli')", &e), 0);
	db_rollback(t.db);
	testdb_close(&t);
}

/* The number of organisations in db. */
static int64_t
count_orgs(struct db *db)
{
	struct db_stmt	*st;
	struct err	 e;
	int64_t		 n = -1;

	st = db_prep(db, "SELECT count(*) FROM organisation", &e);
	assert_non_null(st);
	if (db_step(st, &e) == DB_ROW)
		n = db_col_i64(st, 0);
	db_reset(st);
	return n;
}

/*
 * db_backup writes a new file with the rows of the moment (refusing an
 * existing one) while a read transaction stays open; db_restore puts it
 * back over later changes and refuses a file that is no ramme database.
 */
static void
test_backup_restore(void **state)
{
	struct testdb	 t;
	struct err	 e;
	char		 bak[96], junk[96];
	FILE		*f;

	(void)state;
	assert_int_equal(testdb_open(&t), 0);
	assert_int_equal(db_exec(t.db, "INSERT INTO organisation (code, "
	    "name, kind, created_at, updated_at) VALUES ('851', 'Aalborg', "
	    "'kommune', 'x', 'x')", &e), 0);
	snprintf(bak, sizeof(bak), "%s.bak", t.path);
	snprintf(junk, sizeof(junk), "%s.junk", t.path);
	unlink(bak);
	assert_int_equal(db_backup(t.db, bak, &e), 0);
	assert_int_equal(access(bak, F_OK), 0);
	assert_int_equal(db_backup(t.db, bak, &e), ERR_CONFLICT);

	assert_int_equal(db_exec(t.db, "DELETE FROM organisation", &e), 0);
	assert_int_equal(count_orgs(t.db), 0);
	assert_int_equal(db_restore(t.db, bak, &e), 0);
	assert_int_equal(count_orgs(t.db), 1);

	assert_non_null(f = fopen(junk, "w"));
	fputs("not a database\n", f);
	fclose(f);
	assert_int_not_equal(db_restore(t.db, junk, &e), 0);
	assert_string_equal(e.key, "restore_not_backup");
	assert_int_equal(count_orgs(t.db), 1);
	unlink(bak);
	unlink(junk);
	testdb_close(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_migrate),
		cmocka_unit_test(test_migration_twins),
		cmocka_unit_test(test_backup_restore),
		cmocka_unit_test(test_bind_order),
		cmocka_unit_test(test_constraints_and_tx),
		cmocka_unit_test(test_migrate_referral),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
