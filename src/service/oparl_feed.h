/*
 * oparl_feed — what the open (OParl 1.1) read API publishes: pages of
 * organizations, persons, memberships, meetings, agenda items, files,
 * locations and agreement years, single objects, and tombstones of
 * deleted ones, as the plain structs of report/oparl.h.
 *
 * Everything here is public and the same for every caller, logged in or
 * not. Meetings, items, files and locations come from the public
 * projection meeting_view_get(…, include_closed = false, …), the one
 * the PDF, iCalendar and RSS outputs use: closed items, closed
 * attachments and planned meetings are never in it, and minutes only
 * once approved. Which ids a page holds is decided in SQL
 * (store/oparl_store), where the same rules apply, so a closed object is
 * neither listed nor found (ERR_NOT_FOUND, never a tombstone).
 *
 * A page costs two queries plus one public meeting view per distinct
 * meeting on the page (at most the page size), never one per object of
 * the whole list.
 */
#ifndef RAMME_OPARL_FEED_H
#define RAMME_OPARL_FEED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "report/meeting_view.h"
#include "report/oparl.h"
#include "store/oparl_store.h"

struct err;
struct svc;

#define OPARL_FEED_LIMIT	100	/* default page size */
#define OPARL_FEED_LIMIT_MAX	1000
#define OPARL_FEED_STAMP	21	/* "2011-10-01T12:00:00Z" + NUL */

/* What a list asks for; stamps as given by the client, or NULL. */
struct oparl_query {
	const char	*created_since;
	const char	*created_until;
	const char	*modified_since;
	const char	*modified_until;
	int64_t		 limit;		/* 1..OPARL_FEED_LIMIT_MAX */
	int64_t		 page;		/* 1.. */
};

/*
 * One object of a page. deleted: a tombstone (type, segment, created,
 * modified). Otherwise, by type: org, person (with its memberships),
 * membership, term; or view (in the svc arena) with item_id / file_id
 * naming the AgendaItem / File of the view (MEETING and LOCATION take
 * the view itself; the location is the meeting's place).
 */
struct oparl_entry {
	enum oparl_type			 type;
	bool				 deleted;
	const char			*segment;	/* URL segment: "7",
							   "socdir" */
	const char			*created;
	const char			*modified;
	const struct meeting_view	*view;
	int64_t				 item_id;
	int64_t				 file_id;
	struct oparl_organization	 org;
	struct oparl_person		 person;
	struct oparl_membership		 membership;
	struct oparl_legislative_term	 term;
};

struct oparl_page {
	struct oparl_entry	*entries;
	size_t			 n;
	int64_t			 total;		/* matching objects in all pages */
};

/*
 * Normalise an ISO 8601 date-time ("2011-10-01T12:00:00+02:00",
 * "…T10:00:00Z", "…T10:00:00.123Z"; no offset means UTC) to UTC text
 * "2011-10-01T10:00:00Z" in out. Returns 0 or ERR_INVALID (key
 * "invalid_datetime", field name, a Danish message).
 */
int	oparl_feed_time(const char *in, const char *name,
	    char out[OPARL_FEED_STAMP], struct err *e);
/*
 * One page of the list of type t (ORGANIZATION, PERSON, MEMBERSHIP,
 * MEETING, AGENDA_ITEM, FILE, LOCATION, LEGISLATIVE_TERM; PAPER and
 * CONSULTATION are always empty). Stamps are checked with
 * oparl_feed_time (ERR_INVALID); tombstones are included when
 * modified_since is given. Entries live in s->arena.
 */
int	oparl_feed_list(struct svc *s, enum oparl_type t,
	    const struct oparl_query *q, struct oparl_page *out,
	    struct err *e);
/*
 * The object of type t at URL segment seg (an id; an organization's
 * key; a year), published or a public tombstone. ERR_NOT_FOUND for
 * anything else, closed and unpublished objects included.
 */
int	oparl_feed_get(struct svc *s, enum oparl_type t, const char *seg,
	    struct oparl_entry *out, struct err *e);
/*
 * The agreement years embedded in the Body, and the register's stamps
 * (first creation, last change), in s->arena.
 */
int	oparl_feed_body(struct svc *s, struct oparl_legislative_term **terms,
	    size_t *nterms, const char **created, const char **modified,
	    struct err *e);

#endif
