/*
 * register — the register of organisations and offers: reading, and
 * changes with role checks, validation, one transaction and an audit
 * record each. HTTP handlers, CLI commands and importers all come here,
 * so they cannot disagree about the rules.
 */
#ifndef RAMME_REGISTER_H
#define RAMME_REGISTER_H

#include <stddef.h>
#include <stdint.h>

struct err;
struct offer;
struct offer_filter;
struct org;
struct svc;
struct audit_entry;

int	register_org_list(struct svc *s, struct org **out, int *n,
	    struct err *e);
int	register_org_get(struct svc *s, const char *code, struct org *out,
	    struct err *e);
/*
 * Create or update an organisation and its populations (admin only).
 */
int	register_org_save(struct svc *s, const struct org *o, struct err *e);
/*
 * register_org_save without a transaction of its own, for importers that
 * save many organisations in one all-or-nothing transaction. The caller
 * holds a write transaction; the same checks and audit record apply.
 */
int	register_org_save_in_tx(struct svc *s, const struct org *o,
	    struct err *e);

/* Offers matching f (limit 1..1000); *total is the count without paging. */
int	register_offer_list(struct svc *s, const struct offer_filter *f,
	    struct offer **out, size_t *n, int64_t *total, struct err *e);
/*
 * The JSON body of an offer list, {"offers":[...],"total":..,"limit":..,
 * "offset":..,"next_cursor":..}, appended to out from the stored
 * documents in one read transaction; *generation receives the
 * register's change counter of that snapshot (for response caches).
 * next_cursor is the token of the page's last row (pass it back as
 * f->after for the next page), or null when no rows follow. total counts
 * every match, before the cursor too. *total: on entry the number of
 * matches of f's filter if known at generation known_gen (it is then not
 * counted again when the snapshot is at that generation), else -1; on
 * return the number of matches.
 */
struct buf;
int	register_offer_page_json(struct svc *s, const struct offer_filter *f,
	    int64_t known_gen, struct buf *out, int64_t *generation,
	    int64_t *total, struct err *e);
/* The register's change counter now (see offer_store_generation). */
int	register_generation(struct svc *s, int64_t *out, struct err *e);
int	register_offer_get(struct svc *s, int64_t id, struct offer *out,
	    struct err *e);
/* The audit history of an offer, newest first. */
int	register_offer_history(struct svc *s, int64_t id,
	    struct audit_entry **out, int *n, struct err *e);
/*
 * Create offer o (its id and version are ignored). The acting user must
 * be allowed to edit offers of o->operator_code; codes must exist (the
 * location must be a municipality); a live offer with the same name and
 * operator is a conflict. *id receives the new id.
 */
int	register_offer_create(struct svc *s, const struct offer *o,
	    int64_t *id, struct err *e);
/*
 * Replace offer o->id with o, if the stored version is expected_version
 * (ERR_PRECONDITION otherwise). The user must be allowed to edit both the
 * stored and the new operator's offers.
 */
int	register_offer_update(struct svc *s, const struct offer *o,
	    int64_t expected_version, struct err *e);
/* Delete (keeping history) if the stored version is expected_version. */
int	register_offer_delete(struct svc *s, int64_t id,
	    int64_t expected_version, struct err *e);

/*
 * The parts of create/update without a transaction of their own, for
 * importers that write many offers in one all-or-nothing transaction.
 * The caller holds a write transaction.
 */
int	register_offer_create_in_tx(struct svc *s, const struct offer *o,
	    int64_t *id, struct err *e);
int	register_offer_update_in_tx(struct svc *s, const struct offer *o,
	    int64_t expected_version, struct err *e);

#endif
