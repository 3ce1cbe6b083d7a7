/*
 * sharing — cost sharing (fordeling af fællesudgifter) as use cases:
 * keys (fordelingsnøgler: population, 0–17-year-olds or any number per
 * municipality, with a snapshot date), and allocations of a pool by a
 * key among all or chosen municipalities with the largest-remainder
 * method (core/split), so the shares always sum to the pool.
 *
 * Every allocation version stores the key as used (title, kind, snapshot
 * date, the weight of each share): a later key update does not change
 * it. A correction is a new version with a reason; the old one is kept;
 * both are audited. Only the secretariat (admin) creates keys and
 * allocations and sees all of them; a user of a municipality sees only
 * its own shares (its invoices); nobody else sees anything of it.
 */
#ifndef RAMME_SHARING_H
#define RAMME_SHARING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/sharing_store.h"

struct err;
struct svc;

#define SHARING_TITLE_MAX	200	/* bytes of a title */
#define SHARING_NAME_MAX	60	/* bytes of a key's short name */
#define SHARING_ROWS_MAX	100	/* municipalities in a key or split */

/* Danish label of a key kind or an allocation purpose; "" if unknown. */
const char	*sharing_kind_label(const char *kind);
const char	*sharing_purpose_label(const char *purpose);
/* The purposes and kinds in display order, NULL-terminated. */
extern const char *const sharing_purposes[];
extern const char *const sharing_kinds[];

/* Keys, newest snapshot first (admin only). */
int	sharing_keys(struct svc *s, struct sharing_key_row **out, size_t *n,
	    struct err *e);
/* One key with its values (admin only). */
int	sharing_key_get(struct svc *s, int64_t id, struct sharing_key_row *out,
	    struct err *e);
/*
 * Create the key in *k (name, title, kind, snapshot_date, source, values
 * of municipalities; created_* are set here). Values must be ≥ 0, each
 * municipality at most once, codes of municipalities in the register.
 * Admin only; audited. *id is the new key.
 */
int	sharing_key_create(struct svc *s, const struct sharing_key_row *k,
	    int64_t *id, struct err *e);
/*
 * Replace the values of key id (and its snapshot date and source) with
 * those of *k: a correction of the figures or a newer count. Allocations
 * made earlier keep the values they used. Admin only; audited with
 * before and after.
 */
int	sharing_key_update(struct svc *s, int64_t id,
	    const struct sharing_key_row *k, struct err *e);
/*
 * Create a population key from the register's populations of year (1
 * January): every municipality must have one. name "befolkning-YEAR"
 * unless name is given. Admin only; audited.
 */
int	sharing_key_from_population(struct svc *s, int year, const char *name,
	    int64_t *id, struct err *e);
/*
 * Read key values from CSV text: a header "kode;værdi" (or with ","; the
 * first column the municipality code or name, the second a whole
 * number, thousands points allowed), one municipality a row. Values go
 * to *out in s's arena. ERR_INVALID with e->line on a bad row.
 */
int	sharing_key_parse_csv(struct svc *s, const char *data, size_t len,
	    struct sharing_value **out, size_t *n, struct err *e);

/* What the secretariat asks for: a pool split by a key. */
struct sharing_input {
	const char	*title;		/* "Sekretariatet 1. halvår 2012" */
	const char	*purpose;	/* see sharing_purposes */
	int		 year;		/* the year invoiced, 2000..2100 */
	int64_t		 pool_ore;	/* > 0, a multiple of unit_ore */
	int64_t		 unit_ore;	/* 100 (whole kroner) or 1 (øre) */
	int64_t		 key_id;	/* the key; 0: weights below */
	const char *const *org_codes;	/* chosen municipalities; with a
					   key, norgs 0 means all of its */
	size_t		 norgs;
	/* Without a key (participant fees): weights per municipality. */
	const struct sharing_value *weights;
	size_t		 nweights;
	int64_t		 price_ore;	/* per participant; pool = price ×
					   Σ weights when given */
	const char	*key_title;	/* without a key: "Deltagere" */
	const char	*snapshot_date;	/* without a key: the event date */
	const char	*reason;	/* corrections: why, required */
};

/*
 * Compute the allocation of *in without storing it (the preview), into
 * *out (version 1, shares by municipality name). Admin only.
 */
int	sharing_preview(struct svc *s, const struct sharing_input *in,
	    struct allocation_row *out, struct err *e);
/* Compute and store a new allocation; audited. *id is its id. */
int	sharing_create(struct svc *s, const struct sharing_input *in,
	    int64_t *id, struct err *e);
/*
 * Correct allocation id: a new version computed from *in, which must
 * give a reason; the old version is kept. Audited with before and after.
 */
int	sharing_correct(struct svc *s, int64_t id,
	    const struct sharing_input *in, struct err *e);
/*
 * Version `version` (0: current) of allocation id. Admin sees every
 * share; a municipality's user only its own share (ERR_NOT_FOUND when
 * it has none); others ERR_FORBIDDEN.
 */
int	sharing_get(struct svc *s, int64_t id, int version,
	    struct allocation_row *out, struct err *e);
/* The versions of allocation id, newest first (admin only). */
int	sharing_versions(struct svc *s, int64_t id,
	    struct allocation_row **out, size_t *n, struct err *e);
/* Current allocations by year (0: all), purpose (NULL: all); admin. */
int	sharing_list(struct svc *s, int year, const char *purpose,
	    struct allocation_row **out, size_t *n, struct err *e);
/*
 * Invoice lines of org_code (NULL: all; admin only) in year (0: all) of
 * allocation_id (0: all). A municipality's user gets its own whatever
 * org_code says; others ERR_FORBIDDEN.
 */
int	sharing_invoices(struct svc *s, const char *org_code, int year,
	    int64_t allocation_id, struct invoice_row **out, size_t *n,
	    struct err *e);
/* The organisation code whose invoices s's user may see, or NULL. */
const char *sharing_own_org(const struct svc *s);

#endif
