/*
 * The variant corpus of the minutes parser (src/core/minutes*.c): each
 * seed minutes in tests/fixtures/minutes/ is rendered here, at test time,
 * through the writers real exports come from — plain text, markdown,
 * HTML with bold labels and tabs, DOCX (written with libzip, read back
 * through report/doc_text as attachments are), PDF (written by ramme's
 * own report/pdf, read back through pdftotext as attachments are; a
 * missing pdftotext fails the test), text with running page headers,
 * footers and words hyphenated at line ends, a header with its labels on
 * lines of their own, "Sagsnr./Dok.nr." in its seen forms, Word's plain
 * text export (byte-order mark, CR LF, soft hyphens, no-break spaces,
 * typographic quotes) and a DOCX as Word saves it (the header a real
 * table, runs split, soft and non-breaking hyphens)
 * — and every variant must parse to the same meeting as the plain text:
 * header, participants, apologies, items, sections, recommendations,
 * minutes, attachments and the unplaced text (white space and the
 * shape of quotation marks aside, as every writer wraps lines and
 * curls quotes its own way).
 *
 * The writers see the seed only as lines: a header label, an item
 * heading ("12. Title"), a field label ("Referat") or text. They are not
 * told what the parser found.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <zip.h>

#include "core/minutes.h"
#include "report/doc_text.h"
#include "report/meeting_view.h"
#include "report/pdf.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "tool.h"

static const char *const seeds[] = {
	"000_65e7f14a10f909d6.txt", "002_ddf5d63349d0c985.txt",
	"003_db29347853a598f2.txt", NULL
};

/* Header labels as the seeds write them, longest first. */
static const char *const labels[] = {
	"Sagsnr./Dok.nr.", "Deltagere", "Referent", "Afbud", "Møde", "Sted",
	"Tid", NULL
};

/* Field labels of an item, written on a line of their own. */
static const char *const markers[] = {
	"Referat", "Beslutning", "Indstilling", "Bilag", "Sagsfremstilling",
	NULL
};

static char *
read_all(const char *path, size_t *len)
{
	FILE	*f;
	char	*s;
	long	 n;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return NULL;
	}
	s = malloc((size_t)n + 1);
	assert_non_null(s);
	*len = fread(s, 1, (size_t)n, f);
	s[*len] = '\0';
	fclose(f);
	return s;
}

/* A seed from $RAMME_FIXTURES, beside this source or the current dir. */
static char *
seed(const char *name)
{
	const char	*env = getenv("RAMME_FIXTURES"), *slash;
	char		 path[4096], exe[1024], *s;
	size_t		 len;
	ssize_t		 n;

	if (env != NULL && *env != '\0') {
		snprintf(path, sizeof(path), "%s/%s", env, name);
		if ((s = read_all(path, &len)) != NULL)
			return s;
	}
	slash = strrchr(__FILE__, '/');
	snprintf(path, sizeof(path), "%.*s/../fixtures/minutes/%s",
	    slash ? (int)(slash - __FILE__) : 1, slash ? __FILE__ : ".", name);
	if ((s = read_all(path, &len)) != NULL)
		return s;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0 && slash != NULL && __FILE__[0] != '/') {
		exe[n] = '\0';
		*strrchr(exe, '/') = '\0';
		snprintf(path, sizeof(path),
		    "%s/../../%.*s/../fixtures/minutes/%s", exe,
		    (int)(slash - __FILE__), __FILE__, name);
		if ((s = read_all(path, &len)) != NULL)
			return s;
	}
	snprintf(path, sizeof(path), "tests/fixtures/minutes/%s", name);
	if ((s = read_all(path, &len)) != NULL)
		return s;
	fail_msg("seed %s not found (set RAMME_FIXTURES)", name);
	return NULL;
}

/* ------------------------------------------------------------------ */
/* The seed as lines                                                   */
/* ------------------------------------------------------------------ */

struct src {
	char	**v;		/* lines, trimmed, "" when blank */
	size_t	  n;
	size_t	  first_item;	/* index of the line "1. …" */
};

static char *
trim(char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

static void
src_split(struct arena *a, const char *text, struct src *s)
{
	const char	*p = text, *q;
	size_t		 cap = 64;

	memset(s, 0, sizeof(*s));
	s->v = arena_calloc(a, cap, sizeof(*s->v));
	for (;;) {
		q = strchr(p, '\n');
		if (s->n == cap) {
			char **w = arena_calloc(a, cap * 2, sizeof(*w));
			memcpy(w, s->v, cap * sizeof(*w));
			s->v = w;
			cap *= 2;
		}
		s->v[s->n++] = trim(arena_strndup(a, p,
		    q ? (size_t)(q - p) : strlen(p)));
		if (q == NULL)
			break;
		p = q + 1;
	}
	s->first_item = s->n;
	for (size_t i = 0; i < s->n; i++)
		if (strncmp(s->v[i], "1. ", 3) == 0) {
			s->first_item = i;
			break;
		}
}

/* The header label line i starts with (before the first item), or NULL. */
static const char *
label_at(const struct src *s, size_t i)
{
	size_t k, n;

	if (i >= s->first_item)
		return NULL;
	for (k = 0; labels[k] != NULL; k++) {
		n = strlen(labels[k]);
		if (strncmp(s->v[i], labels[k], n) == 0 &&
		    (s->v[i][n] == ' ' || s->v[i][n] == '\0'))
			return labels[k];
	}
	return NULL;
}

/* Line i is an item heading "N. Title" (after the header). */
static bool
heading_at(const struct src *s, size_t i)
{
	const char *p = s->v[i];

	if (i < s->first_item || *p < '1' || *p > '9')
		return false;
	while (*p >= '0' && *p <= '9')
		p++;
	return p[0] == '.' && p[1] == ' ' && p - s->v[i] <= 2;
}

static bool
marker_at(const struct src *s, size_t i)
{
	for (size_t k = 0; markers[k] != NULL; k++)
		if (strcmp(s->v[i], markers[k]) == 0)
			return true;
	return false;
}

/* The private-use bullet Word exports as U+F0B7, or "•". */
static const char *
bullet_rest(const char *p)
{
	if (strncmp(p, "\xef\x82\xb7", 3) != 0 && strncmp(p, "•", 3) != 0)
		return NULL;
	for (p += 3; *p == ' ' || *p == '\t'; p++)
		;
	return p;
}

/* ------------------------------------------------------------------ */
/* Writers                                                             */
/* ------------------------------------------------------------------ */

/* The text of b copied into a; b is freed. */
static char *
done(struct arena *a, struct buf *b)
{
	char	*s = arena_strdup(a, buf_str(b));

	buf_cleanup(b);
	return s;
}

static void
put_line(struct buf *b, const char *s)
{
	buf_puts(b, s);
	buf_putc(b, '\n');
}

/* Markdown: "**Møde** …" labels, "- 3. Title**" or "## 3. Title"
   headings, "**Referat**", "- " bullets. */
static char *
w_markdown(struct arena *a, const struct src *s, bool list)
{
	struct buf	 b;
	const char	*lab, *r;

	buf_init(&b);
	for (size_t i = 0; i < s->n; i++) {
		if ((lab = label_at(s, i)) != NULL)
			buf_printf(&b, "**%s** %s\n", lab, s->v[i] +
			    strlen(lab) + (s->v[i][strlen(lab)] != '\0'));
		else if (heading_at(s, i))
			buf_printf(&b, list ? "- %s**\n" : "## %s\n", s->v[i]);
		else if (marker_at(s, i))
			buf_printf(&b, "**%s**\n", s->v[i]);
		else if ((r = bullet_rest(s->v[i])) != NULL)
			buf_printf(&b, "- %s\n", r);
		else
			put_line(&b, s->v[i]);
	}
	return done(a, &b);
}

static void
put_escaped(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		if (*s == '&')
			buf_puts(b, "&amp;");
		else if (*s == '<')
			buf_puts(b, "&lt;");
		else if (*s == '>')
			buf_puts(b, "&gt;");
		else if (*s == '"')
			buf_puts(b, "&quot;");
		else
			buf_putc(b, *s);
}

/* HTML-ish: "<b>Møde</b>\tMøde i …<br>" header rows, <p> text, <h2>
   headings, entities for & < > ". */
static char *
w_html(struct arena *a, const struct src *s)
{
	struct buf	 b;
	const char	*lab;

	buf_init(&b);
	buf_puts(&b, "<html><head><meta charset=\"utf-8\"><title>Referat"
	    "</title></head><body>\n");
	for (size_t i = 0; i < s->n; i++) {
		if ((lab = label_at(s, i)) != NULL) {
			buf_printf(&b, "<b>%s</b>\t", lab);
			put_escaped(&b, s->v[i] + strlen(lab));
			buf_puts(&b, "<br>\n");
		} else if (heading_at(s, i)) {
			buf_puts(&b, "<h2>");
			put_escaped(&b, s->v[i]);
			buf_puts(&b, "</h2>\n");
		} else if (marker_at(s, i)) {
			buf_printf(&b, "<p><b>%s</b></p>\n", s->v[i]);
		} else if (*s->v[i] == '\0') {
			buf_puts(&b, "<p>&nbsp;</p>\n");
		} else {
			buf_puts(&b, "<p>");
			put_escaped(&b, s->v[i]);
			buf_puts(&b, "</p>\n");
		}
	}
	buf_puts(&b, "</body></html>\n");
	return done(a, &b);
}

/* A header as a table read cell by cell: each label on a line of its
   own, its value on the next. */
static char *
w_own_lines(struct arena *a, const struct src *s)
{
	struct buf	 b;
	const char	*lab;

	buf_init(&b);
	for (size_t i = 0; i < s->n; i++)
		if ((lab = label_at(s, i)) != NULL)
			buf_printf(&b, "%s\n%s\n", lab,
			    trim(s->v[i] + strlen(lab)));
		else
			put_line(&b, s->v[i]);
	return done(a, &b);
}

/* "Sagsnr./Dok.nr. A / B" in another seen form (form 0..2). */
static char *
w_case_form(struct arena *a, const struct src *s, int form)
{
	struct buf	 b;
	char		 x[64], y[64];

	buf_init(&b);
	for (size_t i = 0; i < s->n; i++)
		if (label_at(s, i) != NULL && sscanf(s->v[i],
		    "Sagsnr./Dok.nr. %63s / %63s", x, y) == 2) {
			if (form == 0)
				buf_printf(&b, "Sagsnr.: %s\nDok.nr.: %s\n", x, y);
			else if (form == 1)
				buf_printf(&b, "Sags nr./Dok. nr.: %s/%s\n", x, y);
			else
				buf_printf(&b, "Sagsnr. / Dok. nr. %s / %s\n", x,
				    y);
		} else
			put_line(&b, s->v[i]);
	return done(a, &b);
}

/* Length of the last word of s when it is at least 8 lower-case ASCII
   letters (so it can be hyphenated), else 0. */
static size_t
last_word(const char *s)
{
	size_t n = strlen(s), k = 0;

	while (k < n && s[n - 1 - k] >= 'a' && s[n - 1 - k] <= 'z')
		k++;
	if (k < 8 || (k < n && s[n - 1 - k] != ' '))
		return 0;
	return k;
}

/* Pages of 45 lines, each with a running header, "Side k af N" and a
   form feed; every long last word of a text line followed by a text
   line hyphenated onto it ("ram-" / "meaftale"). */
static char *
w_paged(struct arena *a, const struct src *s)
{
	struct buf	 b;
	size_t		 i, k, w, pages = (s->n + 44) / 45;
	const char	*carry = NULL;
	char		*line;

	buf_init(&b);
	for (i = 0; i < s->n; i++) {
		if (i % 45 == 0) {
			if (i > 0)
				buf_printf(&b, "Side %zu af %zu\n\f", i / 45,
				    pages);
			put_line(&b, "Rammeaftalesekretariatet Nordjylland");
		}
		line = carry ? arena_printf(a, "%s%s%s", carry,
		    *s->v[i] ? " " : "", s->v[i]) : s->v[i];
		carry = NULL;
		if (i + 1 < s->n && (i + 1) % 45 != 0 && i >= s->first_item &&
		    !heading_at(s, i) && !marker_at(s, i) && !heading_at(s,
		    i + 1) && !marker_at(s, i + 1) && *s->v[i + 1] != '\0' &&
		    bullet_rest(s->v[i + 1]) == NULL &&
		    (w = last_word(line)) > 0) {
			k = strlen(line) - w + w / 2;
			carry = arena_strdup(a, line + k);
			buf_printf(&b, "%.*s-\n", (int)k, line);
			continue;
		}
		put_line(&b, line);
	}
	buf_printf(&b, "Side %zu af %zu\n", pages, pages);
	return done(a, &b);
}

static void
xml_text(struct buf *b, const char *s)
{
	put_escaped(b, s);
}

static void
docx_para(struct buf *b, const char *s, bool bold)
{
	buf_puts(b, "<w:p><w:r>");
	if (bold)
		buf_puts(b, "<w:rPr><w:b/></w:rPr>");
	buf_puts(b, "<w:t xml:space=\"preserve\">");
	xml_text(b, s);
	buf_puts(b, "</w:t></w:r></w:p>");
}

/* document.xml packed as a DOCX (with the parts Word writes beside
   it), its text as doc_text reads it; b is freed. */
static char *
docx_text(struct arena *a, struct buf *b)
{
	static const char ct[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
	    "content-types\"><Default Extension=\"rels\" ContentType=\""
	    "application/vnd.openxmlformats-package.relationships+xml\"/>"
	    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	    "<Override PartName=\"/word/document.xml\" ContentType=\""
	    "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.document.main+xml\"/></Types>";
	static const char rels[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" "
	    "standalone=\"yes\"?><Relationships xmlns=\"http://schemas."
	    "openxmlformats.org/package/2006/relationships\"><Relationship "
	    "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
	    "officeDocument/2006/relationships/officeDocument\" Target=\""
	    "word/document.xml\"/></Relationships>";
	zip_source_t	*zs;
	zip_error_t	 ze;
	zip_t		*z;
	zip_stat_t	 st;
	char		*data, *text;

	zip_error_init(&ze);
	zs = zip_source_buffer_create(NULL, 0, 0, &ze);
	assert_non_null(zs);
	zip_source_keep(zs);
	z = zip_open_from_source(zs, ZIP_TRUNCATE, &ze);
	assert_non_null(z);
	assert_true(zip_file_add(z, "[Content_Types].xml",
	    zip_source_buffer(z, ct, strlen(ct), 0), 0) >= 0);
	assert_true(zip_file_add(z, "_rels/.rels",
	    zip_source_buffer(z, rels, strlen(rels), 0), 0) >= 0);
	assert_true(zip_file_add(z, "word/document.xml",
	    zip_source_buffer(z, buf_str(b), b->len, 0), 0) >= 0);
	assert_int_equal(zip_close(z), 0);
	assert_int_equal(zip_source_stat(zs, &st), 0);
	data = malloc(st.size);
	assert_int_equal(zip_source_open(zs), 0);
	assert_int_equal(zip_source_read(zs, data, st.size),
	    (zip_int64_t)st.size);
	zip_source_close(zs);
	zip_source_free(zs);
	buf_cleanup(b);
	assert_string_equal(doc_text_type(data, st.size), DOC_TYPE_DOCX);
	text = doc_text_extract(a, DOC_TYPE_DOCX, data, st.size);
	free(data);
	assert_non_null(text);
	return text;
}

/* A minimal DOCX: the header as a two-column table with bold labels,
   the rest one paragraph a line; its text as doc_text reads it. */
static char *
w_docx(struct arena *a, const struct src *s)
{
	struct buf	 b;
	const char	*lab;
	bool		 table = false;

	buf_init(&b);
	buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
	    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/"
	    "2006/main\"><w:body>");
	for (size_t i = 0; i < s->n; i++) {
		if ((lab = label_at(s, i)) != NULL) {
			if (!table)
				buf_puts(&b, "<w:tbl>");
			table = true;
			buf_puts(&b, "<w:tr><w:tc>");
			docx_para(&b, lab, true);
			buf_puts(&b, "</w:tc><w:tc>");
			docx_para(&b, trim(s->v[i] + strlen(lab)), false);
			/* a value over several lines stays in its cell */
			while (i + 1 < s->first_item && *s->v[i + 1] != '\0' &&
			    label_at(s, i + 1) == NULL)
				docx_para(&b, s->v[++i], false);
			buf_puts(&b, "</w:tc></w:tr>");
			continue;
		}
		if (table && *s->v[i] == '\0')
			continue;
		if (table)
			buf_puts(&b, "</w:tbl>");
		table = false;
		docx_para(&b, s->v[i], heading_at(s, i) || marker_at(s, i));
	}
	if (table)
		buf_puts(&b, "</w:tbl>");
	buf_puts(&b, "</w:body></w:document>");
	return docx_text(a, &b);
}

/* ------------------------------------------------------------------ */
/* Word's own habits                                                   */
/* ------------------------------------------------------------------ */

#define NBSP	"\xc2\xa0"	/* U+00A0 no-break space */
#define SHY	"\xc2\xad"	/* U+00AD soft hyphen */

/* Whether p starts a word after which Word keeps the next word on the
   line: "6." (a date's day, an item's number), "kl.", "nr.". */
static bool
binds_next(const char *word, size_t n)
{
	if (n >= 2 && word[n - 1] == '.' && word[0] >= '0' && word[0] <= '9')
		return true;
	return (n == 3 && strncmp(word, "kl.", 3) == 0) ||
	    (n == 3 && strncmp(word, "nr.", 3) == 0);
}

/*
 * One line as Word writes it: a no-break space after "6.", "kl.", "nr.";
 * an optional (soft) hyphen in the middle of each long lower-case word,
 * written by put_shy; a quotation mark that opens (after a space, a
 * parenthesis or at the start) as “.
 */
static void
word_line(struct buf *b, const char *s, void (*put_shy)(struct buf *))
{
	const char	*p = s, *w;
	size_t		 n, k;

	while (*p != '\0') {
		if (*p == ' ') {
			buf_putc(b, ' ');
			p++;
			continue;
		}
		for (w = p; *p != '\0' && *p != ' '; p++)
			;
		n = (size_t)(p - w);
		if (strncmp(w, "”", 3) == 0 && (w == s || w[-1] == ' ' ||
		    w[-1] == '(')) {
			buf_puts(b, "“");
			w += 3;
			n -= 3;
		}
		for (k = 0; k < n && w[k] >= 'a' && w[k] <= 'z'; k++)
			;
		if (k == n && n >= 10) {
			buf_append(b, w, n / 2);
			put_shy(b);
			buf_append(b, w + n / 2, n - n / 2);
		} else
			buf_append(b, w, n);
		if (*p == ' ' && binds_next(w, n) && p[1] != '\0' &&
		    p[1] != ' ') {
			buf_puts(b, NBSP);
			p++;
		}
	}
}

static void
shy_text(struct buf *b)
{
	buf_puts(b, SHY);
}

/* Word's "Save as plain text" (UTF-8): a byte-order mark, CR LF line
   ends, a tab after an item's number, and word_line's habits. */
static char *
w_word_text(struct arena *a, const struct src *s)
{
	struct buf	 b;
	const char	*p;

	buf_init(&b);
	buf_puts(&b, "\xef\xbb\xbf");
	for (size_t i = 0; i < s->n; i++) {
		p = s->v[i];
		if (heading_at(s, i)) {
			p = strchr(p, '.') + 1;
			buf_append(&b, s->v[i], (size_t)(p - s->v[i]));
			buf_putc(&b, '\t');
			p++;
		}
		word_line(&b, p, shy_text);
		buf_puts(&b, "\r\n");
	}
	return done(a, &b);
}

/* A soft hyphen's place in a run, made markup by word_runs. */
static void
shy_mark(struct buf *b)
{
	buf_putc(b, '\001');
}

/*
 * A run of text as Word stores it: split into runs every so often (as
 * revisions and spelling marks split them), "-" between digits a
 * non-breaking hyphen, the text escaped.
 */
static void
word_runs(struct buf *b, const char *s, bool bold)
{
	struct buf	 t;
	const char	*rpr = bold ? "<w:rPr><w:b/><w:bCs/></w:rPr>" : "";
	size_t		 i, col = 0;

	buf_init(&t);
	word_line(&t, s, shy_mark);
	buf_printf(b, "<w:r w:rsidR=\"00A1\">%s<w:t xml:space=\"preserve\">",
	    rpr);
	for (i = 0; i < t.len; i++, col++) {
		char ch = t.data[i];

		if (ch == '\001') {
			buf_printf(b, "</w:t></w:r><w:r>%s<w:softHyphen/></w:r>"
			    "<w:r>%s<w:t xml:space=\"preserve\">", rpr, rpr);
			continue;
		}
		if (ch == '-' && i > 0 && i + 1 < t.len &&
		    t.data[i - 1] >= '0' && t.data[i - 1] <= '9' &&
		    t.data[i + 1] >= '0' && t.data[i + 1] <= '9') {
			buf_printf(b, "</w:t></w:r><w:r>%s<w:noBreakHyphen/>"
			    "</w:r><w:r>%s<w:t xml:space=\"preserve\">", rpr,
			    rpr);
			continue;
		}
		/* a new run at a space now and then, a spelling mark
		   between */
		if (ch == ' ' && col >= 23) {
			buf_printf(b, "</w:t></w:r><w:proofErr w:type=\""
			    "spellStart\"/><w:r w:rsidR=\"00B2\">%s<w:t "
			    "xml:space=\"preserve\"> ", rpr);
			col = 0;
			continue;
		}
		if (ch == '&')
			buf_puts(b, "&amp;");
		else if (ch == '<')
			buf_puts(b, "&lt;");
		else if (ch == '>')
			buf_puts(b, "&gt;");
		else
			buf_putc(b, ch);
	}
	buf_puts(b, "</w:t></w:r>");
	buf_cleanup(&t);
}

static void
word_para(struct buf *b, const char *style, const char *s, bool bold)
{
	buf_puts(b, "<w:p w:rsidR=\"00C3\" w:rsidRDefault=\"00C3\">");
	if (style != NULL)
		buf_printf(b, "<w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>",
		    style);
	if (*s != '\0')
		word_runs(b, s, bold);
	buf_puts(b, "</w:p>");
}

/*
 * A DOCX as Word saves it: the header a real table (table properties,
 * its grid, cell widths, bold labels with a colon in a run of their
 * own, a value over several lines one paragraph with line breaks),
 * items as headings with a tab after the number, runs split by
 * revisions and spelling marks, soft and non-breaking hyphens, no-break
 * spaces and typographic quotes; read back through doc_text.
 */
static char *
w_word_docx(struct arena *a, const struct src *s)
{
	struct buf	 b;
	const char	*lab, *p;
	bool		 table = false;

	buf_init(&b);
	buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\""
	    "yes\"?>\r\n<w:document xmlns:w=\"http://schemas.openxmlformats."
	    "org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas."
	    "openxmlformats.org/officeDocument/2006/relationships\"><w:body>");
	for (size_t i = 0; i < s->n; i++) {
		if ((lab = label_at(s, i)) != NULL) {
			if (!table)
				buf_puts(&b, "<w:tbl><w:tblPr><w:tblStyle "
				    "w:val=\"Tabel-Gitter\"/><w:tblW w:w=\"0\" "
				    "w:type=\"auto\"/><w:tblBorders><w:top "
				    "w:val=\"nil\"/></w:tblBorders><w:tblLook "
				    "w:val=\"04A0\"/></w:tblPr><w:tblGrid>"
				    "<w:gridCol w:w=\"2268\"/><w:gridCol w:w="
				    "\"7360\"/></w:tblGrid>");
			table = true;
			buf_puts(&b, "<w:tr w:rsidR=\"00D4\"><w:tc><w:tcPr>"
			    "<w:tcW w:w=\"2268\" w:type=\"dxa\"/></w:tcPr>"
			    "<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr>");
			word_runs(&b, lab, true);
			buf_puts(&b, "<w:r><w:rPr><w:b/></w:rPr><w:t>:</w:t>"
			    "</w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w=\""
			    "7360\" w:type=\"dxa\"/></w:tcPr><w:p>");
			word_runs(&b, trim(s->v[i] + strlen(lab)), false);
			while (i + 1 < s->first_item && *s->v[i + 1] != '\0' &&
			    label_at(s, i + 1) == NULL) {
				buf_puts(&b, "<w:r><w:br/></w:r>");
				word_runs(&b, s->v[++i], false);
			}
			buf_puts(&b, "</w:p></w:tc></w:tr>");
			continue;
		}
		if (table && *s->v[i] == '\0')
			continue;
		if (table)
			buf_puts(&b, "</w:tbl><w:p/>");
		table = false;
		if (heading_at(s, i)) {
			p = strchr(s->v[i], '.') + 1;
			buf_puts(&b, "<w:p><w:pPr><w:pStyle w:val=\"Overskrift2\"/>"
			    "</w:pPr><w:r><w:t>");
			buf_append(&b, s->v[i], (size_t)(p - s->v[i]));
			buf_puts(&b, "</w:t></w:r><w:r><w:tab/></w:r>");
			word_runs(&b, p + 1, true);
			buf_puts(&b, "</w:p>");
		} else
			word_para(&b, marker_at(s, i) ? "Overskrift3" : NULL,
			    s->v[i], marker_at(s, i));
	}
	if (table)
		buf_puts(&b, "</w:tbl>");
	buf_puts(&b, "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
	    "</w:sectPr></w:body></w:document>");
	return docx_text(a, &b);
}

/* The PDF as written, under $CORPUS_DUMP as <title>.pdf (for
   pdftotext(1) by hand). */
static void
dump_bytes(const struct minutes_doc *d, const void *data, size_t len)
{
	const char	*dir = getenv("CORPUS_DUMP");
	char		 path[4096];
	FILE		*f;

	if (dir == NULL || *dir == '\0')
		return;
	snprintf(path, sizeof(path), "%s/%.10s.pdf", dir,
	    d->start != NULL ? d->start : "undated");
	if ((f = fopen(path, "wb")) != NULL) {
		fwrite(data, 1, len, f);
		fclose(f);
	}
}

/* The meeting as ramme's own PDF writer lays it out (the minutes), read
   back through pdftotext. */
static char *
w_pdf(struct arena *a, const struct minutes_doc *d)
{
	struct meeting_view		 v;
	struct meeting_view_item	*it;
	struct buf			 out;
	struct err			 e;
	size_t				 i, k, np = 0;
	char				*text;

	memset(&v, 0, sizeof(v));
	v.id = 1;
	v.body_name = d->body;
	v.body_key = d->body_key;
	v.title = d->title;
	v.start = d->start;
	v.end = d->end;
	v.place = d->place;
	v.state = "referat_godkendt";
	v.referent = d->referent;
	v.case_no = d->case_no;
	v.doc_no = d->doc_no;
	v.people = arena_calloc(a, d->nparticipants + d->napologies + 1,
	    sizeof(*v.people));
	for (i = 0; i < d->nparticipants; i++, np++) {
		v.people[np].name = d->participants[i].name;
		v.people[np].organisation = d->participants[i].organisation;
		v.people[np].note = d->participants[i].note;
		v.people[np].status = "deltager";
	}
	for (i = 0; i < d->napologies; i++, np++) {
		v.people[np].name = d->apologies[i].name;
		v.people[np].organisation = d->apologies[i].organisation;
		v.people[np].note = d->apologies[i].note;
		v.people[np].status = "afbud";
	}
	v.npeople = np;
	v.items = arena_calloc(a, d->nitems + 1, sizeof(*v.items));
	for (i = 0; i < d->nitems; i++) {
		it = &v.items[i];
		it->number = d->items[i].number;
		it->section = d->items[i].section;
		it->title = d->items[i].title;
		it->background = d->items[i].background;
		it->recommendation = d->items[i].recommendation;
		it->minutes = d->items[i].minutes;
		it->closed = d->items[i].closed;
		it->files = arena_calloc(a, d->items[i].nattachments + 1,
		    sizeof(*it->files));
		for (k = 0; k < d->items[i].nattachments; k++)
			it->files[k].name = d->items[i].attachments[k];
		it->nfiles = d->items[i].nattachments;
	}
	v.nitems = d->nitems;
	buf_init(&out);
	assert_int_equal(pdf_meeting_write_buf(&v, PDF_MINUTES, true, &out,
	    &e), 0);
	text = doc_text_extract(a, DOC_TYPE_PDF, buf_str(&out), out.len);
	dump_bytes(d, out.data, out.len);
	buf_cleanup(&out);
	return text;
}

/* ------------------------------------------------------------------ */
/* Comparison                                                          */
/* ------------------------------------------------------------------ */

/* Every string in j with white space runs made one space, trimmed. */
static void
squeeze(json_t *j)
{
	const char	*key, *s;
	json_t		*v;
	size_t		 i;
	char		*t, *o;

	if (json_is_object(j)) {
		json_object_foreach(j, key, v) {
			if (json_is_string(v)) {
				s = json_string_value(v);
				t = o = malloc(strlen(s) + 1);
				for (; *s != '\0'; s++) {
					/* typography aside: “ „ as ” */
					if (strncmp(s, "“", 3) == 0 ||
					    strncmp(s, "„", 3) == 0) {
						memcpy(o, "”", 3);
						o += 3;
						s += 2;
					} else if (*s == ' ' || *s == '\n' ||
					    *s == '\t') {
						if (o > t && o[-1] != ' ')
							*o++ = ' ';
					} else
						*o++ = *s;
				}
				while (o > t && o[-1] == ' ')
					o--;
				*o = '\0';
				json_object_set_new(j, key, json_string(t));
				free(t);
			} else
				squeeze(v);
		}
	} else if (json_is_array(j)) {
		json_array_foreach(j, i, v) {
			if (json_is_string(v)) {
				json_t *o2 = json_object();
				json_object_set(o2, "s", v);
				squeeze(o2);
				json_array_set(j, i, json_object_get(o2, "s"));
				json_decref(o2);
			} else
				squeeze(v);
		}
	}
}

/* The meeting of d as compared: the JSON form without warnings and
   without the lines of unplaced text. */
static json_t *
meeting_of(const struct minutes_doc *d)
{
	json_t	*j = minutes_to_json(d), *u, *v;
	size_t	 i;

	json_object_del(j, "warnings");
	u = json_object_get(j, "unplaced");
	json_array_foreach(u, i, v)
		json_object_del(v, "line");
	squeeze(j);
	return j;
}

static void
parse(struct arena *a, const char *text, struct minutes_doc *d)
{
	struct err e;

	assert_non_null(text);
	if (minutes_parse(a, text, strlen(text), d, &e) != 0)
		fail_msg("parse failed: %s", e.msg);
}

/* Dump the JSON of a mismatch, and every variant's text, under
   $CORPUS_DUMP (for diff(1)). */
static void
dump(const char *seedname, const char *writer, const char *what,
    const json_t *j)
{
	const char	*dir = getenv("CORPUS_DUMP");
	char		 path[4096];

	if (dir == NULL || *dir == '\0')
		return;
	snprintf(path, sizeof(path), "%s/%.3s-%s-%s.json", dir, seedname,
	    writer, what);
	json_dump_file(j, path, JSON_INDENT(1) | JSON_SORT_KEYS);
}

static void
dump_text(const char *seedname, const char *writer, const char *text)
{
	const char	*dir = getenv("CORPUS_DUMP");
	char		 path[4096];
	FILE		*f;

	if (dir == NULL || *dir == '\0')
		return;
	snprintf(path, sizeof(path), "%s/%.3s-%s.txt", dir, seedname, writer);
	if ((f = fopen(path, "w")) != NULL) {
		fputs(text, f);
		fclose(f);
	}
}

/* 1 when the variant does not parse to the meeting of the plain text
   (reported), else 0. */
static int
same(const char *seedname, const char *writer, json_t *want,
    struct arena *a, const char *text)
{
	struct minutes_doc	 d;
	json_t			*got;
	int			 bad;

	parse(a, text, &d);
	got = meeting_of(&d);
	if ((bad = !json_equal(got, want)) != 0) {
		print_error("%s through %s parses to another meeting\n",
		    seedname, writer);
		dump(seedname, writer, "want", want);
		dump(seedname, writer, "got", got);
	}
	dump_text(seedname, writer, text);
	json_decref(got);
	return bad;
}

static void
run_seed(const char *name)
{
	struct arena		 a;
	struct minutes_doc	 d;
	struct src		 s;
	json_t			*want, *placed;
	char			*text;
	int			 bad = 0;

	arena_init(&a);
	text = seed(name);
	parse(&a, text, &d);
	assert_true(d.nitems > 0);
	want = meeting_of(&d);
	src_split(&a, text, &s);

	bad += same(name, "plain", want, &a, text);
	bad += same(name, "markdown-list", want, &a, w_markdown(&a, &s, true));
	bad += same(name, "markdown", want, &a, w_markdown(&a, &s, false));
	bad += same(name, "html", want, &a, w_html(&a, &s));
	bad += same(name, "own-lines", want, &a, w_own_lines(&a, &s));
	bad += same(name, "case-form-0", want, &a, w_case_form(&a, &s, 0));
	bad += same(name, "case-form-1", want, &a, w_case_form(&a, &s, 1));
	bad += same(name, "case-form-2", want, &a, w_case_form(&a, &s, 2));
	bad += same(name, "paged", want, &a, w_paged(&a, &s));
	bad += same(name, "docx", want, &a, w_docx(&a, &s));
	bad += same(name, "word-text", want, &a, w_word_text(&a, &s));
	bad += same(name, "word-docx", want, &a, w_word_docx(&a, &s));
	/* The PDF is written from the meeting, so it carries no unplaced
	   text: it must parse to the meeting with none. */
	if (tool_need("pdftotext", "poppler-utils")) {
		placed = json_deep_copy(want);
		json_object_set_new(placed, "unplaced", json_array());
		bad += same(name, "pdf", placed, &a, w_pdf(&a, &d));
		json_decref(placed);
	}
	assert_int_equal(bad, 0);
	json_decref(want);
	free(text);
	arena_cleanup(&a);
}

static void test_seed_000(void **st) { (void)st; run_seed(seeds[0]); }
static void test_seed_002(void **st) { (void)st; run_seed(seeds[1]); }
static void test_seed_003(void **st) { (void)st; run_seed(seeds[2]); }

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_000),
		cmocka_unit_test(test_seed_002),
		cmocka_unit_test(test_seed_003),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
