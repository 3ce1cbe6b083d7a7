/*
 * occupancy — the budgeted occupancy used in a tariff (spec §2.4, TV-3):
 * the average of the actual occupancy of the last closed years, checked
 * against the agreement's band (95–100 %, a lower floor for short stays,
 * acute and respite offers, a warning above the recommended maximum),
 * with deviations allowed only under a recorded DAS approval.
 *
 * Pure: no I/O, no allocation. Messages are Danish, for the user.
 */
#ifndef RAMME_OCCUPANCY_H
#define RAMME_OCCUPANCY_H

#include <stddef.h>
#include <stdint.h>

#include "core/money.h"

struct agreement_params;
struct err;

#define OCCUPANCY_YEARS_MAX		4	/* years averaged, at most */
#define OCCUPANCY_AVAILABLE_MAX		INT64_C(100000000) /* place-days */
#define OCCUPANCY_MSG_MAX		3	/* messages in a result */
#define OCCUPANCY_MSG_LEN		256	/* bytes per message */

/* Which floor of the band applies. */
enum occupancy_class {
	OCCUPANCY_ORDINARY = 0,		/* day and residential offers */
	OCCUPANCY_SHORT_STAY,		/* short stays, acute and respite */
	OCCUPANCY_SECURE,		/* secure institutions: no band, the
					   year's assumed occupancy
					   (params secure_occupancy_bp) */
	OCCUPANCY_CLASS_COUNT
};

enum occupancy_status {
	OCCUPANCY_OK = 0,		/* inside the band */
	OCCUPANCY_WARNING,		/* usable, with a remark */
	OCCUPANCY_REJECTED,		/* outside the band, no DAS approval */
	OCCUPANCY_STATUS_COUNT
};

/* Flags in struct occupancy_result. */
#define OCCUPANCY_BELOW_MIN	(1u << 0)	/* under the band's floor */
#define OCCUPANCY_ABOVE_MAX	(1u << 1)	/* over the band's ceiling */
#define OCCUPANCY_ABOVE_WARN	(1u << 2)	/* over the recommended max */
#define OCCUPANCY_DAS_APPROVED	(1u << 3)	/* deviation approved by DAS */

/*
 * The actual occupancy of one closed year as a fraction: occupied
 * place-days over available place-days, or a percentage as basis points
 * over 10000 (94 % → 9400 / 10000).
 */
struct occupancy_year {
	int64_t	occupied;	/* ≥ 0, at most twice available */
	int64_t	available;	/* 1..OCCUPANCY_AVAILABLE_MAX */
};

struct occupancy_input {
	enum occupancy_class	 cls;
	struct occupancy_year	 years[OCCUPANCY_YEARS_MAX]; /* any order */
	size_t			 nyears;	/* = params occupancy_years */
	const char		*das_approval;	/* reference of the DAS
						   decision allowing a
						   deviation, or NULL */
};

struct occupancy_result {
	struct ratio		average;	/* exact mean occupancy as a
						   fraction of 1 (0.955068…) */
	int64_t			budget_bp;	/* the budgeted occupancy:
						   average in basis points,
						   rounded per params */
	int64_t			min_bp;		/* band applied: floor */
	int64_t			max_bp;		/* ceiling */
	int64_t			warn_bp;	/* recommended maximum */
	enum occupancy_status	status;
	unsigned		flags;		/* OCCUPANCY_* flags */
	char			messages[OCCUPANCY_MSG_MAX][OCCUPANCY_MSG_LEN];
	size_t			nmessages;	/* Danish, at least one */
};

/* API names ("ordinary", "short_stay", "secure_institution"); "" if
 * unknown. */
const char	*occupancy_class_name(enum occupancy_class c);
/* Parse an API name; 0, or -1 if unknown. */
int		 occupancy_class_parse(const char *s,
		    enum occupancy_class *out);
/* API names ("ok", "warning", "rejected"); "" if unknown. */
const char	*occupancy_status_name(enum occupancy_status s);

/*
 * The closed accounting years whose occupancy is averaged for tariff
 * year tariff_year: *last = tariff_year − occupancy_lag_years, *first =
 * *last − occupancy_years + 1 (2013 → 2010 and 2011, spec §10.1).
 */
void		 occupancy_source_years(const struct agreement_params *p,
		    int tariff_year, int *first, int *last);
/*
 * Budgeted occupancy from in->years (exactly p->occupancy_years of them):
 * their exact mean, rounded to whole basis points by
 * p->occupancy_round_mode, then checked against the band:
 * floor p->occupancy_min_bp (p->occupancy_short_min_bp for short stays),
 * ceiling p->occupancy_max_bp; outside it the status is REJECTED unless
 * in->das_approval names an approval (then WARNING); above
 * p->occupancy_warn_bp it is WARNING. The check is on the rounded
 * figure, the one that enters the tariff. A secure institution has no
 * band: its budgeted occupancy is the year's assumed occupancy
 * p->secure_occupancy_bp (floor = ceiling = recommended maximum = it),
 * status OK, whatever the history; the average is still reported.
 * Returns 0, or ERR_INVALID (e filled) for a wrong number of years,
 * fractions out of range, or an unknown class.
 */
int		 occupancy_budget(const struct agreement_params *p,
		    const struct occupancy_input *in,
		    struct occupancy_result *out, struct err *e);

#endif
