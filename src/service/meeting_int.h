/*
 * meeting_int — what the parts of the meeting service share: who sees
 * what, checks of texts, audit records and the write transaction.
 * Internal to src/service/meeting*.c; see meeting.h for the interface.
 */
#ifndef RAMME_MEETING_INT_H
#define RAMME_MEETING_INT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct err;
struct meeting;
struct meeting_page;
struct svc;

#define MINUTES_TEXT_MAX	100000	/* characters of an item's text field */

/* What the acting user may see of one body's meetings. */
struct access {
	bool	admin;		/* the secretariat */
	bool	member;		/* a current member of the body */
};

/* Today's date "YYYY-MM-DD" of the request, in s->arena. */
const char	*mtg_today(struct svc *s);

/* What the acting user may see of the meetings of body_id, into *ac. */
void		 mtg_access_of(struct svc *s, int64_t body_id,
		    struct access *ac);

/* Whether ac sees closed items and attachments. */
bool		 mtg_see_closed(const struct access *ac);

/* ERR_FORBIDDEN: only the secretariat changes meetings. Returns it. */
int		 mtg_forbidden(struct err *e);

/*
 * 0 when s is a text of at most max characters (valid UTF-8; without
 * control characters; on one line when max <= 1000), or blank and not
 * required; else ERR_INVALID naming field, with label in the message.
 */
int		 mtg_check_text(const char *s, size_t max, bool required,
		    const char *field, const char *label, struct err *e);

/*
 * Record one change of entity id (action "create", "update", …) in the
 * audit log; before and after are stolen (either may be NULL).
 */
int		 mtg_audit_json(struct svc *s, const char *entity, int64_t id,
		    const char *action, json_t *before, json_t *after,
		    struct err *e);

/* Begin a write transaction: ERR_FORBIDDEN unless the secretariat. */
int		 mtg_begin_write(struct svc *s, struct err *e);

/*
 * Commit the write transaction after rewriting the search rows of
 * meeting_id; rolled back on failure.
 */
int		 mtg_finish(struct svc *s, int64_t meeting_id, struct err *e);

/* "6. oktober 2011" of a meeting time (or "" for NULL), in s->arena. */
const char	*mtg_date_da(struct svc *s, const char *when);

/*
 * Fill out with meeting id as its pages show it, for the access given
 * (NULL: the acting user's), inside a read transaction. ERR_NOT_FOUND
 * when the meeting is not there or not visible.
 */
int		 mtg_load_tx(struct svc *s, int64_t id,
		    const struct access *given, struct meeting_page *out,
		    struct err *e);

/*
 * 0 while the items of m may change; ERR_CONFLICT once its minutes are
 * approved or it is cancelled.
 */
int		 mtg_check_open_meeting(const struct meeting *m,
		    struct err *e);

#endif
