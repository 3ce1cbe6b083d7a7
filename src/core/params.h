/*
 * params — the economic rules of one agreement year as numbers.
 *
 * Every threshold, percentage, lag, band and rounding rule that the
 * tariff, occupancy and surplus rules use lives in struct
 * agreement_params, never as a constant in the rule code: North Jutland
 * has changed them over the years and the regions differ (spec §0). The
 * descriptor table says, for each parameter, its stable key, Danish
 * label, unit, allowed range and default by year, so storage can keep
 * one row per (agreement year, key) and the secretariat can edit them.
 *
 * Pure: no I/O. The tables are constant.
 */
#ifndef RAMME_PARAMS_H
#define RAMME_PARAMS_H

#include <stddef.h>
#include <stdint.h>

struct err;

#define PARAMS_YEAR_MIN		2000	/* earliest agreement year */
#define PARAMS_YEAR_MAX		2100	/* latest agreement year */
#define PARAMS_STEPS_MAX	4	/* default changes over the years */

/* What happens to a surplus or deficit (spec §2.5). */
enum surplus_rule {
	SURPLUS_RULE_SETASIDE = 0,	/* North Jutland: a surplus up to a
					   ceiling of the tariff base may be
					   set aside for some years (S3) */
	SURPLUS_RULE_CARRYOVER,		/* Syddanmark: ± up to a ceiling of
					   the cost budget carried into next
					   year's frame (S4) */
	SURPLUS_RULE_COUNT
};

/* How many days a year has for day tariffs (spec §2.3, §10.2). */
enum day_basis {
	DAY_BASIS_CALENDAR = 0,		/* 365, or 366 in leap years */
	DAY_BASIS_365,			/* always 365 */
	DAY_BASIS_366,			/* always 366 */
	DAY_BASIS_COUNT
};

/* How a month tariff relates to the year (spec §2.3, §10.2). */
enum month_rule {
	MONTH_RULE_YEAR_12 = 0,		/* month = year tariff / 12 */
	MONTH_RULE_DAYS,		/* month = day tariff × days in month */
	MONTH_RULE_COUNT
};

/* What an overhead percentage is a percentage of (spec §2.3, Q12). */
enum overhead_base {
	OVERHEAD_BASE_DIRECT = 0,	/* wages + property + other */
	OVERHEAD_BASE_DIRECT_CAPITAL,	/* direct costs + capital costs */
	OVERHEAD_BASE_COUNT
};

/*
 * The parameters of one agreement year. Every field is an int64_t so that
 * the descriptor table can read and write any of them by offset; fields
 * holding an enum say which.
 */
struct agreement_params {
	int	year;			/* agreement year these apply to */

	/* Surplus and deficit (spec §2.5, TV-1, TV-4). */
	int64_t	surplus_rule;		/* enum surplus_rule */
	int64_t	setaside_ceiling_bp;	/* max set-aside, basis points of the
					   tariff base (500 = 5 %; 2 % before
					   2012) */
	int64_t	setaside_years;		/* a set-aside must be used within
					   this many years after its year (5) */
	int64_t	setaside_covers_deficit; /* 1: earlier set-asides may cover a
					   deficit instead of the tariff */
	int64_t	carryover_ceiling_bp;	/* carry-over rule: max |carry-over|,
					   basis points of the cost budget
					   (500) */
	int64_t	carryover_years;	/* carry-over goes into the frame this
					   many years later (1) */
	int64_t	carry_lag_years;	/* the rest enters the tariff this many
					   years after the accounting year
					   (2) */

	/* Budgeted occupancy (spec §2.4, TV-3). */
	int64_t	occupancy_years;	/* closed years averaged (2) */
	int64_t	occupancy_lag_years;	/* most recent of them = tariff year
					   minus this (2: y−2 and y−3) */
	int64_t	occupancy_min_bp;	/* band floor, basis points (9500) */
	int64_t	occupancy_max_bp;	/* band ceiling, basis points (10000) */
	int64_t	occupancy_short_min_bp;	/* floor for short stays, acute and
					   respite offers (9000) */
	int64_t	occupancy_warn_bp;	/* above this a warning (9800) */
	int64_t	occupancy_floor_bp;	/* a budgeted occupancy below this
					   in an uploaded file is refused as
					   a typing error (5000) */
	int64_t	occupancy_round_mode;	/* enum round_mode: the average to
					   whole basis points */
	int64_t	secure_occupancy_bp;	/* assumed occupancy of secure
					   institutions, bp: their tariff is
					   computed at it and the year settled
					   afterwards (8500 until 2014, 9000
					   from 2015; spec §4.3) */

	/* Tariff arithmetic (spec §2.3, §2.1 item 5, TV-9, TV-16). */
	int64_t	day_basis;		/* enum day_basis */
	int64_t	month_rule;		/* enum month_rule */
	int64_t	tariff_round_ore;	/* published tariffs are a multiple of
					   this many øre (100 = whole kroner) */
	int64_t	tariff_round_mode;	/* enum round_mode for published
					   tariffs (half up) */
	int64_t	overhead_base;		/* enum overhead_base */
	int64_t	treatment_citizens_per_place; /* places = expected citizens
					   ÷ this (10 from 2018); 0 = the rule
					   is not in force */
	int64_t	vat_refund_bp;		/* buyer's refund of indirect VAT,
					   basis points (460: net = 95.4 %) */

	/* Tariff development (minutes 2011). */
	int64_t	general_reduction_bp;	/* required general tariff reduction
					   vs the year before (200 in 2012) */
	int64_t	reduction_fixed_prices;	/* 1: the reduction is measured after
					   price and wage (PL) adjustment */

	/* The agreement's documents (core/approval.h). */
	int64_t	approval_deadline_month; /* the councils approve the next
					   year's documents by the 1st of this
					   month (6 until 2014, 5 from 2015) */

	/* Retention of personal data (docs/privacy.md); the daily job
	   (service/retention.h) uses the parameters of the current year. */
	int64_t	retention_login_days;	/* login log: login attempts and the
					   login rows of the audit are kept
					   this many days (180) */
	int64_t	retention_session_days;	/* a session is kept this many days
					   after it ended (30) */
	int64_t	retention_audit_years;	/* audit rows are kept this many years
					   (10); the audit of approved minutes
					   is never deleted */
	int64_t	retention_mail_days;	/* a sent or cancelled mail is kept
					   this many days (90) */
	/* Security. */
	int64_t	totp_required_admin;	/* 1: the secretariat's admins must
					   use a second login factor (TOTP)
					   before they can do anything */
	/* The yearly cycle's e-mail (service/mail.h). */
	int64_t	reminder_days;		/* a reminder this many days before a
					   deadline of the year: a tariff
					   round's, a submission's, a
					   hearing's, an approval's (7) */
};

/* Units a parameter is given in. */
enum param_unit {
	PARAM_UNIT_BP = 0,	/* basis points: hundredths of a percent */
	PARAM_UNIT_YEARS,	/* whole years */
	PARAM_UNIT_ORE,		/* øre */
	PARAM_UNIT_COUNT,	/* a plain number */
	PARAM_UNIT_CHOICE,	/* an enum: index into choices[] */
	PARAM_UNIT_FLAG		/* 0 = no, 1 = yes */
};

/* From from_year on, the default is value (until the next step). */
struct param_step {
	int	from_year;
	int64_t	value;
};

/* One parameter as storage and the settings page see it. */
struct param_desc {
	const char		*key;	/* stable snake_case storage key */
	const char		*label;	/* Danish, for the settings page */
	const char		*source; /* where the default comes from */
	enum param_unit		 unit;
	int64_t			 min;	/* inclusive, in unit */
	int64_t			 max;	/* inclusive, in unit */
	const char *const	*choices; /* PARAM_UNIT_CHOICE: API names by
					   value, NULL-terminated */
	const char *const	*choice_labels; /* Danish, same order */
	size_t			 offset; /* of the field in the struct */
	struct param_step	 steps[PARAMS_STEPS_MAX]; /* ascending years */
	int			 nsteps; /* steps used, ≥ 1 */
};

/* Number of parameters in the descriptor table. */
size_t		 params_count(void);
/* Descriptor i (0 ≤ i < params_count()), or NULL. Borrowed, constant. */
const struct param_desc *params_desc_at(size_t i);
/* Descriptor with this key, or NULL. */
const struct param_desc *params_find(const char *key);
/* Default of d in year (the last step with from_year ≤ year). */
int64_t		 params_desc_default(const struct param_desc *d, int year);
/* API name of a unit ("bp", "years", "ore", "count", "choice", "flag"). */
const char	*params_unit_name(enum param_unit u);

/*
 * Fill *out with the spec's defaults for agreement year `year`
 * (PARAMS_YEAR_MIN..PARAMS_YEAR_MAX), e.g. a set-aside ceiling of 2 %
 * before 2012 and 5 % from 2012. Returns 0 or ERR_INVALID (e filled).
 */
int		 params_defaults(int year, struct agreement_params *out,
		    struct err *e);
/* The value of parameter key in p. Returns 0 or ERR_NOT_FOUND. */
int		 params_get(const struct agreement_params *p, const char *key,
		    int64_t *out);
/*
 * Set parameter key in p to v after checking its range and choices.
 * Returns 0, ERR_NOT_FOUND for an unknown key, or ERR_INVALID (e names
 * the key as field and says what is allowed, in Danish).
 */
int		 params_set(struct agreement_params *p, const char *key,
		    int64_t v, struct err *e);
/*
 * Check a whole parameter set: every value in range, and the bands in
 * order (short-stay floor ≤ floor ≤ warning level ≤ ceiling).
 * Returns 0 or ERR_INVALID with e naming the offending key.
 */
int		 params_validate(const struct agreement_params *p,
		    struct err *e);

#endif
