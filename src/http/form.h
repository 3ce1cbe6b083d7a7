/*
 * form — the body of a form post held in memory, parsed into fields:
 * application/x-www-form-urlencoded ('+' and %XX decoded) or
 * multipart/form-data (parts separated by the boundary of the
 * Content-Type; text parts and files alike, values NUL-terminated and
 * length-counted since files may hold NULs). Upload routes parse their
 * body while it arrives instead (http/upload). Pure apart from the
 * arena: the fuzzing harness drives it with arbitrary bytes.
 */
#ifndef RAMME_FORM_H
#define RAMME_FORM_H

#include <stddef.h>

struct arena;
struct http_field;

/*
 * Parse body[0..len) of Content-Type ctype (NULL or another type: no
 * fields) into out[0..max), strings in the arena; *n receives the number
 * of fields (fields beyond max are dropped). 0, or -1 when a multipart
 * body is malformed (no or an oversized boundary, a part without its
 * headers' end or its closing delimiter); *n then counts the fields read
 * before it.
 */
int	form_body_parse(struct arena *a, const char *ctype, const char *body,
	    size_t len, struct http_field *out, int max, int *n);

#endif
