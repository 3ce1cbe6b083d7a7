/*
 * cmd_round — `ramme round`: tariff-reporting rounds from the command
 * line (the secretariat's batch work): list, open, show progress, close
 * and reopen, write the XLSX template and read it back, import service
 * lines from CSV, publish, and write the published overview. The rules
 * are in service/round; this file parses arguments, reads files and
 * prints.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "core/org.h"
#include "core/params.h"
#include "core/round.h"
#include "report/csv.h"
#include "service/round.h"
#include "service/round_bulk.h"
#include "service/round_io.h"
#include "service/svc.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

static const char usage_text[] =
    "usage: ramme round list|open|progress|close|reopen|template|upload|"
    "submit-all|approve-all|import-lines|publish|tariffs ... (see `ramme "
    "help round`)\n";

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
	if (cli_session_begin(o.db, &db, &a, &s) != 0)
		return 1;
	err_clear(&e);
	if ((rc = round_list(&s, &v, &n, &e)) != 0) {
		rc = cli_fail(&e);
		goto out;
	}
	for (i = 0; i < n; i++)
		printf("%lld\t%d\t%d\t%s\t%s\t%s\n", (long long)v[i].id,
		    v[i].year, v[i].no, round_status_name(v[i].status),
		    v[i].deadline, v[i].title);
out:
	cli_session_end(db, &a);
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
	if (cli_session_begin(o.db, &db, &a, &s) != 0)
		return 1;
	memcpy(today, s.now_iso, 10);
	today[10] = '\0';
	t.opens_on = vals[1] ? vals[1] : today;
	t.title = vals[2] ? vals[2] : arena_printf(&a, "Takster %d, runde %d",
	    t.year, t.no);
	err_clear(&e);
	if ((rc = round_create(&s, &t, &id, &nsub, &e)) != 0)
		rc = cli_fail(&e);
	else
		printf("round %lld opened: %d round %d, %lld submissions\n",
		    (long long)id, t.year, t.no, (long long)nsub);
	cli_session_end(db, &a);
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
	if (cli_session_begin(o.db, &db, &a, &s) != 0)
		return 1;
	err_clear(&e);
	if ((rc = round_get(&s, id, &t, &p, &e)) != 0) {
		rc = cli_fail(&e);
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
	cli_session_end(db, &a);
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
	if (cli_session_begin(o.db, &db, &a, &s) != 0) {
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
		rc = cli_fail(&e);
	} else
		printf("%d submissions, %d lines imported%s%s\n",
		    rep.submissions, rep.lines, vals[1] ? arena_printf(&a,
		    ", %d approved", rep.approved) : "", vals[2] ?
		    arena_printf(&a, ", %lld tariffs published",
		    (long long)rep.published) : "");
	cli_session_end(db, &a);
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
	if (cli_session_begin(o.db, &db, &a, &s) != 0)
		return 1;
	err_clear(&e);
	if ((rc = round_get(&s, id, &t, NULL, &e)) != 0 ||
	    (rc = round_publish(&s, id, t.version, &n, &e)) != 0)
		rc = cli_fail(&e);
	else
		printf("round %lld published: %lld tariffs\n", (long long)id,
		    (long long)n);
	cli_session_end(db, &a);
	return rc;
}

/* close ID / reopen ID --until DATE */
static int
round_state_cmd(int argc, char **argv, bool reopen)
{
	static const char *const spec[] = { "--until=", NULL };
	const char		*vals[1] = { NULL };
	struct tariff_round	 t;
	struct cli_opts		 o;
	struct db		*db;
	struct arena		 a;
	struct svc		 s;
	struct err		 e;
	int64_t			 id;
	int			 rc;

	if ((rc = cli_parse(argc, argv, reopen ? spec : NULL, vals, &o,
	    reopen ? "round reopen" : "round close")) != 0)
		return rc;
	if (o.npos != 1 || (reopen && vals[0] == NULL)) {
		fprintf(stderr, reopen ? "usage: ramme round reopen ID --until "
		    "DATE [--db PATH]\n" : "usage: ramme round close ID "
		    "[--db PATH]\n");
		return 2;
	}
	if ((rc = parse_id(o.pos[0], &id)) != 0)
		return rc;
	if (cli_session_begin(o.db, &db, &a, &s) != 0)
		return 1;
	err_clear(&e);
	if ((rc = round_get(&s, id, &t, NULL, &e)) != 0 ||
	    (rc = reopen ? round_reopen(&s, id, t.version, vals[0], &e) :
	    round_close(&s, id, t.version, &e)) != 0)
		rc = cli_fail(&e);
	else if (reopen)
		printf("round %lld reopened until %s\n", (long long)id,
		    vals[0]);
	else
		printf("round %lld closed\n", (long long)id);
	cli_session_end(db, &a);
	return rc;
}

static int
round_close_cmd(int argc, char **argv)
{
	return round_state_cmd(argc, argv, false);
}

static int
round_reopen_cmd(int argc, char **argv)
{
	return round_state_cmd(argc, argv, true);
}

/* template ID --out FILE.xlsx [--operator CODE] */
static int
round_template_cmd(int argc, char **argv)
{
	static const char *const spec[] = { "--out=", "--operator=", NULL };
	const char		*vals[2] = { NULL, NULL };
	struct cli_opts		 o;
	struct db		*db;
	struct arena		 a;
	struct svc		 s;
	struct err		 e;
	int64_t			 id;
	int			 rc;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "round template"))
	    != 0)
		return rc;
	if (o.npos != 1 || vals[0] == NULL) {
		fprintf(stderr, "usage: ramme round template ID --out "
		    "FILE.xlsx [--operator CODE] [--db PATH]\n");
		return 2;
	}
	if ((rc = parse_id(o.pos[0], &id)) != 0)
		return rc;
	if (vals[1] != NULL && !org_code_plausible(vals[1])) {
		fprintf(stderr, "ramme round template: --operator skal være en "
		    "organisationskode (3, 4 eller 8 cifre)\n");
		return 2;
	}
	if (cli_session_begin(o.db, &db, &a, &s) != 0)
		return 1;
	err_clear(&e);
	if ((rc = round_io_template(&s, id, vals[1], vals[0], &e)) != 0)
		rc = cli_fail(&e);
	else
		printf("template of round %lld written to %s\n",
		    (long long)id, vals[0]);
	cli_session_end(db, &a);
	return rc;
}

/*
 * Print the errors of an import: line and field (CSV), or the row and
 * the message that names the cell (XLSX).
 */
static void
print_import_errors(const struct round_import_report *rep, bool cells)
{
	int i;

	for (i = 0; i < rep->nerrors; i++) {
		if (cells && rep->errors[i].line > 0)
			fprintf(stderr, "ramme: række %d: %s\n",
			    rep->errors[i].line, rep->errors[i].msg);
		else if (!cells && rep->errors[i].field[0])
			fprintf(stderr, "ramme: linje %d (%s): %s\n",
			    rep->errors[i].line, rep->errors[i].field,
			    rep->errors[i].msg);
		else
			cli_print_err(&rep->errors[i]);
	}
}

/*
 * upload ID FILE.xlsx [--operator CODE]: a filled template back, all or
 * nothing; the file must be the round's and the operator's (the one it
 * names, or CODE), as on the web.
 */
static int
round_upload_cmd(int argc, char **argv)
{
	static const char *const spec[] = { "--operator=", NULL };
	const char			*vals[1] = { NULL };
	struct round_import_report	 rep;
	struct cli_opts			 o;
	struct db			*db;
	struct arena			 a;
	struct svc			 s;
	struct err			 e;
	struct buf			 b;
	int64_t				 id;
	int				 rc;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "round upload")) != 0)
		return rc;
	if (o.npos != 2) {
		fprintf(stderr, "usage: ramme round upload ID FILE.xlsx "
		    "[--operator CODE] [--db PATH]\n");
		return 2;
	}
	if ((rc = parse_id(o.pos[0], &id)) != 0)
		return rc;
	if (vals[0] != NULL && !org_code_plausible(vals[0])) {
		fprintf(stderr, "ramme round upload: --operator skal være en "
		    "organisationskode (3, 4 eller 8 cifre)\n");
		return 2;
	}
	buf_init(&b);
	if ((rc = read_file(o.pos[1], &b)) != 0) {
		buf_cleanup(&b);
		return rc;
	}
	if (cli_session_begin(o.db, &db, &a, &s) != 0) {
		buf_cleanup(&b);
		return 1;
	}
	err_clear(&e);
	memset(&rep, 0, sizeof(rep));
	rc = round_io_upload(&s, id, vals[0], b.data, b.len, &rep, &e);
	buf_cleanup(&b);
	if (rc != 0) {
		print_import_errors(&rep, true);
		rc = cli_fail(&e);
	} else
		printf("%d submissions, %d lines imported, %d still need a "
		    "reason\n", rep.submissions, rep.lines,
		    rep.reasons_missing);
	cli_session_end(db, &a);
	return rc;
}

/* tariffs [filters] [--format csv|xlsx] [--out FILE] */
static int
round_tariffs_cmd(int argc, char **argv)
{
	static const char *const spec[] = { "--year=", "--operator=",
	    "--paragraph=", "--target-group=", "--municipality=",
	    "--versions", "--format=", "--out=", NULL };
	const char		*vals[8];
	struct published_tariff	*v;
	struct tariff_filter	 f;
	struct cli_opts		 o;
	struct db		*db;
	struct arena		 a;
	struct svc		 s;
	struct err		 e;
	struct buf		 out;
	const char		*fmt;
	int64_t			 year;
	size_t			 n;
	FILE			*fp;
	int			 rc;

	memset(vals, 0, sizeof(vals));
	if ((rc = cli_parse(argc, argv, spec, vals, &o, "round tariffs")) != 0)
		return rc;
	fmt = vals[6] ? vals[6] : "csv";
	memset(&f, 0, sizeof(f));
	f.limit = 100000;
	if (o.npos != 0 || (strcmp(fmt, "csv") != 0 &&
	    strcmp(fmt, "xlsx") != 0) || (strcmp(fmt, "xlsx") == 0 &&
	    vals[7] == NULL)) {
		fprintf(stderr, "usage: ramme round tariffs [--year Y] "
		    "[--operator CODE] [--paragraph P] [--target-group G]\n"
		    "       [--municipality CODE] [--versions] "
		    "[--format csv|xlsx] [--out FILE] [--db PATH]\n"
		    "(xlsx needs --out)\n");
		return 2;
	}
	if (vals[0] != NULL) {
		if (text_parse_i64(vals[0], &year) != 0 ||
		    year < PARAMS_YEAR_MIN || year > PARAMS_YEAR_MAX) {
			fprintf(stderr, "ramme round tariffs: --year skal være "
			    "et årstal mellem %d og %d\n", PARAMS_YEAR_MIN,
			    PARAMS_YEAR_MAX);
			return 2;
		}
		f.year = (int)year;
	}
	if (vals[1] != NULL && !org_code_plausible(vals[1])) {
		fprintf(stderr, "ramme round tariffs: --operator skal være en "
		    "organisationskode (3, 4 eller 8 cifre)\n");
		return 2;
	}
	if (vals[4] != NULL && !org_code_valid(ORG_KOMMUNE, vals[4])) {
		fprintf(stderr, "ramme round tariffs: --municipality skal være "
		    "en kommunekode (3 cifre)\n");
		return 2;
	}
	f.operator_code = vals[1];
	f.paragraph = vals[2];
	f.target_group = vals[3];
	f.municipality = vals[4];
	f.all_versions = vals[5] != NULL;
	if (cli_session_begin(o.db, &db, &a, &s) != 0)
		return 1;
	err_clear(&e);
	if ((rc = round_tariffs(&s, &f, &v, &n, NULL, &e)) != 0) {
		rc = cli_fail(&e);
		goto out;
	}
	if (strcmp(fmt, "xlsx") == 0) {
		if ((rc = round_io_tariffs_xlsx(&s, v, n, vals[7], &e)) != 0)
			rc = cli_fail(&e);
		else
			fprintf(stderr, "%zu tariffs written to %s\n", n,
			    vals[7]);
		goto out;
	}
	buf_init(&out);
	round_io_tariffs_csv(&s, v, n, &out);
	fp = vals[7] != NULL ? fopen(vals[7], "wb") : stdout;
	if (fp == NULL) {
		fprintf(stderr, "ramme round tariffs: %s: %s\n", vals[7],
		    strerror(errno));
		rc = 1;
	} else {
		if (fwrite(out.data, 1, out.len, fp) != out.len ||
		    fflush(fp) != 0) {
			fprintf(stderr, "ramme round tariffs: %s\n",
			    strerror(errno));
			rc = 1;
		}
		if (fp != stdout && fclose(fp) != 0)
			rc = 1;
	}
	buf_cleanup(&out);
out:
	cli_session_end(db, &a);
	return rc;
}

/*
 * submit-all ID --operator CODE, approve-all ID: every ready submission
 * of the round moved as on the web, each audited on its own.
 */
static int
round_bulk_cmd(int argc, char **argv, enum round_bulk what)
{
	static const char *const spec[] = { "--operator=", NULL };
	const char		*vals[1] = { NULL };
	const char		*name = what == ROUND_BULK_SUBMIT ?
				    "round submit-all" : "round approve-all";
	struct round_bulk_item	*it;
	struct cli_opts		 o;
	struct db		*db;
	struct arena		 a;
	struct svc		 s;
	struct err		 e;
	size_t			 n, nready, i;
	int64_t			 id;
	int			 rc, done, failed;

	if ((rc = cli_parse(argc, argv, what == ROUND_BULK_SUBMIT ? spec :
	    NULL, what == ROUND_BULK_SUBMIT ? vals : NULL, &o, name)) != 0)
		return rc;
	if (o.npos != 1 || (what == ROUND_BULK_SUBMIT && vals[0] == NULL)) {
		fprintf(stderr, "usage: ramme %s ID%s [--db PATH]\n", name,
		    what == ROUND_BULK_SUBMIT ? " --operator CODE" : "");
		return 2;
	}
	if ((rc = parse_id(o.pos[0], &id)) != 0)
		return rc;
	if (vals[0] != NULL && !org_code_plausible(vals[0])) {
		fprintf(stderr, "ramme %s: --operator skal være en "
		    "organisationskode (3, 4 eller 8 cifre)\n", name);
		return 2;
	}
	if (cli_session_begin(o.db, &db, &a, &s) != 0)
		return 1;
	err_clear(&e);
	if ((rc = round_bulk_plan(&s, id, what, vals[0], &it, &n, &nready,
	    &e)) != 0) {
		rc = cli_fail(&e);
		goto out;
	}
	for (i = 0; i < n; i++)
		if (!it[i].ready)
			fprintf(stderr, "ramme: ikke klar: %s (%s): %s\n",
			    it[i].sub->offer_name, it[i].sub->operator_name,
			    it[i].why);
	if ((rc = round_bulk_act(&s, id, what, vals[0], &done, &failed, &e))
	    != 0) {
		rc = cli_fail(&e);
		goto out;
	}
	printf("%d submissions %s, %zu not ready, %d changed meanwhile\n",
	    done, what == ROUND_BULK_SUBMIT ? "submitted" : "approved",
	    n - nready, failed);
	rc = failed > 0 ? 1 : 0;
out:
	cli_session_end(db, &a);
	return rc;
}

static int
round_submit_all_cmd(int argc, char **argv)
{
	return round_bulk_cmd(argc, argv, ROUND_BULK_SUBMIT);
}

static int
round_approve_all_cmd(int argc, char **argv)
{
	return round_bulk_cmd(argc, argv, ROUND_BULK_APPROVE);
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
		{ "close", round_close_cmd },
		{ "reopen", round_reopen_cmd },
		{ "template", round_template_cmd },
		{ "upload", round_upload_cmd },
		{ "submit-all", round_submit_all_cmd },
		{ "approve-all", round_approve_all_cmd },
		{ "import-lines", round_import_cmd },
		{ "publish", round_publish_cmd },
		{ "tariffs", round_tariffs_cmd },
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
