/*
 * analysis_store — tariff analyses (migration 017): the analysis, the
 * price-and-wage changes it recorded, its panel rows read from the
 * published tariffs (live, while a draft) or as stored when it was sent
 * to hearing, the yearly figures, and the hearing's comments.
 *
 * Functions run inside the caller's transaction; results are copied
 * into the caller's arena.
 */
#ifndef RAMME_ANALYSIS_STORE_H
#define RAMME_ANALYSIS_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "core/panel.h"
#include "core/pl.h"

struct arena;
struct db;
struct err;

/* An analysis as stored. */
struct analysis {
	int64_t		 id;
	int64_t		 version;	/* bumped by every change */
	const char	*title;
	int		 from_year;
	int		 to_year;	/* > from_year */
	int		 price_year;	/* the prices the fixed-price figures
					   are in: a year of the series, the
					   to-year by default */
	const char	*series_name;
	int64_t		 series_version;
	int64_t		 f_section;	/* SEL §, 0 for all */
	const char	*f_unit;	/* API unit name, "" for all */
	const char	*f_level;	/* NULL for all levels */
	const char	*f_operator;	/* organisation code, NULL for all */
	const char	*f_operator_name; /* its name, or NULL */
	int64_t		 cap_minus_e4;	/* "PL − x %", ten-thousandths of a
					   percent; -1 for none */
	int64_t		 target_e4;	/* reduction target, -1 for none */
	const char	*state;		/* "draft", "hearing", "final" */
	const char	*deadline;	/* ISO date of the hearing, or NULL */
	const char	*created_at;
	const char	*created_by;
	const char	*sent_at;	/* or NULL */
	const char	*finalised_at;	/* or NULL */
	const char	*finalised_by;	/* or NULL */
	int64_t		 ncomments;	/* lists only */
};

/* One year of the span: the published tariffs the filters select. */
struct analysis_year {
	int	year;
	int64_t	nlines;
	int64_t	places_centi;	/* Σ places, hundredths */
	int64_t	exp_centi_ore;	/* Σ places_centi × tariff_ore */
};

/* A hearing comment. */
struct analysis_comment {
	int64_t		 id;
	int64_t		 offer_id;	/* 0: general */
	const char	*offer_name;	/* or NULL */
	const char	*author;	/* username */
	const char	*author_name;
	const char	*org_code;	/* or NULL */
	const char	*org_name;	/* or NULL */
	const char	*body;
	const char	*created_at;
};

/* Insert a (validated) analysis with state draft and its series years;
 * *id receives the new id. */
int	analysis_store_insert(struct db *db, const struct analysis *a,
	    const struct pl_year *ys, size_t nys, const char *at, int64_t *id,
	    struct err *e);
/* One analysis (ERR_NOT_FOUND "Analysen findes ikke"). */
int	analysis_store_get(struct db *db, struct arena *ar, int64_t id,
	    struct analysis *out, struct err *e);
/* All analyses, newest first; only the final ones when final_only. */
int	analysis_store_list(struct db *db, struct arena *ar, int final_only,
	    struct analysis **out, size_t *n, struct err *e);
/* The series years an analysis recorded, by year. */
int	analysis_store_pl(struct db *db, struct arena *ar, int64_t id,
	    struct pl_year **out, size_t *n, struct err *e);
/*
 * The current published tariffs of year selected by a's filters (lines
 * of citizens referred before a cut-off left out), with the cost base
 * and days of the service line they were published from (-1 and 0 for a
 * tariff changed in the year) and the operator of the year (by the
 * offer's events), ordered by offer, paragraph, level, unit. a's operator
 * filter selects the offers run by it in a's to-year, the operator the
 * panel groups a line by, whichever year is read.
 */
int	analysis_store_rows_live(struct db *db, struct arena *ar,
	    const struct analysis *a, int year, struct panel_row **out,
	    size_t *n, struct err *e);
/* The yearly figures of a's span from the published tariffs. */
int	analysis_store_years_live(struct db *db, struct arena *ar,
	    const struct analysis *a, struct analysis_year **out, size_t *n,
	    struct err *e);
/* Store the rows of both years and the yearly figures of analysis id. */
int	analysis_store_freeze(struct db *db, int64_t id,
	    const struct panel_row *from, size_t nfrom,
	    const struct panel_row *to, size_t nto,
	    const struct analysis_year *ys, size_t nys, struct err *e);
/* The stored rows of side 0 (from-year) or 1 (to-year). */
int	analysis_store_rows_frozen(struct db *db, struct arena *ar, int64_t id,
	    int side, struct panel_row **out, size_t *n, struct err *e);
/* The stored yearly figures. */
int	analysis_store_years_frozen(struct db *db, struct arena *ar,
	    int64_t id, struct analysis_year **out, size_t *n, struct err *e);
/*
 * Move analysis id at version expected to state (with deadline for
 * "hearing", or finalised by `by` for "final"); bumps the version.
 * ERR_PRECONDITION when the version differs.
 */
int	analysis_store_set_state(struct db *db, int64_t id, int64_t expected,
	    const char *state, const char *deadline, const char *at,
	    const char *by, struct err *e);
/* Add a comment; *id receives its id. */
int	analysis_store_comment_add(struct db *db, int64_t analysis_id,
	    const struct analysis_comment *c, int64_t *id, struct err *e);
/* The comments of an analysis, oldest first. */
int	analysis_store_comments(struct db *db, struct arena *ar, int64_t id,
	    struct analysis_comment **out, size_t *n, struct err *e);

#endif
