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
 * The number of migration file i. Numbers rise but may have gaps: the
 * numbers are handed out ahead of time to changes made side by side,
 * so a build may lack some; the database records the highest applied.
 */
static int
file_no(unsigned i)
{
	return atoi(migrations_sqlite[i].name);
}

int
migrate_latest(void)
{
	return migrations_sqlite_count > 0 ?
	    file_no(migrations_sqlite_count - 1) : 0;
}

int
migrate_run(struct db *db, int *applied, struct err *e)
{
	int	 version, rc, n = 0;
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
		/* Names are NNN_..., sorted, numbers rising from 1. */
		if (file_no(i) <= (i > 0 ? file_no(i - 1) : 0))
			return err_set(e, ERR_INTERNAL, "migration_order", NULL,
			    "Migrering %s har forkert nummer",
			    migrations_sqlite[i].name);
		if (file_no(i) <= version)
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
		    (rc = db_schema_version_set(db, file_no(i), e)) != 0 ||
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
