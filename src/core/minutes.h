/*
 * minutes — the pure parser that turns minutes exported as text (the
 * secretariat's Word/PDF minutes saved as plain text) into a structured
 * meeting: the header (body, time, place, participants, apologies,
 * referent, case and document numbers), every numbered item with its
 * section, background, recommendation, attachments and minutes, and
 * whatever could not be placed.
 *
 * Real exports vary, and the parser copes with what it can:
 *   - page headers and footers ("2/5", "Side 2 af 5", a line repeated
 *     next to every page number, "Click here to enter text.") are removed
 *     and reported as warnings;
 *   - words hyphenated across lines ("ram-" / "meaftale") are joined;
 *   - markdown heading marks ("## 3. Punkt", "**Referat**") are dropped;
 *   - an agenda list that precedes the minutes is kept apart (agenda)
 *     so items are not doubled;
 *   - an item quoted inside another item (in quotation marks, after ">",
 *     or numbered out of sequence) stays text of the item it is in.
 * Nothing is dropped silently: every non-blank line of the normalised
 * text ends up in a header field, an item field, the agenda, or
 * unplaced (with a warning naming its line).
 *
 * Pure: no I/O, no globals. Everything a parse produces is allocated from
 * the caller's arena and lives until arena_cleanup(); strings are UTF-8.
 */
#ifndef RAMME_MINUTES_H
#define RAMME_MINUTES_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct err;

#define MINUTES_MAX_BYTES	(5u * 1024u * 1024u)	/* input cap: 5 MiB */
#define MINUTES_MAX_ITEMS	200			/* items per meeting */
#define MINUTES_MAX_LINES	200000			/* input lines; real
							   minutes have a few
							   thousand */

/* A participant or an apology as the header lists it. */
struct minutes_person {
	const char	*name;		/* "Henrik Leth" */
	const char	*organisation;	/* "Morsø Kommune" as stated, or the
					   municipality the text pairs the
					   name with; NULL if unknown */
	const char	*note;		/* the rest of the parenthesis, e.g.
					   "formand", "Per Heitmann deltog i
					   stede for"; NULL */
};

/* One numbered item (punkt) of the meeting. */
struct minutes_item {
	int		  number;	/* as numbered; 0 for an unnumbered
					   item before item 1 */
	const char	 *title;	/* as written, without the number,
					   continuation lines joined, with
					   the presenter mark "(HETH)" */
	const char	 *presenter;	/* "HETH" from the title, or the name
					   in "X indleder punktet"; NULL */
	const char	 *section;	/* section heading as written, e.g.
					   "Sager til behandling"; NULL */
	const char	 *background;	/* sagsfremstilling; NULL if none */
	const char	 *recommendation; /* "Det indstilles, at …" or the
					   text under "Indstilling"; NULL */
	const char	**attachments;	/* names listed under "Bilag" */
	size_t		  nattachments;
	const char	 *minutes;	/* text under "Referat"/"Beslutning",
					   or a bare decision ("Godkendt");
					   NULL if none */
	bool		  closed;	/* marked "Lukket punkt" or in a
					   closed section */
	int		  line;		/* input line of the heading, 1-based */
};

/* Text the parser could not place, kept as written. */
struct minutes_block {
	int		 line;		/* input line where the block starts */
	const char	*text;		/* its lines joined by '\n' (blank
					   lines inside the block kept) */
};

/* Something the user should know about the import. */
struct minutes_warning {
	int		 line;		/* input line, 0 for the whole text */
	const char	*key;		/* stable, English snake_case */
	const char	*msg;		/* Danish, for the user */
};

/* One line of the normalised text. */
struct minutes_line {
	const char	*text;		/* trimmed; "" for a blank line */
	int		 line;		/* input line it comes from, 1-based */
};

struct minutes_doc {
	const char		 *title;	/* "Dagsorden til SOCDIR den 6.
						   marts 2014", else the Møde
						   field; NULL */
	const char		 *body;		/* body as written, e.g.
						   "Socialdirektørkredsen"; NULL */
	const char		 *body_key;	/* "socdir", "das", "fu", "kkr",
						   "kdk"; NULL if not known */
	const char		 *time_text;	/* the Tid field as written */
	const char		 *start;	/* local "2011-10-06T13:00", or
						   "2011-10-06" without a time;
						   NULL */
	const char		 *end;		/* likewise; NULL */
	const char		 *place;	/* Sted */
	struct minutes_person	 *participants;	/* Deltagere, in order */
	size_t			  nparticipants;
	struct minutes_person	 *apologies;	/* Afbud, in order */
	size_t			  napologies;
	const char		 *referent;
	const char		 *case_no;	/* Sagsnr., "2011-43820" */
	const char		 *doc_no;	/* Dok.nr., "2011-296084" */
	const char		**agenda;	/* agenda list that preceded the
						   minutes, entries as written
						   ("1. Godkendelse af …") */
	size_t			  nagenda;
	struct minutes_item	 *items;	/* in document order */
	size_t			  nitems;
	struct minutes_block	 *unplaced;	/* text nobody took */
	size_t			  nunplaced;
	struct minutes_warning	 *warnings;
	size_t			  nwarnings;
	const struct minutes_line *lines;	/* the normalised text */
	size_t			  nlines;
	const char		 *normalised;	/* lines joined by '\n' */
};

/*
 * Normalise minutes text without parsing it: check it (see
 * minutes_parse), split it into lines, remove page headers and footers,
 * markdown heading marks and placeholder text, and join words hyphenated
 * across lines. Fills out->lines, out->nlines, out->normalised and
 * out->warnings (what was removed); every other field is zeroed.
 * Returns 0 or a negative enum err_code as minutes_parse does.
 */
int		 minutes_normalise(struct arena *a, const char *text,
		    size_t len, struct minutes_doc *out, struct err *e);

/*
 * Parse the minutes text[0..len) into *out (zeroed first; all memory
 * from a). text need not be NUL-terminated.
 * Errors: ERR_INVALID "invalid_utf8" (e->line names the line) when text
 * is not UTF-8; ERR_INVALID "invalid_characters" for NUL bytes;
 * ERR_INVALID "empty_minutes" when there is no text; ERR_TOO_LARGE
 * "too_large" above MINUTES_MAX_BYTES, "too_many_lines" above
 * MINUTES_MAX_LINES lines and "too_many_items" above MINUTES_MAX_ITEMS
 * items. Text without recognisable items is not an
 * error: it is returned in unplaced with a warning.
 */
int		 minutes_parse(struct arena *a, const char *text, size_t len,
		    struct minutes_doc *out, struct err *e);

/*
 * A stable 64-bit fingerprint of the normalised content (FNV-1a over the
 * normalised text with every run of white space, line breaks included,
 * counted as one space). Equal for the same file, whatever its line ends
 * or wrapping; used so importing a file twice creates nothing new.
 * d must come from minutes_parse or minutes_normalise.
 */
uint64_t	 minutes_fingerprint(const struct minutes_doc *d);

/*
 * A new JSON object for d (caller owns the reference):
 *   { "title", "body", "start", "end", "place",
 *     "participants": [{"name", "organisation", "note"}], "apologies": […],
 *     "referent", "case_no", "doc_no",
 *     "items": [{"number", "title", "section", "recommendation",
 *                "minutes", "attachments": ["…"]}],
 *     "unplaced": [{"line", "text"}],
 *     "warnings": [{"line", "key", "message"}] }
 * Unknown values are null; an unnumbered item has "number": null.
 */
json_t		*minutes_to_json(const struct minutes_doc *d);

/*
 * Parse a Danish meeting time such as "6. oktober 2011, kl. 13.00-16.00",
 * "torsdag den 6. marts 2014 kl. 10-12" or "12.-13. juni 2014" into ISO
 * local date-times: start "2011-10-06T13:00", end "2011-10-06T16:00";
 * without a time the date alone ("2014-06-12"); end is "" when the text
 * names no end. Returns 0, or -1 when s holds no complete valid date.
 */
int		 minutes_parse_when(const char *s, char start[17],
		    char end[17]);

/*
 * The key of the body a name or title refers to: "socdir"
 * (Socialdirektørkredsen, SOCDIR), "das" (Den Administrative
 * Styregruppe), "fu" (Forretningsudvalget), "kkr" (KKR,
 * Kommunekontaktrådet), "kdk" (Kommunaldirektørkredsen); NULL if none.
 */
const char	*minutes_body_key(const char *s);

#endif
