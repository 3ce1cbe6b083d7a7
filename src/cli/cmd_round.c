/*
 * cmd_round — `ramme round`: tariff-reporting rounds from the command
 * line (the secretariat's batch work): list, open, show progress, import
 * service lines from CSV, and publish. The rules are in service/round;
 * this file parses arguments, reads files and prints.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "core/round.h"
#include "report/csv.h"
#include "service/round.h"
#include "service/round_io.h"
#include "service/svc.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

static const char usage_text[] =
    "usage: ramme round list|open|progress|import-lines|publish ... "
    "(see `ramme help round`)\n";

/* Open the database and a service context acting as the system. */
static int
begin(const char *path, struct db **db, struct arena *a, struct svc *s)
{
	if (cli_db_open(path, db) != 0)
		return 1;
	arena_init(a);
	svc_init(s, *db, a, NULL, (int64_t)time(NULL));
	return 0;
}

static void
end(struct db *db, struct arena *a)
{
	arena_cleanup(a);
	db_close(db);
}

static int
fail(const struct err *e)
{
	cli_print_err(e);
	return cli_exit_code(e->code);
}

static int
parse_id(const char *s, int64_t *id)
{
	if (s == NULL || text_parse_i64(s, id) != 0 || *id <= 0) {
		fprintf(stderr, "ramme round: '%s' is not a round number\n",
		    s ? s : "");
		return 2;
	}
	return 0;
}

static int
round_list_cmd(int argc, char **argv)
{
	struct tariff_round	*v;
	struct cli_opts		 o;
	struct db		*db;
	struct arena		 a;
	struct svc		 s;
	struct err		 e;
	size_t			 n, i;
	int			 rc;

	if ((rc = cli_parse(argc, argv, NULL, NULL, &o, "round list")) != 0)
		return rc;
	if (begin(o.db, &db, &a, &s) != 0)
		return 1;
	err_clear(&e);
	if ((rc = round_list(&s, &v, &n, &e)) != 0) {
		rc = fail(&e);
		goto out;
	}
	for (i = 0; i < n; i++)
		printf("%lld\t%d\t%d\t%s\t%s\t%s\n", (long long)v[i].id,
		    v[i].year, v[i].no, round_status_name(v[i].status),
		    v[i].deadline, v[i].title);
out:
	end(db, &a);
	return rc;
}

static int
parse_pct(const char *v, const char *opt, int64_t *out)
{
	if (v != NULL && text_parse_centi(v, out) != 0) {
		fprintf(stderr, "ramme round open: %s needs a number with at "
		    "most two decimals\n", opt);
		return 2;
	}
	return 0;
}

static int
round_open_cmd(int argc, char **argv)
{
	static const char *const spec[] = { "--deadline=", "--opens=",
	    "--title=", "--pl-pct=", "--warn-pct=", "--covered-only", NULL };
	const char		*vals[6];
	struct tariff_round	 t;
	struct cli_opts		 o;
	struct db		*db;
	struct arena		 a;
	struct svc		 s;
	struct err		 e;
	int64_t			 year, no, id, nsub;
	char			 today[11];
	int			 rc;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "round open")) != 0)
		return rc;
	if (o.npos != 2 || vals[0] == NULL ||
	    text_parse_i64(o.pos[0], &year) != 0 ||
	    text_parse_i64(o.pos[1], &no) != 0 || year < 0 || year > 9999 ||
	    no < 0 || no > 99) {
		fprintf(stderr, "usage: ramme round open YEAR NO --deadline "
		    "DATE [--opens DATE] [--title TEXT] [--pl-pct N] "
		    "[--warn-pct N] [--covered-only] [--db PATH]\n");
		return 2;
	}
	memset(&t, 0, sizeof(t));
	t.year = (int)year;
	t.no = (int)no;
	t.deadline = vals[0];
	t.increase_warn_bp = 500;
	if ((rc = parse_pct(vals[3], "--pl-pct", &t.pl_bp)) != 0 ||
	    (rc = parse_pct(vals[4], "--warn-pct", &t.increase_warn_bp)) != 0)
		return rc;
	t.covered_only = vals[5] != NULL;
	if (begin(o.db, &db, &a, &s) != 0)
		return 1;
	memcpy(today, s.now_iso, 10);
	today[10] = '\0';
	t.opens_on = vals[1] ? vals[1] : today;
	t.title = vals[2] ? vals[2] : arena_printf(&a, "Takster %d, runde %d",
	    t.year, t.no);
	err_clear(&e);
	if ((rc = round_create(&s, &t, &id, &nsub, &e)) != 0)
		rc = fail(&e);
	else
		printf("round %lld opened: %d round %d, %lld submissions\n",
		    (long long)id, t.year, t.no, (long long)nsub);
	end(db, &a);
	return rc;
}

static int
round_progress_cmd(int argc, char **argv)
{
	struct tariff_round	 t;
	struct round_progress	 p;
	struct cli_opts		 o;
	struct db		*db;
	struct arena		 a;
	struct svc		 s;
	struct err		 e;
	int64_t			 id;
	size_t			 i;
	int			 rc, k;

	if ((rc = cli_parse(argc, argv, NULL, NULL, &o, "round progress")) != 0)
		return rc;
	if (o.npos != 1 || (rc = parse_id(o.pos[0], &id)) != 0)
		return rc ? rc : 2;
	if (begin(o.db, &db, &a, &s) != 0)
		return 1;
	err_clear(&e);
	if ((rc = round_get(&s, id, &t, &p, &e)) != 0) {
		rc = fail(&e);
		goto out;
	}
	printf("%d round %d (%s): %lld af %lld operators done\n", t.year, t.no,
	    round_status_name(t.status), (long long)p.operators_done,
	    (long long)p.operators);
	for (k = 0; k < SUBMISSION_STATUS_COUNT; k++)
		printf("  %-10s %lld\n", submission_status_name(
		    (enum submission_status)k), (long long)p.by_status[k]);
	for (i = 0; i < p.nops; i++)
		if (p.ops[i].done < p.ops[i].offers)
			printf("  missing: %s %s (%lld of "
			    "%lld)\n", p.ops[i].code,
			    p.ops[i].name, (long long)p.ops[i].done,
			    (long long)p.ops[i].offers);
out:
	end(db, &a);
	return rc;
}

/* Read the file at path ("-": standard input), at most CSV_MAX_BYTES. */
static int
read_file(const char *path, struct buf *b)
{
	FILE	*f;
	char	 chunk[65536];
	size_t	 n;
	int	 rc = 0;

	f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (f == NULL) {
		fprintf(stderr, "ramme round: %s: %s\n", path, strerror(errno));
		return 2;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (b->len + n > CSV_MAX_BYTES) {
			fprintf(stderr, "ramme round: %s: filen er for stor "
			    "(højst 20 MiB)\n", path);
			rc = 2;
			break;
		}
		buf_append(b, chunk, n);
	}
	if (rc == 0 && ferror(f)) {
		fprintf(stderr, "ramme round: %s: %s\n", path, strerror(errno));
		rc = 1;
	}
	if (f != stdin)
		fclose(f);
	return rc;
}

static int
round_import_cmd(int argc, char **argv)
{
	static const char *const spec[] = { "--round=", "--approve",
	    "--publish", NULL };
	const char			*vals[3];
	struct round_import_report	 rep;
	struct cli_opts			 o;
	struct db			*db;
	struct arena			 a;
	struct svc			 s;
	struct err			 e;
	struct buf			 b;
	int64_t				 id;
	int				 rc, i;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "round import-lines"))
	    != 0)
		return rc;
	if (o.npos != 1 || vals[0] == NULL) {
		fprintf(stderr, "usage: ramme round import-lines FILE.csv "
		    "--round ID [--approve [--publish]] [--db PATH]\n");
		return 2;
	}
	if (vals[2] != NULL && vals[1] == NULL) {
		fprintf(stderr, "ramme round import-lines: --publish needs "
		    "--approve\n");
		return 2;
	}
	if ((rc = parse_id(vals[0], &id)) != 0)
		return rc;
	buf_init(&b);
	if ((rc = read_file(o.pos[0], &b)) != 0) {
		buf_cleanup(&b);
		return rc;
	}
	if (begin(o.db, &db, &a, &s) != 0) {
		buf_cleanup(&b);
		return 1;
	}
	err_clear(&e);
	rc = round_io_import_csv(&s, id, buf_str(&b), b.len,
	    (vals[1] ? ROUND_IMPORT_APPROVE : 0) |
	    (vals[2] ? ROUND_IMPORT_PUBLISH : 0), &rep, &e);
	buf_cleanup(&b);
	if (rc != 0) {
		for (i = 0; i < rep.nerrors; i++) {
			if (rep.errors[i].field[0])
				fprintf(stderr, "ramme: linje %d (%s): %s\n",
				    rep.errors[i].line, rep.errors[i].field,
				    rep.errors[i].msg);
			else
				cli_print_err(&rep.errors[i]);
		}
		rc = fail(&e);
	} else
		printf("%d submissions, %d lines imported%s%s\n",
		    rep.submissions, rep.lines, vals[1] ? arena_printf(&a,
		    ", %d approved", rep.approved) : "", vals[2] ?
		    arena_printf(&a, ", %lld tariffs published",
		    (long long)rep.published) : "");
	end(db, &a);
	return rc;
}

static int
round_publish_cmd(int argc, char **argv)
{
	struct tariff_round	 t;
	struct cli_opts		 o;
	struct db		*db;
	struct arena		 a;
	struct svc		 s;
	struct err		 e;
	int64_t			 id, n;
	int			 rc;

	if ((rc = cli_parse(argc, argv, NULL, NULL, &o, "round publish")) != 0)
		return rc;
	if (o.npos != 1 || (rc = parse_id(o.pos[0], &id)) != 0)
		return rc ? rc : 2;
	if (begin(o.db, &db, &a, &s) != 0)
		return 1;
	err_clear(&e);
	if ((rc = round_get(&s, id, &t, NULL, &e)) != 0 ||
	    (rc = round_publish(&s, id, t.version, &n, &e)) != 0)
		rc = fail(&e);
	else
		printf("round %lld published: %lld tariffs\n", (long long)id,
		    (long long)n);
	end(db, &a);
	return rc;
}

int
cmd_round(int argc, char **argv)
{
	static const struct {
		const char	*name;
		int		(*run)(int, char **);
	} subs[] = {
		{ "list", round_list_cmd },
		{ "open", round_open_cmd },
		{ "progress", round_progress_cmd },
		{ "import-lines", round_import_cmd },
		{ "publish", round_publish_cmd },
	};
	size_t i;

	if (argc < 2) {
		fputs(usage_text, stderr);
		return 2;
	}
	for (i = 0; i < sizeof(subs) / sizeof(subs[0]); i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].run(argc - 1, argv + 1);
	fputs(usage_text, stderr);
	return 2;
}
