/*
 * accounts — an offer's accounts for a year (årsresultat) as a use case:
 * the surplus or deficit under the year's agreement rules (core/surplus),
 * what the operator keeps (set aside, or carried) and what enters the
 * tariff two years later, the operator's set-aside ledger, and the
 * actual occupancy that the tariff rounds average.
 *
 * The secretariat (admin) and the offer's operator may report; an
 * operator sees only its own accounts and ledger. Reporting the same
 * offer and year again replaces the report (audited with before and
 * after). The carry-over pre-fills the round of the tariff year; a round
 * opened earlier shows a warning when its lines do not add up to it.
 */
#ifndef RAMME_ACCOUNTS_H
#define RAMME_ACCOUNTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/surplus.h"
#include "store/accounts_store.h"

struct err;
struct svc;

/* What the operator reports. */
struct accounts_input {
	int64_t	offer_id;
	int	year;			/* the accounting year */
	int64_t	tariff_base_ore;	/* the year's tariff base (setaside
					   rule) or cost budget (carryover),
					   > 0 */
	int64_t	revenue_ore;		/* actual tariff revenue, ≥ 0 */
	int64_t	costs_ore;		/* cost-based accounts, ≥ 0 */
	bool	setaside_given;		/* false: keep as much as allowed */
	int64_t	setaside_ore;		/* amount to keep (see surplus.h) */
	int64_t	deficit_covered_ore;	/* part of a deficit covered from
					   earlier set-asides, ≥ 0 */
	int64_t	occupied_days;		/* place-days occupied, -1 if not
					   given (then available_days too) */
	int64_t	available_days;		/* place-days available, > 0 */
};

/* An operator's set-aside ledger as of a year. */
struct accounts_ledger {
	const char		*operator_code;
	int			 as_of_year;
	struct setaside_row	*entries;	/* as stored, by year */
	size_t			 nentries;
	struct setaside_lot	*lots;		/* one per year with a
						   deposit */
	size_t			 nlots;
	struct setaside_summary	 sum;
};

/*
 * Report (or report again) the accounts in *in: checks the user may edit
 * the offer, computes the surplus under the year's parameters, checks a
 * deficit covered from set-asides against the operator's ledger, stores
 * the report and its ledger entries, audited. *out receives the stored
 * row. ERR_INVALID with e naming the field for bad input.
 */
int	accounts_report(struct svc *s, const struct accounts_input *in,
	    struct accounts_row *out, struct err *e);
/*
 * Reported accounts by offer (0: all) and year (0: all); an operator
 * gets only its own organisation's.
 */
int	accounts_list(struct svc *s, int64_t offer_id, int year,
	    struct accounts_row **out, size_t *n, struct err *e);
/*
 * The set-aside ledger of operator_code as of as_of_year (an operator:
 * only its own; NULL means its own organisation).
 */
int	accounts_ledger(struct svc *s, const char *operator_code,
	    int as_of_year, struct accounts_ledger *out, struct err *e);

#endif
