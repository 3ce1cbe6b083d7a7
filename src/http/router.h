/*
 * router — the route table and the one place where every request is
 * authenticated, checked against the roles its route allows, and checked
 * for a CSRF token before a handler runs.
 */
#ifndef RAMME_ROUTER_H
#define RAMME_ROUTER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/role.h"

struct http_req;

#define ROLE_BIT(r)	(1u << (r))
#define ROLES_PUBLIC	(ROLE_BIT(ROLE_ANON) | ROLES_USERS)
#define ROLES_USERS	(ROLE_BIT(ROLE_READER) | ROLE_BIT(ROLE_AUTHORITY) | \
			 ROLE_BIT(ROLE_OPERATOR) | ROLE_BIT(ROLE_ADMIN))
#define ROLES_EDITORS	(ROLE_BIT(ROLE_OPERATOR) | ROLE_BIT(ROLE_ADMIN))
#define ROLES_ADMIN	ROLE_BIT(ROLE_ADMIN)

enum route_flag {
	ROUTE_API	= 1u << 0,	/* JSON in and out, X-CSRF-Token header */
	ROUTE_NO_CSRF	= 1u << 1,	/* writes allowed without a token (login) */
	ROUTE_ANON_FORM	= 1u << 2,	/* an HTML form posted before login */
	ROUTE_UPLOAD	= 1u << 3,	/* takes files: a multipart body up to
					   serve --max-upload, streamed to
					   temporary files */
	ROUTE_LOGIN	= 1u << 4	/* a login: refusals (401, 429) count
					   as failed logins in /metrics */
};

struct route {
	const char	*method;	/* "GET", "POST", "PATCH", "DELETE" */
	const char	*pattern;	/* "/api/v1/offers/:id" */
	unsigned	 roles;		/* ROLE_BIT()s allowed */
	unsigned	 flags;		/* enum route_flag */
	void		(*handler)(struct http_req *r);
	const char	*summary;	/* one line for the API reference */
};

/*
 * Find the route for r, authenticate, enforce its roles and CSRF, and
 * call the handler. Answers 404/405/401/403 itself when needed.
 */
void			 router_dispatch(struct http_req *r);
/* The route for method and path, or NULL; nothing is captured. */
const struct route	*router_find(const char *method, const char *path);
/*
 * Authenticate r (its svc set up) and tell whether the user's role is
 * among rt's roles and the request comes from this site: asked before
 * the body of an upload route is read, so that only those may send a
 * large one. router_dispatch() checks everything again.
 */
bool			 router_allows(struct http_req *r,
			    const struct route *rt);
/* The route table (for the generated API reference). */
const struct route	*router_routes(size_t *n);

#endif
