/*
 * indmelding_io — the files of the yearly submissions: a submission's
 * XLSX template (one row per offer; for a municipality also a sheet of
 * its target groups with a 1–5 dropdown) and its upload (errors by
 * sheet, row and cell, all or nothing), the compiled status report as XLSX and PDF, and
 * the one step that puts the report with the hearing's comments on the
 * next DAS meeting (an item with a summary and the report as PDF).
 */
#ifndef RAMME_INDMELDING_IO_H
#define RAMME_INDMELDING_IO_H

#include <stddef.h>
#include <stdint.h>

struct buf;
struct err;
struct ind_import_report;
struct ind_report;
struct svc;

#define IND_IO_SHEET	"Indmelding"	/* the template's sheet */
#define IND_IO_FITS	"Målgrupper"	/* a municipality's second sheet:
					   per target group the fit 1–5 and
					   what is missing, then the wishes
					   for new offers */

/* Write the template of submission sub_id (its party or admin) to path. */
int	ind_io_template(struct svc *s, int64_t sub_id, const char *path,
	    struct err *e);
/*
 * Read a filled template (data[0..len)) into submission sub_id, all or
 * nothing: the lines, and for a municipality the sheet IND_IO_FITS when
 * the file has it (without it the fits stay as they are). On errors
 * rep->errors lists them with field the cell ("D4"; "Målgrupper!B5" on
 * the second sheet) and line the row, and ERR_INVALID is returned;
 * nothing changes.
 */
int	ind_io_upload(struct svc *s, int64_t sub_id, const void *data,
	    size_t len, struct ind_import_report *rep, struct err *e);
/* The status report r as XLSX at path: one row per offer and a total. */
int	ind_io_report_xlsx(struct svc *s, const struct ind_report *r,
	    const char *path, struct err *e);
/* The status report of year_id as PDF appended to out (ind_report()). */
int	ind_io_report_pdf(struct svc *s, int64_t year_id, struct buf *out,
	    struct err *e);
/*
 * Put the report of year_id (in hearing; the secretariat) on the next DAS
 * meeting: an item "Statusbillede YEAR" under Sager til behandling with
 * the totals, the flagged offers and the comments as background, and
 * the report as PDF attached; the year becomes done. If a step fails
 * the item made is deleted again. *meeting_id, *item_id receive them.
 */
int	ind_io_agenda(struct svc *s, int64_t year_id, int64_t expected_version,
	    int64_t *meeting_id, int64_t *item_id, struct err *e);

#endif
