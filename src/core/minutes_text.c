/*
 * minutes_text — character and string helpers of the minutes parser and
 * the classification of a line (marker, label, heading, section).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/minutes.h"
#include "core/minutes_int.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

const char *const mn_month_names[12] = {
	"januar", "februar", "marts", "april", "maj", "juni", "juli",
	"august", "september", "oktober", "november", "december"
};

const char *const mn_month_abbrevs[12] = {
	"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt",
	"nov", "dec"
};


/* ------------------------------------------------------------------ */
/* Characters and strings                                              */
/* ------------------------------------------------------------------ */

/* The code point at s (valid UTF-8) and its length in *n (0 at NUL). */
uint32_t
mn_cp_at(const char *s, size_t *n)
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
uint32_t
mn_cp_before(const char *s, size_t i, size_t *start)
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
	return mn_cp_at(s + j, &n);
}

bool
mn_is_upper(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7);
}

bool
mn_is_lower(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 0xdf && c <= 0xff && c != 0xf7);
}

bool
mn_is_alpha(uint32_t c)
{
	return mn_is_upper(c) || mn_is_lower(c) || (c >= 0x100 && c <= 0x24f);
}

bool
mn_is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* True if p is at the end of a word (not followed by a letter/digit). */
bool
mn_word_end(const char *p)
{
	size_t		n;
	uint32_t	c = mn_cp_at(p, &n);

	return !mn_is_alpha(c) && !mn_is_digit((int)c);
}

/*
 * If s starts with w, ignoring case (ASCII and Latin-1 letters), return
 * the position after it in s; a space in w matches a run of spaces.
 * Otherwise NULL. w is lower case.
 */
const char *
mn_prefix_ci(const char *s, const char *w)
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

/* mn_prefix_ci() that must end at a word boundary. */
const char *
mn_word_ci(const char *s, const char *w)
{
	const char *p = mn_prefix_ci(s, w);

	return p != NULL && mn_word_end(p) ? p : NULL;
}

/* True if s contains w (lower case) anywhere, ignoring case. */
bool
mn_contains_ci(const char *s, const char *w)
{
	for (; *s != '\0'; s++)
		if (mn_prefix_ci(s, w) != NULL)
			return true;
	return false;
}

/* True if s contains the word w (lower case), ignoring case. */
bool
mn_contains_word_ci(const char *s, const char *w)
{
	const char	*p;
	size_t		 st;

	for (p = s; *p != '\0'; p++) {
		if (p > s && (mn_is_alpha(mn_cp_before(s, (size_t)(p - s), &st)) ||
		    mn_is_digit(p[-1])))
			continue;
		if (mn_word_ci(p, w) != NULL)
			return true;
	}
	return false;
}

const char *
mn_skip_spaces(const char *p)
{
	while (*p == ' ')
		p++;
	return p;
}

/* Copy of s[0..n) with spaces trimmed at both ends; NULL when empty. */
char *
mn_dup_trim(struct arena *a, const char *s, size_t n)
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
size_t
mn_width(const char *s)
{
	return text_utf8_len(s, strlen(s));
}

/* At most max code points of s, with "…" when cut. */
const char *
mn_excerpt(struct arena *a, const char *s, size_t max)
{
	size_t i = 0, k = 0, n;

	while (s[i] != '\0' && k < max) {
		mn_cp_at(s + i, &n);
		i += n;
		k++;
	}
	if (s[i] == '\0')
		return s;
	return arena_printf(a, "%.*s…", (int)i, s);
}

/* Room for one more element in an arena array of *cap elements. */
void *
mn_grow(struct arena *a, void *v, size_t n, size_t *cap, size_t size)
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


void
mn_warn(struct ctx *c, int line, const char *key, const char *fmt, ...)
{
	struct minutes_doc	*d = c->d;
	struct minutes_warning	*w;
	va_list			 ap;

	d->warnings = mn_grow(c->a, d->warnings, d->nwarnings, &c->cap_warnings,
	    sizeof(*d->warnings));
	w = &d->warnings[d->nwarnings++];
	w->line = line;
	w->key = key;
	va_start(ap, fmt);
	w->msg = arena_vprintf(c->a, fmt, ap);
	va_end(ap);
}

void
mn_seg_push(struct ctx *c, struct segs *s, const char *text)
{
	s->v = mn_grow(c->a, s->v, s->n, &s->cap, sizeof(*s->v));
	s->v[s->n++] = text;
}

/* A list item mark at the start of a line: "-", "•", "1)", "a." … */
static bool
list_start(const char *s)
{
	size_t		 n;
	uint32_t	 c = mn_cp_at(s, &n);
	const char	*p = s;

	if (c == '-' || c == '*' || c == 0x2022 || c == 0x2013 ||
	    c == 0xb7 || c == 0x25aa)
		return true;
	while (mn_is_digit(*p))
		p++;
	/* "2. Punkt" is a list item, "14. december" a wrapped date */
	return p > s && (*p == ')' || *p == '.') && p[1] == ' ' &&
	    !mn_is_lower(mn_cp_at(mn_skip_spaces(p + 1), &n));
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
const char *
mn_reflow(struct ctx *c, const struct segs *s)
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
			if ((mn_width(prev) * 10 >= c->wrap * 7 ||
			    mn_is_lower(mn_cp_at(s->v[i], &n))) &&
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
enum mark
mn_mark_of(const char *s, const char **inl)
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
		if ((p = mn_prefix_ci(s, marks[i].word)) == NULL)
			continue;
		p = mn_skip_spaces(p);
		if (*p == '\0' || (*p == '.' && p[1] == '\0'))
			return marks[i].mark;
		if (*p != ':')
			continue;
		p = mn_skip_spaces(p + 1);
		if (inl != NULL && *p != '\0')
			*inl = p;
		return marks[i].mark;
	}
	return MARK_NONE;
}

/* A line that only says which part of the document follows. */
bool
mn_is_part_marker(const char *s)
{
	static const char *const parts[] = { "dagsorden", "referat",
	    "beslutningsreferat", "mødereferat", "dagsordenspunkter", NULL };
	const char	*p;
	size_t		 i;

	for (i = 0; parts[i] != NULL; i++)
		if ((p = mn_prefix_ci(s, parts[i])) != NULL &&
		    (*p == '\0' || (*p == ':' && p[1] == '\0')))
			return true;
	return false;
}

/* The header field a line starts with; its value in *val. */
enum hfield
mn_label_of(const char *s, const char **val)
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
		if ((p = mn_prefix_ci(s, labels[i].label)) == NULL)
			continue;
		if (*p != '\0' && *p != ' ' && *p != ':')
			continue;
		if (*p == ':')
			p++;
		p = mn_skip_spaces(p);
		/* "Møde i DAS den …" is a title line, not the Møde field */
		if (labels[i].field == H_MEETING && mn_is_lower(mn_cp_at(p, &n)))
			return H_NONE;
		if (val != NULL)
			*val = p;
		return labels[i].field;
	}
	return H_NONE;
}

/* True if p starts with a Danish month name or its abbreviation. */
int
mn_month_at(const char *p, const char **after)
{
	const char	*q;
	int		 m;

	for (m = 0; m < 12; m++)
		if ((q = mn_word_ci(p, mn_month_names[m])) != NULL) {
			*after = q;
			return m + 1;
		}
	for (m = 0; m < 12; m++)
		if ((q = mn_prefix_ci(p, mn_month_abbrevs[m])) != NULL) {
			if (*q == 't' && m == 8)	/* "sept." */
				q++;
			if (*q == '.')
				q++;
			else if (!mn_word_end(q))
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
bool
mn_heading_of(const char *s, int *num, const char **title)
{
	const char	*p = s, *q;
	uint32_t	 c;
	size_t		 n;
	int		 v = 0, nd = 0;
	bool		 word = false;

	if ((q = mn_word_ci(p, "punkt")) != NULL ||
	    (q = mn_prefix_ci(p, "pkt.")) != NULL) {
		p = mn_skip_spaces(q);
		word = true;
	}
	while (mn_is_digit(*p) && nd < 4) {
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
	p = mn_skip_spaces(p);
	c = mn_cp_at(p, &n);
	if (!mn_is_upper(c) || mn_month_at(p, &q) != 0)
		return false;
	*num = v;
	*title = p;
	return true;
}

/* A section heading such as "Sager til behandling". */
bool
mn_is_section(const char *s)
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

	if (mn_width(s) > 60)
		return false;
	for (i = 0; exact[i] != NULL; i++)
		if ((p = mn_prefix_ci(s, exact[i])) != NULL &&
		    (*p == '\0' || (*p == ':' && p[1] == '\0')))
			return true;
	for (i = 0; starts[i] != NULL; i++)
		if (mn_prefix_ci(s, starts[i]) != NULL)
			return true;
	return false;
}

/* A line whose role is fixed: heading, marker or header label. */
bool
mn_is_structural(const char *s)
{
	const char	*t;
	int		 num;

	return mn_heading_of(s, &num, &t) || mn_mark_of(s, NULL) != MARK_NONE ||
	    mn_label_of(s, NULL) != H_NONE || mn_is_part_marker(s);
}
