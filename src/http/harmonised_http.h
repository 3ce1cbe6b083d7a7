/*
 * harmonised_http — harmonised tariffs in the pages and the API: the
 * section on an offer's page, the line "Harmoniseret takst for: A, B"
 * in the tariff overview, the form /tilbud/:id/harmoniser and the
 * group in an offer's JSON.
 */
#ifndef RAMME_HARMONISED_HTTP_H
#define RAMME_HARMONISED_HTTP_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/harmonised_store.h"

struct html;
struct http_req;
struct offer;
struct page;

/* The group among v[0..n) that offer_id belongs to, or NULL. */
const struct harmonised *harmonised_find(const struct harmonised *v,
	    size_t n, int64_t offer_id);
/*
 * Write "NAME (fra ÅR). Harmoniseret takst for: A, B" with each offer
 * linked to its page; without with_name only "Harmoniseret takst for:
 * A, B" (a table cell).
 */
void	harmonised_line(struct http_req *r, struct html *h,
	    const struct harmonised *g, bool with_name);
/* The section "Harmoniseret takst" of offer o's page. */
void	harmonised_section(struct page *p, const struct offer *o);
/*
 * The group of offer_id as JSON ({id, name, from_year, to_year (null
 * while it lasts), operator,
 * offers: [{id, name}]}), or NULL when the offer has its own tariff (an
 * offer's JSON then has no key "harmonised", as in the list).
 */
json_t	*harmonised_offer_json(struct http_req *r, int64_t offer_id);

#endif
