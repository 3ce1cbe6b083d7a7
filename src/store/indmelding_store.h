/*
 * indmelding_store — SQL of the yearly submissions: the year's submission
 * with its deadline and hearing, one submission per party with its lines
 * per offer and its target-group fits, the hearing's comments, and the
 * figures the status report is compiled from (migration 015).
 *
 * Every function runs inside the caller's transaction; results are
 * copied into the arena a. Figures not given are -1 (SQL NULL).
 */
#ifndef RAMME_INDMELDING_STORE_H
#define RAMME_INDMELDING_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "core/indmelding.h"

struct arena;
struct db;
struct err;

/* A year's submission. */
struct ind_year {
	int64_t			 id;
	int64_t			 version;
	int			 year;		/* the year the figures are for */
	const char		*deadline;	/* ISO date */
	enum ind_year_status	 status;
	const char		*hearing_deadline; /* ISO date, or NULL */
	const char		*hearing_at;	/* ISO instant, or NULL */
	int64_t			 agenda_meeting_id; /* 0 if none */
	int64_t			 agenda_item_id;
	const char		*agenda_at;
	const char		*created_at;
};

/* One party's submission. */
struct ind_sub {
	int64_t			 id;
	int64_t			 year_id;
	int			 year;		/* read only */
	const char		*org_code;
	const char		*org_name;	/* read only */
	enum ind_kind		 kind;
	enum submission_status	 status;
	int64_t			 version;
	const char		*general;	/* "" if none */
	const char		*comment;	/* on return, or NULL */
	int64_t			 prefilled_from; /* 0 if none */
	const char		*submitted_at;
	const char		*reviewed_at;
	const char		*reviewed_by;
	int64_t			 nlines;	/* offers */
	int64_t			 nanswered;	/* offers answered */
	struct ind_line		*lines;		/* ind_store_sub_get only */
	size_t			 nline;
	struct ind_fit		*fits;		/* ind_store_sub_get only */
	size_t			 nfit;
};

/* Submissions of a year by kind and status (progress "9 af 11"). */
struct ind_progress {
	int64_t	 total[IND_KIND_COUNT];
	int64_t	 done[IND_KIND_COUNT];	/* submitted or approved */
	int64_t	 by_status[IND_KIND_COUNT][SUBMISSION_STATUS_COUNT];
};

/* A comment of the hearing. */
struct ind_comment {
	int64_t		 id;
	const char	*org_code;	/* NULL: the secretariat */
	const char	*org_name;	/* "Sekretariatet" when org_code NULL */
	int64_t		 offer_id;	/* 0: general */
	const char	*offer_name;	/* NULL when general */
	const char	*text;
	const char	*author;
	const char	*created_at;
};

/* One offer of the status report, before the flags. */
struct ind_report_row {
	int64_t		 offer_id;
	const char	*offer_name;
	const char	*operator_name;	/* NULL if none */
	bool		 reported;	/* the operator's figures are in */
	int64_t		 capacity_centi, occupancy_bp, occupancy_prev_bp;
	int64_t		 waiting;
	const char	*development, *plans;
	int64_t		 demand_centi;	/* Σ expected places; -1: none */
	int64_t		 answers;	/* municipalities that answered */
	int64_t		 no_use;	/* of them, expecting no use */
	int64_t		 prev_demand_centi; /* a year earlier; -1 */
	unsigned	 flags;		/* filled by the service */
};

/* A target group's ratings across the municipalities. */
struct ind_report_fit {
	const char	*grp;
	int64_t		 rated;		/* ratings 1–5 */
	int64_t		 sum;		/* their sum */
	int64_t		 low;		/* ratings 1 or 2 */
};

/* A municipality's or operator's general text. */
struct ind_report_text {
	const char	*org_name;
	const char	*text;
};

/* The compiled status report of a year (see service/indmelding.h). */
struct ind_report {
	struct ind_year		 year;
	struct ind_progress	 progress;
	int64_t			 band_min_bp;	/* occupancy band's floor */
	struct ind_report_row	*rows;
	size_t			 nrows;
	int64_t			 capacity_centi; /* Σ of the rows known */
	int64_t			 demand_centi;
	int64_t			 prev_demand_centi; /* -1: no earlier year */
	int64_t			 waiting;
	int64_t			 flagged[IND_FLAG_COUNT]; /* offers per flag */
	struct ind_report_fit	*fits;		/* IND_GROUP_COUNT, in order */
	struct ind_report_text	*wishes;	/* municipalities' */
	size_t			 nwishes;
	struct ind_report_text	*dev;		/* operators' */
	size_t			 ndev;
	struct ind_comment	*comments;
	size_t			 ncomments;
};

int	ind_store_year_insert(struct db *db, int year, const char *deadline,
	    const char *at, int64_t *id, struct err *e);
int	ind_store_year_get(struct db *db, struct arena *a, int64_t id,
	    struct ind_year *out, struct err *e);
/* The id of the submission of year, or 0. */
int64_t	ind_store_year_find(struct db *db, int year);
/* Every year, newest first. */
int	ind_store_year_list(struct db *db, struct arena *a,
	    struct ind_year **out, size_t *n, struct err *e);
/* Move to status with its hearing deadline or agenda item; version + 1. */
int	ind_store_year_set(struct db *db, int64_t id, int64_t expected_version,
	    enum ind_year_status status, const char *hearing_deadline,
	    int64_t meeting_id, int64_t item_id, const char *at,
	    struct err *e);

/*
 * Create the submissions of year_id: one per municipality, one per
 * operator of a covered offer that is not closed, each with a line per
 * covered offer (an operator: its own) pre-filled from the party's
 * submission of the latest earlier year, the register's places (else
 * the latest approved tariff submission's) and the reported accounts'
 * occupancy; the fits from the earlier submission.
 * *n receives the submissions made.
 */
int	ind_store_create_subs(struct db *db, int64_t year_id, int year,
	    const char *at, int64_t *n, struct err *e);
/*
 * Submissions of year_id (org_code NULL: all), municipalities first,
 * by name; lines and fits not loaded.
 */
int	ind_store_subs(struct db *db, struct arena *a, int64_t year_id,
	    const char *org_code, struct ind_sub **out, size_t *n,
	    struct err *e);
/* One submission with its lines (by offer name) and fits. */
int	ind_store_sub_get(struct db *db, struct arena *a, int64_t id,
	    struct ind_sub *out, struct err *e);
/* Replace the figures and texts of one existing line. */
int	ind_store_line_put(struct db *db, int64_t sub_id,
	    const struct ind_line *l, struct err *e);
/* Replace the fits (those with fit -1 are dropped) and the general text. */
int	ind_store_fits_put(struct db *db, int64_t sub_id,
	    const struct ind_fit *v, size_t n, const char *general,
	    struct err *e);
/*
 * Set status if the version is expected_version; version + 1. Moving to
 * another status records the comment (returned), the submission or the
 * review time and reviewer; the same status (an edit) keeps them.
 * ERR_PRECONDITION if stale.
 */
int	ind_store_sub_set(struct db *db, int64_t id, int64_t expected_version,
	    enum submission_status status, const char *comment,
	    const char *at, const char *by, struct err *e);
int	ind_store_progress(struct db *db, int64_t year_id,
	    struct ind_progress *out, struct err *e);

int	ind_store_comment_add(struct db *db, int64_t year_id,
	    const char *org_code, int64_t offer_id, const char *text,
	    const char *author, const char *at, int64_t *id, struct err *e);
/* The comments of a year, general first, then by offer, oldest first. */
int	ind_store_comments(struct db *db, struct arena *a, int64_t year_id,
	    struct ind_comment **out, size_t *n, struct err *e);

/*
 * The offers of the report of year_id (those with a line), with the
 * figures of submitted or approved submissions only; prev_year_id (0:
 * none) gives last year's demand.
 */
int	ind_store_report_rows(struct db *db, struct arena *a, int64_t year_id,
	    int64_t prev_year_id, struct ind_report_row **out, size_t *n,
	    struct err *e);
int	ind_store_report_fits(struct db *db, struct arena *a, int64_t year_id,
	    struct ind_report_fit **out, size_t *n, struct err *e);
int	ind_store_report_texts(struct db *db, struct arena *a,
	    int64_t year_id, enum ind_kind kind,
	    struct ind_report_text **out, size_t *n, struct err *e);

/*
 * The next meeting of the body with key body_key ("das") that is planned
 * or convened and starts on or after today: 0 and *id, *title,
 * *starts_at, or ERR_NOT_FOUND.
 */
int	ind_store_next_meeting(struct db *db, struct arena *a,
	    const char *body_key, const char *today, int64_t *id,
	    const char **title, const char **starts_at, struct err *e);

#endif
