/*
 * role — roles and ownership rules (see role.h).
 */
#include <string.h>

#include "core/role.h"

static const char *names[] = { "anonymous", "reader", "authority",
    "operator", "admin" };
static const char *labels[] = { "Offentlig", "Læser", "Myndighed",
    "Driftsherre", "Sekretariat" };

int
role_parse(const char *s, enum role *out)
{
	int i;

	if (s == NULL)
		return -1;
	for (i = ROLE_READER; i <= ROLE_ADMIN; i++)
		if (strcmp(s, names[i]) == 0) {
			*out = (enum role)i;
			return 0;
		}
	return -1;
}

const char *
role_name(enum role r)
{
	return (unsigned)r <= ROLE_ADMIN ? names[r] : "anonymous";
}

const char *
role_label(enum role r)
{
	return (unsigned)r <= ROLE_ADMIN ? labels[r] : labels[0];
}

bool
role_may_edit_offer(const struct principal *p, const char *operator_code)
{
	if (p == NULL)
		return false;
	if (p->role == ROLE_ADMIN)
		return true;
	return p->role == ROLE_OPERATOR && p->org_code != NULL &&
	    operator_code != NULL && strcmp(p->org_code, operator_code) == 0;
}

bool
role_needs_org(enum role r)
{
	return r == ROLE_OPERATOR || r == ROLE_AUTHORITY;
}
