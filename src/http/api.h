/*
 * api — helpers shared by the JSON API handlers.
 */
#ifndef RAMME_API_H
#define RAMME_API_H

#include <jansson.h>
#include <stdint.h>

struct err;
struct http_req;

/*
 * Parse the request body as a JSON object: Content-Type must be
 * application/json (ERR_UNSUPPORTED), the bytes valid UTF-8, the JSON
 * well-formed without duplicate keys (ERR_INVALID). Caller decrefs *out.
 */
int	api_body(struct http_req *r, json_t **out, struct err *e);
/* Path parameter n as a positive id; ERR_NOT_FOUND if it is not one. */
int	api_param_id(struct http_req *r, int n, int64_t *out, struct err *e);
/*
 * The version in If-Match ("\"7\"" or W/"7"): ERR_PRECONDITION_REQ when
 * the header is missing, ERR_PRECONDITION when it is malformed.
 */
int	api_if_match(struct http_req *r, int64_t *version, struct err *e);
/* Set the ETag header for version. */
void	api_etag(struct http_req *r, int64_t version);

struct offer_filter;
/*
 * The filter of an offer list from the query string (operator,
 * municipality, paragraph, kind, status, covered, q, sort, limit,
 * offset); empty values mean no filter. Shared by the API, the HTML list
 * and the export. 0 or ERR_INVALID naming the parameter.
 */
int	api_offer_filter(struct http_req *r, struct offer_filter *f,
	    int64_t def_limit, struct err *e);

#endif
