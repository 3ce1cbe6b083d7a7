/*
 * body_store — the governance register in the database: bodies (organer,
 * working groups, networks) with their parent, persons (optionally linked
 * to a login), memberships with role, voting right, dates, on whose
 * behalf and whom they substitute, and nominations asked of the
 * municipalities with their nominees. Functions run inside the caller's
 * transaction; the rules are in service/body.
 */
#ifndef RAMME_BODY_STORE_H
#define RAMME_BODY_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct err;

struct body {
	int64_t		 id;
	const char	*key;		/* "socdir" for the standing bodies, else NULL */
	const char	*name;
	const char	*short_name;	/* "SOCDIR", or NULL */
	const char	*kind;		/* organ | arbejdsgruppe | netvaerk */
	int64_t		 parent_id;	/* 0 if none */
	const char	*parent_name;	/* read only */
	const char	*mandate;	/* kommissorium of a group, or NULL */
	const char	*ends_on;	/* ISO date a group ends, or NULL */
	int64_t		 nmeetings;	/* read only: meetings held by it */
};

struct person {
	int64_t		 id;
	const char	*name;
	const char	*org_code;	/* employer among our organisations, or NULL */
	const char	*organisation;	/* as written, or NULL */
	const char	*email;
	int64_t		 user_id;	/* login, 0 if none */
	const char	*username;	/* read only */
};

struct membership {
	int64_t		 id;
	int64_t		 body_id;
	const char	*body_name;	/* read only */
	int64_t		 person_id;
	const char	*person_name;	/* read only */
	const char	*person_org;	/* read only: the person's organisation */
	const char	*role;		/* formand, medlem, stedfortraeder ... */
	bool		 voting;
	const char	*on_behalf_of;	/* organisation code, or NULL */
	const char	*on_behalf_name; /* read only */
	int64_t		 substitute_for; /* membership id, 0 if none */
	const char	*substitute_for_name; /* read only: that member's name */
	const char	*starts_on;
	const char	*ends_on;
};

struct nomination {
	int64_t		 id;
	int64_t		 body_id;
	const char	*body_name;	/* read only */
	const char	*title;
	const char	*deadline;	/* ISO date */
	int		 seats;		/* members asked of each municipality */
	int		 answered;	/* read only: municipalities with a nominee */
	int		 asked;		/* read only: municipalities asked */
};

struct nominee {
	int64_t		 id;
	int64_t		 nomination_id;
	const char	*org_code;
	const char	*org_name;	/* read only */
	int64_t		 person_id;
	const char	*person_name;	/* read only */
	const char	*created_at;
};

/* ---- bodies ---- */

int	body_store_list(struct db *db, struct arena *a, struct body **out,
	    size_t *n, struct err *e);
int	body_store_get(struct db *db, struct arena *a, int64_t id,
	    struct body *out, struct err *e);
/* Id of the body with this key, or 0. */
int64_t	body_store_find_key(struct db *db, const char *key);
/* Id of the body with this name or short name (case-insensitive), or 0. */
int64_t	body_store_find_name(struct db *db, const char *name);
int	body_store_insert(struct db *db, const struct body *b, const char *at,
	    int64_t *id, struct err *e);
int	body_store_update(struct db *db, const struct body *b, const char *at,
	    struct err *e);

/* ---- persons ---- */

int	body_store_person_get(struct db *db, struct arena *a, int64_t id,
	    struct person *out, struct err *e);
/* Id of the person with this folded name (and organisation code, if
 * given), or 0. */
int64_t	body_store_person_find(struct db *db, const char *name_key,
	    const char *org_code);
/* The person linked to a login, or 0. */
int64_t	body_store_person_of_user(struct db *db, int64_t user_id);
int	body_store_person_insert(struct db *db, const struct person *p,
	    const char *name_key, const char *at, int64_t *id, struct err *e);
/* Link person id to a login (user_id 0 removes the link). */
int	body_store_person_link(struct db *db, int64_t id, int64_t user_id,
	    const char *at, struct err *e);

/* ---- memberships ---- */

/*
 * The members of a body (body_id) or the memberships of a person
 * (person_id), one of them non-zero; current_on (ISO date) keeps only
 * those current that day, NULL keeps all.
 */
int	body_store_members(struct db *db, struct arena *a, int64_t body_id,
	    int64_t person_id, const char *current_on,
	    struct membership **out, size_t *n, struct err *e);
int	body_store_member_get(struct db *db, struct arena *a, int64_t id,
	    struct membership *out, struct err *e);
int	body_store_member_insert(struct db *db, const struct membership *m,
	    const char *at, int64_t *id, struct err *e);
/* End a membership on ends_on. */
int	body_store_member_end(struct db *db, int64_t id, const char *ends_on,
	    const char *at, struct err *e);
/*
 * Is the login user_id a current member (on day today) of body_id,
 * through the person linked to it?
 */
bool	body_store_user_is_member(struct db *db, int64_t user_id,
	    int64_t body_id, const char *today);
/* The ids of the bodies the login is a current member of. */
int	body_store_user_bodies(struct db *db, struct arena *a, int64_t user_id,
	    const char *today, int64_t **out, size_t *n, struct err *e);
/* The number of current voting members of a body. */
int64_t	body_store_voting_members(struct db *db, int64_t body_id,
	    const char *today);

/* ---- nominations ---- */

/* Nominations of a body (0: of all), with the answered/asked counts. */
int	body_store_nominations(struct db *db, struct arena *a, int64_t body_id,
	    struct nomination **out, size_t *n, struct err *e);
int	body_store_nomination_get(struct db *db, struct arena *a, int64_t id,
	    struct nomination *out, struct err *e);
int	body_store_nomination_insert(struct db *db, const struct nomination *nm,
	    const char *at, int64_t *id, struct err *e);
int	body_store_nominees(struct db *db, struct arena *a,
	    int64_t nomination_id, struct nominee **out, size_t *n,
	    struct err *e);
int	body_store_nominee_insert(struct db *db, const struct nominee *x,
	    const char *at, int64_t *id, struct err *e);
/* Codes and names of the municipalities without a nominee yet. */
int	body_store_nomination_missing(struct db *db, struct arena *a,
	    int64_t nomination_id, const char ***codes, const char ***names,
	    size_t *n, struct err *e);

#endif
