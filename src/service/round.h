/*
 * round — the yearly tariff-reporting rounds as use cases: the
 * secretariat opens a round for a tariff year (every operator's offers get
 * a submission, pre-filled from the offer's latest earlier lines and from
 * the accounts: carry-over and occupancy history), follows its progress
 * ("7 af 11"), reviews, approves or returns submissions, closes, reopens
 * and publishes it; operators fill in their service lines (tariffs and
 * warnings computed by the core rules under the year's agreement
 * parameters) and submit before the deadline, with a reason wherever a
 * warning asks for one; published tariffs are versioned, and a change in
 * the year needs a reason and gets its own validity.
 *
 * Roles: the secretariat (admin) may do everything; an operator sees and
 * changes only submissions of offers its organisation runs; authorities
 * and readers see published tariffs only. Every change runs in one
 * transaction with an audit record (who, when, before and after as JSON).
 * "Today" is the UTC date of the service call.
 */
#ifndef RAMME_ROUND_SERVICE_H
#define RAMME_ROUND_SERVICE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/round.h"
#include "store/round_store.h"
#include "store/startup_store.h"
#include "store/tariff_store.h"

struct audit_entry;
struct err;
struct svc;

/* A submission as its page shows it. */
struct submission_view {
	struct submission	 sub;		/* with lines */
	struct tariff_round	 round;
	bool			 has_carry;	/* the accounts direct an amount
						   into this tariff year */
	int64_t			 expected_carry_ore;
	int			 hist_years[2];	/* years of hist_bp[0], [1] */
	bool			 may_edit;	/* for the acting user, today */
	bool			 may_submit;
	bool			 may_review;	/* approve or return */
	size_t			 reasons_missing; /* lines lacking a reason */

	/* Last year, for the review (empty when there is none). */
	struct prev_tariff	*prev;		/* the offer's tariffs of the
						   year before, valid at its
						   end */
	size_t			 nprev;
	int64_t			 startup_ore;	/* the share of the offer's
						   start-up costs in this year (core/
						   startup), added to the first
						   line's base; 0: none */
	struct startup_row	*startup;	/* the start-up costs with a
						   share in this year */
	size_t			 nstartup;
	struct submission	 src;		/* the earlier submission the
						   lines were pre-filled from
						   (src.id 0: none), with its
						   lines, year and round_no */
};

/* Rows of a bulk import (CSV from the command line, XLSX upload). */
struct round_import_row {
	int64_t			 offer_id;
	int			 row;		/* line or row in the file, for
						   errors */
	struct service_line	 line;
};

#define ROUND_IMPORT_ERRORS_MAX	50	/* errors reported, at most */

struct round_import_report {
	int		 submissions;	/* submissions whose lines were
					   replaced */
	int		 lines;
	int		 reasons_missing; /* lines saved whose warnings still
					   ask for a reason */
	int		 approved;	/* moved to approved (flag) */
	int64_t		 published;	/* tariffs published (flag) */
	struct err	*errors;	/* each with line = row, field = the
					   line's field ("places") */
	int		 nerrors;
};

#define ROUND_IMPORT_APPROVE	(1u << 0)	/* admin: submit and approve
						   the imported submissions */
#define ROUND_IMPORT_PUBLISH	(1u << 1)	/* admin: approve, then publish
						   the round in the same
						   transaction */
#define ROUND_IMPORT_CHECK	(1u << 2)	/* check only: report the
						   errors, write nothing */

/*
 * Open a round (admin): in holds year, no, title, opens_on, deadline,
 * pl_bp, increase_warn_bp, covered_only. Creates a draft submission for
 * every taking-part offer and pre-fills its lines. *id receives the
 * round's id and *nsub (if not NULL) the number of submissions.
 * ERR_CONFLICT if the year already has a round with that number.
 */
int	round_create(struct svc *s, const struct tariff_round *in,
	    int64_t *id, int64_t *nsub, struct err *e);
/* Every round, newest first (operators and admin). */
int	round_list(struct svc *s, struct tariff_round **out, size_t *n,
	    struct err *e);
/*
 * One round with its progress: for an operator only its own
 * submissions count; the admin sees every operator.
 */
int	round_get(struct svc *s, int64_t id, struct tariff_round *out,
	    struct round_progress *progress, struct err *e);
/* Close the round for reporting (admin). */
int	round_close(struct svc *s, int64_t id, int64_t expected_version,
	    struct err *e);
/*
 * Reopen a round (admin): it is open again and submitting is allowed
 * until `until` (ISO date, today or later) even after the deadline.
 * Only a closed round or one past its deadline (and any reopening):
 * ERR_CONFLICT "round_open" while the round takes submissions.
 */
int	round_reopen(struct svc *s, int64_t id, int64_t expected_version,
	    const char *until, struct err *e);
/*
 * Publish a round (admin): refused while submissions wait for review;
 * closes the round and writes the tariffs of approved submissions as new
 * versions valid for the whole year, superseding earlier rounds' tariffs
 * of the same offers in that year. *n receives the tariffs written.
 */
int	round_publish(struct svc *s, int64_t id, int64_t expected_version,
	    int64_t *n, struct err *e);
/*
 * Add an offer to a round that is not published (admin). A member of a
 * harmonised group that applies in the year gets the group's submission
 * if the round has none yet; if it has, ERR_CONFLICT naming the group.
 */
int	round_add_offer(struct svc *s, int64_t round_id, int64_t offer_id,
	    int64_t *submission_id, struct err *e);

/* The submissions of a round the acting user may see (operators: own). */
int	round_submissions(struct svc *s, int64_t round_id,
	    struct submission **out, size_t *n, struct err *e);
/*
 * The submissions of a round the acting user may see and all their
 * lines (bulk, for the template), in one read transaction.
 */
int	round_submission_lines(struct svc *s, int64_t round_id,
	    struct submission **subs, size_t *nsubs,
	    struct round_line_row **lines, size_t *nlines, struct err *e);
/* One submission with its lines, round and what the user may do. */
int	round_submission_get(struct svc *s, int64_t id,
	    struct submission_view *out, struct err *e);
/*
 * Replace the service lines of a submission (draft or returned, round
 * open) if its version is expected_version. Each line is checked and
 * its tariff and warnings computed; lines are numbered 1..n in order.
 * *version receives the new version.
 */
int	round_submission_save(struct svc *s, int64_t id,
	    int64_t expected_version, struct service_line *lines, size_t n,
	    int64_t *version, struct err *e);
/*
 * Save one service line of a submission, as round_submission_save()
 * saves all of them (same checks, version, transaction and audit):
 * line->pos (1-based) names the line it replaces, 0 appends it. The
 * pairing of referral dates is core/round's round_lines_put(): the
 * first line of a new tariff structure makes the undated lines the
 * structure it replaces. *pos (if not NULL) receives the position the
 * line was saved at, *version the new version. ERR_NOT_FOUND if
 * line->pos is not a line of the submission.
 */
int	round_line_put(struct svc *s, int64_t submission_id,
	    int64_t expected_version, const struct service_line *line,
	    int *pos, int64_t *version, struct err *e);
/*
 * Compute one service line of a submission as round_line_put() would
 * (the same checks, parameters and comparisons: the offer's occupancy
 * class, last year's tariff, the round's thresholds) without saving it:
 * fills line's computed fields (tariff, warnings). Anyone who may edit
 * the submission may preview, in any state. 0, or ERR_INVALID naming the
 * field, ERR_NOT_FOUND, ERR_FORBIDDEN.
 */
int	round_line_preview(struct svc *s, int64_t submission_id,
	    struct service_line *line, struct err *e);
/*
 * Delete line pos (1-based) of a submission; deleting the last line of
 * a new tariff structure makes the lines it replaced apply to every
 * citizen again (round_lines_delete()). ERR_NOT_FOUND if there is no
 * such line; otherwise as round_submission_save().
 */
int	round_line_delete(struct svc *s, int64_t submission_id,
	    int64_t expected_version, int pos, int64_t *version,
	    struct err *e);
/*
 * Submit, approve (admin), or return with a comment (admin, comment
 * required). Submitting needs the deadline (or a reopening), at least
 * one line, every tariff computed and a reason on every line whose
 * warnings ask for one (ERR_INVALID naming the line).
 */
int	round_submission_act(struct svc *s, int64_t id,
	    int64_t expected_version, enum submission_action act,
	    const char *comment, int64_t *version, struct err *e);
/* The audit history of a submission, newest first. */
int	round_submission_history(struct svc *s, int64_t id,
	    struct audit_entry **out, int *n, struct err *e);
/*
 * Replace the lines of many submissions of round_id at once, all or
 * nothing: rows are grouped by offer in order of appearance; every
 * offer must have a submission in the round that the user may edit.
 * With ROUND_IMPORT_APPROVE (admin only) the submissions are submitted
 * and approved as well (deadline and reasons checked as on submitting);
 * with ROUND_IMPORT_PUBLISH the round is then published as
 * round_publish() does, in the same transaction.
 * On errors nothing changes, rep->errors lists them (at most
 * ROUND_IMPORT_ERRORS_MAX) and ERR_INVALID is returned. With
 * ROUND_IMPORT_CHECK nothing is written either way (0 when the rows
 * would import). rep->reasons_missing counts the lines saved whose
 * warnings still ask for a reason.
 */
int	round_import_lines(struct svc *s, int64_t round_id,
	    struct round_import_row *rows, size_t n, unsigned flags,
	    struct round_import_report *rep, struct err *e);

/*
 * Published tariffs matching f (public); *generation (if not NULL)
 * receives the change counter of the snapshot, for response caches.
 */
int	round_tariffs(struct svc *s, const struct tariff_filter *f,
	    struct published_tariff **out, size_t *n, int64_t *generation,
	    struct err *e);
/* One published tariff and every version of it (public). */
int	round_tariff_get(struct svc *s, int64_t id,
	    struct published_tariff *out, struct published_tariff **versions,
	    size_t *nv, struct err *e);
/*
 * Change a published tariff in its year (admin, or the offer's
 * operator): the latest version ends the day before valid_from (ISO,
 * after its start and within its validity) and a new version with
 * tariff_ore (øre, ≥ 0), the cause (a key of core/tariff_cause.h,
 * required) and the reason (free text, at most 2000 characters; NULL or
 * "" for none, required for the cause "andet") starts then, audited.
 * A tariff of a harmonised group changes the same way on every member
 * offer in the one transaction, audited once on the group
 * ("harmonised_tariff", action "tariff_change"). *new_id receives the
 * new version's id (of the offer of id).
 */
int	round_tariff_change(struct svc *s, int64_t id, int64_t tariff_ore,
	    const char *valid_from, const char *cause, const char *reason,
	    int64_t *new_id, struct err *e);
/*
 * Check a change in the year as round_tariff_change() would, without
 * writing: the same errors, and *old receives the version it would end
 * (for a confirmation that shows old and new tariff).
 */
int	round_tariff_change_check(struct svc *s, int64_t id,
	    int64_t tariff_ore, const char *valid_from, const char *cause,
	    const char *reason, struct published_tariff *old, struct err *e);
/*
 * The JSON form of a service line (API output and audit): the entered
 * fields under their API names (places, occupancy_pct and
 * occupancy_history_pct as numbers with up to two decimals, amounts in
 * øre) and the computed tariff_base_ore, tariff_exact_ore (decimal
 * text), tariff_ore, computed and warnings. New reference.
 */
json_t	*round_line_json(const struct service_line *l);
/* The JSON form of a submission without lines (lists, audit). */
json_t	*round_submission_json(const struct submission *sub);

/* Distinct target groups and years of the published tariffs (filters). */
int	round_tariff_facets(struct svc *s, const char ***groups,
	    size_t *ngroups, int **years, size_t *nyears, struct err *e);

#endif
