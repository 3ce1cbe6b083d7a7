/*
 * tariff — the cost-based tariff of an offer (spec §2.2–2.3): the tariff
 * base from cost lines, the place-days (or months, hours, years) it is
 * spread over, the exact tariff and the published, rounded one; and the
 * smaller rules around it: converting between day, month and year
 * tariffs, treatment places (TV-16), tariffs net of the VAT refund
 * (TV-9), two-part tariffs (TV-10), billing a share of a day tariff
 * (TV-5) and differentiated tariff levels (TV-11).
 *
 * Amounts are øre (int64_t), percentages basis points, places and hours
 * hundredths. Every threshold and rounding rule comes from struct
 * agreement_params. Pure: no I/O, no allocation.
 */
#ifndef RAMME_TARIFF_H
#define RAMME_TARIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/money.h"

struct agreement_params;
struct err;

#define TARIFF_PLACES_MAX_CENTI	1000000		/* 10,000 places */
#define TARIFF_HOURS_MAX_CENTI	(366 * 24 * 100) /* hours per place a year */
#define TARIFF_EXACT_DECIMALS	4		/* øre decimals shown */

enum tariff_unit {
	TARIFF_UNIT_DAY = 0,	/* døgntakst / dagtakst: per place-day */
	TARIFF_UNIT_MONTH,	/* månedstakst: per place-month */
	TARIFF_UNIT_HOUR,	/* timetakst: per delivered hour */
	TARIFF_UNIT_YEAR,	/* årstakst: per place-year */
	TARIFF_UNIT_COUNT
};

/* Budgeted costs of the tariff year, in øre, all ≥ 0 (spec §2.2). */
struct tariff_costs {
	int64_t	wages_ore;	/* lønomkostninger */
	int64_t	property_ore;	/* ejendomsomkostninger */
	int64_t	other_ore;	/* øvrige driftsomkostninger */
	int64_t	overhead_ore;	/* central ledelse og administration, when
				   stated as an amount */
	int64_t	capital_ore;	/* depreciation and interest */
	int64_t	pension_ore;	/* tjenestemandspension */
};

struct tariff_input {
	int		 year;		/* tariff year, for the calendar */
	enum tariff_unit unit;
	int64_t		 places_centi;	/* places in hundredths: 8.5 → 850 */
	int64_t		 occupancy_bp;	/* budgeted occupancy in basis
					   points, 1..10000 (96 % → 9600) */
	int64_t		 days;		/* days a place is open a year (day
					   offers: opening days); 0 = the
					   year's day basis */
	int64_t		 month_days;	/* month tariffs under
					   MONTH_RULE_DAYS: 28..31; else 0 */
	int64_t		 hours_centi;	/* hour tariffs: budgeted delivered
					   hours per place a year, in
					   hundredths; else 0 */
	struct tariff_costs costs;
	bool		 overhead_by_pct; /* overhead = overhead_bp of a
					   base, not costs.overhead_ore
					   (which must then be 0) */
	int64_t		 overhead_bp;	/* basis points, 0..10000 */
	bool		 overhead_base_stated; /* the base of the percentage
					   is overhead_base_ore, not the
					   one the parameters name */
	int64_t		 overhead_base_ore; /* øre, ≥ 0 */
	int64_t		 income_ore;	/* non-tariff income deducted, øre,
					   ≥ 0 */
	int64_t		 carry_over_ore; /* øre entering this year: a
					   surplus returned (< 0) or a
					   deficit recovered (> 0) */
	int64_t		 startup_ore;	/* the year's share of the offer's
					   start-up costs (core/startup),
					   øre, ≥ 0 */
};

struct tariff_result {
	int64_t		overhead_ore;	/* overhead used, stated or computed
					   (half up to whole øre) */
	int64_t		base_ore;	/* takstberegningsgrundlag, øre, > 0 */
	int64_t		days;		/* days per place used */
	struct ratio	place_days;	/* places × days × occupancy, exact */
	struct ratio	units;		/* what the base is divided by:
					   place-days, -months, -hours or
					   -years, exact */
	struct ratio	exact_ore;	/* tariff per unit before rounding */
	int64_t		tariff_ore;	/* published tariff, rounded as the
					   parameters say */
};

/* Two-part tariff: base per day plus individually assessed hours (TV-10). */
struct tariff_two_part {
	int64_t	base_day_ore;		/* basistakst per day */
	int64_t	hour_ore;		/* ydelsestakst per hour */
	int64_t	supplement_day_ore;	/* e.g. children/youth supplement per
					   day, 0 if none */
};

/* One level of a differentiated tariff (TV-11). Strings are borrowed. */
struct tariff_level {
	int64_t		 offer_id;
	int		 year;
	const char	*service;	/* e.g. "undervisning" */
	const char	*level;		/* e.g. "lav", "mellem", "høj", "1" */
	int64_t		 tariff_ore;
};

/* API names ("day", "month", "hour", "year"); "" if unknown. */
const char	*tariff_unit_name(enum tariff_unit u);
/* Danish labels ("Døgntakst", "Månedstakst", "Timetakst", "Årstakst"). */
const char	*tariff_unit_label(enum tariff_unit u);
/* Parse an API name; 0, or -1 if unknown. */
int		 tariff_unit_parse(const char *s, enum tariff_unit *out);

/* True if year is a leap year in the Gregorian calendar. */
bool		 tariff_leap_year(int year);
/* Days in year under p's day basis: 365, or 366 (leap year or basis 366). */
int		 tariff_days_in_year(const struct agreement_params *p,
		    int year);

/*
 * The tariff base of in (spec §2.3):
 *   wages + property + other + overhead + capital + pension − income
 *   + carry_over + startup,
 * where overhead is the stated amount or overhead_bp of its base (the
 * stated base, or the direct costs, optionally with capital costs, as
 * p->overhead_base says), rounded half up to whole øre. Stores the
 * overhead used in *overhead_ore and the base in *base_ore.
 * Returns 0, or ERR_INVALID (e names the field) for negative cost lines
 * or income, amounts above MONEY_INPUT_MAX_ORE, an overhead stated both
 * ways, or a base that is not positive.
 */
int		 tariff_base(const struct agreement_params *p,
		    const struct tariff_input *in, int64_t *overhead_ore,
		    int64_t *base_ore, struct err *e);
/*
 * Compute the tariff of in under p (spec §2.3, TV-2, TV-16):
 *   place-days = places × days × occupancy
 *   day   = base / place-days
 *   month = base / (places × occupancy × 12)       (MONTH_RULE_YEAR_12)
 *         = day tariff × month_days                (MONTH_RULE_DAYS)
 *   hour  = base / (places × occupancy × hours)
 *   year  = base / (places × occupancy)
 * The exact tariff is kept; the published one is rounded to a multiple
 * of p->tariff_round_ore by p->tariff_round_mode.
 * Returns 0, or ERR_INVALID (e names the field) for places not in
 * (0, 10,000], occupancy not in (0, 100 %], days not in 1..366, a missing
 * or unused month_days or hours, or any tariff_base() error.
 */
int		 tariff_compute(const struct agreement_params *p,
		    const struct tariff_input *in, struct tariff_result *out,
		    struct err *e);
/* Round an exact tariff as published tariffs are under p. 0 or ERR_INVALID. */
int		 tariff_publish(const struct agreement_params *p,
		    struct ratio exact_ore, int64_t *out_ore);
/*
 * Convert a tariff amount_ore per `from` unit to the exact amount per
 * `to` unit in year under p: a year has tariff_days_in_year() days and
 * 12 months (MONTH_RULE_YEAR_12) or month_days-day months
 * (MONTH_RULE_DAYS, month_days 28..31, otherwise ignored). Hour tariffs
 * cannot be converted. E.g. year 1,510,239 kr → day on a 366-day basis
 * (TV-12); month → day on a 366-day basis, month = year / 12 (§10.2).
 * Returns 0 or ERR_INVALID.
 */
int		 tariff_convert(const struct agreement_params *p, int year,
		    enum tariff_unit from, enum tariff_unit to,
		    int64_t amount_ore, int month_days, struct ratio *out,
		    struct err *e);
/*
 * Tariff places of a treatment offer (§§ 101/101 a, SUL § 141): expected
 * citizens treated in the year ÷ p->treatment_citizens_per_place, in
 * hundredths, rounded half up (85 citizens → 850 = 8.5 places, TV-16).
 * Returns 0, or ERR_INVALID if citizens < 0 or the rule is not in force
 * in p's year (parameter 0).
 */
int		 tariff_treatment_places(const struct agreement_params *p,
		    int64_t citizens, int64_t *places_centi, struct err *e);
/*
 * A private provider's tariff net of the buyer's refund of indirect VAT:
 * tariff × (1 − p->vat_refund_bp), half up to whole øre (TV-9).
 * Returns 0 or ERR_INVALID for a negative or too large tariff.
 */
int		 tariff_net_of_vat(const struct agreement_params *p,
		    int64_t tariff_ore, int64_t *net_ore, struct err *e);
/*
 * Amount for `days` days of a two-part tariff with hours_centi assessed
 * hours a day (hundredths): days × (base + supplement + hour × hours),
 * half up to whole øre (TV-10). Returns 0 or ERR_INVALID.
 */
int		 tariff_two_part_amount(const struct tariff_two_part *t,
		    int64_t days, int64_t hours_centi, int64_t *out_ore,
		    struct err *e);
/*
 * Amount for `days` days of a service bought as a share num/den of a day
 * tariff, e.g. 2 hours a week billed as 2/5 (TV-5):
 * days × tariff × num / den, half up to whole øre.
 * Returns 0 or ERR_INVALID (den ≤ 0, negative values, overflow).
 */
int		 tariff_share_amount(int64_t day_tariff_ore, int64_t days,
		    int64_t num, int64_t den, int64_t *out_ore, struct err *e);
/*
 * Check a set of tariff levels: service and level named, tariff ≥ 0, and
 * no (offer, year, service, level) twice. Returns 0 or ERR_INVALID.
 */
int		 tariff_levels_validate(const struct tariff_level *levels,
		    size_t n, struct err *e);
/*
 * The tariff of (offer_id, year, service, level) among levels, into
 * *out_ore. Service and level compare exactly. Returns 0 or
 * ERR_NOT_FOUND.
 */
int		 tariff_level_find(const struct tariff_level *levels, size_t n,
		    int64_t offer_id, int year, const char *service,
		    const char *level, int64_t *out_ore);

#endif
