/*
 * surplus — an operator's surplus or deficit on an offer (spec §2.5):
 * how much may be kept (set aside, or carried into next year's frame)
 * and how much must enter the tariff some years later (TV-1, TV-4); and
 * the set-aside ledger of an operator: balance, use and expiry of the
 * surpluses it set aside.
 *
 * Two rule sets, chosen by params surplus_rule:
 *   setaside   (North Jutland, S3): a surplus up to a ceiling of the
 *              tariff base may be set aside and used within some years;
 *              the rest, and any deficit, enters the tariff.
 *   carryover  (Syddanmark, S4): a surplus or deficit up to ± a ceiling
 *              of the cost budget is carried into next year's frame; the
 *              rest enters the tariff.
 * Amounts are øre. Pure: no I/O, no allocation.
 */
#ifndef RAMME_SURPLUS_H
#define RAMME_SURPLUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/params.h"

struct err;

struct surplus_input {
	int	year;			/* the accounting year */
	int64_t	base_ore;		/* tariff base of that year (setaside
					   rule) or its cost-based budget
					   (carryover rule), > 0 */
	int64_t	revenue_ore;		/* actual tariff revenue, ≥ 0 */
	int64_t	costs_ore;		/* cost-based accounts, ≥ 0 */
	bool	setaside_given;		/* false: keep as much as allowed */
	int64_t	setaside_ore;		/* amount to keep, with the sign of the
					   result (a deficit carried is < 0) */
	int64_t	deficit_covered_ore;	/* setaside rule: part of a deficit
					   covered from earlier set-asides,
					   ≥ 0 */
};

struct surplus_result {
	enum surplus_rule rule;
	int64_t	result_ore;		/* revenue − costs: > 0 surplus,
					   < 0 deficit */
	int64_t	ceiling_ore;		/* most that may be kept, ≥ 0 (the
					   percentage rounded down to øre) */
	int64_t	setaside_ore;		/* kept: set aside (≥ 0) or carried
					   (signed like the result) */
	int64_t	deficit_covered_ore;	/* deficit covered from set-asides */
	int64_t	to_tariff_ore;		/* into the tariff base of tariff_year:
					   < 0 lowers it (surplus returned),
					   > 0 raises it (deficit recovered) */
	int	tariff_year;		/* year + carry_lag_years */
	int	setaside_expires_year;	/* setaside: last year the set-aside
					   may be used; carryover: the year
					   whose frame it goes to; 0 if
					   nothing is kept */
};

/*
 * Split the result of in->year under p (spec §2.5, TV-1, TV-4).
 * The default keeps the most allowed: min(surplus, ceiling) under the
 * setaside rule (a deficit keeps nothing), and the result clamped to
 * ±ceiling under the carryover rule. An explicit setaside_ore must have
 * the result's sign and may exceed neither the ceiling nor the result;
 * deficit_covered_ore needs a deficit, the setaside rule and
 * p->setaside_covers_deficit, and may not exceed the deficit.
 * Returns 0, or ERR_INVALID with e naming the field ("setaside_ore", ...)
 * and saying in Danish why it is refused.
 */
int	surplus_compute(const struct agreement_params *p,
	    const struct surplus_input *in, struct surplus_result *out,
	    struct err *e);

/* Set-aside ledger. */

#define SETASIDE_LOTS_MAX	1000	/* deposits in one ledger */

enum setaside_kind {
	SETASIDE_DEPOSIT = 0,	/* a surplus set aside */
	SETASIDE_USE		/* set-aside money spent (deficit, efficiency,
				   quality development) */
};

struct setaside_entry {
	enum setaside_kind	kind;
	int			year;		/* deposit: the accounting
						   year of the surplus; use:
						   the year of use */
	int64_t			amount_ore;	/* > 0 */
	int			expires_year;	/* deposit: last year of use, as
						   surplus_compute() gave it */
	int			origin_year;	/* use: the deposit drawn
						   on, or 0 for the oldest
						   first */
};

/* One deposit and what became of it, as of a year. */
struct setaside_lot {
	int	origin_year;		/* accounting year of the surplus */
	int	expires_year;		/* last year it may be used */
	int64_t	deposited_ore;
	int64_t	used_ore;
	int64_t	expired_ore;		/* left unused after expires_year */
	int64_t	balance_ore;		/* still usable in the as-of year */
};

struct setaside_summary {
	int64_t	deposited_ore;
	int64_t	used_ore;
	int64_t	expired_ore;
	int64_t	balance_ore;		/* usable in the as-of year */
	int	next_expiry_year;	/* earliest expiry among lots with a
					   balance, or 0 */
	int64_t	next_expiry_ore;	/* balance expiring that year */
};

/*
 * Compute an operator's set-aside ledger as of as_of_year from entries
 * in non-decreasing year order. Each deposit opens a lot; each use draws
 * on its origin lot, or on the oldest lots first, and only on lots from
 * an earlier year that have not expired in the year of use. A lot whose
 * expires_year is before as_of_year has its remainder expired.
 * lots[0..maxlots) receives one lot per deposit in order (*nlots set);
 * sum receives the totals. Returns 0, or ERR_INVALID (e filled) for
 * entries out of order or after as_of_year, non-positive amounts, a
 * second deposit for one year, more deposits than maxlots (or
 * SETASIDE_LOTS_MAX), or a use
 * larger than what is available.
 */
int	surplus_ledger(const struct setaside_entry *entries, size_t n,
	    int as_of_year, struct setaside_lot *lots, size_t maxlots,
	    size_t *nlots, struct setaside_summary *sum, struct err *e);

#endif
