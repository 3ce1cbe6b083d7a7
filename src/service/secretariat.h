/*
 * secretariat — the secretariat's own budget and accounts by year:
 * expense, overhead and income lines (budget and actual), the premises
 * part of the overhead computed as in KL's budget guide 6-3
 * (core/overhead), and the half-yearly invoices to the municipalities,
 * which are allocations by population (service/sharing, purpose
 * "secretariat") and count as actual income of their year. Only the
 * secretariat (admin) sees and changes it; every change is audited.
 */
#ifndef RAMME_SECRETARIAT_H
#define RAMME_SECRETARIAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/overhead.h"
#include "store/secretariat_store.h"
#include "store/sharing_store.h"

struct err;
struct svc;

/* A year's budget and accounts with the totals. */
struct secretariat_year {
	int			 year;
	struct secretariat_line	*lines;		/* by section, position */
	size_t			 nlines;
	bool			 has_premises;
	struct overhead_premises premises;
	int64_t			 premises_ore;	/* the premises' cost */
	struct allocation_row	*invoices;	/* the year's allocations of
						   purpose "secretariat" */
	size_t			 ninvoices;
	int64_t			 invoiced_ore;	/* Σ their pools */
	/* Totals, budget and actual; overhead includes the premises,
	   actual income includes the invoices. */
	int64_t			 expense_budget, expense_actual;
	int64_t			 overhead_budget, overhead_actual;
	int64_t			 income_budget, income_actual;
	int64_t			 result_budget, result_actual; /* income −
							   costs: > 0 surplus */
};

/* The budget and accounts of year (admin only). */
int	secretariat_get(struct svc *s, int year, struct secretariat_year *out,
	    struct err *e);
/*
 * Add (l->id 0; *id set) or change line l->id: section expense,
 * overhead or income; label 1..200 bytes; amounts within ±100 billion
 * kr. Admin only; audited.
 */
int	secretariat_line_save(struct svc *s, const struct secretariat_line *l,
	    int64_t *id, struct err *e);
/* Delete line id (admin only; audited). */
int	secretariat_line_delete(struct svc *s, int64_t id, struct err *e);
/* Set the premises of year (admin only; audited). */
int	secretariat_premises_save(struct svc *s, int year,
	    const struct overhead_premises *p, struct err *e);
/* Danish label of a section ("Udgifter", "Overhead", "Indtægter"). */
const char *secretariat_section_label(const char *section);

#endif
