/*
 * migrate — brings a database schema up to date.
 *
 * Migrations are numbered SQL scripts (src/store/migrations/<backend>/
 * NNN_name.sql) compiled into the binary; numbers rise and may leave gaps
 * (a file's number is the version it brings). Each pending step runs in its
 * own write transaction, followed by an integrity check, and records the
 * new version: the file's number. Numbers rise but may skip. Forward
 * only.
 */
#ifndef RAMME_MIGRATE_H
#define RAMME_MIGRATE_H

struct db;
struct err;

/*
 * Apply every migration newer than the database's version. *applied (may
 * be NULL) receives how many ran. Returns 0 or a negative code; on error
 * the failing step is rolled back and earlier steps stay applied.
 */
int	migrate_run(struct db *db, int *applied, struct err *e);
/* The version the binary's newest migration brings a database to. */
int	migrate_latest(void);
/*
 * The same for one backend ("sqlite", "postgresql"): both must be equal,
 * every migration has a file under each backend's folder.
 */
int	migrate_latest_of(const char *backend);

/* The number of migration files numbered above version. */
int	migrate_pending(int version);

#endif
