/*
 * oparl_store — the SQL of the open (OParl) read API: one page of a
 * list of published objects and of the tombstones of deleted ones, in a
 * stable order (by id), filtered by creation and modification time.
 *
 * What is published is decided here, in SQL, for every kind: meetings
 * that are not planlagt; open items of such meetings; open attachments
 * of open items of such meetings; every body, person and membership of
 * the governance register; the municipalities and regions. Tombstones
 * are listed only when they were public at deletion (migration 006).
 * The content of meetings is read through service/meeting's public
 * projection (meeting_view_get), not here.
 *
 * Functions run inside the caller's transaction. Each page is two
 * queries (the rows and their count), whatever the page size.
 */
#ifndef RAMME_OPARL_STORE_H
#define RAMME_OPARL_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct err;

enum oparl_kind {
	OPARL_KIND_ORGANIZATION,	/* bodies, then municipalities and
					   regions */
	OPARL_KIND_PERSON,
	OPARL_KIND_MEMBERSHIP,
	OPARL_KIND_MEETING,
	OPARL_KIND_AGENDA_ITEM,
	OPARL_KIND_FILE,
	OPARL_KIND_LOCATION,		/* the places of published meetings */
	OPARL_KIND_TERM,		/* agreement years with published
					   meetings */
	OPARL_KIND_COUNT
};

#define OPARL_ROW_EXTRA	8	/* kind-specific columns of a row */

/*
 * Which rows: stamps are UTC "YYYY-MM-DDTHH:MM:SSZ" or NULL (no bound,
 * inclusive). with_deleted adds the public tombstones (lists asked with
 * modified_since; single objects). only_id / only_key select one object
 * (0 / NULL: all).
 */
struct oparl_filter {
	const char	*created_since;
	const char	*created_until;
	const char	*modified_since;
	const char	*modified_until;
	bool		 with_deleted;
	int64_t		 only_id;
	const char	*only_key;
	int64_t		 limit;		/* rows of the page, >= 1 */
	int64_t		 offset;
};

/*
 * One row: a published object or a tombstone (deleted; created may then
 * be NULL and modified is the time of deletion).
 *
 * id is the object's id (the year of a term; 0 for a municipality),
 * meeting_id the meeting a meeting, item, file or location row belongs
 * to (0 if unknown), key the URL segment of an organization ("socdir",
 * "organ-12", "851"). extra[] holds, as text or NULL:
 *   organization: name, short name, kind (organ, arbejdsgruppe,
 *     netvaerk; kommune, region), parent's key, mandate, ends_on
 *   person: name
 *   membership: organization key, person id, role, voting (0/1),
 *     on_behalf_of code, substitute_for id, starts_on, ends_on
 */
struct oparl_row {
	int64_t		 id;
	int64_t		 meeting_id;
	bool		 deleted;
	const char	*created;
	const char	*modified;
	const char	*key;
	const char	*extra[OPARL_ROW_EXTRA];
};

/*
 * The rows of kind k matching f, ordered by id (organizations: bodies by
 * id, then municipalities and regions by code), f->limit from
 * f->offset, in a; *total receives the count of all matching rows.
 * Returns 0 or a negative err code.
 */
int	oparl_store_page(struct db *db, struct arena *a, enum oparl_kind k,
	    const struct oparl_filter *f, struct oparl_row **out, size_t *n,
	    int64_t *total, struct err *e);
/*
 * The memberships (rows as for OPARL_KIND_MEMBERSHIP) of the persons
 * with ids from lo to hi, ordered by person (extra[1]) and id.
 */
int	oparl_store_person_memberships(struct db *db, struct arena *a,
	    int64_t lo, int64_t hi, struct oparl_row **out, size_t *n,
	    struct err *e);
/* Every membership as (body id, membership id), ordered by body and id. */
int	oparl_store_body_memberships(struct db *db, struct arena *a,
	    int64_t **body_ids, int64_t **ids, size_t *n, struct err *e);
/*
 * The stamps of the register as a whole, for System and Body: the first
 * creation of a body, and the latest change of anything the feed shows
 * (bodies, organisations, persons, memberships, public meetings with
 * their items and files, deletions), in a. Stored text for which
 * valid() is false is passed over (the next earlier or later one
 * counts). NULL when there is no body with a valid creation stamp.
 */
int	oparl_store_stamps(struct db *db, struct arena *a,
	    bool (*valid)(const char *stamp), const char **created,
	    const char **modified, struct err *e);

#endif
