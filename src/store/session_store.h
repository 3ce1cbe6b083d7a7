/*
 * session_store — login sessions and login attempts in the database.
 * Only a hash of each session token is stored.
 */
#ifndef RAMME_SESSION_STORE_H
#define RAMME_SESSION_STORE_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;
struct err;

struct session_row {
	int64_t		 id;
	int64_t		 user_id;
	const char	*csrf_token;
	const char	*expires_at;	/* ISO timestamp */
};

int	session_store_insert(struct db *db, const unsigned char *hash,
	    size_t hashlen, int64_t user_id, const char *csrf,
	    const char *created_at, const char *expires_at, struct err *e);
/* The unexpired session with this token hash; ERR_NOT_FOUND otherwise. */
int	session_store_find(struct db *db, struct arena *a,
	    const unsigned char *hash, size_t hashlen, const char *now,
	    struct session_row *out, struct err *e);
int	session_store_delete(struct db *db, const unsigned char *hash,
	    size_t hashlen, struct err *e);
/* Drop every session of a user (deactivation, password change). */
int	session_store_delete_user(struct db *db, int64_t user_id,
	    struct err *e);
/* Drop every session of a user but the one with hash keep. */
int	session_store_delete_others(struct db *db, int64_t user_id,
	    const unsigned char *keep, size_t keeplen, struct err *e);
/* One of a user's sessions, as its owner sees it. */
struct session_info {
	const char	*created_at;	/* ISO timestamp */
	const char	*expires_at;	/* ISO timestamp */
	int		 current;	/* 1 for the session asking */
};
/*
 * The unexpired sessions of user_id, newest first, at most max, in a;
 * current marks the one whose hash is cur.
 */
int	session_store_list_user(struct db *db, struct arena *a,
	    int64_t user_id, const unsigned char *cur, size_t curlen,
	    const char *now, size_t max, struct session_info **out, size_t *n,
	    struct err *e);
/* Drop expired sessions and attempts older than before_epoch. */
int	session_store_purge(struct db *db, const char *now,
	    int64_t before_epoch, struct err *e);

/*
 * Record a login attempt at time at (epoch seconds); *id (if not NULL)
 * receives its row. An attempt is recorded as failed before the password
 * is checked, so concurrent attempts count each other, and marked ok
 * afterwards.
 */
int	session_store_attempt(struct db *db, const char *username,
	    const char *ip, int64_t at, int ok, int64_t *id, struct err *e);
/* Mark attempt id as successful. */
int	session_store_attempt_ok(struct db *db, int64_t id, struct err *e);
/*
 * Failed attempts for username since since (epoch) into *n, and the time
 * of the latest into *last (0 when none).
 */
int	session_store_user_failures(struct db *db, const char *username,
	    int64_t since, int64_t *n, int64_t *last, struct err *e);
/* Failed attempts since since (epoch) for this username and for this ip. */
int	session_store_failures(struct db *db, const char *username,
	    const char *ip, int64_t since, int64_t *by_user, int64_t *by_ip,
	    struct err *e);

#endif
