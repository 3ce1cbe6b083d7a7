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
 * The stages live in minutes_normal.c (1), minutes_items.c (2, 3, 5,
 * 6), minutes_header.c (4) and here (7); minutes_text.c holds the
 * character helpers and minutes_when.c the dates. The heuristics are
 * named where they are used; tests/unit/test_minutes_corpus.c renders
 * the seed minutes in the shapes real exports take and checks that each
 * parses to the same meeting.
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

/* 7. Unplaced text and inferences                                     */
/* ------------------------------------------------------------------ */

/*
 * Lines nobody took, in blocks (blank lines inside a block kept as one
 * empty line), each reported with a warning.
 */
void
mn_collect_unplaced(struct ctx *c)
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
		d->unplaced = mn_grow(c->a, d->unplaced, d->nunplaced,
		    &c->cap_unplaced, sizeof(*d->unplaced));
		blk = &d->unplaced[d->nunplaced++];
		blk->line = c->l[i].no;
		blk->text = arena_strndup(c->a, b.data, b.len);
		mn_warn(c, blk->line, "unplaced_text", "Teksten fra linje %d kunne "
		    "ikke placeres i mødets hoved eller et punkt: «%s»",
		    blk->line, mn_excerpt(c->a, blk->text, EXCERPT));
		i = last;
	}
	buf_cleanup(&b);
}

/*
 * The agenda list against the items: an entry without an item, or with
 * a different title, is reported (its text stays in d->agenda).
 */
void
mn_check_agenda(struct ctx *c)
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
		if (!mn_heading_of(d->agenda[i], &num, &t) || num > NUM_MAX)
			continue;
		if ((k = by_num[num]) == 0) {
			mn_warn(c, 0, "agenda_item_missing", "Punkt %d står på "
			    "dagsordenen («%s»), men ikke i referatet", num,
			    mn_excerpt(c->a, t, EXCERPT));
			continue;
		}
		k--;
		buf_reset(&fa);
		buf_reset(&fi);
		text_fold(&fa, t);
		text_fold(&fi, d->items[k].title);
		if (strncmp(buf_str(&fa), buf_str(&fi), fa.len) != 0)
			mn_warn(c, d->items[k].line, "agenda_title_differs",
			    "Punkt %d hedder «%s» på dagsordenen og «%s» i "
			    "referatet", num, mn_excerpt(c->a, t, EXCERPT),
			    mn_excerpt(c->a, d->items[k].title, EXCERPT));
	}
	buf_cleanup(&fa);
	buf_cleanup(&fi);
}

/*
 * An organisation the text pairs with a person's name: "Leif Serup,
 * Hjørring indleder punktet" or "Jens Nørgaard (Mariagerfjord Kommune)".
 */
void
mn_infer_org(struct ctx *c, struct minutes_person *p, int *count)
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
		r = mn_skip_spaces(r);
		if (!mn_municipality_at(r, &after))
			continue;
		if ((q = mn_word_ci(mn_skip_spaces(after), "kommune")) != NULL)
			after = q;
		p->organisation = arena_strndup(c->a, r, (size_t)(after - r));
		mn_warn(c, 0, "organisation_inferred", "%s er knyttet til %s ud "
		    "fra teksten", p->name, p->organisation);
		return;
	}
}

/* Body and title from the Møde field, the title line, or the items. */
void
mn_settle_body(struct ctx *c)
{
	struct minutes_doc	*d = c->d;
	const char		*p, *key;
	int			 votes[5] = { 0 }, best = -1, i;
	size_t			 k;
	static const char *const keys[] = { "socdir", "das", "fu", "kkr",
	    "kdk" };

	if (c->meeting != NULL) {
		if ((p = mn_word_ci(c->meeting, "møde i")) != NULL ||
		    (p = mn_word_ci(c->meeting, "møde med")) != NULL ||
		    (p = mn_word_ci(c->meeting, "møde for")) != NULL)
			d->body = mn_skip_spaces(p);
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
		if ((key = minutes_body_key(mn_excerpt(c->a, p, 40))) == NULL)
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
		mn_warn(c, 0, "body_inferred", "Mødeorganet (%s) er udledt af "
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
	return mn_normalise(&c, text, len, e);
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
	if ((rc = mn_normalise(&c, text, len, e)) != 0)
		return rc;
	for (i = 0, n = 0; i < c.n; i++)
		if (c.l[i].use != USE_GONE && c.l[i].len > 0)
			n++;
	if (n == 0)
		return err_set(e, ERR_INVALID, "empty_minutes", NULL,
		    "Referatet indeholder ingen tekst");
	mn_mark_quotes(&c);
	for (i = 0; i < c.n; i++)
		if (c.l[i].use == USE_NONE && !c.l[i].quoted &&
		    mn_mark_of(c.l[i].s, NULL) == MARK_MINUTES)
			c.has_minutes = true;

	asect = arena_calloc(a, NUM_MAX + 1, sizeof(*asect));
	if ((rc = mn_find_heads(&c, &heads, &nheads, asect, e)) != 0)
		return rc;
	limit = nheads > 0 ? heads[0].i : c.n;
	for (i = 0; i < limit; i++)
		if (c.l[i].use == USE_AGENDA || c.l[i].use == USE_SECTION) {
			limit = i;
			break;
		}
	hdr_end = mn_find_header(&c, limit);
	if (hdr_end == 0)
		mn_warn(&c, 0, "missing_header", "Mødets hoved (Møde, Tid, Sted, "
		    "Deltagere …) blev ikke fundet");
	memset(&pre, 0, sizeof(pre));
	limit = nheads > 0 ? heads[0].i : c.n;
	while (limit > 0 && c.l[limit - 1].use == USE_SECTION)
		limit--;
	has_pre = mn_pre_items(&c, hdr_end, limit, &pre);

	if (nheads + (has_pre ? 1 : 0) > MINUTES_MAX_ITEMS)
		return err_set(e, ERR_TOO_LARGE, "too_many_items", NULL,
		    "Referatet har mere end %d punkter", MINUTES_MAX_ITEMS);
	out->items = arena_calloc(a, nheads + 1, sizeof(*out->items));
	if (has_pre)
		out->items[out->nitems++] = pre;
	for (i = 0; i < nheads; i++) {
		to = i + 1 < nheads ? heads[i + 1].i : c.n;
		mn_numbered_item(&c, &out->items[out->nitems++], &heads[i], to);
	}
	if (nheads == 0)
		mn_warn(&c, 0, "no_items", "Der blev ikke fundet nummererede "
		    "punkter i referatet");
	mn_check_agenda(&c);
	mn_collect_unplaced(&c);
	mn_settle_body(&c);
	for (i = 0; i < out->nparticipants; i++)
		mn_infer_org(&c, &out->participants[i], &count);
	for (i = 0; i < out->napologies; i++)
		mn_infer_org(&c, &out->apologies[i], &count);
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
