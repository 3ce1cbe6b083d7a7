/*
 * migrate — schema migrations (see migrate.h).
 */
#include <stdlib.h>

#include "store/db.h"
#include "store/migrate.h"
#include "util/embed.h"
#include "util/err.h"

extern const struct embedded_file migrations_sqlite[];
extern const unsigned migrations_sqlite_count;

int
migrate_latest(void)
{
	return (int)migrations_sqlite_count;
}

int
migrate_run(struct db *db, int *applied, struct err *e)
{
	int	version, rc, n = 0;
	unsigned i;

	if (applied != NULL)
		*applied = 0;
	if ((rc = db_schema_version_get(db, &version, e)) != 0)
		return rc;
	if (version > migrate_latest())
		return err_set(e, ERR_DB, "schema_too_new", NULL,
		    "Databasen har skemaversion %d, men programmet kender kun "
		    "til version %d", version, migrate_latest());
	for (i = (unsigned)version; i < migrations_sqlite_count; i++) {
		/* File i holds version i + 1 (names are NNN_..., sorted). */
		if (atoi(migrations_sqlite[i].name) != (int)i + 1)
			return err_set(e, ERR_INTERNAL, "migration_order", NULL,
			    "Migrering %s har forkert nummer",
			    migrations_sqlite[i].name);
		if ((rc = db_begin(db, DB_WRITE, e)) != 0)
			return rc;
		if ((rc = db_exec(db, migrations_sqlite[i].data, e)) != 0 ||
		    (rc = db_schema_version_set(db, (int)i + 1, e)) != 0 ||
		    (rc = db_check_integrity(db, e)) != 0) {
			db_rollback(db);
			return rc;
		}
		if ((rc = db_commit(db, e)) != 0)
			return rc;
		n++;
	}
	if (applied != NULL)
		*applied = n;
	return 0;
}
