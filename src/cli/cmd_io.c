/*
 * cmd_io — `ramme import` and `ramme export`: the register from and to
 * files, through register_io (which holds the rules; this file only reads
 * and writes files and prints).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "report/csv.h"
#include "service/register_io.h"
#include "service/svc.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"

/*
 * Read the file at path ("-" for standard input) into *out (free() it),
 * at most CSV_MAX_BYTES. Prints the problem and returns an exit code
 * on failure.
 */
static int
read_input(const char *path, char **out, size_t *len)
{
	struct buf	 b;
	FILE		*f;
	char		 chunk[65536];
	size_t		 n;
	int		 rc = 0;

	f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (f == NULL) {
		fprintf(stderr, "ramme import: %s: %s\n", path,
		    strerror(errno));
		return 2;
	}
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (b.len + n > CSV_MAX_BYTES) {
			fprintf(stderr, "ramme import: %s: filen er for stor "
			    "(højst 20 MiB)\n", path);
			rc = 2;
			break;
		}
		buf_append(&b, chunk, n);
	}
	if (rc == 0 && ferror(f)) {
		fprintf(stderr, "ramme import: %s: %s\n", path,
		    strerror(errno));
		rc = 1;
	}
	if (f != stdin)
		fclose(f);
	if (rc != 0) {
		buf_cleanup(&b);
		return rc;
	}
	*out = buf_release(&b, len);
	return 0;
}

static void
print_problems(const struct register_io_report *rep, const struct err *e)
{
	int i;

	for (i = 0; i < rep->nerrors; i++)
		cli_print_err(&rep->errors[i]);
	if (rep->nerrors == 0 || e->line == 0)
		cli_print_err(e);
}

int
cmd_import(int argc, char **argv)
{
	static const char *const spec[] = { "--dry-run", NULL };
	const char			*vals[1];
	struct cli_opts			 o;
	struct register_io_report	 rep;
	struct db			*db;
	struct arena			 a;
	struct svc			 s;
	struct err			 e;
	char				*data;
	size_t				 len;
	int				 rc, offers, dry_run, i;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "import")) != 0)
		return rc;
	if (o.npos != 2 || (strcmp(o.pos[0], "offers") != 0 &&
	    strcmp(o.pos[0], "organisations") != 0)) {
		fprintf(stderr, "usage: ramme import offers|organisations "
		    "FILE.csv [--db PATH] [--dry-run]\n");
		return 2;
	}
	offers = strcmp(o.pos[0], "offers") == 0;
	dry_run = vals[0] != NULL;
	if ((rc = read_input(o.pos[1], &data, &len)) != 0)
		return rc;
	if (cli_db_open(o.db, &db) != 0) {
		free(data);
		return 1;
	}
	arena_init(&a);
	svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
	err_clear(&e);
	rc = offers ? register_io_import_offers(&s, data, len, dry_run, &rep,
	    &e) : register_io_import_orgs(&s, data, len, dry_run, &rep, &e);
	free(data);
	if (rc != 0) {
		print_problems(&rep, &e);
		rc = cli_exit_code(rc);
	} else {
		for (i = 0; i < rep.nwarnings; i++)
			fprintf(stderr, "ramme: warning: %s\n",
			    rep.warnings[i]);
		if (offers)
			printf("%d created, %d updated, %d unchanged",
			    rep.created, rep.updated, rep.unchanged);
		else
			printf("%d organisations created or updated", rep.orgs);
		printf("%s\n", dry_run ? " (dry run: nothing saved)" : "");
	}
	arena_cleanup(&a);
	db_close(db);
	return rc;
}

/* The export for people (--human) or the one the import reads. */
static int
export_offers(struct svc *s, bool human, enum register_io_format fmt,
    FILE *out, const char *xlsx_path, struct err *e)
{
	return human ? register_io_export_offers_da(s, fmt, out, xlsx_path, e) :
	    register_io_export_offers(s, fmt, out, xlsx_path, e);
}

/* Write the export to path through a temporary file, then rename. */
static int
export_to_file(struct svc *s, bool human, enum register_io_format fmt,
    const char *path, struct err *e)
{
	FILE	*f = NULL;
	char	*tmp;
	int	 rc;

	tmp = arena_printf(s->arena, "%s.tmp%ld", path, (long)getpid());
	if (fmt != REGISTER_IO_XLSX && (f = fopen(tmp, "wb")) == NULL)
		return err_set(e, ERR_IO, "open_failed", NULL,
		    "Filen %.200s kunne ikke oprettes", path);
	rc = export_offers(s, human, fmt, f, tmp, e);
	if (f != NULL && fclose(f) != 0 && rc == 0)
		rc = err_set(e, ERR_IO, "write_failed", NULL,
		    "Filen %.200s kunne ikke skrives", path);
	if (rc == 0 && rename(tmp, path) != 0)
		rc = err_set(e, ERR_IO, "write_failed", NULL,
		    "Filen %.200s kunne ikke skrives", path);
	if (rc != 0)
		unlink(tmp);
	return rc;
}

int
cmd_export(int argc, char **argv)
{
	static const char *const spec[] = { "--format=", "--out=", "--human",
	    NULL };
	const char		*vals[3];
	struct cli_opts		 o;
	enum register_io_format	 fmt;
	struct db		*db;
	struct arena		 a;
	struct svc		 s;
	struct err		 e;
	int			 rc;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "export")) != 0)
		return rc;
	if (o.npos != 1 || strcmp(o.pos[0], "offers") != 0 ||
	    register_io_format_parse(vals[0], &fmt) != 0 ||
	    (vals[2] != NULL && fmt == REGISTER_IO_JSON)) {
		fprintf(stderr, "usage: ramme export offers --format "
		    "csv|json|xlsx [--human] [--out FILE] [--db PATH]\n");
		return 2;
	}
	if (fmt == REGISTER_IO_XLSX && vals[1] == NULL) {
		fprintf(stderr, "ramme export: xlsx needs --out FILE\n");
		return 2;
	}
	if (cli_db_open(o.db, &db) != 0)
		return 1;
	arena_init(&a);
	svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
	err_clear(&e);
	if (vals[1] != NULL)
		rc = export_to_file(&s, vals[2] != NULL, fmt, vals[1], &e);
	else
		rc = export_offers(&s, vals[2] != NULL, fmt, stdout, NULL, &e);
	if (rc != 0) {
		cli_print_err(&e);
		rc = cli_exit_code(rc);
	} else if (vals[1] != NULL)
		fprintf(stderr, "offers exported to %s\n", vals[1]);
	arena_cleanup(&a);
	db_close(db);
	return rc;
}
