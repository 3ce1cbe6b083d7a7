/*
 * pl_store — price-and-wage series, their versions and yearly values
 * (migration 011). Functions run inside the caller's transaction and copy
 * what they return into the arena a.
 */
#ifndef RAMME_PL_STORE_H
#define RAMME_PL_STORE_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct err;

/* A series with its current (highest) version. */
struct pl_series_row {
	int64_t		 id;
	const char	*name;		/* key, e.g. "state_general_pl" */
	const char	*title;		/* Danish */
	const char	*source;	/* of the current version */
	const char	*note;
	int		 version;	/* current version number, 0 if none */
	const char	*revised_on;	/* its revision date, YYYY-MM-DD, or "" */
	int		 nyears;	/* years in the current version */
	int		 first_year;	/* 0 when nyears is 0 */
	int		 last_year;
};

/* One version of a series. */
struct pl_version_row {
	int64_t		 id;
	int		 version;	/* 1, 2, ... */
	const char	*revised_on;	/* YYYY-MM-DD */
	const char	*source;
	const char	*note;
	const char	*created_by;	/* username */
	const char	*created_at;	/* ISO 8601 UTC */
	int		 nyears;
};

/* One year of a version. */
struct pl_value_row {
	int		 year;
	int64_t		 pct_e4;	/* % change in ten-thousandths of a % */
	const char	*note;
};

/* Every series, by name. */
int	pl_store_list(struct db *db, struct arena *a,
	    struct pl_series_row **out, size_t *n, struct err *e);
/* The series name: 0, or ERR_NOT_FOUND "PL-serien findes ikke". */
int	pl_store_get(struct db *db, struct arena *a, const char *name,
	    struct pl_series_row *out, struct err *e);
/* The versions of a series, newest first. */
int	pl_store_versions(struct db *db, struct arena *a, int64_t series_id,
	    struct pl_version_row **out, size_t *n, struct err *e);
/*
 * The years of version `version` of a series (by year), its row in *v
 * (may be NULL). Returns 0 or ERR_NOT_FOUND "Versionen findes ikke".
 */
int	pl_store_values(struct db *db, struct arena *a, int64_t series_id,
	    int version, struct pl_version_row *v, struct pl_value_row **out,
	    size_t *n, struct err *e);
/* Create a series; *id receives its id. ERR_CONFLICT if the name exists. */
int	pl_store_create(struct db *db, const char *name, const char *title,
	    const char *note, const char *at, int64_t *id, struct err *e);
/* Set the title (when not NULL) and the source shown with the series. */
int	pl_store_update(struct db *db, int64_t id, const char *title,
	    const char *source, struct err *e);
/*
 * Add the next version of series_id (its number in *version, its row id
 * in *version_id) with no values yet.
 */
int	pl_store_add_version(struct db *db, int64_t series_id,
	    const char *revised_on, const char *source, const char *note,
	    const char *by, const char *at, int64_t *version_id, int *version,
	    struct err *e);
/* Add one year to a version. */
int	pl_store_add_value(struct db *db, int64_t version_id, int year,
	    int64_t pct_e4, const char *note, struct err *e);

#endif
