/*
 * svc — what every service call needs: a connection, an arena for the
 * results, who acts, and the time of the action.
 *
 * Services own transactions and audit: each public service function runs
 * in one transaction (read or write) and leaves none open on return.
 */
#ifndef RAMME_SVC_H
#define RAMME_SVC_H

#include <stdint.h>

struct arena;
struct db;
struct doc_cache;
struct principal;
struct seal_key;

struct svc {
	struct db		*db;
	struct arena		*arena;		/* results live here */
	const struct principal	*who;		/* never NULL */
	int64_t			 now;		/* epoch seconds of the action */
	char			 now_iso[21];	/* the same as ISO 8601 UTC */
	struct doc_cache	*docs;		/* offers' documents kept by the
						   process, or NULL */
	const struct seal_key	*key;		/* seals the TOTP secrets
						   (service/twofactor); NULL:
						   no usable key file, second
						   factors refused */
};

/* Fill s (docs and key NULL); now is epoch seconds (time(NULL) outside
 * tests). */
void	svc_init(struct svc *s, struct db *db, struct arena *a,
	    const struct principal *who, int64_t now);
/* The principal used by CLI commands run on the server itself. */
extern const struct principal svc_system;

#endif
