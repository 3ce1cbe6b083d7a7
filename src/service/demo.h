/*
 * demo — the example year of the demo database: what a year of the
 * cooperation leaves behind, so that every page has something to show.
 * The accounts of 2024 for the offers covered by the agreement (with a
 * set-aside, a deficit and a surplus carried into the tariff), and the
 * tariff round of 2026: opened, every submission filled with service
 * lines, submitted, approved and published as the Takstoversigt; and
 * the rounds of the two years before it, published with lower budgets
 * (one offer with other places, one offer new in 2026), so that a tariff
 * analysis has a panel; and that analysis (2024 → 2025 in fixed prices
 * with the state's PL, a cap of PL − 2 %), through a hearing to final.
 *
 * It is built through the services, as the secretariat would, at fixed
 * times (the service clock is set, not read), so the same database comes
 * out every time. No figure here comes from a source: the round's title
 * says "eksempeltal", and so does the note of each of these offers in
 * data/nordjylland/offers.csv.
 */
#ifndef RAMME_DEMO_H
#define RAMME_DEMO_H

#include <stdint.h>

struct err;
struct svc;

#define DEMO_ACCOUNTS_YEAR	2024	/* the example accounts */
#define DEMO_TARIFF_YEAR	2026	/* the example round; its tariffs
					   take the accounts' carry-over */

/* What demo_example_year did. */
struct demo_report {
	int	 accounts;	/* accounts reported */
	int	 submissions;	/* submissions filled and approved */
	int64_t	 tariffs;	/* tariffs published, all years */
};

/*
 * Build the example year on the demo register (register_io_load_demo
 * first) as the secretariat, through s's database and arena; s's clock
 * and principal are not used. When the round of DEMO_TARIFF_YEAR exists
 * already nothing is done and *rep is all zero, so loading twice changes
 * nothing. Returns 0, ERR_NOT_FOUND when a demo offer is missing, or the
 * error of the service that failed (e filled).
 */
int	demo_example_year(struct svc *s, struct demo_report *rep,
	    struct err *e);
/*
 * The secretariat's own economy from the minutes of early 2012 (see
 * secretariat_demo.c): accounts 2011, budget 2012, the premises of the
 * overhead, the population key of 2011 and the two half-yearly
 * invoices of 2011. Called by demo_example_year() when it builds the
 * example year. Returns 0 or the error of the service that failed.
 */
int	demo_secretariat(struct svc *s, struct err *e);
/*
 * The demo's logins (scripts/demo-users, the test suites) have no second
 * factor: set the agreement parameter totp_required_admin to 0 from
 * agreement year on (one row, see param_store.h), with the reason said,
 * so the demo's admin is not sent to enrol. A real installation keeps
 * the default (1). Audited as any parameter change.
 */
int	demo_totp_optional(struct svc *s, int year, struct err *e);
/*
 * The yearly cycle (cycle_demo.c): the development strategy 2027 on its
 * way through the councils (some approved, the region with a
 * reservation, some pending) and the reinforced cooperation of 2027
 * nominated and assessed by the expert panel. Called by
 * demo_example_year() after demo_secretariat(). Returns 0 or the error
 * of the service that failed.
 */
int	demo_cycle(struct svc *s, struct err *e);

#endif
