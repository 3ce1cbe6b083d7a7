/*
 * offer_rules_http — the sections the register's rules add to an offer's
 * page (page_offer_rules.c): coverage per municipality with the
 * opt-outs' history, the operator and status over time, and the
 * long-term purchase agreements.
 */
#ifndef RAMME_OFFER_RULES_HTTP_H
#define RAMME_OFFER_RULES_HTTP_H

struct offer;
struct page;

/* Write the sections of offer o into p, with links to their forms. */
void	offer_rules_sections(struct page *p, const struct offer *o);
/* The offer's long-term purchase agreements (page_purchase.c). */
void	purchase_section(struct page *p, const struct offer *o);

/*
 * The offer's tariffs year by year with each year's operator, and its
 * start-up costs with the share of each year (page_offer_startup.c).
 */
void	offer_startup_sections(struct page *p, const struct offer *o);

#endif
