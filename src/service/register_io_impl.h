/*
 * register_io_impl — what the parts of service/register_io share: the
 * header of a file mapped to columns, the report of an import, the cells
 * of a CSV record, and the imports of offers and organisations run by
 * register_io.c. Private to src/service/register_io.c,
 * register_import.c and register_export.c; see register_io.h for the
 * interface.
 */
#ifndef RAMME_REGISTER_IO_IMPL_H
#define RAMME_REGISTER_IO_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct csv;
struct csv_record;
struct err;
struct register_io_report;
struct svc;

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

/* A file's header mapped to columns. */
struct hdr {
	int	 nfields;	/* fields in the header record */
	int	*role;		/* [nfields] a named role or R_* */
	int	*year;		/* [nfields] the year of an R_YEAR column */
	int	 col[OC_COUNT];	/* field of each named role, or -1 */
	int	*years;		/* years of the R_YEAR columns, in file order */
	size_t	 nyears;
};

/* ---- register_io.c: report, cells, header --------------------------- */

/* The report holds as many errors as it may (REGISTER_IO_MAX_ERRORS). */
bool	rio_report_full(const struct register_io_report *rep);

/* Record error src for line; ignored once the list is full. */
void	rio_report_error(struct register_io_report *rep, int line,
	    const struct err *src);

/* Add warning msg (not copied: it lives in the arena) to the report. */
void	rio_report_warning(struct svc *s, struct register_io_report *rep,
	    const char *msg);

/* Errors a row can have; anything else (the database) stops the import. */
bool	rio_row_error(int rc);

/*
 * The text of field f of r, or NULL if empty or missing: an unquoted
 * cell is trimmed, a text cell loses its formula guard.
 */
const char *rio_cell(struct svc *s, const struct csv_record *r, int f,
	    bool text);

/* True if every field of r is empty or white space. */
bool	rio_blank_record(const struct csv_record *r);

/* Lower-case ASCII copy of v. */
char	*rio_lower(struct svc *s, const char *v);

/* Parse a whole number of exactly four digits in [min, max]; -1 if not. */
int	rio_parse_year(const char *s, int min, int max);

/*
 * Dates as ISO "2012-09-01", or as Danish Excel writes them
 * ("1-9-2012", "01.09.2012", "1/9/2012"). Anything else is returned as
 * it is, for validation to reject with its own message.
 */
const char *rio_normalise_date(struct svc *s, const char *v);

/* ja/nej, true/false, yes/no, 1/0; empty is false. 0 or -1. */
int	rio_parse_bool(const char *v, bool *out);

/* Hundredths in Danish form without thousands separators: "12,5". */
char	*rio_centi_da(struct svc *s, int64_t centi);

/* Case-folded name, the key offers are matched on. */
const char *rio_fold(struct svc *s, const char *name);

/*
 * Map the header record h0 onto the columns named in names, with year
 * columns "<prefix>YYYY" (years in [ymin, ymax]). Names are matched
 * trimmed and case-insensitively. Unknown and repeated columns are
 * reported on the header's line; returns the number of errors.
 */
int	rio_parse_header(struct svc *s, const struct csv_record *h0,
	    const struct colname *names, const char *prefix, int ymin, int ymax,
	    struct hdr *h, struct register_io_report *rep);

/* A header field that is required; reports it missing. */
int	rio_require_column(const struct hdr *h, int role, const char *name,
	    int line, struct register_io_report *rep);

/* Fields beyond the header must be empty (Excel may add separators). */
int	rio_check_width(const struct hdr *h, const struct csv_record *r,
	    struct err *e);

/* ---- register_import.c --------------------------------------------- */

/* The offers import inside the caller's write transaction. */
int	rio_import_offers_tx(struct svc *s, const struct csv *c,
	    struct register_io_report *rep, struct err *e);

/* The organisations import inside the caller's write transaction. */
int	rio_import_orgs_tx(struct svc *s, const struct csv *c,
	    struct register_io_report *rep, struct err *e);

#endif
