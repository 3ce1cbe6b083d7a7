/*
 * org — organisations of a framework agreement: municipalities (kommune),
 * regions and private operators, and their official codes.
 *
 * Pure domain rules, no I/O.
 */
#ifndef RAMME_ORG_H
#define RAMME_ORG_H

#include <stdbool.h>
#include <stdint.h>

struct err;

enum org_kind {
	ORG_KOMMUNE,	/* municipality: 3-digit official code, e.g. 851 */
	ORG_REGION,	/* region: 4-digit official code, e.g. 1081 */
	ORG_PRIVATE	/* private or self-governing operator: 8-digit CVR */
};

#define ORG_NAME_MAX	120	/* code points */

struct org_population {
	int	year;		/* counted 1 January of this year */
	int64_t	persons;	/* inhabitants */
};

struct org {
	const char		*code;	/* official code, see enum org_kind */
	const char		*name;
	enum org_kind		 kind;
	struct org_population	*pop;	/* by year, ascending */
	int			 npop;
};

/* "kommune" / "region" / "private" → kind; returns 0 or -1. */
int		 org_kind_parse(const char *s, enum org_kind *out);
/* Stable API name of a kind ("kommune", "region", "private"). */
const char	*org_kind_name(enum org_kind k);
/* Danish label ("Kommune", "Region", "Privat"). */
const char	*org_kind_label(enum org_kind k);
/* True if code has the form the kind requires (digits, right length). */
bool		 org_code_valid(enum org_kind k, const char *code);
/* True if code looks like any organisation code (3, 4 or 8 digits). */
bool		 org_code_plausible(const char *code);
/*
 * Check an organisation before it is stored: name, code form, population
 * years (1900..2200, unique) and counts (0..20,000,000).
 * Returns 0 or ERR_INVALID with e filled.
 */
int		 org_validate(const struct org *o, struct err *e);

#endif
