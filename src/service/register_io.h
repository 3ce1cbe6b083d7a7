/*
 * register_io — the register in and out of files: organisations and
 * offers from CSV (any region's files, as Danish Excel writes them), the
 * offers out as CSV, JSON or XLSX, and the North Jutland demo data.
 *
 * Imports are all or nothing: every row is checked, every error is
 * collected with its line number, and nothing is stored unless all rows
 * are good. Each stored change is audited like any other change.
 */
#ifndef RAMME_REGISTER_IO_H
#define RAMME_REGISTER_IO_H

#include <stddef.h>
#include <stdio.h>

struct err;
struct svc;

#define REGISTER_IO_MAX_ERRORS	50	/* errors listed before giving up */

/* What an import did, or what is wrong with the file. */
struct register_io_report {
	int		 orgs;		/* organisations created or updated */
	int		 created;	/* offers created */
	int		 updated;	/* offers changed */
	int		 unchanged;	/* offers already as in the file */
	int		 nerrors;	/* rows with errors (nothing stored) */
	struct err	*errors;	/* [nerrors], in the svc arena; line set */
	int		 nwarnings;
	const char	**warnings;	/* Danish, e.g. a place count without year */
};

enum register_io_format {
	REGISTER_IO_CSV,	/* ; separated, UTF-8 with BOM, CRLF */
	REGISTER_IO_JSON,	/* {"offers":[...]} as in the API */
	REGISTER_IO_XLSX	/* one sheet, header row, places by year */
};

/*
 * Import offers from the CSV bytes data[0..len). dry_run checks only.
 * Returns 0, or ERR_INVALID with rep->errors listing every bad row
 * (e summarises), or another negative code.
 */
int	register_io_import_offers(struct svc *s, const char *data, size_t len,
	    int dry_run, struct register_io_report *rep, struct err *e);
/* Import organisations (code,name,kind,pop_YYYY...) the same way. */
int	register_io_import_orgs(struct svc *s, const char *data, size_t len,
	    int dry_run, struct register_io_report *rep, struct err *e);
/*
 * Write every live offer to out in format fmt. XLSX cannot stream to a
 * FILE: pass its path in xlsx_path instead (out is then unused).
 */
int	register_io_export_offers(struct svc *s, enum register_io_format fmt,
	    FILE *out, const char *xlsx_path, struct err *e);
/* Parse "csv", "json", "xlsx"; 0 or -1. */
int	register_io_format_parse(const char *name, enum register_io_format *out);
/*
 * Load the North Jutland demo data compiled into the binary
 * (data/nordjylland/*.csv) through the same importers. Loading it twice
 * changes nothing the second time.
 */
int	register_io_load_demo(struct svc *s, struct register_io_report *rep,
	    struct err *e);

#endif
