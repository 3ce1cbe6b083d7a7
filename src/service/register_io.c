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
 *
 * This file owns what the imports share (the report, the cells of a
 * record, the header), their run in one transaction and the demo data;
 * the rows become offers and organisations in register_import.c, and
 * the export is register_export.c. They share register_io_impl.h.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/decimal.h"
#include "report/csv.h"
#include "service/register.h"
#include "service/register_io.h"
#include "service/register_io_impl.h"
#include "service/svc.h"
#include "store/db.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/embed.h"
#include "util/err.h"
#include "util/text.h"

/* The CSV files of data/nordjylland, embedded at build time. */
extern const struct embedded_file demo_data[];
extern const unsigned demo_data_count;

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

bool
rio_report_full(const struct register_io_report *rep)
{
	return rep->nerrors >= REGISTER_IO_MAX_ERRORS;
}

/* Record error src for line; ignored once the list is full. */
void
rio_report_error(struct register_io_report *rep, int line,
    const struct err *src)
{
	if (rio_report_full(rep))
		return;
	rep->errors[rep->nerrors] = *src;
	rep->errors[rep->nerrors].line = line;
	rep->nerrors++;
}

void
rio_report_warning(struct svc *s, struct register_io_report *rep,
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
	if (rio_report_full(rep))
		return err_set(e, ERR_INVALID, "import_failed", NULL,
		    "Importen stoppede efter %d fejl; intet er gemt",
		    rep->nerrors);
	return err_set(e, ERR_INVALID, "import_failed", NULL,
	    "%d fejl i filen; intet er gemt", rep->nerrors);
}

/* Errors a row can have; anything else (the database) stops the import. */
bool
rio_row_error(int rc)
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
const char *
rio_cell(struct svc *s, const struct csv_record *r, int f, bool text)
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
bool
rio_blank_record(const struct csv_record *r)
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
char *
rio_lower(struct svc *s, const char *v)
{
	char *c = arena_strdup(s->arena, v), *p;

	for (p = c; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return c;
}

/* Parse a whole number of exactly four digits in [min, max]; -1 if not. */
int
rio_parse_year(const char *s, int min, int max)
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
const char *
rio_normalise_date(struct svc *s, const char *v)
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
int
rio_parse_bool(const char *v, bool *out)
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
char *
rio_centi_da(struct svc *s, int64_t centi)
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
const char *
rio_fold(struct svc *s, const char *name)
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
int
rio_parse_header(struct svc *s, const struct csv_record *h0,
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
		if ((v = rio_cell(s, h0, f, false)) == NULL)
			continue;
		v = rio_lower(s, v);
		if (strncmp(v, prefix, plen) == 0 && isdigit((unsigned char)
		    v[plen])) {
			if ((y = rio_parse_year(v + plen, ymin, ymax)) < 0) {
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
			rio_report_error(rep, h0->line, &e);
			bad++;
		}
	}
	return bad;
}

/* A header field that is required; reports it missing. */
int
rio_require_column(const struct hdr *h, int role, const char *name, int line,
    struct register_io_report *rep)
{
	struct err e;

	if (h->col[role] >= 0)
		return 0;
	err_set(&e, ERR_INVALID, "missing_column", name,
	    "Kolonnen %s mangler i overskriften", name);
	rio_report_error(rep, line, &e);
	return 1;
}

/* Fields beyond the header must be empty (Excel may add separators). */
int
rio_check_width(const struct hdr *h, const struct csv_record *r, struct err *e)
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
			rio_report_error(rep, e->line, e);
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
	return run_import(s, data, len, dry_run, rio_import_offers_tx, rep, e);
}

int
register_io_import_orgs(struct svc *s, const char *data, size_t len,
    int dry_run, struct register_io_report *rep, struct err *e)
{
	return run_import(s, data, len, dry_run, rio_import_orgs_tx, rep, e);
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
	if ((rc = rio_import_orgs_tx(s, &orgc, rep, e)) != 0 ||
	    (rep->nerrors == 0 &&
	    (rc = rio_import_offers_tx(s, &offc, rep, e)) != 0)) {
		db_rollback(s->db);
		return rc;
	}
	if (rep->nerrors > 0) {
		db_rollback(s->db);
		return report_fail(rep, e);
	}
	return db_commit(s->db, e);
}

