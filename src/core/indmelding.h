/*
 * indmelding — the rules of the yearly submissions (indmeldinger): the
 * states of a year's submission and of one party's submission in it, what
 * a municipality and an operator report per offer, the target groups
 * whose fit of supply and demand a municipality rates, and the flags of
 * the compiled status report.
 *
 * The secretariat opens the submission of a year with a deadline; it is
 * open until it is sent to the joint written hearing (with a deadline of
 * its own) and done once the report is an item of a DAS meeting. A
 * party's submission goes draft → submitted → approved, or back to the
 * party (returned) with a comment, as the tariff rounds' submissions do
 * (core/round.h's enum submission_status).
 *
 * Places are hundredths, percentages basis points; a figure not given is
 * -1. Pure: no I/O, no allocation. Messages are Danish.
 */
#ifndef RAMME_INDMELDING_H
#define RAMME_INDMELDING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/round.h"

struct err;

#define IND_TEXT_MAX	2000	/* code points of a text per offer */
#define IND_GENERAL_MAX	4000	/* code points of the general text */
#define IND_URL_MAX	500	/* bytes of a link */
#define IND_COMMENT_MAX	4000	/* code points of a hearing comment */
#define IND_PLACES_MAX	1000000	/* hundredths: 10.000 places */
#define IND_DAYS_MAX	10000000
#define IND_WAITING_MAX	100000
#define IND_OCC_MAX_BP	20000	/* over-occupancy may pass 100 % */
#define IND_FIT_MAX	5
#define IND_ERRORS_MAX	50	/* errors of an upload reported, at most */

enum ind_year_status {
	IND_OPEN = 0,		/* the parties fill in and submit */
	IND_HEARING,		/* the report is in the joint hearing */
	IND_DONE,		/* the report is on a DAS agenda */
	IND_YEAR_STATUS_COUNT
};

enum ind_kind {
	IND_MUNICIPALITY = 0,	/* a municipality (role authority) */
	IND_OPERATOR,		/* an operator of covered offers */
	IND_KIND_COUNT
};

enum ind_change {
	IND_CHANGE_NONE = 0,	/* not said */
	IND_CHANGE_MORE,
	IND_CHANGE_LESS,
	IND_CHANGE_SAME,
	IND_CHANGE_COUNT
};

/* One offer of a submission; a field of the other kind stays -1/NULL. */
struct ind_line {
	int64_t		 offer_id;
	const char	*offer_name;	/* read only */
	const char	*operator_name;	/* read only, or NULL */
	/* A municipality: the expected use next year. */
	int64_t		 use_places_centi; /* places, hundredths; -1 */
	int64_t		 use_days;	/* place-days; -1 */
	enum ind_change	 change;	/* against this year */
	const char	*change_note;	/* wished changes, or NULL */
	const char	*no_use_reason;	/* why no use is expected */
	const char	*alternative;	/* what it uses instead */
	/* An operator: the offer's figures. */
	int64_t		 capacity_centi; /* places, hundredths; -1 */
	int64_t		 occupancy_bp;	/* last closed year, bp; -1 */
	int64_t		 occupancy_prev_bp; /* the year before, bp; -1 */
	int64_t		 waiting;	/* citizens on the waiting list; -1 */
	const char	*catchment;	/* which municipalities use it */
	const char	*development;
	const char	*plans;		/* closures or new offers planned */
	const char	*declaration_url; /* service declaration, http(s) */
};

/* A municipality's rating of one target group. */
struct ind_fit {
	const char	*grp;		/* key of ind_groups[] */
	int		 fit;		/* 1–5, 0 "ved ikke", -1 not given */
	const char	*note;		/* required for 1 and 2 */
};

/* A target group of the questionnaire. */
struct ind_group {
	const char	*key;		/* "psykiatri" */
	const char	*label;		/* "Sindslidelse" */
};

#define IND_GROUP_COUNT	12
extern const struct ind_group ind_groups[IND_GROUP_COUNT];

/* Flags of an offer in the status report. */
#define IND_FLAG_DEMAND	(1u << 0)	/* demand below capacity and falling */
#define IND_FLAG_OCC	(1u << 1)	/* occupancy under the band two
					   years running */
#define IND_FLAG_WAIT	(1u << 2)	/* citizens on the waiting list */
#define IND_FLAG_COUNT	3

/* What the flags of one offer are computed from (-1: not known). */
struct ind_figures {
	int64_t	capacity_centi;		/* the operator's capacity */
	int64_t	occupancy_bp;		/* last closed year */
	int64_t	occupancy_prev_bp;	/* the year before */
	int64_t	waiting;
	int64_t	demand_centi;		/* Σ municipalities' expected places */
	int64_t	prev_demand_centi;	/* the same a year earlier */
	int64_t	band_min_bp;		/* the occupancy band's floor */
};

const char	*ind_year_status_name(enum ind_year_status s);
/* "Åben", "I høring", "På dagsorden". */
const char	*ind_year_status_label(enum ind_year_status s);
int		 ind_year_status_parse(const char *s, enum ind_year_status *out);
const char	*ind_kind_name(enum ind_kind k);
/* "Kommune", "Driftsherre". */
const char	*ind_kind_label(enum ind_kind k);
int		 ind_kind_parse(const char *s, enum ind_kind *out);
/* "", "more", "less", "same". */
const char	*ind_change_name(enum ind_change c);
/* "", "Mere", "Mindre", "Uændret". */
const char	*ind_change_label(enum ind_change c);
/* Name or Danish label (any case) → change; "" is IND_CHANGE_NONE. 0/-1. */
int		 ind_change_parse(const char *s, enum ind_change *out);
/* The group with key, or NULL. */
const struct ind_group *ind_group_find(const char *key);

/* A line with every figure -1 and no texts, for offer_id. */
void		 ind_line_init(struct ind_line *l, int64_t offer_id);
/*
 * Check a line of kind k and tidy it: blank texts become NULL. Errors
 * (ERR_INVALID) name the form field: "use_places", "use_days",
 * "no_use_reason" (no use expected and no reason), "change_note",
 * "alternative", "capacity", "occupancy", "occupancy_prev", "waiting",
 * "catchment", "development", "plans", "declaration_url" (not http(s)).
 */
int		 ind_line_check(enum ind_kind k, struct ind_line *l,
		    struct err *e);
/* Has the party answered for this offer (expected use; capacity)? */
bool		 ind_line_answered(enum ind_kind k, const struct ind_line *l);
/*
 * Check a fit: the group exists, fit is -1 or 0–5, a fit of 1 or 2 has
 * a note; blank note → NULL. Errors name "fit_<key>" or "note_<key>".
 */
int		 ind_fit_check(struct ind_fit *f, struct err *e);
/*
 * May a party's submission in status st take action act, in a year in
 * year_status with deadline (ISO), today (ISO)? Edit and submit: the
 * year is open, the submission a draft or returned, and today is on or
 * before the deadline (the secretariat, admin, also after it). Approve:
 * submitted. Return: submitted or approved. Approve and return: the year
 * not yet on an agenda. 0, or ERR_CONFLICT with a Danish message.
 */
int		 ind_sub_may(enum ind_year_status year_status,
		    const char *deadline, enum submission_status st,
		    enum submission_action act, const char *today, bool admin,
		    struct err *e);
/* The general text: at most IND_GENERAL_MAX code points, no controls. */
int		 ind_general_check(const char *s, struct err *e);
/* A hearing comment: 1..IND_COMMENT_MAX code points, no controls. */
int		 ind_comment_check(const char *s, struct err *e);
/*
 * The flags of an offer:
 *  IND_FLAG_DEMAND when demand and capacity are known, demand is below
 *    capacity, and it fell from last year (or last year is unknown);
 *  IND_FLAG_OCC when both years' occupancy are known and both are
 *    below band_min_bp;
 *  IND_FLAG_WAIT when someone is on the waiting list.
 */
unsigned	 ind_flags(const struct ind_figures *f);
/* The Danish label of one flag ("Faldende efterspørgsel"), or "". */
const char	*ind_flag_label(unsigned flag);
/* A sentence explaining one flag, for the report. */
const char	*ind_flag_text(unsigned flag);

#endif
