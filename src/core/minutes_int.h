/*
 * minutes_int — what the parts of the minutes parser share: the lines,
 * the parse context and the helpers each stage uses. Internal to
 * src/core/minutes*.c; see minutes.h for the interface and minutes.c
 * for the pipeline.
 */
#ifndef RAMME_MINUTES_INT_H
#define RAMME_MINUTES_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/minutes.h"

#define QUOTE_SPAN	30	/* non-blank lines a quotation may span */
#define NUM_MAX		999	/* highest item number recognised */
#define TITLE_LINES	3	/* continuation lines an item title may have */
#define NEAR_PAGE	2	/* lines of text either side of a page
				   number that may be a running header or
				   footer … */
#define NEAR_SPAN	8	/* … within this many lines */
#define EXCERPT		60	/* code points quoted in a warning */
#define JOINS_MAX	4	/* hyphenation joins into one line */

/* Who took a line. */
enum use {
	USE_NONE = 0,		/* nobody (yet) */
	USE_GONE,		/* removed or emptied by normalisation */
	USE_TITLE,		/* the document title */
	USE_HEADER,		/* a header field */
	USE_AGENDA,		/* the agenda list before the minutes */
	USE_SECTION,		/* a section heading */
	USE_HEADING,		/* an item heading or its continuation */
	USE_MARKER,		/* a label such as "Referat" (not text) */
	USE_ITEM,		/* text of an item field */
	USE_UNPLACED		/* reported in unplaced */
};

struct line {
	char		*s;	/* trimmed text, "" when blank */
	size_t		 len;	/* bytes in s */
	int		 no;	/* input line, 1-based */
	bool		 shy;	/* ended in a soft hyphen */
	bool		 quoted; /* inside a quotation: no item, no marker */
	enum use	 use;
};

/* Marker lines that start a field of an item. */
enum mark {
	MARK_NONE = 0,
	MARK_BACKGROUND,	/* "Sagsfremstilling", "Baggrund" */
	MARK_RECOMMENDATION,	/* "Indstilling" */
	MARK_ATTACHMENTS,	/* "Bilag" */
	MARK_MINUTES,		/* "Referat", "Beslutning" */
	MARK_CLOSED		/* "Lukket punkt" */
};

enum field {
	F_BACKGROUND,
	F_RECOMMENDATION,
	F_ATTACHMENTS,
	F_MINUTES,
	F_COUNT
};

/* Header fields by their label. */
enum hfield {
	H_NONE = -1,
	H_MEETING,		/* Møde */
	H_TIME,			/* Tid */
	H_PLACE,		/* Sted */
	H_PARTICIPANTS,		/* Deltagere */
	H_APOLOGIES,		/* Afbud */
	H_REFERENT,		/* Referent */
	H_CASEDOC,		/* Sagsnr./Dok.nr. */
	H_CASE,			/* Sagsnr. */
	H_DOC			/* Dok.nr. */
};

/* A numbered heading. */
struct head {
	size_t		 i;	/* line index */
	int		 num;	/* item number */
	const char	*title;	/* text after the number, in the line */
	const char	*section; /* section it is in, NULL */
};

/* Lines of one field; NULL entries stand for blank lines. */
struct segs {
	const char	**v;
	size_t		  n;
	size_t		  cap;
};

struct ctx {
	struct arena		*a;
	struct minutes_doc	*d;
	struct line		*l;		/* all lines, gone ones too */
	size_t			 n;
	size_t			 wrap;		/* typical line width */
	size_t			 cap_warnings;
	size_t			 cap_participants;
	size_t			 cap_apologies;
	size_t			 cap_unplaced;
	size_t			 cap_agenda;
	bool			 has_minutes;	/* some "Referat" marker */
	const char		*meeting;	/* the Møde field */
};


extern const char *const mn_municipalities[];
extern const char *const mn_month_names[12];
extern const char *const mn_month_abbrevs[12];

/* Characters, strings and what a line is (minutes_text.c) */
uint32_t	mn_cp_at(const char *s, size_t *n);
uint32_t	mn_cp_before(const char *s, size_t i, size_t *start);
bool	mn_is_upper(uint32_t c);
bool	mn_is_lower(uint32_t c);
bool	mn_is_alpha(uint32_t c);
bool	mn_is_digit(int c);
bool	mn_word_end(const char *p);
const char	*mn_prefix_ci(const char *s, const char *w);
const char	*mn_word_ci(const char *s, const char *w);
bool	mn_contains_ci(const char *s, const char *w);
bool	mn_contains_word_ci(const char *s, const char *w);
const char	*mn_skip_spaces(const char *p);
char	*mn_dup_trim(struct arena *a, const char *s, size_t n);
size_t	mn_width(const char *s);
const char	*mn_excerpt(struct arena *a, const char *s, size_t max);
void	*mn_grow(struct arena *a, void *v, size_t n, size_t *cap, size_t size);
void	mn_warn(struct ctx *c, int line, const char *key,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void	mn_seg_push(struct ctx *c, struct segs *s, const char *text);
const char	*mn_reflow(struct ctx *c, const struct segs *s);
enum mark	mn_mark_of(const char *s, const char **inl);
bool	mn_is_part_marker(const char *s);
enum hfield	mn_label_of(const char *s, const char **val);
int	mn_month_at(const char *p, const char **after);
bool	mn_heading_of(const char *s, int *num, const char **title);
bool	mn_is_section(const char *s);
bool	mn_is_structural(const char *s);

/* 1. Normalisation (minutes_normal.c) */
bool	mn_digits(const char **p, long *v);
int	mn_normalise(struct ctx *c, const char *text, size_t len,
		    struct err *e);

/* Markup (minutes_markup.c) */
/* True if text[0..len) looks like HTML. */
bool	mn_is_html(const char *text, size_t len);
/* The text of HTML text[0..len) in a, its length in *outlen. */
char	*mn_unhtml(struct arena *a, const char *text, size_t len,
	    size_t *outlen);
/* Remove markdown bullets before headings and bold marks from the line
   s in place; returns its new length. */
size_t	mn_unmarkdown(char *s);
/* A header table read column by column (three or more bare labels, then
   as many values): each label joined with its value on the label's
   line, the value lines gone. */
void	mn_join_label_column(struct ctx *c);

/* 2./3./5./6. Quotations, item headings and items (minutes_items.c) */
void	mn_mark_quotes(struct ctx *c);
int	mn_find_heads(struct ctx *c, struct head **out, size_t *nout,
		    const char **asect, struct err *e);
void	mn_parse_item(struct ctx *c, struct minutes_item *it, size_t
		    from, size_t to);
void	mn_numbered_item(struct ctx *c, struct minutes_item *it, const
		    struct head *h, size_t to);
bool	mn_is_doc_title(const char *s);
bool	mn_pre_items(struct ctx *c, size_t hdr_end, size_t limit,
		    struct minutes_item *it);

/* 4. Header (minutes_header.c) */
bool	mn_municipality_at(const char *p, const char **after);
size_t	mn_find_header(struct ctx *c, size_t limit);

/* 7. Unplaced text and inferences (minutes.c) */
void	mn_collect_unplaced(struct ctx *c);
void	mn_check_agenda(struct ctx *c);
void	mn_infer_org(struct ctx *c, struct minutes_person *p, int *count);
void	mn_settle_body(struct ctx *c);

#endif
