/*
 * harmonised — harmonised tariffs: two or more offers of the same
 * operator grouped under one tariff line (name, from year), audited.
 * Anyone may read; the secretariat groups any operator's offers, an
 * operator's user only offers its own organisation runs.
 */
#ifndef RAMME_HARMONISED_SERVICE_H
#define RAMME_HARMONISED_SERVICE_H

#include <stddef.h>
#include <stdint.h>

#include "store/harmonised_store.h"

struct err;
struct offer;
struct svc;

/*
 * All groups (offer_id 0) or the group of one offer (zero or one), by
 * name, with their member offers.
 */
int	harmonised_list(struct svc *s, int64_t offer_id,
	    struct harmonised **out, size_t *n, struct err *e);
/*
 * Group the offers offer_ids[0..n-1] under one harmonised tariff named
 * name from from_year. The offers must exist, be at least two, and have
 * the same operator (ERR_INVALID with a Danish message naming an offer
 * of another operator); the caller must be the secretariat or a user of
 * that operator (ERR_FORBIDDEN); an offer already in a group gives
 * ERR_CONFLICT, and so does a member with service lines in a round of
 * from_year or later (key "harmonised_round", a Danish message naming
 * the offer and the round: the group must start in a year whose round
 * is not yet opened). One transaction with an audit record; *id
 * receives the group.
 */
int	harmonised_create(struct svc *s, const char *name, int from_year,
	    const int64_t *offer_ids, size_t n, int64_t *id, struct err *e);
/*
 * The other offers the caller may group with offer o: those of o's
 * operator, by name, without o (empty if the caller may not edit o).
 */
int	harmonised_candidates(struct svc *s, const struct offer *o,
	    struct offer **out, size_t *n, struct err *e);

/*
 * Dissolve group id from year (after its from year): the group applies
 * up to year − 1, and from year on its members report and publish their
 * own tariffs again; earlier published tariffs stay. The secretariat or
 * the group's operator (ERR_FORBIDDEN); ERR_CONFLICT if the group is
 * already dissolved or a round of year or later holds its submission;
 * ERR_NOT_FOUND. One transaction with one audit record on the group.
 */
int	harmonised_dissolve(struct svc *s, int64_t id, int year,
	    struct err *e);

#endif
