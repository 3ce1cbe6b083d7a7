/*
 * indmelding — the yearly submissions (indmeldinger) and their joint
 * written hearing as use cases.
 *
 * The secretariat opens the submission of a year with a deadline: every
 * municipality and every operator of a covered offer gets a submission,
 * pre-filled from its submission of the year before, the register's
 * places and the reported accounts' occupancy. A municipality (role
 * authority) fills in only its own: per covered offer the expected use
 * next year, wished changes, and where no use is expected why and what it
 * uses instead; per target group the fit of supply and demand (1–5) and
 * its wishes for new offers. An operator fills in only its own offers:
 * capacity, occupancy, waiting list, catchment, development, plans and a
 * link to the service declaration. Parties submit before the deadline;
 * the secretariat approves or returns with a comment.
 *
 * The compiled status report (per offer and in total, with flags) is
 * seen by the secretariat, and by every user once it is sent to the
 * hearing; during the hearing the parties comment per offer or in
 * general; the report with the comments then goes onto the next DAS
 * meeting as an item (service/indmelding_io.h).
 *
 * Every change runs in one transaction with an audit record (entities
 * "indmelding_year", "indmelding", "indmelding_comment"). "Today" is the
 * UTC date of the service call.
 */
#ifndef RAMME_INDMELDING_SERVICE_H
#define RAMME_INDMELDING_SERVICE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/indmelding.h"
#include "store/indmelding_store.h"

struct err;
struct svc;

/* A submission as its page shows it. */
struct ind_sub_view {
	struct ind_sub	 sub;		/* with lines and fits */
	struct ind_year	 year;
	bool		 may_edit;	/* for the acting user, today */
	bool		 may_review;	/* approve or return */
	bool		 may_approve;
	const char	*why_not;	/* why editing is closed, or NULL */
};

/* Errors of an upload, by row and cell. */
struct ind_import_report {
	struct err	*errors;	/* line = row, field = cell ("C4") */
	int		 nerrors;
	int		 lines;		/* lines saved */
};

/*
 * Open the submission of year (admin) with deadline (ISO, today or
 * later): creates and pre-fills every party's submission. *id receives
 * its id, *nsub (may be NULL) the submissions made. ERR_INVALID
 * "deadline_past" for a deadline before today, ERR_CONFLICT when the year
 * is open already.
 */
int	ind_open(struct svc *s, int year, const char *deadline, int64_t *id,
	    int64_t *nsub, struct err *e);
/* Every year's submission, newest first (any logged-in user). */
int	ind_list(struct svc *s, struct ind_year **out, size_t *n,
	    struct err *e);
/*
 * One year with its progress and the submissions the user may see: the
 * secretariat all, a municipality or operator its own, a reader none.
 */
int	ind_get(struct svc *s, int64_t id, struct ind_year *out,
	    struct ind_progress *progress, struct ind_sub **subs,
	    size_t *nsubs, struct err *e);
/* One submission with its lines and fits (the secretariat or its party). */
int	ind_sub_get(struct svc *s, int64_t id, struct ind_sub_view *out,
	    struct err *e);
/*
 * Save one offer's line of a submission the user may edit, if its
 * version is expected_version; the line is checked by ind_line_check()
 * for the submission's kind. *version receives the new version.
 */
int	ind_line_save(struct svc *s, int64_t sub_id, int64_t expected_version,
	    struct ind_line *l, int64_t *version, struct err *e);
/*
 * Save a municipality's fits (every group of ind_groups[], fit -1 for
 * none) and the general text (wishes for new offers; an operator's
 * development in general), as ind_line_save().
 */
int	ind_fits_save(struct svc *s, int64_t sub_id, int64_t expected_version,
	    struct ind_fit *fits, size_t n, const char *general,
	    int64_t *version, struct err *e);
/* A municipality's target-group answers read from an upload. */
struct ind_fits_upload {
	struct ind_fit	*fits;		/* the groups answered */
	const int	*rows;		/* the sheet row of each */
	size_t		 n;
	const char	*general;	/* wishes for new offers; "" for none */
	int		 general_row;	/* its sheet row */
};

/*
 * Replace many lines of a submission at once (an upload), all or
 * nothing: every line's offer must be one of the submission, and every
 * line must pass ind_line_check(); each error goes to rep->errors with
 * line = rows[i] and field = the line field's name (the caller translates
 * it to a cell). fu (NULL: none) replaces the fits and the general text
 * as well, in the same transaction: only a municipality's submission
 * has them, each fit must pass ind_fit_check() (field "fit_KEY" or
 * "note_KEY", line its row) and the text ind_general_check() (field
 * "general"). On any error nothing changes and ERR_INVALID is returned.
 */
int	ind_lines_import(struct svc *s, int64_t sub_id, struct ind_line *v,
	    const int *rows, size_t n, const struct ind_fits_upload *fu,
	    struct ind_import_report *rep, struct err *e);
/*
 * Submit (the party), approve, or return with a comment (the secretariat;
 * comment required). Submitting needs at least one offer answered.
 */
int	ind_act(struct svc *s, int64_t sub_id, int64_t expected_version,
	    enum submission_action act, const char *comment, int64_t *version,
	    struct err *e);
/*
 * Send the compiled report to the joint hearing (admin) until
 * hearing_deadline (ISO, today or later). ERR_CONFLICT unless open.
 */
int	ind_hearing(struct svc *s, int64_t year_id, int64_t expected_version,
	    const char *hearing_deadline, struct err *e);
/*
 * A hearing comment by the acting user's organisation (a municipality or
 * an operator taking part; the secretariat as "Sekretariatet") on offer
 * offer_id (0: general), while the hearing runs (until its deadline).
 */
int	ind_comment(struct svc *s, int64_t year_id, int64_t offer_id,
	    const char *text, int64_t *id, struct err *e);
/*
 * The compiled status report of a year: the secretariat always, others
 * once it is in the hearing. Rows with their flags, totals, fits,
 * wishes and comments, in s->arena.
 */
int	ind_report(struct svc *s, int64_t year_id, struct ind_report *out,
	    struct err *e);
/*
 * Record that the report of year_id is item item_id of meeting
 * meeting_id (admin; used by indmelding_io): the year becomes done.
 */
int	ind_set_agenda(struct svc *s, int64_t year_id, int64_t expected_version,
	    int64_t meeting_id, int64_t item_id, struct err *e);
/* The next DAS meeting that can take an item (ERR_NOT_FOUND: none). */
int	ind_next_das(struct svc *s, int64_t *id, const char **title,
	    const char **starts_at, struct err *e);
/*
 * The acting user's own submissions in open years that are drafts or
 * returned (tasks), and for the secretariat those waiting for review.
 */
int	ind_tasks(struct svc *s, struct ind_sub **out, size_t *n,
	    const char ***deadlines, struct err *e);

/* JSON of a year (API, audit). New reference. */
json_t	*ind_year_json(const struct ind_year *y);
/* JSON of a submission, with lines and fits when loaded. New reference. */
json_t	*ind_sub_json(const struct ind_sub *sub);

#endif
