/*
 * cmd_expenditure — `ramme expenditure import FILE`: load the yearly net
 * expenditure of the municipalities, the region and the whole country
 * from CSV (service/expenditure holds the rules and the layout), all or
 * nothing; errors are printed with their lines.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "report/csv.h"
#include "service/expenditure.h"
#include "service/svc.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"

/* The file at path into b; an exit code on failure (printed). */
static int
read_file(const char *path, struct buf *b)
{
	FILE	*f;
	char	 chunk[65536];
	size_t	 n;
	int	 rc = 0;

	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "ramme expenditure: %s: %s\n", path,
		    strerror(errno));
		return 2;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (b->len + n > CSV_MAX_BYTES) {
			fprintf(stderr, "ramme expenditure: %s: filen er for "
			    "stor (højst 20 MiB)\n", path);
			rc = 2;
			break;
		}
		buf_append(b, chunk, n);
	}
	if (rc == 0 && ferror(f)) {
		fprintf(stderr, "ramme expenditure: %s: %s\n", path,
		    strerror(errno));
		rc = 1;
	}
	fclose(f);
	return rc;
}

int
cmd_expenditure(int argc, char **argv)
{
	static const char *const spec[] = { NULL };
	const char			*vals[1];
	struct cli_opts			 o;
	struct expenditure_report	 rep;
	struct db			*db;
	struct arena			 a;
	struct buf			 b;
	struct svc			 s;
	struct err			 e;
	const char			*base;
	int				 rc, i;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "expenditure")) != 0)
		return rc;
	if (o.npos != 2 || strcmp(o.pos[0], "import") != 0) {
		fprintf(stderr, "usage: ramme expenditure import FILE.csv "
		    "[--db PATH]\n");
		return 2;
	}
	buf_init(&b);
	if ((rc = read_file(o.pos[1], &b)) != 0) {
		buf_cleanup(&b);
		return rc;
	}
	if (cli_db_open(o.db, &db) != 0) {
		buf_cleanup(&b);
		return 1;
	}
	arena_init(&a);
	svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
	err_clear(&e);
	base = strrchr(o.pos[1], '/') != NULL ? strrchr(o.pos[1], '/') + 1 :
	    o.pos[1];
	rc = expenditure_import(&s, buf_str(&b), b.len, base, &rep, &e);
	buf_cleanup(&b);
	if (rc != 0) {
		for (i = 0; i < rep.nerrors; i++)
			cli_print_err(&rep.errors[i]);
		cli_print_err(&e);
		rc = cli_exit_code(rc);
	} else
		printf("%d figures loaded\n", rep.rows);
	arena_cleanup(&a);
	db_close(db);
	return rc;
}
