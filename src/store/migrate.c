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
extern const struct embedded_file migrations_postgresql[];
extern const unsigned migrations_postgresql_count;

/* The migrations of one backend. */
struct mset {
	const struct embedded_file	*f;
	unsigned			 n;
};

static struct mset
mset_of(const char *backend)
{
	struct mset	m;

	if (backend != NULL && strcmp(backend, "postgresql") == 0) {
		m.f = migrations_postgresql;
		m.n = migrations_postgresql_count;
	} else {
		m.f = migrations_sqlite;
		m.n = migrations_sqlite_count;
	}
	return m;
}

/* First line of a migration that must run with foreign keys off. */
#define FK_OFF	"-- foreign_keys=off\n"

/*
 * The number of migration file i. Numbers rise but may have gaps: the
 * numbers are handed out ahead of time to changes made side by side,
 * so a build may lack some; the database records the highest applied.
 */
static int
file_no(const struct mset *m, unsigned i)
{
	return atoi(m->f[i].name);
}

int
migrate_latest_of(const char *backend)
{
	struct mset	m = mset_of(backend);

	return m.n > 0 ? file_no(&m, m.n - 1) : 0;
}

int
migrate_latest(void)
{
	return migrate_latest_of("sqlite");
}

int
migrate_pending(int version)
{
	struct mset	m = mset_of("sqlite");
	unsigned	i;
	int		n = 0;

	for (i = 0; i < m.n; i++)
		if (file_no(&m, i) > version)
			n++;
	return n;
}

int
migrate_run(struct db *db, int *applied, struct err *e)
{
	struct mset	 m = mset_of(db_backend(db));
	bool		 sqlite = strcmp(db_backend(db), "sqlite") == 0;
	int		 version, rc, n = 0, latest;
	bool		 fk_off = false;
	unsigned	 i;

	if (applied != NULL)
		*applied = 0;
	if ((rc = db_schema_version_get(db, &version, e)) != 0)
		return rc;
	latest = migrate_latest_of(db_backend(db));
	if (version > latest)
		return err_set(e, ERR_DB, "schema_too_new", NULL,
		    "Databasen har skemaversion %d, men programmet kender kun "
		    "til version %d", version, latest);
	for (i = 0; i < m.n; i++) {
		/* Names are NNN_..., sorted, numbers rising. */
		if (file_no(&m, i) <= (i > 0 ? file_no(&m, i - 1) : 0))
			return err_set(e, ERR_INTERNAL, "migration_order", NULL,
			    "Migrering %s har forkert nummer", m.f[i].name);
		if (file_no(&m, i) <= version)
			continue;
		/*
		 * A migration that rebuilds a table others refer to runs with
		 * foreign keys off (they cannot change inside a transaction);
		 * db_check_integrity() still checks them before commit.
		 */
		fk_off = sqlite && strncmp(m.f[i].data, FK_OFF,
		    sizeof(FK_OFF) - 1) == 0;
		if (fk_off && (rc = db_exec(db, "PRAGMA foreign_keys=OFF", e))
		    != 0)
			return rc;
		if ((rc = db_begin(db, DB_WRITE, e)) != 0)
			goto done;
		if ((rc = db_exec(db, m.f[i].data, e)) != 0 ||
		    (rc = db_schema_version_set(db, file_no(&m, i), e)) != 0 ||
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
