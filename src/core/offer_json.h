/*
 * offer_json — the JSON form of an offer, used by the API, the JSON
 * export and the audit log (one representation everywhere).
 *
 *   { "id": 7, "version": 3, "name": "...", "operator_code": "1081",
 *     "location_code": "810", "kind": "secure_institution",
 *     "paragraphs": ["SEL § 66 stk. 1 nr. 7"], "target_groups": ["..."],
 *     "covered": true, "category": "1", "places": {"2012": 8},
 *     "status": "active", "opened_on": "2012-09-01", "status_from": null,
 *     "tilbudsportal_id": null, "note": "...", "source": "...",
 *     "updated_at": "2026-11-23T10:00:00Z" }
 *
 * Places are numbers with at most two decimals; unknown codes, kinds and
 * dates are null.
 */
#ifndef RAMME_OFFER_JSON_H
#define RAMME_OFFER_JSON_H

#include <jansson.h>
#include <stdbool.h>

struct arena;
struct err;
struct offer;

/* A new JSON object for o (caller owns the reference). */
json_t	*offer_to_json(const struct offer *o);
/*
 * Apply the fields of object j to *o: every field present replaces the
 * value in *o, absent fields are kept (so a PATCH starts from the stored
 * offer and a create from a zeroed one). Strings are copied into a.
 * Unknown fields, wrong types and malformed values give ERR_INVALID with
 * the field named; "id", "version" and "updated_at" are read-only and
 * ignored. The result still needs offer_validate().
 */
int	 offer_from_json(struct arena *a, json_t *j, struct offer *o,
	    struct err *e);

#endif
