/*
 * reinforced — the reinforced cooperation (det forstærkede samarbejde)
 * of a year Y: offers nominated in November of Y − 1 (by their operator
 * or by a municipality, with reasons), the expert panel's assessment in
 * December against the agreed criteria (offers covered 1½ years earlier
 * are listed for re-assessment automatically), DAS's decision put as an
 * item on DAS's next meeting in one step and then recorded, the
 * councils' approval, in force on 1 July of Y. The rescue track
 * (nødspor) of an offer whose sustainability is threatened: the warning
 * sign, a task force with members and a deadline, the special terms
 * decided, follow-up notes until closed.
 *
 * Anyone may read the covered offers; operators and municipalities
 * nominate; everything else is the secretariat's. Each change is one
 * transaction with an audit record (entity "reinforced", id the year,
 * or "rescue_case", id the case).
 */
#ifndef RAMME_REINFORCED_H
#define RAMME_REINFORCED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/reinforced_store.h"

struct err;
struct svc;

/* Everything the page of a year shows. */
struct reinforced_view {
	int				 year;
	char				 panel_month[11]; /* December of Y−1 */
	char				 in_force[11];	/* 1 July of Y */
	struct reinforced_nomination	*noms;
	size_t				 nnoms;
	struct reinforced_assessment	*assessments;
	size_t				 nassessments;
	struct reinforced_coverage	*reassess;	/* covered 1½ years
							   by the panel: due
							   again */
	size_t				 nreassess;
	struct reinforced_coverage	*decided;	/* for this year */
	size_t				 ndecided;
	struct reinforced_coverage	*covered;	/* in force on 1 July
							   of the year */
	size_t				 ncovered;
	struct reinforced_year		 y;
	struct rescue_case		*cases;		/* open first */
	size_t				 ncases;
};

/* The year's view (year 2007..2100, else ERR_INVALID). */
int	reinforced_view_get(struct svc *s, int year,
	    struct reinforced_view *out, struct err *e);
/*
 * The offers covered on 1 July of year (decided or approved, not ended
 * by then), by name: the public list, the API and the referral letter.
 */
int	reinforced_covered(struct svc *s, int year,
	    struct reinforced_coverage **out, size_t *n, struct err *e);
/* One offer's coverages (newest first) for its register page. */
int	reinforced_offer(struct svc *s, int64_t offer_id,
	    struct reinforced_coverage **out, size_t *n, struct err *e);
/*
 * Nominate offer_id for year with reason (≤ REINFORCED_TEXT_MAX): an
 * operator its own offers, a municipality any offer (as itself), the
 * secretariat on behalf of org. ERR_CONFLICT when org nominated it
 * already for the year.
 */
int	reinforced_nominate(struct svc *s, int year, int64_t offer_id,
	    const char *org, const char *reason, struct err *e);
/*
 * The expert panel's assessment of offer_id for year (admin): the
 * criteria met (bits of CRIT_ALL), whether it recommends coverage, a
 * note. A re-assessment when the offer is covered now. Not after DAS
 * decided the year (ERR_CONFLICT).
 */
int	reinforced_assess(struct svc *s, int year, int64_t offer_id,
	    unsigned criteria, bool recommend, const char *note,
	    struct err *e);
/*
 * Put the panel's recommendation for year on the next DAS meeting that
 * is planned or convened and not yet held (admin), as an item "Sager
 * til behandling" listing the offers recommended; *meeting_id receives
 * the meeting. ERR_CONFLICT without assessments recommending coverage,
 * when already on an agenda, or when DAS has no coming meeting.
 */
int	reinforced_to_das(struct svc *s, int year, int64_t *meeting_id,
	    struct err *e);
/*
 * Record DAS's decision on decided_on (admin): the offers recommended
 * are covered from 1 July of year (status besluttet); covered offers
 * re-assessed without recommendation end on 30 June of year.
 */
int	reinforced_decide(struct svc *s, int year, const char *decided_on,
	    struct err *e);
/* Record the councils' approval on approved_on (admin): besluttet →
   godkendt. ERR_CONFLICT before DAS's decision. */
int	reinforced_approve(struct svc *s, int year, const char *approved_on,
	    struct err *e);

/* Open a rescue track for offer_id (admin). *id receives it. */
int	reinforced_rescue_open(struct svc *s, int64_t offer_id,
	    const char *warning, const char *opened_on, const char *members,
	    const char *deadline, int64_t *id, struct err *e);
/* One rescue track with its notes. */
int	reinforced_rescue_get(struct svc *s, int64_t id,
	    struct rescue_case *out, struct err *e);
/*
 * Change a rescue track (admin): the task force and its deadline, the
 * special terms and their date (status "vilkaar" once set), a follow-up
 * note (NULL: none), close (status "lukket", closed today). Not after
 * it is closed (ERR_CONFLICT).
 */
int	reinforced_rescue_update(struct svc *s, int64_t id,
	    const char *members, const char *deadline, const char *terms,
	    const char *terms_on, const char *note, bool close, struct err *e);

#endif
