/*
 * minutes_items — stages 2, 3, 5 and 6 of the minutes parser: quotations,
 * the numbered headings (agenda list, items, sections) and each item's
 * fields.
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
void
mn_mark_quotes(struct ctx *c)
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
		if (!c->l[i].quoted && mn_mark_of(c->l[i].s, NULL) != MARK_NONE &&
		    !(i > cand[k - 1].i && mn_is_part_marker(c->l[i].s)))
			return 0;
		if (!mn_heading_of(c->l[i].s, &num, &t) &&
		    !mn_is_section(c->l[i].s))
			other++;
	}
	if (other > k)
		return 0;
	p = prev_text(c, cand[0].i);
	if (p != SIZE_MAX && c->l[p].use == USE_NONE &&
	    mn_is_part_marker(c->l[p].s))
		c->l[p].use = USE_MARKER;
	/* A section heading just before the list belongs to it. */
	if (p != SIZE_MAX && c->l[p].use == USE_NONE &&
	    mn_is_section(c->l[p].s)) {
		section = section_name(c, c->l[p].s);
		c->l[p].use = USE_AGENDA;
		d->agenda = mn_grow(c->a, d->agenda, d->nagenda, &c->cap_agenda,
		    sizeof(*d->agenda));
		d->agenda[d->nagenda++] = c->l[p].s;
	}
	num = 0;
	for (i = cand[0].i; i < cand[k].i; i++) {
		if (c->l[i].use == USE_GONE || c->l[i].len == 0)
			continue;
		if (mn_is_part_marker(c->l[i].s)) {
			c->l[i].use = USE_MARKER;
			continue;
		}
		if (mn_is_section(c->l[i].s))
			section = section_name(c, c->l[i].s);
		else if (mn_heading_of(c->l[i].s, &num, &t) && num <= NUM_MAX)
			asect[num] = section;
		c->l[i].use = USE_AGENDA;
		d->agenda = mn_grow(c->a, d->agenda, d->nagenda, &c->cap_agenda,
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
int
mn_find_heads(struct ctx *c, struct head **out, size_t *nout,
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
		    !mn_heading_of(c->l[i].s, &num, &title) || num > NUM_MAX)
			continue;
		cand = mn_grow(c->a, cand, ncand, &ccap, sizeof(*cand));
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
			mn_warn(c, c->l[cand[k].i].no, "missing_items",
			    "Punkt %d mangler i nummereringen", last + 1);
		else if (num > last + 2)
			mn_warn(c, c->l[cand[k].i].no, "missing_items",
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
		    !c->l[i].quoted && mn_is_section(c->l[i].s)) {
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
		ch = mn_cp_at(open + 1 + i, &m);
		if (mn_is_upper(ch))
			up++;
		else if (mn_is_lower(ch))
			low++;
		else if (ch != '/' && ch != ',' && ch != ' ')
			return false;
	}
	/* initials (2-8 capitals) or one capitalised first name */
	if (!((low == 0 && up >= 2 && up <= 8) || (up == 1 && low >= 2 &&
	    low <= 20 && mn_is_upper(mn_cp_at(open + 1, &m)) &&
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

	if (p == NULL || !mn_is_upper(mn_cp_at(s, &m)))
		return NULL;
	n = strcspn(s, ",");
	if (n > (size_t)(p - s))
		n = (size_t)(p - s);
	for (i = 0; i < n; i++)
		if (s[i] == ' ')
			words++;
	return words <= 5 ? mn_dup_trim(c->a, s, n) : NULL;
}

/*
 * prev ends where no title ends: after a comma, a dash or a word that
 * joins to what follows ("… Handicapbiler og", "… i forhold til").
 */
static bool
ends_open(const char *prev)
{
	static const char *const w[] = { "og", "eller", "samt", "i", "til",
	    "af", "for", "fra", "med", "om", "på", "ved", "vedr.", "mellem",
	    "under", "efter", "over", "den", "det", "de", "en", "et", NULL };
	size_t	n = strlen(prev), k, i;

	if (n == 0)
		return false;
	if (prev[n - 1] == ',' || prev[n - 1] == '-' ||
	    (n >= 3 && strcmp(prev + n - 3, "–") == 0))
		return true;
	for (k = n; k > 0 && prev[k - 1] != ' '; k--)
		;
	if (k == 0)
		return false;
	for (i = 0; w[i] != NULL; i++)
		if (strcmp(prev + k, w[i]) == 0)
			return true;
	return false;
}

/*
 * Whether the title so far (its last line prev) goes on in the line
 * next: when next ends with the presenter mark ("… formand (BH)"), prev
 * ends open ("… og"), or prev was a long line wrapped into one starting
 * in lower case.
 */
static bool
title_continues(const struct ctx *c, const char *title, const char *prev,
    const char *next)
{
	const char	*at;
	size_t		 m;

	if (presenter_span(title, &at, &m))
		return false;
	if (presenter_span(next, &at, &m) && mn_width(next) <= c->wrap)
		return true;
	if (ends_open(prev))
		return true;
	return mn_width(prev) * 4 >= c->wrap * 3 && mn_is_lower(mn_cp_at(next, &m));
}

/* The recommendation starts a paragraph: "Det indstilles, at …",
 * "Socialdirektørkredsen bedes drøfte …". */
static bool
starts_recommendation(const char *s)
{
	const char	*b;
	size_t		 m, i, spaces = 0;

	if (mn_prefix_ci(s, "det indstilles") != NULL)
		return true;
	if (!mn_is_upper(mn_cp_at(s, &m)) || (b = strstr(s, " bedes")) == NULL ||
	    !mn_word_end(b + 6))
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

	if (s == NULL || mn_width(s) > 100 || strchr(s, '\n') != NULL)
		return false;
	for (i = 0; w[i] != NULL; i++)
		if (mn_word_ci(s, w[i]) != NULL)
			return true;
	return false;
}

static bool
is_evt(const char *title)
{
	const char *p;

	return ((p = mn_prefix_ci(title, "evt")) != NULL &&
	    (*p == '\0' || *p == '.' || *p == ' ')) ||
	    mn_word_ci(title, "eventuelt") != NULL;
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
			ch = mn_cp_at(t, &m);
			if (ch == '-' || ch == '*' || ch == 0x2022 ||
			    ch == 0x2013 || ch == 0xb7 || ch == 0x25aa)
				t = mn_skip_spaces(t + m);
			if (*t == '\0')
				continue;
			if ((q = mn_word_ci(t, "ingen")) != NULL &&
			    (*q == '\0' || *q == '.' ||
			    (q = mn_word_ci(mn_skip_spaces(q), "bilag")) != NULL))
				continue;
			if (b.len > 0 && mn_is_lower(mn_cp_at(t, &m))) {
				buf_putc(&b, ' ');
				buf_puts(&b, t);
				continue;
			}
		}
		if (b.len > 0) {
			v = mn_grow(c->a, v, n, &cap, sizeof(*v));
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
void
mn_parse_item(struct ctx *c, struct minutes_item *it, size_t from, size_t to)
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
			mn_seg_push(c, &seg[st], NULL);
			para = true;
			continue;
		}
		if (!l->quoted && (m = mn_mark_of(l->s, &inl)) != MARK_NONE) {
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
					mn_seg_push(c, &seg[st], NULL);
			}
			if (inl != NULL) {
				mn_seg_push(c, &seg[st], inl);
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
		mn_seg_push(c, &seg[st], l->s);
		l->use = USE_ITEM;
		para = false;
	}
	it->background = mn_reflow(c, &seg[F_BACKGROUND]);
	it->recommendation = mn_reflow(c, &seg[F_RECOMMENDATION]);
	it->minutes = mn_reflow(c, &seg[F_MINUTES]);
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
void
mn_numbered_item(struct ctx *c, struct minutes_item *it, const struct head *h,
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
		    c->l[j].quoted || mn_is_structural(c->l[j].s) ||
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
	if (mn_contains_ci(it->title, "lukket punkt") ||
	    (it->section != NULL && mn_prefix_ci(it->section, "lukke") != NULL))
		it->closed = true;
	mn_parse_item(c, it, i + 1, to);
}

/* The document's own title line: "Dagsorden til SOCDIR den …". */
bool
mn_is_doc_title(const char *s)
{
	static const char *const w[] = { "dagsorden ", "referat ",
	    "mødereferat", "beslutningsreferat", "beslutningsprotokol",
	    "møde i ", "møde den ", NULL };
	size_t i;

	if (mn_mark_of(s, NULL) != MARK_NONE || mn_label_of(s, NULL) != H_NONE)
		return false;
	for (i = 0; w[i] != NULL; i++)
		if (mn_prefix_ci(s, w[i]) != NULL)
			return true;
	return false;
}

/*
 * What comes before the first item: the title line, a lone "Referat" or
 * "Dagsorden", and an unnumbered item ("I margin af mødet: …" followed by
 * "Referat: …") if a marker line follows its first line. Returns whether
 * it made an unnumbered item in *it.
 */
bool
mn_pre_items(struct ctx *c, size_t hdr_end, size_t limit,
    struct minutes_item *it)
{
	size_t	i, k;

	/* A document opening with its kind ("Referat") names it; a line
	   between that and the header is the title. */
	for (i = 0; i < limit && (c->l[i].use == USE_GONE ||
	    c->l[i].len == 0); i++)
		;
	if (i < limit && c->l[i].use == USE_NONE && !c->l[i].quoted &&
	    mn_is_part_marker(c->l[i].s)) {
		c->l[i].use = USE_MARKER;
		for (i++; i < limit && (c->l[i].use == USE_GONE ||
		    c->l[i].len == 0); i++)
			;
		for (k = i + 1; k < limit && (c->l[k].use == USE_GONE ||
		    c->l[k].len == 0); k++)
			;
		if (k < limit && c->l[i].use == USE_NONE &&
		    !c->l[i].quoted && !mn_is_structural(c->l[i].s) &&
		    c->l[k].use == USE_HEADER) {
			c->l[i].use = USE_TITLE;
			c->d->title = c->l[i].s;
		}
	}
	for (i = 0; i < limit && c->d->title == NULL; i++)
		if (c->l[i].use == USE_NONE && c->l[i].len > 0 &&
		    !c->l[i].quoted && mn_is_doc_title(c->l[i].s)) {
			c->l[i].use = USE_TITLE;
			c->d->title = c->l[i].s;
			break;
		}
	for (i = hdr_end; i < limit; i++) {
		if (c->l[i].use != USE_NONE || c->l[i].len == 0)
			continue;
		if (mn_is_part_marker(c->l[i].s)) {
			c->l[i].use = USE_MARKER;
			continue;
		}
		if (mn_mark_of(c->l[i].s, NULL) != MARK_NONE)
			break;
		for (k = i + 1; k < limit; k++)
			if (c->l[k].use == USE_NONE && c->l[k].len > 0 &&
			    !c->l[k].quoted &&
			    mn_mark_of(c->l[k].s, NULL) != MARK_NONE)
				break;
		if (k >= limit)
			break;
		it->number = 0;
		it->line = c->l[i].no;
		it->title = c->l[i].s;
		c->l[i].use = USE_HEADING;
		mn_parse_item(c, it, i + 1, limit);
		mn_warn(c, it->line, "unnumbered_item", "Teksten «%s» før punkt 1 "
		    "blev læst som et punkt uden nummer",
		    mn_excerpt(c->a, it->title, EXCERPT));
		return true;
	}
	return false;
}

/* ------------------------------------------------------------------ */
