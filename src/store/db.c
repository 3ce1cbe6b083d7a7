/*
 * db — helpers every backend shares, written over the db.h interface
 * only, so they live once and not in each driver.
 */
#include <stddef.h>
#include <stdint.h>

#include "store/db.h"
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
