/*
 * offer_store — offers, their paragraphs, target groups and places in the
 * database. Functions run inside the caller's transaction. Deleted offers
 * are kept (deleted_at set) so their history stays readable.
 */
#ifndef RAMME_OFFER_STORE_H
#define RAMME_OFFER_STORE_H

#include <stdint.h>

struct arena;
struct cursor;
struct db;
struct doc_cache;
struct err;
struct offer;

/* What a list of offers is filtered and sorted by. NULL fields: no filter. */
struct offer_filter {
	const char	*operator_code;	/* driftsherre */
	const char	*location_code;	/* beliggenhedskommune */
	const char	*paragraph;	/* "107" (section) or "SEL § 107" (exact) */
	const char	*kind;		/* API name */
	const char	*status;	/* API name */
	int		 covered;	/* -1 any, 0 no, 1 yes */
	const char	*q;		/* part of the name, case-folded */
	const char	*sort;		/* name|-name|id|-id|operator|location|updated|-updated */
	int64_t		 limit;		/* rows, 1..1000 */
	int64_t		 offset;	/* rows to skip (after the cursor, if any) */
	const struct cursor *after;	/* keyset: only rows after this one; NULL from the start */
};

/* True if sort is one of the names struct offer_filter accepts. */
int	offer_store_sort_valid(const char *sort);
/* The number of sort order sort (NULL: the default, by name), or -1. */
int	offer_store_sort_index(const char *sort);
/*
 * Check that f->after (if set) was made for f's sort order and carries
 * the keys that order needs: 0, or ERR_INVALID "invalid_cursor".
 */
int	offer_store_cursor_check(const struct offer_filter *f, struct err *e);
/*
 * A page of offers matching f, complete with children, in arena a;
 * *total receives the number of matches without limit/offset.
 */
int	offer_store_list(struct db *db, struct arena *a,
	    const struct offer_filter *f, struct offer **out, size_t *n,
	    int64_t *total, struct err *e);
/*
 * The same page as offer_store_list, as the stored JSON documents of the
 * offers (see offer_json.h), without building them: the fast path of the
 * API. Strings are in a. f->after (checked with offer_store_cursor_check)
 * starts the page after that row. If rows follow the page, *next
 * receives the cursor of its last row and *more is set; else *more is 0.
 * *total: on entry the number of matches if the caller knows it for this
 * snapshot (it is then not counted again), else -1; on return the number.
 * The documents are read from dc (NULL: none) when it holds generation
 * gen (offer_store_generation of this snapshot) and kept there when read.
 * A stored document that is not JSON is left out (logged).
 */
int	offer_store_list_docs(struct db *db, struct arena *a,
	    const struct offer_filter *f, struct doc_cache *dc, int64_t gen,
	    const char ***out, size_t *n, int64_t *total, struct cursor *next,
	    int *more, struct err *e);
/*
 * The text of the list's statement i (the count, then the pages of every
 * sort order with and without a cursor, then the batches of children),
 * NULL past the last: for checking their query plans.
 */
const char *offer_store_list_sql(int i);
/*
 * The register's change counter: it grows with every committed change to
 * offers and organisations, from any process. -1 on error.
 */
int64_t	offer_store_generation(struct db *db);
/* One offer; ERR_NOT_FOUND if missing or deleted. */
int	offer_store_get(struct db *db, struct arena *a, int64_t id,
	    struct offer *out, struct err *e);
/* Id of the live offer with this folded name and operator, or 0. */
int64_t	offer_store_find(struct db *db, const char *name_key,
	    const char *operator_code);
/* Insert o (version 1); *id receives the new id. */
int	offer_store_insert(struct db *db, const struct offer *o,
	    const char *name_key, const char *at, int64_t *id, struct err *e);
/*
 * Replace offer o->id with o if its version is still expected_version;
 * the version is bumped. ERR_PRECONDITION if it changed meanwhile.
 */
int	offer_store_update(struct db *db, const struct offer *o,
	    const char *name_key, int64_t expected_version, const char *at,
	    struct err *e);
/* Mark deleted if the version is still expected_version. */
int	offer_store_delete(struct db *db, int64_t id, int64_t expected_version,
	    const char *at, struct err *e);

#endif
