/*
 * agreement — the parameters of an agreement year as the rules use them:
 * the spec's defaults overridden by what the secretariat has stored, and
 * changes to them (admin only, each audited with its reason).
 */
#ifndef RAMME_AGREEMENT_H
#define RAMME_AGREEMENT_H

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
/* The stored overrides of year (to show which values differ). */
int	agreement_params_overrides(struct svc *s, int year,
	    struct param_row **out, int *n, struct err *e);
/*
 * Set parameter key of year to value (admin only). The value is checked
 * against the parameter's range and the whole set against its bands; a
 * value equal to the default removes the override. reason is required
 * (why the rule differs), at most 500 characters. Audited.
 */
int	agreement_param_set(struct svc *s, int year, const char *key,
	    int64_t value, const char *reason, struct err *e);

#endif
