/*
 * meeting — governance meetings: planning, the agenda with automatic
 * numbering and standard items, participants, attachments stored once by
 * content hash, minutes with an audit trail, the minutes loop (draft →
 * circulated → approved at the next meeting, or early by the members)
 * with a diff of what changed, follow-ups that come back on the body's
 * next agendas until closed, import of minutes exported as text, search,
 * and the meeting view the output formats (PDF, iCal, RSS, OParl) read.
 *
 * Who sees what — one rule set, applied here for every caller:
 *   - the secretariat (admin) sees and edits everything;
 *   - a member (a login linked to a person with a current membership of
 *     the meeting's body) sees planned meetings, closed items and closed
 *     attachments, and draft minutes once circulated;
 *   - everybody else sees meetings whose agenda is published (not
 *     planlagt), open items and open attachments only, and minutes only
 *     once approved. Closed content never reaches their pages, the search
 *     index or the API.
 * Every change is one transaction with an audit record; every change to
 * minutes records the old and the new text.
 */
#ifndef RAMME_MEETING_SERVICE_H
#define RAMME_MEETING_SERVICE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/meeting.h"
#include "report/meeting_view.h"
#include "store/meeting_store.h"

struct err;
struct minutes_block;
struct minutes_warning;
struct svc;

#define MEETING_ATTACHMENT_MAX	(512u * 1024u * 1024u) /* bytes of one bilag;
						   the server takes uploads
						   up to serve --max-upload
						   (at most this) */

/* The header of a meeting as created or changed. */
struct meeting_input {
	int64_t		 body_id;
	const char	*title;		/* default "Møde i <organ>" */
	const char	*starts_at;	/* "2026-03-06T10:00" or a date */
	const char	*ends_at;	/* or NULL */
	const char	*place;
	const char	*room;
	const char	*referent;
	const char	*case_no;
	const char	*doc_no;
};

/* An item's agenda fields as added or changed. */
struct item_input {
	enum item_section section;
	const char	*title;
	const char	*presenter;	/* initials, "HETH" */
	const char	*background;
	const char	*recommendation;
	bool		 closed;	/* forced for SECTION_LUKKET */
	int64_t		 earlier_item;	/* an earlier body's item, or 0 */
	int64_t		 earlier_body;	/* the earlier body, when not linked */
	const char	*earlier_text;	/* its recommendation, when not linked */
};

/* What a meeting page shows, already cut to what the user may see. */
struct meeting_page {
	struct meeting		 m;
	struct participant	*people;
	size_t			 npeople;
	struct agenda_item	*items;
	size_t			 nitems;
	const char		**earlier;	/* per item: the earlier body's
						   recommendation, or NULL */
	struct follow_up	*follow_ups;	/* written at this meeting */
	size_t			 nfollow_ups;
	struct follow_up	*open;		/* still open from earlier meetings */
	size_t			 nopen;
	int64_t			 prev_meeting;	/* of the same body, or 0 */
	int64_t			 next_meeting;	/* that approves this one's minutes */
	bool			 may_edit;	/* admin */
	bool			 member;	/* of the body */
	bool			 show_minutes;	/* minutes text may be shown */
	bool			 minutes_draft;	/* ... and they are a draft */
	int64_t			 signoffs;	/* members who signed off */
	int64_t			 voting_members;
	bool			 signed_off;	/* the acting member has */
	struct signoff		*signers;	/* who signed off (secretariat
						   only; else NULL) */
	size_t			 nsigners;
	int64_t			 voting_signoffs; /* of them, current voting
						   members */
};

/* The minutes of one item before and after approval. */
struct item_diff {
	int			 number;
	const char		*title;
	struct diff_line	*lines;
	size_t			 nlines;
	bool			 changed;
};

/* What an import did. */
struct meeting_import_result {
	int64_t				 id;		/* the meeting */
	bool				 created;	/* false: imported before */
	size_t				 nitems;
	const struct minutes_block	*unplaced;	/* text kept on the meeting */
	size_t				 nunplaced;
	const struct minutes_warning	*warnings;
	size_t				 nwarnings;
	bool				 start_unread;	/* its start could not be
							   read: flagged */
};

/* ---- reading ---- */

/*
 * Meetings the user may see, matching f (f->public_only is set for users
 * who are not admin), newest first.
 */
int	meeting_list(struct svc *s, struct meeting_filter *f,
	    struct meeting **out, size_t *n, struct err *e);
/*
 * Imported meetings whose start could not be read and is still not set
 * ("Ufuldstændige møder"), newest import first. Admin only.
 */
int	meeting_incomplete_list(struct svc *s, struct meeting_incomplete **out,
	    size_t *n, struct err *e);
/* Years with meetings the user may see, newest first. */
int	meeting_years(struct svc *s, int **out, size_t *n, struct err *e);
/* A meeting the user may see; ERR_NOT_FOUND otherwise. */
int	meeting_get(struct svc *s, int64_t id, struct meeting *out,
	    struct err *e);
/* Everything the meeting page shows, cut to what the user may see. */
int	meeting_load(struct svc *s, int64_t id, struct meeting_page *out,
	    struct err *e);
/* One item with its meeting (admin, or a member for a closed item). */
int	meeting_item_get(struct svc *s, int64_t item_id,
	    struct agenda_item *out, struct meeting *m, struct err *e);
struct audit_entry;
/*
 * The audit history of an item (agenda fields and minutes: who, when,
 * old and new), newest first; secretariat only.
 */
int	meeting_item_history(struct svc *s, int64_t item_id,
	    struct audit_entry **out, int *n, struct err *e);
/*
 * What changed in the minutes of a meeting between the circulated draft
 * and now (approved): one entry per item the user may see.
 */
int	meeting_minutes_diff(struct svc *s, int64_t meeting_id,
	    struct item_diff **out, size_t *n, struct err *e);
/*
 * An attachment's content if the user may see it: open attachments of
 * open items of published meetings for all, the rest for members and the
 * secretariat. ERR_NOT_FOUND otherwise, and for attachments known by
 * name only.
 */
int	meeting_attachment_get(struct svc *s, int64_t id,
	    struct attachment *out, const void **data, size_t *len,
	    struct err *e);
/*
 * Full-text search over the public items, minutes and attachment text.
 * q is the user's words (each must occur; the last, of two characters
 * or more, may be a prefix); filters as in struct search_filter (body,
 * year, section, result codes). The SEARCH_MAX_HITS newest hits are
 * ranked, and *total is SEARCH_MAX_HITS + 1 for more hits than that
 * (store/meeting_store.h). ERR_INVALID for an unknown section or result.
 */
int	meeting_search(struct svc *s, const char *q,
	    struct search_filter *f, struct search_hit **out, size_t *n,
	    int64_t *total, struct err *e);

/*
 * The meeting as output formats see it (src/report/meeting_view.h), in
 * s->arena. include_closed false gives the public projection whoever
 * asks: ERR_NOT_FOUND for a planned meeting, no closed item or
 * attachment (not even flagged), minutes and results only once approved.
 * include_closed true is for the secretariat and members of the body
 * (ERR_FORBIDDEN for others): closed items and attachments are in with
 * closed = true, and draft minutes are in.
 */
int	meeting_view_get(struct svc *s, int64_t id, bool include_closed,
	    struct meeting_view *out, struct err *e);
/*
 * A new JSON object for v: id, title, body, body_key, state, start, end,
 * place, room, participants [{name, organisation, substitute}],
 * apologies [{name, organisation}], absent […], referent, case_no,
 * doc_no, minutes_approved_at, and items [{number, title, section,
 * presenter, background, recommendation, earlier, minutes, result,
 * closed, attachments [{name, media_type, size, url, closed}]}].
 * Unknown values are null.
 */
json_t	*meeting_view_json(const struct meeting_view *v);

/*
 * The items an item of meeting_id may refer to as "an earlier item": the
 * case items of the meetings (any body, not cancelled) in the year
 * before it, newest meeting first, at most MEETING_EARLIER_MAX;
 * secretariat only.
 */
#define MEETING_EARLIER_MAX	150
int	meeting_earlier_items(struct svc *s, int64_t meeting_id,
	    struct item_ref **out, size_t *n, struct err *e);

/* ---- changing (admin unless said otherwise) ---- */

/*
 * Create a meeting in state planlagt with the standard items: approval of
 * the agenda, approval of the minutes of the body's previous meeting
 * (linked to it) when there is one, Evt., and the next meeting; the
 * body's voting members and substitutes become its participants.
 */
int	meeting_create(struct svc *s, const struct meeting_input *in,
	    int64_t *id, struct err *e);
/* Change the header of a meeting not cancelled. */
int	meeting_update(struct svc *s, int64_t id,
	    const struct meeting_input *in, struct err *e);
/*
 * Change the state (see meeting_state_change_ok); ERR_CONFLICT
 * "invalid_transition" for any other change. Convening publishes the
 * agenda.
 */
int	meeting_set_state(struct svc *s, int64_t id, enum meeting_state to,
	    struct err *e);
/*
 * Put the body's current members on a meeting without participants: the
 * voting members and the substitutes (current on the meeting's day, or
 * today without one), as "deltager", a substitute noted as such;
 * *added receives how many (0 when the meeting already has
 * participants). Not for a cancelled meeting or approved minutes
 * (ERR_CONFLICT). meeting_create does the same.
 */
int	meeting_participants_prefill(struct svc *s, int64_t meeting_id,
	    size_t *added, struct err *e);
/* Add a participant (status deltager, afbud or fravaerende). */
int	meeting_participant_add(struct svc *s, int64_t meeting_id,
	    const struct participant *p, struct err *e);
/* Change a participant's status and substitute. */
int	meeting_participant_set(struct svc *s, int64_t meeting_id,
	    int64_t participant_id, const char *status, const char *substitute,
	    struct err *e);
/*
 * Add an item to a meeting whose minutes are not approved; the items are
 * numbered again (by section, then order). *id receives the new id.
 */
int	meeting_item_add(struct svc *s, int64_t meeting_id,
	    const struct item_input *in, int64_t *id, struct err *e);
/* Change an item's agenda fields (numbering follows its section). */
int	meeting_item_update(struct svc *s, int64_t item_id,
	    const struct item_input *in, struct err *e);
/*
 * Delete an item of a meeting that is neither approved nor cancelled,
 * with its attachments and follow-ups; the rest are numbered again.
 * ERR_CONFLICT "item_has_minutes" when the item has minutes or a result
 * (the record of a decision is not deleted). *meeting_id receives the
 * item's meeting. Audited with the item as it was.
 */
int	meeting_item_delete(struct svc *s, int64_t item_id,
	    int64_t *meeting_id, struct err *e);
/*
 * Move an item one place up (delta -1) or down (delta 1) within its
 * section, and number the items again. ERR_CONFLICT "cannot_move" at the
 * section's edge. Audited.
 */
int	meeting_item_move(struct svc *s, int64_t item_id, int delta,
	    struct err *e);
/*
 * Write the minutes and result of an item of a held meeting (afholdt or
 * referat_udkast; the first minutes move the meeting to referat_udkast).
 * ERR_CONFLICT "minutes_frozen" once approved. Audited with old and new.
 */
int	meeting_item_minutes(struct svc *s, int64_t item_id,
	    const char *minutes, enum item_result result, struct err *e);
/* Circulate the draft minutes to the members (keeps the draft for the diff). */
int	meeting_minutes_circulate(struct svc *s, int64_t meeting_id,
	    struct err *e);
/*
 * Approve the previous meeting's minutes through the "Godkendelse af
 * referat" item of the next meeting: the item's result becomes godkendt,
 * and the previous minutes are frozen and published.
 */
int	meeting_item_approve(struct svc *s, int64_t item_id, struct err *e);
/*
 * Approve circulated minutes before the next meeting, where a decision
 * takes effect earlier (note says why); frozen and published.
 */
int	meeting_minutes_approve_early(struct svc *s, int64_t meeting_id,
	    const char *note, struct err *e);
/* A member signs off circulated minutes (members only). */
int	meeting_minutes_signoff(struct svc *s, int64_t meeting_id,
	    struct err *e);
/*
 * Attach a file to an item: PDF, DOCX or XLSX (by content), at most
 * MEETING_ATTACHMENT_MAX bytes; stored once by its BLAKE2b hash, with its
 * text for search where it can be extracted. name defaults to the file
 * name without extension.
 */
int	meeting_attachment_add(struct svc *s, int64_t item_id,
	    const char *name, const char *filename, const void *data,
	    size_t len, bool closed, const char *doc_no, int64_t *id,
	    struct err *e);

/* A file received on disk (an upload streamed to a temporary file). */
struct meeting_file {
	const char	*filename;	/* the client's name for it, or NULL */
	const char	*path;		/* the file; the caller removes it */
	size_t		 size;		/* bytes */
	const char	*hash;		/* BLAKE2b-256 of the content, hex (64
					   characters), as the store keys it */
};
/*
 * meeting_attachment_add() of the file f: its content is read from
 * f->path and copied into the store a chunk at a time, never whole in
 * memory; f->hash is trusted to be the hash of that content. ERR_IO
 * when the file cannot be read or is not f->size bytes long.
 */
int	meeting_attachment_add_file(struct svc *s, int64_t item_id,
	    const char *name, const struct meeting_file *f, bool closed,
	    const char *doc_no, int64_t *id, struct err *e);
/*
 * Rename an attachment and set its closed flag; *item_id receives its
 * item. Allowed also after the minutes are approved (an attachment found
 * to hold personal data is closed), not for a cancelled meeting. The
 * search index follows at once. Audited with old and new.
 */
int	meeting_attachment_set(struct svc *s, int64_t id, const char *name,
	    bool closed, int64_t *item_id, struct err *e);
/*
 * Delete an attachment of a meeting neither approved nor cancelled;
 * *item_id receives its item. Audited.
 */
int	meeting_attachment_delete(struct svc *s, int64_t id, int64_t *item_id,
	    struct err *e);
/* A follow-up of an item's decision: text, owner, due date (ISO). */
int	meeting_follow_up_add(struct svc *s, int64_t item_id,
	    const char *text, const char *owner, const char *due_on,
	    int64_t *id, struct err *e);
/* Change a follow-up's status (aaben, i_gang, lukket). */
int	meeting_follow_up_set(struct svc *s, int64_t id, const char *status,
	    struct err *e);

/*
 * Import minutes exported as text (name is the file name, for the
 * record): parse them (minutes_parse), find the body (body_id, else the
 * body the text names), and create the meeting with its participants,
 * items and attachment names, or find the meeting imported from the same
 * text before (same minutes_fingerprint) and create nothing. Text that
 * could not be placed is kept on the meeting and returned. Imported
 * minutes count as approved and published when any item has minutes;
 * otherwise the meeting is convened (indkaldt).
 */
int	meeting_import(struct svc *s, const char *name, const char *text,
	    size_t len, int64_t body_id, struct meeting_import_result *out,
	    struct err *e);
/*
 * meeting_import() of an uploaded document: a DOCX or PDF file is read
 * through report/doc_text first, any other file is taken as text
 * (plain, markdown or HTML). ERR_INVALID "no_text" when a DOCX or PDF
 * holds no text, "not_minutes" for a spreadsheet.
 */
int	meeting_import_doc(struct svc *s, const char *name, const char *data,
	    size_t len, int64_t body_id, struct meeting_import_result *out,
	    struct err *e);
/*
 * Import the minutes of the demo data compiled into the binary (files
 * named "referat-*.txt"), as meeting_import does; *n receives the number
 * of meetings created (0 when they were imported before).
 */
int	meeting_load_demo(struct svc *s, int *n, struct err *e);

#endif
