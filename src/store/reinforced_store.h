/*
 * reinforced_store — the reinforced cooperation in the database:
 * nominations, the expert panel's assessments, the year's decision,
 * the covered offers and the rescue track. Functions run inside the
 * caller's transaction; the rules are in core/reinforced and
 * service/reinforced.
 */
#ifndef RAMME_REINFORCED_STORE_H
#define RAMME_REINFORCED_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/reinforced.h"

struct arena;
struct db;
struct err;

struct reinforced_nomination {
	int64_t		 id;
	int		 year;
	int64_t		 offer_id;
	const char	*offer_name;	/* read only */
	const char	*nominated_by;	/* organisation code */
	const char	*nominated_name; /* read only */
	const char	*reason;
	const char	*created_at;
};

struct reinforced_assessment {
	int64_t		 id;
	int		 year;
	int64_t		 offer_id;
	const char	*offer_name;	/* read only */
	bool		 reassessment;	/* genvurdering of a covered offer */
	unsigned	 criteria;	/* enum reinforced_criterion bits */
	bool		 recommend;	/* the panel recommends coverage */
	const char	*note;
};

/* The year's decision; fields "" until done. */
struct reinforced_year {
	int		 year;
	int64_t		 item_id;	/* the DAS item, 0 if none */
	int64_t		 meeting_id;	/* its meeting (read only) */
	const char	*decided_on;	/* DAS decided */
	const char	*approved_on;	/* the councils approved */
};

struct reinforced_coverage {
	int64_t			 id;
	int64_t			 offer_id;
	const char		*offer_name;	/* read only */
	const char		*operator_name;	/* read only */
	int			 year;		/* decided for */
	const char		*valid_from;	/* 1 July of year */
	const char		*valid_to;	/* "" while covered */
	enum coverage_status	 status;
};

struct rescue_note {
	const char	*noted_on;
	const char	*text;
	const char	*created_by;
};

struct rescue_case {
	int64_t			 id;
	int64_t			 offer_id;
	const char		*offer_name;	/* read only */
	const char		*warning;
	const char		*opened_on;
	const char		*members;	/* the task force, "" if none */
	const char		*deadline;	/* ISO date or "" */
	const char		*terms;		/* special terms, "" if none */
	const char		*terms_on;	/* decided on, or "" */
	enum rescue_status	 status;
	const char		*closed_on;	/* or "" */
	struct rescue_note	*notes;		/* oldest first (case_get) */
	size_t			 nnotes;
};

int	reinforced_store_nominations(struct db *db, struct arena *a, int year,
	    struct reinforced_nomination **out, size_t *n, struct err *e);
int	reinforced_store_nominate(struct db *db,
	    const struct reinforced_nomination *v, const char *who,
	    const char *at, int64_t *id, struct err *e);
int	reinforced_store_assessments(struct db *db, struct arena *a, int year,
	    struct reinforced_assessment **out, size_t *n, struct err *e);
/* Insert or replace the assessment of (year, offer). */
int	reinforced_store_assess(struct db *db,
	    const struct reinforced_assessment *v, const char *who,
	    const char *at, struct err *e);
/* The year's decision; a zeroed one with "" dates when none. */
int	reinforced_store_year(struct db *db, struct arena *a, int year,
	    struct reinforced_year *out, struct err *e);
int	reinforced_store_year_put(struct db *db,
	    const struct reinforced_year *y, const char *at, struct err *e);
/*
 * Coverages: offer_id > 0 for one offer's (newest first); else those of
 * year decided (year > 0), every coverage not ended (year 0), or all
 * (year < 0), by offer name.
 */
int	reinforced_store_coverages(struct db *db, struct arena *a,
	    int64_t offer_id, int year, struct reinforced_coverage **out,
	    size_t *n, struct err *e);
int	reinforced_store_cover(struct db *db, int64_t offer_id, int year,
	    const char *valid_from, const char *at, struct err *e);
/* End the open coverages of offer on valid_to. */
int	reinforced_store_end(struct db *db, int64_t offer_id,
	    const char *valid_to, const char *at, struct err *e);
/* Coverages decided for year: status besluttet → godkendt. */
int	reinforced_store_approve(struct db *db, int year, const char *at,
	    struct err *e);
/* Rescue cases: open ones first, then closed, newest first. */
int	reinforced_store_cases(struct db *db, struct arena *a,
	    struct rescue_case **out, size_t *n, struct err *e);
int	reinforced_store_case(struct db *db, struct arena *a, int64_t id,
	    struct rescue_case *out, struct err *e);
int	reinforced_store_case_insert(struct db *db, const struct rescue_case *c,
	    const char *at, int64_t *id, struct err *e);
int	reinforced_store_case_update(struct db *db, const struct rescue_case *c,
	    const char *at, struct err *e);
int	reinforced_store_note_add(struct db *db, int64_t case_id,
	    const char *noted_on, const char *text, const char *who,
	    const char *at, struct err *e);

#endif
