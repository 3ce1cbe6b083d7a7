/*
 * reinforced — the rules of the reinforced cooperation (det forstærkede
 * samarbejde) as pure functions: the agreed selection criteria the
 * expert panel assesses against, the year's dates (nominations in
 * November, the panel in December of the year before, in force on
 * 1 July), the re-assessment of offers covered 1½ years earlier, and
 * the states of a coverage and of a rescue track (nødspor).
 */
#ifndef RAMME_REINFORCED_CORE_H
#define RAMME_REINFORCED_CORE_H

#include <stdbool.h>

#define REINFORCED_TEXT_MAX	2000	/* bytes of a reason, note, term */
#define REINFORCED_REASSESS_MIN	17	/* months from coverage to the
					   panel: "covered 1½ years" */
#define REINFORCED_REASSESS_MAX	18

/* The agreed criteria, as bits of a criteria set. */
enum reinforced_criterion {
	CRIT_SPECIALISED	= 1u << 0,	/* highly specialised, small
						   target group */
	CRIT_MANY_BUYERS	= 1u << 1,	/* used by several
						   municipalities */
	CRIT_KNOWLEDGE		= 1u << 2,	/* knowledge hard to rebuild
						   once lost */
	CRIT_THREATENED		= 1u << 3	/* sustainability threatened
						   (falling occupancy) */
};
#define CRIT_COUNT	4
#define CRIT_ALL	((1u << CRIT_COUNT) - 1)

enum coverage_status {
	COVER_DECIDED = 0,	/* besluttet: DAS decided */
	COVER_APPROVED,		/* godkendt: the councils approved */
	COVER_ENDED,		/* ophoert */
	COVER_STATUS_COUNT
};

enum rescue_status {
	RESCUE_OPEN = 0,	/* aaben: task force working */
	RESCUE_TERMS,		/* vilkaar: special terms decided */
	RESCUE_CLOSED,		/* lukket */
	RESCUE_STATUS_COUNT
};

/* Criterion i (0..CRIT_COUNT-1): its bit and Danish label. */
unsigned	 reinforced_criterion_bit(int i);
const char	*reinforced_criterion_label(int i);
/* How many criteria of set are met. */
int		 reinforced_criteria_count(unsigned set);

/* The day coverage decided for year comes into force: "YYYY-07-01". */
void		 reinforced_in_force(int year, char out[11]);
/* The expert panel's month for year: December of year − 1, as
   "YYYY-12-01" (the first of the month). */
void		 reinforced_panel_month(int year, char out[11]);
/*
 * True if an offer covered from valid_from (ISO date) is due for
 * re-assessment by the panel of year: it had been covered 1½ years
 * (REINFORCED_REASSESS_MIN..MAX whole months) when the panel meets.
 * Covered from 1 July 2013 → re-assessed in December 2014 (year 2015).
 */
bool		 reinforced_reassess_due(const char *valid_from, int year);

/* Stored names and Danish labels of the states. */
const char	*coverage_status_name(enum coverage_status s);
int		 coverage_status_parse(const char *s, enum coverage_status *out);
const char	*coverage_status_label(enum coverage_status s);
const char	*rescue_status_name(enum rescue_status s);
int		 rescue_status_parse(const char *s, enum rescue_status *out);
const char	*rescue_status_label(enum rescue_status s);

#endif
