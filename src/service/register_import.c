/*
 * register_import — the rows of an offers or organisations file into the
 * register (the two passes described in register_io.c): an offer built
 * from a row, laid over the stored one for an update, places by year and
 * target groups; the same offer twice in a file; each good row through
 * the register's own create and update.
 */
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/offer.h"
#include "core/offer_json.h"
#include "core/org.h"
#include "report/csv.h"
#include "service/register.h"
#include "service/register_io.h"
#include "service/register_io_impl.h"
#include "service/svc.h"
#include "store/offer_store.h"
#include "store/org_store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

/* ------------------------------------------------------------------ */
/* Offers in                                                          */
/* ------------------------------------------------------------------ */

static const struct colname offer_cols[] = {
	{ "id", OC_ID }, { "name", OC_NAME },
	{ "operator_code", OC_OPERATOR }, { "location_code", OC_LOCATION },
	{ "kind", OC_KIND }, { "paragraphs", OC_PARAGRAPHS },
	{ "target_groups", OC_GROUPS }, { "target_group", OC_GROUPS },
	{ "covered", OC_COVERED }, { "category", OC_CATEGORY },
	{ "status", OC_STATUS }, { "opened_on", OC_OPENED_ON },
	{ "status_from", OC_STATUS_FROM },
	{ "tilbudsportal_id", OC_TP_ID }, { "note", OC_NOTE },
	{ "status_note", OC_NOTE }, { "source", OC_SOURCE },
	{ "places", OC_PLACES }, { "places_year", OC_PLACES_YEAR },
	{ "version", R_IGNORE }, { "updated_at", R_IGNORE },
	{ NULL, 0 }
};

static int
place_cmp(const void *a, const void *b)
{
	const struct offer_places *x = a, *y = b;

	return (x->year > y->year) - (x->year < y->year);
}

/* Parse a place count; checks what a note cannot check later. */
static int
parse_places(const char *v, const char *field, int64_t *out, struct err *e)
{
	if (text_parse_centi(v, out) != 0)
		return err_set(e, ERR_INVALID, "invalid_places", field,
		    "Ugyldigt antal pladser i %s: %.40s (et tal med højst to "
		    "decimaler)", field, v);
	if (*out < 0)
		return err_set(e, ERR_INVALID, "invalid_places", field,
		    "Antal pladser kan ikke være negativt (%s: %.40s)", field,
		    v);
	if (*out > OFFER_PLACES_MAX)
		return err_set(e, ERR_INVALID, "invalid_places", field,
		    "Antal pladser er urimeligt stort (højst %d)",
		    OFFER_PLACES_MAX / 100);
	return 0;
}

/*
 * The places of the row merged into base's: years the row speaks for
 * (its places_YYYY columns, and places_year when places is given) are
 * replaced, other years are kept. *loose receives a count given without
 * a year, or -1.
 */
static int
row_places(struct svc *s, const struct hdr *h, const struct csv_record *r,
    const struct offer *base, struct offer *o, int64_t *loose, struct err *e)
{
	struct offer_places	*v;
	const char		*pv, *yv;
	size_t			 n = 0, i, k, cap;
	int64_t			 centi;
	int			 f, pair_year = -1, rc;
	bool			 spoken;

	*loose = -1;
	pv = rio_cell(s, r, h->col[OC_PLACES], false);
	yv = rio_cell(s, r, h->col[OC_PLACES_YEAR], false);
	if (pv != NULL && yv != NULL && (pair_year = rio_parse_year(yv,
	    OFFER_YEAR_MIN, OFFER_YEAR_MAX)) < 0)
		return err_set(e, ERR_INVALID, "invalid_year", "places_year",
		    "Ugyldigt år i places_year: %.20s (%d-%d)", yv,
		    OFFER_YEAR_MIN, OFFER_YEAR_MAX);
	if (h->nyears == 0 && pv == NULL)
		return 0;
	cap = base->nplaces + h->nyears + 1;
	v = arena_calloc(s->arena, cap, sizeof(*v));
	for (i = 0; i < base->nplaces; i++) {
		spoken = base->places[i].year == pair_year;
		for (k = 0; k < h->nyears && !spoken; k++)
			spoken = h->years[k] == base->places[i].year;
		if (!spoken)
			v[n++] = base->places[i];
	}
	for (f = 0; f < r->nfields && f < h->nfields; f++) {
		if (h->role[f] != R_YEAR ||
		    (yv = rio_cell(s, r, f, false)) == NULL)
			continue;
		if ((rc = parse_places(yv, arena_printf(s->arena, "places_%d",
		    h->year[f]), &centi, e)) != 0)
			return rc;
		v[n].year = h->year[f];
		v[n++].centi = centi;
	}
	if (pv != NULL) {
		if ((rc = parse_places(pv, "places", &centi, e)) != 0)
			return rc;
		if (pair_year >= 0) {
			v[n].year = pair_year;
			v[n++].centi = centi;
		} else
			*loose = centi;
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), place_cmp);
	o->places = v;
	o->nplaces = n;
	return 0;
}

/* Target groups "a | b | c": split on '|', trimmed, empty ones dropped. */
static int
split_groups(struct svc *s, const char *v, struct offer *o, struct err *e)
{
	const char	**arr, *p, *start;
	char		 *item;
	size_t		  n = 0;

	o->target_groups = NULL;
	o->ntarget_groups = 0;
	if (v == NULL)
		return 0;
	arr = arena_calloc(s->arena, OFFER_GROUPS_MAX, sizeof(*arr));
	for (p = start = v;; p++) {
		if (*p != '|' && *p != '\0')
			continue;
		item = text_trim(arena_strndup(s->arena, start,
		    (size_t)(p - start)));
		if (*item != '\0') {
			if (n == OFFER_GROUPS_MAX)
				return err_set(e, ERR_INVALID,
				    "too_many_target_groups", "target_groups",
				    "Højst %d målgrupper pr. tilbud (adskilt "
				    "med |)", OFFER_GROUPS_MAX);
			arr[n++] = item;
		}
		if (*p == '\0')
			break;
		start = p + 1;
	}
	o->target_groups = arr;
	o->ntarget_groups = n;
	return 0;
}

/*
 * Build the offer row r describes, starting from base (a zeroed offer
 * for a new one, the stored offer for an update): columns present in the
 * file replace base's fields. *loose receives places given without a
 * year (-1 if none); they are written into the note.
 */
static int
build_offer(struct svc *s, const struct hdr *h, const struct csv_record *r,
    const struct offer *base, struct offer *o, int64_t *loose, struct err *e)
{
	const char	*v, *add;
	int		 n, rc;

	*o = *base;
	if ((rc = rio_check_width(h, r, e)) != 0)
		return rc;
	if (h->col[OC_NAME] >= 0)
		o->name = rio_cell(s, r, h->col[OC_NAME], true);
	if (h->col[OC_OPERATOR] >= 0)
		o->operator_code = rio_cell(s, r, h->col[OC_OPERATOR], false);
	if (h->col[OC_LOCATION] >= 0)
		o->location_code = rio_cell(s, r, h->col[OC_LOCATION], false);
	if (h->col[OC_KIND] >= 0) {
		v = rio_cell(s, r, h->col[OC_KIND], false);
		if (offer_kind_parse(v ? rio_lower(s, v) : NULL, &o->kind) != 0)
			return err_set(e, ERR_INVALID, "invalid_kind", "kind",
			    "Ukendt tilbudstype: %.40s (gyldige: residential, "
			    "day, outpatient, secure_institution, "
			    "special_education, respite, supervision)", v);
	}
	if (h->col[OC_PARAGRAPHS] >= 0) {
		o->paragraphs = arena_calloc(s->arena, OFFER_PARAGRAPHS_MAX,
		    sizeof(*o->paragraphs));
		n = offer_paragraphs_split(s->arena, rio_cell(s, r,
		    h->col[OC_PARAGRAPHS], true), o->paragraphs,
		    OFFER_PARAGRAPHS_MAX);
		if (n < 0)
			return err_set(e, ERR_INVALID, "too_many_paragraphs",
			    "paragraphs", "Højst %d paragraffer pr. tilbud",
			    OFFER_PARAGRAPHS_MAX);
		o->nparagraphs = (size_t)n;
	}
	if (h->col[OC_GROUPS] >= 0 && (rc = split_groups(s, rio_cell(s, r,
	    h->col[OC_GROUPS], true), o, e)) != 0)
		return rc;
	if (h->col[OC_COVERED] >= 0) {
		v = rio_cell(s, r, h->col[OC_COVERED], false);
		if (rio_parse_bool(v, &o->covered) != 0)
			return err_set(e, ERR_INVALID, "invalid_covered",
			    "covered", "Ugyldig værdi i covered: %.20s (brug "
			    "ja/nej, true/false eller 1/0)", v);
	}
	if (h->col[OC_CATEGORY] >= 0)
		o->category = rio_cell(s, r, h->col[OC_CATEGORY], true);
	if (h->col[OC_STATUS] >= 0) {
		v = rio_cell(s, r, h->col[OC_STATUS], false);
		if (v == NULL)
			o->status = OFFER_ACTIVE;
		else if (offer_status_parse(rio_lower(s, v), &o->status) != 0)
			return err_set(e, ERR_INVALID, "invalid_status",
			    "status", "Ukendt status: %.40s (gyldige: active, "
			    "closing, closed)", v);
	}
	if (h->col[OC_OPENED_ON] >= 0)
		o->opened_on = rio_normalise_date(s, rio_cell(s, r,
		    h->col[OC_OPENED_ON], false));
	if (h->col[OC_STATUS_FROM] >= 0)
		o->status_from = rio_normalise_date(s, rio_cell(s, r,
		    h->col[OC_STATUS_FROM], false));
	if (h->col[OC_TP_ID] >= 0)
		o->tilbudsportal_id = rio_cell(s, r, h->col[OC_TP_ID], false);
	if (h->col[OC_NOTE] >= 0)
		o->note = rio_cell(s, r, h->col[OC_NOTE], true);
	if (h->col[OC_SOURCE] >= 0)
		o->source = rio_cell(s, r, h->col[OC_SOURCE], true);
	if ((rc = row_places(s, h, r, base, o, loose, e)) != 0)
		return rc;
	if (*loose >= 0) {
		/* Keep the count, but never invent the year it belongs to. */
		add = arena_printf(s->arena, "Pladser: %s (år ikke oplyst i "
		    "kilden)", rio_centi_da(s, *loose));
		if (o->note == NULL)
			o->note = add;
		else if (strstr(o->note, add) == NULL)
			o->note = arena_printf(s->arena, "%s; %s", o->note,
			    add);
	}
	return 0;
}

/* True if a and b hold the same register data (ids and times aside). */
static bool
offers_equal(const struct offer *a, const struct offer *b)
{
	json_t	*ja = offer_to_json(a), *jb = offer_to_json(b);
	bool	 eq;

	json_object_del(ja, "id");
	json_object_del(jb, "id");
	json_object_del(ja, "version");
	json_object_del(jb, "version");
	json_object_del(ja, "updated_at");
	json_object_del(jb, "updated_at");
	eq = json_equal(ja, jb) != 0;
	json_decref(ja);
	json_decref(jb);
	return eq;
}

/* One data row of a file, between the passes. */
struct row {
	const struct csv_record	*rec;
	int64_t			 id;	/* from the id column, or 0 */
	const char		*name;	/* as parsed, for keys and messages */
	const char		*key;	/* what duplicates are found by */
	bool			 bad;	/* has an error already */
};

static int
row_key_cmp(const void *a, const void *b)
{
	const struct row *const *x = a, *const *y = b;
	int c = strcmp((*x)->key, (*y)->key);

	if (c != 0)
		return c;
	return ((*x)->rec->line > (*y)->rec->line) -
	    ((*x)->rec->line < (*y)->rec->line);
}

/*
 * Report rows with equal keys (rows without a key are skipped), naming
 * both lines; the later row is marked bad. what says what is repeated.
 */
static void
find_duplicates(struct svc *s, struct row *rows, size_t n,
    struct register_io_report *rep)
{
	struct row	**idx;
	struct err	  e;
	size_t		  i, k = 0;

	idx = arena_calloc(s->arena, n ? n : 1, sizeof(*idx));
	for (i = 0; i < n; i++)
		if (!rows[i].bad && rows[i].key != NULL)
			idx[k++] = &rows[i];
	qsort(idx, k, sizeof(*idx), row_key_cmp);
	for (i = 1; i < k; i++) {
		if (strcmp(idx[i - 1]->key, idx[i]->key) != 0)
			continue;
		err_set(&e, ERR_INVALID, "duplicate_row", NULL,
		    "Linje %d og linje %d beskriver det samme (%.200s); "
		    "slet den ene", idx[i - 1]->rec->line, idx[i]->rec->line,
		    idx[i]->name != NULL ? idx[i]->name : "");
		rio_report_error(rep, idx[i]->rec->line, &e);
		idx[i]->bad = true;
	}
}

/*
 * Store what row r says: update (by id, or by name and operator) or
 * create. Returns 0, a row error, or a database error.
 */
static int
apply_offer_row(struct svc *s, const struct hdr *h, struct row *row,
    const struct offer *fresh, struct register_io_report *rep, struct err *e)
{
	struct offer	 stored, o;
	int64_t		 id = row->id, loose;
	int		 rc;

	if (id == 0)
		id = offer_store_find(s->db, rio_fold(s, fresh->name),
		    fresh->operator_code);
	if (id == 0) {
		if ((rc = register_offer_create_in_tx(s, fresh, &id, e)) != 0)
			return rc;
		rep->created++;
		return 0;
	}
	if ((rc = offer_store_get(s->db, s->arena, id, &stored, e)) != 0)
		return rc;
	if ((rc = build_offer(s, h, row->rec, &stored, &o, &loose, e)) != 0)
		return rc;
	o.id = stored.id;
	o.version = stored.version;
	if (offers_equal(&o, &stored)) {
		rep->unchanged++;
		return 0;
	}
	if ((rc = register_offer_update_in_tx(s, &o, stored.version, e)) != 0)
		return rc;
	rep->updated++;
	return 0;
}

/* The offers import inside the caller's write transaction. */
int
rio_import_offers_tx(struct svc *s, const struct csv *c,
    struct register_io_report *rep, struct err *e)
{
	struct hdr	 h;
	struct row	*rows;
	struct offer	*fresh, zero;
	struct err	 re;
	const char	*v;
	int64_t		 loose;
	size_t		 n = 0, i;
	int		 k, rc;

	if (rio_parse_header(s, &c->records[0], offer_cols, "places_",
	    OFFER_YEAR_MIN, OFFER_YEAR_MAX, &h, rep) != 0)
		return 0;
	/* Without names, rows can only update offers by id. */
	if (h.col[OC_ID] < 0 &&
	    rio_require_column(&h, OC_NAME, "name", c->records[0].line, rep))
		return 0;
	if (h.col[OC_PLACES_YEAR] >= 0 &&
	    rio_require_column(&h, OC_PLACES, "places", c->records[0].line,
	    rep))
		return 0;

	/* Pass 1: every row on its own. */
	rows = arena_calloc(s->arena, (size_t)c->nrecords, sizeof(*rows));
	fresh = arena_calloc(s->arena, (size_t)c->nrecords, sizeof(*fresh));
	memset(&zero, 0, sizeof(zero));
	for (k = 1; k < c->nrecords && !rio_report_full(rep); k++) {
		if (rio_blank_record(&c->records[k]))
			continue;
		rows[n].rec = &c->records[k];
		err_clear(&re);
		v = rio_cell(s, rows[n].rec, h.col[OC_ID], false);
		if (v != NULL && (text_parse_i64(v, &rows[n].id) != 0 ||
		    rows[n].id <= 0))
			rc = err_set(&re, ERR_INVALID, "invalid_id", "id",
			    "Ugyldigt id: %.20s (et positivt heltal, eller "
			    "tomt for et nyt tilbud)", v);
		else
			rc = build_offer(s, &h, rows[n].rec, &zero, &fresh[n],
			    &loose, &re);
		if (rc != 0) {
			rio_report_error(rep, rows[n].rec->line, &re);
			rows[n].bad = true;
		} else {
			rows[n].name = fresh[n].name;
			if (fresh[n].name != NULL)
				rows[n].key = arena_printf(s->arena,
				    "n%s\x1f%s", rio_fold(s, fresh[n].name),
				    fresh[n].operator_code ?
				    fresh[n].operator_code : "");
			if (loose >= 0)
				rio_report_warning(s, rep, arena_printf(s->arena,
				    "linje %d: %s: %s pladser uden år; "
				    "skrevet i noten", rows[n].rec->line,
				    fresh[n].name ? fresh[n].name : "",
				    rio_centi_da(s, loose)));
		}
		n++;
	}
	find_duplicates(s, rows, n, rep);
	for (i = 0; i < n; i++)
		rows[i].key = rows[i].id > 0 ? arena_printf(s->arena,
		    "i%lld", (long long)rows[i].id) : NULL;
	find_duplicates(s, rows, n, rep);

	/* Pass 2: through the register. */
	for (i = 0; i < n && !rio_report_full(rep); i++) {
		if (rows[i].bad)
			continue;
		err_clear(&re);
		rc = apply_offer_row(s, &h, &rows[i], &fresh[i], rep, &re);
		if (rc == 0)
			continue;
		if (!rio_row_error(rc)) {
			if (e != NULL)
				*e = re;
			return rc;
		}
		rio_report_error(rep, rows[i].rec->line, &re);
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Organisations in                                                   */
/* ------------------------------------------------------------------ */

static const struct colname org_cols[] = {
	{ "code", GC_CODE }, { "name", GC_NAME }, { "kind", GC_KIND },
	{ "source", GC_SOURCE },
	{ NULL, 0 }
};

/* The organisation row r describes. */
static int
build_org(struct svc *s, const struct hdr *h, const struct csv_record *r,
    struct org *o, struct err *e)
{
	const char	*v;
	int64_t		 persons;
	int		 f, rc;

	memset(o, 0, sizeof(*o));
	if ((rc = rio_check_width(h, r, e)) != 0)
		return rc;
	o->code = rio_cell(s, r, h->col[GC_CODE], false);
	o->name = rio_cell(s, r, h->col[GC_NAME], true);
	v = rio_cell(s, r, h->col[GC_KIND], false);
	if (v == NULL || org_kind_parse(rio_lower(s, v), &o->kind) != 0)
		return err_set(e, ERR_INVALID, "invalid_kind", "kind",
		    "Ukendt organisationstype: %.40s (gyldige: kommune, "
		    "region, private)", v ? v : "");
	if (o->code == NULL)
		return err_set(e, ERR_INVALID, "missing_code", "code",
		    "Koden skal udfyldes");
	o->pop = arena_calloc(s->arena, h->nyears + 1, sizeof(*o->pop));
	for (f = 0; f < r->nfields && f < h->nfields; f++) {
		if (h->role[f] != R_YEAR ||
		    (v = rio_cell(s, r, f, false)) == NULL)
			continue;
		if (text_parse_i64(v, &persons) != 0)
			return err_set(e, ERR_INVALID, "invalid_population",
			    "population", "Ugyldigt indbyggertal for %d: %.20s "
			    "(et helt tal uden tusindtalsseparator)",
			    h->year[f], v);
		o->pop[o->npop].year = h->year[f];
		o->pop[o->npop++].persons = persons;
	}
	return 0;
}

/* True if saving o would change nothing stored. */
static bool
org_unchanged(struct svc *s, const struct org *o)
{
	struct org	stored;
	int		i, k;

	if (org_store_get(s->db, s->arena, o->code, &stored, NULL) != 0)
		return false;
	if (strcmp(stored.name, o->name) != 0 || stored.kind != o->kind)
		return false;
	for (i = 0; i < o->npop; i++) {
		for (k = 0; k < stored.npop; k++)
			if (stored.pop[k].year == o->pop[i].year)
				break;
		if (k == stored.npop ||
		    stored.pop[k].persons != o->pop[i].persons)
			return false;
	}
	return true;
}

/* The organisations import inside the caller's write transaction. */
int
rio_import_orgs_tx(struct svc *s, const struct csv *c,
    struct register_io_report *rep, struct err *e)
{
	struct hdr	 h;
	struct row	*rows;
	struct org	*orgs;
	struct err	 re;
	size_t		 n = 0, i;
	int		 k, rc, line = c->records[0].line;

	if (rio_parse_header(s, &c->records[0], org_cols, "pop_", 1900, 2200,
	    &h, rep) != 0)
		return 0;
	if (rio_require_column(&h, GC_CODE, "code", line, rep) +
	    rio_require_column(&h, GC_NAME, "name", line, rep) +
	    rio_require_column(&h, GC_KIND, "kind", line, rep) != 0)
		return 0;
	rows = arena_calloc(s->arena, (size_t)c->nrecords, sizeof(*rows));
	orgs = arena_calloc(s->arena, (size_t)c->nrecords, sizeof(*orgs));
	for (k = 1; k < c->nrecords && !rio_report_full(rep); k++) {
		if (rio_blank_record(&c->records[k]))
			continue;
		rows[n].rec = &c->records[k];
		err_clear(&re);
		if (build_org(s, &h, rows[n].rec, &orgs[n], &re) != 0) {
			rio_report_error(rep, rows[n].rec->line, &re);
			rows[n].bad = true;
		} else {
			rows[n].name = orgs[n].code;
			rows[n].key = orgs[n].code;
		}
		n++;
	}
	find_duplicates(s, rows, n, rep);
	for (i = 0; i < n && !rio_report_full(rep); i++) {
		if (rows[i].bad || org_unchanged(s, &orgs[i]))
			continue;
		err_clear(&re);
		if ((rc = register_org_save_in_tx(s, &orgs[i], &re)) == 0) {
			rep->orgs++;
			continue;
		}
		if (!rio_row_error(rc)) {
			if (e != NULL)
				*e = re;
			return rc;
		}
		rio_report_error(rep, rows[i].rec->line, &re);
	}
	return 0;
}

