/*
 * body — the governance register: bodies (organer, working groups with a
 * mandate and an end date, networks), their members with role, voting
 * right, dates, on whose behalf and whom they substitute, the link from a
 * login to a person (which lets a member see the closed items of the
 * bodies they sit in), and nominations asked of the municipalities
 * ("7 af 11 har udpeget").
 *
 * Everybody may read the register; only the secretariat (admin) changes
 * it. Each change is one transaction with an audit record.
 */
#ifndef RAMME_BODY_H
#define RAMME_BODY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/body_store.h"

struct err;
struct svc;

/* A new member: the person is found by name (and organisation) or made. */
struct member_input {
	const char	*name;		/* the person's name */
	const char	*org_code;	/* the person's organisation, or NULL */
	const char	*organisation;	/* as written when not one of ours */
	const char	*email;
	const char	*username;	/* login to link to the person, or NULL */
	const char	*role;		/* default "medlem" */
	bool		 voting;
	const char	*on_behalf_of;	/* municipality or region code, or NULL */
	int64_t		 substitute_for; /* membership id, or 0 */
	const char	*starts_on;	/* ISO date or NULL */
	const char	*ends_on;
};

int	body_list(struct svc *s, struct body **out, size_t *n, struct err *e);
int	body_get(struct svc *s, int64_t id, struct body *out, struct err *e);
/*
 * Create (b->id 0) or change a body (admin). Name 1..200 characters and
 * unique, kind organ/arbejdsgruppe/netvaerk, a parent that exists and is
 * not the body itself or below it, ends_on an ISO date. *id receives
 * the id.
 */
int	body_save(struct svc *s, const struct body *b, int64_t *id,
	    struct err *e);
/* Members of a body; current_only keeps those current today. */
int	body_members(struct svc *s, int64_t body_id, bool current_only,
	    struct membership **out, size_t *n, struct err *e);
/*
 * Add a member to a body (admin): role valid, dates valid and in order,
 * organisations exist, the substituted membership belongs to the same
 * body, the login exists and is not linked to another person.
 */
int	body_member_add(struct svc *s, int64_t body_id,
	    const struct member_input *in, int64_t *id, struct err *e);
/* End a membership on ends_on (admin). */
int	body_member_end(struct svc *s, int64_t membership_id,
	    const char *ends_on, struct err *e);
/*
 * Is the acting user a current member of body_id (through the person
 * linked to the login)? False for anonymous users.
 */
bool	body_is_member(struct svc *s, int64_t body_id);

/* Nominations of a body (0: all) with answered/asked counts. */
int	body_nominations(struct svc *s, int64_t body_id,
	    struct nomination **out, size_t *n, struct err *e);
/*
 * One nomination with its nominees and the municipalities that have not
 * answered (codes and names, in name order).
 */
int	body_nomination_get(struct svc *s, int64_t id, struct nomination *out,
	    struct nominee **nominees, size_t *nnominees,
	    const char ***missing_codes, const char ***missing_names,
	    size_t *nmissing, struct err *e);
/* Ask the municipalities to nominate members to a body (admin). */
int	body_nomination_create(struct svc *s, const struct nomination *nm,
	    int64_t *id, struct err *e);
/*
 * Record that municipality org_code nominated the person name (admin);
 * the person becomes a member of the body on behalf of the municipality.
 */
int	body_nominee_add(struct svc *s, int64_t nomination_id,
	    const char *org_code, const char *name, int64_t *id,
	    struct err *e);

#endif
