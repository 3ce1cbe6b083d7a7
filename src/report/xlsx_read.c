/*
 * xlsx_read — the .xlsx reader (see xlsx_read.h): libzip opens the archive,
 * expat streams each XML part through a small state machine.
 *
 * Parts, in the order they are read: _rels/.rels (where the workbook is),
 * the workbook (sheet names, date1904), its relationships (where each
 * sheet, the shared strings and the styles are), the shared strings, the
 * styles (which cell formats show dates), and a worksheet when asked for.
 * Element and attribute names are matched without their namespace prefix
 * ("x:c" is "c"), so transitional and strict OOXML, and writers that use
 * prefixes, are read alike.
 *
 * Defences, since uploads are untrusted: sizes are checked before anything
 * is allocated for them (file, entries, each part both as the archive
 * claims and as it actually unpacks, strings, cells); any DOCTYPE stops the
 * parser, so neither internal nor external entities are ever expanded and
 * nothing is fetched; no external entity handler is installed.
 *
 * This file owns the book: opening the archive, the relationships, the
 * workbook, the shared strings and the styles. A part's parse and the
 * string escapes are in xlsx_read_part.c, a worksheet in
 * xlsx_read_sheet.c, the typing of numbers, dates and cells in
 * xlsx_read_cell.c; what they share in xlsx_read_impl.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <expat.h>
#include <zip.h>

#include "report/xlsx_read.h"
#include "report/xlsx_read_impl.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/mem.h"
#include "util/text.h"

static const char *
resolve(struct arena *a, const char *base, const char *target)
{
	struct buf	 out;
	const char	*seg, *next, *slash, *res;
	size_t		 len;

	buf_init(&out);
	if (*target != '/' && (slash = strrchr(base, '/')) != NULL)
		buf_append(&out, base, (size_t)(slash - base));
	for (seg = target; *seg != '\0'; seg = next) {
		next = strchr(seg, '/');
		len = next != NULL ? (size_t)(next - seg) : strlen(seg);
		next = next != NULL ? next + 1 : seg + len;
		if (len == 0 || (len == 1 && seg[0] == '.'))
			continue;
		if (len == 2 && seg[0] == '.' && seg[1] == '.') {
			if (out.len == 0) {
				buf_cleanup(&out);
				return NULL;
			}
			slash = memrchr(out.data, '/', out.len);
			out.len = slash != NULL ? (size_t)(slash - out.data) : 0;
			out.data[out.len] = '\0';
			continue;
		}
		if (out.len > 0)
			buf_putc(&out, '/');
		buf_append(&out, seg, len);
	}
	res = arena_strdup(a, buf_str(&out));
	buf_cleanup(&out);
	return res;
}

/* ---------------------------------------------------------------------
 * Relationships (_rels/.rels, xl/_rels/workbook.xml.rels).
 */

struct rel {
	const char	*id;
	const char	*type;		/* URI; matched by its last segment */
	const char	*target;	/* resolved path in the archive */
};

struct rels_state {
	struct pstate	 ps;
	const char	*source;	/* the part the targets are relative to */
	struct rel	*v;		/* heap */
	size_t		 n, cap;
};

static void XMLCALL
rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct rels_state	*st = ud;
	const char		*id, *type, *target, *mode, *path;

	if (st->ps.rc != 0 || !is(name, "Relationship"))
		return;
	id = attr(atts, "Id");
	type = attr(atts, "Type");
	target = attr(atts, "Target");
	mode = attr(atts, "TargetMode");
	if (id == NULL || type == NULL || target == NULL ||
	    (mode != NULL && strcmp(mode, "External") == 0))
		return;
	if (st->n >= XLSX_READ_MAX_ENTRIES) {
		xlsx_read_fail(&st->ps, ERR_INVALID, "too_many_parts", NOT_XLSX
		    ": for mange henvisninger i %s", st->ps.part);
		return;
	}
	if ((path = resolve(st->ps.b->arena, st->source, target)) == NULL)
		return;
	st->v = grow(st->v, &st->cap, st->n, sizeof(*st->v));
	st->v[st->n].id = arena_strdup(st->ps.b->arena, id);
	st->v[st->n].type = arena_strdup(st->ps.b->arena, type);
	st->v[st->n].target = path;
	st->n++;
}

static void XMLCALL
ignore_end(void *ud, const XML_Char *name)
{
	(void)ud;
	(void)name;
}

/* The relationships of the part source; none when the part is absent. */
static int
read_rels(struct xlsx_book *b, const char *source, struct rels_state *st,
    struct err *e)
{
	const char	*slash = strrchr(source, '/');
	char		*path;
	int		 rc;

	memset(st, 0, sizeof(*st));
	st->ps.b = b;
	st->ps.e = e;
	st->source = source;
	path = slash != NULL ? arena_printf(b->arena, "%.*s/_rels/%s.rels",
	    (int)(slash - source), source, slash + 1) :
	    arena_printf(b->arena, "_rels/%s.rels", source);
	rc = xlsx_read_part(&st->ps, path, rels_start, ignore_end, NULL);
	return rc == ERR_NOT_FOUND ? 0 : rc;
}

/* Target of the first relationship whose type ends in "/kind", or NULL. */
static const char *
rel_by_type(const struct rels_state *st, const char *kind)
{
	size_t i;

	for (i = 0; i < st->n; i++)
		if (ends_with(st->v[i].type, kind))
			return st->v[i].target;
	return NULL;
}

static const char *
rel_by_id(const struct rels_state *st, const char *id)
{
	size_t i;

	if (id == NULL)
		return NULL;
	for (i = 0; i < st->n; i++)
		if (strcmp(st->v[i].id, id) == 0)
			return st->v[i].target;
	return NULL;
}

/* ---------------------------------------------------------------------
 * The workbook: sheet names and the date system.
 */

struct wb_state {
	struct pstate		 ps;
	bool			 in_sheets;
	struct book_sheet	*v;		/* heap */
	size_t			 n, cap;
};

static void XMLCALL
wb_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct wb_state	*st = ud;
	struct arena	*a = st->ps.b->arena;
	const char	*v;

	if (st->ps.rc != 0)
		return;
	if (is(name, "workbookPr")) {
		v = attr(atts, "date1904");
		st->ps.b->date1904 = v != NULL && (strcmp(v, "1") == 0 ||
		    strcmp(v, "true") == 0);
	} else if (is(name, "sheets")) {
		st->in_sheets = true;
	} else if (st->in_sheets && is(name, "sheet")) {
		v = attr(atts, "name");
		if (v == NULL || *v == '\0' || strlen(v) > NAME_MAX_BYTES) {
			xlsx_read_fail(&st->ps, ERR_INVALID,
			    "invalid_sheet_name", NOT_XLSX ": et ark har et ugyldigt navn");
			return;
		}
		if (st->n >= XLSX_READ_MAX_SHEETS) {
			xlsx_read_fail(&st->ps, ERR_TOO_LARGE,
			    "too_many_sheets", "Filen har for mange ark (højst %d)",
			    XLSX_READ_MAX_SHEETS);
			return;
		}
		st->v = grow(st->v, &st->cap, st->n, sizeof(*st->v));
		st->v[st->n].name = arena_strdup(a, v);
		st->v[st->n].rid = arena_strdup(a, attr(atts, "id"));
		st->v[st->n].path = NULL;
		st->n++;
	}
}

static void XMLCALL
wb_end(void *ud, const XML_Char *name)
{
	struct wb_state *st = ud;

	if (is(name, "sheets"))
		st->in_sheets = false;
}

/* ---------------------------------------------------------------------
 * Shared strings: <si> holds <t>, or rich text runs <r><t>; phonetic
 * guides <rPh><t> are not part of the text.
 */

struct sst_state {
	struct pstate	 ps;
	bool		 in_si;
	bool		 in_t;
	int		 rph;		/* depth of <rPh> */
	struct buf	 text;		/* the current <si> */
	const char	**v;		/* heap */
	size_t		 n, cap;
};

static void XMLCALL
sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct sst_state *st = ud;

	(void)atts;
	if (st->ps.rc != 0)
		return;
	if (is(name, "si")) {
		st->in_si = true;
		buf_reset(&st->text);
	} else if (st->in_si && is(name, "rPh")) {
		st->rph++;
	} else if (st->in_si && st->rph == 0 && is(name, "t")) {
		st->in_t = true;
	}
}

static void XMLCALL
sst_end(void *ud, const XML_Char *name)
{
	struct sst_state *st = ud;

	if (st->ps.rc != 0)
		return;
	if (is(name, "t")) {
		st->in_t = false;
	} else if (is(name, "rPh")) {
		if (st->rph > 0)
			st->rph--;
	} else if (is(name, "si") && st->in_si) {
		st->in_si = false;
		if (st->n >= XLSX_READ_MAX_STRINGS) {
			xlsx_read_fail(&st->ps, ERR_TOO_LARGE,
			    "too_many_strings", "Filen har for mange forskellige tekster (højst "
			    "1.000.000)");
			return;
		}
		st->v = grow(st->v, &st->cap, st->n, sizeof(*st->v));
		st->v[st->n++] = xlsx_read_unescape(st->ps.b->arena,
		    buf_str(&st->text), st->text.len);
	}
}

static void XMLCALL
sst_text(void *ud, const XML_Char *s, int len)
{
	struct sst_state *st = ud;

	if (st->ps.rc != 0 || !st->in_t)
		return;
	if ((size_t)len > XLSX_READ_MAX_TEXT - st->text.len) {
		xlsx_read_fail(&st->ps, ERR_INVALID, "text_too_long",
		    "Tekst nr. %zu i filen er for lang (over %d byte)", st->n + 1,
		    XLSX_READ_MAX_TEXT);
		return;
	}
	buf_append(&st->text, s, (size_t)len);
}

/* ---------------------------------------------------------------------
 * Styles: which cell formats (<cellXfs><xf>) show dates.
 */

struct numfmt {
	uint32_t	id;
	bool		date;
	bool		percent;
};

struct styles_state {
	struct pstate	 ps;
	bool		 in_numfmts;
	bool		 in_cellxfs;
	struct numfmt	*fmt;		/* custom formats, heap */
	size_t		 nfmt, capfmt;
	uint32_t	*xf;		/* number format of each cell format */
	size_t		 nxf, capxf;
};

static void XMLCALL
styles_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct styles_state	*st = ud;
	const char		*code;
	uint32_t		 id;

	if (st->ps.rc != 0)
		return;
	if (is(name, "numFmts")) {
		st->in_numfmts = true;
	} else if (is(name, "cellXfs")) {
		st->in_cellxfs = true;
	} else if (st->in_numfmts && is(name, "numFmt")) {
		code = attr(atts, "formatCode");
		if (parse_uint(attr(atts, "numFmtId"), UINT32_MAX, &id) != 0 ||
		    code == NULL)
			return;
		if (st->nfmt >= XLSX_READ_MAX_FORMATS) {
			xlsx_read_fail(&st->ps, ERR_INVALID, "too_many_formats",
			    NOT_XLSX ": for mange talformater");
			return;
		}
		st->fmt = grow(st->fmt, &st->capfmt, st->nfmt,
		    sizeof(*st->fmt));
		st->fmt[st->nfmt].id = id;
		st->fmt[st->nfmt].date = xlsx_format_is_date(code);
		st->fmt[st->nfmt].percent = !st->fmt[st->nfmt].date &&
		    xlsx_format_is_percent(code);
		st->nfmt++;
	} else if (st->in_cellxfs && is(name, "xf")) {
		if (parse_uint(attr(atts, "numFmtId"), UINT32_MAX, &id) != 0)
			id = 0;
		if (st->nxf >= XLSX_READ_MAX_FORMATS) {
			xlsx_read_fail(&st->ps, ERR_INVALID, "too_many_formats",
			    NOT_XLSX ": for mange celleformater");
			return;
		}
		st->xf = grow(st->xf, &st->capxf, st->nxf, sizeof(*st->xf));
		st->xf[st->nxf++] = id;
	}
}

static void XMLCALL
styles_end(void *ud, const XML_Char *name)
{
	struct styles_state *st = ud;

	if (is(name, "numFmts"))
		st->in_numfmts = false;
	else if (is(name, "cellXfs"))
		st->in_cellxfs = false;
}

/* Decide for each cell format whether it shows a date. */
static void
styles_finish(struct xlsx_book *b, struct styles_state *st)
{
	size_t	i, j;
	bool	date, percent, found;

	b->xf_date = arena_calloc(b->arena, st->nxf == 0 ? 1 : st->nxf, 1);
	b->nxf = st->nxf;
	for (i = 0; i < st->nxf; i++) {
		found = false;
		date = percent = false;
		for (j = st->nfmt; j-- > 0 && !found; )
			if (st->fmt[j].id == st->xf[i]) {
				found = true;
				date = st->fmt[j].date;
				percent = st->fmt[j].percent;
			}
		if (!found) {
			date = xlsx_builtin_is_date(st->xf[i]);
			percent = st->xf[i] == 9 || st->xf[i] == 10;
		}
		b->xf_date[i] = (date ? XF_DATE : 0) |
		    (percent ? XF_PERCENT : 0);
	}
}

/* ---------------------------------------------------------------------
 * Opening a book.
 */

/* Why a workbook is missing, as precisely as the archive tells. */
static int
no_workbook(struct xlsx_book *b, struct err *e)
{
	if (xlsx_read_locate(b->zip, "xl/workbook.bin") >= 0)
		return err_set(e, ERR_INVALID, "xlsb", NULL, "Filen er gemt "
		    "som binær Excel-projektmappe (.xlsb); gem den som "
		    "Excel-projektmappe (.xlsx) og prøv igen");
	if (xlsx_read_locate(b->zip, "content.xml") >= 0)
		return err_set(e, ERR_INVALID, "ods", NULL, "Filen er et "
		    "OpenDocument-regneark (.ods); gem den som "
		    "Excel-projektmappe (.xlsx) og prøv igen");
	return err_set(e, ERR_INVALID, "missing_workbook", NULL, NOT_XLSX
	    ": projektmappen (workbook.xml) mangler");
}

static int
load_book(struct xlsx_book *b, struct err *e)
{
	struct rels_state	rels;
	struct wb_state		wb;
	struct sst_state	sst;
	struct styles_state	sty;
	const char		*wb_path, *path;
	size_t			 i;
	int			 rc;

	if ((rc = read_rels(b, "", &rels, e)) != 0)
		goto done;
	wb_path = rel_by_type(&rels, "/officeDocument");
	if (wb_path == NULL)
		wb_path = "xl/workbook.xml";
	free(rels.v);

	memset(&wb, 0, sizeof(wb));
	wb.ps.b = b;
	wb.ps.e = e;
	rc = xlsx_read_part(&wb.ps, wb_path, wb_start, wb_end, NULL);
	b->sheets = to_arena(b->arena, wb.v, wb.n, sizeof(*wb.v));
	b->nsheets = wb.n;
	if (rc == ERR_NOT_FOUND)
		return no_workbook(b, e);
	if (rc != 0)
		return rc;
	if (b->nsheets == 0)
		return err_set(e, ERR_INVALID, "no_sheets", NULL, NOT_XLSX
		    ": projektmappen har ingen ark");

	if ((rc = read_rels(b, wb_path, &rels, e)) != 0)
		goto done;
	for (i = 0; i < b->nsheets; i++)
		b->sheets[i].path = rel_by_id(&rels, b->sheets[i].rid);

	memset(&sst, 0, sizeof(sst));
	sst.ps.b = b;
	sst.ps.e = e;
	buf_init(&sst.text);
	path = rel_by_type(&rels, "/sharedStrings");
	rc = path == NULL ? 0 : xlsx_read_part(&sst.ps, path, sst_start,
	    sst_end, sst_text);
	buf_cleanup(&sst.text);
	b->strings = to_arena(b->arena, sst.v, sst.n, sizeof(*sst.v));
	b->nstrings = sst.n;
	if (rc == ERR_NOT_FOUND)
		rc = err_set(e, ERR_INVALID, "missing_part", NULL, NOT_XLSX
		    ": %s mangler", path);
	if (rc != 0)
		goto done;

	memset(&sty, 0, sizeof(sty));
	sty.ps.b = b;
	sty.ps.e = e;
	path = rel_by_type(&rels, "/styles");
	rc = path == NULL ? 0 : xlsx_read_part(&sty.ps, path, styles_start,
	    styles_end, NULL);
	if (rc == ERR_NOT_FOUND)
		rc = err_set(e, ERR_INVALID, "missing_part", NULL, NOT_XLSX
		    ": %s mangler", path);
	if (rc == 0)
		styles_finish(b, &sty);
	free(sty.fmt);
	free(sty.xf);
done:
	free(rels.v);
	return rc;
}

/* Open the archive in data[0..len); with freep, libzip owns data. */
static int
open_zip(struct xlsx_book **out, struct arena *a, const void *data,
    size_t len, int freep, struct err *e)
{
	struct xlsx_book	*b;
	zip_source_t		*src;
	zip_error_t		 ze;
	zip_t			*z;
	int			 rc;

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(data, len, freep, &ze)) == NULL)
		fatal("zip_source_buffer_create: %s", zip_error_strerror(&ze));
	if ((z = zip_open_from_source(src, ZIP_RDONLY, &ze)) == NULL) {
		zip_source_free(src);
		zip_error_fini(&ze);
		return err_set(e, ERR_INVALID, "not_xlsx", NULL, NOT_XLSX);
	}
	zip_error_fini(&ze);
	if (zip_get_num_entries(z, 0) > XLSX_READ_MAX_ENTRIES) {
		zip_discard(z);
		return err_set(e, ERR_INVALID, "too_many_parts", NULL,
		    NOT_XLSX ": arkivet har over %d filer",
		    XLSX_READ_MAX_ENTRIES);
	}
	b = arena_alloc(a, sizeof(*b));
	b->arena = a;
	b->zip = z;
	if ((rc = load_book(b, e)) != 0) {
		zip_discard(z);
		b->zip = NULL;
		return rc;
	}
	*out = b;
	return 0;
}

static int
too_large(struct err *e)
{
	return err_set(e, ERR_TOO_LARGE, "file_too_large", NULL,
	    "Filen er for stor (højst %u MB)", XLSX_READ_MAX_FILE >> 20);
}

/* Checks that need only the first bytes: size, encrypted, old .xls. */
static int
check_head(const unsigned char *p, size_t len, struct err *e)
{
	static const unsigned char ole[8] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1,
	    0xb1, 0x1a, 0xe1 };

	if (len > XLSX_READ_MAX_FILE)
		return too_large(e);
	if (len >= sizeof(ole) && memcmp(p, ole, sizeof(ole)) == 0)
		return err_set(e, ERR_INVALID, "encrypted", NULL, "Filen er "
		    "beskyttet med adgangskode eller gemt i det gamle "
		    "Excel-format (.xls); gem den som Excel-projektmappe "
		    "(.xlsx) uden adgangskode og prøv igen");
	if (len < 4 || memcmp(p, "PK", 2) != 0)
		return err_set(e, ERR_INVALID, "not_xlsx", NULL, NOT_XLSX);
	return 0;
}

int
xlsx_read_open(struct xlsx_book **out, struct arena *a, const void *data,
    size_t len, struct err *e)
{
	int rc;

	*out = NULL;
	if ((rc = check_head(data, len, e)) != 0)
		return rc;
	return open_zip(out, a, data, len, 0, e);
}

int
xlsx_read_open_file(struct xlsx_book **out, struct arena *a,
    const char *path, struct err *e)
{
	struct stat	 sb;
	unsigned char	*data;
	size_t		 len, got = 0;
	ssize_t		 n;
	int		 fd, rc;

	*out = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return err_set(e, errno == ENOENT ? ERR_NOT_FOUND : ERR_IO,
		    NULL, NULL, "Filen %s kan ikke åbnes", path);
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return err_set(e, ERR_IO, NULL, NULL, "Filen %s kan ikke "
		    "læses", path);
	}
	if ((uint64_t)sb.st_size > XLSX_READ_MAX_FILE) {
		close(fd);
		return too_large(e);
	}
	len = (size_t)sb.st_size;
	data = xmalloc(len == 0 ? 1 : len);
	while (got < len) {
		n = read(fd, data + got, len - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	if (got != len) {
		free(data);
		return err_set(e, ERR_IO, NULL, NULL, "Filen %s kan ikke "
		    "læses", path);
	}
	if ((rc = check_head(data, len, e)) != 0) {
		free(data);
		return rc;
	}
	return open_zip(out, a, data, len, 1, e);
}

void
xlsx_read_close(struct xlsx_book *b)
{
	if (b == NULL || b->zip == NULL)
		return;
	zip_discard(b->zip);
	b->zip = NULL;
}

size_t
xlsx_read_sheet_count(const struct xlsx_book *b)
{
	return b->nsheets;
}

const char *
xlsx_read_sheet_name(const struct xlsx_book *b, size_t i)
{
	return i < b->nsheets ? b->sheets[i].name : NULL;
}
