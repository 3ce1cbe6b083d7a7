/*
 * cmd_db — `ramme init` and `ramme migrate`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli/cli.h"
#include "service/cycle.h"
#include "service/demo.h"
#include "service/meeting.h"
#include "service/pl.h"
#include "service/register_io.h"
#include "service/svc.h"
#include "store/db.h"
#include "store/migrate.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/seal.h"

/* Create the directory that will hold path, if it has one. */
static void
make_parent(const char *path)
{
	char	*dir = strdup(path), *slash;

	if (dir != NULL && (slash = strrchr(dir, '/')) != NULL && slash != dir) {
		*slash = '\0';
		mkdir(dir, 0755);
	}
	free(dir);
}

/* The current calendar year (UTC). */
static int
year_now(void)
{
	struct tm	tm;
	time_t		t = time(NULL);

	gmtime_r(&t, &tm);
	return tm.tm_year + 1900;
}

int
cmd_init(int argc, char **argv)
{
	static const char *const spec[] = { "--demo", "--no-minutes",
	    "--no-example", "--key-file=", NULL };
	const char		*vals[4];
	struct seal_key		 key;
	struct cli_opts		 o;
	struct db		*db;
	struct arena		 a;
	struct svc		 s;
	struct err		 e;
	struct register_io_report rep;
	struct demo_report	 drep;
	int			 rc, version, nmeet, nrules;
	bool			 loaded;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "init")) != 0)
		return rc;
	if (o.npos > 0) {
		fprintf(stderr, "ramme init: unexpected argument %s\n", o.pos[0]);
		return 2;
	}
	make_parent(o.db);
	if (cli_db_open(o.db, &db) != 0)
		return 1;
	err_clear(&e);
	db_schema_version_get(db, &version, &e);
	printf("database %s at schema version %d\n", o.db, version);
	/* The key file first: a wrong one stops init before it loads data. */
	arena_init(&a);
	svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
	rc = cli_totp_key(&s, o.db, vals[3], &key, &e);
	seal_key_wipe(&key);
	arena_cleanup(&a);
	if (rc != 0) {
		cli_print_err(&e);
		db_close(db);
		return cli_exit_code(rc);
	}
	arena_init(&a);
	svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
	if ((rc = pl_load_initial(&s, &loaded, &e)) != 0) {
		cli_print_err(&e);
		arena_cleanup(&a);
		db_close(db);
		return cli_exit_code(rc);
	}
	if (loaded)
		printf("price-and-wage series " PL_STATE_SERIES
		    " loaded (version 1)\n");
	rc = cycle_seed_defaults(&s, &nrules, &e);
	arena_cleanup(&a);
	if (rc != 0) {
		cli_print_err(&e);
		db_close(db);
		return cli_exit_code(rc);
	}
	if (nrules > 0)
		printf("annual cycle: %d default rules\n", nrules);
	if (vals[0] != NULL) {
		arena_init(&a);
		svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
		if ((rc = register_io_load_demo(&s, &rep, &e)) != 0) {
			cli_print_err(&e);
			rc = cli_exit_code(rc);
		} else
			printf("demo data: %d organisations, %d offers created, "
			    "%d updated\n", rep.orgs, rep.created, rep.updated);
		if (rc == 0 && (rc = demo_totp_optional(&s,
		    year_now(), &e)) != 0) {
			cli_print_err(&e);
			rc = cli_exit_code(rc);
		} else if (rc == 0)
			printf("demo data: second factor optional for admins "
			    "(totp_required_admin = 0 from %d on)\n",
			    year_now());
		if (rc == 0 && vals[1] == NULL &&
		    (rc = meeting_load_demo(&s, &nmeet, &e)) != 0) {
			cli_print_err(&e);
			rc = cli_exit_code(rc);
		} else if (rc == 0 && vals[1] == NULL)
			printf("demo data: %d meetings imported from minutes\n",
			    nmeet);
		if (rc == 0 && vals[2] == NULL) {
			if ((rc = demo_example_year(&s, &drep, &e)) != 0) {
				cli_print_err(&e);
				rc = cli_exit_code(rc);
			} else
				printf("demo data: example year: %d accounts, "
				    "%d submissions, %lld tariffs published\n",
				    drep.accounts, drep.submissions,
				    (long long)drep.tariffs);
		}
		arena_cleanup(&a);
	}
	db_close(db);
	return rc;
}

int
cmd_migrate(int argc, char **argv)
{
	static const char *const spec[] = { "--key-file=", NULL };
	const char	*vals[1];
	struct cli_opts	 o;
	struct db	*db;
	struct arena	 a;
	struct svc	 s;
	struct err	 e;
	struct seal_key	 key;
	int		 rc, applied, version, nrules;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "migrate")) != 0)
		return rc;
	err_clear(&e);
	if ((rc = db_open(&db, o.db, &e)) != 0) {
		cli_print_err(&e);
		return 1;
	}
	if ((rc = migrate_run(db, &applied, &e)) != 0) {
		cli_print_err(&e);
		db_close(db);
		return 1;
	}
	db_schema_version_get(db, &version, &e);
	printf("%d migration(s) applied; schema version %d\n", applied,
	    version);
	/* A database brought up to date gets the annual cycle as init. */
	arena_init(&a);
	svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
	rc = cycle_seed_defaults(&s, &nrules, &e);
	if (rc != 0)
		cli_print_err(&e);
	else if (nrules > 0)
		printf("annual cycle: %d default rules\n", nrules);
	/* The secrets an earlier version stored plain are sealed. */
	if (rc == 0 && (rc = cli_totp_key(&s, o.db, vals[0], &key, &e)) != 0)
		cli_print_err(&e);
	seal_key_wipe(&key);
	arena_cleanup(&a);
	db_close(db);
	return rc != 0 ? cli_exit_code(rc) : 0;
}
