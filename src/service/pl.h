/*
 * pl — the stored price-and-wage series (spec §7.3): read them (everyone,
 * they are public figures), import a new version from CSV or XLSX (the
 * secretariat; all or nothing, errors by row, audited), export them, and
 * hand a version's years to core/pl for exact factors.
 *
 * A series is a yearly % change per year with a source; each revision is
 * a new version and earlier versions stay. `ramme init` loads the state's
 * general PL (data/pl/pl_index.csv) as version 1 of state_general_pl.
 *
 * File format (import and export): a header row and the columns
 *   series      the series key: a–z, 0–9 and _, at most 64 characters
 *   year        the year of the change
 *   pct_change  the % change from the year before: at most four decimals,
 *               '.' or ',' as the decimal mark, −50..100
 *   source      where the figures come from (optional)
 *   note        a note on the year (optional)
 * One file may hold several series; each gets a new version (a series
 * whose years equal its current version is left unchanged).
 */
#ifndef RAMME_SERVICE_PL_H
#define RAMME_SERVICE_PL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/pl.h"
#include "store/pl_store.h"

struct buf;
struct err;
struct svc;

#define PL_STATE_SERIES		"state_general_pl"	/* loaded by init */
#define PL_TITLE_MAX		200	/* characters of a series title */
#define PL_TEXT_MAX		500	/* characters of a source or note */
#define PL_IMPORT_ERRORS_MAX	100	/* row errors reported */

enum pl_format {
	PL_CSV,		/* ';' separated UTF-8 with BOM, decimal comma */
	PL_XLSX		/* one sheet, header row, numbers as numbers */
};

/* A series as its page shows it. */
struct pl_series_view {
	struct pl_series_row	 series;
	struct pl_version_row	 version;	/* the version shown */
	bool			 current;	/* it is the current one */
	struct pl_value_row	*values;	/* by year */
	size_t			 nvalues;
	int			 index_base;	/* base year of the index, or 0
						   when there is no index */
	struct pl_index_point	*index;		/* base year = 100 */
	size_t			 nindex;
	struct pl_version_row	*versions;	/* newest first */
	size_t			 nversions;
};

/* Options of an import. */
struct pl_import_opts {
	const char	*title;		/* Danish title for a new series, or
					   NULL (a known title or the key) */
	const char	*revised_on;	/* revision date YYYY-MM-DD, or NULL
					   for today */
	const char	*note;		/* note on the new versions, or NULL */
	bool		 dry_run;	/* check everything, store nothing */
};

/* What an import did to one series. */
struct pl_import_series {
	const char	*name;
	int		 version;	/* the new version, or the current one
					   when unchanged */
	int		 nyears;
	bool		 created;	/* the series is new */
	bool		 unchanged;	/* equal to the current version */
};

struct pl_import_report {
	struct pl_import_series	*series;	/* in file order */
	size_t			 nseries;
	int			 nerrors;	/* rows with errors */
	struct err		*errors;	/* [nerrors], line = the row */
};

/* Every series with its current version, by key. */
int	pl_list(struct svc *s, struct pl_series_row **out, size_t *n,
	    struct err *e);
/*
 * The series `name` in version `version` (0: the current one), with its
 * index for base year base_year (0: the last year up to and including
 * the current calendar year, else the last year). Returns 0, or
 * ERR_NOT_FOUND for an unknown series or version.
 */
int	pl_show(struct svc *s, const char *name, int version, int base_year,
	    struct pl_series_view *v, struct err *e);
/*
 * The years of version `version` (0: current) of series `name` into
 * out[0..max) (*n set); *version_out (may be NULL) receives the version
 * used. Returns 0 or ERR_NOT_FOUND ("PL-serien findes ikke: NAME").
 */
int	pl_years(struct svc *s, const char *name, int version,
	    struct pl_year *out, size_t max, size_t *n, int *version_out,
	    struct err *e);
/*
 * The calculators' series lookup (struct calc_params.pl_series): arg is
 * a struct svc *; the current version of name.
 */
int	pl_calc_lookup(void *arg, const char *name, struct pl_year *out,
	    size_t max, size_t *n, struct err *e);
/*
 * Import the file data[0..len) in format fmt (see above). Admin only.
 * One transaction: every series of the file gets a new version, or,
 * on any error, nothing changes. Returns 0; ERR_INVALID with rep->errors
 * listing the bad rows (e holds the first); ERR_FORBIDDEN; or a storage
 * error. rep lives in the svc arena.
 */
int	pl_import(struct svc *s, const char *data, size_t len,
	    enum pl_format fmt, const struct pl_import_opts *o,
	    struct pl_import_report *rep, struct err *e);
/*
 * Load the state's general PL built into the program as version 1 of
 * state_general_pl, unless that series exists. *loaded says whether it
 * was loaded. Runs as the caller (the CLI's system user).
 */
int	pl_load_initial(struct svc *s, bool *loaded, struct err *e);
/*
 * Write version `version` (0: current) of series `name` in the import
 * format: CSV appended to out, or XLSX written to the file xlsx_path.
 */
int	pl_export(struct svc *s, const char *name, int version,
	    enum pl_format fmt, struct buf *out, const char *xlsx_path,
	    struct err *e);
/* The Danish title of a known series key, or NULL. */
const char *pl_known_title(const char *name);

#endif
