/*
 * cmd_retention — `ramme retention run [--dry-run]`: delete the personal
 * data past its retention period now, as `ramme serve` does once a day,
 * and print what went (or would go) per table.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "service/retention.h"
#include "service/svc.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/err.h"

static const char usage_text[] =
    "usage: ramme retention run [--dry-run] (see `ramme help retention`)\n";

static int
retention_run_cmd(int argc, char **argv)
{
	static const char *const spec[] = { "--dry-run", NULL };
	const char		*vals[1];
	struct retention_report	 r;
	struct cli_opts		 o;
	struct db		*db;
	struct arena		 a;
	struct svc		 s;
	struct err		 e;
	bool			 dry;
	int			 k, rc;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "retention run")) != 0)
		return rc;
	if (o.npos != 0) {
		fputs(usage_text, stderr);
		return 2;
	}
	dry = vals[0] != NULL;
	if (cli_db_open(o.db, &db) != 0)
		return 1;
	arena_init(&a);
	svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
	err_clear(&e);
	if ((rc = retention_run(&s, dry, &r, &e)) != 0) {
		cli_print_err(&e);
		rc = cli_exit_code(e.code);
		goto out;
	}
	printf("retention periods of %d: login log %lld days, ended sessions "
	    "%lld days, audit %lld years, sent mail %lld days\n", r.year,
	    (long long)r.login_days, (long long)r.session_days,
	    (long long)r.audit_years, (long long)r.mail_days);
	for (k = 0; k < RETENTION_KINDS; k++)
		printf("%s\t%lld\t%s\n",
		    retention_store_table((enum retention_kind)k),
		    (long long)r.n[k],
		    retention_store_what((enum retention_kind)k));
	printf("%lld rows %s\n", (long long)r.total, dry ? "would be deleted "
	    "(dry run: nothing deleted)" : "deleted");
out:
	arena_cleanup(&a);
	db_close(db);
	return rc;
}

int
cmd_retention(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "run") != 0) {
		fputs(usage_text, stderr);
		return 2;
	}
	return retention_run_cmd(argc - 1, argv + 1);
}
