/*
 * tariff_fields — the fields of a tariff calculation as the pages show
 * them: one table of labels, hints and units shared by the service-line
 * form of a submission (page_line) and the calculator (page_calc), so
 * that both say the same thing in the same words (spec §3). It also
 * writes the unit choice, the fieldsets of the fields one unit needs, the
 * computed tariff as a facts list and the live region the preview script
 * (static/tariff-preview.js) fills while the user types.
 */
#ifndef RAMME_TARIFF_FIELDS_H
#define RAMME_TARIFF_FIELDS_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "core/tariff.h"

struct err;
struct html;
struct ui_errors;

/* How a field's value is typed. */
enum tariff_field_kind {
	TARIFF_FIELD_KR = 0,	/* kroner, "1.234.567,50" (text_parse_kr) */
	TARIFF_FIELD_DECIMAL,	/* a number with two decimals ("95,5") */
	TARIFF_FIELD_INT	/* a whole number */
};

/* One field of a tariff calculation. */
struct tariff_field {
	const char		*name;	/* form name, also the element id */
	const char		*label;	/* Danish label */
	const char		*hint;	/* help under the label, or NULL */
	const char		*suffix; /* "kr.", "%", "pladser", or NULL */
	enum tariff_field_kind	 kind;
	int			 unit;	/* the only unit (enum tariff_unit)
					   that reads the field, or -1: all */
};

/* The field named name, or NULL. */
const struct tariff_field *tariff_field_get(const char *name);
/*
 * The field named name as a kit field (ui_field) with value (NULL:
 * empty), its message from errors; required marks it so.
 */
void	tariff_field_input(struct html *h, const char *name,
	    const char *value, bool required, const struct ui_errors *errors);
/*
 * The unit as radio buttons named "unit" ("day", "month", "hour",
 * "year"), selected checked.
 */
void	tariff_fields_unit(struct html *h, enum tariff_unit selected,
	    const struct ui_errors *errors);
/*
 * The fieldsets of the fields only one unit reads (opening days, days in
 * the month, hours), each marked data-unit for the preview script, which
 * hides all but the chosen unit's; without JavaScript all are shown and
 * the server reads only the chosen unit's. values[] holds the current
 * values of "days", "month_days" and "hours" in that order (NULL: empty).
 */
void	tariff_fields_unit_sets(struct html *h, const char *const values[3],
	    const struct ui_errors *errors);
/*
 * The computed tariff as a facts list: the tariff per unit, the tariff
 * base and the exact tariff before rounding (exact: øre as text, or
 * NULL).
 */
void	tariff_fields_result(struct html *h, enum tariff_unit unit,
	    int64_t tariff_ore, int64_t base_ore, const char *exact);
/*
 * The live region the preview fills (id "takst-preview", aria-live
 * polite), with the preview script; preview_url is where the script
 * posts the form. The region holds what the server already computed, if
 * anything: write it between _begin and _end.
 */
void	tariff_fields_preview_begin(struct html *h, const char *preview_url);
void	tariff_fields_preview_end(struct html *h);
/*
 * The preview's answer when the tariff cannot be computed (yet) for e:
 * an info alert with e's message written to h, and the JSON error object
 * the caller adds h's markup to; *status becomes e's HTTP status unless
 * e is ERR_INVALID (incomplete input is an answer, not a failure).
 */
json_t	*tariff_fields_not_computable(struct html *h, const struct err *e,
	    int *status);

#endif
