/*
 * pdf — agenda, minutes and meeting packet as PDF (see pdf.h).
 *
 * Drawn on a pdf_doc (see pdf_doc.h): a single column flowing down A4
 * pages, text broken between lines at the bottom margin; headings ask
 * for room for a few lines after them so they never end a page. Of the
 * document's two passes the first only counts pages, the second draws
 * "Side n af N" and the bookmarks.
 *
 * The packet joins PDFs with pdfunite (poppler-utils) through
 * posix_spawnp, never a shell; see pdf_packet_write() in pdf.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cairo-pdf.h>

#include "report/meeting_fmt.h"
#include "report/meeting_view.h"
#include "report/pdf.h"
#include "report/pdf_doc.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/mem.h"

#define LABEL_W		(36.0 * PDF_PT_PER_MM)	/* header block labels */
#define INDENT		PDF_INDENT		/* bilag list */

/* An attachment on the packet's contents page. */
struct pdf_att {
	const char	*name;		/* shown name of the file */
	const struct meeting_view_item *item;
};

enum att_page {
	ATT_NONE,			/* no contents page */
	ATT_MERGED,			/* the attachments follow */
	ATT_SEPARATE			/* they could not be joined */
};

struct pdf {
	struct pdf_doc		*d;		/* the pass being drawn */
	const struct meeting_view *v;
	enum pdf_kind		 kind;
	bool			 include_closed;
	int			 outline;	/* bookmark parent of items */
	const struct pdf_att	*att;		/* packet contents page */
	size_t			 natt;
	enum att_page		 att_page;
};

static const char *
kind_name(enum pdf_kind kind)
{
	return kind == PDF_MINUTES ? "Referat" : "Dagsorden";
}

static bool
cancelled(const struct meeting_view *v)
{
	return v->cancelled || (v->state != NULL &&
	    strcmp(v->state, "aflyst") == 0);
}

/* Minutes not yet approved are printed as a draft. */
static bool
draft(const struct pdf *p)
{
	return p->kind == PDF_MINUTES && !meeting_fmt_minutes_approved(p->v);
}

/* ---- Text and pages -------------------------------------------------- */

static PangoLayout *
layout(struct pdf *p, enum pdf_font f, const char *prefix, const char *text,
    double width)
{
	return pdf_doc_layout(p->d, f, prefix, text, width, PANGO_ALIGN_LEFT);
}

/* Height of one line of running text. */
static double
line_height(struct pdf *p)
{
	return pdf_doc_line_height(p->d, PDF_BODY);
}

/*
 * Running text (nothing when text is blank): each line of text is a
 * paragraph, set PARA_GAP apart; blank lines only separate. prefix
 * (bold) goes before the first.
 */
#define PARA_GAP	3.0

static void
para(struct pdf *p, enum pdf_font f, const char *prefix, const char *text,
    double before)
{
	PangoLayout	*l;
	const char	*s, *nl;
	char		*one;
	bool		 first = true;

	if (meeting_fmt_blank(text))
		return;
	for (s = text; *s != '\0'; s = *nl != '\0' ? nl + 1 : nl) {
		if ((nl = strchr(s, '\n')) == NULL)
			nl = s + strlen(s);
		one = xmalloc((size_t)(nl - s) + 1);
		memcpy(one, s, (size_t)(nl - s));
		one[nl - s] = '\0';
		if (!meeting_fmt_blank(one)) {
			l = layout(p, f, first ? prefix : NULL, one,
			    PDF_TEXT_W);
			pdf_doc_space(p->d, first ? before : PARA_GAP,
			    line_height(p));
			cairo_tag_begin(p->d->cr, "P", NULL);
			pdf_doc_flow(p->d, l, 0.0);
			cairo_tag_end(p->d->cr, "P");
			g_object_unref(l);
			first = false;
		}
		free(one);
	}
}

/*
 * A heading kept together with the given number of lines of what
 * follows, tagged tag ("H1" ...).
 */
static void
heading(struct pdf *p, enum pdf_font f, const char *tag, const char *text,
    double before, double keep_lines)
{
	pdf_doc_heading(p->d, f, tag, text, before,
	    keep_lines * line_height(p));
}

/* A bold label ("Indstilling") followed by its text. */
static void
labelled(struct pdf *p, const char *label, const char *text)
{
	if (meeting_fmt_blank(text))
		return;
	heading(p, PDF_BOLD, "H4", label, 7.0, 3.0);
	para(p, PDF_BODY, NULL, text, 1.0);
}

/* A bookmark to the last heading (second pass only). */
static int
bookmark(struct pdf *p, int parent, const char *title)
{
	struct buf	attrs, t;
	int		id;

	if (p->d->total == 0)
		return parent;
	buf_init(&attrs);
	buf_init(&t);
	meeting_fmt_utf8(&t, title);
	buf_printf(&attrs, "page=%d pos=[%d %d]", p->d->mark_page,
	    (int)PDF_MARGIN_L, (int)p->d->mark_y);
	id = cairo_pdf_surface_add_outline(p->d->surface, parent, buf_str(&t),
	    buf_str(&attrs), 0);
	buf_cleanup(&attrs);
	buf_cleanup(&t);
	return id;
}

/* ---- The document ----------------------------------------------------- */

/* A person without a status counts as a participant. */
static bool
has_status(const struct meeting_view_person *mp, const char *status)
{
	if (meeting_fmt_blank(mp->name))
		return false;
	if (mp->status == NULL)
		return strcmp(status, "deltager") == 0;
	return strcmp(mp->status, status) == 0;
}

/* "A, B og C" of the people with the given status. */
static void
people_list(struct buf *b, const struct meeting_view *v, const char *status)
{
	size_t	i, n = 0, k = 0;

	for (i = 0; i < v->npeople; i++)
		if (has_status(&v->people[i], status))
			n++;
	for (i = 0; i < v->npeople; i++) {
		const struct meeting_view_person *mp = &v->people[i];

		if (!has_status(mp, status))
			continue;
		if (k > 0)
			buf_puts(b, k + 1 == n ? " og " : ", ");
		k++;
		buf_puts(b, mp->name);
		/* "Name (Organisation, note)", as minutes write it */
		if (!meeting_fmt_blank(mp->organisation) &&
		    !meeting_fmt_blank(mp->note))
			buf_printf(b, " (%s, %s)", mp->organisation, mp->note);
		else if (!meeting_fmt_blank(mp->organisation))
			buf_printf(b, " (%s)", mp->organisation);
		else if (!meeting_fmt_blank(mp->note))
			buf_printf(b, " (%s)", mp->note);
		if (!meeting_fmt_blank(mp->substitute))
			buf_printf(b, strcmp(status, "afbud") == 0 ?
			    " – %s deltog i stedet" : " (stedfortræder: %s)",
			    mp->substitute);
	}
}

/* One row of the header block; nothing when value is blank. */
static void
header_row(struct pdf *p, const char *label, const char *value)
{
	PangoLayout	*lab, *val;
	double		 h;

	if (meeting_fmt_blank(value))
		return;
	lab = layout(p, PDF_BOLD, NULL, label, LABEL_W - 6.0);
	val = layout(p, PDF_BODY, NULL, value, PDF_TEXT_W - LABEL_W);
	h = pdf_doc_layout_height(val);
	if (pdf_doc_layout_height(lab) > h)
		h = pdf_doc_layout_height(lab);
	if (p->d->y + h > PDF_TEXT_BOTTOM && !pdf_doc_page_empty(p->d))
		pdf_doc_new_page(p->d);
	cairo_tag_begin(p->d->cr, "P", NULL);
	cairo_move_to(p->d->cr, PDF_MARGIN_L, p->d->y);
	pango_cairo_show_layout(p->d->cr, lab);
	cairo_move_to(p->d->cr, PDF_MARGIN_L + LABEL_W, p->d->y);
	pango_cairo_show_layout(p->d->cr, val);
	cairo_tag_end(p->d->cr, "P");
	p->d->y += h + 3.0;
	g_object_unref(lab);
	g_object_unref(val);
}

static void
header(struct pdf *p)
{
	const struct meeting_view	*v = p->v;
	struct buf			 b;

	buf_init(&b);
	buf_puts(&b, kind_name(p->kind));
	if (draft(p))
		buf_puts(&b, " – udkast");
	heading(p, PDF_TITLE, "H1", buf_str(&b), 0.0, 3.0);
	p->d->y += 8.0;
	if (cancelled(v)) {
		cairo_set_source_rgb(p->d->cr, 0.7, 0.0, 0.0);
		para(p, PDF_HEAD, NULL, "Mødet er aflyst", 0.0);
		cairo_set_source_rgb(p->d->cr, 0.0, 0.0, 0.0);
		p->d->y += 8.0;
	}
	/* A title that does not name the body stands under the heading,
	   the body in the "Møde" row. */
	if (!meeting_fmt_blank(v->title) && !meeting_fmt_blank(v->body_name) &&
	    strstr(v->title, v->body_name) == NULL) {
		para(p, PDF_HEAD, NULL, v->title, 0.0);
		p->d->y += 6.0;
		header_row(p, "Møde", v->body_name);
	} else
		header_row(p, "Møde", !meeting_fmt_blank(v->title) ? v->title :
		    v->body_name);
	buf_reset(&b);
	meeting_fmt_when_da(&b, v);
	header_row(p, "Tid", buf_str(&b));
	buf_reset(&b);
	if (!meeting_fmt_blank(v->place))
		buf_puts(&b, v->place);
	if (!meeting_fmt_blank(v->room))
		buf_printf(&b, "%s%s", b.len > 0 ? ", " : "", v->room);
	header_row(p, "Sted", buf_str(&b));
	buf_reset(&b);
	people_list(&b, v, "deltager");
	header_row(p, "Deltagere", buf_str(&b));
	buf_reset(&b);
	people_list(&b, v, "afbud");
	header_row(p, "Afbud", buf_str(&b));
	buf_reset(&b);
	people_list(&b, v, "fravaerende");
	header_row(p, "Fraværende", buf_str(&b));
	header_row(p, "Referent", v->referent);
	buf_reset(&b);
	if (!meeting_fmt_blank(v->case_no) || !meeting_fmt_blank(v->doc_no))
		buf_printf(&b, "%s / %s", !meeting_fmt_blank(v->case_no) ?
		    v->case_no : "–", !meeting_fmt_blank(v->doc_no) ?
		    v->doc_no : "–");
	header_row(p, "Sagsnr./Dok.nr.", buf_str(&b));
	buf_cleanup(&b);

	p->d->y += 6.0;
	cairo_set_line_width(p->d->cr, 0.8);
	cairo_move_to(p->d->cr, PDF_MARGIN_L, p->d->y);
	cairo_line_to(p->d->cr, PDF_PAGE_W - PDF_MARGIN_R, p->d->y);
	cairo_stroke(p->d->cr);
	p->d->y += 6.0;
}

/*
 * Make what is drawn next a link to url when it is absolute and safe to
 * put in cairo's attribute syntax ('...' without quotes or backslashes).
 * Returns whether a link was begun.
 */
static bool
link_begin(struct pdf *p, const char *url)
{
	struct buf	attrs;

	if (!meeting_fmt_url_absolute(url) || strpbrk(url, "'\\") != NULL)
		return false;
	buf_init(&attrs);
	buf_printf(&attrs, "uri='%s'", url);
	cairo_tag_begin(p->d->cr, CAIRO_TAG_LINK, buf_str(&attrs));
	buf_cleanup(&attrs);
	return true;
}

/* "Godkendt" from "godkendt" (ASCII first letters only). */
static void
capitalised(struct buf *b, const char *s)
{
	size_t	start = b->len;

	meeting_fmt_utf8(b, s);
	if (b->len > start && b->data[start] >= 'a' && b->data[start] <= 'z')
		b->data[start] = (char)(b->data[start] - 'a' + 'A');
}

static void
item(struct pdf *p, const struct meeting_view_item *it)
{
	struct buf	b;
	size_t		k, nfiles = 0;
	bool		link;

	buf_init(&b);
	if (it->number > 0)	/* an unnumbered item has none */
		buf_printf(&b, "%d. ", it->number);
	meeting_fmt_utf8(&b, it->title);
	/* Titles usually carry the initials already: "… (HETH)". */
	if (!meeting_fmt_blank(it->presenter) &&
	    !meeting_fmt_title_names(it->title, it->presenter)) {
		buf_puts(&b, " (");
		meeting_fmt_utf8(&b, it->presenter);
		buf_putc(&b, ')');
	}
	if (it->closed)
		buf_puts(&b, " – lukket punkt");
	/* Room for the heading, a label and a few lines of text. */
	heading(p, PDF_ITEM, "H3", buf_str(&b), 16.0, 5.0);
	(void)bookmark(p, p->outline, buf_str(&b));

	para(p, PDF_BODY, NULL, it->background, 4.0);
	labelled(p, "Tidligere indstilling", it->earlier);
	labelled(p, "Indstilling", it->recommendation);

	for (k = 0; k < it->nfiles; k++)
		if (meeting_fmt_file_shown(it, &it->files[k],
		    p->include_closed))
			nfiles++;
	if (nfiles > 0) {
		heading(p, PDF_BOLD, "H4", "Bilag", 7.0, 2.0);
		for (k = 0; k < it->nfiles; k++) {
			const struct meeting_view_file *f = &it->files[k];
			PangoLayout *l;

			if (!meeting_fmt_file_shown(it, f, p->include_closed))
				continue;
			buf_reset(&b);
			buf_puts(&b, "• ");
			meeting_fmt_utf8(&b, !meeting_fmt_blank(f->name) ?
			    f->name : "Bilag");
			if (f->closed)
				buf_puts(&b, " (lukket bilag)");
			l = layout(p, PDF_BODY, NULL, buf_str(&b),
			    PDF_TEXT_W - INDENT);
			cairo_tag_begin(p->d->cr, "P", NULL);
			link = link_begin(p, f->url);
			pdf_doc_flow(p->d, l, INDENT);
			if (link)
				cairo_tag_end(p->d->cr, CAIRO_TAG_LINK);
			cairo_tag_end(p->d->cr, "P");
			g_object_unref(l);
		}
	}

	if (p->kind == PDF_MINUTES) {
		labelled(p, "Referat", it->minutes);
		if (!meeting_fmt_blank(it->result)) {
			buf_reset(&b);
			capitalised(&b, it->result);
			para(p, PDF_BODY, "Beslutning: ", buf_str(&b), 7.0);
		}
	}
	buf_cleanup(&b);
}

/* The packet's contents page. */
static void
contents_page(struct pdf *p)
{
	struct buf	b;
	size_t		i;

	if (p->att_page == ATT_NONE)
		return;
	if (!pdf_doc_page_empty(p->d))
		pdf_doc_new_page(p->d);
	heading(p, PDF_HEAD, "H2", p->att_page == ATT_MERGED ?
	    "Bilag i denne mødepakke" : "Bilag til mødet", 0.0, 3.0);
	(void)bookmark(p, CAIRO_PDF_OUTLINE_ROOT, "Bilag");
	para(p, PDF_BODY, NULL, p->att_page == ATT_MERGED ?
	    "Bilagene følger efter denne side i den rækkefølge, de er "
	    "nævnt her." :
	    "Bilagene kunne ikke samles i denne fil. De findes som "
	    "separate filer ved mødet:", 6.0);
	buf_init(&b);
	for (i = 0; i < p->natt; i++) {
		buf_reset(&b);
		buf_printf(&b, "%zu. ", i + 1);
		meeting_fmt_utf8(&b, !meeting_fmt_blank(p->att[i].name) ?
		    p->att[i].name : "Bilag");
		buf_printf(&b, " – til punkt %d", p->att[i].item->number);
		para(p, PDF_BODY, NULL, buf_str(&b), 4.0);
	}
	buf_cleanup(&b);
}

static void
document(struct pdf *p)
{
	const struct meeting_view	*v = p->v;
	const char			*section = NULL;
	size_t				 i;

	header(p);
	p->outline = CAIRO_PDF_OUTLINE_ROOT;
	for (i = 0; i < v->nitems; i++) {
		const struct meeting_view_item *it = &v->items[i];

		if (!meeting_fmt_item_shown(it, p->include_closed))
			continue;
		if (!meeting_fmt_blank(it->section) && (section == NULL ||
		    strcmp(section, it->section) != 0)) {
			heading(p, PDF_HEAD, "H2", it->section, 20.0, 8.0);
			p->outline = bookmark(p, CAIRO_PDF_OUTLINE_ROOT,
			    it->section);
			section = it->section;
		}
		item(p, it);
	}
	contents_page(p);
}

/* One pass: the meeting drawn on d by a fresh copy of *arg. */
static void
draw(struct pdf_doc *d, const void *arg)
{
	struct pdf	p = *(const struct pdf *)arg;

	p.d = d;
	document(&p);
}

/* Both passes into out, with the document's metadata and footer. */
static int
render(const struct pdf *p, struct buf *out, struct err *e)
{
	struct pdf_doc_spec	 spec = { 0 };
	struct meeting_fmt_tm	 tm;
	struct buf		 title, author, foot;
	int64_t			 t;
	char			 date[96];
	int			 rc;

	if (p->kind != PDF_AGENDA && p->kind != PDF_MINUTES)
		return err_set(e, ERR_INVALID, "invalid_kind", NULL,
		    "Ukendt dokumenttype");
	buf_init(&title);
	buf_init(&author);
	buf_init(&foot);
	buf_printf(&title, "%s – ", kind_name(p->kind));
	meeting_fmt_utf8(&title, !meeting_fmt_blank(p->v->title) ?
	    p->v->title : p->v->body_name);
	meeting_fmt_utf8(&author, p->v->body_name);
	meeting_fmt_utf8(&foot, p->v->body_name);
	buf_printf(&foot, "%s%s", foot.len > 0 ? " · " : "",
	    kind_name(p->kind));
	if (meeting_fmt_local(p->v->start, &tm) == 0) {
		buf_puts(&title, ", ");
		meeting_fmt_date_da(&title, &tm);
		buf_puts(&foot, " · ");
		meeting_fmt_date_da(&foot, &tm);
	}
	spec.title = buf_str(&title);
	spec.author = buf_str(&author);
	spec.footer = buf_str(&foot);
	/* A fixed date keeps equal input giving equal bytes. */
	if (meeting_fmt_utc(p->v->updated_at, &t) == 0) {
		meeting_fmt_from_epoch(t, &tm);
		snprintf(date, sizeof(date), "%04d-%02d-%02dT%02d:%02d:%02dZ",
		    tm.year, tm.mon, tm.day, tm.hour, tm.min, tm.sec);
		spec.date = date;
	}
	rc = pdf_doc_render(&spec, draw, p, out, e);
	buf_cleanup(&title);
	buf_cleanup(&author);
	buf_cleanup(&foot);
	return rc;
}

int
pdf_meeting_write_buf(const struct meeting_view *v, enum pdf_kind kind,
    bool include_closed, struct buf *out, struct err *e)
{
	struct pdf	p;

	memset(&p, 0, sizeof(p));
	p.v = v;
	p.kind = kind;
	p.include_closed = include_closed;
	p.att_page = ATT_NONE;
	return render(&p, out, e);
}

/* Write data to path in one go. */
static int
write_file(const char *path, const struct buf *data, struct err *e)
{
	FILE	*fp;
	bool	 ok;

	if ((fp = fopen(path, "wb")) == NULL)
		return err_set(e, ERR_IO, "pdf_write", NULL,
		    "Filen %.200s kunne ikke oprettes", path);
	ok = fwrite(buf_str(data), 1, data->len, fp) == data->len;
	if (fclose(fp) != 0)
		ok = false;
	if (!ok) {
		(void)unlink(path);
		return err_set(e, ERR_IO, "pdf_write", NULL,
		    "Filen %.200s kunne ikke skrives", path);
	}
	return 0;
}

int
pdf_meeting_write(const struct meeting_view *v, enum pdf_kind kind,
    bool include_closed, const char *path, struct err *e)
{
	struct buf	b;
	int		rc;

	buf_init(&b);
	if ((rc = pdf_meeting_write_buf(v, kind, include_closed, &b, e)) == 0)
		rc = write_file(path, &b, e);
	buf_cleanup(&b);
	return rc;
}

/* ---- The packet ------------------------------------------------------- */

/* A copy of path that pdfunite cannot take for an option. */
static char *
arg_path(const char *path)
{
	struct buf	b;

	buf_init(&b);
	if (path[0] == '-')
		buf_puts(&b, "./");
	buf_puts(&b, path);
	return buf_release(&b, NULL);
}

/*
 * Run pdfunite first paths[0..n) out with its output discarded.
 * Returns true when it ran and exited 0.
 */
static bool
unite(const char *first, const char *const *paths, size_t n, const char *out)
{
	posix_spawn_file_actions_t	 fa;
	char				**argv;
	pid_t				 pid;
	size_t				 i, argc = 0;
	int				 status, rc;

	argv = xcalloc(n + 4, sizeof(*argv));
	argv[argc++] = xstrdup("pdfunite");
	argv[argc++] = arg_path(first);
	for (i = 0; i < n; i++)
		argv[argc++] = arg_path(paths[i]);
	argv[argc++] = arg_path(out);
	argv[argc] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null",
	    O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null",
	    O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null",
	    O_WRONLY, 0);
	rc = posix_spawnp(&pid, "pdfunite", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	for (i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
	if (rc != 0)
		return false;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return false;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* A fresh temporary file next to path; its name in *name (free it). */
static int
temp_next_to(const char *path, char **name, struct err *e)
{
	struct buf	b;
	char		*s;
	int		fd;

	buf_init(&b);
	buf_printf(&b, "%s.tmpXXXXXX", path);
	s = buf_release(&b, NULL);
	if ((fd = mkstemp(s)) < 0) {
		free(s);
		*name = NULL;
		return err_set(e, ERR_IO, "pdf_write", NULL,
		    "Filen %.200s kunne ikke oprettes", path);
	}
	/* The packet is renamed into place: give it a file's usual mode. */
	(void)fchmod(fd, 0644);
	close(fd);
	*name = s;
	return 0;
}

int
pdf_packet_write(const struct meeting_view *v, bool include_closed,
    const char *const *attachment_pdf_paths, size_t n, const char *path,
    bool *merged, struct err *e)
{
	struct pdf		 p;
	struct pdf_att		*att;
	const char		**paths;
	struct buf		 doc;
	char			*tmp_agenda = NULL, *tmp_out = NULL;
	size_t			 i, k, total = 0, natt = 0;
	int			 rc;
	bool			 joined = false;

	if (merged != NULL)
		*merged = false;
	buf_init(&doc);
	for (i = 0; i < v->nitems; i++)
		total += v->items[i].nfiles;
	if (n != total || (n > 0 && attachment_pdf_paths == NULL))
		return err_set(e, ERR_INVALID, "attachment_count", NULL,
		    "Der er %zu bilag til mødet, men %zu filer", total, n);
	att = xcalloc(total + 1, sizeof(*att));
	paths = xcalloc(total + 1, sizeof(*paths));
	for (i = 0, total = 0; i < v->nitems; i++) {
		const struct meeting_view_item *it = &v->items[i];

		for (k = 0; k < it->nfiles; k++, total++) {
			const char *ap = attachment_pdf_paths[total];

			if (ap == NULL || !meeting_fmt_item_shown(it,
			    include_closed) || !meeting_fmt_file_shown(it,
			    &it->files[k], include_closed))
				continue;
			if (access(ap, R_OK) != 0) {
				rc = err_set(e, ERR_IO, "attachment_missing",
				    NULL, "Bilaget %.200s kan ikke læses", ap);
				goto out;
			}
			att[natt].name = it->files[k].name;
			att[natt].item = it;
			paths[natt++] = ap;
		}
	}

	memset(&p, 0, sizeof(p));
	p.v = v;
	p.kind = PDF_AGENDA;
	p.include_closed = include_closed;
	p.att = att;
	p.natt = natt;
	p.att_page = natt > 0 ? ATT_MERGED : ATT_NONE;
	if ((rc = render(&p, &doc, e)) != 0)
		goto out;
	if (natt > 0) {
		if ((rc = temp_next_to(path, &tmp_agenda, e)) != 0 ||
		    (rc = write_file(tmp_agenda, &doc, e)) != 0 ||
		    (rc = temp_next_to(path, &tmp_out, e)) != 0)
			goto out;
		joined = unite(tmp_agenda, paths, natt, tmp_out);
		if (joined && rename(tmp_out, path) != 0) {
			rc = err_set(e, ERR_IO, "pdf_write", NULL,
			    "Filen %.200s kunne ikke skrives", path);
			goto out;
		}
		if (!joined) {
			/* No pdfunite, or it refused: list them instead. */
			p.att_page = ATT_SEPARATE;
			buf_reset(&doc);
			if ((rc = render(&p, &doc, e)) != 0)
				goto out;
		}
	}
	if (!joined)
		rc = write_file(path, &doc, e);
	if (rc == 0 && merged != NULL)
		*merged = joined;
out:
	if (tmp_agenda != NULL)
		(void)unlink(tmp_agenda);
	if (tmp_out != NULL && !(joined && rc == 0))
		(void)unlink(tmp_out);
	free(tmp_agenda);
	free(tmp_out);
	buf_cleanup(&doc);
	free(att);
	free(paths);
	return rc;
}
