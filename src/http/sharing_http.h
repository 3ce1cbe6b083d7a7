/*
 * sharing_http — what the pages of cost sharing and the secretariat's
 * budget share: the tabs between them, amount cells, a year from the
 * query string.
 */
#ifndef RAMME_SHARING_HTTP_H
#define RAMME_SHARING_HTTP_H

#include <stdint.h>

struct err;
struct html;
struct http_req;
struct page;
struct ui_table;

enum sharing_tab {
	SHARING_TAB_ALLOCATIONS = 0,	/* /oekonomi/fordelinger */
	SHARING_TAB_KEYS,		/* /oekonomi/noegler */
	SHARING_TAB_SECRETARIAT,	/* /oekonomi/sekretariat */
	SHARING_TAB_INVOICES		/* /oekonomi/fakturaer */
};

/* The tabs of the secretariat's economy pages, current marked. */
void	sharing_http_tabs(struct page *p, enum sharing_tab current);
/* A table cell with an amount ("1.234,56 kr."). */
void	sharing_http_cell_kr(struct ui_table *t, int64_t ore);
/* A table cell with a whole number without separators (a year). */
void	sharing_http_cell_plain(struct ui_table *t, struct http_req *r,
	    int64_t v);
/*
 * ?name= as a year 2000..2100 into *out (def when absent or empty);
 * ERR_INVALID naming it otherwise.
 */
int	sharing_http_year(struct http_req *r, const char *name, int def,
	    int *out, struct err *e);
/* The current UTC year of the request. */
int	sharing_http_this_year(struct http_req *r);

#endif
