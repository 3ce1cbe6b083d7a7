/*
 * register_io — the register in and out of files: organisations and
 * offers from CSV (any region's files, as Danish Excel writes them), the
 * offers out as CSV, JSON or XLSX, and the North Jutland demo data.
 *
 * Imports are all or nothing: every row is checked, every error is
 * collected with its line number, and nothing is stored unless all rows
 * are good. Each stored change goes through the register's own create
 * and update functions, so it is checked and audited like any other.
 *
 * Offers files. Columns are matched by header name, trimmed and without
 * regard to case: id, name, operator_code, location_code, kind,
 * paragraphs ("SEL §§ 67 and 107" is two), target_groups or target_group
 * (several separated by "|"), covered (ja/nej, true/false, yes/no, 1/0;
 * empty is no), category, status (empty is active), opened_on,
 * status_from (ISO or Danish dates), tilbudsportal_id, note or
 * status_note, source, places_YYYY (decimals with ',' or '.'), and the
 * pair places + places_year. A place count without a year is never given
 * one: it is written into the note ("Pladser: N (år ikke oplyst i
 * kilden)") with a warning. version and updated_at are ignored; any other
 * column is an error. Empty cells are empty fields.
 *
 * Which offer a row means: a row with an id updates that offer (an id
 * that does not exist is an error). A row without an id updates the live
 * offer with the same case-folded name and operator, if there is one, and
 * creates an offer otherwise. So importing a file twice, or an export
 * without its ids, creates no duplicates. Two rows for the same offer in
 * one file are an error naming both lines. An update that would change
 * nothing writes nothing and counts as unchanged. Columns missing from
 * the file leave an updated offer's fields as stored; a places_YYYY
 * column replaces only its own year.
 *
 * Organisations files: code, name, kind (kommune, region, private),
 * pop_YYYY (whole numbers) and source (accepted, not stored).
 *
 * The CSV export is what the offers import reads: an exact round trip,
 * including the apostrophe that keeps spreadsheets from running text
 * that starts with = + - @ as a formula (see report/csv.h).
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
 * Import offers from the CSV bytes data[0..len) (rules above). With
 * dry_run everything is checked and counted, then rolled back. Returns 0;
 * ERR_INVALID with rep->errors listing the bad rows (at most
 * REGISTER_IO_MAX_ERRORS) and e summarising; ERR_TOO_LARGE for a file
 * over the caps of report/csv.h; or another negative code (database).
 * rep is filled in every case.
 */
int	register_io_import_offers(struct svc *s, const char *data, size_t len,
	    int dry_run, struct register_io_report *rep, struct err *e);
/* Import organisations (code,name,kind,pop_YYYY...) the same way. */
int	register_io_import_orgs(struct svc *s, const char *data, size_t len,
	    int dry_run, struct register_io_report *rep, struct err *e);
/*
 * Write every live offer to out in format fmt. XLSX cannot stream to a
 * FILE: pass its path in xlsx_path instead (out is then unused). CSV and
 * XLSX have the columns id;name;operator_code;location_code;kind;
 * paragraphs;target_groups;covered;category;status;opened_on;
 * status_from;tilbudsportal_id;note;source and one places_YYYY per year
 * that any offer has places for, ascending. Returns 0, ERR_IO when the
 * file cannot be written, or another negative code.
 */
int	register_io_export_offers(struct svc *s, enum register_io_format fmt,
	    FILE *out, const char *xlsx_path, struct err *e);
/*
 * Write every live offer for people to read, to out (CSV) or xlsx_path
 * (XLSX): Danish headers, organisation names instead of codes, "Ja" /
 * "Nej", tilbudstype and status in Danish, one "Pladser ÅÅÅÅ" column per
 * year; dates are date cells in a Danish format in XLSX and "05-12-2026"
 * in CSV. The import does not read it back: that is what
 * register_io_export_offers writes. JSON is ERR_INVALID; otherwise
 * returns as register_io_export_offers.
 */
int	register_io_export_offers_da(struct svc *s,
	    enum register_io_format fmt, FILE *out, const char *xlsx_path,
	    struct err *e);
/* Parse "csv", "json", "xlsx"; 0 or -1. */
int	register_io_format_parse(const char *name, enum register_io_format *out);
/*
 * Load the North Jutland demo data compiled into the binary (the CSV
 * files in data/nordjylland) through the same importers, organisations
 * then offers, in one transaction. Loading it twice changes nothing the
 * second time.
 */
int	register_io_load_demo(struct svc *s, struct register_io_report *rep,
	    struct err *e);

#endif
