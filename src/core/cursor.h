/*
 * cursor — the opaque position of keyset pagination: a list's sort order
 * and the last row's sort key and id, as a URL-safe token (base64url of
 * a versioned, length-prefixed text). The next page is the rows after
 * that key in that order: a seek in the sort order's index instead of
 * counting rows off from the start, and stable when rows are inserted
 * or deleted before it. Pure; no I/O.
 */
#ifndef RAMME_CURSOR_H
#define RAMME_CURSOR_H

#include <stdint.h>

struct arena;
struct err;

/* Longest key (bytes) a cursor carries; longer tokens are refused. */
#define CURSOR_KEY_MAX	512

/* A position in a sorted list. */
struct cursor {
	int		 sort;	/* the list's sort order (its own numbering) */
	int64_t		 id;	/* the last row's id (the tie-break) */
	const char	*k1;	/* first sort key of that row; NULL if SQL NULL or none */
	const char	*k2;	/* second sort key; NULL if SQL NULL or none */
};

/*
 * The token of c, in arena a: only the characters A-Z a-z 0-9 - _ (safe
 * in a URL without escaping). Keys longer than CURSOR_KEY_MAX bytes are
 * cut (the id keeps the order exact only up to the cut: callers pass
 * keys of at most that length).
 */
const char *cursor_encode(struct arena *a, const struct cursor *c);
/*
 * Parse token into *c (strings in a). ERR_INVALID with the key
 * "invalid_cursor", field "cursor" and a Danish message for anything but
 * a token cursor_encode() made; *c is then zeroed.
 */
int	cursor_decode(struct arena *a, const char *token, struct cursor *c,
	    struct err *e);

#endif
