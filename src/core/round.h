/*
 * round — the rules of a yearly tariff-reporting round (takstindberetning):
 * the states of a round and of an operator's submission in it, which
 * transitions are allowed, and one service line of a submission (a SEL
 * paragraph, a level and a unit with its budget) with its computed tariff
 * and the warnings the operator must see before submitting.
 *
 * A round belongs to a tariff year and has a number (1 = preliminary in
 * the summer, 2 = final after the budgets; how many there are is data).
 * It is open until the secretariat closes it; publishing closes it and
 * writes the approved tariffs. A submission is a draft until the
 * operator submits it; the secretariat approves it or returns it with a
 * comment, and a returned submission can be changed and submitted again.
 *
 * Amounts are øre (int64_t), percentages basis points, places and hours
 * hundredths. Every threshold of the agreement comes from struct
 * agreement_params; the round's own thresholds (price and wage
 * adjustment, the real increase that asks for a reason) from the round.
 * Pure: no I/O, no allocation. Messages are Danish.
 */
#ifndef RAMME_ROUND_H
#define RAMME_ROUND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/occupancy.h"
#include "core/tariff.h"

struct agreement_params;
struct err;

#define ROUND_NO_MAX		9	/* rounds in one tariff year */
#define ROUND_NO_DIGITS		1	/* digits of ROUND_NO_MAX (maxlength) */
#define ROUND_TITLE_MAX		200	/* code points */
#define ROUND_COMMENT_MAX	2000	/* code points, secretariat comment */
#define ROUND_LINES_MAX		20	/* service lines in one submission */
#define ROUND_PARAGRAPH_MAX	200	/* code points */
#define ROUND_LEVEL_MAX		50	/* code points */
#define ROUND_REASON_MAX	2000	/* code points */
#define ROUND_WARN_MAX		4	/* warnings on one line: occupancy
					   band, history, real increase,
					   carry-over */
#define ROUND_WARN_MSG		320	/* bytes enough for any warning text */
#define ROUND_PL_MAX_BP		5000	/* |price and wage change|, bp */
#define ROUND_HIST_MAX_BP	20000	/* actual occupancy (over-occupancy
					   may pass 100 %), bp */

enum round_status {
	ROUND_OPEN = 0,		/* operators report */
	ROUND_CLOSED,		/* no more reporting; review may go on */
	ROUND_PUBLISHED,	/* tariffs written; nothing changes */
	ROUND_STATUS_COUNT
};

enum submission_status {
	SUBMISSION_DRAFT = 0,	/* Kladde: the operator fills it in */
	SUBMISSION_SUBMITTED,	/* Indsendt: waits for the secretariat */
	SUBMISSION_RETURNED,	/* Sendt retur: to be changed and resent */
	SUBMISSION_APPROVED,	/* Godkendt: published with the round */
	SUBMISSION_STATUS_COUNT
};

/* What is done to a submission. */
enum submission_action {
	SUBMISSION_EDIT = 0,	/* change its service lines */
	SUBMISSION_SUBMIT,
	SUBMISSION_APPROVE,
	SUBMISSION_RETURN,
	SUBMISSION_ACTION_COUNT
};

/* One round as stored. Strings are borrowed. */
struct tariff_round {
	int64_t			 id;
	int64_t			 version;	/* bumped by every change */
	int			 year;		/* tariff year */
	int			 no;		/* 1..ROUND_NO_MAX */
	const char		*title;
	const char		*opens_on;	/* ISO date */
	const char		*deadline;	/* ISO date, last day to
						   submit */
	enum round_status	 status;
	const char		*reopened_until; /* ISO date: submitting is
						   allowed again until then;
						   NULL unless reopened */
	int64_t			 pl_bp;		/* price and wage change from
						   the year before, bp (+180 =
						   1.8 %), for real changes */
	int64_t			 increase_warn_bp; /* a real increase above
						   this asks for a reason, bp */
	bool			 covered_only;	/* only offers covered by the
						   agreement take part */
	const char		*created_at;
	const char		*updated_at;
	const char		*closed_at;	/* or NULL */
	const char		*published_at;	/* or NULL */
};

/* What a warning is about; the numbers it states are in its v[]. */
enum round_warning_kind {
	WARN_OCC_OUTSIDE_BAND = 0,	/* v: budgeted bp, floor bp,
					   ceiling bp */
	WARN_OCC_ABOVE_RECOMMENDED,	/* v: budgeted bp, recommended max bp */
	WARN_OCC_NOT_HISTORY,		/* v: budgeted bp, average bp, first
					   year, last year */
	WARN_REAL_INCREASE,		/* v: tariff øre, last year's
					   øre, PL bp, threshold bp */
	WARN_CARRY_DIFFERS,		/* v: lines' carry-over øre, the
					   accounts' øre */
	WARN_NOT_COMPUTED,		/* the text is the line's problem */
	WARN_OCC_NOT_ASSUMED,		/* a secure institution not at the
					   year's assumed occupancy; v:
					   budgeted bp, assumed bp */
	WARN_KIND_COUNT
};

/*
 * One warning on a service line: small and without text, so that lines
 * can be handled by the thousand; round_warning_text() says it in Danish.
 */
struct round_warning {
	enum round_warning_kind	kind;
	bool			needs_reason;	/* submitting needs a reason */
	int64_t			v[4];		/* see the kinds */
};

/*
 * One service line: what the operator enters, and (after
 * round_line_compute()) the tariff and warnings.
 */
struct service_line {
	int			 pos;		/* 1-based order in the
						   submission */
	const char		*paragraph;	/* "SEL § 107" */
	const char		*level;		/* takstniveau; "" if only
						   one */
	enum tariff_unit	 unit;
	int64_t			 places_centi;	/* places, hundredths */
	int64_t			 days;		/* opening days a year; 0 = the
						   year's day basis */
	int64_t			 month_days;	/* month tariffs by days in the
						   month: 28..31; else 0 */
	int64_t			 hours_centi;	/* hour tariffs: budgeted hours
						   per place a year, hundredths;
						   else 0 */
	int64_t			 occupancy_bp;	/* budgeted occupancy, bp */
	int64_t			 hist_bp[2];	/* actual occupancy of the two
						   source years (most recent
						   first), bp; -1 if unknown */
	struct tariff_costs	 costs;		/* øre, each ≥ 0 */
	int64_t			 income_ore;	/* non-tariff income, ≥ 0 */
	int64_t			 carry_over_ore; /* surplus returned (< 0) or
						   deficit recovered (> 0) */
	const char		*reason;	/* the operator's reason for the
						   warnings, or NULL */
	const char		*referred_from;	/* a new tariff structure: the
						   line is for citizens referred
						   on or after this ISO date;
						   else NULL */
	const char		*referred_before; /* the structure it replaces:
						   for citizens referred before
						   this ISO date; else NULL */
	const char		*problem;	/* why the tariff could not be
						   computed (WARN_NOT_COMPUTED),
						   or NULL; borrowed */

	/* Computed. */
	bool			 computed;	/* false: no tariff could be
						   computed (a pre-filled
						   line under new rules) */
	int64_t			 startup_ore;	/* the year's share of the
						   offer's start-up costs added
						   to the base (the first line
						   only; ctx->startup_ore) */
	int64_t			 base_ore;	/* takstberegningsgrundlag */
	char			 exact[48];	/* exact tariff in øre, text */
	int64_t			 tariff_ore;	/* published (rounded) tariff */
	struct round_warning	 warnings[ROUND_WARN_MAX];
	size_t			 nwarnings;
};

/*
 * What a line is compared with: the occupancy class of the offer, last
 * year's published tariff of the same paragraph, level and unit, and the
 * round's thresholds.
 */
struct round_line_ctx {
	int			 year;		/* tariff year */
	enum occupancy_class	 cls;
	int64_t			 prev_tariff_ore; /* last year's tariff,
						   or -1 */
	int64_t			 pl_bp;		/* see struct tariff_round */
	int64_t			 increase_warn_bp;
	struct occupancy_year	 hist_days[2];	/* the accounts' place-days
						   of the two source years
						   (most recent first, as
						   hist_bp); available 0 if
						   none were reported */
	int64_t			 startup_ore;	/* the year's share of the
						   offer's start-up costs, øre
						   ≥ 0: added to the base of
						   the first line (index 0), as
						   the carry-over is */
};

/* API names ("open", "closed", "published"); "" if unknown. */
const char	*round_status_name(enum round_status s);
/* Danish labels ("Åben", "Lukket", "Offentliggjort"). */
const char	*round_status_label(enum round_status s);
int		 round_status_parse(const char *s, enum round_status *out);
/* API names ("draft", "submitted", "returned", "approved"). */
const char	*submission_status_name(enum submission_status s);
/* Danish labels ("Kladde", "Indsendt", "Sendt retur", "Godkendt"). */
const char	*submission_status_label(enum submission_status s);
int		 submission_status_parse(const char *s,
		    enum submission_status *out);

/* Stable API code of a warning ("occupancy_outside_band", ...); "" if
 * unknown. */
const char	*round_warning_code(enum round_warning_kind k);
/* Parse a code; 0, or -1 if unknown. */
int		 round_warning_parse(const char *code,
		    enum round_warning_kind *out);
/*
 * Warning i of line l in Danish ("Budgetteret belægning 90 % ligger uden
 * for intervallet 95 %–100 %; ..."), into out[n] (ROUND_WARN_MSG always
 * suffices).
 */
void		 round_warning_text(const struct service_line *l, size_t i,
		    char *out, size_t n);

/*
 * Check a new round: year in PARAMS_YEAR_MIN..MAX, number 1..ROUND_NO_MAX,
 * a title, real dates with opens_on ≤ deadline, thresholds in range.
 * Returns 0 or ERR_INVALID naming the field.
 */
int		 round_validate(const struct tariff_round *r, struct err *e);
/*
 * May a submission in status st of a round r be acted on today (ISO
 * date)? Edits: the round is open and the submission is a draft. Submit:
 * the same, and today is on or before the deadline, or before
 * reopened_until. A returned submission may be edited and submitted
 * until the round is published (closed or past its deadline too). Approve: submitted, round not published. Return:
 * submitted or approved, round not published. Returns 0, ERR_CONFLICT
 * (wrong state; key "submission_approved", "deadline_passed", ...) with a
 * Danish message, never anything else.
 */
int		 round_submission_may(const struct tariff_round *r,
		    enum submission_status st, enum submission_action act,
		    const char *today, struct err *e);
/* True if today (ISO) is a day submitting is allowed in r. */
bool		 round_accepts_submissions(const struct tariff_round *r,
		    const char *today);

/*
 * Check the entered fields of line (lengths, UTF-8, ranges) and compute
 * its tariff under p with tariff_compute(), then its warnings against
 * ctx: occupancy outside the band (needs a reason: the DAS approval;
 * a secure institution has no band and needs a reason only when it is not
 * at the year's assumed occupancy, params secure_occupancy_bp),
 * above the recommended maximum, different from the average of the two
 * source years (needs a reason), and a real increase over last year's
 * tariff above ctx->increase_warn_bp after the price and wage change
 * (needs a reason). Fills the computed fields. Returns 0, or ERR_INVALID
 * with e->field "lines[i].field" (i = index, 0-based) and a Danish message.
 */
int		 round_line_compute(const struct agreement_params *p,
		    const struct round_line_ctx *ctx, size_t index,
		    struct service_line *line, struct err *e);
/*
 * The budgeted occupancy the history of line l gives, in basis points:
 * the exact mean of its two source years rounded once by
 * p->occupancy_round_mode (occupancy_budget). A year is taken as the
 * accounts' place-days ctx->hist_days[k] (occupied ÷ available, exact)
 * when those round to the line's hist_bp[k], else as the line's own
 * percentage — so 3,541/3,660 and 3,431/3,650 give 9537, not the 9538
 * of the rounded 96,75 % and 94,00 %. Returns 0, or -1 when a year is
 * unknown or p->occupancy_years is not 2.
 */
int		 round_line_history_bp(const struct agreement_params *p,
		    const struct round_line_ctx *ctx,
		    const struct service_line *l, int64_t *out);
/* Actual occupancy of one year's place-days in basis points, rounded
 * half up as the line shows it; -1 if available ≤ 0 or out of range. */
int64_t		 round_days_bp(int64_t occupied, int64_t available);
/*
 * Check a whole set of lines: at most ROUND_LINES_MAX, no two with the
 * same paragraph, level, unit and referral dates; a new tariff structure
 * (lines referred_from a cut-off date) only with the tariffs of the
 * structure it replaces for the citizens referred before that date
 * (lines referred_before the same date), and the other way round. Then, when expected_carry_ore is not
 * NULL (the accounts of the offer say how much must enter this year's
 * tariffs), add a warning needing a reason to the first line if the
 * lines' carry-overs do not add up to it. Returns 0 or ERR_INVALID.
 */
int		 round_lines_check(struct service_line *lines, size_t n,
		    const int64_t *expected_carry_ore, struct err *e);
/*
 * A form or an API call saves one line at a time, while a new tariff
 * structure and the one it replaces must be saved together. These two
 * give the lines of a submission after one line is saved or deleted:
 *
 * round_lines_put: out[0..*nout) is in[0..n) with line at position pos
 * (1-based; line->pos) replaced, or line appended when pos is 0. When
 * the saved line is the first of a new tariff structure (referred_from
 * D, and no other line is referred_before D), the lines for every
 * citizen (no referral date) become the structure it replaces
 * (referred_before D). *at receives the 0-based index of the saved line
 * in out. out has room for n + 1 lines; strings are borrowed from in
 * and line.
 *
 * round_lines_delete: out[0..*nout) is in[0..n) without position pos
 * (1-based). When it was the last line of a new structure (referred_from
 * D), the lines referred_before D apply to every citizen again. out has
 * room for n lines.
 *
 * Both leave the other fields alone (round_lines_check() judges the
 * result) and return 0, or ERR_NOT_FOUND ("Linjen findes ikke") when
 * pos is not a line of in (or, for a delete, 0).
 */
int		 round_lines_put(const struct service_line *in, size_t n,
		    const struct service_line *line, struct service_line *out,
		    size_t *nout, size_t *at, struct err *e);
int		 round_lines_delete(const struct service_line *in, size_t n,
		    int pos, struct service_line *out, size_t *nout,
		    struct err *e);
/* True if a warning of line asks for a reason and line has none. */
bool		 round_line_needs_reason(const struct service_line *line);
/* Warnings of line that ask for a reason. */
size_t		 round_line_reasons_asked(const struct service_line *line);

#endif
