/*
 * retention — the daily deletion of personal data past its retention
 * period (docs/privacy.md), with the periods taken from the agreement
 * parameters of the current year (retention_*), and the worker thread
 * `ramme serve` runs it in once a day.
 */
#ifndef RAMME_RETENTION_H
#define RAMME_RETENTION_H

#include <stdbool.h>
#include <stdint.h>

#include "store/retention_store.h"

struct err;
struct retention_worker;
struct svc;

#define RETENTION_EVERY		(24 * 3600)	/* seconds between runs */
#define RETENTION_FIRST		600		/* seconds from start to the
						   first run */

/* What one run deleted (or, dry, would delete). */
struct retention_report {
	int		 year;		/* whose parameters were used */
	int64_t		 login_days;	/* the periods used */
	int64_t		 session_days;
	int64_t		 audit_years;
	int64_t		 mail_days;
	int64_t		 n[RETENTION_KINDS]; /* rows by rule */
	int64_t		 total;		/* their sum */
};

/*
 * Delete (or with dry only count) the rows past their retention period as
 * of s->now, in one write transaction; a run that deleted rows is
 * recorded in the audit with the counts only. Admins and the system only.
 */
int	retention_run(struct svc *s, bool dry, struct retention_report *out,
	    struct err *e);

/*
 * Start the thread that runs retention_run() RETENTION_FIRST seconds
 * after the start and then every RETENTION_EVERY seconds on its own connection to db_path (a string that
 * must outlive the worker), logging what it deleted.
 */
int	retention_start(struct retention_worker **out, const char *db_path,
	    struct err *e);
/* Stop, join and free. NULL is a no-op. */
void	retention_stop(struct retention_worker *w);

#endif
