/*
 * minutes — parse minutes exported as text (see minutes.h).
 *
 * The parse is a pipeline over an array of lines. Each stage marks the
 * lines it takes (enum use), so the last stage can report what nobody
 * took instead of losing it:
 *   1. normalise(): check the input, split it into lines, clean odd
 *      characters, remove page furniture and markdown marks, join words
 *      hyphenated across lines;
 *   2. mark_quotes(): lines inside a quotation cannot start an item;
 *   3. find_heads(): numbered headings, the agenda list before the
 *      minutes, the sequence of real items, section headings;
 *   4. find_header(): the header fields before the first item;
 *   5. pre_items(): the document title, an unnumbered item before item 1;
 *   6. parse_item(): each item's title and body, split by marker lines
 *      ("Indstilling", "Bilag", "Referat") into fields;
 *   7. collect_unplaced(), then what can be inferred (organisations of
 *      people, the body when the header is missing).
 * The heuristics are named where they are used; they were tuned on the
 * three exported minutes in tests/fixtures/minutes/.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/minutes.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

#define QUOTE_SPAN	30	/* non-blank lines a quotation may span */
#define NUM_MAX		999	/* highest item number recognised */
#define TITLE_LINES	3	/* continuation lines an item title may have */
#define NEAR_PAGE	2	/* lines of text either side of a page
				   number that may be a running header or
				   footer … */
#define NEAR_SPAN	8	/* … within this many lines */
#define EXCERPT		60	/* code points quoted in a warning */
#define JOINS_MAX	4	/* hyphenation joins into one line */

/* Who took a line. */
enum use {
	USE_NONE = 0,		/* nobody (yet) */
	USE_GONE,		/* removed or emptied by normalisation */
	USE_TITLE,		/* the document title */
	USE_HEADER,		/* a header field */
	USE_AGENDA,		/* the agenda list before the minutes */
	USE_SECTION,		/* a section heading */
	USE_HEADING,		/* an item heading or its continuation */
	USE_MARKER,		/* a label such as "Referat" (not text) */
	USE_ITEM,		/* text of an item field */
	USE_UNPLACED		/* reported in unplaced */
};

struct line {
	char		*s;	/* trimmed text, "" when blank */
	size_t		 len;	/* bytes in s */
	int		 no;	/* input line, 1-based */
	bool		 shy;	/* ended in a soft hyphen */
	bool		 quoted; /* inside a quotation: no item, no marker */
	enum use	 use;
};

/* Marker lines that start a field of an item. */
enum mark {
	MARK_NONE = 0,
	MARK_BACKGROUND,	/* "Sagsfremstilling", "Baggrund" */
	MARK_RECOMMENDATION,	/* "Indstilling" */
	MARK_ATTACHMENTS,	/* "Bilag" */
	MARK_MINUTES,		/* "Referat", "Beslutning" */
	MARK_CLOSED		/* "Lukket punkt" */
};

enum field {
	F_BACKGROUND,
	F_RECOMMENDATION,
	F_ATTACHMENTS,
	F_MINUTES,
	F_COUNT
};

/* Header fields by their label. */
enum hfield {
	H_NONE = -1,
	H_MEETING,		/* Møde */
	H_TIME,			/* Tid */
	H_PLACE,		/* Sted */
	H_PARTICIPANTS,		/* Deltagere */
	H_APOLOGIES,		/* Afbud */
	H_REFERENT,		/* Referent */
	H_CASEDOC,		/* Sagsnr./Dok.nr. */
	H_CASE,			/* Sagsnr. */
	H_DOC			/* Dok.nr. */
};

/* A numbered heading. */
struct head {
	size_t		 i;	/* line index */
	int		 num;	/* item number */
	const char	*title;	/* text after the number, in the line */
	const char	*section; /* section it is in, NULL */
};

/* Lines of one field; NULL entries stand for blank lines. */
struct segs {
	const char	**v;
	size_t		  n;
	size_t		  cap;
};

struct ctx {
	struct arena		*a;
	struct minutes_doc	*d;
	struct line		*l;		/* all lines, gone ones too */
	size_t			 n;
	size_t			 wrap;		/* typical line width */
	size_t			 cap_warnings;
	size_t			 cap_participants;
	size_t			 cap_apologies;
	size_t			 cap_unplaced;
	size_t			 cap_agenda;
	bool			 has_minutes;	/* some "Referat" marker */
	const char		*meeting;	/* the Møde field */
};

/* The eleven municipalities of North Jutland (lower case, for
 * prefix_ci), with the genitive form the minutes use. */
static const char *const municipalities[] = {
	"aalborg", "brønderslev", "frederikshavn", "hjørring", "jammerbugt",
	"læsø", "mariagerfjord", "morsø", "rebild", "thisted",
	"vesthimmerlands", "vesthimmerland", NULL
};

static const char *const month_names[12] = {
	"januar", "februar", "marts", "april", "maj", "juni", "juli",
	"august", "september", "oktober", "november", "december"
};

static const char *const month_abbrevs[12] = {
	"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt",
	"nov", "dec"
};

/* ------------------------------------------------------------------ */
/* Characters and strings                                              */
/* ------------------------------------------------------------------ */

/* The code point at s (valid UTF-8) and its length in *n (0 at NUL). */
static uint32_t
cp_at(const char *s, size_t *n)
{
	const unsigned char *p = (const unsigned char *)s;

	if (p[0] < 0x80) {
		*n = p[0] != 0;
		return p[0];
	}
	if ((p[0] & 0xe0) == 0xc0 && p[1] != 0) {
		*n = 2;
		return ((uint32_t)(p[0] & 0x1f) << 6) | (p[1] & 0x3f);
	}
	if ((p[0] & 0xf0) == 0xe0 && p[1] != 0 && p[2] != 0) {
		*n = 3;
		return ((uint32_t)(p[0] & 0x0f) << 12) |
		    ((uint32_t)(p[1] & 0x3f) << 6) | (p[2] & 0x3f);
	}
	if ((p[0] & 0xf8) == 0xf0 && p[1] != 0 && p[2] != 0 && p[3] != 0) {
		*n = 4;
		return ((uint32_t)(p[0] & 0x07) << 18) |
		    ((uint32_t)(p[1] & 0x3f) << 12) |
		    ((uint32_t)(p[2] & 0x3f) << 6) | (p[3] & 0x3f);
	}
	*n = 1;
	return 0xfffd;
}

/* The code point that ends at s + i; its first byte in *start. */
static uint32_t
cp_before(const char *s, size_t i, size_t *start)
{
	size_t n, j = i;

	if (i == 0) {
		*start = 0;
		return 0;
	}
	j--;
	while (j > 0 && ((unsigned char)s[j] & 0xc0) == 0x80)
		j--;
	*start = j;
	return cp_at(s + j, &n);
}

static bool
is_upper(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7);
}

static bool
is_lower(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 0xdf && c <= 0xff && c != 0xf7);
}

static bool
is_alpha(uint32_t c)
{
	return is_upper(c) || is_lower(c) || (c >= 0x100 && c <= 0x24f);
}

static bool
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* True if p is at the end of a word (not followed by a letter/digit). */
static bool
word_end(const char *p)
{
	size_t		n;
	uint32_t	c = cp_at(p, &n);

	return !is_alpha(c) && !is_digit((int)c);
}

/*
 * If s starts with w, ignoring case (ASCII and Latin-1 letters), return
 * the position after it in s; a space in w matches a run of spaces.
 * Otherwise NULL. w is lower case.
 */
static const char *
prefix_ci(const char *s, const char *w)
{
	const unsigned char	*p = (const unsigned char *)s;
	const unsigned char	*q = (const unsigned char *)w;
	unsigned		 a;

	while (*q != '\0') {
		if (*q == ' ') {
			if (*p != ' ')
				return NULL;
			while (*p == ' ')
				p++;
			q++;
			continue;
		}
		if (*p == 0xc3 && *q == 0xc3) {
			a = p[1];
			if (a >= 0x80 && a <= 0x9e && a != 0x97)
				a += 0x20;
			if (a != q[1])
				return NULL;
			p += 2;
			q += 2;
			continue;
		}
		a = *p;
		if (a >= 'A' && a <= 'Z')
			a += 32;
		if (a != *q)
			return NULL;
		p++;
		q++;
	}
	return (const char *)p;
}

/* prefix_ci() that must end at a word boundary. */
static const char *
word_ci(const char *s, const char *w)
{
	const char *p = prefix_ci(s, w);

	return p != NULL && word_end(p) ? p : NULL;
}

/* True if s contains w (lower case) anywhere, ignoring case. */
static bool
contains_ci(const char *s, const char *w)
{
	for (; *s != '\0'; s++)
		if (prefix_ci(s, w) != NULL)
			return true;
	return false;
}

/* True if s contains the word w (lower case), ignoring case. */
static bool
contains_word_ci(const char *s, const char *w)
{
	const char	*p;
	size_t		 st;

	for (p = s; *p != '\0'; p++) {
		if (p > s && (is_alpha(cp_before(s, (size_t)(p - s), &st)) ||
		    is_digit(p[-1])))
			continue;
		if (word_ci(p, w) != NULL)
			return true;
	}
	return false;
}

static const char *
skip_spaces(const char *p)
{
	while (*p == ' ')
		p++;
	return p;
}

/* Copy of s[0..n) with spaces trimmed at both ends; NULL when empty. */
static char *
dup_trim(struct arena *a, const char *s, size_t n)
{
	while (n > 0 && *s == ' ') {
		s++;
		n--;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return n > 0 ? arena_strndup(a, s, n) : NULL;
}

/* Number of code points. */
static size_t
width(const char *s)
{
	return text_utf8_len(s, strlen(s));
}

/* At most max code points of s, with "…" when cut. */
static const char *
excerpt(struct arena *a, const char *s, size_t max)
{
	size_t i = 0, k = 0, n;

	while (s[i] != '\0' && k < max) {
		cp_at(s + i, &n);
		i += n;
		k++;
	}
	if (s[i] == '\0')
		return s;
	return arena_printf(a, "%.*s…", (int)i, s);
}

/* Room for one more element in an arena array of *cap elements. */
static void *
grow(struct arena *a, void *v, size_t n, size_t *cap, size_t size)
{
	void *w;

	if (n < *cap)
		return v;
	*cap = *cap != 0 ? *cap * 2 : 8;
	w = arena_calloc(a, *cap, size);
	if (n > 0)
		memcpy(w, v, n * size);
	return w;
}

static void	warn(struct ctx *c, int line, const char *key,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
warn(struct ctx *c, int line, const char *key, const char *fmt, ...)
{
	struct minutes_doc	*d = c->d;
	struct minutes_warning	*w;
	va_list			 ap;

	d->warnings = grow(c->a, d->warnings, d->nwarnings, &c->cap_warnings,
	    sizeof(*d->warnings));
	w = &d->warnings[d->nwarnings++];
	w->line = line;
	w->key = key;
	va_start(ap, fmt);
	w->msg = arena_vprintf(c->a, fmt, ap);
	va_end(ap);
}

static void
seg_push(struct ctx *c, struct segs *s, const char *text)
{
	s->v = grow(c->a, s->v, s->n, &s->cap, sizeof(*s->v));
	s->v[s->n++] = text;
}

/* A list item mark at the start of a line: "-", "•", "1)", "a." … */
static bool
list_start(const char *s)
{
	size_t		 n;
	uint32_t	 c = cp_at(s, &n);
	const char	*p = s;

	if (c == '-' || c == '*' || c == 0x2022 || c == 0x2013 ||
	    c == 0xb7 || c == 0x25aa)
		return true;
	while (is_digit(*p))
		p++;
	/* "2. Punkt" is a list item, "14. december" a wrapped date */
	return p > s && (*p == ')' || *p == '.') && p[1] == ' ' &&
	    !is_lower(cp_at(skip_spaces(p + 1), &n));
}

/*
 * Join the lines of a field into text. Paragraphs (separated by blank
 * lines) are separated by one blank line. Within a paragraph the export's
 * hard wraps are undone: a line that reaches the typical width, or is
 * followed by one starting in lower case, continues on the next with a
 * space; otherwise (short lines, a line ending in ':', a line before a
 * list item) the line break stays (tables, lists).
 * NULL when the field is empty.
 */
static const char *
reflow(struct ctx *c, const struct segs *s)
{
	struct buf	 b;
	const char	*prev = NULL, *out;
	bool		 para = false;
	size_t		 i, plen, n;

	buf_init(&b);
	for (i = 0; i < s->n; i++) {
		if (s->v[i] == NULL) {
			if (b.len > 0)
				para = true;
			prev = NULL;
			continue;
		}
		if (b.len == 0)
			;
		else if (para || prev == NULL)
			buf_puts(&b, "\n\n");
		else {
			plen = strlen(prev);
			if ((width(prev) * 10 >= c->wrap * 7 ||
			    is_lower(cp_at(s->v[i], &n))) &&
			    prev[plen - 1] != ':' && !list_start(s->v[i]))
				buf_putc(&b, ' ');
			else
				buf_putc(&b, '\n');
		}
		buf_puts(&b, s->v[i]);
		para = false;
		prev = s->v[i];
	}
	out = b.len > 0 ? arena_strndup(c->a, b.data, b.len) : NULL;
	buf_cleanup(&b);
	return out;
}

/* ------------------------------------------------------------------ */
/* What a line is                                                       */
/* ------------------------------------------------------------------ */

/*
 * A marker line: "Referat", "Referat:", "Referat: text" (the text after
 * the colon in *inl, else NULL). MARK_NONE for anything else.
 */
static enum mark
mark_of(const char *s, const char **inl)
{
	static const struct {
		const char	*word;
		enum mark	 mark;
	} marks[] = {
		{ "referat og beslutning",	MARK_MINUTES },
		{ "beslutning og referat",	MARK_MINUTES },
		{ "referat/beslutning",		MARK_MINUTES },
		{ "beslutning/referat",		MARK_MINUTES },
		{ "beslutningsreferat",		MARK_MINUTES },
		{ "referat",			MARK_MINUTES },
		{ "beslutning",			MARK_MINUTES },
		{ "beslutninger",		MARK_MINUTES },
		{ "indstillinger",		MARK_RECOMMENDATION },
		{ "indstilling",		MARK_RECOMMENDATION },
		{ "forslag til beslutning",	MARK_RECOMMENDATION },
		{ "bilagsliste",		MARK_ATTACHMENTS },
		{ "bilag",			MARK_ATTACHMENTS },
		{ "sagsfremstilling",		MARK_BACKGROUND },
		{ "sagsbeskrivelse",		MARK_BACKGROUND },
		{ "sagens baggrund",		MARK_BACKGROUND },
		{ "baggrund",			MARK_BACKGROUND },
		{ "beskrivelse",		MARK_BACKGROUND },
		{ "lukket punkt",		MARK_CLOSED },
		{ "(lukket punkt)",		MARK_CLOSED },
	};
	const char	*p;
	size_t		 i;

	if (inl != NULL)
		*inl = NULL;
	for (i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
		if ((p = prefix_ci(s, marks[i].word)) == NULL)
			continue;
		p = skip_spaces(p);
		if (*p == '\0' || (*p == '.' && p[1] == '\0'))
			return marks[i].mark;
		if (*p != ':')
			continue;
		p = skip_spaces(p + 1);
		if (inl != NULL && *p != '\0')
			*inl = p;
		return marks[i].mark;
	}
	return MARK_NONE;
}

/* A line that only says which part of the document follows. */
static bool
is_part_marker(const char *s)
{
	static const char *const parts[] = { "dagsorden", "referat",
	    "beslutningsreferat", "mødereferat", "dagsordenspunkter", NULL };
	const char	*p;
	size_t		 i;

	for (i = 0; parts[i] != NULL; i++)
		if ((p = prefix_ci(s, parts[i])) != NULL &&
		    (*p == '\0' || (*p == ':' && p[1] == '\0')))
			return true;
	return false;
}

/* The header field a line starts with; its value in *val. */
static enum hfield
label_of(const char *s, const char **val)
{
	static const struct {
		const char	*label;
		enum hfield	 field;
	} labels[] = {
		{ "sagsnr./dok.nr.",	H_CASEDOC },
		{ "sagsnr./dok. nr.",	H_CASEDOC },
		{ "sags nr./dok. nr.",	H_CASEDOC },
		{ "sagsnr. / dok.nr.",	H_CASEDOC },
		{ "sagsnr. / dok. nr.",	H_CASEDOC },
		{ "sagsnr.",		H_CASE },
		{ "sags nr.",		H_CASE },
		{ "sagsnummer",		H_CASE },
		{ "journalnr.",		H_CASE },
		{ "dok.nr.",		H_DOC },
		{ "dok. nr.",		H_DOC },
		{ "dokumentnr.",	H_DOC },
		{ "mødeforum",		H_MEETING },
		{ "møde",		H_MEETING },
		{ "mødedato",		H_TIME },
		{ "tidspunkt",		H_TIME },
		{ "dato",		H_TIME },
		{ "tid",		H_TIME },
		{ "mødested",		H_PLACE },
		{ "sted",		H_PLACE },
		{ "deltagere",		H_PARTICIPANTS },
		{ "til stede",		H_PARTICIPANTS },
		{ "afbud",		H_APOLOGIES },
		{ "fraværende",		H_APOLOGIES },
		{ "referent",		H_REFERENT },
	};
	const char	*p;
	size_t		 i, n;

	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
		if ((p = prefix_ci(s, labels[i].label)) == NULL)
			continue;
		if (*p != '\0' && *p != ' ' && *p != ':')
			continue;
		if (*p == ':')
			p++;
		p = skip_spaces(p);
		/* "Møde i DAS den …" is a title line, not the Møde field */
		if (labels[i].field == H_MEETING && is_lower(cp_at(p, &n)))
			return H_NONE;
		if (val != NULL)
			*val = p;
		return labels[i].field;
	}
	return H_NONE;
}

/* True if p starts with a Danish month name or its abbreviation. */
static int
month_at(const char *p, const char **after)
{
	const char	*q;
	int		 m;

	for (m = 0; m < 12; m++)
		if ((q = word_ci(p, month_names[m])) != NULL) {
			*after = q;
			return m + 1;
		}
	for (m = 0; m < 12; m++)
		if ((q = prefix_ci(p, month_abbrevs[m])) != NULL) {
			if (*q == 't' && m == 8)	/* "sept." */
				q++;
			if (*q == '.')
				q++;
			else if (!word_end(q))
				continue;
			*after = q;
			return m + 1;
		}
	return 0;
}

/*
 * An item heading: "3. Title", "3) Title", "Punkt 3. Title", "Pkt. 3:
 * Title". The title must start with a capital letter, so dates ("14.
 * december") and running text ("1. halvår") are not headings.
 */
static bool
heading_of(const char *s, int *num, const char **title)
{
	const char	*p = s, *q;
	uint32_t	 c;
	size_t		 n;
	int		 v = 0, nd = 0;
	bool		 word = false;

	if ((q = word_ci(p, "punkt")) != NULL ||
	    (q = prefix_ci(p, "pkt.")) != NULL) {
		p = skip_spaces(q);
		word = true;
	}
	while (is_digit(*p) && nd < 4) {
		v = v * 10 + (*p++ - '0');
		nd++;
	}
	if (nd == 0 || nd > 3 || v < 1)
		return false;
	if (*p == '.' || *p == ')' || (word && *p == ':'))
		p++;
	else if (!word)
		return false;
	if (*p != ' ')
		return false;
	p = skip_spaces(p);
	c = cp_at(p, &n);
	if (!is_upper(c) || month_at(p, &q) != 0)
		return false;
	*num = v;
	*title = p;
	return true;
}

/* A section heading such as "Sager til behandling". */
static bool
is_section(const char *s)
{
	static const char *const exact[] = { "orienteringssager",
	    "orienteringspunkter", "orienteringer", "meddelelser",
	    "til beslutning", "til drøftelse", "til orientering",
	    "til efterretning", "til behandling", "lukkede punkter",
	    "lukkede sager", "lukket del", "lukket dagsorden", "lukket møde",
	    "åbne punkter", "åbne sager", "åben dagsorden", NULL };
	static const char *const starts[] = { "sager til ", "punkter til ",
	    "emner til ", NULL };
	const char	*p;
	size_t		 i;

	if (width(s) > 60)
		return false;
	for (i = 0; exact[i] != NULL; i++)
		if ((p = prefix_ci(s, exact[i])) != NULL &&
		    (*p == '\0' || (*p == ':' && p[1] == '\0')))
			return true;
	for (i = 0; starts[i] != NULL; i++)
		if (prefix_ci(s, starts[i]) != NULL)
			return true;
	return false;
}

/* A line whose role is fixed: heading, marker or header label. */
static bool
is_structural(const char *s)
{
	const char	*t;
	int		 num;

	return heading_of(s, &num, &t) || mark_of(s, NULL) != MARK_NONE ||
	    label_of(s, NULL) != H_NONE || is_part_marker(s);
}

/* ------------------------------------------------------------------ */
/* 1. Normalisation                                                    */
/* ------------------------------------------------------------------ */

/* Size, NUL bytes and UTF-8, naming the first bad line. */
static int
check_input(const char *text, size_t len, struct err *e)
{
	size_t	i, start = 0, lines;
	int	no = 1, rc;

	if (len > MINUTES_MAX_BYTES)
		return err_set(e, ERR_TOO_LARGE, "too_large", NULL,
		    "Referatet er for stort (%zu byte); højst %u byte", len,
		    MINUTES_MAX_BYTES);
	for (i = 0; i <= len; i++) {
		if (i < len && text[i] != '\n' && text[i] != '\0' &&
		    !(text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n')))
			continue;
		if (i < len && text[i] == '\0') {
			rc = err_set(e, ERR_INVALID, "invalid_characters",
			    NULL, "Referatet indeholder et NUL-tegn på linje "
			    "%d", no);
			if (e != NULL)
				e->line = no;
			return rc;
		}
		if (!text_utf8_valid(text + start, i - start)) {
			rc = err_set(e, ERR_INVALID, "invalid_utf8", NULL,
			    "Referatet er ikke gyldig UTF-8-tekst (linje %d); "
			    "gem filen som UTF-8", no);
			if (e != NULL)
				e->line = no;
			return rc;
		}
		start = i + 1;
		no++;
	}
	/* Lines as split_lines() will cut them (\f and \v break too). */
	for (i = 0, lines = 1; i < len; i++)
		if (text[i] == '\n' || text[i] == '\f' || text[i] == '\v' ||
		    (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n')))
			if (i + 1 < len && ++lines > MINUTES_MAX_LINES)
				return err_set(e, ERR_TOO_LARGE,
				    "too_many_lines", NULL, "Referatet har mere "
				    "end %d linjer", MINUTES_MAX_LINES);
	return 0;
}

/*
 * Copy one input line into dst, cleaned: tabs and stray control
 * characters become spaces, no-break spaces become spaces, invisible
 * characters (soft hyphen, zero-width spaces, byte-order mark) go, and
 * the private-use glyphs Word's Symbol font leaves for bullets become
 * "•". Never longer than the input. *shy tells whether the line ended in
 * a soft hyphen; *ctl counts the control characters replaced.
 */
static size_t
clean_line(char *dst, const char *src, size_t n, bool *shy, size_t *ctl)
{
	const unsigned char	*p = (const unsigned char *)src;
	size_t			 i = 0, o = 0;
	bool			 soft = false;

	while (i < n) {
		if (p[i] == '\t') {
			dst[o++] = ' ';
			i++;
		} else if (p[i] < 0x20 || p[i] == 0x7f) {
			dst[o++] = ' ';
			(*ctl)++;
			i++;
		} else if (p[i] == 0xc2 && i + 1 < n && p[i + 1] == 0xa0) {
			dst[o++] = ' ';
			i += 2;
		} else if (p[i] == 0xc2 && i + 1 < n && p[i + 1] == 0xad) {
			soft = true;
			i += 2;
		} else if (p[i] == 0xe2 && i + 2 < n && p[i + 1] == 0x80 &&
		    p[i + 2] >= 0x8b && p[i + 2] <= 0x8d) {
			i += 3;
		} else if (p[i] == 0xef && i + 2 < n && p[i + 1] == 0xbb &&
		    p[i + 2] == 0xbf) {
			i += 3;
		} else if (p[i] == 0xef && i + 2 < n && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x83) {
			memcpy(dst + o, "\xe2\x80\xa2", 3);
			o += 3;
			i += 3;
			soft = false;
		} else {
			if (p[i] != ' ')
				soft = false;
			dst[o++] = (char)p[i++];
		}
	}
	*shy = soft;
	return o;
}

static void
trim_line(struct line *l)
{
	while (*l->s == ' ') {
		l->s++;
		l->len--;
	}
	while (l->len > 0 && l->s[l->len - 1] == ' ')
		l->s[--l->len] = '\0';
}

/* Split text into cleaned, trimmed lines (\n, \r\n, \r, \f, \v). */
static void
split_lines(struct ctx *c, const char *text, size_t len, size_t *ctl)
{
	struct line	*l;
	size_t		 i, start = 0, cnt = 1, k = 0;
	int		 no = 1;
	char		 ch;

	for (i = 0; i < len; i++)
		if (text[i] == '\n' || text[i] == '\r' || text[i] == '\f' ||
		    text[i] == '\v')
			cnt++;
	c->l = arena_calloc(c->a, cnt, sizeof(*c->l));
	for (i = 0; i <= len; i++) {
		ch = i < len ? text[i] : '\n';
		if (i < len && ch != '\n' && ch != '\r' && ch != '\f' &&
		    ch != '\v')
			continue;
		if (i == len && start == len && k > 0)
			break;		/* the text ended with a line break */
		l = &c->l[k++];
		l->s = arena_alloc(c->a, i - start + 1);
		l->len = clean_line(l->s, text + start, i - start, &l->shy,
		    ctl);
		l->s[l->len] = '\0';
		l->no = no;
		trim_line(l);
		if (ch == '\r' && i + 1 < len && text[i + 1] == '\n')
			i++;
		if (ch == '\n' || ch == '\r')
			no++;
		start = i + 1;
	}
	c->n = k;
}

/* Remove every occurrence of pat from l (one pass); returns how many. */
static size_t
remove_all(struct line *l, const char *pat)
{
	size_t	 plen = strlen(pat), count = 0;
	char	*r, *w;

	if ((r = strstr(l->s, pat)) == NULL)
		return 0;
	for (w = r; *r != '\0';) {
		if (strncmp(r, pat, plen) == 0) {
			r += plen;
			count++;
		} else
			*w++ = *r++;
	}
	*w = '\0';
	l->len = strlen(l->s);
	trim_line(l);
	return count;
}

/* Drop markdown marks: "## 3. Punkt ##" and "**Referat**" (whole). */
static void
strip_markdown(struct line *l)
{
	char	*s = l->s, *q, m[3];
	size_t	 k = 0, e;

	while (s[k] == '#' && k < 7)
		k++;
	if (k >= 1 && k <= 6 && (s[k] == ' ' || s[k] == '\0')) {
		s += k;
		while (*s == ' ')
			s++;
		e = strlen(s);
		while (e > 0 && s[e - 1] == '#')
			e--;
		if (e < strlen(s) && (e == 0 || s[e - 1] == ' '))
			s[e] = '\0';
		l->s = s;
		l->len = strlen(s);
		trim_line(l);
		s = l->s;
	}
	if ((s[0] == '*' && s[1] == '*') || (s[0] == '_' && s[1] == '_')) {
		m[0] = s[0];
		m[1] = s[1];
		m[2] = '\0';
		q = strstr(s + 2, m);
		if (q != NULL && q > s + 2) {
			memmove(q, q + 2, strlen(q + 2) + 1);
			l->s = s + 2;
			l->len = strlen(l->s);
			trim_line(l);
		}
	}
}

/* 1-4 digits at *p; advances *p. */
static bool
digits(const char **p, long *v)
{
	int n = 0;

	*v = 0;
	while (is_digit(**p) && n < 5) {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n >= 1 && n <= 4;
}

/* A page number line: "2/5", "Side 2 af 5", "Page 2 of 5", "- 2 -". */
static bool
is_page_number(const char *s)
{
	const char	*p = s, *q;
	long		 a, b;

	if ((q = word_ci(p, "side")) != NULL ||
	    (q = word_ci(p, "page")) != NULL) {
		p = skip_spaces(q);
		if (!digits(&p, &a))
			return false;
		p = skip_spaces(p);
		if (*p == '\0')
			return true;
		if ((q = word_ci(p, "af")) == NULL &&
		    (q = word_ci(p, "of")) == NULL &&
		    (q = prefix_ci(p, "/")) == NULL)
			return false;
		p = skip_spaces(q);
		return digits(&p, &b) && *p == '\0' && a <= b;
	}
	if (*p == '-') {
		p = skip_spaces(p + 1);
		if (!digits(&p, &a))
			return false;
		p = skip_spaces(p);
		return *p == '-' && p[1] == '\0';
	}
	if (!digits(&p, &a))
		return false;
	p = skip_spaces(p);
	if (*p != '/')
		return false;
	p = skip_spaces(p + 1);
	return digits(&p, &b) && *p == '\0' && a >= 1 && a <= b;
}

struct textref {
	const char	*s;
	size_t		 i;
};

static int
cmp_textref(const void *x, const void *y)
{
	const struct textref *a = x, *b = y;
	int r = strcmp(a->s, b->s);

	if (r != 0)
		return r;
	return a->i < b->i ? -1 : a->i > b->i;
}

/*
 * Running headers and footers: a line that appears next to at least two
 * page numbers (within NEAR_PAGE lines of text) is page furniture, e.g.
 * "Dagsorden til SOCDIR den 6. marts 2014" printed on every page. Lines
 * with a fixed role (headings, markers, labels) are never taken.
 */
static void
strip_running(struct ctx *c, const bool *pageno, bool *furniture)
{
	struct textref	*v;
	bool		*near;
	size_t		 i, j, k, m, nv = 0, run;
	int		 dir;

	near = arena_calloc(c->a, c->n + 1, sizeof(*near));
	for (i = 0; i < c->n; i++) {
		if (!pageno[i])
			continue;
		for (dir = -1; dir <= 1; dir += 2) {
			for (j = i, k = 0, m = 0; k < NEAR_PAGE &&
			    m < NEAR_SPAN; m++) {
				if ((dir < 0 && j == 0) ||
				    (dir > 0 && j + 1 >= c->n))
					break;
				j = dir < 0 ? j - 1 : j + 1;
				if (c->l[j].use == USE_GONE ||
				    c->l[j].len == 0)
					continue;
				k++;
				if (!near[j] && c->l[j].len <= 200 &&
				    !is_structural(c->l[j].s)) {
					near[j] = true;
					nv++;
				}
			}
		}
	}
	if (nv < 2)
		return;
	v = arena_calloc(c->a, nv, sizeof(*v));
	for (i = 0, k = 0; i < c->n; i++)
		if (near[i]) {
			v[k].s = c->l[i].s;
			v[k++].i = i;
		}
	qsort(v, nv, sizeof(*v), cmp_textref);
	for (i = 0; i < nv; i = j) {
		for (j = i + 1; j < nv && strcmp(v[i].s, v[j].s) == 0; j++)
			;
		run = j - i;
		if (run < 2)
			continue;
		warn(c, c->l[v[i].i].no, "page_header_removed",
		    "Fjernede sidehoved/sidefod «%s» (%zu gange, første på "
		    "linje %d)", excerpt(c->a, v[i].s, EXCERPT), run,
		    c->l[v[i].i].no);
		for (m = i; m < j; m++) {
			c->l[v[m].i].use = USE_GONE;
			furniture[v[m].i] = true;
		}
	}
}

/* The word before s[end] ("DUT" in "DUT-") is all capitals. */
static bool
acronym_before(const char *s, size_t end)
{
	size_t		st, k = 0;
	uint32_t	c;

	while (end > 0) {
		c = cp_before(s, end, &st);
		if (!is_alpha(c))
			break;
		if (!is_upper(c))
			return false;
		end = st;
		k++;
	}
	return k >= 2;
}

static bool
is_conjunction(const char *s, size_t n)
{
	static const char *const w[] = { "og", "eller", "samt", "el.",
	    "til", NULL };
	size_t i;

	for (i = 0; w[i] != NULL; i++)
		if (strlen(w[i]) == n && strncmp(s, w[i], n) == 0)
			return true;
	return false;
}

/*
 * Join words hyphenated across lines: "ram-" + "meaftale" gives
 * "rammeaftale" on the first line, and the rest of the second line stays
 * where it was (so line numbers keep pointing at the input). The hyphen
 * stays when the word is a compound with an acronym ("DUT-kompensation")
 * or the continuation starts with a capital ("Aarup-Kristensen"); a
 * suspended compound ("social- og") is left alone. A continuation may
 * come after up to two blank lines (a page break) if it starts in lower
 * case.
 */
static void
dehyphenate(struct ctx *c)
{
	struct line	*l, *nx;
	size_t		 i, j, blanks, tok, rest, m, st, joins;
	uint32_t	 nc;
	char		*joined;
	bool		 keep;

	for (i = 0; i < c->n; i++) {
		l = &c->l[i];
		for (joins = 0; joins < JOINS_MAX; joins++) {
			if (l->use == USE_GONE || l->len < 2)
				break;
			if (!l->shy && (l->s[l->len - 1] != '-' ||
			    !is_alpha(cp_before(l->s, l->len - 1, &st))))
				break;
			blanks = 0;
			for (j = i + 1; j < c->n; j++) {
				if (c->l[j].use == USE_GONE)
					continue;
				if (c->l[j].len > 0 || ++blanks > 2)
					break;
			}
			if (j >= c->n || c->l[j].len == 0)
				break;
			nx = &c->l[j];
			nc = cp_at(nx->s, &m);
			tok = strcspn(nx->s, " ");
			if (l->shy)
				keep = false;
			else if (is_lower(nc)) {
				if (is_conjunction(nx->s, tok))
					break;
				keep = acronym_before(l->s, l->len - 1);
			} else if (is_upper(nc) && blanks == 0 &&
			    !is_structural(nx->s))
				keep = true;
			else
				break;
			m = keep || l->shy ? l->len : l->len - 1;
			joined = arena_alloc(c->a, m + tok + 1);
			memcpy(joined, l->s, m);
			memcpy(joined + m, nx->s, tok);
			joined[m + tok] = '\0';
			l->s = joined;
			l->len = m + tok;
			l->shy = false;
			for (rest = tok; nx->s[rest] == ' '; rest++)
				;
			nx->s += rest;
			nx->len -= rest;
			if (nx->len == 0) {
				nx->use = USE_GONE;
				l->shy = nx->shy;
			}
		}
	}
}

/* The width most lines reach: the 90th percentile, at least 40. */
static size_t
wrap_width(const struct ctx *c)
{
	size_t hist[256], total = 0, acc = 0, i, w;

	memset(hist, 0, sizeof(hist));
	for (i = 0; i < c->n; i++) {
		if (c->l[i].use == USE_GONE || c->l[i].len == 0)
			continue;
		w = width(c->l[i].s);
		hist[w > 255 ? 255 : w]++;
		total++;
	}
	if (total == 0)
		return 80;
	for (w = 0; w < 255; w++) {
		acc += hist[w];
		if (acc * 10 >= total * 9)
			break;
	}
	return w < 40 ? 40 : w;
}

/*
 * A page break inside a paragraph: when furniture was removed between a
 * line that does not end a sentence and one that starts in lower case,
 * the blank lines around the furniture go too, so the paragraph is whole
 * again.
 */
static void
heal_page_breaks(struct ctx *c, const bool *furniture)
{
	size_t		 i, p, q, k, st;
	uint32_t	 end, start;

	for (i = 0; i < c->n; i++) {
		if (!furniture[i])
			continue;
		for (p = i; p > 0; p--)
			if (c->l[p - 1].use != USE_GONE && c->l[p - 1].len > 0)
				break;
		for (q = i + 1; q < c->n; q++)
			if (c->l[q].use != USE_GONE && c->l[q].len > 0)
				break;
		if (p > 0 && q < c->n) {
			end = cp_before(c->l[p - 1].s, c->l[p - 1].len, &st);
			start = cp_at(c->l[q].s, &k);
			if (is_lower(start) && (is_alpha(end) || end == ',' ||
			    end == '-'))
				for (k = p; k < q; k++)
					if (c->l[k].len == 0)
						c->l[k].use = USE_GONE;
		}
		i = q - 1;	/* the whole run is done */
	}
}

static void
removed_warning(struct ctx *c, size_t count, int first, const char *what,
    const char *key)
{
	if (count > 0)
		warn(c, first, key, "Fjernede %s %zu gang(e) (første på linje "
		    "%d)", what, count, first);
}

static int
normalise(struct ctx *c, const char *text, size_t len, struct err *e)
{
	static const char *const placeholders[] = {
		"Click here to enter text.", "Click or tap here to enter text.",
		"Klik her for at angive tekst.",
		"Klik eller tryk her for at angive tekst.",
		"Klik eller tryk her for at skrive tekst.", NULL };
	struct minutes_doc	*d = c->d;
	struct minutes_line	*ml;
	struct buf		 b;
	struct line		*l;
	bool			*pageno, *furniture;
	size_t			 ctl = 0, i, k, nph = 0, npg = 0, n;
	int			 rc, fph = 0, fpg = 0;

	if ((rc = check_input(text, len, e)) != 0)
		return rc;
	split_lines(c, text, len, &ctl);
	if (ctl > 0)
		warn(c, 0, "control_characters", "%zu styretegn blev erstattet "
		    "af mellemrum", ctl);
	pageno = arena_calloc(c->a, c->n + 1, sizeof(*pageno));
	furniture = arena_calloc(c->a, c->n + 1, sizeof(*furniture));
	for (i = 0; i < c->n; i++) {
		l = &c->l[i];
		for (k = 0; placeholders[k] != NULL; k++)
			if ((n = remove_all(l, placeholders[k])) > 0) {
				if (nph == 0)
					fph = l->no;
				nph += n;
				if (l->len == 0) {
					l->use = USE_GONE;
					furniture[i] = true;
				}
			}
		strip_markdown(l);
		if (l->len > 0 && is_page_number(l->s)) {
			if (npg++ == 0)
				fpg = l->no;
			pageno[i] = furniture[i] = true;
			l->use = USE_GONE;
		}
	}
	removed_warning(c, nph, fph, "skabelontekst («Click here to enter "
	    "text.»)", "placeholder_removed");
	removed_warning(c, npg, fpg, "sidetal", "page_number_removed");
	strip_running(c, pageno, furniture);
	heal_page_breaks(c, furniture);
	dehyphenate(c);
	c->wrap = wrap_width(c);

	for (i = 0, k = 0; i < c->n; i++)
		if (c->l[i].use != USE_GONE)
			k++;
	ml = arena_calloc(c->a, k + 1, sizeof(*ml));
	buf_init(&b);
	for (i = 0, k = 0; i < c->n; i++) {
		if (c->l[i].use == USE_GONE)
			continue;
		ml[k].text = c->l[i].s;
		ml[k++].line = c->l[i].no;
		if (k > 1)
			buf_putc(&b, '\n');
		buf_puts(&b, c->l[i].s);
	}
	d->lines = ml;
	d->nlines = k;
	d->normalised = arena_strndup(c->a, buf_str(&b), b.len);
	buf_cleanup(&b);
	return 0;
}

/* ------------------------------------------------------------------ */
/* 2. Quotations                                                       */
/* ------------------------------------------------------------------ */

/* Quotation marks in s: " “ ” „ « ». */
static int
quote_count(const char *s)
{
	int n = 0;

	for (; *s != '\0'; s++) {
		if (*s == '"')
			n++;
		else if (strncmp(s, "\xe2\x80\x9c", 3) == 0 ||
		    strncmp(s, "\xe2\x80\x9d", 3) == 0 ||
		    strncmp(s, "\xe2\x80\x9e", 3) == 0 ||
		    strncmp(s, "\xc2\xab", 2) == 0 ||
		    strncmp(s, "\xc2\xbb", 2) == 0)
			n++;
	}
	return n;
}

static bool
starts_quote(const char *s)
{
	return *s == '>' || *s == '"' || strncmp(s, "\xe2\x80\x9c", 3) == 0 ||
	    strncmp(s, "\xe2\x80\x9d", 3) == 0 ||
	    strncmp(s, "\xe2\x80\x9e", 3) == 0 ||
	    strncmp(s, "\xc2\xab", 2) == 0 || strncmp(s, "\xc2\xbb", 2) == 0;
}

/*
 * Mark lines inside quotations: a line that starts with a quotation mark
 * or ">", and the lines after an opening mark up to the closing one if
 * it comes within QUOTE_SPAN lines (an unclosed mark quotes nothing, so
 * a stray " cannot swallow the rest of the minutes).
 */
static void
mark_quotes(struct ctx *c)
{
	size_t	i, j, m, k;
	bool	closed;

	for (i = 0; i < c->n; i++) {
		if (c->l[i].use == USE_GONE || c->l[i].len == 0)
			continue;
		if (starts_quote(c->l[i].s))
			c->l[i].quoted = true;
		if (quote_count(c->l[i].s) % 2 == 0)
			continue;
		closed = false;
		for (j = i + 1, k = 0; j < c->n && k < QUOTE_SPAN; j++) {
			if (c->l[j].use == USE_GONE || c->l[j].len == 0)
				continue;
			k++;
			if (quote_count(c->l[j].s) % 2 == 1) {
				closed = true;
				break;
			}
		}
		if (!closed)
			continue;
		for (m = i + 1; m <= j; m++)
			c->l[m].quoted = true;
		i = j;
	}
}

/* ------------------------------------------------------------------ */
/* 3. Item headings                                                    */
/* ------------------------------------------------------------------ */

/* Range maximum over v[lo..hi] with a sparse table (levels x 1024). */
static long
range_max(long *const *sp, int lo, int hi)
{
	int k = 0;

	if (lo > hi)
		return -1;
	while ((2 << k) <= hi - lo + 1)
		k++;
	return sp[k][lo] > sp[k][hi - (1 << k) + 1] ? sp[k][lo] :
	    sp[k][hi - (1 << k) + 1];
}

/* Index of the line with text before i, or SIZE_MAX. */
static size_t
prev_text(const struct ctx *c, size_t i)
{
	while (i > 0) {
		i--;
		if (c->l[i].use != USE_GONE && c->l[i].len > 0)
			return i;
	}
	return SIZE_MAX;
}

static const char *
section_name(struct ctx *c, const char *s)
{
	size_t n = strlen(s);

	if (n > 0 && s[n - 1] == ':')
		n--;
	return arena_strndup(c->a, s, n);
}

/*
 * The agenda list before the minutes: the first headings form a list (no
 * marker lines, hardly any other text) and the same first number comes
 * again later, where the minutes start. Its lines go to d->agenda as
 * written; its sections are remembered for items that have none.
 * Returns how many of the candidates it took.
 */
static size_t
take_agenda(struct ctx *c, const struct head *cand, size_t ncand,
    const char **asect)
{
	struct minutes_doc	*d = c->d;
	const char		*section = NULL, *t;
	size_t			 k, i, other = 0, p;
	int			 num;

	for (k = 1; k < ncand; k++)
		if (cand[k].num == cand[0].num)
			break;
	if (k < 2 || k >= ncand)
		return 0;
	for (i = cand[0].i; i < cand[k].i; i++) {
		if (c->l[i].use == USE_GONE || c->l[i].len == 0)
			continue;
		/* a lone "Referat" may separate the list from the minutes */
		if (!c->l[i].quoted && mark_of(c->l[i].s, NULL) != MARK_NONE &&
		    !(i > cand[k - 1].i && is_part_marker(c->l[i].s)))
			return 0;
		if (!heading_of(c->l[i].s, &num, &t) &&
		    !is_section(c->l[i].s))
			other++;
	}
	if (other > k)
		return 0;
	p = prev_text(c, cand[0].i);
	if (p != SIZE_MAX && c->l[p].use == USE_NONE &&
	    is_part_marker(c->l[p].s))
		c->l[p].use = USE_MARKER;
	/* A section heading just before the list belongs to it. */
	if (p != SIZE_MAX && c->l[p].use == USE_NONE &&
	    is_section(c->l[p].s)) {
		section = section_name(c, c->l[p].s);
		c->l[p].use = USE_AGENDA;
		d->agenda = grow(c->a, d->agenda, d->nagenda, &c->cap_agenda,
		    sizeof(*d->agenda));
		d->agenda[d->nagenda++] = c->l[p].s;
	}
	num = 0;
	for (i = cand[0].i; i < cand[k].i; i++) {
		if (c->l[i].use == USE_GONE || c->l[i].len == 0)
			continue;
		if (is_part_marker(c->l[i].s)) {
			c->l[i].use = USE_MARKER;
			continue;
		}
		if (is_section(c->l[i].s))
			section = section_name(c, c->l[i].s);
		else if (heading_of(c->l[i].s, &num, &t) && num <= NUM_MAX)
			asect[num] = section;
		c->l[i].use = USE_AGENDA;
		d->agenda = grow(c->a, d->agenda, d->nagenda, &c->cap_agenda,
		    sizeof(*d->agenda));
		d->agenda[d->nagenda++] = c->l[i].s;
	}
	return k;
}

/*
 * Find the items: numbered headings outside quotations, minus an agenda
 * list before the minutes, kept in sequence. A heading is an item if its
 * number is above the last item's and no later heading has a number in
 * between — so "7. Østerskoven" quoted inside item 4 is text when item 5
 * follows, while a real gap (1, 2, 4) is accepted with a warning.
 */
static int
find_heads(struct ctx *c, struct head **out, size_t *nout,
    const char **asect, struct err *e)
{
	struct head	*cand = NULL, *heads;
	long		*sp[11];
	size_t		 ncand = 0, ccap = 0, nheads = 0, i, k, first;
	int		 num, last = 0, lv, v;
	const char	*title, *section = NULL;

	for (i = 0; i < c->n; i++) {
		if (c->l[i].use == USE_GONE || c->l[i].len == 0 ||
		    c->l[i].quoted ||
		    !heading_of(c->l[i].s, &num, &title) || num > NUM_MAX)
			continue;
		cand = grow(c->a, cand, ncand, &ccap, sizeof(*cand));
		cand[ncand].i = i;
		cand[ncand].num = num;
		cand[ncand++].title = title;
	}
	first = ncand > 0 ? take_agenda(c, cand, ncand, asect) : 0;

	/* lastpos[v]: the last candidate numbered v, as a sparse table. */
	for (lv = 0; lv < 11; lv++) {
		sp[lv] = arena_calloc(c->a, 1024, sizeof(long));
		for (v = 0; v < 1024; v++)
			sp[lv][v] = -1;
	}
	for (k = first; k < ncand; k++)
		sp[0][cand[k].num] = (long)k;
	for (lv = 1; lv < 11; lv++)
		for (v = 0; v + (1 << lv) <= 1024; v++)
			sp[lv][v] = sp[lv - 1][v] > sp[lv - 1][v +
			    (1 << (lv - 1))] ? sp[lv - 1][v] :
			    sp[lv - 1][v + (1 << (lv - 1))];

	heads = arena_calloc(c->a, ncand + 1, sizeof(*heads));
	for (k = first; k < ncand; k++) {
		num = cand[k].num;
		if (num <= last || range_max(sp, last + 1, num - 1) > (long)k)
			continue;
		if (nheads >= MINUTES_MAX_ITEMS)
			return err_set(e, ERR_TOO_LARGE, "too_many_items", NULL,
			    "Referatet har mere end %d punkter",
			    MINUTES_MAX_ITEMS);
		if (num == last + 2)
			warn(c, c->l[cand[k].i].no, "missing_items",
			    "Punkt %d mangler i nummereringen", last + 1);
		else if (num > last + 2)
			warn(c, c->l[cand[k].i].no, "missing_items",
			    "Punkt %d-%d mangler i nummereringen", last + 1,
			    num - 1);
		heads[nheads++] = cand[k];
		c->l[cand[k].i].use = USE_HEADING;
		last = num;
	}

	/* Section headings directly above an item. */
	for (k = 0; k < nheads; k++) {
		i = prev_text(c, heads[k].i);
		if (i != SIZE_MAX && c->l[i].use == USE_NONE &&
		    !c->l[i].quoted && is_section(c->l[i].s)) {
			c->l[i].use = USE_SECTION;
			section = section_name(c, c->l[i].s);
		}
		heads[k].section = section != NULL ? section :
		    asect[heads[k].num];
	}
	*out = heads;
	*nout = nheads;
	return 0;
}

/* ------------------------------------------------------------------ */
/* 4. Header                                                           */
/* ------------------------------------------------------------------ */

/* A municipality name at p (as a word), its end in *after. */
static bool
municipality_at(const char *p, const char **after)
{
	const char	*q;
	size_t		 i;

	for (i = 0; municipalities[i] != NULL; i++) {
		q = prefix_ci(p, municipalities[i]);
		if (q != NULL && word_end(q)) {
			*after = q;
			return true;
		}
	}
	return false;
}

/* Looks like an organisation: a municipality, region, secretariat … */
static bool
looks_org(const char *s)
{
	const char *q;

	return municipality_at(s, &q) || contains_ci(s, "kommune") ||
	    contains_ci(s, "region") || contains_ci(s, "sekretariat") ||
	    contains_ci(s, "forvaltning") || contains_ci(s, "styrelse") ||
	    contains_ci(s, "ministeri") || word_ci(s, "kkr") != NULL ||
	    word_ci(s, "kl") != NULL;
}

/* Only an organisation's name: "Frederikshavn", "Rebild Kommune". */
static bool
only_org(const char *s)
{
	const char *q;

	if (municipality_at(s, &q)) {
		q = skip_spaces(q);
		if (*q == '\0')
			return true;
		q = word_ci(q, "kommune");
		return q != NULL && *q == '\0';
	}
	return (q = word_ci(s, "region nordjylland")) != NULL && *q == '\0';
}

/* Every word capitalised (particles allowed): a name, not a note. */
static bool
capitalised_words(const char *s)
{
	static const char *const particles[] = { "af", "for", "og", "i",
	    "de", "van", "von", NULL };
	const char	*p = s;
	size_t		 n, i, wl;
	bool		 ok;

	while (*p != '\0') {
		p = skip_spaces(p);
		if (*p == '\0')
			break;
		wl = strcspn(p, " ");
		if (!is_upper(cp_at(p, &n)) && !is_digit(*p)) {
			ok = false;
			for (i = 0; particles[i] != NULL; i++)
				if (strlen(particles[i]) == wl &&
				    strncmp(p, particles[i], wl) == 0)
					ok = true;
			if (!ok)
				return false;
		}
		p += wl;
	}
	return true;
}

static const char *
join_note(struct ctx *c, const char *a, const char *b)
{
	if (b == NULL)
		return a;
	if (a == NULL)
		return b;
	return arena_printf(c->a, "%s, %s", a, b);
}

/*
 * The inside of a parenthesis after a name, "formand, Brønderslev
 * Kommune" or "Aalborg Kommune ÆH": the organisation and a note.
 */
static void
person_paren(struct ctx *c, struct minutes_person *p, const char *in,
    size_t n)
{
	struct buf	 note;
	const char	*part, *q, *r;
	char		*t;
	size_t		 k, nparts = 0;

	buf_init(&note);
	if (p->note != NULL)
		buf_puts(&note, p->note);
	for (part = in; part < in + n; part += k + 1) {
		for (k = 0; part + k < in + n && part[k] != ','; k++)
			;
		if ((t = dup_trim(c->a, part, k)) == NULL)
			continue;
		nparts++;
		r = NULL;
		if (p->organisation == NULL && looks_org(t)) {
			/* "Aalborg Kommune ÆH": the rest is a note. */
			if (municipality_at(t, &q) &&
			    (r = word_ci(skip_spaces(q), "kommune")) != NULL &&
			    *r == ' ') {
				p->organisation = arena_strndup(c->a, t,
				    (size_t)(r - t));
				t = arena_strdup(c->a, skip_spaces(r));
			} else {
				p->organisation = t;
				continue;
			}
		}
		if (note.len > 0)
			buf_puts(&note, ", ");
		buf_puts(&note, t);
	}
	p->note = note.len > 0 ? arena_strndup(c->a, note.data, note.len) :
	    NULL;
	buf_cleanup(&note);
	/* "(LOS)": one capitalised part is the organisation. */
	if (p->organisation == NULL && nparts == 1 && p->note != NULL &&
	    capitalised_words(p->note)) {
		p->organisation = p->note;
		p->note = NULL;
	}
}

/* One element of a list of people. */
static void
person_add(struct ctx *c, struct minutes_person **v, size_t *n,
    size_t *cap, const char *s, size_t len)
{
	struct minutes_person	*p, *prev = *n > 0 ? &(*v)[*n - 1] : NULL;
	const char		*open, *close;
	char			*t;

	if ((t = dup_trim(c->a, s, len)) == NULL)
		return;
	len = strlen(t);
	/*
	 * "(Per Heitmann deltog i stede for)" comments on the one before
	 * (once; a second such comment stays an entry of its own).
	 */
	if (t[0] == '(' && t[len - 1] == ')' && prev != NULL &&
	    prev->note == NULL) {
		prev->note = dup_trim(c->a, t + 1, len - 2);
		return;
	}
	/* "Jan Nielsen, Frederikshavn": the organisation of the one before. */
	if (only_org(t) && prev != NULL && prev->organisation == NULL &&
	    strchr(prev->name, ' ') != NULL && !looks_org(prev->name)) {
		prev->organisation = t;
		return;
	}
	*v = grow(c->a, *v, *n, cap, sizeof(**v));
	p = &(*v)[(*n)++];
	open = strchr(t, '(');
	if (open == NULL || open == t) {
		p->name = t;
		return;
	}
	p->name = dup_trim(c->a, t, (size_t)(open - t));
	close = strrchr(open, ')');
	if (close == NULL)
		close = t + len;
	person_paren(c, p, open + 1, (size_t)(close - open - 1));
	if (*close == ')' && close[1] != '\0')
		p->note = join_note(c, p->note,
		    dup_trim(c->a, close + 1, strlen(close + 1)));
}

/*
 * A list of people as the header writes it: "A (X Kommune), B (formand,
 * Y Kommune) og C." — split at commas, semicolons and " og " outside
 * parentheses.
 */
static void
parse_people(struct ctx *c, const char *s, struct minutes_person **v,
    size_t *n, size_t *cap)
{
	size_t		 i, start = 0, len = strlen(s), skip;
	int		 depth = 0;
	const char	*q;

	/* a final full stop ends the list, not a name ("Møller (…).") */
	if (len >= 2 && s[len - 1] == '.' &&
	    (s[len - 2] == ')' || is_lower((unsigned char)s[len - 2])))
		len--;
	for (i = 0; i <= len; i++) {
		skip = 1;
		if (i < len) {
			if (s[i] == '(')
				depth++;
			else if (s[i] == ')' && depth > 0)
				depth--;
			if (depth > 0 || s[i] == '(' || s[i] == ')')
				continue;
			if (s[i] == ' ' &&
			    ((q = word_ci(s + i + 1, "og")) != NULL ||
			    (q = word_ci(s + i + 1, "samt")) != NULL) &&
			    *q == ' ')
				skip = (size_t)(q - (s + i)) + 1;
			else if (s[i] != ',' && s[i] != ';')
				continue;
		}
		person_add(c, v, n, cap, s + start, i - start);
		i += skip - 1;
		start = i + 1;
	}
}

/* Append v to the accumulated value of a field ("\n" between). */
static void
add_value(struct buf *b, const char *v, size_t n)
{
	while (n > 0 && *v == ' ') {
		v++;
		n--;
	}
	while (n > 0 && v[n - 1] == ' ')
		n--;
	if (n == 0)
		return;
	if (b->len > 0)
		buf_putc(b, '\n');
	buf_append(b, v, n);
}

/*
 * One header field. The people lists are parsed at once; the other
 * values are collected in acc[] (a field given twice keeps both).
 */
static void
set_field(struct ctx *c, struct buf *acc, enum hfield f, const char *v,
    int no)
{
	struct minutes_doc	*d = c->d;
	const char		*slash;
	char			 start[17], end[17];

	switch (f) {
	case H_TIME:
		if (acc[H_TIME].len == 0) {
			if (minutes_parse_when(v, start, end) == 0) {
				d->start = arena_strdup(c->a, start);
				d->end = end[0] != '\0' ?
				    arena_strdup(c->a, end) : NULL;
			} else
				warn(c, no, "invalid_time", "Mødetidspunktet "
				    "«%s» kunne ikke læses som en dato",
				    excerpt(c->a, v, EXCERPT));
		}
		add_value(&acc[f], v, strlen(v));
		break;
	case H_PARTICIPANTS:
		parse_people(c, v, &d->participants, &d->nparticipants,
		    &c->cap_participants);
		if (d->nparticipants == 1 && strpbrk(v, ",(") == NULL &&
		    !capitalised_words(v))
			warn(c, no, "participants_group", "Deltagere angiver "
			    "en gruppe («%s»), ikke enkelte personer",
			    excerpt(c->a, v, EXCERPT));
		break;
	case H_APOLOGIES:
		parse_people(c, v, &d->apologies, &d->napologies,
		    &c->cap_apologies);
		break;
	case H_CASEDOC:
		/* "2011-43820 / 2011-296084" */
		if ((slash = strchr(v, '/')) == NULL)
			add_value(&acc[H_CASE], v, strlen(v));
		else {
			add_value(&acc[H_CASE], v, (size_t)(slash - v));
			add_value(&acc[H_DOC], slash + 1, strlen(slash + 1));
		}
		break;
	case H_MEETING:
	case H_PLACE:
	case H_REFERENT:
	case H_CASE:
	case H_DOC:
		add_value(&acc[f], v, strlen(v));
		break;
	case H_NONE:
		break;
	}
}

static const char *
acc_value(struct ctx *c, const struct buf *b)
{
	return b->len > 0 ? arena_strndup(c->a, b->data, b->len) : NULL;
}

/*
 * The header fields before limit: a label line ("Tid 6. oktober 2011,
 * kl. 13.00-16.00") and the lines right below it that continue the
 * value (the participants often take several). Returns the index after
 * the last header line, 0 if there is none.
 */
static size_t
find_header(struct ctx *c, size_t limit)
{
	struct minutes_doc	*d = c->d;
	struct buf		 b, acc[H_DOC + 1];
	const char		*val;
	enum hfield		 f;
	size_t			 i, j, end = 0;
	int			 k;

	buf_init(&b);
	for (k = 0; k <= H_DOC; k++)
		buf_init(&acc[k]);
	for (i = 0; i < limit; i++) {
		if (c->l[i].use != USE_NONE || c->l[i].len == 0 ||
		    c->l[i].quoted ||
		    (f = label_of(c->l[i].s, &val)) == H_NONE)
			continue;
		buf_reset(&b);
		buf_puts(&b, val);
		c->l[i].use = USE_HEADER;
		for (j = i + 1; j < limit; j++) {
			if (c->l[j].use == USE_GONE)
				continue;
			if (c->l[j].len == 0 || c->l[j].use != USE_NONE ||
			    is_structural(c->l[j].s))
				break;
			if (b.len > 0)
				buf_putc(&b, ' ');
			buf_puts(&b, c->l[j].s);
			c->l[j].use = USE_HEADER;
		}
		end = j;
		if (b.len > 0)
			set_field(c, acc, f, arena_strndup(c->a, b.data,
			    b.len), c->l[i].no);
		i = j - 1;
	}
	c->meeting = acc_value(c, &acc[H_MEETING]);
	d->time_text = acc_value(c, &acc[H_TIME]);
	d->place = acc_value(c, &acc[H_PLACE]);
	d->referent = acc_value(c, &acc[H_REFERENT]);
	d->case_no = acc_value(c, &acc[H_CASE]);
	d->doc_no = acc_value(c, &acc[H_DOC]);
	for (k = 0; k <= H_DOC; k++)
		buf_cleanup(&acc[k]);
	buf_cleanup(&b);
	return end;
}

/* ------------------------------------------------------------------ */
/* 5./6. Items                                                         */
/* ------------------------------------------------------------------ */

/*
 * The presenter mark at the end of a title, "(HETH)", "(BH/HETH)" or
 * "(Thomas)": its text in *at, *n bytes.
 */
static bool
presenter_span(const char *title, const char **at, size_t *n)
{
	size_t		 len = strlen(title), i, k, up = 0, low = 0, m;
	const char	*open;
	uint32_t	 ch;

	if (len < 3 || title[len - 1] != ')' ||
	    (open = strrchr(title, '(')) == NULL)
		return false;
	k = (size_t)(title + len - 1 - (open + 1));
	for (i = 0; i < k; i += m) {
		ch = cp_at(open + 1 + i, &m);
		if (is_upper(ch))
			up++;
		else if (is_lower(ch))
			low++;
		else if (ch != '/' && ch != ',' && ch != ' ')
			return false;
	}
	/* initials (2-8 capitals) or one capitalised first name */
	if (!((low == 0 && up >= 2 && up <= 8) || (up == 1 && low >= 2 &&
	    low <= 20 && is_upper(cp_at(open + 1, &m)) &&
	    memchr(open + 1, ' ', k) == NULL)))
		return false;
	*at = open + 1;
	*n = k;
	return true;
}

static const char *
presenter_of(struct ctx *c, const char *title)
{
	const char	*at;
	size_t		 n;

	return presenter_span(title, &at, &n) ? arena_strndup(c->a, at, n) :
	    NULL;
}

/* "Jane Hvas, formand for FU indleder punktet" → "Jane Hvas". */
static const char *
presenter_in(struct ctx *c, const char *s)
{
	const char	*p = strstr(s, " indleder punktet");
	size_t		 n, m, words = 1, i;

	if (p == NULL || !is_upper(cp_at(s, &m)))
		return NULL;
	n = strcspn(s, ",");
	if (n > (size_t)(p - s))
		n = (size_t)(p - s);
	for (i = 0; i < n; i++)
		if (s[i] == ' ')
			words++;
	return words <= 5 ? dup_trim(c->a, s, n) : NULL;
}

/*
 * Whether the title so far (its last line prev) goes on in the line
 * next: when next ends with the presenter mark ("… formand (BH)"), or
 * prev was a long line wrapped into one starting in lower case.
 */
static bool
title_continues(const struct ctx *c, const char *title, const char *prev,
    const char *next)
{
	const char	*at;
	size_t		 m;

	if (presenter_span(title, &at, &m))
		return false;
	if (presenter_span(next, &at, &m) && width(next) <= c->wrap)
		return true;
	return width(prev) * 4 >= c->wrap * 3 && is_lower(cp_at(next, &m));
}

/* The recommendation starts a paragraph: "Det indstilles, at …",
 * "Socialdirektørkredsen bedes drøfte …". */
static bool
starts_recommendation(const char *s)
{
	const char	*b;
	size_t		 m, i, spaces = 0;

	if (prefix_ci(s, "det indstilles") != NULL)
		return true;
	if (!is_upper(cp_at(s, &m)) || (b = strstr(s, " bedes")) == NULL ||
	    !word_end(b + 6))
		return false;
	for (i = 0; s + i < b; i++)
		if (s[i] == ' ')
			spaces++;
	return spaces <= 3;
}

/* A bare decision: "Godkendt", "Taget til efterretning". */
static bool
is_decision(const char *s)
{
	static const char *const w[] = { "godkendt", "taget til efterretning",
	    "tiltrådt", "vedtaget", "drøftet", "udsat",
	    "orienteringen blev taget til efterretning",
	    "orienteringen taget til efterretning", NULL };
	size_t i;

	if (s == NULL || width(s) > 100 || strchr(s, '\n') != NULL)
		return false;
	for (i = 0; w[i] != NULL; i++)
		if (word_ci(s, w[i]) != NULL)
			return true;
	return false;
}

static bool
is_evt(const char *title)
{
	const char *p;

	return ((p = prefix_ci(title, "evt")) != NULL &&
	    (*p == '\0' || *p == '.' || *p == ' ')) ||
	    word_ci(title, "eventuelt") != NULL;
}

/*
 * The attachment names of a "Bilag" field: one a line, list marks
 * dropped, a line starting in lower case continuing the one before.
 * "Ingen" / "Ingen bilag" means there are none.
 */
static void
attachments_of(struct ctx *c, struct minutes_item *it, const struct segs *s)
{
	struct buf	  b;
	const char	**v = NULL, *t, *q;
	size_t		  i, cap = 0, n = 0, m;
	uint32_t	  ch;

	buf_init(&b);
	for (i = 0; i <= s->n; i++) {
		t = i < s->n ? s->v[i] : NULL;
		if (i < s->n && t == NULL)
			continue;
		if (t != NULL) {
			ch = cp_at(t, &m);
			if (ch == '-' || ch == '*' || ch == 0x2022 ||
			    ch == 0x2013 || ch == 0xb7 || ch == 0x25aa)
				t = skip_spaces(t + m);
			if (*t == '\0')
				continue;
			if ((q = word_ci(t, "ingen")) != NULL &&
			    (*q == '\0' || *q == '.' ||
			    (q = word_ci(skip_spaces(q), "bilag")) != NULL))
				continue;
			if (b.len > 0 && is_lower(cp_at(t, &m))) {
				buf_putc(&b, ' ');
				buf_puts(&b, t);
				continue;
			}
		}
		if (b.len > 0) {
			v = grow(c->a, v, n, &cap, sizeof(*v));
			v[n++] = arena_strndup(c->a, b.data, b.len);
			buf_reset(&b);
		}
		if (t != NULL)
			buf_puts(&b, t);
	}
	buf_cleanup(&b);
	it->attachments = v;
	it->nattachments = n;
}

/*
 * The body of an item, lines [from, to): background until a marker
 * line; "Indstilling" (or a paragraph "Det indstilles, at …" / "X bedes
 * …"), "Bilag" and "Referat"/"Beslutning" switch the field that follows.
 * Quoted lines never switch. An item with no marker and only a bare
 * decision ("Godkendt"), or an "Evt." item in minutes, has that text as
 * its minutes.
 */
static void
parse_item(struct ctx *c, struct minutes_item *it, size_t from, size_t to)
{
	struct segs	 seg[F_COUNT];
	struct line	*l;
	enum field	 st = F_BACKGROUND;
	enum mark	 m;
	const char	*inl, *pr;
	size_t		 i;
	bool		 para = true, marked = false;

	memset(seg, 0, sizeof(seg));
	for (i = from; i < to; i++) {
		l = &c->l[i];
		if (l->use != USE_NONE)
			continue;
		if (l->len == 0) {
			seg_push(c, &seg[st], NULL);
			para = true;
			continue;
		}
		if (!l->quoted && (m = mark_of(l->s, &inl)) != MARK_NONE) {
			l->use = USE_MARKER;
			if (m == MARK_CLOSED)
				it->closed = true;
			else {
				st = m == MARK_RECOMMENDATION ?
				    F_RECOMMENDATION : m == MARK_ATTACHMENTS ?
				    F_ATTACHMENTS : m == MARK_MINUTES ?
				    F_MINUTES : F_BACKGROUND;
				marked = true;
				if (seg[st].n > 0)
					seg_push(c, &seg[st], NULL);
			}
			if (inl != NULL) {
				seg_push(c, &seg[st], inl);
				l->use = USE_ITEM;
			}
			para = true;
			continue;
		}
		if (!l->quoted && st == F_BACKGROUND && para &&
		    starts_recommendation(l->s))
			st = F_RECOMMENDATION;
		if (it->presenter == NULL && !l->quoted &&
		    (pr = presenter_in(c, l->s)) != NULL)
			it->presenter = pr;
		seg_push(c, &seg[st], l->s);
		l->use = USE_ITEM;
		para = false;
	}
	it->background = reflow(c, &seg[F_BACKGROUND]);
	it->recommendation = reflow(c, &seg[F_RECOMMENDATION]);
	it->minutes = reflow(c, &seg[F_MINUTES]);
	attachments_of(c, it, &seg[F_ATTACHMENTS]);
	if (!marked && it->minutes == NULL && it->recommendation == NULL &&
	    it->background != NULL && (is_decision(it->background) ||
	    (it->title != NULL && is_evt(it->title) && c->has_minutes))) {
		it->minutes = it->background;
		it->background = NULL;
	}
}

/*
 * A numbered item: heading line h->i, title continuation lines, and the
 * body up to `to` (the next heading or its section line).
 */
static void
numbered_item(struct ctx *c, struct minutes_item *it, const struct head *h,
    size_t to)
{
	struct buf	 b;
	size_t		 i = h->i, j, k;
	const char	*last = c->l[h->i].s;

	it->number = h->num;
	it->line = c->l[i].no;
	it->section = h->section;
	buf_init(&b);
	buf_puts(&b, h->title);
	for (k = 0; k < TITLE_LINES; k++) {
		j = i + 1;
		while (j < to && c->l[j].use == USE_GONE)
			j++;
		if (j >= to || c->l[j].len == 0 || c->l[j].use != USE_NONE ||
		    c->l[j].quoted || is_structural(c->l[j].s) ||
		    !title_continues(c, buf_str(&b), last, c->l[j].s))
			break;
		buf_putc(&b, ' ');
		buf_puts(&b, c->l[j].s);
		c->l[j].use = USE_HEADING;
		last = c->l[j].s;
		i = j;
	}
	it->title = arena_strndup(c->a, b.data, b.len);
	buf_cleanup(&b);
	it->presenter = presenter_of(c, it->title);
	if (contains_ci(it->title, "lukket punkt") ||
	    (it->section != NULL && prefix_ci(it->section, "lukke") != NULL))
		it->closed = true;
	parse_item(c, it, i + 1, to);
}

/* The document's own title line: "Dagsorden til SOCDIR den …". */
static bool
is_doc_title(const char *s)
{
	static const char *const w[] = { "dagsorden ", "referat ",
	    "mødereferat", "beslutningsreferat", "beslutningsprotokol",
	    "møde i ", "møde den ", NULL };
	size_t i;

	if (mark_of(s, NULL) != MARK_NONE || label_of(s, NULL) != H_NONE)
		return false;
	for (i = 0; w[i] != NULL; i++)
		if (prefix_ci(s, w[i]) != NULL)
			return true;
	return false;
}

/*
 * What comes before the first item: the title line, a lone "Referat" or
 * "Dagsorden", and an unnumbered item ("I margin af mødet: …" followed by
 * "Referat: …") if a marker line follows its first line. Returns whether
 * it made an unnumbered item in *it.
 */
static bool
pre_items(struct ctx *c, size_t hdr_end, size_t limit,
    struct minutes_item *it)
{
	size_t	i, k;

	for (i = 0; i < limit; i++)
		if (c->l[i].use == USE_NONE && c->l[i].len > 0 &&
		    !c->l[i].quoted && is_doc_title(c->l[i].s)) {
			c->l[i].use = USE_TITLE;
			c->d->title = c->l[i].s;
			break;
		}
	for (i = hdr_end; i < limit; i++) {
		if (c->l[i].use != USE_NONE || c->l[i].len == 0)
			continue;
		if (is_part_marker(c->l[i].s)) {
			c->l[i].use = USE_MARKER;
			continue;
		}
		if (mark_of(c->l[i].s, NULL) != MARK_NONE)
			break;
		for (k = i + 1; k < limit; k++)
			if (c->l[k].use == USE_NONE && c->l[k].len > 0 &&
			    !c->l[k].quoted &&
			    mark_of(c->l[k].s, NULL) != MARK_NONE)
				break;
		if (k >= limit)
			break;
		it->number = 0;
		it->line = c->l[i].no;
		it->title = c->l[i].s;
		c->l[i].use = USE_HEADING;
		parse_item(c, it, i + 1, limit);
		warn(c, it->line, "unnumbered_item", "Teksten «%s» før punkt 1 "
		    "blev læst som et punkt uden nummer",
		    excerpt(c->a, it->title, EXCERPT));
		return true;
	}
	return false;
}

/* ------------------------------------------------------------------ */
/* 7. Unplaced text and inferences                                     */
/* ------------------------------------------------------------------ */

/*
 * Lines nobody took, in blocks (blank lines inside a block kept as one
 * empty line), each reported with a warning.
 */
static void
collect_unplaced(struct ctx *c)
{
	struct minutes_doc	*d = c->d;
	struct minutes_block	*blk;
	struct buf		 b;
	size_t			 i, j, last;
	bool			 gap;

	buf_init(&b);
	for (i = 0; i < c->n; i++) {
		if (c->l[i].use != USE_NONE || c->l[i].len == 0)
			continue;
		buf_reset(&b);
		gap = false;
		last = i;
		for (j = i; j < c->n; j++) {
			if (c->l[j].use == USE_GONE)
				continue;
			if (c->l[j].use != USE_NONE)
				break;
			if (c->l[j].len == 0) {
				gap = true;
				continue;
			}
			if (b.len > 0)
				buf_puts(&b, gap ? "\n\n" : "\n");
			buf_puts(&b, c->l[j].s);
			c->l[j].use = USE_UNPLACED;
			gap = false;
			last = j;
		}
		d->unplaced = grow(c->a, d->unplaced, d->nunplaced,
		    &c->cap_unplaced, sizeof(*d->unplaced));
		blk = &d->unplaced[d->nunplaced++];
		blk->line = c->l[i].no;
		blk->text = arena_strndup(c->a, b.data, b.len);
		warn(c, blk->line, "unplaced_text", "Teksten fra linje %d kunne "
		    "ikke placeres i mødets hoved eller et punkt: «%s»",
		    blk->line, excerpt(c->a, blk->text, EXCERPT));
		i = last;
	}
	buf_cleanup(&b);
}

/*
 * The agenda list against the items: an entry without an item, or with
 * a different title, is reported (its text stays in d->agenda).
 */
static void
check_agenda(struct ctx *c)
{
	struct minutes_doc	*d = c->d;
	struct buf		 fa, fi;
	const char		*t;
	size_t			 i, k, *by_num;
	int			 num;

	if (d->nagenda == 0)
		return;
	by_num = arena_calloc(c->a, NUM_MAX + 1, sizeof(*by_num));
	for (k = 0; k < d->nitems; k++)
		by_num[d->items[k].number] = k + 1;
	buf_init(&fa);
	buf_init(&fi);
	for (i = 0; i < d->nagenda; i++) {
		if (!heading_of(d->agenda[i], &num, &t) || num > NUM_MAX)
			continue;
		if ((k = by_num[num]) == 0) {
			warn(c, 0, "agenda_item_missing", "Punkt %d står på "
			    "dagsordenen («%s»), men ikke i referatet", num,
			    excerpt(c->a, t, EXCERPT));
			continue;
		}
		k--;
		buf_reset(&fa);
		buf_reset(&fi);
		text_fold(&fa, t);
		text_fold(&fi, d->items[k].title);
		if (strncmp(buf_str(&fa), buf_str(&fi), fa.len) != 0)
			warn(c, d->items[k].line, "agenda_title_differs",
			    "Punkt %d hedder «%s» på dagsordenen og «%s» i "
			    "referatet", num, excerpt(c->a, t, EXCERPT),
			    excerpt(c->a, d->items[k].title, EXCERPT));
	}
	buf_cleanup(&fa);
	buf_cleanup(&fi);
}

/*
 * An organisation the text pairs with a person's name: "Leif Serup,
 * Hjørring indleder punktet" or "Jens Nørgaard (Mariagerfjord Kommune)".
 */
static void
infer_org(struct ctx *c, struct minutes_person *p, int *count)
{
	const char	*s = c->d->normalised, *q, *r, *after;
	size_t		 n;

	if (p->organisation != NULL || p->name == NULL || *count >= 100 ||
	    strchr(p->name, ' ') == NULL)
		return;
	(*count)++;
	n = strlen(p->name);
	for (q = strstr(s, p->name); q != NULL; q = strstr(q + 1, p->name)) {
		r = q + n;
		if (*r == ',' || *r == '(')
			r++;
		else if (r[0] == ' ' && r[1] == '(')
			r += 2;
		else
			continue;
		r = skip_spaces(r);
		if (!municipality_at(r, &after))
			continue;
		if ((q = word_ci(skip_spaces(after), "kommune")) != NULL)
			after = q;
		p->organisation = arena_strndup(c->a, r, (size_t)(after - r));
		warn(c, 0, "organisation_inferred", "%s er knyttet til %s ud "
		    "fra teksten", p->name, p->organisation);
		return;
	}
}

/* Body and title from the Møde field, the title line, or the items. */
static void
settle_body(struct ctx *c)
{
	struct minutes_doc	*d = c->d;
	const char		*p, *key;
	int			 votes[5] = { 0 }, best = -1, i;
	size_t			 k;
	static const char *const keys[] = { "socdir", "das", "fu", "kkr",
	    "kdk" };

	if (c->meeting != NULL) {
		if ((p = word_ci(c->meeting, "møde i")) != NULL ||
		    (p = word_ci(c->meeting, "møde med")) != NULL ||
		    (p = word_ci(c->meeting, "møde for")) != NULL)
			d->body = skip_spaces(p);
		else
			d->body = c->meeting;
		if (d->title == NULL)
			d->title = c->meeting;
	}
	if (d->body != NULL)
		d->body_key = minutes_body_key(d->body);
	if (d->body_key == NULL && d->title != NULL)
		d->body_key = minutes_body_key(d->title);
	if (d->body_key != NULL)
		return;
	/* Whom the recommendations address: "Socialdirektørerne bedes". */
	for (k = 0; k < d->nitems; k++) {
		if ((p = d->items[k].recommendation) == NULL)
			continue;
		if ((key = minutes_body_key(excerpt(c->a, p, 40))) == NULL)
			continue;
		for (i = 0; i < 5; i++)
			if (strcmp(key, keys[i]) == 0)
				votes[i]++;
	}
	for (i = 0; i < 5; i++)
		if (votes[i] > 0 && (best < 0 || votes[i] > votes[best]))
			best = i;
	if (best >= 0) {
		d->body_key = keys[best];
		warn(c, 0, "body_inferred", "Mødeorganet (%s) er udledt af "
		    "indstillingerne, da mødets hoved mangler", keys[best]);
	}
}

/* ------------------------------------------------------------------ */
/* Public functions                                                    */
/* ------------------------------------------------------------------ */

int
minutes_normalise(struct arena *a, const char *text, size_t len,
    struct minutes_doc *out, struct err *e)
{
	struct ctx c;

	memset(out, 0, sizeof(*out));
	memset(&c, 0, sizeof(c));
	c.a = a;
	c.d = out;
	if (text == NULL) {
		text = "";
		len = 0;
	}
	return normalise(&c, text, len, e);
}

int
minutes_parse(struct arena *a, const char *text, size_t len,
    struct minutes_doc *out, struct err *e)
{
	struct ctx		 c;
	struct head		*heads = NULL;
	struct minutes_item	 pre;
	const char		**asect;
	size_t			 nheads = 0, i, limit, hdr_end, to, n;
	int			 rc, count = 0;
	bool			 has_pre;

	memset(out, 0, sizeof(*out));
	memset(&c, 0, sizeof(c));
	c.a = a;
	c.d = out;
	if (text == NULL) {
		text = "";
		len = 0;
	}
	if ((rc = normalise(&c, text, len, e)) != 0)
		return rc;
	for (i = 0, n = 0; i < c.n; i++)
		if (c.l[i].use != USE_GONE && c.l[i].len > 0)
			n++;
	if (n == 0)
		return err_set(e, ERR_INVALID, "empty_minutes", NULL,
		    "Referatet indeholder ingen tekst");
	mark_quotes(&c);
	for (i = 0; i < c.n; i++)
		if (c.l[i].use == USE_NONE && !c.l[i].quoted &&
		    mark_of(c.l[i].s, NULL) == MARK_MINUTES)
			c.has_minutes = true;

	asect = arena_calloc(a, NUM_MAX + 1, sizeof(*asect));
	if ((rc = find_heads(&c, &heads, &nheads, asect, e)) != 0)
		return rc;
	limit = nheads > 0 ? heads[0].i : c.n;
	for (i = 0; i < limit; i++)
		if (c.l[i].use == USE_AGENDA || c.l[i].use == USE_SECTION) {
			limit = i;
			break;
		}
	hdr_end = find_header(&c, limit);
	if (hdr_end == 0)
		warn(&c, 0, "missing_header", "Mødets hoved (Møde, Tid, Sted, "
		    "Deltagere …) blev ikke fundet");
	memset(&pre, 0, sizeof(pre));
	limit = nheads > 0 ? heads[0].i : c.n;
	while (limit > 0 && c.l[limit - 1].use == USE_SECTION)
		limit--;
	has_pre = pre_items(&c, hdr_end, limit, &pre);

	if (nheads + (has_pre ? 1 : 0) > MINUTES_MAX_ITEMS)
		return err_set(e, ERR_TOO_LARGE, "too_many_items", NULL,
		    "Referatet har mere end %d punkter", MINUTES_MAX_ITEMS);
	out->items = arena_calloc(a, nheads + 1, sizeof(*out->items));
	if (has_pre)
		out->items[out->nitems++] = pre;
	for (i = 0; i < nheads; i++) {
		to = i + 1 < nheads ? heads[i + 1].i : c.n;
		numbered_item(&c, &out->items[out->nitems++], &heads[i], to);
	}
	if (nheads == 0)
		warn(&c, 0, "no_items", "Der blev ikke fundet nummererede "
		    "punkter i referatet");
	check_agenda(&c);
	collect_unplaced(&c);
	settle_body(&c);
	for (i = 0; i < out->nparticipants; i++)
		infer_org(&c, &out->participants[i], &count);
	for (i = 0; i < out->napologies; i++)
		infer_org(&c, &out->apologies[i], &count);
	return 0;
}

uint64_t
minutes_fingerprint(const struct minutes_doc *d)
{
	const unsigned char	*p;
	uint64_t		 h = 0xcbf29ce484222325ULL;
	bool			 space = false, any = false;

	if (d == NULL || d->normalised == NULL)
		return h;
	for (p = (const unsigned char *)d->normalised; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\n') {
			space = any;
			continue;
		}
		if (space) {
			h ^= ' ';
			h *= 0x100000001b3ULL;
			space = false;
		}
		h ^= *p;
		h *= 0x100000001b3ULL;
		any = true;
	}
	return h;
}

static json_t *
str_or_null(const char *s)
{
	json_t *j;

	if (s == NULL)
		return json_null();
	j = json_string(s);
	return j != NULL ? j : json_null();
}

static json_t *
people_json(const struct minutes_person *p, size_t n)
{
	json_t	*arr = json_array(), *o;
	size_t	 i;

	for (i = 0; i < n; i++) {
		o = json_object();
		json_object_set_new(o, "name", str_or_null(p[i].name));
		json_object_set_new(o, "organisation",
		    str_or_null(p[i].organisation));
		json_object_set_new(o, "note", str_or_null(p[i].note));
		json_array_append_new(arr, o);
	}
	return arr;
}

json_t *
minutes_to_json(const struct minutes_doc *d)
{
	const struct minutes_item	*it;
	json_t				*j, *items, *o, *arr;
	size_t				 i, k;

	j = json_object();
	json_object_set_new(j, "title", str_or_null(d->title));
	json_object_set_new(j, "body", str_or_null(d->body));
	json_object_set_new(j, "start", str_or_null(d->start));
	json_object_set_new(j, "end", str_or_null(d->end));
	json_object_set_new(j, "place", str_or_null(d->place));
	json_object_set_new(j, "participants",
	    people_json(d->participants, d->nparticipants));
	json_object_set_new(j, "apologies",
	    people_json(d->apologies, d->napologies));
	json_object_set_new(j, "referent", str_or_null(d->referent));
	json_object_set_new(j, "case_no", str_or_null(d->case_no));
	json_object_set_new(j, "doc_no", str_or_null(d->doc_no));
	items = json_array();
	for (i = 0; i < d->nitems; i++) {
		it = &d->items[i];
		o = json_object();
		json_object_set_new(o, "number", it->number > 0 ?
		    json_integer(it->number) : json_null());
		json_object_set_new(o, "title", str_or_null(it->title));
		json_object_set_new(o, "section", str_or_null(it->section));
		json_object_set_new(o, "recommendation",
		    str_or_null(it->recommendation));
		json_object_set_new(o, "minutes", str_or_null(it->minutes));
		arr = json_array();
		for (k = 0; k < it->nattachments; k++)
			json_array_append_new(arr,
			    str_or_null(it->attachments[k]));
		json_object_set_new(o, "attachments", arr);
		json_array_append_new(items, o);
	}
	json_object_set_new(j, "items", items);
	arr = json_array();
	for (i = 0; i < d->nunplaced; i++) {
		o = json_object();
		json_object_set_new(o, "line",
		    json_integer(d->unplaced[i].line));
		json_object_set_new(o, "text", str_or_null(d->unplaced[i].text));
		json_array_append_new(arr, o);
	}
	json_object_set_new(j, "unplaced", arr);
	arr = json_array();
	for (i = 0; i < d->nwarnings; i++) {
		o = json_object();
		json_object_set_new(o, "line",
		    json_integer(d->warnings[i].line));
		json_object_set_new(o, "key", str_or_null(d->warnings[i].key));
		json_object_set_new(o, "message",
		    str_or_null(d->warnings[i].msg));
		json_array_append_new(arr, o);
	}
	json_object_set_new(j, "warnings", arr);
	return j;
}

/* A time "13.00", "13:00" or "13" at *p; advances *p. */
static bool
parse_hm(const char **p, int *h, int *m)
{
	const char	*q = *p;
	long		 v;

	if (!is_digit(*q))
		return false;
	*h = 0;
	while (is_digit(*q) && *h < 100)
		*h = *h * 10 + (*q++ - '0');
	*m = 0;
	if ((*q == '.' || *q == ':') && is_digit(q[1]) && is_digit(q[2]) &&
	    !is_digit(q[3])) {
		*m = (q[1] - '0') * 10 + (q[2] - '0');
		q += 3;
	}
	v = *h;
	if (v > 23 || *m > 59)
		return false;
	*p = q;
	return true;
}

/* A range dash: "-", "–", "til". */
static const char *
range_dash(const char *p)
{
	const char *q;

	p = skip_spaces(p);
	if (*p == '-')
		return skip_spaces(p + 1);
	if (strncmp(p, "\xe2\x80\x93", 3) == 0)
		return skip_spaces(p + 3);
	if ((q = word_ci(p, "til")) != NULL)
		return skip_spaces(q);
	return NULL;
}

/* A date at p: "6. oktober 2011", "12.-13. juni 2014", "06.03.2014". */
static bool
date_at(const char *p, int *y, int *mo, int *d1, int *d2, const char **after)
{
	const char	*q = p, *r;
	long		 v;

	if (!digits(&q, &v) || v > 31)
		return false;
	*d1 = *d2 = (int)v;
	if (*q == '.') {
		q++;
		if ((r = range_dash(q)) != NULL && digits(&r, &v) && v <= 31 &&
		    *r == '.') {
			*d2 = (int)v;
			q = r + 1;
		}
		q = skip_spaces(q);
		if ((*mo = month_at(q, &r)) != 0) {
			q = skip_spaces(r);
		} else if (digits(&q, &v) && v >= 1 && v <= 12 &&
		    (*q == '.' || *q == '-')) {
			*mo = (int)v;
			q++;
		} else
			return false;
	} else if (*q == '-' || *q == '/') {
		q++;
		if (!digits(&q, &v) || v < 1 || v > 12 ||
		    (*q != '-' && *q != '/' && *q != '.'))
			return false;
		*mo = (int)v;
		q++;
	} else
		return false;
	r = q;
	if (!digits(&r, &v) || r - q != 4)
		return false;
	*y = (int)v;
	*after = r;
	return true;
}

static bool
iso_date(char out[17], int y, int m, int d)
{
	char s[32];

	if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	snprintf(s, sizeof(s), "%04d-%02d-%02d", y, m, d);
	if (!text_date_valid(s))
		return false;
	memcpy(out, s, 11);
	return true;
}

/* "2011-10-06" → "2011-10-06T13:00" (h, m already checked). */
static void
add_time(char iso[17], int h, int m)
{
	iso[10] = 'T';
	iso[11] = (char)('0' + h / 10);
	iso[12] = (char)('0' + h % 10);
	iso[13] = ':';
	iso[14] = (char)('0' + m / 10);
	iso[15] = (char)('0' + m % 10);
	iso[16] = '\0';
}

int
minutes_parse_when(const char *s, char start[17], char end[17])
{
	const char	*p, *q, *t = NULL;
	int		 y = 0, mo = 0, d1 = 0, d2 = 0, h1, m1, h2, m2;
	bool		 found = false, t1 = false, t2 = false;
	char		 s1[17], s2[17];

	h2 = m2 = 0;
	start[0] = end[0] = '\0';
	if (s == NULL)
		return -1;
	for (p = s; *p != '\0'; p++) {
		if (!is_digit(*p) || (p > s && is_digit(p[-1])))
			continue;
		if (date_at(p, &y, &mo, &d1, &d2, &q)) {
			found = true;
			break;
		}
	}
	if (!found || !iso_date(s1, y, mo, d1) || !iso_date(s2, y, mo, d2) ||
	    d2 < d1)
		return -1;
	/* The time: after "kl.", or the first "13.00" / "13:00" after the
	 * date. */
	for (p = q; *p != '\0'; p++) {
		if ((p == q || !is_alpha((unsigned char)p[-1])) &&
		    (t = word_ci(p, "kl")) != NULL) {
			if (*t == '.')
				t++;
			t = skip_spaces(t);
			break;
		}
		if (is_digit(*p) && (p == q || !is_digit(p[-1]))) {
			t = p;
			if (parse_hm(&t, &h1, &m1) && t - p >= 4) {
				t = p;
				break;
			}
			t = NULL;
		}
	}
	if (t != NULL && parse_hm(&t, &h1, &m1)) {
		t1 = true;
		if ((p = range_dash(t)) != NULL) {
			if ((q = word_ci(p, "kl")) != NULL)
				p = skip_spaces(*q == '.' ? q + 1 : q);
			t2 = parse_hm(&p, &h2, &m2);
		}
	}
	memcpy(start, s1, 11);
	if (t1)
		add_time(start, h1, m1);
	if (t2) {
		memcpy(end, s2, 11);
		add_time(end, h2, m2);
	} else if (d2 != d1)
		memcpy(end, s2, 11);
	return 0;
}

const char *
minutes_body_key(const char *s)
{
	if (s == NULL)
		return NULL;
	if (contains_ci(s, "socialdirektør") || contains_word_ci(s, "socdir"))
		return "socdir";
	if (contains_ci(s, "administrative styregruppe") ||
	    contains_word_ci(s, "das"))
		return "das";
	if (contains_ci(s, "kommunaldirektør") || contains_word_ci(s, "kdk"))
		return "kdk";
	if (contains_ci(s, "forretningsudvalg") || contains_word_ci(s, "fu"))
		return "fu";
	if (contains_ci(s, "kommunekontaktråd") || contains_word_ci(s, "kkr"))
		return "kkr";
	return NULL;
}
