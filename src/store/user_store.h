/*
 * user_store — user accounts in the database. Functions run inside the
 * caller's transaction.
 */
#ifndef RAMME_USER_STORE_H
#define RAMME_USER_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/role.h"

struct arena;
struct db;
struct err;

struct user {
	int64_t		 id;
	int64_t		 version;	/* bumped by every update (ETag) */
	const char	*username;
	const char	*display_name;
	enum role	 role;
	const char	*org_code;	/* NULL for admin/reader without org */
	const char	*password_hash;	/* argon2id PHC string; never sent out */
	bool		 active;
	const char	*created_at;
	const char	*updated_at;
};

int	user_store_list(struct db *db, struct arena *a, struct user **out,
	    int *n, struct err *e);
/* By id or by name; ERR_NOT_FOUND if missing. */
int	user_store_get(struct db *db, struct arena *a, int64_t id,
	    struct user *out, struct err *e);
int	user_store_get_by_name(struct db *db, struct arena *a,
	    const char *username, struct user *out, struct err *e);
/* Insert u; *id receives the new id; ERR_CONFLICT if the name is taken. */
int	user_store_insert(struct db *db, const struct user *u, const char *at,
	    int64_t *id, struct err *e);
/*
 * Update display name, role, organisation, active flag and (if
 * u->password_hash is not NULL) the password, when the version is still
 * expected_version. ERR_PRECONDITION otherwise.
 */
int	user_store_update(struct db *db, const struct user *u,
	    int64_t expected_version, const char *at, struct err *e);
/* Number of active admins. */
int64_t	user_store_count_admins(struct db *db);

#endif
