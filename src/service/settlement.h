/*
 * settlement — the post-adjustment (efterregulering) of a secure
 * institution's year as a use case (spec §4.3, minutes March 2014): the
 * day tariff at the year's assumed occupancy (agreement parameter
 * secure_occupancy_bp), billed = occupied days × tariff, and the
 * difference cost − billed shared among all municipalities by a key, to
 * the øre (core/postadj, core/split).
 *
 * The cost and the occupied days come from the institution's accounts
 * for the year when ramme has them, or are entered. The key is one of
 * cost sharing's keys (service/sharing: the newest key of 0–17-year-olds
 * by default, or one chosen), or values entered for every municipality;
 * every municipality must have a value. The values used are stored with
 * the shares, so a later key update does not change a settlement.
 * A correction is a new version with a reason; every version is audited.
 *
 * Who: the secretariat (admin) prepares and creates; readers see all;
 * an operator sees its own institutions; a municipality (authority)
 * sees every settlement with its own share only.
 */
#ifndef RAMME_SETTLEMENT_H
#define RAMME_SETTLEMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/settlement_store.h"

struct err;
struct offer;
struct sharing_key_row;
struct svc;

#define SETTLEMENT_REASON_MAX	500	/* bytes of a reason */

/* What the secretariat gives. */
struct settlement_input {
	int64_t		 offer_id;	/* a secure institution */
	int		 year;		/* the settled year */
	bool		 cost_given;	/* false: from the accounts */
	int64_t		 cost_ore;	/* the year's cost, ≥ 0 */
	bool		 days_given;	/* false: from the accounts */
	int64_t		 occupied_days;	/* place-days, ≥ 0 */
	int64_t		 key_id;	/* a stored key (sharing_key), or 0 */
	const char	*key_kind;	/* without key_id: the newest stored
					   key of this kind, "children"
					   (default when NULL or ""),
					   "population" or "other"; or
					   "entered" */
	const struct settlement_share *weights; /* "entered": code and
					   weight of every municipality */
	size_t		 nweights;
	const char	*reason;	/* required when the year is already
					   settled (a new version) */
};

/* Danish label of a key kind ("0-17-årige", ..., "Indtastet
 * fordelingsnøgle"). */
const char	*settlement_key_label(const char *kind);
/*
 * The stored keys the form offers (admin only), newest snapshot first,
 * and the id the settlement uses by default (the newest key of
 * 0–17-year-olds, else the newest key; 0 when there is none).
 */
int	settlement_keys(struct svc *s, struct sharing_key_row **out,
	    size_t *n, int64_t *default_id, struct err *e);

/*
 * The secure institutions of the register (for the form), by name.
 * Admin only.
 */
int	settlement_institutions(struct svc *s, struct offer **out, size_t *n,
	    struct err *e);
/*
 * Compute the settlement of *in without storing it (the preview before
 * the confirmation): *out holds every figure, the shares and the version
 * it would get. Admin only. ERR_INVALID with e->field naming the input
 * ("offer_id", "year", "cost_ore", "occupied_days", "key", "key_id",
 * "weights", "reason") and a Danish message.
 */
int	settlement_prepare(struct svc *s, const struct settlement_input *in,
	    struct settlement *out, struct err *e);
/*
 * The same, stored as the next version with its shares and an audit
 * record (entity "settlement", id "OFFER/YEAR"), in one transaction.
 * A reason is required from version 2 on.
 */
int	settlement_create(struct svc *s, const struct settlement_input *in,
	    struct settlement *out, struct err *e);
/*
 * The latest version of every settlement the user may see (see above);
 * for a municipality each carries its own share only. Anonymous users
 * get ERR_UNAUTHORIZED.
 */
int	settlement_list(struct svc *s, struct settlement **out, size_t *n,
	    struct err *e);
/*
 * One version with its shares (a municipality: its own only), and the
 * ids of all versions of the same institution and year, oldest first.
 * ERR_NOT_FOUND also when an operator asks for another's institution.
 */
int	settlement_get(struct svc *s, int64_t id, struct settlement *out,
	    int64_t **versions, size_t *nversions, struct err *e);

/*
 * The shares of s as an XLSX workbook at path: one row per municipality
 * (name, code, key value, share in kroner) and a total row. 0 or the
 * error of report/xlsx.
 */
int	settlement_xlsx(const struct settlement *s, const char *path,
	    struct err *e);

#endif
