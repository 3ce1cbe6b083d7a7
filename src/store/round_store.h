/*
 * round_store — tariff-reporting rounds in the database, and the
 * progress of a round (how many operators and submissions are done).
 * Functions run inside the caller's transaction; results are copied into
 * the caller's arena.
 */
#ifndef RAMME_ROUND_STORE_H
#define RAMME_ROUND_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "core/round.h"

struct arena;
struct db;
struct err;

/* One operator's part of a round. */
struct round_operator {
	const char	*code;
	const char	*name;
	int64_t		 offers;	/* submissions in the round */
	int64_t		 done;		/* submitted or approved */
	int64_t		 approved;
	int64_t		 returned;
};

/* Progress of a round: "7 af 11" operators done. */
struct round_progress {
	int64_t			 by_status[SUBMISSION_STATUS_COUNT];
	int64_t			 submissions;	/* all submissions */
	int64_t			 operators;	/* operators taking part */
	int64_t			 operators_done; /* with every submission
						   submitted or approved */
	struct round_operator	*ops;		/* by name, nops of them */
	size_t			 nops;
};

/* Insert r (id, version and timestamps are set here); *id the new id. */
int	round_store_insert(struct db *db, const struct tariff_round *r,
	    const char *at, int64_t *id, struct err *e);
/* One round; ERR_NOT_FOUND if there is none with id. */
int	round_store_get(struct db *db, struct arena *a, int64_t id,
	    struct tariff_round *out, struct err *e);
/* Every round, newest year and number first. */
int	round_store_list(struct db *db, struct arena *a,
	    struct tariff_round **out, size_t *n, struct err *e);
/*
 * Set the status (and reopened_until, which may be NULL) of round id if
 * its version is still expected_version; the version is bumped and
 * closed_at / published_at set when the status says so.
 * ERR_PRECONDITION if the version changed meanwhile.
 */
int	round_store_set_status(struct db *db, int64_t id,
	    int64_t expected_version, enum round_status st,
	    const char *reopened_until, const char *at, struct err *e);
/*
 * The submissions of round id counted by status (one query; only
 * operator_code's if that is not NULL).
 */
int	round_store_status_counts(struct db *db, int64_t id,
	    const char *operator_code,
	    int64_t by_status[SUBMISSION_STATUS_COUNT], struct err *e);
/*
 * The progress of round id (two queries: counts by status, and by
 * operator with names). If operator_code is not NULL only that
 * operator's submissions are counted.
 */
int	round_store_progress(struct db *db, struct arena *a, int64_t id,
	    const char *operator_code, struct round_progress *out,
	    struct err *e);

#endif
