/*
 * db_impl — what a storage backend provides behind db.h: a table of
 * operations, and the two structs every backend's own structs begin
 * with. Only db.c and the backends (db_sqlite.c, db_pg.c) include this.
 */
#ifndef RAMME_DB_IMPL_H
#define RAMME_DB_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/db.h"

struct db_ops {
	const char	*name;		/* "sqlite" or "postgresql" */
	void		(*close)(struct db *);
	int		(*exec)(struct db *, const char *, struct err *);
	int		(*begin)(struct db *, enum db_txn, struct err *);
	int		(*commit)(struct db *, struct err *);
	void		(*rollback)(struct db *);
	bool		(*in_txn)(struct db *);
	struct db_stmt	*(*prep)(struct db *, const char *, struct err *);
	void		(*bind_i64)(struct db_stmt *, int, int64_t);
	void		(*bind_text)(struct db_stmt *, int, const char *);
	void		(*bind_blob)(struct db_stmt *, int, const void *,
			    size_t);
	void		(*bind_null)(struct db_stmt *, int);
	void		(*bind_zeroblob)(struct db_stmt *, int, size_t);
	int		(*blob_fill)(struct db *, const char *, const char *,
			    int64_t, int, size_t, struct err *);
	int		(*step)(struct db_stmt *, struct err *);
	int64_t		(*col_i64)(struct db_stmt *, int);
	const char	*(*col_text)(struct db_stmt *, int);
	const void	*(*col_blob)(struct db_stmt *, int, size_t *);
	bool		(*col_null)(struct db_stmt *, int);
	void		(*reset)(struct db_stmt *);
	int64_t		(*changes)(struct db *);
	int		(*version_get)(struct db *, int *, struct err *);
	int		(*version_set)(struct db *, int, struct err *);
	int		(*check_integrity)(struct db *, struct err *);
	int		(*backup)(struct db *, const char *, struct err *);
	int		(*restore)(struct db *, const char *, struct err *);
};

/* The head of every backend's connection. */
struct db {
	const struct db_ops	*ops;
	uint64_t		 busy_ns;	/* ns spent in statements */
};

/* The head of every backend's prepared statement. */
struct db_stmt {
	struct db		*db;
	const char		*sql;		/* the cache key */
};

/* Monotonic nanoseconds, for busy_ns. */
uint64_t db_mono_ns(void);

/* The SQLite backend: path is a file name. */
int	 db_sqlite_open(struct db **out, const char *path, struct err *e);
/* The PostgreSQL backend: uri is a libpq connection URI. */
int	 db_pg_open(struct db **out, const char *uri, struct err *e);

#endif
