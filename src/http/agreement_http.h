/*
 * agreement_http — what the pages under /aftale share
 * (page_agreement.c, page_reinforced.c, page_takeover.c): the tabs
 * between documents, reinforced cooperation and takeovers, the success
 * message after a redirect (?besked=KEY), an error summary from a
 * service error, and the select options built from core's names.
 */
#ifndef RAMME_AGREEMENT_HTTP_H
#define RAMME_AGREEMENT_HTTP_H

#include <stdint.h>

#include "http/ui.h"

struct err;
struct html;
struct http_req;
struct page;

enum agreement_tab {
	AGREEMENT_TAB_DOCS = 0,		/* /aftale */
	AGREEMENT_TAB_REINFORCED,	/* /aftale/forstaerket */
	AGREEMENT_TAB_TAKEOVERS		/* /aftale/overtagelser */
};

/* The tabs of the section, current marked. */
void	agreement_tabs(struct html *h, enum agreement_tab current);
/* The success alert for ?besked=KEY when KEY is one of the section's. */
void	agreement_flash(struct page *p);
/* errs filled from err (NULL: empty). */
void	agreement_errors(struct http_req *r, struct ui_errors *errs,
	    const struct err *err);
/* The year in the query parameter name, else dflt; 0 when malformed. */
int	agreement_query_year(struct http_req *r, const char *name, int dflt);
/* The current calendar year of the request (UTC). */
int	agreement_this_year(struct http_req *r);
/* Options of the offers of the register (id → name), *n of them. */
const struct ui_option *agreement_offer_options(struct http_req *r,
	    const char *operator_code, int *n);

/*
 * The agreement's facts of an offer for its register page, inside its
 * facts list: its coverage by the reinforced cooperation (period and
 * status) and a takeover noticed or carried out. Nothing when none.
 */
void	agreement_offer_facts(struct http_req *r, struct html *h,
	    int64_t offer_id);

#endif
