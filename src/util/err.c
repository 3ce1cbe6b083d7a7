/*
 * err — error records (see err.h).
 */
#include <stdio.h>
#include <string.h>

#include "util/err.h"

void
err_clear(struct err *e)
{
	if (e == NULL)
		return;
	memset(e, 0, sizeof(*e));
}

int
err_set(struct err *e, int code, const char *key, const char *field,
    const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return code;
	e->code = code;
	e->line = 0;
	snprintf(e->key, sizeof(e->key), "%s", key ? key : err_code_key(code));
	snprintf(e->field, sizeof(e->field), "%s", field ? field : "");
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return code;
}

const char *
err_code_key(int code)
{
	switch (code) {
	case ERR_OK:			return "ok";
	case ERR_INVALID:		return "invalid";
	case ERR_NOT_FOUND:		return "not_found";
	case ERR_CONFLICT:		return "conflict";
	case ERR_FORBIDDEN:		return "forbidden";
	case ERR_UNAUTHORIZED:		return "unauthorized";
	case ERR_PRECONDITION:		return "precondition_failed";
	case ERR_PRECONDITION_REQ:	return "precondition_required";
	case ERR_TOO_LARGE:		return "too_large";
	case ERR_RATE_LIMITED:		return "rate_limited";
	case ERR_UNSUPPORTED:		return "unsupported_media_type";
	case ERR_DB:			return "database_error";
	case ERR_IO:			return "io_error";
	case ERR_BUSY:			return "busy";
	default:			return "internal_error";
	}
}
