/*
 * csv — reading and writing CSV files as Danish Excel writes and reads
 * them.
 *
 * Reader: the whole input is parsed at once into an arena. The bytes may
 * be UTF-8 (with or without BOM) or Windows-1252; anything that is not
 * valid UTF-8 is taken as Windows-1252 and converted. The separator is
 * ';' or ',', whichever the header line uses more (outside quotes).
 * Quoting follows RFC 4180: a field in double quotes may hold separators,
 * line breaks and doubled quotes (""). Records end at CRLF, LF or CR.
 * Every record remembers the physical line it starts on, so errors can
 * name the line a user sees in an editor. Sizes are bounded before
 * anything grows: CSV_MAX_BYTES, CSV_MAX_ROWS, CSV_MAX_COLS and
 * CSV_MAX_FIELD.
 *
 * Writer: fields are quoted when they hold the separator, a quote, a line
 * break or white space at either end. Text cells get a formula-injection
 * guard: a text whose first character after any leading apostrophes is
 * one of = + - @ tab CR is written with one more apostrophe in front, so a
 * spreadsheet shows it as text. csv_unguard() removes exactly that
 * apostrophe again, which makes write-then-read an exact round trip.
 */
#ifndef RAMME_CSV_H
#define RAMME_CSV_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct buf;
struct err;

#define CSV_MAX_BYTES	(20u * 1024 * 1024)	/* input, before conversion */
#define CSV_MAX_ROWS	100000			/* records after the header */
#define CSV_MAX_COLS	200			/* fields in one record */
#define CSV_MAX_FIELD	10000			/* UTF-8 bytes in one field */

struct csv_field {
	char	*s;		/* NUL-terminated UTF-8, in the arena */
	bool	 quoted;	/* written in quotes: taken verbatim */
};

struct csv_record {
	int			 line;		/* physical line it starts on */
	int			 nfields;
	struct csv_field	*fields;	/* [nfields] */
};

struct csv {
	char			 sep;		/* ';' or ',' */
	bool			 cp1252;	/* was Windows-1252 */
	int			 nrecords;	/* records[0] is the header */
	struct csv_record	*records;
};

/*
 * Parse the CSV bytes data[0..len) into *out, allocating from a. Lines
 * that are completely empty are skipped. Returns 0; ERR_TOO_LARGE when
 * the input is over CSV_MAX_BYTES or has more than CSV_MAX_ROWS records;
 * ERR_INVALID for an empty file, NUL bytes, broken quoting, a record with
 * too many fields or a field over CSV_MAX_FIELD. e->line names the line
 * where the problem was found, when there is one; the message is Danish.
 */
int	 csv_parse(struct arena *a, const char *data, size_t len,
	    struct csv *out, struct err *e);

/*
 * Remove the formula guard from a text cell in place: one leading
 * apostrophe is dropped when the first character after the leading
 * apostrophes is = + - @ tab or CR. Returns s.
 */
char	*csv_unguard(char *s);

/* A CSV writer appending to a buffer the caller owns. */
struct csv_writer {
	struct buf	*out;		/* borrowed */
	char		 sep;		/* ';' or ',' */
	int		 col;		/* fields written in the current row */
};

/*
 * Start writing to out with separator sep; bom writes the UTF-8 byte
 * order mark first (Excel needs it to read UTF-8).
 */
void	 csv_writer_init(struct csv_writer *w, struct buf *out, char sep,
	    bool bom);
/* Write a text cell (with the formula guard). NULL writes an empty cell. */
void	 csv_write_text(struct csv_writer *w, const char *s);
/*
 * Write a cell verbatim but quoted as needed, for values a spreadsheet
 * may interpret: numbers, dates, codes. NULL writes an empty cell.
 */
void	 csv_write_value(struct csv_writer *w, const char *s);
/* End the current row with CRLF. */
void	 csv_end_row(struct csv_writer *w);

#endif
