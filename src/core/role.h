/*
 * role — who may do what. The roles of ramme and the ownership rules that
 * go beyond a route's minimum role (an operator edits only its own
 * offers). Pure rules; the HTTP router applies them to every route.
 */
#ifndef RAMME_ROLE_H
#define RAMME_ROLE_H

#include <stdbool.h>
#include <stdint.h>

enum role {
	ROLE_ANON = 0,		/* not logged in: public content only */
	ROLE_READER,		/* reads everything that is not closed */
	ROLE_AUTHORITY,		/* municipality: its own submissions */
	ROLE_OPERATOR,		/* driftsherre: its own offers */
	ROLE_ADMIN		/* secretariat: everything */
};

/* Field limits of a user, in bytes; checked by service/account and given
   to the forms as maxlength. */
#define USER_NAME_MIN		2	/* a login name ("brugernavn") */
#define USER_NAME_MAX		64
#define USER_DISPLAY_NAME_MAX	200	/* the name shown ("Navn") */

/* The user a request or command acts for. */
struct principal {
	int64_t		 user_id;	/* 0 for anonymous or the system */
	const char	*username;	/* "" for anonymous; "system" for CLI */
	enum role	 role;
	const char	*org_code;	/* the user's organisation, or NULL */
};

/* "admin" / "operator" / "authority" / "reader" → role; 0 or -1. */
int		 role_parse(const char *s, enum role *out);
const char	*role_name(enum role r);
/* Danish label ("Sekretariat", "Driftsherre", ...). */
const char	*role_label(enum role r);
/*
 * May p create, change or delete an offer whose operator is
 * operator_code? Admin always; an operator only for its own
 * organisation's offers; nobody else.
 */
bool		 role_may_edit_offer(const struct principal *p,
		    const char *operator_code);
/* True if the role must belong to an organisation (operator, authority). */
bool		 role_needs_org(enum role r);

#endif
