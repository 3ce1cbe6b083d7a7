/*
 * cache — a response cache for public JSON lists.
 *
 * An entry is the body of one request (key: the canonical request) at
 * one generation of the register (store's change counter). A lookup
 * finds it only while the generation is unchanged, so a cached body is
 * never stale: any committed change, by any process, bumps the counter.
 * Entries are reference counted: a body stays alive while a response
 * that uses it is being sent, even if it is evicted meanwhile. Bounded in
 * entries and bytes; the least recently used entry goes first.
 */
#ifndef RAMME_CACHE_H
#define RAMME_CACHE_H

#include <stddef.h>
#include <stdint.h>

struct resp_cache;
struct cache_entry;

/* A cache of at most max_entries bodies and max_bytes bytes. */
struct resp_cache	*resp_cache_new(int max_entries, size_t max_bytes);
/* Free the cache; entries still referenced are freed on release. */
void			 resp_cache_free(struct resp_cache *c);
/* Lookups so far that found a fresh entry, and that did not. */
void			 resp_cache_stats(struct resp_cache *c, uint64_t *hits,
			    uint64_t *misses);
/*
 * The entry for key at generation gen, with a reference the caller must
 * drop with resp_cache_release(), or NULL on a miss.
 */
struct cache_entry	*resp_cache_get(struct resp_cache *c, const char *key,
			    int64_t gen);
/* Store a copy of body for key at gen (replacing an older one). */
void			 resp_cache_put(struct resp_cache *c, const char *key,
			    int64_t gen, const char *body, size_t len);
/* The body of an entry (borrowed while the reference is held). */
const char		*resp_cache_body(const struct cache_entry *ce,
			    size_t *len);
/* Drop a reference taken by resp_cache_get(). */
void			 resp_cache_release(struct cache_entry *ce);

#endif
