/*
 * startup — the start-up costs of a new offer spread over its first
 * years' tariffs (the minutes: start-up costs go into the tariff, not a
 * one-off charge), pure (no I/O).
 *
 * A start-up cost is an amount in øre spread over years tariff years
 * from first_year: every year but the last gets amount / years rounded
 * half up to whole kroner (the agreement's rounding of published
 * amounts, spec §2.3), the last year the remainder, so the shares sum
 * to the amount exactly. When rounding up would leave the last year
 * less than nothing (an amount of a few kroner over many years), the
 * shares are rounded down to whole kroner instead.
 */
#ifndef RAMME_STARTUP_H
#define RAMME_STARTUP_H

#include <stdint.h>

struct err;

#define STARTUP_YEARS_MAX	10	/* years a cost may be spread over */
#define STARTUP_TEXT_MAX	2000	/* code points of the description */

/* A start-up cost as the rules see it. */
struct startup_cost {
	int64_t	amount_ore;	/* total start-up costs, øre, > 0 */
	int	first_year;	/* the first tariff year that carries a share */
	int	years;		/* number of years, 1..STARTUP_YEARS_MAX */
};

/*
 * Check c: amount > 0 and at most MONEY_INPUT_MAX_ORE, first_year in the
 * agreement's year range, years 1..STARTUP_YEARS_MAX; text (the
 * description, required) at most STARTUP_TEXT_MAX code points of valid
 * UTF-8. 0, or ERR_INVALID naming the field with a Danish message.
 */
int	startup_check(const struct startup_cost *c, const char *text,
	    struct err *e);
/*
 * The share of c in the tariff of year, in øre: 0 outside
 * first_year .. first_year + years − 1. c must pass startup_check.
 */
int64_t	startup_share(const struct startup_cost *c, int year);
/*
 * Which share year is of c: 1..years, or 0 when c has none in year.
 */
int	startup_index(const struct startup_cost *c, int year);

#endif
