/*
 * meeting_store — meetings, their participants, agenda items,
 * attachments and file contents, follow-ups, members' sign-offs of
 * minutes, and the public search index, in the database. Functions run
 * inside the caller's transaction and check nothing but what SQL checks;
 * the rules (roles, states, what is public) are in service/meeting.
 *
 * Reads that take include_closed leave closed items and closed
 * attachments out in SQL itself when it is false, so a public caller
 * never holds closed text in memory.
 */
#ifndef RAMME_MEETING_STORE_H
#define RAMME_MEETING_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/meeting.h"

struct arena;
struct db;
struct err;

/*
 * SQL for the year of the meeting start column c: its first four
 * characters as a number when they are four digits, 0 when they are not
 * (a start an old import left unreadable), NULL when c is NULL. The same
 * on SQLite and PostgreSQL, where a bare CAST of such a start would fail
 * the whole statement instead of reading 0.
 */
#define MEETING_YEAR_SQL(c) \
	"CASE WHEN length(" c ") < 4 OR trim(substr(" c ", 1, 4), " \
	"'0123456789') <> '' THEN 0 ELSE CAST(substr(" c ", 1, 4) AS " \
	"INTEGER) END"

struct meeting {
	int64_t			 id;
	int64_t			 version;
	int64_t			 body_id;
	const char		*body_name;	/* read only */
	const char		*body_key;	/* read only; NULL for a new body */
	const char		*title;
	const char		*starts_at;	/* local "2011-10-06T13:00" or a date; NULL */
	const char		*ends_at;	/* NULL */
	const char		*place;
	const char		*room;
	const char		*participants_note; /* a group named as participants */
	const char		*referent;
	const char		*case_no;	/* Sagsnr. */
	const char		*doc_no;	/* Dok.nr. */
	enum meeting_state	 state;
	const char		*agenda_published_at;
	const char		*minutes_circulated_at;
	const char		*minutes_approved_at;
	int64_t			 approved_by_item;	/* 0 if none */
	bool			 approved_early;
	const char		*approval_note;
	const char		*source_name;		/* imported file */
	const char		*source_fingerprint;	/* 16 hex digits */
	const char		*unplaced;	/* JSON [{line, text}] or NULL */
	bool			 start_unread;	/* imported, its start could not
						   be read from the minutes */
	const char		*created_at;
	const char		*updated_at;
};

/* What a list of meetings is filtered by; 0 / NULL: no filter. */
struct meeting_filter {
	int64_t		 body_id;
	int		 year;		/* of starts_at */
	bool		 public_only;	/* leave out planned meetings */
	int		 limit;		/* rows, 1..1000 */
};

struct participant {
	int64_t		 id;
	int		 pos;		/* 1.. in the order shown */
	int64_t		 person_id;	/* 0 if not linked */
	const char	*name;
	const char	*organisation;
	const char	*note;		/* "formand" ... */
	const char	*status;	/* deltager | afbud | fravaerende */
	const char	*substitute;	/* who came instead, or NULL */
};

struct attachment {
	int64_t		 id;
	int64_t		 item_id;
	int		 pos;
	const char	*name;		/* "Udkast til tilbagesøgningskrav" */
	const char	*filename;	/* as uploaded, or NULL */
	const char	*blob_hash;	/* NULL: known by name only */
	const char	*media_type;	/* of the blob, or NULL */
	int64_t		 size;		/* bytes of the blob, 0 if none */
	const char	*doc_no;	/* Dok.nr. */
	bool		 closed;
};

struct agenda_item {
	int64_t			 id;
	int64_t			 meeting_id;
	int			 number;	/* 0: unnumbered */
	int			 pos;		/* order within the section */
	enum item_kind		 kind;
	enum item_section	 section;
	const char		*section_text;	/* heading as imported, or NULL */
	const char		*title;
	const char		*presenter;	/* initials */
	const char		*background;
	const char		*recommendation;
	int64_t			 earlier_item;	/* 0 if none */
	int64_t			 earlier_body;	/* 0 if none */
	const char		*earlier_text;
	int64_t			 prev_meeting;	/* kind referat: whose minutes */
	const char		*minutes;
	const char		*minutes_draft;	/* as circulated */
	enum item_result	 result;
	bool			 closed;
	const char		*updated_at;
	struct attachment	*files;		/* filled by meeting_store_items */
	size_t			 nfiles;
};

struct follow_up {
	int64_t		 id;
	int64_t		 item_id;
	int64_t		 meeting_id;	/* read only */
	int		 item_number;	/* read only */
	const char	*item_title;	/* read only */
	const char	*meeting_title;	/* read only */
	const char	*meeting_starts; /* read only */
	const char	*text;
	const char	*owner;
	const char	*due_on;
	const char	*status;	/* aaben | i_gang | lukket */
	const char	*closed_at;
};

/* A member's sign-off of circulated minutes. */
struct signoff {
	const char	*name;		/* the person */
	const char	*at;		/* when, UTC ISO timestamp */
	bool		 voting;	/* a current voting member of the body */
};

/* An earlier item another item may refer to (a select's option). */
struct item_ref {
	int64_t		 id;		/* the item */
	int		 number;	/* its number on its agenda, 0: none */
	const char	*title;
	int64_t		 meeting_id;
	const char	*meeting_starts; /* local ISO "2026-03-06T10:00" */
	const char	*body_name;
};

/* One hit of a search. */
struct search_hit {
	int64_t		 item_id;
	int64_t		 meeting_id;
	int		 number;
	const char	*title;
	const char	*meeting_title;
	const char	*body_name;
	const char	*starts_at;
	const char	*section;	/* code */
	const char	*result;	/* code or NULL */
	const char	*snippet;	/* text with \x01 before and \x02 after hits */
};

/*
 * A search finds at most the SEARCH_MAX_HITS newest matching items (by
 * item id) and ranks those by relevance (bm25): ranking costs about
 * 2-3 µs a candidate, 30-40 ms for every hit of a word found in every
 * item. The count stops at SEARCH_MAX_HITS + 1, meaning "more than
 * SEARCH_MAX_HITS".
 */
#define SEARCH_MAX_HITS	1000

struct search_filter {
	const char	*match;		/* FTS5 query, already made safe */
	int64_t		 body_id;
	int		 year;
	const char	*section;	/* code or NULL */
	const char	*result;	/* code or NULL */
	int		 limit;		/* 1..200 */
	int		 offset;
};

/* ---- meetings ---- */

int	meeting_store_get(struct db *db, struct arena *a, int64_t id,
	    struct meeting *out, struct err *e);
/* Meetings matching f, newest first. */
int	meeting_store_list(struct db *db, struct arena *a,
	    const struct meeting_filter *f, struct meeting **out, size_t *n,
	    struct err *e);
/*
 * The years that have meetings (public_only as in the filter), newest
 * first; a start without a year (MEETING_YEAR_SQL gives 0) adds none.
 */
int	meeting_store_years(struct db *db, struct arena *a, bool public_only,
	    int **out, size_t *n, struct err *e);
/* A meeting imported without a start (start_unread, starts_at NULL). */
struct meeting_incomplete {
	int64_t		 id;
	const char	*title;
	const char	*body_name;
	const char	*source_name;	/* the imported file, or NULL */
	const char	*created_at;	/* when it was imported, UTC */
	int		 nitems;
	int		 nunplaced;	/* text blocks not placed */
};
/* Meetings imported whose start could not be read and is still not set,
   newest import first (at most 1000). */
int	meeting_store_incomplete(struct db *db, struct arena *a,
	    struct meeting_incomplete **out, size_t *n, struct err *e);
/* Id of the meeting imported with fingerprint fp, or 0. */
int64_t	meeting_store_find_fingerprint(struct db *db, const char *fp);
/*
 * The latest meeting of body before starts_at (not cancelled, not
 * exclude_id), or 0.
 */
int64_t	meeting_store_previous(struct db *db, int64_t body_id,
	    const char *starts_at, int64_t exclude_id);
/* Insert m with its state and stamps; *id receives the new id. */
int	meeting_store_insert(struct db *db, const struct meeting *m,
	    const char *at, int64_t *id, struct err *e);
/*
 * Write the header fields of m (body, title, times, place, room,
 * referent, numbers, participants_note), bumping the version.
 */
int	meeting_store_update(struct db *db, const struct meeting *m,
	    const char *at, struct err *e);
/*
 * Write the state and the minutes stamps of m (agenda_published_at,
 * minutes_circulated_at, minutes_approved_at, approved_by_item,
 * approved_early, approval_note), bumping the version.
 */
int	meeting_store_set_state(struct db *db, const struct meeting *m,
	    const char *at, struct err *e);

/* ---- participants ---- */

int	meeting_store_participants(struct db *db, struct arena *a,
	    int64_t meeting_id, struct participant **out, size_t *n,
	    struct err *e);
/* Append p (its pos is ignored: after the last). */
int	meeting_store_participant_add(struct db *db, int64_t meeting_id,
	    const struct participant *p, int64_t *id, struct err *e);
/* Change status and substitute; ERR_NOT_FOUND unless it is in meeting_id. */
int	meeting_store_participant_set(struct db *db, int64_t meeting_id,
	    int64_t id, const char *status, const char *substitute,
	    struct err *e);
int	meeting_store_participant_delete(struct db *db, int64_t meeting_id,
	    int64_t id, struct err *e);

/* ---- items ---- */

/*
 * The items of a meeting in number order, with their attachments.
 * include_closed false leaves out closed items and closed attachments.
 */
int	meeting_store_items(struct db *db, struct arena *a, int64_t meeting_id,
	    bool include_closed, struct agenda_item **out, size_t *n,
	    struct err *e);
/* One item with its attachments (closed ones included). */
int	meeting_store_item_get(struct db *db, struct arena *a, int64_t id,
	    struct agenda_item *out, struct err *e);
/* The next free pos in a section of a meeting. */
int	meeting_store_item_next_pos(struct db *db, int64_t meeting_id,
	    enum item_section s);
/* Insert it (number and pos as given); *id receives the new id. */
int	meeting_store_item_insert(struct db *db, const struct agenda_item *it,
	    const char *at, int64_t *id, struct err *e);
/*
 * Write the agenda fields of it (section, pos, title, presenter,
 * background, recommendation, earlier_*, closed).
 */
int	meeting_store_item_update(struct db *db, const struct agenda_item *it,
	    const char *at, struct err *e);
/* Write minutes, minutes_draft and result. */
int	meeting_store_item_set_minutes(struct db *db,
	    const struct agenda_item *it, const char *at, struct err *e);
/* Copy minutes to minutes_draft for every item of a meeting. */
int	meeting_store_snapshot_minutes(struct db *db, int64_t meeting_id,
	    struct err *e);
/*
 * Delete an item with its attachments and follow-ups; other items'
 * links to it (earlier_item) are cleared. The triggers of migration 005
 * leave tombstones. ERR_NOT_FOUND if there is no such item.
 */
int	meeting_store_item_delete(struct db *db, int64_t id, struct err *e);
/* Exchange the positions (pos and number) of two items. */
int	meeting_store_item_swap(struct db *db, const struct agenda_item *a,
	    const struct agenda_item *b, const char *at, struct err *e);
/* Number the items 1.. by section, then pos. */
int	meeting_store_renumber(struct db *db, int64_t meeting_id,
	    struct err *e);

/* ---- attachments ---- */

/*
 * Store the content once: a blob with this hash that exists already is
 * kept as it is.
 */
int	meeting_store_blob_put(struct db *db, const char *hash,
	    const void *data, size_t len, const char *media_type,
	    const char *text, const char *at, struct err *e);
/*
 * meeting_store_blob_put() with the len bytes of the content read from
 * fd (a regular file), copied into the database a chunk at a time.
 */
int	meeting_store_blob_put_fd(struct db *db, const char *hash, int fd,
	    size_t len, const char *media_type, const char *text, const char *at,
	    struct err *e);
/* Append attachment f to its item; *id receives the new id. */
int	meeting_store_attachment_add(struct db *db, const struct attachment *f,
	    const char *at, int64_t *id, struct err *e);
/* Rename an attachment and set its closed flag. */
int	meeting_store_attachment_set(struct db *db, int64_t id,
	    const char *name, bool closed, const char *at, struct err *e);
/* Delete an attachment (its content stays while other files use it). */
int	meeting_store_attachment_delete(struct db *db, int64_t id,
	    struct err *e);
/*
 * One attachment with its item's meeting, closed flag and the content
 * (data borrowed into a, len bytes; NULL without a blob).
 */
int	meeting_store_attachment_get(struct db *db, struct arena *a,
	    int64_t id, struct attachment *out, int64_t *meeting_id,
	    bool *item_closed, const void **data, size_t *len, struct err *e);

/* ---- follow-ups ---- */

int	meeting_store_follow_up_add(struct db *db, const struct follow_up *f,
	    const char *at, int64_t *id, struct err *e);
/* Change status (closed_at set when it becomes lukket). */
int	meeting_store_follow_up_set(struct db *db, int64_t id,
	    const char *status, const char *at, struct err *e);
int	meeting_store_follow_up_get(struct db *db, struct arena *a, int64_t id,
	    struct follow_up *out, struct err *e);
/* The follow-ups written in the items of a meeting. */
int	meeting_store_follow_ups(struct db *db, struct arena *a,
	    int64_t meeting_id, bool include_closed, struct follow_up **out,
	    size_t *n, struct err *e);
/*
 * Open follow-ups (not lukket) of earlier meetings of body, before
 * starts_at. public_only: only of open items whose minutes are approved.
 */
int	meeting_store_follow_ups_open(struct db *db, struct arena *a,
	    int64_t body_id, const char *starts_at, int64_t exclude_meeting,
	    bool public_only, struct follow_up **out, size_t *n,
	    struct err *e);
/*
 * Follow-ups of every body not closed (not lukket) whose due date is
 * before before_on (ISO date), earliest first, at most 200.
 */
int	meeting_store_follow_ups_due(struct db *db, struct arena *a,
	    const char *before_on, struct follow_up **out, size_t *n,
	    struct err *e);

/* ---- sign-offs ---- */

/* Record person's sign-off of a meeting's minutes (again: no change). */
int	meeting_store_signoff_add(struct db *db, int64_t meeting_id,
	    int64_t person_id, const char *at, struct err *e);
/* How many have signed off. */
int64_t	meeting_store_signoff_count(struct db *db, int64_t meeting_id);
/* Has person signed off? */
/*
 * Who signed off the minutes of meeting_id, in order; voting tells who is
 * a current (on day today) voting member of body_id, not a substitute.
 */
int	meeting_store_signoffs(struct db *db, struct arena *a,
	    int64_t meeting_id, int64_t body_id, const char *today,
	    struct signoff **out, size_t *n, struct err *e);
/*
 * Case items (kind sag) of meetings other than meeting_id that started
 * in [since, before), not cancelled, newest meeting first, at most max.
 */
int	meeting_store_items_between(struct db *db, struct arena *a,
	    int64_t meeting_id, const char *since, const char *before,
	    int max, struct item_ref **out, size_t *n, struct err *e);
bool	meeting_store_signed_off(struct db *db, int64_t meeting_id,
	    int64_t person_id);

/* ---- search ---- */

/*
 * Rewrite the search rows of every item of a meeting from the public
 * projection: open items of a public meeting; minutes only when
 * approved; attachment text of open attachments only.
 */
int	meeting_store_fts_sync(struct db *db, int64_t meeting_id,
	    struct err *e);
/*
 * Hits of f, best first, among the SEARCH_MAX_HITS newest hits; *total
 * receives the count of hits, SEARCH_MAX_HITS + 1 for more than that.
 */
int	meeting_store_search(struct db *db, struct arena *a,
	    const struct search_filter *f, struct search_hit **out, size_t *n,
	    int64_t *total, struct err *e);
/* The number of search rows whose item is closed (0 unless a bug). */
int64_t	meeting_store_fts_closed_rows(struct db *db);

#endif
