/*
 * arena — a region allocator for request- and command-scoped memory.
 *
 * Everything allocated from an arena is released at once by
 * arena_cleanup(). HTTP handlers allocate only from their request's arena,
 * so a handler cannot leak: the server frees the arena when the request
 * completes. Allocation never fails (aborts on exhaustion).
 */
#ifndef RAMME_ARENA_H
#define RAMME_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block	*head;	/* newest block first */
	size_t			 total;	/* bytes handed out, for limits and stats */
};

/* Prepare an empty arena (no allocation until first use). */
void	 arena_init(struct arena *a);
/* Release every block; the arena may be reused after arena_init(). */
void	 arena_cleanup(struct arena *a);
/* n bytes, aligned for any type, zeroed. */
void	*arena_alloc(struct arena *a, size_t n);
/* nmemb * size zeroed bytes; aborts on overflow. */
void	*arena_calloc(struct arena *a, size_t nmemb, size_t size);
/*
 * nmemb * size bytes, aligned, NOT zeroed; aborts on overflow. For a
 * large array the caller fills before reading: the pages of it never
 * written are never touched.
 */
void	*arena_array(struct arena *a, size_t nmemb, size_t size);
/*
 * Make room for element k of the array v of elements of size sz, whose
 * capacity is *cap: returns v if k < *cap, else a copy of the first k
 * elements in a new array of twice the capacity (at least 16), zeroed
 * beyond k, and updates *cap. The old array stays in the arena.
 */
void	*arena_grow(struct arena *a, void *v, size_t k, size_t *cap,
	    size_t sz);
/* Copy of s (NULL gives NULL). */
char	*arena_strdup(struct arena *a, const char *s);
/* Copy of the first n bytes of s, NUL-terminated. */
char	*arena_strndup(struct arena *a, const char *s, size_t n);
/* printf into the arena. */
char	*arena_printf(struct arena *a, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
char	*arena_vprintf(struct arena *a, const char *fmt, va_list ap)
	    __attribute__((format(printf, 2, 0)));

#endif
