/*
 * org_store — organisations and their populations in the database.
 * Functions run inside the caller's transaction (services own them).
 */
#ifndef RAMME_ORG_STORE_H
#define RAMME_ORG_STORE_H

#include <stdbool.h>

struct arena;
struct db;
struct err;
struct org;

/* Every organisation with its populations, ordered by kind then name. */
int	org_store_list(struct db *db, struct arena *a, struct org **out,
	    int *n, struct err *e);
/* One organisation; ERR_NOT_FOUND if no such code. */
int	org_store_get(struct db *db, struct arena *a, const char *code,
	    struct org *out, struct err *e);
/* True if an organisation with code exists; *kind_out (may be NULL). */
bool	org_store_exists(struct db *db, const char *code, int *kind_out);
/*
 * Insert or update o and replace its populations for the years given
 * (years not given are kept). at is the ISO timestamp.
 */
int	org_store_upsert(struct db *db, const struct org *o, const char *at,
	    struct err *e);

#endif
