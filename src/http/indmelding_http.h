/*
 * indmelding_http — what the pages of the yearly submissions share:
 * state badges, the id in the path, the version field and figures in
 * Danish form. Implemented in page_indmelding.c.
 */
#ifndef RAMME_INDMELDING_HTTP_H
#define RAMME_INDMELDING_HTTP_H

#include <stdint.h>

#include "core/indmelding.h"

struct html;
struct http_req;
struct page;

/* A path with one id: ind_path(r, "/indmelding/%lld", id). */
#define ind_path(r, fmt, id)	arena_printf(&(r)->arena, fmt, (long long)(id))

/* The badge of a party's submission ("Kladde", "Indsendt", …). */
void	ind_http_sub_badge(struct html *h, enum submission_status st);
/* The badge of a year ("Åben", "I høring", "På dagsorden"). */
void	ind_http_year_badge(struct html *h, enum ind_year_status st);
/* Path parameter n as an id: 0, or -1 after sending 404. */
int	ind_http_id(struct http_req *r, int n, int64_t *id);
/* Hundredths ("12,5") or "–" for -1, as text in r's arena. */
const char *ind_http_centi(struct http_req *r, int64_t v);
/* Basis points as "95,5 %" or "–" for -1, in r's arena. */
const char *ind_http_pct(struct http_req *r, int64_t bp);

#endif
