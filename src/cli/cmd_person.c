/*
 * cmd_person — `ramme person export|erase`: everything held about one
 * person as JSON or PDF, and the erasure (pseudonymisation) of a person
 * no longer needed (service/privacy.h, docs/privacy.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "cli/cli.h"
#include "report/person_pdf.h"
#include "service/privacy.h"
#include "service/svc.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

static const char usage_text[] =
    "usage: ramme person export ID --format json|pdf --out FILE\n"
    "       ramme person erase ID --reason TEXT\n";

/* Write n bytes to path ("-": standard output). 0 or 1 after a message. */
static int
write_out(const char *path, const char *p, size_t n)
{
	FILE	*f;
	int	 bad;

	if (strcmp(path, "-") == 0)
		return fwrite(p, 1, n, stdout) == n ? 0 : 1;
	if ((f = fopen(path, "wb")) == NULL) {
		fprintf(stderr, "ramme person export: cannot write %s\n", path);
		return 1;
	}
	bad = fwrite(p, 1, n, f) != n;
	if (fclose(f) != 0 || bad) {
		fprintf(stderr, "ramme person export: cannot write %s\n", path);
		return 1;
	}
	return 0;
}

static int
person_export_cmd(int argc, char **argv)
{
	static const char *const spec[] = { "--format=", "--out=", NULL };
	const char	*vals[2];
	struct cli_opts	 o;
	struct db	*db;
	struct arena	 a;
	struct svc	 s;
	struct err	 e;
	struct buf	 b;
	json_t		*d = NULL;
	char		*txt;
	int64_t		 id;
	int		 rc;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "person export")) != 0)
		return rc;
	if (o.npos != 1 || text_parse_i64(o.pos[0], &id) != 0 || id <= 0 ||
	    vals[0] == NULL || (strcmp(vals[0], "json") != 0 &&
	    strcmp(vals[0], "pdf") != 0) || vals[1] == NULL) {
		fputs(usage_text, stderr);
		return 2;
	}
	if (cli_db_open(o.db, &db) != 0)
		return 1;
	arena_init(&a);
	buf_init(&b);
	svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
	err_clear(&e);
	if ((rc = privacy_export(&s, id, &d, &e)) != 0 ||
	    (strcmp(vals[0], "pdf") == 0 &&
	    (rc = person_pdf_write(d, &b, &e)) != 0)) {
		cli_print_err(&e);
		rc = cli_exit_code(e.code);
		goto out;
	}
	if (strcmp(vals[0], "json") == 0) {
		txt = json_dumps(d, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		buf_puts(&b, txt);
		buf_puts(&b, "\n");
		free(txt);
	}
	rc = write_out(vals[1], b.data, b.len);
out:
	json_decref(d);
	buf_cleanup(&b);
	arena_cleanup(&a);
	db_close(db);
	return rc;
}

static int
person_erase_cmd(int argc, char **argv)
{
	static const char *const spec[] = { "--reason=", NULL };
	const char		*vals[1], *name = NULL;
	struct privacy_erased	 x;
	struct cli_opts		 o;
	struct db		*db;
	struct arena		 a;
	struct svc		 s;
	struct err		 e;
	int64_t			 id;
	int			 rc;

	if ((rc = cli_parse(argc, argv, spec, vals, &o, "person erase")) != 0)
		return rc;
	if (o.npos != 1 || text_parse_i64(o.pos[0], &id) != 0 || id <= 0) {
		fputs(usage_text, stderr);
		return 2;
	}
	if (cli_db_open(o.db, &db) != 0)
		return 1;
	arena_init(&a);
	svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
	err_clear(&e);
	if ((rc = privacy_erase(&s, id, vals[0], &x, &name, &e)) != 0) {
		cli_print_err(&e);
		rc = cli_exit_code(e.code);
	} else
		printf("person %lld erased as \"%s\": %lld meeting listings "
		    "renamed, %lld kept in approved minutes, %lld audit rows "
		    "redacted, %lld mails, %lld sessions and %lld login "
		    "attempts deleted\n", (long long)id, name,
		    (long long)x.participants, (long long)x.participants_kept,
		    (long long)x.audit_redacted, (long long)x.mails,
		    (long long)x.sessions, (long long)x.logins);
	arena_cleanup(&a);
	db_close(db);
	return rc;
}

int
cmd_person(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "export") == 0)
		return person_export_cmd(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "erase") == 0)
		return person_erase_cmd(argc - 1, argv + 1);
	fputs(usage_text, stderr);
	return 2;
}
