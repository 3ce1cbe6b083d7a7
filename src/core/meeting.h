/*
 * meeting — the pure rules of governance meetings: the states of a
 * meeting and which changes between them are allowed, the sections of an
 * agenda and their order, the kinds of items, results, participant and
 * follow-up states, membership roles, meeting times, and the line diff
 * that shows what changed in minutes between draft and approval.
 *
 * Every enumeration has a stable code (Danish words in ASCII, as stored
 * and in the API) and a Danish label for pages. Pure: no I/O.
 */
#ifndef RAMME_MEETING_H
#define RAMME_MEETING_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

/* Field limits, in code points; checked by service/meeting and given to
   the forms as maxlength. */
#define MEETING_TITLE_MAX	300	/* a meeting's title */
#define MEETING_PLACE_MAX	300	/* where it is held */
#define MEETING_ROOM_MAX	200
#define MEETING_REFERENT_MAX	200	/* who takes the minutes */
#define MEETING_CASE_NO_MAX	50	/* sagsnr. and dok.nr. */
#define MEETING_NOTE_MAX	1000	/* reason for an early approval */
#define ITEM_TITLE_MAX		1000	/* an agenda item's title */
#define ITEM_PRESENTER_MAX	100	/* initials of who presents it */
#define ATTACHMENT_NAME_MAX	300	/* an attachment's shown name */
#define ATTACHMENT_FILENAME_MAX	255
#define FOLLOWUP_TEXT_MAX	2000	/* a follow-up of a decision */
#define FOLLOWUP_OWNER_MAX	200	/* who is responsible for it */
#define NOMINATION_TITLE_MAX	200	/* nominations asked (service/body) */
#define BODY_NAME_MAX		200	/* a body's name */
#define BODY_SHORT_MAX		30	/* its short name ("DAS") */
#define PERSON_NAME_MAX		200	/* a member's, nominee's or participant's
					   name */
#define PERSON_ORG_MAX		200	/* an organisation typed as text */
#define PERSON_EMAIL_MAX	200
#define SEARCH_QUERY_MAX	200	/* characters of a search */

enum meeting_state {
	MEETING_PLANLAGT = 0,		/* planned, agenda being prepared */
	MEETING_INDKALDT,		/* convened: agenda published */
	MEETING_AFHOLDT,		/* held */
	MEETING_REFERAT_UDKAST,		/* minutes drafted (maybe circulated) */
	MEETING_REFERAT_GODKENDT,	/* minutes approved, frozen, published */
	MEETING_AFLYST,			/* cancelled */
	MEETING_STATE_COUNT
};

enum item_section {
	SECTION_INDLEDNING = 0,		/* agenda and previous minutes */
	SECTION_BEHANDLING,		/* Sager til behandling */
	SECTION_EFTERRETNING,		/* Sager til forventet efterretning */
	SECTION_ORIENTERING,		/* Orienteringer */
	SECTION_LUKKET,			/* Lukkede punkter */
	SECTION_AFSLUTNING,		/* Evt. and the next meeting */
	SECTION_COUNT
};

enum item_kind {
	ITEM_SAG = 0,			/* an ordinary case */
	ITEM_DAGSORDEN,			/* Godkendelse af dagsorden */
	ITEM_REFERAT,			/* Godkendelse af referat (previous) */
	ITEM_EVT,			/* Evt. */
	ITEM_NAESTE_MOEDE,		/* Næste møde */
	ITEM_KIND_COUNT
};

enum item_result {
	RESULT_NONE = 0,
	RESULT_GODKENDT,
	RESULT_ANBEFALET,
	RESULT_EFTERRETNING,		/* taget til efterretning */
	RESULT_DROEFTET,
	RESULT_UDSAT,
	RESULT_AFVIST,
	RESULT_COUNT
};

/* Codes ("planlagt", ...) and Danish labels ("Planlagt", ...). */
const char	*meeting_state_name(enum meeting_state s);
const char	*meeting_state_label(enum meeting_state s);
/* Code → state; 0 or -1 for an unknown code. */
int		 meeting_state_parse(const char *s, enum meeting_state *out);
/*
 * May a meeting go from state from to state to through an ordinary state
 * change? Forward one step (planlagt → indkaldt → afholdt →
 * referat_udkast) and cancelling a meeting not yet held. Approving
 * minutes (→ referat_godkendt) is never an ordinary change: it happens
 * through the approval item of the next meeting or an early approval.
 */
bool		 meeting_state_change_ok(enum meeting_state from,
		    enum meeting_state to);
/* Is the agenda public in state s (convened or later, or cancelled)? */
bool		 meeting_state_public(enum meeting_state s);

const char	*item_section_name(enum item_section s);
/* Heading for pages: "Sager til behandling"; NULL for the opening and
 * closing sections, which have none. */
const char	*item_section_label(enum item_section s);
int		 item_section_parse(const char *s, enum item_section *out);
/*
 * The section a heading as written in minutes names ("Sager til
 * behandling", "Sager til forventet efterretning", "Orienteringssager",
 * "Lukket punkt" ...); SECTION_BEHANDLING when it names none.
 */
enum item_section item_section_from_text(const char *heading);

const char	*item_kind_name(enum item_kind k);
int		 item_kind_parse(const char *s, enum item_kind *out);

/* "godkendt", "taget_til_efterretning" ...; NULL for RESULT_NONE. */
const char	*item_result_name(enum item_result r);
/* "godkendt", "taget til efterretning" ... (lower case, as in minutes). */
const char	*item_result_label(enum item_result r);
/* Code → result ("" and NULL give RESULT_NONE); 0 or -1. */
int		 item_result_parse(const char *s, enum item_result *out);

/* Participant status: "deltager", "afbud", "fravaerende". */
bool		 participant_status_valid(const char *s);
const char	*participant_status_label(const char *s);
/* Follow-up status: "aaben", "i_gang", "lukket". */
bool		 follow_up_status_valid(const char *s);
const char	*follow_up_status_label(const char *s);
/* Membership role: "formand", "naestformand", "medlem", "stedfortraeder",
 * "observatoer", "sekretaer". */
bool		 membership_role_valid(const char *s);
const char	*membership_role_label(const char *s);
/* Body kind: "organ", "arbejdsgruppe", "netvaerk". */
bool		 body_kind_valid(const char *s);
const char	*body_kind_label(const char *s);

/*
 * True if s is a meeting time: a real date "YYYY-MM-DD", optionally
 * followed by "THH:MM" (00:00..23:59).
 */
bool		 meeting_time_valid(const char *s);

/* One line of a diff. */
struct diff_line {
	char		 op;	/* ' ' same, '-' only in the old, '+' only in the new */
	const char	*text;	/* the line, without its line break */
};

/*
 * The line diff from old to new (either may be NULL, meaning empty):
 * the longest common subsequence of lines, then removals before
 * additions at each change. Lines are split at '\n' (a '\r' before it is
 * dropped). Inputs of more than 2000 lines each are compared as wholly
 * removed and added. Results are in a.
 */
void		 meeting_diff_lines(struct arena *a, const char *old,
		    const char *new_, struct diff_line **out, size_t *n);

#endif
