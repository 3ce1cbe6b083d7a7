/*
 * approval — the agreement's documents and their approval, as rules:
 * the kinds of document, the stages a version passes, the approving
 * parties' statuses, and the default approval deadline of a year.
 *
 * The development strategy (udviklingsstrategi) and the steering
 * agreement (styringsaftale) — from 2018 the joint Socialaftale — are
 * drafted, treated by DAS, KKR and Kontaktudvalget and approved by each
 * of the 11 municipal councils and the regional council. A document for
 * year Y is approved in year Y − 1, by 1 June until 2014 and by 1 May
 * from 2015 (the councils treated the strategy for 2015 in May 2014).
 * Pure: no I/O.
 */
#ifndef RAMME_APPROVAL_CORE_H
#define RAMME_APPROVAL_CORE_H

#include <stdbool.h>

struct err;

#define APPROVAL_TITLE_MAX	200	/* bytes of a document's title */
#define APPROVAL_TEXT_MAX	2000	/* bytes of a reservation or note */
#define APPROVAL_YEAR_MIN	2007
#define APPROVAL_YEAR_MAX	2100
#define APPROVAL_PARTY_KKR	"KKR"	/* KKR Nordjylland */
#define APPROVAL_PARTY_KU	"KU"	/* Kontaktudvalget */
#define APPROVAL_LATE_CHANGE	2015	/* first approval year with 1 May */

enum approval_kind {
	DOC_STRATEGY = 0,	/* udviklingsstrategi */
	DOC_STEERING,		/* styringsaftale */
	DOC_SOCIAL,		/* socialaftale (from 2018) */
	DOC_KIND_COUNT
};

enum approval_stage {
	STAGE_DRAFT = 0,	/* udkast */
	STAGE_DAS,		/* treated by DAS */
	STAGE_KKR,		/* KKR Nordjylland */
	STAGE_KU,		/* Kontaktudvalget */
	STAGE_COUNCILS,		/* sent to the councils */
	STAGE_COUNT
};

enum approval_status {
	APPROVAL_PENDING = 0,	/* afventer */
	APPROVAL_APPROVED,	/* godkendt, with date */
	APPROVAL_RESERVED,	/* godkendt med forbehold (text) */
	APPROVAL_REJECTED,	/* afvist */
	APPROVAL_STATUS_COUNT
};

/* Stored names ("udviklingsstrategi", "das", "forbehold") and back. */
const char	*approval_kind_name(enum approval_kind k);
int		 approval_kind_parse(const char *s, enum approval_kind *out);
const char	*approval_stage_name(enum approval_stage s);
int		 approval_stage_parse(const char *s, enum approval_stage *out);
const char	*approval_status_name(enum approval_status s);
int		 approval_status_parse(const char *s,
		    enum approval_status *out);
/* Danish labels ("Udviklingsstrategi", "Behandlet i DAS", "Godkendt
   med forbehold"). */
const char	*approval_kind_label(enum approval_kind k);
const char	*approval_stage_label(enum approval_stage s);
const char	*approval_status_label(enum approval_status s);
/* True if the status counts as approved (with or without reservation). */
bool		 approval_is_approved(enum approval_status s);

/*
 * The default approval deadline of a document for year: 1 June of
 * year − 1 until 2014, 1 May from 2015, as "YYYY-MM-DD" into out[11].
 */
void		 approval_deadline_default(int year, char out[11]);
/*
 * The approval deadline of a document for year when the councils'
 * deadline in year − 1 is the 1st of month (the agreement parameter
 * approval_deadline_month of year − 1; 1..12, else the default).
 */
void		 approval_deadline_of(int year, int month, char out[11]);

/*
 * Check a decision: status pending takes no date and no text; approved
 * and rejected need decided_on (a date); a reservation needs the date
 * and its text (≤ APPROVAL_TEXT_MAX). 0 or ERR_INVALID with the field
 * ("decided_on", "reservation").
 */
int		 approval_decision_check(enum approval_status s,
		    const char *decided_on, const char *reservation,
		    struct err *e);

#endif
