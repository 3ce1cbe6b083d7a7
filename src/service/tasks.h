/*
 * tasks — what a logged-in user has to do next, gathered from the other
 * services for the personal start page: an operator's submissions in
 * open rounds that are drafts or returned and its offers whose accounts
 * (årsresultat) for last year are not reported; the secretariat's
 * submissions waiting for approval, rounds past their deadline with
 * operators missing, follow-ups of meetings past due and minutes waiting
 * for approval; for municipalities and readers the meetings coming up
 * and the newest published Takstoversigt; and the steps of the annual
 * cycle (service/cycle) that the user's organisation must act on, from
 * CYCLE_TASKS_BEFORE days ago to CYCLE_TASKS_AHEAD days ahead, not done:
 * a municipality its submission and approval deadlines, an operator its
 * tariff round and annual result, the secretariat every step.
 *
 * Nothing is stored: every call reads the current state, in the
 * services' own read transactions, as the acting user may see it.
 * "Today" is the UTC date of the service call.
 */
#ifndef RAMME_TASKS_H
#define RAMME_TASKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct err;
struct svc;

#define TASKS_MAX	200	/* tasks gathered, at most */
#define CYCLE_TASKS_BEFORE	30	/* days back a missed step stays */
#define CYCLE_TASKS_AHEAD	42	/* days ahead a step is shown */

enum task_kind {
	TASK_SUBMISSION = 0,	/* operator: fill in and submit (id: the
				   submission) */
	TASK_ACCOUNTS,		/* operator: report the accounts (id: the
				   offer, year: the accounting year) */
	TASK_REVIEW,		/* secretariat: approve or return (id: the
				   submission) */
	TASK_ROUND_MISSING,	/* secretariat: a round past its deadline
				   with operators missing (id: the round) */
	TASK_FOLLOW_UP,		/* secretariat: a follow-up past due (id:
				   the meeting it was decided at) */
	TASK_MINUTES,		/* secretariat: draft minutes to approve
				   (id: the meeting) */
	TASK_CYCLE,		/* a step of the annual cycle (year: its
				   year; href: where it is done) */
	TASK_MEETING,		/* everyone else: a meeting coming up (id:
				   the meeting) */
	TASK_TARIFFS,		/* everyone else: a newly published
				   Takstoversigt (year) */
	TASK_APPROVAL,		/* a council's decision on an agreement
				   document missing: for the municipality
				   its own, for the secretariat each
				   document with councils missing (id: the
				   document) */
	TASK_INDMELDING,	/* a municipality or operator: fill in and
				   submit the year's indmelding (id: the
				   submission) */
	TASK_IND_REVIEW,	/* secretariat: an indmelding to approve
				   or return (id: the submission) */
	TASK_HEARING,		/* a municipality or operator: the joint
				   hearing runs (id: the year's
				   indmelding) */
	TASK_ANALYSIS_HEARING,	/* operators and municipalities: a tariff
				   analysis in hearing until its deadline
				   (id: the analysis) */
	TASK_KIND_COUNT
};

/* One thing to do or to know. Strings live in the service's arena. */
struct task {
	enum task_kind	 kind;
	int64_t		 id;		/* what it is about; see the kind */
	int		 year;		/* tariff, accounting or meeting year;
					   0 if none */
	const char	*what;		/* Danish: "Kompasset – indberetning
					   2027, runde 1" */
	const char	*detail;	/* Danish, or NULL: "7 af 11
					   driftsherrer har indsendt" */
	const char	*state;		/* badge label ("Sendt retur",
					   "Kladde", "Indsendt"), or NULL */
	const char	*due_on;	/* ISO date: the deadline, the due date,
					   the meeting's day; NULL if none */
	bool		 overdue;	/* due_on is before today */
	int		 rank;		/* within the same lateness, lower
					   first (returned before drafts) */
	const char	*href;		/* where it is done, or NULL: the
					   page of the kind and id */
};

/*
 * The open tasks of the acting user, sorted by tasks_sort(), in the
 * service's arena; anonymous users have none. At most TASKS_MAX; *more
 * (if not NULL) receives how many were left out. 0, or the error of a
 * service it reads (ERR_DB).
 */
int	tasks_list(struct svc *s, struct task **out, size_t *n, size_t *more,
	    struct err *e);
/*
 * Sort v[0..n) in place: overdue first, then by rank, then by due date
 * (none last), then in the order gathered. Stable.
 */
void	tasks_sort(struct task *v, size_t n);
/* True if kind is news to read rather than something to do. */
bool	task_is_news(enum task_kind kind);

#endif
