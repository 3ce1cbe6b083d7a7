/*
 * cmd_meeting — `ramme meeting import|show|list`: governance meetings
 * from the command line, through service/meeting (which holds the rules;
 * this file reads files and prints).
 */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/decimal.h"
#include "cli/cli.h"
#include "core/minutes.h"
#include "report/meeting_view.h"
#include "service/body.h"
#include "service/meeting.h"
#include "service/svc.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

#define USAGE \
	"usage: ramme meeting import FILE... [--body KEY|ID] [--db PATH]\n" \
	"       ramme meeting show ID [--format json|text] [--public] " \
	"[--db PATH]\n" \
	"       ramme meeting list [--body KEY|ID] [--year N] [--db PATH]\n"

/* Read path ("-": standard input), at most MINUTES_MAX_BYTES. */
static int
read_file(const char *path, char **out, size_t *len)
{
	struct buf	 b;
	FILE		*f;
	char		 chunk[65536];
	size_t		 n;
	int		 rc = 0;

	f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (f == NULL) {
		fprintf(stderr, "ramme meeting: %s: %s\n", path,
		    strerror(errno));
		return 2;
	}
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (b.len + n > MINUTES_MAX_BYTES) {
			fprintf(stderr, "ramme meeting: %s: filen er for stor "
			    "(højst 5 MiB)\n", path);
			rc = 2;
			break;
		}
		buf_append(&b, chunk, n);
	}
	if (rc == 0 && ferror(f)) {
		fprintf(stderr, "ramme meeting: %s: %s\n", path,
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
	if (*out == NULL) {
		*out = calloc(1, 1);
		*len = 0;
	}
	return 0;
}

/* The id of a body given as a key ("socdir"), a name or an id; 0 if none. */
static int64_t
body_arg(struct svc *s, const char *arg)
{
	struct body	*v;
	struct err	 e;
	size_t		 n, i;
	int64_t		 id;

	if (text_parse_i64(arg, &id) == 0)
		return id > 0 ? id : 0;
	if (body_list(s, &v, &n, &e) != 0)
		return 0;
	for (i = 0; i < n; i++)
		if ((v[i].key != NULL && strcmp(v[i].key, arg) == 0) ||
		    text_casecmp(v[i].name, arg) == 0 ||
		    (v[i].short_name != NULL &&
		    text_casecmp(v[i].short_name, arg) == 0))
			return v[i].id;
	return 0;
}

/* The first line of text, at most 80 bytes, for messages. */
static void
print_excerpt(const char *text)
{
	size_t n = strcspn(text, "\n");

	if (n > 80)
		n = 80;
	while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80)
		n--;
	fprintf(stderr, "%.*s%s", (int)n, text, text[n] != '\0' ? " …" : "");
}

static int
do_import(struct svc *s, char **files, int nfiles, const char *body)
{
	struct meeting_import_result	 r;
	struct err			 e;
	int64_t				 body_id = 0;
	char				*data;
	size_t				 len, k;
	int				 i, rc, worst = 0;

	if (nfiles < 1) {
		fputs(USAGE, stderr);
		return 2;
	}
	if (body != NULL && (body_id = body_arg(s, body)) == 0) {
		fprintf(stderr, "ramme meeting: ukendt organ: %s\n", body);
		return 2;
	}
	for (i = 0; i < nfiles; i++) {
		if ((rc = read_file(files[i], &data, &len)) != 0) {
			worst = rc > worst ? rc : worst;
			continue;
		}
		err_clear(&e);
		rc = meeting_import(s, files[i], data, len, body_id, &r, &e);
		free(data);
		if (rc != 0) {
			fprintf(stderr, "ramme meeting: %s: ", files[i]);
			if (e.line > 0)
				fprintf(stderr, "linje %d: ", e.line);
			fprintf(stderr, "%s\n", e.msg);
			rc = cli_exit_code(rc);
			worst = rc > worst ? rc : worst;
			continue;
		}
		printf("%lld\n", (long long)r.id);
		fflush(stdout);
		fprintf(stderr, "%s: møde %lld %s (%zu punkter", files[i],
		    (long long)r.id, r.created ? "oprettet" : "fandtes allerede",
		    r.nitems);
		if (r.nunplaced > 0)
			fprintf(stderr, ", %zu tekstblokke ikke placeret",
			    r.nunplaced);
		fprintf(stderr, ")\n");
		for (k = 0; k < r.nunplaced; k++) {
			fprintf(stderr, "  linje %d: ikke placeret: ",
			    r.unplaced[k].line);
			print_excerpt(r.unplaced[k].text);
			fputc('\n', stderr);
		}
		for (k = 0; k < r.nwarnings; k++) {
			if (r.warnings[k].line > 0)
				fprintf(stderr, "  linje %d: %s\n",
				    r.warnings[k].line, r.warnings[k].msg);
			else
				fprintf(stderr, "  %s\n", r.warnings[k].msg);
		}
	}
	return worst;
}

static void
print_text(const struct meeting_view *v)
{
	size_t i, k;

	printf("%s\n", v->title ? v->title : "");
	printf("Organ:  %s\nTid:    %s%s%s\nSted:   %s\nStatus: %s\n",
	    v->body_name ? v->body_name : "", v->start ? v->start : "",
	    v->end ? " - " : "", v->end ? v->end : "",
	    v->place ? v->place : "", v->state ? v->state : "");
	if (v->case_no || v->doc_no)
		printf("Sagsnr./Dok.nr.: %s / %s\n", v->case_no ? v->case_no :
		    "", v->doc_no ? v->doc_no : "");
	for (i = 0; i < v->npeople; i++)
		printf("  %-11s %s%s%s\n", v->people[i].status,
		    v->people[i].name, v->people[i].organisation ? ", " : "",
		    v->people[i].organisation ? v->people[i].organisation : "");
	for (i = 0; i < v->nitems; i++) {
		const struct meeting_view_item *it = &v->items[i];
		printf("\n%d. %s%s\n", it->number, it->title,
		    it->closed ? " (lukket punkt)" : "");
		if (it->recommendation)
			printf("   Indstilling: %s\n", it->recommendation);
		for (k = 0; k < it->nfiles; k++)
			printf("   Bilag: %s\n", it->files[k].name);
		if (it->minutes)
			printf("   Referat: %s\n", it->minutes);
	}
}

static int
do_show(struct svc *s, struct cli_opts *o, const char *format, bool public_)
{
	struct meeting_view	 v;
	struct err		 e;
	json_t			*j;
	int64_t			 id;
	int			 rc;

	if (o->npos != 2 || text_parse_i64(o->pos[1], &id) != 0 ||
	    (format != NULL && strcmp(format, "json") != 0 &&
	    strcmp(format, "text") != 0)) {
		fputs(USAGE, stderr);
		return 2;
	}
	err_clear(&e);
	if ((rc = meeting_view_get(s, id, !public_, &v, &e)) != 0) {
		cli_print_err(&e);
		return cli_exit_code(rc);
	}
	if (format != NULL && strcmp(format, "json") == 0) {
		j = meeting_view_json(&v);
		if (json_dumpf(j, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
		    DECIMAL_JSON_FLAGS)
		    != 0)
			rc = 1;
		json_decref(j);
		putchar('\n');
	} else
		print_text(&v);
	return rc;
}

static int
do_list(struct svc *s, struct cli_opts *o, const char *body,
    const char *year)
{
	struct meeting_filter	 f;
	struct meeting		*v;
	struct err		 e;
	int64_t			 y = 0;
	size_t			 n, i;
	int			 rc;

	memset(&f, 0, sizeof(f));
	if (o->npos != 1 || (year != NULL && (text_parse_i64(year, &y) != 0 ||
	    y < 1900 || y > 2200))) {
		fputs(USAGE, stderr);
		return 2;
	}
	if (body != NULL && (f.body_id = body_arg(s, body)) == 0) {
		fprintf(stderr, "ramme meeting: ukendt organ: %s\n", body);
		return 2;
	}
	f.year = (int)y;
	f.limit = 1000;
	err_clear(&e);
	if ((rc = meeting_list(s, &f, &v, &n, &e)) != 0) {
		cli_print_err(&e);
		return cli_exit_code(rc);
	}
	for (i = 0; i < n; i++)
		printf("%lld\t%s\t%s\t%s\t%s\n", (long long)v[i].id,
		    v[i].starts_at ? v[i].starts_at : "-", v[i].body_name,
		    meeting_state_name(v[i].state), v[i].title);
	return 0;
}

/*
 * Split the arguments of `meeting import` into options (for cli_parse)
 * and any number of files. The arrays are argc long; *nopt and *nfiles
 * receive the counts.
 */
static void
split_import(int argc, char **argv, char **opt, int *nopt, char **files,
    int *nfiles)
{
	int i;

	*nopt = *nfiles = 0;
	opt[(*nopt)++] = argv[0];
	for (i = 2; i < argc; i++) {
		if (strncmp(argv[i], "--", 2) != 0 || strcmp(argv[i], "--") == 0) {
			files[(*nfiles)++] = argv[i];
			continue;
		}
		opt[(*nopt)++] = argv[i];
		if ((strcmp(argv[i], "--db") == 0 ||
		    strcmp(argv[i], "--body") == 0) && i + 1 < argc)
			opt[(*nopt)++] = argv[++i];
	}
	opt[*nopt] = NULL;
}

int
cmd_meeting(int argc, char **argv)
{
	static const char *const spec[] = { "--body=", "--format=", "--year=",
	    "--public", NULL };
	const char	*vals[4];
	struct cli_opts	 o;
	struct db	*db;
	struct arena	 a;
	struct svc	 s;
	char		**opt = NULL, **files = NULL;
	int		 rc, nopt = 0, nfiles = 0;
	bool		 import = argc >= 2 && strcmp(argv[1], "import") == 0;

	if (import) {
		opt = calloc((size_t)argc + 1, sizeof(*opt));
		files = calloc((size_t)argc + 1, sizeof(*files));
		if (opt == NULL || files == NULL)
			abort();
		split_import(argc, argv, opt, &nopt, files, &nfiles);
		rc = cli_parse(nopt, opt, spec, vals, &o, "meeting");
		if (rc == 0 && (vals[1] != NULL || vals[2] != NULL ||
		    vals[3] != NULL)) {
			fputs(USAGE, stderr);
			rc = 2;
		}
	} else
		rc = cli_parse(argc, argv, spec, vals, &o, "meeting");
	if (rc != 0)
		goto out;
	if (!import && (o.npos < 1 || (strcmp(o.pos[0], "show") != 0 &&
	    strcmp(o.pos[0], "list") != 0))) {
		fputs(USAGE, stderr);
		rc = 2;
		goto out;
	}
	if (cli_db_open(o.db, &db) != 0) {
		rc = 1;
		goto out;
	}
	arena_init(&a);
	svc_init(&s, db, &a, NULL, (int64_t)time(NULL));
	if (import)
		rc = do_import(&s, files, nfiles, vals[0]);
	else if (strcmp(o.pos[0], "show") == 0)
		rc = do_show(&s, &o, vals[1], vals[3] != NULL);
	else
		rc = do_list(&s, &o, vals[0], vals[2]);
	arena_cleanup(&a);
	db_close(db);
out:
	free(opt);
	free(files);
	return rc;
}
