/*
 * migrate — schema migrations (see migrate.h).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/migrate.h"
#include "util/embed.h"
#include "util/err.h"

extern const struct embedded_file migrations_sqlite[];
extern const unsigned migrations_sqlite_count;

/* First line of a migration that must run with foreign keys off. */
#define FK_OFF	"-- foreign_keys=off\n"

/*
 * A file's number is the version it brings the database to. Numbers rise
 * from file to file but may skip: branches take numbers ahead of time, and
 * a gap is simply never applied.
 */
int
migrate_latest(void)
{
	if (migrations_sqlite_count == 0)
		return 0;
	return atoi(migrations_sqlite[migrations_sqlite_count - 1].name);
}

int
migrate_steps_after(int version)
{
	unsigned	i;
	int		n = 0;

	for (i = 0; i < migrations_sqlite_count; i++)
		if (atoi(migrations_sqlite[i].name) > version)
			n++;
	return n;
}

int
migrate_run(struct db *db, int *applied, struct err *e)
{
	int	 version, rc, n = 0, num, prev = 0;
	bool	 fk_off = false;
	unsigned i;

	if (applied != NULL)
		*applied = 0;
	if ((rc = db_schema_version_get(db, &version, e)) != 0)
		return rc;
	if (version > migrate_latest())
		return err_set(e, ERR_DB, "schema_too_new", NULL,
		    "Databasen har skemaversion %d, men programmet kender kun "
		    "til version %d", version, migrate_latest());
	for (i = 0; i < migrations_sqlite_count; i++) {
		/* Names are NNN_..., sorted; the numbers must rise. */
		num = atoi(migrations_sqlite[i].name);
		if (num <= prev)
			return err_set(e, ERR_INTERNAL, "migration_order", NULL,
			    "Migrering %s har forkert nummer",
			    migrations_sqlite[i].name);
		prev = num;
		if (num <= version)
			continue;
		/*
		 * A migration that rebuilds a table others refer to runs with
		 * foreign keys off (they cannot change inside a transaction);
		 * db_check_integrity() still checks them before commit.
		 */
		fk_off = strncmp(migrations_sqlite[i].data, FK_OFF,
		    sizeof(FK_OFF) - 1) == 0;
		if (fk_off && (rc = db_exec(db, "PRAGMA foreign_keys=OFF", e))
		    != 0)
			return rc;
		if ((rc = db_begin(db, DB_WRITE, e)) != 0)
			goto done;
		if ((rc = db_exec(db, migrations_sqlite[i].data, e)) != 0 ||
		    (rc = db_schema_version_set(db, num, e)) != 0 ||
		    (rc = db_check_integrity(db, e)) != 0) {
			db_rollback(db);
			goto done;
		}
		if ((rc = db_commit(db, e)) != 0)
			goto done;
		if (fk_off && (rc = db_exec(db, "PRAGMA foreign_keys=ON", e))
		    != 0)
			return rc;
		n++;
	}
	if (applied != NULL)
		*applied = n;
	return 0;
done:
	if (fk_off)
		db_exec(db, "PRAGMA foreign_keys=ON", NULL);
	return rc;
}
