/*
 * ui — the component kit of ramme's pages: DKFDS (Det Fælles
 * Designsystem) markup for form fields, error summaries, alerts, badges,
 * buttons, tables, pagers, facts, tabs, accordions and confirmation steps.
 *
 * Every function writes through struct html, so every text and attribute
 * is escaped; a page never writes a DKFDS class by hand for what the kit
 * covers. Options are small structs meant for designated initializers:
 *
 *	ui_field(h, &(struct ui_field){ .name = "name", .label = "Navn",
 *	    .value = o->name, .required = true, .maxlength = 200 }, &errs);
 *
 * Zeroed fields mean "none" or the default. Strings are borrowed for the
 * call only (struct ui_errors and struct ui_table keep their pointers).
 * Every page works without JavaScript: accordions are <details>, tabs
 * are links, confirmations are a page with a form.
 */
#ifndef RAMME_UI_H
#define RAMME_UI_H

#include <stdbool.h>
#include <stdint.h>

struct html;
struct http_req;
struct page;
struct err;

/* ---- errors of a form ----------------------------------------------- */

#define UI_ERRORS_MAX	32

/*
 * The messages of a form that did not validate, by field name. Fields
 * look their message up here (by ui_field.name), and ui_error_summary()
 * lists them all, each linking to its field. The strings must live as
 * long as the struct (request arena or literals).
 */
struct ui_errors {
	int	 n;			/* entries used */
	struct {
		const char	*field;	/* field name (and id); NULL: the
					   form as a whole */
		const char	*msg;	/* Danish message */
	} e[UI_ERRORS_MAX];
};

/* Empty e. */
void		 ui_errors_init(struct ui_errors *e);
/* Add msg for field (NULL: the form); beyond UI_ERRORS_MAX ignored. */
void		 ui_errors_add(struct ui_errors *e, const char *field,
		    const char *msg);
/*
 * Add the message of a service error (its field, or none); the text is
 * copied into r's arena, so err may be reused.
 */
void		 ui_errors_add_err(struct ui_errors *e, struct http_req *r,
		    const struct err *err);
/* The message for field, or NULL; e may be NULL. */
const char	*ui_errors_get(const struct ui_errors *e, const char *field);
/*
 * The error summary at the top of a form ("Der er fejl i formularen"),
 * each message a link to #field; nothing when e is NULL or empty.
 */
void		 ui_error_summary(struct html *h, const struct ui_errors *e);

/* ---- form fields ---------------------------------------------------- */

enum ui_input {
	UI_TEXT = 0,	/* <input type="text"> */
	UI_NUMBER,	/* text with inputmode="numeric" (Danish "1.234,5"
			   does not fit type="number") */
	UI_DATE,	/* <input type="date">, ISO value */
	UI_EMAIL,
	UI_PASSWORD,
	UI_TEXTAREA,
	UI_DATETIME,	/* <input type="datetime-local">, local
			   "2026-03-06T10:00" */
	UI_SEARCH,	/* <input type="search"> */
	UI_FILE		/* <input type="file">; accept from ui_field.accept;
			   the form needs enctype="multipart/form-data" */
};

/*
 * One labelled field in a .form-group. Its message (error, else
 * errors[name]) is shown under the label, the group marked .form-error,
 * and the input bound to hint and message with aria-describedby
 * ("ID-hint ID-error").
 */
struct ui_field {
	const char	*name;		/* form name; also the id unless id */
	const char	*id;		/* element id, or NULL: name */
	const char	*label;		/* visible label */
	const char	*hint;		/* help under the label, or NULL */
	const char	*value;		/* current value, or NULL: empty */
	enum ui_input	 type;		/* UI_TEXT by default */
	const char	*error;		/* message, or NULL: from errors */
	int		 maxlength;	/* characters; 0: no limit */
	bool		 required;
	const char	*inputmode;	/* "numeric", "decimal", or NULL (UI_NUMBER
					   sets "decimal") */
	const char	*suffix;	/* unit after the input: "kr.", "%",
					   "pladser", or NULL */
	const char	*width;		/* "xxs", "xs", "s", "m", "l", "xl"
					   (input-width-*), or NULL: full */
	const char	*autocomplete;	/* "username", "current-password", … */
	int		 rows;		/* UI_TEXTAREA: rows; 0: 4 */
	const char	*accept;	/* UI_FILE: ".pdf,.docx", or NULL */
	bool		 multiple;	/* UI_FILE: several files at once */
};

void		 ui_field(struct html *h, const struct ui_field *f,
		    const struct ui_errors *errors);

/* A value and its label, for selects and radio groups. */
struct ui_option {
	const char	*value;
	const char	*label;
};

/*
 * A labelled <select>. Options come from options[0..noptions) and/or
 * ui_option() calls between ui_select_begin() and ui_select_end().
 * first, when set, is an option with the empty value before the others
 * ("Alle", "Vælg …"), selected when selected is NULL or "".
 */
struct ui_select {
	const char		*name;		/* also the id unless id */
	const char		*id;
	const char		*label;
	const char		*hint;
	const char		*selected;	/* value selected, or NULL */
	const char		*first;		/* "Alle", or NULL: none */
	const char		*error;		/* or NULL: from errors */
	bool			 required;
	const char		*width;		/* as ui_field.width */
	const struct ui_option	*options;	/* may be NULL */
	int			 noptions;
};

/* The whole select from s->options. */
void		 ui_select(struct html *h, const struct ui_select *s,
		    const struct ui_errors *errors);
/* Label, hint, message, <select> and first; then ui_option()s. */
void		 ui_select_begin(struct html *h, const struct ui_select *s,
		    const struct ui_errors *errors);
/* One <option>, selected when value equals selected (NULL: never). */
void		 ui_option(struct html *h, const char *value, const char *label,
		    const char *selected);
/* Close the select and its group. */
void		 ui_select_end(struct html *h);

/* A single checkbox (DKFDS .form-checkbox) with an optional hint. */
struct ui_check {
	const char	*name;
	const char	*id;		/* or NULL: name */
	const char	*label;
	const char	*hint;
	const char	*value;		/* submitted when checked; NULL: "1" */
	bool		 checked;
};

void		 ui_checkbox(struct html *h, const struct ui_check *c);

/* A group of radio buttons in a fieldset; ids are NAME-1, NAME-2, … */
struct ui_radios {
	const char		*name;
	const char		*legend;	/* the question */
	const char		*hint;
	const char		*selected;	/* value checked, or NULL */
	const char		*error;		/* or NULL: from errors */
	const struct ui_option	*options;
	int			 noptions;
};

void		 ui_radios(struct html *h, const struct ui_radios *g,
		    const struct ui_errors *errors);

/* ---- messages, states, actions ---------------------------------------- */

enum ui_tone {
	UI_INFO = 0,
	UI_SUCCESS,
	UI_WARNING,
	UI_ERROR,
	UI_NEUTRAL	/* badges only: a plain badge */
};

/*
 * An alert (.alert-info/-success/-warning/-error) with an optional
 * heading; errors are role="alert", the others role="status".
 */
void		 ui_alert(struct html *h, enum ui_tone tone,
		    const char *heading, const char *text);
/* The same, for richer content: ui_alert_begin(), markup, ui_alert_end(). */
void		 ui_alert_begin(struct html *h, enum ui_tone tone,
		    const char *heading);
void		 ui_alert_end(struct html *h);

/* A state label: "Kladde", "Indsendt", "Godkendt", "Sendt retur". */
void		 ui_badge(struct html *h, enum ui_tone tone, const char *label);

enum ui_button {
	UI_PRIMARY = 0,	/* the one main action of a form */
	UI_SECONDARY,
	UI_TERTIARY,
	UI_WARNING_BUTTON /* irreversible: delete, cancel a meeting */
};

/* A submit button; name/value may be NULL. */
void		 ui_button(struct html *h, enum ui_button kind,
		    const char *label, const char *name, const char *value);
/* A link that looks like a button. */
void		 ui_button_link(struct html *h, enum ui_button kind,
		    const char *href, const char *label);
/* A DKFDS icon from the sprite, decorative (aria-hidden): "menu", … */
void		 ui_icon(struct html *h, const char *name);

/* ---- tables --------------------------------------------------------- */

#define UI_COLS_MAX	16

enum ui_col_flag {
	UI_COL_NUM	= 1u << 0	/* right-aligned tabular figures */
};

/* A column: its head and flags. */
struct ui_col {
	const char	*head;
	unsigned	 flags;		/* enum ui_col_flag */
};

/*
 * A table being written: .table--zebra in a scroll container, with
 * responsive headers (on a phone each row stacks as "head: value"
 * because every cell carries data-title). Cells are written in column
 * order after ui_row().
 */
struct ui_table {
	struct html		*h;
	const struct ui_col	*cols;	/* borrowed until ui_table_end() */
	int			 ncols;	/* ≤ UI_COLS_MAX */
	int			 col;	/* next cell's column */
	bool			 in_row;
};

/* Open the table with an optional caption (NULL) and the column heads. */
void		 ui_table_begin(struct ui_table *t, struct html *h,
		    const char *caption, const struct ui_col *cols, int ncols);
/* Start a row (closing the previous one). */
void		 ui_row(struct ui_table *t);
/* A cell of text. */
void		 ui_cell(struct ui_table *t, const char *text);
/* A cell with an integer in Danish format ("217.075"). */
void		 ui_cell_int(struct ui_table *t, int64_t v);
/* A cell with a link. */
void		 ui_cell_link(struct ui_table *t, const char *href,
		    const char *text);
/* A cell of any markup: ui_cell_begin(), write, ui_cell_end(). */
void		 ui_cell_begin(struct ui_table *t);
void		 ui_cell_end(struct ui_table *t);
/* Close row, body, table and container. */
void		 ui_table_end(struct ui_table *t);

/* ---- navigation and structure -------------------------------------- */

/*
 * DKFDS pagination: "Side 2 af 7" with previous/next and page numbers.
 * href is the page's URL with its query and without the page parameter
 * ("/tilbud?q=bo" or "/tilbud"); param names the page parameter ("side"
 * → "/tilbud?q=bo&side=3"). Nothing when pages ≤ 1.
 */
void		 ui_pager(struct html *h, struct http_req *r, const char *href,
		    const char *param, int page, int pages);

/* A facts list (<dl>): term and value pairs, label-first on a phone. */
void		 ui_facts_begin(struct html *h);
/* One fact; an empty or NULL value shows "–". */
void		 ui_fact(struct html *h, const char *term, const char *value);
/* A fact whose value is markup: ui_fact_begin(), write, ui_fact_end(). */
void		 ui_fact_begin(struct html *h, const char *term);
void		 ui_fact_end(struct html *h);
/* A fact whose value is the date iso ("2026-03-06"), as html_date(). */
void		 ui_fact_date(struct html *h, const char *term,
		    const char *iso);
void		 ui_facts_end(struct html *h);

/* A sub-page link for tabs. */
struct ui_tab {
	const char	*href;
	const char	*label;
};

/* Tab navigation between sub-pages; tabs[current] is marked. */
void		 ui_tabs(struct html *h, const char *label,
		    const struct ui_tab *tabs, int ntabs, int current);

/*
 * An accordion section as <details> (opens without JavaScript):
 * ui_accordion_begin(h, "Vis beregning", false), content,
 * ui_accordion_end(h).
 */
void		 ui_accordion_begin(struct html *h, const char *heading,
		    bool open);
void		 ui_accordion_end(struct html *h);

/* ---- confirmation step ---------------------------------------------- */

/*
 * A confirmation of an irreversible action, without JavaScript: the
 * handler of the POST, when ui_confirmed(r) is false, renders this page
 * instead of acting. It says what will happen (heading, text, the
 * consequences as a list), re-posts every field of the original form as
 * hidden inputs with confirm=1 and the CSRF token to action (never a file
 * and never a field whose name contains "password": no password is
 * written into a page), and offers
 * the button and a "Fortryd" link back to cancel_href.
 */
struct ui_confirm {
	const char		*heading;	/* "Slet tilbuddet?" */
	const char		*text;		/* what will happen */
	const char *const	*consequences;	/* list items, or NULL */
	int			 nconsequences;
	const char		*action;	/* URL the form posts to */
	const char		*button;	/* "Slet tilbud" */
	bool			 warning;	/* warning button (deletes) */
	const char		*cancel_href;	/* "Fortryd" goes here */
};

/* The confirmation section, written into the page p. */
void		 ui_confirm(struct page *p, const struct ui_confirm *c);
/* True when the posted form carries confirm=1. */
bool		 ui_confirmed(struct http_req *r);

/* ---- text ----------------------------------------------------------- */

/*
 * v with Danish thousands separators ("12.345") as text in r's arena,
 * for messages put together with arena_printf.
 */
const char	*ui_int_da(struct http_req *r, int64_t v);

#endif
