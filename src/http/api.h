/*
 * api — helpers shared by the JSON API handlers.
 */
#ifndef RAMME_API_H
#define RAMME_API_H

#include <jansson.h>
#include <stdbool.h>
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

/*
 * Strict reading of JSON request fields. Every reader names the field by
 * its path ("lines[2].costs_ore.wages" from prefix "lines[2].costs_ore"
 * and key "wages"; prefix NULL for the top level), leaves *out alone when
 * an optional field is absent or null, and returns 0 or ERR_INVALID with
 * the path in e->field. Copies come from r's arena.
 */
/* ERR_INVALID: the field at path must be what ("et heltal"). */
int	api_type_error(struct err *e, const char *path, const char *what);
/* obj is an object holding only keys from allowed (NULL-terminated). */
int	api_fields(const json_t *obj, const char *const *allowed,
	    const char *prefix, struct err *e);
/* The value of key (borrowed), or NULL when absent or null. */
const json_t *api_field(const json_t *obj, const char *key);
/* "prefix.key" in r's arena, or key when prefix is NULL. */
const char *api_path(struct http_req *r, const char *prefix,
	    const char *key);
/* An integer in [min, max]. */
int	api_int(struct http_req *r, const json_t *obj, const char *prefix,
	    const char *key, bool required, int64_t min, int64_t max,
	    int64_t *out, struct err *e);
/* An amount in øre: an integer; fractions and exponents are refused. */
int	api_ore(struct http_req *r, const json_t *obj, const char *prefix,
	    const char *key, bool required, int64_t *out, struct err *e);
/* The number v (field path p) with at most two decimals, in hundredths. */
int	api_centi_value(const json_t *v, const char *p, int64_t *out,
	    struct err *e);
/* A number with at most two decimals, in hundredths. */
int	api_centi(struct http_req *r, const json_t *obj, const char *prefix,
	    const char *key, bool required, int64_t *out, struct err *e);
/* A text. */
int	api_str(struct http_req *r, const json_t *obj, const char *prefix,
	    const char *key, bool required, const char **out, struct err *e);
/* A text that may be null or absent (*out NULL), or "" (NULL too). */
int	api_opt_str(struct http_req *r, const json_t *obj, const char *prefix,
	    const char *key, const char **out, struct err *e);
/* true or false (top level; the key is the path). */
int	api_bool(const json_t *obj, const char *key, bool *out,
	    struct err *e);
/* Hundredths as a JSON number: an integer when whole (new reference). */
json_t	*api_centi_json(int64_t v);
/* s as a JSON string, or null when NULL (new reference). */
json_t	*api_opt_json(const char *s);
/* Drop the reference to j (may be NULL) and answer with the error e. */
void	api_fail(struct http_req *r, json_t *j, const struct err *e);

#endif
