/*
 * cmd_pl — `ramme pl list|show|import|export`: the price-and-wage series
 * (service/pl) from the command line. This file parses arguments, reads
 * files and prints.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "core/pl.h"
#include "report/csv.h"
#include "service/pl.h"
#include "service/svc.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

static const char usage_text[] =
    "usage: ramme pl list|show|import|export ... (see `ramme help pl`)\n";

static int
pl_list_cmd(int argc, char **argv)
{
	struct pl_series_row	*v;
	struct cli_opts		 o;
	struct db		*db;
	struct arena		 a;
	struct svc		 s;
	struct err		 e;
	size_t			 n, i;
	int			 rc;

	if ((rc = cli_parse(argc, argv, NULL, NULL, &o, "pl list")) != 0)
		return rc;
	if (o.npos != 0) {
		fputs(usage_text, stderr);
		return 2;
	}
	if (cli_session_begin(o.db, &db, &a, &s) != 0)
		return 1;
	err_clear(&e);
	if ((rc = pl_list(&s, &v, &n, &e)) != 0)
		rc = cli_fail(&e);
	else {
		printf("%-24s %7s %-10s %-9s %s\n", "SERIES", "VERSION",
		    "REVISED", "YEARS", "TITLE");
		for (i = 0; i < n; i++)
			printf("%-24s %7d %-10s %4d-%-4d %s\n", v[i].name,
			    v[i].version, v[i].revised_on, v[i].first_year,
			    v[i].last_year, v[i].title);
	}
	cli_session_end(db, &a);
	return rc;
}

static int
parse_version(const char *s, int *version)
{
	int64_t v;

	*version = 0;
	if (s == NULL)
		return 0;
	if (text_parse_i64(s, &v) != 0 || v < 1 || v > 1000000) {
		fprintf(stderr, "ramme pl: '%s' is not a version number\n", s);
		return 2;
	}
	*version = (int)v;
	return 0;
}

static int
pl_show_cmd(int argc, char **argv)
{
	static const char *const spec[] = { "--version=", "--base=", NULL };
	const char		*vals[2];
	struct pl_series_view	 v;
	struct cli_opts		 o;
	struct db		*db;
	struct arena		 a;
	struct svc		 s;
	struct err		 e;
	char			 pct[24];
	int64_t			 base = 0;
	size_t			 i, k;
	int			 rc, version;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "pl show")) != 0)
		return rc;
	if (o.npos != 1) {
		fputs(usage_text, stderr);
		return 2;
	}
	if ((rc = parse_version(vals[0], &version)) != 0)
		return rc;
	if (vals[1] != NULL && text_parse_i64(vals[1], &base) != 0) {
		fprintf(stderr, "ramme pl show: '%s' is not a year\n", vals[1]);
		return 2;
	}
	if (cli_session_begin(o.db, &db, &a, &s) != 0)
		return 1;
	err_clear(&e);
	if ((rc = pl_show(&s, o.pos[0], version, (int)base, &v, &e)) != 0) {
		rc = cli_fail(&e);
		goto out;
	}
	printf("%s — %s\nversion %d of %d, revised %s, source: %s\n",
	    v.series.name, v.series.title, v.version.version,
	    v.series.version, v.version.revised_on, v.version.source);
	printf("%-6s %10s %14s\n", "YEAR", "PCT", "INDEX");
	for (i = 0; i < v.nvalues; i++) {
		pl_pct_str(v.values[i].pct_e4, pct, sizeof(pct));
		printf("%-6d %10s", v.values[i].year, pct);
		for (k = 0; k < v.nindex; k++)
			if (v.index[k].year == v.values[i].year)
				printf(" %9lld.%04lld",
				    (long long)(v.index[k].index_e4 / 10000),
				    (long long)(v.index[k].index_e4 % 10000));
		putchar('\n');
	}
	if (v.nindex > 0)
		printf("index: %d = 100\n", v.index_base);
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
		fprintf(stderr, "ramme pl: %s: %s\n", path, strerror(errno));
		return 2;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (b->len + n > CSV_MAX_BYTES) {
			fprintf(stderr, "ramme pl: %s: filen er for stor "
			    "(højst 20 MiB)\n", path);
			rc = 2;
			break;
		}
		buf_append(b, chunk, n);
	}
	if (rc == 0 && ferror(f)) {
		fprintf(stderr, "ramme pl: %s: %s\n", path, strerror(errno));
		rc = 1;
	}
	if (f != stdin)
		fclose(f);
	return rc;
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && text_casecmp(s + n - k, suffix) == 0;
}

static int
pl_import_cmd(int argc, char **argv)
{
	static const char *const spec[] = { "--title=", "--revised=",
	    "--note=", "--dry-run", "--format=", NULL };
	const char		*vals[5];
	struct pl_import_opts	 io;
	struct pl_import_report	 rep;
	enum pl_format		 fmt;
	struct cli_opts		 o;
	struct db		*db;
	struct arena		 a;
	struct svc		 s;
	struct err		 e;
	struct buf		 b;
	size_t			 i;
	int			 rc, k;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "pl import")) != 0)
		return rc;
	if (o.npos != 1) {
		fputs(usage_text, stderr);
		return 2;
	}
	if (vals[4] != NULL && strcmp(vals[4], "csv") != 0 &&
	    strcmp(vals[4], "xlsx") != 0) {
		fprintf(stderr, "ramme pl import: --format is csv or xlsx\n");
		return 2;
	}
	fmt = (vals[4] != NULL ? strcmp(vals[4], "xlsx") == 0 :
	    ends_with(o.pos[0], ".xlsx")) ? PL_XLSX : PL_CSV;
	memset(&io, 0, sizeof(io));
	io.title = vals[0];
	io.revised_on = vals[1];
	io.note = vals[2];
	io.dry_run = vals[3] != NULL;
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
	rc = pl_import(&s, buf_str(&b), b.len, fmt, &io, &rep, &e);
	buf_cleanup(&b);
	if (rc != 0) {
		for (k = 0; k < rep.nerrors; k++)
			cli_print_err(&rep.errors[k]);
		rc = rep.nerrors > 0 ? cli_exit_code(rc) : cli_fail(&e);
	} else
		for (i = 0; i < rep.nseries; i++)
			printf("%s: %s version %d (%d years)%s\n",
			    rep.series[i].name, rep.series[i].unchanged ?
			    "unchanged at" : rep.series[i].created ?
			    "created with" : "new", rep.series[i].version,
			    rep.series[i].nyears, io.dry_run ?
			    " — dry run, nothing saved" : "");
	cli_session_end(db, &a);
	return rc;
}

static int
pl_export_cmd(int argc, char **argv)
{
	static const char *const spec[] = { "--version=", "--format=",
	    "--out=", NULL };
	const char	*vals[3];
	struct cli_opts	 o;
	struct db	*db;
	struct arena	 a;
	struct svc	 s;
	struct err	 e;
	struct buf	 b;
	FILE		*f;
	bool		 xlsx;
	int		 rc, version;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "pl export")) != 0)
		return rc;
	if (o.npos != 1 || (vals[1] != NULL && strcmp(vals[1], "csv") != 0 &&
	    strcmp(vals[1], "xlsx") != 0)) {
		fputs(usage_text, stderr);
		return 2;
	}
	xlsx = vals[1] != NULL && strcmp(vals[1], "xlsx") == 0;
	if (xlsx && vals[2] == NULL) {
		fprintf(stderr, "ramme pl export: xlsx needs --out FILE\n");
		return 2;
	}
	if ((rc = parse_version(vals[0], &version)) != 0)
		return rc;
	if (cli_session_begin(o.db, &db, &a, &s) != 0)
		return 1;
	err_clear(&e);
	buf_init(&b);
	rc = pl_export(&s, o.pos[0], version, xlsx ? PL_XLSX : PL_CSV, &b,
	    vals[2], &e);
	if (rc != 0)
		rc = cli_fail(&e);
	else if (!xlsx) {
		f = vals[2] != NULL ? fopen(vals[2], "wb") : stdout;
		if (f == NULL) {
			fprintf(stderr, "ramme pl export: %s: %s\n", vals[2],
			    strerror(errno));
			rc = 1;
		} else {
			if (fwrite(b.data, 1, b.len, f) != b.len)
				rc = 1;
			if (f != stdout ? fclose(f) != 0 : fflush(f) != 0)
				rc = 1;
		}
	}
	buf_cleanup(&b);
	cli_session_end(db, &a);
	return rc;
}

int
cmd_pl(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage_text, stderr);
		return 2;
	}
	if (strcmp(argv[1], "list") == 0)
		return pl_list_cmd(argc - 1, argv + 1);
	if (strcmp(argv[1], "show") == 0)
		return pl_show_cmd(argc - 1, argv + 1);
	if (strcmp(argv[1], "import") == 0)
		return pl_import_cmd(argc - 1, argv + 1);
	if (strcmp(argv[1], "export") == 0)
		return pl_export_cmd(argc - 1, argv + 1);
	fputs(usage_text, stderr);
	return 2;
}
