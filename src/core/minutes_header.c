/*
 * minutes_header — stage 4 of the minutes parser: the header fields
 * before the first item (Møde, Tid, Sted, Deltagere, Afbud, Referent,
 * Sagsnr./Dok.nr.) and the people they list.
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

/* The eleven mn_municipalities of North Jutland (lower case, for
 * prefix_ci), with the genitive form the minutes use. */
const char *const mn_municipalities[] = {
	"aalborg", "brønderslev", "frederikshavn", "hjørring", "jammerbugt",
	"læsø", "mariagerfjord", "morsø", "rebild", "thisted",
	"vesthimmerlands", "vesthimmerland", NULL
};

/* 4. Header                                                           */
/* ------------------------------------------------------------------ */

/* A municipality name at p (as a word), its end in *after. */
bool
mn_municipality_at(const char *p, const char **after)
{
	const char	*q;
	size_t		 i;

	for (i = 0; mn_municipalities[i] != NULL; i++) {
		q = mn_prefix_ci(p, mn_municipalities[i]);
		if (q != NULL && mn_word_end(q)) {
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

	return mn_municipality_at(s, &q) || mn_contains_ci(s, "kommune") ||
	    mn_contains_ci(s, "region") || mn_contains_ci(s, "sekretariat") ||
	    mn_contains_ci(s, "forvaltning") || mn_contains_ci(s, "styrelse") ||
	    mn_contains_ci(s, "ministeri") || mn_word_ci(s, "kkr") != NULL ||
	    mn_word_ci(s, "kl") != NULL;
}

/* Only an organisation's name: "Frederikshavn", "Rebild Kommune". */
static bool
only_org(const char *s)
{
	const char *q;

	if (mn_municipality_at(s, &q)) {
		q = mn_skip_spaces(q);
		if (*q == '\0')
			return true;
		q = mn_word_ci(q, "kommune");
		return q != NULL && *q == '\0';
	}
	return (q = mn_word_ci(s, "region nordjylland")) != NULL && *q == '\0';
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
		p = mn_skip_spaces(p);
		if (*p == '\0')
			break;
		wl = strcspn(p, " ");
		if (!mn_is_upper(mn_cp_at(p, &n)) && !mn_is_digit(*p)) {
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
		if ((t = mn_dup_trim(c->a, part, k)) == NULL)
			continue;
		nparts++;
		r = NULL;
		if (p->organisation == NULL && looks_org(t)) {
			/* "Aalborg Kommune ÆH": the rest is a note. */
			if (mn_municipality_at(t, &q) &&
			    (r = mn_word_ci(mn_skip_spaces(q), "kommune")) != NULL &&
			    *r == ' ') {
				p->organisation = arena_strndup(c->a, t,
				    (size_t)(r - t));
				t = arena_strdup(c->a, mn_skip_spaces(r));
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

	if ((t = mn_dup_trim(c->a, s, len)) == NULL)
		return;
	len = strlen(t);
	/*
	 * "(Per Heitmann deltog i stede for)" comments on the one before
	 * (once; a second such comment stays an entry of its own).
	 */
	if (t[0] == '(' && t[len - 1] == ')' && prev != NULL &&
	    prev->note == NULL) {
		prev->note = mn_dup_trim(c->a, t + 1, len - 2);
		return;
	}
	/* "Jan Nielsen, Frederikshavn": the organisation of the one before. */
	if (only_org(t) && prev != NULL && prev->organisation == NULL &&
	    strchr(prev->name, ' ') != NULL && !looks_org(prev->name)) {
		prev->organisation = t;
		return;
	}
	*v = mn_grow(c->a, *v, *n, cap, sizeof(**v));
	p = &(*v)[(*n)++];
	open = strchr(t, '(');
	if (open == NULL || open == t) {
		p->name = t;
		return;
	}
	p->name = mn_dup_trim(c->a, t, (size_t)(open - t));
	close = strrchr(open, ')');
	if (close == NULL)
		close = t + len;
	person_paren(c, p, open + 1, (size_t)(close - open - 1));
	if (*close == ')' && close[1] != '\0')
		p->note = join_note(c, p->note,
		    mn_dup_trim(c->a, close + 1, strlen(close + 1)));
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
	    (s[len - 2] == ')' || mn_is_lower((unsigned char)s[len - 2])))
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
			    ((q = mn_word_ci(s + i + 1, "og")) != NULL ||
			    (q = mn_word_ci(s + i + 1, "samt")) != NULL) &&
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
				mn_warn(c, no, "invalid_time", "Mødetidspunktet "
				    "«%s» kunne ikke læses som en dato",
				    mn_excerpt(c->a, v, EXCERPT));
		}
		add_value(&acc[f], v, strlen(v));
		break;
	case H_PARTICIPANTS:
		parse_people(c, v, &d->participants, &d->nparticipants,
		    &c->cap_participants);
		if (d->nparticipants == 1 && strpbrk(v, ",(") == NULL &&
		    !capitalised_words(v))
			mn_warn(c, no, "participants_group", "Deltagere angiver "
			    "en gruppe («%s»), ikke enkelte personer",
			    mn_excerpt(c->a, v, EXCERPT));
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
size_t
mn_find_header(struct ctx *c, size_t limit)
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
		    (f = mn_label_of(c->l[i].s, &val)) == H_NONE)
			continue;
		buf_reset(&b);
		buf_puts(&b, val);
		c->l[i].use = USE_HEADER;
		for (j = i + 1; j < limit; j++) {
			if (c->l[j].use == USE_GONE)
				continue;
			if (c->l[j].len == 0 || c->l[j].use != USE_NONE ||
			    mn_is_structural(c->l[j].s))
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
