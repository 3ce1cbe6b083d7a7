/*
 * cmd_meeting — `ramme meeting import|show|list`: governance meetings
 * from the command line, through service/meeting (which holds the rules;
 * this file reads files and prints). `import` takes files and folders (a
 * folder is searched recursively for .txt, .md, .html, .docx and .pdf;
 * DOCX and PDF are read through report/doc_text), shows a progress line
 * when standard error is a terminal and ends with a summary table;
 * `--dry-run` parses only and shows what would be created and what
 * could not be placed.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "core/decimal.h"
#include "cli/cli.h"
#include "core/minutes.h"
#include "report/doc_text.h"
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
	"usage: ramme meeting import FILE|DIR... [--body KEY|ID] [--dry-run] " \
	"[--db PATH]\n" \
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

/* One file of an import and what became of it. */
struct imp {
	char		*path;
	const char	*result;	/* "oprettet", "fandtes allerede",
					   "ville oprettes", "fejl" */
	const char	*why;		/* the error, or NULL */
	int64_t		 id;		/* the meeting, 0 if none */
	size_t		 nitems;
	size_t		 nunplaced;
	bool		 no_start;	/* its start could not be read */
};

struct imps {
	struct imp	*v;
	size_t		 n;
	size_t		 cap;
};

/* The extensions a folder is searched for. */
static bool
importable(const char *name)
{
	static const char *const ext[] = { ".txt", ".md", ".html", ".htm",
	    ".docx", ".pdf", NULL };
	size_t	n = strlen(name), k, e;

	for (k = 0; ext[k] != NULL; k++) {
		e = strlen(ext[k]);
		if (n > e && strcasecmp(name + n - e, ext[k]) == 0)
			return true;
	}
	return false;
}

static void
imps_add(struct imps *v, const char *path)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 16;
		if ((v->v = realloc(v->v, v->cap * sizeof(*v->v))) == NULL)
			abort();
	}
	memset(&v->v[v->n], 0, sizeof(v->v[0]));
	if ((v->v[v->n++].path = strdup(path)) == NULL)
		abort();
}

/* path, or every importable file under it (sorted, recursively; hidden
   entries skipped). Returns 0, or 2 when path cannot be read. */
static int
collect(struct imps *v, const char *path, bool top)
{
	struct dirent	**ents;
	struct stat	  st;
	char		  sub[4096];
	int		  n, i, rc = 0;

	if (strcmp(path, "-") == 0 || (stat(path, &st) == 0 &&
	    !S_ISDIR(st.st_mode))) {
		if (top || importable(path))
			imps_add(v, path);
		return 0;
	}
	if ((n = scandir(path, &ents, NULL, alphasort)) < 0) {
		fprintf(stderr, "ramme meeting: %s: %s\n", path,
		    strerror(errno));
		return 2;
	}
	for (i = 0; i < n; i++) {
		if (ents[i]->d_name[0] != '.' && (size_t)snprintf(sub,
		    sizeof(sub), "%s/%s", path, ents[i]->d_name) < sizeof(sub))
			rc |= collect(v, sub, false);
		free(ents[i]);
	}
	free(ents);
	return rc;
}

/* The minutes text of a file's data: DOCX and PDF through doc_text, any
   other file as it is (text, markdown or HTML). NULL with *why set when
   none can be read. */
static const char *
text_of(struct svc *s, const char *path, const char *data, size_t len,
    size_t *tlen, const char **why)
{
	const char	*type = doc_text_type(data, len);
	char		*t;

	*tlen = len;
	if (type == NULL)
		return data;
	if (strcmp(type, DOC_TYPE_XLSX) == 0) {
		*why = "et regneark, ikke et referat";
		return NULL;
	}
	t = doc_text_extract_file(s->arena, type, strcmp(path, "-") == 0 ?
	    NULL : path, data, len);
	if (t == NULL) {
		*why = strcmp(type, DOC_TYPE_PDF) == 0 ? "ingen tekst i PDF-"
		    "filen (scannet, eller pdftotext mangler)" :
		    "ingen tekst i Word-filen";
		return NULL;
	}
	*tlen = strlen(t);
	return t;
}

static void
print_notes(const struct minutes_block *u, size_t nu,
    const struct minutes_warning *w, size_t nw)
{
	size_t k;

	for (k = 0; k < nu; k++) {
		fprintf(stderr, "  linje %d: ikke placeret: ", u[k].line);
		print_excerpt(u[k].text);
		fputc('\n', stderr);
	}
	for (k = 0; k < nw; k++) {
		if (w[k].line > 0)
			fprintf(stderr, "  linje %d: %s\n", w[k].line, w[k].msg);
		else
			fprintf(stderr, "  %s\n", w[k].msg);
	}
}

/* Parse only: what an import would create. */
static int
dry_one(struct svc *s, struct imp *im, const char *text, size_t len)
{
	struct minutes_doc	d;
	struct err		e;
	int			rc;

	err_clear(&e);
	if ((rc = minutes_parse(s->arena, text, len, &d, &e)) != 0) {
		im->why = arena_strdup(s->arena, e.msg);
		return rc;
	}
	im->result = "ville oprettes";
	im->nitems = d.nitems;
	im->nunplaced = d.nunplaced;
	im->no_start = d.start == NULL;
	fprintf(stderr, "%s: ville oprette «%s», %s, %zu punkter\n", im->path,
	    d.title ? d.title : d.body ? d.body : "møde uden titel",
	    d.start ? d.start : "starttidspunkt ikke læst", d.nitems);
	print_notes(d.unplaced, d.nunplaced, d.warnings, d.nwarnings);
	return 0;
}

static int
import_one(struct svc *s, struct imp *im, const char *text, size_t len,
    int64_t body_id)
{
	struct meeting_import_result	r;
	struct err			e;
	int				rc;

	err_clear(&e);
	if ((rc = meeting_import(s, im->path, text, len, body_id, &r, &e))
	    != 0) {
		im->why = e.line > 0 ? arena_printf(s->arena, "linje %d: %s",
		    e.line, e.msg) : arena_strdup(s->arena, e.msg);
		return rc;
	}
	im->id = r.id;
	im->result = r.created ? "oprettet" : "fandtes allerede";
	im->nitems = r.nitems;
	im->nunplaced = r.nunplaced;
	im->no_start = r.start_unread;
	printf("%lld\n", (long long)r.id);
	fflush(stdout);
	fprintf(stderr, "%s: møde %lld %s (%zu punkter", im->path,
	    (long long)r.id, im->result, r.nitems);
	if (r.nunplaced > 0)
		fprintf(stderr, ", %zu tekstblokke ikke placeret", r.nunplaced);
	fprintf(stderr, ")\n");
	print_notes(r.unplaced, r.nunplaced, r.warnings, r.nwarnings);
	return 0;
}

/* The summary table after an import of several files. */
static void
summary(const struct imps *v, bool dry)
{
	size_t	i, w = 3, made = 0, old = 0, bad = 0, unpl = 0;

	for (i = 0; i < v->n; i++)
		if (strlen(v->v[i].path) > w)
			w = strlen(v->v[i].path);
	if (w > 60)
		w = 60;
	fprintf(stderr, "\n%-*s  %-16s  %5s  %7s  %13s\n", (int)w, "Fil",
	    "Resultat", "Møde", "Punkter", "Ikke placeret");
	for (i = 0; i < v->n; i++) {
		const struct imp *im = &v->v[i];
		size_t pl = strlen(im->path);

		fprintf(stderr, "%-*s  %-16s  ", (int)w, pl > w ? im->path +
		    pl - w : im->path, im->result);
		if (im->id > 0)
			fprintf(stderr, "%5lld  ", (long long)im->id);
		else
			fprintf(stderr, "%5s  ", "-");
		if (im->why != NULL)
			fprintf(stderr, "%s\n", im->why);
		else
			fprintf(stderr, "%7zu  %13zu%s\n", im->nitems,
			    im->nunplaced, im->no_start ?
			    "  starttidspunkt ikke læst" : "");
		if (im->why != NULL)
			bad++;
		else if (strcmp(im->result, "fandtes allerede") == 0)
			old++;
		else
			made++;
		unpl += im->nunplaced;
	}
	fprintf(stderr, "I alt %zu filer: %zu %s, %zu fandtes allerede, %zu "
	    "fejl, %zu tekstblokke ikke placeret\n", v->n, made,
	    dry ? "ville oprettes" : "oprettet", old, bad, unpl);
}

static int
do_import(struct svc *s, char **files, int nfiles, const char *body,
    bool dry)
{
	struct imps	 v;
	int64_t		 body_id = 0;
	const char	*text;
	char		*data;
	size_t		 len, tlen, i;
	int		 k, rc, worst = 0;
	bool		 tty = isatty(STDERR_FILENO);

	if (nfiles < 1) {
		fputs(USAGE, stderr);
		return 2;
	}
	if (body != NULL && (body_id = body_arg(s, body)) == 0) {
		fprintf(stderr, "ramme meeting: ukendt organ: %s\n", body);
		return 2;
	}
	memset(&v, 0, sizeof(v));
	for (k = 0; k < nfiles; k++)
		worst |= collect(&v, files[k], true);
	for (i = 0; i < v.n; i++) {
		struct imp *im = &v.v[i];

		if (tty && v.n > 1)
			fprintf(stderr, "\r\033[K[%zu/%zu] %s\r\033[K", i + 1,
			    v.n, im->path);
		im->result = "fejl";
		if ((rc = read_file(im->path, &data, &len)) != 0) {
			im->why = "kunne ikke læses";
			worst = rc > worst ? rc : worst;
			continue;
		}
		rc = 0;
		if ((text = text_of(s, im->path, data, len, &tlen, &im->why))
		    == NULL)
			rc = ERR_INVALID;
		else
			rc = dry ? dry_one(s, im, text, tlen) :
			    import_one(s, im, text, tlen, body_id);
		free(data);
		if (rc != 0) {
			fprintf(stderr, "ramme meeting: %s: %s\n", im->path,
			    im->why);
			rc = rc == ERR_INVALID && text == NULL ? 1 :
			    cli_exit_code(rc);
			worst = rc > worst ? rc : worst;
		}
	}
	if (v.n > 1 || dry)
		summary(&v, dry);
	for (i = 0; i < v.n; i++)
		free(v.v[i].path);
	free(v.v);
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
	    "--public", "--dry-run", NULL };
	const char	*vals[5];
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
	} else if ((rc = cli_parse(argc, argv, spec, vals, &o, "meeting")) ==
	    0 && vals[4] != NULL) {
		fputs(USAGE, stderr);
		rc = 2;
	}
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
		rc = do_import(&s, files, nfiles, vals[0], vals[4] != NULL);
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
