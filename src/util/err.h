/*
 * err — the one error convention of ramme.
 *
 * Functions return 0 on success or a negative enum err_code, and fill a
 * struct err when the caller passed one. The struct carries a stable
 * machine-readable key (English snake_case, e.g. "invalid_places"), the
 * offending field if any, and a message in Danish for the user. Only the
 * edges translate: the HTTP layer maps the code to a status
 * (http_status_of_err), the CLI to an exit code.
 */
#ifndef RAMME_ERR_H
#define RAMME_ERR_H

#include <stdarg.h>

enum err_code {
	ERR_OK			=  0,
	ERR_INVALID		= -1,	/* bad input: 400 */
	ERR_NOT_FOUND		= -2,	/* 404 */
	ERR_CONFLICT		= -3,	/* duplicate or state conflict: 409 */
	ERR_FORBIDDEN		= -4,	/* authenticated but not allowed: 403 */
	ERR_UNAUTHORIZED	= -5,	/* not logged in: 401 */
	ERR_PRECONDITION	= -6,	/* stale ETag: 412 */
	ERR_PRECONDITION_REQ	= -7,	/* If-Match missing: 428 */
	ERR_TOO_LARGE		= -8,	/* body or file too large: 413 */
	ERR_RATE_LIMITED	= -9,	/* 429 */
	ERR_UNSUPPORTED		= -10,	/* media type: 415 */
	ERR_DB			= -11,	/* storage failure: 500 */
	ERR_IO			= -12,	/* file system: 500 */
	ERR_INTERNAL		= -13,	/* a bug: 500 */
	ERR_BUSY		= -14	/* database locked too long: 503 */
};

struct err {
	int	code;		/* enum err_code */
	char	key[48];	/* machine-readable, e.g. "invalid_places" */
	char	field[64];	/* offending field or "" */
	char	msg[512];	/* Danish, for the user */
	int	line;		/* input line for file imports, 0 if none */
};

/* Reset e to "no error". e may be NULL. */
void	err_clear(struct err *e);
/*
 * Record an error (line reset to 0; file readers set it afterwards)
 * and return code, so callers can write
 * `return err_set(e, ERR_INVALID, "invalid_places", "places", "...")`.
 * e may be NULL (the code is still returned). field may be NULL.
 */
int	err_set(struct err *e, int code, const char *key, const char *field,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Default stable key for a code ("invalid", "not_found", ...). */
const char *err_code_key(int code);

#endif
