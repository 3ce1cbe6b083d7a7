/*
 * cmd_backup — `ramme backup` and `ramme restore`: a whole database to
 * a file and back, on either backend (store/db.h: db_backup, db_restore).
 */
#include <stdbool.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "store/db.h"
#include "service/svc.h"
#include "service/twofactor.h"
#include "store/migrate.h"
#include "util/arena.h"
#include "util/err.h"

/* Open the database at where without creating or migrating it. */
static int
open_existing(const char *where, struct db **db)
{
	struct err	e;

	err_clear(&e);
	if (!db_is_uri(where) && access(where, F_OK) != 0) {
		fprintf(stderr, "ramme: Databasen %s findes ikke\n", where);
		return 2;
	}
	if (db_open(db, where, &e) != 0) {
		cli_print_err(&e);
		return 1;
	}
	return 0;
}

/* Remove the SQLite database path made by a restore that failed. */
static void
remove_sqlite(const char *path)
{
	char	side[4096];

	unlink(path);
	if ((size_t)snprintf(side, sizeof(side), "%s-wal", path) < sizeof(side))
		unlink(side);
	if ((size_t)snprintf(side, sizeof(side), "%s-shm", path) < sizeof(side))
		unlink(side);
}

/* Name the key file of the second factors, which no backup holds. */
static void
key_note(const char *where, const char *what)
{
	char		 buf[4096];
	const char	*path;
	bool		 is_default;

	path = cli_key_path(where, NULL, buf, sizeof(buf), &is_default);
	printf("%s: the key file of the second factors (%s); keep a copy of "
	    "it apart from the backups\n", what, path != NULL ? path :
	    "--key-file of the servers");
}

/*
 * After a restore: when the database holds sealed second factors and
 * its key file is not where the servers will look, say so.
 */
static void
restored_key_check(const char *where)
{
	struct db	*db;
	struct arena	 a;
	struct svc	 s;
	struct err	 e;
	char		 buf[4096];
	const char	*path;
	bool		 any = false, is_default;

	err_clear(&e);
	if (db_open(&db, where, &e) != 0)
		return;
	arena_init(&a);
	svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
	(void)twofactor_any_sealed(&s, &any, &e);
	arena_cleanup(&a);
	db_close(db);
	if (!any)
		return;
	path = cli_key_path(where, NULL, buf, sizeof(buf), &is_default);
	if (path != NULL && access(path, R_OK) == 0)
		return;
	fprintf(stderr, "ramme: the restored database has sealed second "
	    "factors: put the key file of the database the backup was taken "
	    "from at %s (or give each server --key-file); without it they "
	    "cannot be used\n", path != NULL ? path : "--key-file");
}

int
cmd_backup(int argc, char **argv)
{
	static const char *const spec[] = { "--out=", NULL };
	const char	*vals[1];
	struct cli_opts	 o;
	struct db	*db;
	struct err	 e;
	int		 rc, version = 0;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "backup")) != 0)
		return rc;
	if (o.npos > 0 || vals[0] == NULL || *vals[0] == '\0') {
		fprintf(stderr, "usage: ramme backup --out FILE [--db PATH]\n");
		return 2;
	}
	if ((rc = open_existing(o.db, &db)) != 0)
		return rc;
	err_clear(&e);
	if ((rc = db_schema_version_get(db, &version, &e)) == 0 &&
	    version <= 0)
		rc = err_set(&e, ERR_INVALID, "backup_empty", NULL,
		    "%s er ikke en ramme-database", o.db);
	if (rc == 0)
		rc = db_backup(db, vals[0], &e);
	db_close(db);
	if (rc != 0)
		return cli_fail(&e);
	printf("backup of %s (schema version %d) written to %s\n", o.db,
	    version, vals[0]);
	key_note(o.db, "not in the backup");
	return 0;
}

int
cmd_restore(int argc, char **argv)
{
	static const char *const spec[] = { "--from=", "--force", NULL };
	const char	*vals[2];
	struct cli_opts	 o;
	struct db	*db;
	struct err	 e;
	int		 rc, version = 0, applied = 0;
	bool		 created;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "restore")) != 0)
		return rc;
	if (o.npos > 0 || vals[0] == NULL || *vals[0] == '\0') {
		fprintf(stderr, "usage: ramme restore --from FILE [--db PATH] "
		    "[--force]\n");
		return 2;
	}
	if (access(vals[0], R_OK) != 0) {
		fprintf(stderr, "ramme: Sikkerhedskopien %s findes ikke\n",
		    vals[0]);
		return 2;
	}
	if (!db_is_uri(o.db) && access(o.db, F_OK) == 0 && vals[1] == NULL) {
		fprintf(stderr, "ramme: Databasen %s findes allerede; stop "
		    "serveren og giv --force for at overskrive den\n", o.db);
		return 2;
	}
	created = !db_is_uri(o.db) && access(o.db, F_OK) != 0;
	err_clear(&e);
	if ((rc = db_open(&db, o.db, &e)) != 0)
		return cli_fail(&e);
	if (db_is_uri(o.db) && vals[1] == NULL &&
	    db_schema_version_get(db, &version, &e) == 0 && version > 0) {
		db_close(db);
		fprintf(stderr, "ramme: Databasen har allerede data (schema "
		    "version %d); stop serveren og giv --force for at "
		    "overskrive den\n", version);
		return 2;
	}
	if ((rc = db_restore(db, vals[0], &e)) == 0 &&
	    (rc = migrate_run(db, &applied, &e)) == 0)
		rc = db_schema_version_get(db, &version, &e);
	db_close(db);
	if (rc != 0 && created)
		remove_sqlite(o.db);
	if (rc != 0)
		return cli_fail(&e);
	printf("%s restored into %s; %d migration(s) applied, schema "
	    "version %d\n", vals[0], o.db, applied, version);
	restored_key_check(o.db);
	return 0;
}
