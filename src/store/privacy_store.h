/*
 * privacy_store — what is held about one person, gathered for an export,
 * and the statements that erase (pseudonymise) a person
 * (docs/privacy.md). Functions run inside the caller's transaction.
 */
#ifndef RAMME_PRIVACY_STORE_H
#define RAMME_PRIVACY_STORE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct err;

/* A person as the privacy pages see it. */
struct privacy_person {
	int64_t		 id;
	const char	*name;
	const char	*organisation;	/* as written, or the employer's name,
					   or NULL */
	const char	*email;		/* or NULL */
	int64_t		 user_id;	/* login, 0 if none */
	const char	*username;	/* of the login, or NULL */
	const char	*erased_at;	/* ISO UTC, or NULL */
	int64_t		 nmemberships;	/* memberships of bodies */
	int64_t		 nmeetings;	/* meetings listed at */
};

/* The person id, or ERR_NOT_FOUND. */
int	privacy_store_person(struct db *db, struct arena *a, int64_t id,
	    struct privacy_person *out, struct err *e);
/*
 * The persons by name (erased last), max from offset, in a; *total the
 * number of persons.
 */
int	privacy_store_persons(struct db *db, struct arena *a, size_t max,
	    size_t offset, struct privacy_person **out, size_t *n,
	    int64_t *total, struct err *e);
/*
 * Set into obj one array per kind of data held about p (the login,
 * memberships, nominations, participations, apologies, sign-offs, audit
 * rows as actor and as subject, login log, sessions, mail), each row an
 * object named by the table's own column names.
 */
int	privacy_store_dossier(struct db *db, const struct privacy_person *p,
	    json_t *obj, struct err *e);

/* What an erasure changed, by table. */
struct privacy_erased {
	int64_t		 participants;	/* meeting_participant rows renamed */
	int64_t		 participants_kept; /* kept: approved minutes */
	int64_t		 audit_redacted; /* audit rows whose values went */
	int64_t		 mails;		/* outbox rows deleted */
	int64_t		 sessions;	/* session rows deleted */
	int64_t		 logins;	/* login_attempt rows deleted */
};

/*
 * Erase person p as of now: the name becomes pseudonym, organisation and
 * e-mail go; their names as listed at meetings whose minutes are not
 * approved become pseudonym (approved minutes keep the name as
 * published); the audit rows about the person and the login lose their
 * values; mails to the person's address are deleted; the login (if any) is disabled and renamed to user_pseudonym,
 * its address, notice choices, mails, sessions and login attempts
 * deleted, and its audit rows as actor carry user_pseudonym.
 */
int	privacy_store_erase(struct db *db, const struct privacy_person *p,
	    const char *pseudonym, const char *user_pseudonym, const char *now,
	    struct privacy_erased *out, struct err *e);

#endif
