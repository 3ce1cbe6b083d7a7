/*
 * tariff_store — the operators' submissions in a round with their service
 * lines, and the published tariffs with their versions.
 *
 * Lists are a fixed number of queries whatever their size (a round's
 * submissions with line counts and warnings in one query, the lines of a
 * whole round in one). Functions run inside the caller's transaction;
 * results are copied into the caller's arena.
 */
#ifndef RAMME_TARIFF_STORE_H
#define RAMME_TARIFF_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/round.h"

struct arena;
struct db;
struct err;

/* One submission: an offer in a round. */
struct submission {
	int64_t			 id;
	int64_t			 version;	/* ETag; bumped by every
						   change */
	int64_t			 round_id;
	int			 year;		/* the round's tariff year */
	int			 round_no;
	int64_t			 offer_id;
	const char		*offer_name;
	const char		*offer_kind;	/* API name, or "" */
	const char		*operator_code;
	const char		*operator_name;
	enum submission_status	 status;
	const char		*comment;	/* secretariat's, or NULL */
	int64_t			 prefilled_from; /* submission id, or 0 */
	const char		*created_at;
	const char		*updated_at;
	const char		*submitted_at;	/* or NULL */
	const char		*reviewed_at;	/* or NULL */
	const char		*reviewed_by;	/* or NULL */
	int64_t			 harmonised_id;	/* the harmonised group this
						   submission reports for (on
						   its first member offer; then
						   offer_name is the group's
						   name and its members), or 0 */

	/* Lists: summed over the lines. */
	int64_t			 nlines;
	int64_t			 nwarnings;
	int64_t			 reasons_missing; /* lines whose warnings ask
						   for a reason they lack */
	int64_t			 not_computed;	/* lines without a tariff */

	/* One submission: its lines (see tariff_store_lines). */
	struct service_line	*lines;
	size_t			 nlines_loaded;
};

/* A line with the submission and offer it belongs to (bulk reads). */
struct round_line_row {
	int64_t			 submission_id;
	int64_t			 offer_id;
	const char		*offer_kind;	/* API name, or "" */
	struct service_line	 line;
};

/* A published tariff (one version). */
struct published_tariff {
	int64_t		 id;
	int64_t		 offer_id;
	const char	*offer_name;
	const char	*operator_code;
	const char	*operator_name;
	const char	*location_code;	/* beliggenhedskommune, or NULL */
	const char	*location_name;
	const char	*target_groups;	/* the offer's, joined by "; " */
	int		 year;
	const char	*paragraph;
	const char	*level;		/* "" if one level */
	enum tariff_unit unit;
	int64_t		 version;
	int64_t		 tariff_ore;
	const char	*tariff_exact;	/* øre, decimal text, or NULL */
	int64_t		 occupancy_bp;
	int64_t		 places_centi;
	const char	*valid_from;
	const char	*valid_to;
	const char	*reason;	/* or NULL */
	const char	*cause;		/* key of the cause of a change in
					   the year (core/tariff_cause.h),
					   or NULL */
	int64_t		 round_id;	/* 0 for a change in the year */
	int		 round_no;	/* 0 for a change in the year */
	int64_t		 previous_id;	/* the version it changed, or 0 */
	const char	*published_at;
	const char	*published_by;
	const char	*superseded_at;	/* or NULL */
	const char	*referred_from;	/* for citizens referred on or after
					   this ISO date (a new tariff
					   structure), or NULL */
	const char	*referred_before; /* for citizens referred before it
					   (the structure replaced), or NULL */
	int64_t		 days;		/* the line's opening days a year;
					   0 = the year's day basis (or not
					   from a round's line) */
	int64_t		 harmonised_id;	/* the harmonised group whose one
					   tariff this is (the same on every
					   member offer), or 0 */
};

/* Filter of the published overview. NULL / 0: no filter. */
struct tariff_filter {
	int		 year;
	const char	*operator_code;
	const char	*paragraph;	/* "107" (section) or the exact text */
	const char	*target_group;	/* part of a target group, any case
					   for ASCII letters */
	const char	*municipality;	/* location code */
	int64_t		 offer_id;
	bool		 all_versions;	/* include superseded rows */
	int64_t		 limit;		/* rows, 1..100000 */
};

/* Last year's tariff of an offer by paragraph, level, unit and
 * referral dates. */
struct prev_tariff {
	int64_t			 offer_id;
	const char		*paragraph;
	const char		*level;
	enum tariff_unit	 unit;
	int64_t			 tariff_ore;
	const char		*referred_from;		/* or NULL */
	const char		*referred_before;	/* or NULL */
};

/*
 * Create the submissions of round r for every live offer with an
 * operator that is not closed and not a supervisory authority (and is
 * covered, when the round says so), each remembering the latest earlier
 * submission of the offer that has lines (prefilled_from). One
 * statement. *n receives the number created.
 */
int	tariff_store_create_submissions(struct db *db,
	    const struct tariff_round *r, const char *at, int64_t *n,
	    struct err *e);
/*
 * Create the submission of one offer in round r (as above, for an offer
 * added later). ERR_CONFLICT if it is already in the round.
 */
int	tariff_store_add_submission(struct db *db, const struct tariff_round *r,
	    int64_t offer_id, const char *operator_code, const char *at,
	    int64_t *id, struct err *e);
/*
 * The lines to pre-fill round_id with: for every submission of the round
 * with prefilled_from, the lines of that source submission, keyed by the
 * new submission, in order of submission and position. Tariffs,
 * warnings and reasons are not read (they are recomputed for the new
 * year); (*years)[i] is the tariff year the source line was made for.
 */
int	tariff_store_prefill_rows(struct db *db, struct arena *a,
	    int64_t round_id, struct round_line_row **out, int **years,
	    size_t *n, struct err *e);
/*
 * Every line of round_id with its tariff and warnings, by submission and
 * position (offer_kind is not set). One query.
 */
int	tariff_store_round_lines(struct db *db, struct arena *a,
	    int64_t round_id, struct round_line_row **out, size_t *n,
	    struct err *e);
/* One submission (without lines); ERR_NOT_FOUND if missing. */
int	tariff_store_submission_get(struct db *db, struct arena *a,
	    int64_t id, struct submission *out, struct err *e);
/* The lines of submission id, by position, with warnings decoded. */
int	tariff_store_lines(struct db *db, struct arena *a, int64_t id,
	    struct service_line **out, size_t *n, struct err *e);
/*
 * The submissions of round_id (of one operator when operator_code is not
 * NULL), by operator name and offer name, with line counts, warnings and
 * missing reasons summed. One query.
 */
int	tariff_store_submission_list(struct db *db, struct arena *a,
	    int64_t round_id, const char *operator_code,
	    struct submission **out, size_t *n, struct err *e);
/*
 * The submissions of round_id by offer, with only what a bulk import
 * needs: id, version, offer, offer kind, operator, status, comment and
 * the number of lines (nlines). Three queries: the kinds of the offers
 * (from an index), the count, the submissions.
 */
int	tariff_store_submission_keys(struct db *db, struct arena *a,
	    int64_t round_id, struct submission **out, size_t *n,
	    struct err *e);
/* Delete the lines of submission id. */
int	tariff_store_lines_delete(struct db *db, int64_t id, struct err *e);
/* Insert line l (computed or not) for submission id. */
int	tariff_store_line_insert(struct db *db, int64_t id,
	    const struct service_line *l, struct err *e);
/*
 * Change the status of submission id if its version is expected_version
 * (ERR_PRECONDITION otherwise): bump the version, set updated_at,
 * submitted_at (submitting, or approving one never submitted: a bulk
 * import), reviewed_at/by (approving, returning) and comment (returning;
 * approving clears it).
 */
int	tariff_store_submission_set(struct db *db, int64_t id,
	    int64_t expected_version, enum submission_status st,
	    const char *comment, const char *at, const char *who,
	    struct err *e);
/*
 * Mark submission id changed (its lines were replaced) if its version is
 * expected_version: bump the version and set updated_at.
 * ERR_PRECONDITION otherwise.
 */
int	tariff_store_submission_touch(struct db *db, int64_t id,
	    int64_t expected_version, const char *at, struct err *e);
/*
 * The tariffs of year valid at its end (not superseded, the latest
 * validity of each offer, paragraph, level, unit and referral dates), of
 * one offer or of all when offer_id is 0.
 */
int	tariff_store_prev_tariffs(struct db *db, struct arena *a, int year,
	    int64_t offer_id, struct prev_tariff **out, size_t *n,
	    struct err *e);
/*
 * Publish round r: mark superseded the current tariffs of r's year of
 * every offer with an approved submission in r, then write the approved
 * lines as new versions valid the whole year. Two statements; *n
 * receives the number of tariffs written.
 */
int	tariff_store_publish(struct db *db, const struct tariff_round *r,
	    const char *at, const char *who, int64_t *n, struct err *e);
/* The published tariffs matching f, by offer name, then the tariffs of a
 * new structure (referred_from) after the others, paragraph, level. */
int	tariff_store_published_list(struct db *db, struct arena *a,
	    const struct tariff_filter *f, struct published_tariff **out,
	    size_t *n, struct err *e);
/* One published tariff (any version); ERR_NOT_FOUND if missing. */
int	tariff_store_published_get(struct db *db, struct arena *a, int64_t id,
	    struct published_tariff *out, struct err *e);
/* Every version of the tariff of t's offer, year, paragraph, level, unit
 * and referral dates. */
int	tariff_store_published_versions(struct db *db, struct arena *a,
	    const struct published_tariff *t, struct published_tariff **out,
	    size_t *n, struct err *e);
/*
 * The current latest versions of the tariff line of t on the other
 * member offers of its harmonised group (none if t has no group), by
 * offer name.
 */
int	tariff_store_published_siblings(struct db *db, struct arena *a,
	    const struct published_tariff *t, struct published_tariff **out,
	    size_t *n, struct err *e);
/*
 * A change in the year: end version old on the day before valid_from and
 * insert a new version from valid_from to old's end with tariff_ore, the
 * cause's key (core/tariff_cause.h) and reason (NULL or "": none). *id
 * receives the new row's id. ERR_CONFLICT if a later version
 * exists already.
 */
int	tariff_store_published_change(struct db *db,
	    const struct published_tariff *old, int64_t tariff_ore,
	    const char *valid_from, const char *day_before,
	    const char *cause, const char *reason, const char *at,
	    const char *who, int64_t *id,
	    struct err *e);
/* Distinct target groups of offers with current published tariffs. */
int	tariff_store_target_groups(struct db *db, struct arena *a,
	    const char ***out, size_t *n, struct err *e);
/* Years with published tariffs, newest first. */
int	tariff_store_years(struct db *db, struct arena *a, int **out,
	    size_t *n, struct err *e);

#endif
