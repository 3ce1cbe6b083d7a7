/*
 * agreement — the parameters of an agreement year as the rules use them:
 * the spec's defaults overridden by what the secretariat has stored, and
 * changes to them (admin only, each audited with its reason).
 */
#ifndef RAMME_AGREEMENT_H
#define RAMME_AGREEMENT_H

#include <stdbool.h>
#include <stdint.h>

struct agreement_params;
struct err;
struct param_row;
struct svc;

/*
 * The effective parameters of year (defaults + stored overrides), in a
 * read transaction of its own. ERR_INVALID for a year outside
 * PARAMS_YEAR_MIN..PARAMS_YEAR_MAX.
 */
int	agreement_params_get(struct svc *s, int year,
	    struct agreement_params *out, struct err *e);
/*
 * The same inside the caller's transaction (for services that compute
 * tariffs within their own transaction).
 */
int	agreement_params_get_in_tx(struct svc *s, int year,
	    struct agreement_params *out, struct err *e);
/* The overrides in force in year, own and inherited (to show which
 * values differ and why). */
int	agreement_params_overrides(struct svc *s, int year,
	    struct param_row **out, int *n, struct err *e);
/*
 * Set parameter key of year to value (admin only); onward: from year on,
 * for every later year until another row of key (see param_store.h),
 * else for year only. The value is checked against the parameter's
 * range and the whole set against its bands, onward in every year it
 * reaches; a value for year only that equals what the year would have
 * without it (the default or an earlier onward value) removes the
 * year's override. reason is required (why the rule differs), at most
 * 500 characters. Audited.
 */
int	agreement_param_set(struct svc *s, int year, const char *key,
	    int64_t value, bool onward, const char *reason, struct err *e);

#endif
