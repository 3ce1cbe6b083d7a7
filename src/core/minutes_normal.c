/*
 * minutes_normal — stage 1 of the minutes parser: check the input, split
 * it into lines, clean it and remove what is not the minutes' text (page
 * furniture, markup), joining words hyphenated across lines.
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
bool
mn_digits(const char **p, long *v)
{
	int n = 0;

	*v = 0;
	while (mn_is_digit(**p) && n < 5) {
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

	if ((q = mn_word_ci(p, "side")) != NULL ||
	    (q = mn_word_ci(p, "page")) != NULL) {
		p = mn_skip_spaces(q);
		if (!mn_digits(&p, &a))
			return false;
		p = mn_skip_spaces(p);
		if (*p == '\0')
			return true;
		if ((q = mn_word_ci(p, "af")) == NULL &&
		    (q = mn_word_ci(p, "of")) == NULL &&
		    (q = mn_prefix_ci(p, "/")) == NULL)
			return false;
		p = mn_skip_spaces(q);
		return mn_digits(&p, &b) && *p == '\0' && a <= b;
	}
	if (*p == '-') {
		p = mn_skip_spaces(p + 1);
		if (!mn_digits(&p, &a))
			return false;
		p = mn_skip_spaces(p);
		return *p == '-' && p[1] == '\0';
	}
	if (!mn_digits(&p, &a))
		return false;
	p = mn_skip_spaces(p);
	if (*p != '/')
		return false;
	p = mn_skip_spaces(p + 1);
	return mn_digits(&p, &b) && *p == '\0' && a >= 1 && a <= b;
}

/* "Side 2 af 5", "Page 2": a page number that says so. */
static bool
is_named_page_number(const char *s)
{
	return (mn_word_ci(s, "side") != NULL || mn_word_ci(s, "page") !=
	    NULL) && is_page_number(s);
}

/*
 * A page number beside the running text on one line, as a text export
 * that keeps the layout writes a footer: "Referat · 6. marts 2014    Side
 * 1 af 4" (or the number first). A gap of three spaces or more parts them;
 * the number must say it is one ("Side", "Page"), so a table row ending
 * in "2/5" stays text.
 */
static bool
has_page_number(const char *s)
{
	const char	*gap, *last = NULL, *first = NULL;
	char		 head[64];

	for (gap = strstr(s, "   "); gap != NULL; gap = strstr(gap + 1, "   ")) {
		if (first == NULL)
			first = gap;
		last = gap;
	}
	if (first == NULL)
		return false;
	if (is_named_page_number(mn_skip_spaces(last)))
		return true;
	if ((size_t)(first - s) >= sizeof(head))
		return false;
	memcpy(head, s, (size_t)(first - s));
	head[first - s] = '\0';
	return is_named_page_number(head);
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
 * "Dagsorden til SOCDIR den 6. marts 2014" printed on every page, and
 * the same text as the first line of the document (the first page's
 * header) unless it is the document's title. Lines with a fixed role
 * (headings, markers, labels) are never taken.
 */
static void
strip_running(struct ctx *c, const bool *pageno, bool *furniture)
{
	struct textref	*v;
	bool		*near;
	size_t		 i, j, k, m, nv = 0, run, first;
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
				    !mn_is_structural(c->l[j].s)) {
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
		/* the first page's header has no page number near it: the
		   same text as the first line of the document is the same
		   furniture, unless it names the document */
		first = v[i].i;
		for (m = 0; m < c->n && (c->l[m].use == USE_GONE ||
		    c->l[m].len == 0); m++)
			;
		if (m < c->n && !near[m] && strcmp(c->l[m].s, v[i].s) == 0 &&
		    !mn_is_doc_title(v[i].s)) {
			c->l[m].use = USE_GONE;
			furniture[m] = true;
			first = m;
			run++;
		}
		for (m = i; m < j; m++) {
			c->l[v[m].i].use = USE_GONE;
			furniture[v[m].i] = true;
		}
		mn_warn(c, c->l[first].no, "page_header_removed",
		    "Fjernede sidehoved/sidefod «%s» (%zu gange, første på "
		    "linje %d)", mn_excerpt(c->a, c->l[first].s, EXCERPT), run,
		    c->l[first].no);
	}
}

/* The word before s[end] ("DUT" in "DUT-") is all capitals. */
static bool
acronym_before(const char *s, size_t end)
{
	size_t		st, k = 0;
	uint32_t	c;

	while (end > 0) {
		c = mn_cp_before(s, end, &st);
		if (!mn_is_alpha(c))
			break;
		if (!mn_is_upper(c))
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
			    !mn_is_alpha(mn_cp_before(l->s, l->len - 1, &st))))
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
			nc = mn_cp_at(nx->s, &m);
			tok = strcspn(nx->s, " ");
			if (l->shy)
				keep = false;
			else if (mn_is_lower(nc)) {
				if (is_conjunction(nx->s, tok))
					break;
				keep = acronym_before(l->s, l->len - 1);
			} else if (mn_is_upper(nc) && blanks == 0 &&
			    !mn_is_structural(nx->s))
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
		w = mn_width(c->l[i].s);
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
			end = mn_cp_before(c->l[p - 1].s, c->l[p - 1].len, &st);
			start = mn_cp_at(c->l[q].s, &k);
			if (mn_is_lower(start) && (mn_is_alpha(end) || end == ',' ||
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
		mn_warn(c, first, key, "Fjernede %s %zu gang(e) (første på linje "
		    "%d)", what, count, first);
}

int
mn_normalise(struct ctx *c, const char *text, size_t len, struct err *e)
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
	if (mn_is_html(text, len)) {
		text = mn_unhtml(c->a, text, len, &len);
		mn_warn(c, 0, "markup_removed", "HTML-opmærkning er fjernet; "
		    "linjenumre henviser til teksten uden opmærkning");
	}
	split_lines(c, text, len, &ctl);
	if (ctl > 0)
		mn_warn(c, 0, "control_characters", "%zu styretegn blev erstattet "
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
		l->len = mn_unmarkdown(l->s);
		if (l->len > 0 && (is_page_number(l->s) ||
		    has_page_number(l->s))) {
			if (npg++ == 0)
				fpg = l->no;
			pageno[i] = furniture[i] = true;
			l->use = USE_GONE;
		}
	}
	removed_warning(c, nph, fph, "skabelontekst («Click here to enter "
	    "text.»)", "placeholder_removed");
	removed_warning(c, npg, fpg, "sidetal", "page_number_removed");
	mn_join_label_column(c);
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
