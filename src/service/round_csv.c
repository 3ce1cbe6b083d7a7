/*
 * round_csv — the CSV import of service lines into a round (see
 * round_io.h): a header by name, every line checked, errors by line,
 * then the lines through the bulk import of service/round.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/round.h"
#include "core/tariff.h"
#include "report/csv.h"
#include "service/round.h"
#include "service/round_io.h"
#include "service/round_io_impl.h"
#include "service/svc.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/text.h"

/* ---- CSV import ------------------------------------------------------- */

enum ccol {
	CC_OFFER, CC_PARAGRAPH, CC_LEVEL, CC_UNIT, CC_PLACES, CC_DAYS,
	CC_MONTH_DAYS, CC_HOURS, CC_OCC, CC_HIST1, CC_HIST2, CC_WAGES,
	CC_PROPERTY, CC_OTHER, CC_OVERHEAD, CC_CAPITAL, CC_PENSION, CC_INCOME,
	CC_CARRY, CC_REASON, CC_REFERRED_FROM, CC_REFERRED_BEFORE, CC_COUNT
};

static const char *const ccol_names[CC_COUNT] = {
	"offer_id", "paragraph", "level", "unit", "places", "days",
	"month_days", "hours", "occupancy_pct", "hist1_pct", "hist2_pct",
	"wages_ore", "property_ore", "other_ore", "overhead_ore",
	"capital_ore", "pension_ore", "income_ore", "carry_over_ore", "reason",
	"referred_from", "referred_before",
};

static int csv_error(struct round_import_report *, int, const char *,
    const char *, ...) __attribute__((format(printf, 4, 5)));

static int
csv_error(struct round_import_report *rep, int line, const char *field,
    const char *fmt, ...)
{
	struct err	e;
	char		msg[400];
	va_list		ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	err_clear(&e);
	err_set(&e, ERR_INVALID, "invalid_value", field, "%s", msg);
	e.line = line;
	add_error(rep, &e);
	return -1;
}

int
round_io_import_csv(struct svc *s, int64_t round_id, const char *data,
    size_t len, unsigned flags, struct round_import_report *rep,
    struct err *e)
{
	struct csv		 c;
	struct round_import_row	*rows;
	int			 map[CC_COUNT], rc, i, k, f;
	size_t			 n = 0;
	bool			 bad_before = false;

	memset(rep, 0, sizeof(*rep));
	rep->errors = arena_calloc(s->arena, ROUND_IMPORT_ERRORS_MAX,
	    sizeof(*rep->errors));
	if ((rc = csv_parse(s->arena, data, len, &c, e)) != 0)
		return rc;
	for (k = 0; k < CC_COUNT; k++)
		map[k] = -1;
	for (f = 0; f < c.records[0].nfields; f++) {
		const char *h = text_trim(c.records[0].fields[f].s);

		for (k = 0; k < CC_COUNT; k++)
			if (strcmp(h, ccol_names[k]) == 0)
				break;
		if (k == CC_COUNT)
			return err_set(e, ERR_INVALID, "unknown_column", h,
			    "Ukendt kolonne i linje 1: %.60s", h);
		map[k] = f;
	}
	for (k = 0; k <= CC_OCC; k++)
		if (map[k] < 0 && k != CC_LEVEL && k != CC_DAYS &&
		    k != CC_MONTH_DAYS && k != CC_HOURS)
			return err_set(e, ERR_INVALID, "missing_column",
			    ccol_names[k], "Kolonnen %s "
			    "mangler", ccol_names[k]);
	rows = arena_calloc(s->arena, (size_t)c.nrecords, sizeof(*rows));
	for (i = 1; i < c.nrecords; i++) {
		const struct csv_record	*rec = &c.records[i];
		struct round_import_row	*row = &rows[n];
		struct service_line	*l = &row->line;
		const char		*v[CC_COUNT];
		int64_t			*num[CC_COUNT];
		int			 bad = 0;

		if (bad_before)
			memset(row, 0, sizeof(*row));
		bad_before = true;
		row->row = rec->line;
		for (k = 0; k < CC_COUNT; k++)
			v[k] = map[k] >= 0 && map[k] < rec->nfields ?
			    text_trim(rec->fields[map[k]].s) : "";
		memset(num, 0, sizeof(num));
		num[CC_DAYS] = &l->days;
		num[CC_MONTH_DAYS] = &l->month_days;
		num[CC_WAGES] = &l->costs.wages_ore;
		num[CC_PROPERTY] = &l->costs.property_ore;
		num[CC_OTHER] = &l->costs.other_ore;
		num[CC_OVERHEAD] = &l->costs.overhead_ore;
		num[CC_CAPITAL] = &l->costs.capital_ore;
		num[CC_PENSION] = &l->costs.pension_ore;
		num[CC_INCOME] = &l->income_ore;
		num[CC_CARRY] = &l->carry_over_ore;
		if (text_parse_i64(v[CC_OFFER], &row->offer_id) != 0)
			bad = csv_error(rep, rec->line, "offer_id", "offer_id "
			    "skal være et tilbudsnummer, ikke »%.40s«",
			    v[CC_OFFER]);
		l->paragraph = v[CC_PARAGRAPH];
		l->level = v[CC_LEVEL];
		l->reason = *v[CC_REASON] ? v[CC_REASON] : NULL;
		/* The dates are checked with the line (core/round). */
		l->referred_from = *v[CC_REFERRED_FROM] ?
		    v[CC_REFERRED_FROM] : NULL;
		l->referred_before = *v[CC_REFERRED_BEFORE] ?
		    v[CC_REFERRED_BEFORE] : NULL;
		if (round_io_unit_parse_da(v[CC_UNIT], &l->unit) != 0)
			bad = csv_error(rep, rec->line, "unit", "Ukendt enhed "
			    "»%.40s« (day, month, hour eller year)",
			    v[CC_UNIT]);
		for (k = 0; k < CC_COUNT; k++)
			if (num[k] != NULL && *v[k] &&
			    text_parse_i64(v[k], num[k]) != 0)
				bad = csv_error(rep, rec->line, ccol_names[k],
				    "Skal være et helt tal (øre eller dage), "
				    "ikke »%.40s«", v[k]);
		if (text_parse_centi(v[CC_PLACES], &l->places_centi) != 0)
			bad = csv_error(rep, rec->line, "places", "Pladser "
			    "skal "
			    "være et tal med højst to decimaler, ikke »%.40s«",
			    v[CC_PLACES]);
		if (*v[CC_HOURS] &&
		    text_parse_centi(v[CC_HOURS], &l->hours_centi) != 0)
			bad = csv_error(rep, rec->line, "hours", "Timer skal "
			    "være et tal med højst to decimaler, ikke »%.40s«",
			    v[CC_HOURS]);
		if (text_parse_centi(v[CC_OCC], &l->occupancy_bp) != 0)
			bad = csv_error(rep, rec->line, "occupancy_pct",
			    "Belægningen skal være en procent med højst to "
			    "decimaler, ikke »%.40s«", v[CC_OCC]);
		l->hist_bp[0] = l->hist_bp[1] = -1;
		for (k = 0; k < 2; k++)
			if (*v[CC_HIST1 + k] &&
			    text_parse_centi(v[CC_HIST1 + k],
			    &l->hist_bp[k]) != 0)
				bad = csv_error(rep, rec->line,
				    ccol_names[CC_HIST1 + k], "Belægningen "
				    "skal "
				    "være en procent, ikke »%.40s«",
				    v[CC_HIST1 + k]);
		if (bad == 0) {
			n++;
			bad_before = false;
		}
		if (rep->nerrors >= ROUND_IMPORT_ERRORS_MAX)
			break;
	}
	if (rep->nerrors > 0)
		return err_set(e, ERR_INVALID, "import_failed", NULL,
		    "%d fejl i filen; intet er gemt", rep->nerrors);
	return round_import_lines(s, round_id, rows, n, flags, rep, e);
}
