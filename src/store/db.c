/*
 * db — helpers every backend shares, written over the db.h interface
 * only, so they live once and not in each driver.
 */
#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
#include "util/arena.h"
#include "util/err.h"

int
db_run(struct db_stmt *st, struct err *e)
{
	int	rc;

	rc = db_step(st, e);
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
db_run_id(struct db_stmt *st, int64_t *id, struct err *e)
{
	int	rc;

	rc = db_step(st, e);
	if (rc == DB_ROW && id != NULL)
		*id = db_col_i64(st, 0);
	db_reset(st);
	return rc < 0 ? rc : 0;
}

int
db_not_found(struct err *e, const char *what)
{
	return err_set(e, ERR_NOT_FOUND, "not_found", NULL, "%s findes ikke",
	    what);
}

int
db_step_one(struct db_stmt *st, const char *what, struct err *e)
{
	int	rc;

	if ((rc = db_step(st, e)) == DB_ROW)
		return 0;
	db_reset(st);
	return rc < 0 ? rc : db_not_found(e, what);
}

int
db_run_one(struct db *db, struct db_stmt *st, const char *what,
    struct err *e)
{
	int	rc;

	if ((rc = db_run(st, e)) != 0)
		return rc;
	return db_changes(db) == 1 ? 0 : db_not_found(e, what);
}

void
db_bind_opt(struct db_stmt *st, int n, int64_t v)
{
	if (v > 0)
		db_bind_i64(st, n, v);
	else
		db_bind_null(st, n);
}

const char *
db_col_dup(struct db_stmt *st, int col, struct arena *a)
{
	return db_col_null(st, col) ? NULL : arena_strdup(a,
	    db_col_text(st, col));
}
