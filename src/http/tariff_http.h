/*
 * tariff_http — what the JSON API and the HTML pages of the tariff rounds
 * share: reading the filter of the published overview from the query
 * string, sending the overview or a template as a file, and showing
 * amounts in kroner again in a form.
 */
#ifndef RAMME_TARIFF_HTTP_H
#define RAMME_TARIFF_HTTP_H

#include <stdint.h>

struct err;
struct http_req;
struct page;
struct tariff_round;
struct published_tariff;
struct startup_row;
struct tariff_filter;

/*
 * The filter of the published overview from the query (year, operator,
 * paragraph, target_group, municipality, offer, versions); empty values
 * mean no filter. 0 or ERR_INVALID naming the parameter.
 */
int	tariff_http_filter(struct http_req *r, struct tariff_filter *f,
	    struct err *e);
/*
 * Send v[0..n) as a CSV ("csv") or XLSX ("xlsx") download named
 * takster.csv / takster.xlsx. Errors are sent as errors.
 */
void	tariff_http_send_export(struct http_req *r, const char *format,
	    const struct published_tariff *v, size_t n);
/*
 * Send the XLSX template of round_id (for operator_code, or the user's
 * own submissions) as a download.
 */
void	tariff_http_send_template(struct http_req *r, int64_t round_id,
	    const char *operator_code);
/*
 * The year asked for by query parameter name ("year"): a year of the
 * agreement parameters' range, or def when absent. 0 or ERR_INVALID.
 */
int	tariff_http_year(struct http_req *r, const char *name, int def,
	    int *out, struct err *e);
/* Øre as a form shows them again: "1.234,56" (no unit), in the arena. */
const char *tariff_http_kr_value(struct http_req *r, int64_t ore);

/* ---- what the tariff pages share (tariff_http.c) ---------------------- */

struct html;
struct page;
struct service_line;
struct submission;
struct tariff_round;

/* The tabs of the tariff pages (enum order). */
enum tariff_tab {
	TARIFF_TAB_OVERVIEW = 0,	/* Takstoversigt, /takster */
	TARIFF_TAB_ROUNDS,		/* Takstindberetning (operators and
					   the secretariat only) */
	TARIFF_TAB_REDUCTION		/* Takstreduktion */
};

/* Tabs Takstoversigt / Takstindberetning / Takstreduktion, current marked. */
void	tariff_http_tabs(struct page *p, enum tariff_tab current);
/* "2.283 kr." with a no-break space, so an amount never wraps. */
void	tariff_http_kr(struct html *h, int64_t ore);
/*
 * The warnings of a service line as a list (ul.warnings), each marked
 * when it needs a reason; nothing else around it.
 */
void	tariff_http_warnings(struct html *h, const struct service_line *l);
/* "95,5 %" from basis points (html_centi). */
void	tariff_http_pct(struct html *h, int64_t bp);
/* "+1,80 %", "−2,15 %" (a real minus sign), "0,00 %" from basis points. */
void	tariff_http_change(struct html *h, int64_t bp);
/*
 * Which citizens a tariff is for, after its level: "Visiteret fra 6.
 * marts 2014" (a new structure) or "Visiteret før …" (the one it
 * replaces); nothing when both are NULL (every citizen).
 */
void	tariff_http_referral(struct html *h, const char *from,
	    const char *before);
/* A hidden "version" input with v (optimistic locking of a form). */
void	tariff_http_version_field(struct page *p, int64_t v);
/* The posted "version"; 0 or ERR_INVALID with a Danish message. */
int	tariff_http_form_version(struct http_req *r, int64_t *v,
	    struct err *e);
/* The id in the path (params[0]) into *id; sends the error and -1. */
int	tariff_http_path_id(struct http_req *r, int64_t *id);
/*
 * The state of submission s as a badge: Kladde, Indsendt, Sendt retur,
 * Godkendt, or Offentliggjort when t (may be NULL) is published.
 */
void	tariff_http_submission_badge(struct html *h,
	    const struct submission *s, const struct tariff_round *t);
/* The state of round t as a badge: Åben, Lukket, Offentliggjort. */
void	tariff_http_round_badge(struct html *h, const struct tariff_round *t);
/*
 * The page of submission id (page_submission.c), with err (NULL: none)
 * shown as an alert and sent with status.
 */
void	tariff_http_submission_page(struct http_req *r, int64_t id,
	    const struct err *err, int status);

/*
 * The bulk actions of round t on its page: an operator's "Indsend alle
 * klar", the secretariat's "Godkend alle indsendte" (page_round_bulk.c).
 */
void	round_bulk_section(struct page *p, const struct tariff_round *t);

/*
 * The label of start-up cost c in the tariff of year: "Opstartsomkostninger
 * 2027–2029: 1/3" (which share of how many), without the share when
 * year has none. In r's arena.
 */
const char *tariff_http_startup_label(struct http_req *r,
	    const struct startup_row *c, int year);

#endif
