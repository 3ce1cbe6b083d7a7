/*
 * reduction — the report of a general tariff reduction: did each
 * operator lower its published tariffs by the agreement year's required
 * percentage (params general_reduction_bp, 2 % for 2012) against the
 * year before?
 *
 * The published tariffs of the year and of the year before are paired by
 * offer, paragraph, level and unit (the current version of each, as the
 * overview shows it); the check itself is core/reduction, weighted by the
 * year's places. In fixed prices (params reduction_fixed_prices) last
 * year's tariffs are first raised by the price and wage change (PL) of
 * the year's latest round. Public: it reads published tariffs only.
 */
#ifndef RAMME_SERVICE_REDUCTION_H
#define RAMME_SERVICE_REDUCTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/reduction.h"
#include "core/tariff.h"

struct err;
struct svc;

/* One tariff compared with its predecessor. */
struct reduction_line {
	int64_t		 offer_id;
	const char	*offer_name;
	const char	*operator_code;
	const char	*paragraph;
	const char	*level;		/* "" if one level */
	enum tariff_unit unit;
	const char	*referred_from;	/* a new structure: for citizens
					   referred from this date, or NULL */
	const char	*referred_before; /* the replaced one, or NULL */
	int64_t		 places_centi;	/* the year's places, hundredths */
	int64_t		 prev_ore;	/* the year before, current prices */
	int64_t		 cur_ore;
	int64_t		 prev_days;	/* day tariffs: the days each year's
					   tariff is spread over (opening
					   days or 365/366); else 0 */
	int64_t		 cur_days;
	int64_t		 change_bp;	/* against prev (PL-adjusted in fixed
					   prices), on the same day basis
					   (tariff × days for day tariffs),
					   basis points, half up */
	bool		 met;		/* this tariff alone fell enough */
};

/* An operator's verdict with its name. */
struct reduction_row {
	struct reduction_operator	 op;
	const char			*operator_name;
};

struct reduction_report {
	int			 year;
	int64_t			 required_bp;	/* general_reduction_bp */
	bool			 fixed_prices;
	int64_t			 pl_bp;		/* PL change used (fixed prices) */
	struct reduction_row	*rows;		/* operators, by name */
	size_t			 nrows;
	size_t			 nmet;		/* operators that met it */
	struct reduction_line	*lines;		/* by operator, offer, line */
	size_t			 nlines;
	size_t			 nnew;		/* tariffs of the year with no
						   predecessor (not counted) */
};

/*
 * The report of year into out (memory in the service's arena). With no
 * reduction required for the year the rows are still computed (required
 * 0 %: who lowered at all). ERR_INVALID for a year outside the
 * parameters' range; ERR_CONFLICT "no_pl" in fixed prices when the year
 * has no published round to take the PL change from.
 */
int	reduction_report(struct svc *s, int year, struct reduction_report *out,
	    struct err *e);

#endif
