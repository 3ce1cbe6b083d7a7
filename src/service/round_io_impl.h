/*
 * round_io_impl — what the parts of service/round_io share: whom a
 * template or an upload is for, the list of an import's errors, and the
 * names of tariff units in Danish. Private to src/service/round_io.c,
 * round_csv.c and round_export.c; see round_io.h for the interface.
 */
#ifndef RAMME_ROUND_IO_IMPL_H
#define RAMME_ROUND_IO_IMPL_H

#include <stdbool.h>

#include "core/role.h"
#include "core/tariff.h"
#include "service/round.h"
#include "service/svc.h"
#include "util/err.h"

/* The operator a template or upload is for: the given code, an
 * operator's own organisation, or "" (the secretariat: every one). */
static inline const char *
operator_of(struct svc *s, const char *operator_code)
{
	if (operator_code != NULL && *operator_code != '\0')
		return operator_code;
	if (s->who->role == ROLE_OPERATOR && s->who->org_code != NULL)
		return s->who->org_code;
	return "";
}


/* Collect one error; false once the list is full. */
static inline bool
add_error(struct round_import_report *rep, const struct err *e)
{
	if (rep->nerrors >= ROUND_IMPORT_ERRORS_MAX)
		return false;
	rep->errors[rep->nerrors++] = *e;
	return true;
}

/*
 * A tariff unit by its API name or in Danish ("døgn", "dag", "måned",
 * "time", "år", "døgntakst" ...) into *out; 0, or -1 when unknown.
 */
int	round_io_unit_parse_da(const char *u, enum tariff_unit *out);

#endif
