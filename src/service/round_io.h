/*
 * round_io — tariff rounds to and from files: the XLSX template of an
 * operator's offers in a round (one row per service line, pre-filled) and
 * its upload back, the CSV of service lines for bulk import from the
 * command line, and the published tariff overview as CSV or XLSX.
 *
 * Uploads are all or nothing (round_import_lines): every problem is
 * reported with its row and cell ("Celle M5 i arket »Budget«: ...") and
 * nothing changes until the whole file is right.
 */
#ifndef RAMME_ROUND_IO_H
#define RAMME_ROUND_IO_H

#include <stddef.h>
#include <stdint.h>

#include "report/round_xlsx.h"
#include "service/round.h"

struct buf;
struct err;
struct svc;

#define ROUND_IO_SHEET	ROUND_XLSX_SHEET	/* the template's sheet */

/*
 * Write the template of round_id to the XLSX file at path: the
 * submissions the acting user may edit (an operator: its own; the
 * secretariat: those of operator_code, or all when it is NULL), one row
 * per service line with the computed tariff and warnings beside it, and
 * one empty row for an offer without lines.
 */
int	round_io_template(struct svc *s, int64_t round_id,
	    const char *operator_code, const char *path, struct err *e);
/*
 * The file name of the template of round r for operator_code (NULL: the
 * acting operator's own, or every operator for the secretariat), in the
 * arena: "takstindberetning-2028-runde-1-851.xlsx".
 */
const char *round_io_template_name(struct svc *s,
	    const struct tariff_round *r, const char *operator_code);
/*
 * Read an uploaded template (XLSX bytes data[0..len)) and replace the
 * lines of the offers in it (rows with only an offer number are left
 * out). The file must belong to the round (its hidden sheet names year
 * and round; ERR_INVALID "wrong_round" otherwise) and to the operator:
 * operator_code, or the acting operator's own organisation, or for the
 * secretariat without operator_code the operator the file names; every
 * row's offer must be that operator's. Percentages are read as shown
 * (0,95 in a percentage cell is 95 %) and a budgeted occupancy under the
 * year's occupancy_floor_bp is refused; amounts in text are read by
 * text_parse_kr(). On errors rep->errors lists all of them at once,
 * sorted by row and column, each with line = row and field = cell
 * reference, and nothing changes. On success rep says how many lines
 * were read and how many still need a reason.
 */
int	round_io_upload(struct svc *s, int64_t round_id,
	    const char *operator_code, const void *data, size_t len,
	    struct round_import_report *rep, struct err *e);
/*
 * Import service lines from CSV (data[0..len)) with the header
 *   offer_id;paragraph;level;unit;places;days;month_days;hours;
 *   occupancy_pct;hist1_pct;hist2_pct;wages_ore;property_ore;other_ore;
 *   overhead_ore;capital_ore;pension_ore;income_ore;carry_over_ore;reason
 * (offer_id, paragraph, unit, places and occupancy_pct required; other
 * columns may be left out). flags as for round_import_lines().
 */
int	round_io_import_csv(struct svc *s, int64_t round_id, const char *data,
	    size_t len, unsigned flags, struct round_import_report *rep,
	    struct err *e);
/* The published tariffs v[0..n) as CSV (semicolon, UTF-8 with BOM). */
void	round_io_tariffs_csv(struct svc *s, const struct published_tariff *v,
	    size_t n, struct buf *out);
/* The published tariffs v[0..n) as an XLSX file at path. */
int	round_io_tariffs_xlsx(struct svc *s, const struct published_tariff *v,
	    size_t n, const char *path, struct err *e);

#endif
