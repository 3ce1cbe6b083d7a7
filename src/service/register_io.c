/*
 * register_io — the register in and out of files (see register_io.h for
 * the rules a file follows).
 *
 * An import reads the whole CSV file, maps its header to columns, and
 * then makes two passes over the rows inside one write transaction:
 *
 *   1. every row is turned into an offer (or organisation) on its own,
 *      so malformed cells are reported for all rows; then rows that
 *      describe the same offer twice (same case-folded name and operator,
 *      or the same id) are reported, naming both lines;
 *   2. the good rows go through the register's own create and update
 *      functions (role checks, validation, references, audit), so a file
 *      cannot store anything the web forms could not.
 *
 * Any error in either pass rolls the whole transaction back. An update
 * is built by laying the row over the stored offer (build_offer with the
 * stored offer as base), so columns the file lacks keep their values.
 */
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "core/offer.h"
#include "core/offer_json.h"
#include "core/org.h"
#include "report/csv.h"
#include "report/xlsx.h"
#include "service/register.h"
#include "service/register_io.h"
#include "service/svc.h"
#include "store/db.h"
#include "store/offer_store.h"
#include "store/org_store.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/embed.h"
#include "util/err.h"
#include "util/text.h"

/* The CSV files of data/nordjylland, embedded at build time. */
extern const struct embedded_file demo_data[];
extern const unsigned demo_data_count;

#define EXPORT_PAGE	1000	/* offers per register_offer_list call */

/* ------------------------------------------------------------------ */
/* Headers                                                            */
/* ------------------------------------------------------------------ */

/* Column roles besides the named ones (which are >= 0). */
#define R_NONE		-1	/* empty header: its cells must be empty */
#define R_IGNORE	-2	/* accepted and ignored (version, updated_at) */
#define R_YEAR		-3	/* places_YYYY / pop_YYYY */

/* The columns of an offers file. */
enum ocol {
	OC_ID, OC_NAME, OC_OPERATOR, OC_LOCATION, OC_KIND, OC_PARAGRAPHS,
	OC_GROUPS, OC_COVERED, OC_CATEGORY, OC_STATUS, OC_OPENED_ON,
	OC_STATUS_FROM, OC_TP_ID, OC_NOTE, OC_SOURCE, OC_PLACES,
	OC_PLACES_YEAR, OC_COUNT
};

/* The columns of an organisations file. */
enum gcol {
	GC_CODE, GC_NAME, GC_KIND, GC_SOURCE, GC_COUNT
};

struct colname {
	const char	*name;		/* lower case */
	int		 role;		/* enum ocol / gcol, or R_IGNORE */
};

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

static const struct colname org_cols[] = {
	{ "code", GC_CODE }, { "name", GC_NAME }, { "kind", GC_KIND },
	{ "source", GC_SOURCE },
	{ NULL, 0 }
};

/* A file's header mapped to columns. */
struct hdr {
	int	 nfields;	/* fields in the header record */
	int	*role;		/* [nfields] a named role or R_* */
	int	*year;		/* [nfields] the year of an R_YEAR column */
	int	 col[OC_COUNT];	/* field of each named role, or -1 */
	int	*years;		/* years of the R_YEAR columns, in file order */
	size_t	 nyears;
};

/* ------------------------------------------------------------------ */
/* Report                                                             */
/* ------------------------------------------------------------------ */

static void
report_init(struct svc *s, struct register_io_report *rep)
{
	memset(rep, 0, sizeof(*rep));
	rep->errors = arena_calloc(s->arena, REGISTER_IO_MAX_ERRORS,
	    sizeof(*rep->errors));
}

static bool
report_full(const struct register_io_report *rep)
{
	return rep->nerrors >= REGISTER_IO_MAX_ERRORS;
}

/* Record error src for line; ignored once the list is full. */
static void
report_error(struct register_io_report *rep, int line, const struct err *src)
{
	if (report_full(rep))
		return;
	rep->errors[rep->nerrors] = *src;
	rep->errors[rep->nerrors].line = line;
	rep->nerrors++;
}

static void
report_warning(struct svc *s, struct register_io_report *rep,
    const char *msg)
{
	const char **nv;

	/* Capacity is the next power of two: grow when full. */
	if ((rep->nwarnings & (rep->nwarnings - 1)) == 0) {
		nv = arena_calloc(s->arena, rep->nwarnings ?
		    (size_t)rep->nwarnings * 2 : 1, sizeof(*nv));
		if (rep->nwarnings > 0)
			memcpy(nv, rep->warnings,
			    (size_t)rep->nwarnings * sizeof(*nv));
		rep->warnings = nv;
	}
	rep->warnings[rep->nwarnings++] = msg;
}

static int
line_cmp(const void *a, const void *b)
{
	const struct err *x = a, *y = b;

	return (x->line > y->line) - (x->line < y->line);
}

/* Sort the errors by line and fill e with the summary. */
static int
report_fail(struct register_io_report *rep, struct err *e)
{
	qsort(rep->errors, (size_t)rep->nerrors, sizeof(*rep->errors),
	    line_cmp);
	if (report_full(rep))
		return err_set(e, ERR_INVALID, "import_failed", NULL,
		    "Importen stoppede efter %d fejl; intet er gemt",
		    rep->nerrors);
	return err_set(e, ERR_INVALID, "import_failed", NULL,
	    "%d fejl i filen; intet er gemt", rep->nerrors);
}

/* Errors a row can have; anything else (the database) stops the import. */
static bool
row_error(int rc)
{
	return rc == ERR_INVALID || rc == ERR_CONFLICT || rc == ERR_NOT_FOUND ||
	    rc == ERR_FORBIDDEN || rc == ERR_PRECONDITION;
}

/* ------------------------------------------------------------------ */
/* Cells                                                              */
/* ------------------------------------------------------------------ */

/*
 * The text of field f of r, or NULL if empty or missing: an unquoted
 * cell is trimmed, a text cell loses its formula guard.
 */
static const char *
cell(struct svc *s, const struct csv_record *r, int f, bool text)
{
	char *v;

	if (f < 0 || f >= r->nfields)
		return NULL;
	v = arena_strdup(s->arena, r->fields[f].s);
	if (!r->fields[f].quoted)
		text_trim(v);
	if (text)
		csv_unguard(v);
	return *v != '\0' ? v : NULL;
}

/* True if every field of r is empty or white space. */
static bool
blank_record(const struct csv_record *r)
{
	const char	*p;
	int		 i;

	for (i = 0; i < r->nfields; i++)
		for (p = r->fields[i].s; *p != '\0'; p++)
			if (*p != ' ' && *p != '\t' && *p != '\r' &&
			    *p != '\n')
				return false;
	return true;
}

/* Lower-case ASCII copy of v. */
static char *
lower(struct svc *s, const char *v)
{
	char *c = arena_strdup(s->arena, v), *p;

	for (p = c; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return c;
}

/* Parse a whole number of exactly four digits in [min, max]; -1 if not. */
static int
parse_year(const char *s, int min, int max)
{
	int64_t v;

	if (strlen(s) != 4 || text_parse_i64(s, &v) != 0 || s[0] == '+' ||
	    s[0] == '-' || v < min || v > max)
		return -1;
	return (int)v;
}

/*
 * Dates as ISO "2012-09-01", or as Danish Excel writes them
 * ("1-9-2012", "01.09.2012", "1/9/2012"). Anything else is returned as
 * it is, for validation to reject with its own message.
 */
static const char *
normalise_date(struct svc *s, const char *v)
{
	int	d, m, y;
	char	sep1, sep2, extra;

	if (v == NULL || text_date_valid(v))
		return v;
	if (sscanf(v, "%2d%c%2d%c%4d%c", &d, &sep1, &m, &sep2, &y, &extra)
	    != 5 || sep1 != sep2 || (sep1 != '-' && sep1 != '.' &&
	    sep1 != '/') || strlen(v) < 8 || !isdigit((unsigned char)v[0]))
		return v;
	if (strlen(strrchr(v, sep1) + 1) != 4)
		return v;
	return arena_printf(s->arena, "%04d-%02d-%02d", y, m, d);
}

/* ja/nej, true/false, yes/no, 1/0; empty is false. 0 or -1. */
static int
parse_bool(const char *v, bool *out)
{
	static const char *const yes[] = { "true", "ja", "1", "yes", "sand", NULL };
	static const char *const no[] = { "false", "nej", "0", "no", "falsk", NULL };
	int i;

	if (v == NULL) {
		*out = false;
		return 0;
	}
	for (i = 0; yes[i] != NULL; i++)
		if (text_casecmp(v, yes[i]) == 0) {
			*out = true;
			return 0;
		}
	for (i = 0; no[i] != NULL; i++)
		if (text_casecmp(v, no[i]) == 0) {
			*out = false;
			return 0;
		}
	return -1;
}

/* Hundredths in Danish form without thousands separators: "12,5". */
static char *
centi_da(struct svc *s, int64_t centi)
{
	struct buf	 b;
	char		*r, *p;

	buf_init(&b);
	text_format_centi(&b, centi);
	r = arena_strdup(s->arena, buf_str(&b));
	buf_cleanup(&b);
	if ((p = strchr(r, '.')) != NULL)
		*p = ',';
	return r;
}

/* Case-folded name, the key offers are matched on. */
static const char *
fold(struct svc *s, const char *name)
{
	struct buf	 b;
	const char	*k;

	buf_init(&b);
	text_fold(&b, name != NULL ? name : "");
	k = arena_strdup(s->arena, buf_str(&b));
	buf_cleanup(&b);
	return k;
}

/*
 * Map the header record h0 onto the columns named in names, with year
 * columns "<prefix>YYYY" (years in [ymin, ymax]). Names are matched
 * trimmed and case-insensitively. Unknown and repeated columns are
 * reported on the header's line; returns the number of errors.
 */
static int
parse_header(struct svc *s, const struct csv_record *h0,
    const struct colname *names, const char *prefix, int ymin, int ymax,
    struct hdr *h, struct register_io_report *rep)
{
	struct err	 e;
	const char	*v;
	size_t		 plen = strlen(prefix);
	int		 f, k, y, bad = 0;

	memset(h, 0, sizeof(*h));
	for (k = 0; k < OC_COUNT; k++)
		h->col[k] = -1;
	h->nfields = h0->nfields;
	h->role = arena_calloc(s->arena, (size_t)h0->nfields, sizeof(int));
	h->year = arena_calloc(s->arena, (size_t)h0->nfields, sizeof(int));
	h->years = arena_calloc(s->arena, (size_t)h0->nfields, sizeof(int));
	for (f = 0; f < h0->nfields; f++) {
		err_clear(&e);
		h->role[f] = R_NONE;
		if ((v = cell(s, h0, f, false)) == NULL)
			continue;
		v = lower(s, v);
		if (strncmp(v, prefix, plen) == 0 && isdigit((unsigned char)
		    v[plen])) {
			if ((y = parse_year(v + plen, ymin, ymax)) < 0) {
				err_set(&e, ERR_INVALID, "invalid_column", v,
				    "Kolonnen %.60s har et ugyldigt år "
				    "(%d-%d)", v, ymin, ymax);
			} else {
				for (k = 0; k < (int)h->nyears; k++)
					if (h->years[k] == y)
						err_set(&e, ERR_INVALID,
						    "duplicate_column", v,
						    "Kolonnen %.60s står to "
						    "gange", v);
				h->role[f] = R_YEAR;
				h->year[f] = y;
				h->years[h->nyears++] = y;
			}
		} else {
			for (k = 0; names[k].name != NULL; k++)
				if (strcmp(v, names[k].name) == 0)
					break;
			if (names[k].name == NULL)
				err_set(&e, ERR_INVALID, "unknown_column", v,
				    "Ukendt kolonne: %.60s", v);
			else if (names[k].role >= 0 &&
			    h->col[names[k].role] >= 0)
				err_set(&e, ERR_INVALID, "duplicate_column", v,
				    "Kolonnen %.60s står to gange (eller "
				    "under to navne)", v);
			else {
				h->role[f] = names[k].role;
				if (names[k].role >= 0)
					h->col[names[k].role] = f;
			}
		}
		if (e.code != 0) {
			report_error(rep, h0->line, &e);
			bad++;
		}
	}
	return bad;
}

/* A header field that is required; reports it missing. */
static int
require_column(const struct hdr *h, int role, const char *name, int line,
    struct register_io_report *rep)
{
	struct err e;

	if (h->col[role] >= 0)
		return 0;
	err_set(&e, ERR_INVALID, "missing_column", name,
	    "Kolonnen %s mangler i overskriften", name);
	report_error(rep, line, &e);
	return 1;
}

/* Fields beyond the header must be empty (Excel may add separators). */
static int
check_width(const struct hdr *h, const struct csv_record *r, struct err *e)
{
	const char	*p;
	int		 f;

	for (f = 0; f < r->nfields; f++) {
		if (f < h->nfields && h->role[f] != R_NONE)
			continue;
		for (p = r->fields[f].s; *p != '\0'; p++)
			if (*p != ' ' && *p != '\t')
				return err_set(e, ERR_INVALID, "extra_field",
				    NULL, "Rækken har en værdi i kolonne %d, "
				    "som ikke har nogen overskrift", f + 1);
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Offers in                                                          */
/* ------------------------------------------------------------------ */

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
	pv = cell(s, r, h->col[OC_PLACES], false);
	yv = cell(s, r, h->col[OC_PLACES_YEAR], false);
	if (pv != NULL && yv != NULL && (pair_year = parse_year(yv,
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
		if (h->role[f] != R_YEAR || (yv = cell(s, r, f, false)) == NULL)
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
	if ((rc = check_width(h, r, e)) != 0)
		return rc;
	if (h->col[OC_NAME] >= 0)
		o->name = cell(s, r, h->col[OC_NAME], true);
	if (h->col[OC_OPERATOR] >= 0)
		o->operator_code = cell(s, r, h->col[OC_OPERATOR], false);
	if (h->col[OC_LOCATION] >= 0)
		o->location_code = cell(s, r, h->col[OC_LOCATION], false);
	if (h->col[OC_KIND] >= 0) {
		v = cell(s, r, h->col[OC_KIND], false);
		if (offer_kind_parse(v ? lower(s, v) : NULL, &o->kind) != 0)
			return err_set(e, ERR_INVALID, "invalid_kind", "kind",
			    "Ukendt tilbudstype: %.40s (gyldige: residential, "
			    "day, outpatient, secure_institution, "
			    "special_education, respite, supervision)", v);
	}
	if (h->col[OC_PARAGRAPHS] >= 0) {
		o->paragraphs = arena_calloc(s->arena, OFFER_PARAGRAPHS_MAX,
		    sizeof(*o->paragraphs));
		n = offer_paragraphs_split(s->arena, cell(s, r,
		    h->col[OC_PARAGRAPHS], true), o->paragraphs,
		    OFFER_PARAGRAPHS_MAX);
		if (n < 0)
			return err_set(e, ERR_INVALID, "too_many_paragraphs",
			    "paragraphs", "Højst %d paragraffer pr. tilbud",
			    OFFER_PARAGRAPHS_MAX);
		o->nparagraphs = (size_t)n;
	}
	if (h->col[OC_GROUPS] >= 0 && (rc = split_groups(s, cell(s, r,
	    h->col[OC_GROUPS], true), o, e)) != 0)
		return rc;
	if (h->col[OC_COVERED] >= 0) {
		v = cell(s, r, h->col[OC_COVERED], false);
		if (parse_bool(v, &o->covered) != 0)
			return err_set(e, ERR_INVALID, "invalid_covered",
			    "covered", "Ugyldig værdi i covered: %.20s (brug "
			    "ja/nej, true/false eller 1/0)", v);
	}
	if (h->col[OC_CATEGORY] >= 0)
		o->category = cell(s, r, h->col[OC_CATEGORY], true);
	if (h->col[OC_STATUS] >= 0) {
		v = cell(s, r, h->col[OC_STATUS], false);
		if (v == NULL)
			o->status = OFFER_ACTIVE;
		else if (offer_status_parse(lower(s, v), &o->status) != 0)
			return err_set(e, ERR_INVALID, "invalid_status",
			    "status", "Ukendt status: %.40s (gyldige: active, "
			    "closing, closed)", v);
	}
	if (h->col[OC_OPENED_ON] >= 0)
		o->opened_on = normalise_date(s, cell(s, r,
		    h->col[OC_OPENED_ON], false));
	if (h->col[OC_STATUS_FROM] >= 0)
		o->status_from = normalise_date(s, cell(s, r,
		    h->col[OC_STATUS_FROM], false));
	if (h->col[OC_TP_ID] >= 0)
		o->tilbudsportal_id = cell(s, r, h->col[OC_TP_ID], false);
	if (h->col[OC_NOTE] >= 0)
		o->note = cell(s, r, h->col[OC_NOTE], true);
	if (h->col[OC_SOURCE] >= 0)
		o->source = cell(s, r, h->col[OC_SOURCE], true);
	if ((rc = row_places(s, h, r, base, o, loose, e)) != 0)
		return rc;
	if (*loose >= 0) {
		/* Keep the count, but never invent the year it belongs to. */
		add = arena_printf(s->arena, "Pladser: %s (år ikke oplyst i "
		    "kilden)", centi_da(s, *loose));
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
		report_error(rep, idx[i]->rec->line, &e);
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
		id = offer_store_find(s->db, fold(s, fresh->name),
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
static int
import_offers_tx(struct svc *s, const struct csv *c,
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

	if (parse_header(s, &c->records[0], offer_cols, "places_",
	    OFFER_YEAR_MIN, OFFER_YEAR_MAX, &h, rep) != 0)
		return 0;
	/* Without names, rows can only update offers by id. */
	if (h.col[OC_ID] < 0 &&
	    require_column(&h, OC_NAME, "name", c->records[0].line, rep))
		return 0;
	if (h.col[OC_PLACES_YEAR] >= 0 &&
	    require_column(&h, OC_PLACES, "places", c->records[0].line, rep))
		return 0;

	/* Pass 1: every row on its own. */
	rows = arena_calloc(s->arena, (size_t)c->nrecords, sizeof(*rows));
	fresh = arena_calloc(s->arena, (size_t)c->nrecords, sizeof(*fresh));
	memset(&zero, 0, sizeof(zero));
	for (k = 1; k < c->nrecords && !report_full(rep); k++) {
		if (blank_record(&c->records[k]))
			continue;
		rows[n].rec = &c->records[k];
		err_clear(&re);
		v = cell(s, rows[n].rec, h.col[OC_ID], false);
		if (v != NULL && (text_parse_i64(v, &rows[n].id) != 0 ||
		    rows[n].id <= 0))
			rc = err_set(&re, ERR_INVALID, "invalid_id", "id",
			    "Ugyldigt id: %.20s (et positivt heltal, eller "
			    "tomt for et nyt tilbud)", v);
		else
			rc = build_offer(s, &h, rows[n].rec, &zero, &fresh[n],
			    &loose, &re);
		if (rc != 0) {
			report_error(rep, rows[n].rec->line, &re);
			rows[n].bad = true;
		} else {
			rows[n].name = fresh[n].name;
			if (fresh[n].name != NULL)
				rows[n].key = arena_printf(s->arena,
				    "n%s\x1f%s", fold(s, fresh[n].name),
				    fresh[n].operator_code ?
				    fresh[n].operator_code : "");
			if (loose >= 0)
				report_warning(s, rep, arena_printf(s->arena,
				    "linje %d: %s: %s pladser uden år; "
				    "skrevet i noten", rows[n].rec->line,
				    fresh[n].name ? fresh[n].name : "",
				    centi_da(s, loose)));
		}
		n++;
	}
	find_duplicates(s, rows, n, rep);
	for (i = 0; i < n; i++)
		rows[i].key = rows[i].id > 0 ? arena_printf(s->arena,
		    "i%lld", (long long)rows[i].id) : NULL;
	find_duplicates(s, rows, n, rep);

	/* Pass 2: through the register. */
	for (i = 0; i < n && !report_full(rep); i++) {
		if (rows[i].bad)
			continue;
		err_clear(&re);
		rc = apply_offer_row(s, &h, &rows[i], &fresh[i], rep, &re);
		if (rc == 0)
			continue;
		if (!row_error(rc)) {
			if (e != NULL)
				*e = re;
			return rc;
		}
		report_error(rep, rows[i].rec->line, &re);
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Organisations in                                                   */
/* ------------------------------------------------------------------ */

/* The organisation row r describes. */
static int
build_org(struct svc *s, const struct hdr *h, const struct csv_record *r,
    struct org *o, struct err *e)
{
	const char	*v;
	int64_t		 persons;
	int		 f, rc;

	memset(o, 0, sizeof(*o));
	if ((rc = check_width(h, r, e)) != 0)
		return rc;
	o->code = cell(s, r, h->col[GC_CODE], false);
	o->name = cell(s, r, h->col[GC_NAME], true);
	v = cell(s, r, h->col[GC_KIND], false);
	if (v == NULL || org_kind_parse(lower(s, v), &o->kind) != 0)
		return err_set(e, ERR_INVALID, "invalid_kind", "kind",
		    "Ukendt organisationstype: %.40s (gyldige: kommune, "
		    "region, private)", v ? v : "");
	if (o->code == NULL)
		return err_set(e, ERR_INVALID, "missing_code", "code",
		    "Koden skal udfyldes");
	o->pop = arena_calloc(s->arena, h->nyears + 1, sizeof(*o->pop));
	for (f = 0; f < r->nfields && f < h->nfields; f++) {
		if (h->role[f] != R_YEAR || (v = cell(s, r, f, false)) == NULL)
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
static int
import_orgs_tx(struct svc *s, const struct csv *c,
    struct register_io_report *rep, struct err *e)
{
	struct hdr	 h;
	struct row	*rows;
	struct org	*orgs;
	struct err	 re;
	size_t		 n = 0, i;
	int		 k, rc, line = c->records[0].line;

	if (parse_header(s, &c->records[0], org_cols, "pop_", 1900, 2200, &h,
	    rep) != 0)
		return 0;
	if (require_column(&h, GC_CODE, "code", line, rep) +
	    require_column(&h, GC_NAME, "name", line, rep) +
	    require_column(&h, GC_KIND, "kind", line, rep) != 0)
		return 0;
	rows = arena_calloc(s->arena, (size_t)c->nrecords, sizeof(*rows));
	orgs = arena_calloc(s->arena, (size_t)c->nrecords, sizeof(*orgs));
	for (k = 1; k < c->nrecords && !report_full(rep); k++) {
		if (blank_record(&c->records[k]))
			continue;
		rows[n].rec = &c->records[k];
		err_clear(&re);
		if (build_org(s, &h, rows[n].rec, &orgs[n], &re) != 0) {
			report_error(rep, rows[n].rec->line, &re);
			rows[n].bad = true;
		} else {
			rows[n].name = orgs[n].code;
			rows[n].key = orgs[n].code;
		}
		n++;
	}
	find_duplicates(s, rows, n, rep);
	for (i = 0; i < n && !report_full(rep); i++) {
		if (rows[i].bad || org_unchanged(s, &orgs[i]))
			continue;
		err_clear(&re);
		if ((rc = register_org_save_in_tx(s, &orgs[i], &re)) == 0) {
			rep->orgs++;
			continue;
		}
		if (!row_error(rc)) {
			if (e != NULL)
				*e = re;
			return rc;
		}
		report_error(rep, rows[i].rec->line, &re);
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Import entry points                                                */
/* ------------------------------------------------------------------ */

/* Parse data, run fn in one write transaction, commit unless told not to. */
static int
run_import(struct svc *s, const char *data, size_t len, int dry_run,
    int (*fn)(struct svc *, const struct csv *, struct register_io_report *,
    struct err *), struct register_io_report *rep, struct err *e)
{
	struct csv	c;
	int		rc;

	report_init(s, rep);
	err_clear(e);
	if ((rc = csv_parse(s->arena, data, len, &c, e)) != 0) {
		if (e != NULL && e->line > 0)
			report_error(rep, e->line, e);
		return rc;
	}
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = fn(s, &c, rep, e)) != 0) {
		db_rollback(s->db);
		return rc;
	}
	if (rep->nerrors > 0) {
		db_rollback(s->db);
		return report_fail(rep, e);
	}
	if (dry_run) {
		db_rollback(s->db);
		return 0;
	}
	return db_commit(s->db, e);
}

int
register_io_import_offers(struct svc *s, const char *data, size_t len,
    int dry_run, struct register_io_report *rep, struct err *e)
{
	return run_import(s, data, len, dry_run, import_offers_tx, rep, e);
}

int
register_io_import_orgs(struct svc *s, const char *data, size_t len,
    int dry_run, struct register_io_report *rep, struct err *e)
{
	return run_import(s, data, len, dry_run, import_orgs_tx, rep, e);
}

static const struct embedded_file *
demo_file(const char *name)
{
	unsigned i;

	for (i = 0; i < demo_data_count; i++)
		if (strcmp(demo_data[i].name, name) == 0)
			return &demo_data[i];
	return NULL;
}

int
register_io_load_demo(struct svc *s, struct register_io_report *rep,
    struct err *e)
{
	const struct embedded_file	*orgf, *offf;
	struct csv			 orgc, offc;
	int				 rc;

	report_init(s, rep);
	err_clear(e);
	orgf = demo_file("municipalities.csv");
	offf = demo_file("offers.csv");
	if (orgf == NULL || offf == NULL)
		return err_set(e, ERR_INTERNAL, "demo_missing", NULL,
		    "Demodata mangler i programmet");
	if ((rc = csv_parse(s->arena, orgf->data, orgf->len, &orgc, e)) != 0 ||
	    (rc = csv_parse(s->arena, offf->data, offf->len, &offc, e)) != 0)
		return rc;
	if ((rc = db_begin(s->db, DB_WRITE, e)) != 0)
		return rc;
	if ((rc = import_orgs_tx(s, &orgc, rep, e)) != 0 ||
	    (rep->nerrors == 0 &&
	    (rc = import_offers_tx(s, &offc, rep, e)) != 0)) {
		db_rollback(s->db);
		return rc;
	}
	if (rep->nerrors > 0) {
		db_rollback(s->db);
		return report_fail(rep, e);
	}
	return db_commit(s->db, e);
}

/* ------------------------------------------------------------------ */
/* Export                                                             */
/* ------------------------------------------------------------------ */

int
register_io_format_parse(const char *name, enum register_io_format *out)
{
	if (name == NULL)
		return -1;
	if (strcmp(name, "csv") == 0)
		*out = REGISTER_IO_CSV;
	else if (strcmp(name, "json") == 0)
		*out = REGISTER_IO_JSON;
	else if (strcmp(name, "xlsx") == 0)
		*out = REGISTER_IO_XLSX;
	else
		return -1;
	return 0;
}

/* Every live offer, read a page at a time. */
static int
all_offers(struct svc *s, struct offer **out, size_t *n, struct err *e)
{
	struct offer_filter	 f;
	struct offer		*page, *v = NULL, *nv;
	size_t			 got, cap = 0;
	int64_t			 total;
	int			 rc;

	memset(&f, 0, sizeof(f));
	f.covered = -1;
	f.sort = "id";
	f.limit = EXPORT_PAGE;
	*n = 0;
	for (;;) {
		if ((rc = register_offer_list(s, &f, &page, &got, &total, e))
		    != 0)
			return rc;
		if (*n + got > cap) {
			cap = *n + got > (size_t)total ? *n + got :
			    (size_t)total;
			nv = arena_calloc(s->arena, cap ? cap : 1, sizeof(*nv));
			if (*n > 0)
				memcpy(nv, v, *n * sizeof(*nv));
			v = nv;
		}
		if (got > 0)
			memcpy(v + *n, page, got * sizeof(*v));
		*n += got;
		if (got < (size_t)EXPORT_PAGE)
			break;
		f.offset += EXPORT_PAGE;
	}
	*out = v;
	return 0;
}

static int
int_cmp(const void *a, const void *b)
{
	const int *x = a, *y = b;

	return (*x > *y) - (*x < *y);
}

/* The distinct years with places in any offer, ascending. */
static int *
place_years(struct svc *s, const struct offer *v, size_t n, size_t *nyears)
{
	size_t	 i, k, total = 0, m = 0;
	int	*y;

	for (i = 0; i < n; i++)
		total += v[i].nplaces;
	y = arena_calloc(s->arena, total ? total : 1, sizeof(*y));
	for (i = 0; i < n; i++)
		for (k = 0; k < v[i].nplaces; k++)
			y[m++] = v[i].places[k].year;
	qsort(y, m, sizeof(*y), int_cmp);
	for (i = k = 0; i < m; i++)
		if (k == 0 || y[k - 1] != y[i])
			y[k++] = y[i];
	*nyears = k;
	return y;
}

/* The export's fixed columns, before the places_YYYY ones. */
static const char *const export_cols[] = {
	"id", "name", "operator_code", "location_code", "kind", "paragraphs",
	"target_groups", "covered", "category", "status", "opened_on",
	"status_from", "tilbudsportal_id", "note", "source", NULL
};
#define EXPORT_FIXED	15

/* The same columns in the export for people, before "Pladser ÅÅÅÅ". */
static const char *const human_cols[] = {
	"Tilbud nr.", "Tilbud", "Driftsherre", "Beliggenhedskommune",
	"Tilbudstype", "Paragraffer", "Målgrupper",
	"Omfattet af rammeaftalen", "Kategori", "Status", "Åbnet",
	"Status fra", "Tilbudsportalen", "Bemærkning", "Kilde", NULL
};

/* Which of the two exports, and what the one for people needs. */
struct export_spec {
	bool		 human;		/* Danish headers and labels */
	struct org	*orgs;		/* human: the names of the codes */
	int		 norgs;
};

/* One cell of an exported row, for both CSV and XLSX. */
enum cell_kind { CELL_EMPTY, CELL_TEXT, CELL_VALUE, CELL_INT, CELL_CENTI,
	CELL_DATE };

struct cell {
	enum cell_kind	 kind;
	const char	*text;	/* CELL_TEXT (guarded in CSV), CELL_VALUE,
				   CELL_DATE (ISO) */
	int64_t		 num;	/* CELL_INT, CELL_CENTI (hundredths) */
};

/* The name of the organisation with code, or the code when unknown. */
static const char *
org_name_of(const struct export_spec *x, const char *code)
{
	int	i;

	if (code == NULL)
		return NULL;
	for (i = 0; i < x->norgs; i++)
		if (strcmp(x->orgs[i].code, code) == 0)
			return x->orgs[i].name;
	return code;
}

static const char *
join(struct svc *s, const char **items, size_t n, const char *sep)
{
	struct buf	 b;
	const char	*r;
	size_t		 i;

	if (n == 0)
		return NULL;
	buf_init(&b);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(&b, sep);
		buf_puts(&b, items[i]);
	}
	r = arena_strdup(s->arena, buf_str(&b));
	buf_cleanup(&b);
	return r;
}

static void
set_cell(struct cell *c, enum cell_kind kind, const char *text)
{
	c->kind = text != NULL ? kind : CELL_EMPTY;
	c->text = text;
}

/* The cells of o's row: EXPORT_FIXED + nyears of them. */
static void
offer_cells(struct svc *s, const struct export_spec *x, const struct offer *o,
    const int *years, size_t nyears, struct cell *c)
{
	const char	*kind = offer_kind_name(o->kind);
	size_t		 i;
	int64_t		 p;

	memset(c, 0, (EXPORT_FIXED + nyears) * sizeof(*c));
	c[0].kind = CELL_INT;
	c[0].num = o->id;
	set_cell(&c[1], CELL_TEXT, o->name);
	set_cell(&c[2], CELL_VALUE, o->operator_code);
	set_cell(&c[3], CELL_VALUE, o->location_code);
	set_cell(&c[4], CELL_VALUE, *kind != '\0' ? kind : NULL);
	set_cell(&c[5], CELL_TEXT, join(s, o->paragraphs, o->nparagraphs,
	    "; "));
	set_cell(&c[6], CELL_TEXT, join(s, o->target_groups,
	    o->ntarget_groups, " | "));
	set_cell(&c[7], CELL_VALUE, o->covered ? "true" : "false");
	set_cell(&c[8], CELL_TEXT, o->category);
	set_cell(&c[9], CELL_VALUE, offer_status_name(o->status));
	set_cell(&c[10], CELL_DATE, o->opened_on);
	set_cell(&c[11], CELL_DATE, o->status_from);
	set_cell(&c[12], CELL_VALUE, o->tilbudsportal_id);
	set_cell(&c[13], CELL_TEXT, o->note);
	set_cell(&c[14], CELL_TEXT, o->source);
	for (i = 0; i < nyears; i++)
		if ((p = offer_places_in(o, years[i])) >= 0) {
			c[EXPORT_FIXED + i].kind = CELL_CENTI;
			c[EXPORT_FIXED + i].num = p;
		}
	if (!x->human)
		return;
	set_cell(&c[2], CELL_TEXT, org_name_of(x, o->operator_code));
	set_cell(&c[3], CELL_TEXT, org_name_of(x, o->location_code));
	set_cell(&c[4], CELL_TEXT, *kind != '\0' ? offer_kind_label(o->kind) :
	    NULL);
	set_cell(&c[7], CELL_TEXT, o->covered ? "Ja" : "Nej");
	set_cell(&c[9], CELL_TEXT, offer_status_label(o->status));
	set_cell(&c[10], CELL_DATE, o->opened_on);
	set_cell(&c[11], CELL_DATE, o->status_from);
	set_cell(&c[12], CELL_TEXT, o->tilbudsportal_id);
}

/* An ISO date as "05-12-2026", the form Danish spreadsheets read. */
static const char *
date_dk(struct svc *s, const char *iso)
{
	if (!text_date_valid(iso))
		return iso;
	return arena_printf(s->arena, "%.2s-%.2s-%.4s", iso + 8, iso + 5,
	    iso);
}

static int
export_csv(struct svc *s, const struct export_spec *x, const struct offer *v,
    size_t n, const int *years, size_t nyears, FILE *out, struct err *e)
{
	const char *const	*titles = x->human ? human_cols : export_cols;
	struct csv_writer	 w;
	struct buf		 b;
	struct cell		*c;
	size_t			 i, k, ncols = EXPORT_FIXED + nyears;
	int			 failed = 0;

	c = arena_calloc(s->arena, ncols, sizeof(*c));
	buf_init(&b);
	csv_writer_init(&w, &b, ';', true);
	for (k = 0; titles[k] != NULL; k++)
		csv_write_value(&w, titles[k]);
	for (k = 0; k < nyears; k++)
		csv_write_value(&w, arena_printf(s->arena, x->human ?
		    "Pladser %d" : "places_%d", years[k]));
	csv_end_row(&w);
	for (i = 0; i <= n && !failed; i++) {
		if (i < n) {
			offer_cells(s, x, &v[i], years, nyears, c);
			for (k = 0; k < ncols; k++) {
				switch (c[k].kind) {
				case CELL_EMPTY:
					csv_write_value(&w, NULL);
					break;
				case CELL_TEXT:
					csv_write_text(&w, c[k].text);
					break;
				case CELL_VALUE:
					csv_write_value(&w, c[k].text);
					break;
				case CELL_DATE:
					csv_write_value(&w, x->human ?
					    date_dk(s, c[k].text) : c[k].text);
					break;
				case CELL_INT:
					csv_write_value(&w, arena_printf(
					    s->arena, "%lld",
					    (long long)c[k].num));
					break;
				case CELL_CENTI:
					csv_write_value(&w, centi_da(s,
					    c[k].num));
					break;
				}
			}
			csv_end_row(&w);
		}
		/* Write out in chunks, and what is left at the end. */
		if (b.len >= 65536 || i == n) {
			if (b.len > 0 && fwrite(b.data, 1, b.len, out) != b.len)
				failed = 1;
			buf_reset(&b);
		}
	}
	buf_cleanup(&b);
	if (failed || fflush(out) != 0 || ferror(out))
		return err_set(e, ERR_IO, "write_failed", NULL,
		    "Eksporten kunne ikke skrives");
	return 0;
}

static int
export_json(const struct offer *v, size_t n, FILE *out, struct err *e)
{
	json_t	*root, *arr;
	size_t	 i;
	int	 rc;

	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, offer_to_json(&v[i]));
	root = json_object();
	json_object_set_new(root, "offers", arr);
	rc = json_dumpf(root, out, JSON_INDENT(2) |
	    JSON_PRESERVE_ORDER | DECIMAL_JSON_FLAGS);
	json_decref(root);
	if (rc != 0 || fputc('\n', out) == EOF || fflush(out) != 0 ||
	    ferror(out))
		return err_set(e, ERR_IO, "write_failed", NULL,
		    "Eksporten kunne ikke skrives");
	return 0;
}

static int
export_xlsx(struct svc *s, const struct export_spec *xs,
    const struct offer *v, size_t n, const int *years, size_t nyears,
    const char *path, struct err *e)
{
	const char *const	*titles = xs->human ? human_cols : export_cols;
	struct xlsx_column	*cols;
	struct xlsx		*x;
	struct cell		*c;
	size_t			 i, k, ncols = EXPORT_FIXED + nyears;
	int			 rc;

	if (ncols > XLSX_MAX_COLS)
		return err_set(e, ERR_INVALID, "too_many_years", NULL,
		    "For mange år med pladser til et regneark");
	cols = arena_calloc(s->arena, ncols, sizeof(*cols));
	for (k = 0; titles[k] != NULL; k++)
		cols[k].title = titles[k];
	for (k = 0; k < nyears; k++)
		cols[EXPORT_FIXED + k].title = arena_printf(s->arena,
		    xs->human ? "Pladser %d" : "places_%d", years[k]);
	if ((rc = xlsx_open(&x, path, "Tilbud", cols, (int)ncols, e)) != 0)
		return rc;
	c = arena_calloc(s->arena, ncols, sizeof(*c));
	for (i = 0; i < n; i++) {
		offer_cells(s, xs, &v[i], years, nyears, c);
		for (k = 0; k < ncols; k++) {
			switch (c[k].kind) {
			case CELL_EMPTY:
				xlsx_blank(x);
				break;
			case CELL_DATE:
				xlsx_date(x, c[k].text);
				break;
			case CELL_TEXT:
			case CELL_VALUE:
				xlsx_text(x, c[k].text);
				break;
			case CELL_INT:
				xlsx_int(x, c[k].num);
				break;
			case CELL_CENTI:
				xlsx_centi(x, c[k].num);
				break;
			}
		}
		xlsx_end_row(x);
	}
	return xlsx_close(x, e);
}

/* Both exports: the checks, the offers, then the one format. */
static int
export_offers(struct svc *s, struct export_spec *x,
    enum register_io_format fmt, FILE *out, const char *xlsx_path,
    struct err *e)
{
	struct offer	*v;
	size_t		 n, nyears;
	int		*years, rc;

	if (fmt == REGISTER_IO_XLSX && xlsx_path == NULL)
		return err_set(e, ERR_INVALID, "missing_path", NULL,
		    "XLSX kan kun skrives til en fil");
	if (fmt != REGISTER_IO_XLSX && out == NULL)
		return err_set(e, ERR_INTERNAL, "missing_stream", NULL,
		    "Intet sted at skrive eksporten");
	if ((rc = all_offers(s, &v, &n, e)) != 0)
		return rc;
	years = place_years(s, v, n, &nyears);
	switch (fmt) {
	case REGISTER_IO_CSV:
		return export_csv(s, x, v, n, years, nyears, out, e);
	case REGISTER_IO_JSON:
		return export_json(v, n, out, e);
	case REGISTER_IO_XLSX:
		return export_xlsx(s, x, v, n, years, nyears, xlsx_path, e);
	}
	return err_set(e, ERR_INTERNAL, "unknown_format", NULL,
	    "Ukendt eksportformat");
}

int
register_io_export_offers(struct svc *s, enum register_io_format fmt,
    FILE *out, const char *xlsx_path, struct err *e)
{
	struct export_spec	x;

	memset(&x, 0, sizeof(x));
	return export_offers(s, &x, fmt, out, xlsx_path, e);
}

int
register_io_export_offers_da(struct svc *s, enum register_io_format fmt,
    FILE *out, const char *xlsx_path, struct err *e)
{
	struct export_spec	x;
	int			rc;

	if (fmt == REGISTER_IO_JSON)
		return err_set(e, ERR_INVALID, "invalid_format", "format",
		    "Oversigten til læsning findes som CSV og Excel");
	memset(&x, 0, sizeof(x));
	x.human = true;
	if ((rc = register_org_list(s, &x.orgs, &x.norgs, e)) != 0)
		return rc;
	return export_offers(s, &x, fmt, out, xlsx_path, e);
}
