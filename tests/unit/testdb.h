/*
 * testdb — a fresh, migrated SQLite database in a temporary file for
 * unit tests of storage and services.
 */
#ifndef RAMME_TESTDB_H
#define RAMME_TESTDB_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/db.h"
#include "store/migrate.h"
#include "util/err.h"

struct testdb {
	struct db	*db;
	char		 path[64];
};

static inline int
testdb_open(struct testdb *t)
{
	struct err	e;
	int		fd;

	snprintf(t->path, sizeof(t->path), "/tmp/ramme-unit-XXXXXX");
	if ((fd = mkstemp(t->path)) < 0)
		return -1;
	close(fd);
	if (db_open(&t->db, t->path, &e) != 0 ||
	    migrate_run(t->db, NULL, &e) != 0) {
		fprintf(stderr, "testdb: %s\n", e.msg);
		return -1;
	}
	return 0;
}

static inline void
testdb_close(struct testdb *t)
{
	char side[80];

	db_close(t->db);
	unlink(t->path);
	snprintf(side, sizeof(side), "%s-wal", t->path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", t->path);
	unlink(side);
}

#endif
