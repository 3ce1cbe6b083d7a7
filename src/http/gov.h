/*
 * gov — what the governance pages share (page_meeting.c, page_item.c,
 * page_body.c, page_search.c, page_import.c, page_publish.c): reading
 * form fields and path ids, the Danish time of a meeting, text with its
 * line breaks, the flash message after a redirect, the options of the
 * selects (bodies, organisations, sections, decisions), a one-button
 * form, the follow-up table, a meeting's state as a badge, and the
 * meeting view a page and the PDF both read.
 *
 * Everything is written through struct html and the kit (http/ui.h);
 * strings returned live in the request's arena.
 */
#ifndef RAMME_GOV_H
#define RAMME_GOV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/meeting.h"
#include "http/ui.h"

struct err;
struct follow_up;
struct html;
struct http_req;
struct meeting_view;
struct page;
struct page_crumb;


/* A form field, NULL when missing or blank (leading blanks skipped). */
const char	*gov_field(struct http_req *r, const char *name);
/* A form field as text, CRLF turned into LF and trimmed, or NULL. */
const char	*gov_field_text(struct http_req *r, const char *name);
/* A positive id from s; 0 when s is NULL or not a positive integer. */
int64_t		 gov_id(const char *s);
/* id as decimal text. */
const char	*gov_idtxt(struct http_req *r, int64_t id);
/*
 * The value of a <input type="datetime-local"> field without seconds
 * ("2026-03-06T10:00"), as the meeting times are stored; NULL if blank.
 */
const char	*gov_time_field(struct http_req *r, const char *name);
/*
 * "6. marts 2026, kl. 10.00–12.00" of a meeting's local times
 * (start/end "2026-03-06T10:00" or a date; end may be NULL); "Ikke
 * oplyst" without start.
 */
void		 gov_when(struct html *h, const char *start, const char *end);
/* Text with line breaks kept: <p> per paragraph, <br> per line. */
void		 gov_paragraphs(struct html *h, const char *s);
/* The success alert for the query's besked=KEY, if KEY is known. */
void		 gov_flash(struct page *p);
/* Check the query string against allowed; else answer 400, false. */
bool		 gov_query_ok(struct http_req *r, const char *const *allowed);
/* Path parameter 0 as an id into *id; else answer 404, false. */
bool		 gov_path_id(struct http_req *r, int64_t *id);

/* The bodies as select options ("Navn (KORT)"), *n of them. */
const struct ui_option *gov_body_options(struct http_req *r, int *n);
/* Organisations by code and name; kommune_only: municipalities only. */
const struct ui_option *gov_org_options(struct http_req *r,
		    bool kommune_only, int *n);
/* The item sections in agenda order (six). */
const struct ui_option *gov_section_options(int *n);
/* The decisions (results) without "none". */
const struct ui_option *gov_result_options(int *n);
/* A meeting's state as a badge. */
void		 gov_state_badge(struct html *h, enum meeting_state s);
/*
 * A decision as a badge ("Godkendt", "Afvist"), from its label as in
 * minutes ("godkendt", "taget til efterretning"); unknown text as text.
 */
void		 gov_result_badge(struct html *h, const char *label);
/* A follow-up's status (aaben, i_gang, lukket) as a badge. */
void		 gov_follow_up_badge(struct html *h, const char *status);

/*
 * A small form posting to action with one button (and one hidden
 * name=value when name is not NULL).
 */
void		 gov_button_form(struct page *p, const char *action,
		    const char *label, const char *name, const char *value,
		    enum ui_button kind);
/*
 * After a POST: redirect to path?besked=key when rc is 0, else the
 * error page for e.
 */
void		 gov_done(struct http_req *r, int rc, const struct err *e,
		    const char *path, const char *key);
/*
 * The follow-ups v[0..n) as a table; with_meeting adds where each was
 * decided (a link to the meeting's item).
 */
void		 gov_follow_up_table(struct http_req *r, struct html *h,
		    const struct follow_up *v, size_t n, bool with_meeting);
/*
 * The meeting view for the acting user: with closed items for the
 * secretariat and the body's members (*closed true), else the public
 * projection. As meeting_view_get.
 */
int		 gov_view(struct http_req *r, int64_t id,
		    struct meeting_view *v, bool *closed, struct err *e);

/*
 * A confirmation page for an irreversible action: title as h1 below
 * crumbs[0..ncrumbs), an optional warning alert (NULL: none), then
 * ui_confirm(c); sent with 200.
 */
void		 gov_confirm(struct http_req *r, const char *title,
		    const struct page_crumb *crumbs, int ncrumbs,
		    const char *warning, const struct ui_confirm *c);

/* page_meeting.c */

/*
 * The meeting page with err on top (NULL: none), sent with status; the
 * item handlers show it when a change to the agenda fails.
 */
void		 page_meeting_render(struct http_req *r, int64_t id,
		    const struct err *err, int status);
/* Redirect to the meeting with besked=key, or show it with e on top. */
void		 page_meeting_done(struct http_req *r, int64_t id, int rc,
		    const struct err *e, const char *key);

/* page_meeting_admin.c */

struct item_input;
struct meeting_page;
/* The agenda fields of an item from the posted form. */
int		 page_item_input(struct http_req *r, struct item_input *in,
		    struct err *e);
/* The secretariat's tools below the agenda of mp. */
void		 page_meeting_admin(struct page *p,
		    const struct meeting_page *mp);

#endif
