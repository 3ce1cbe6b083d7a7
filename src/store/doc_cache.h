/*
 * doc_cache — the stored JSON documents of offers, kept in memory by one
 * process for the register's list: a page then reads only its ids and
 * sort keys from an index, and its documents from here instead of one
 * table row each.
 *
 * The cache holds the documents of one generation of the register (the
 * change counter of offer_store_generation, bumped by every change to an
 * offer from any process): a request that reads a newer generation
 * empties it and refills it; one at an older generation (a snapshot
 * taken before a change) neither reads nor fills it. Safe to share
 * between threads.
 */
#ifndef RAMME_DOC_CACHE_H
#define RAMME_DOC_CACHE_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct doc_cache;

/* A cache of at most max_bytes of documents; NULL on allocation failure. */
struct doc_cache	*doc_cache_new(size_t max_bytes);
/* Free c and its documents (NULL: nothing). */
void			 doc_cache_free(struct doc_cache *c);
/*
 * For every i < n with docs[i] == NULL, set docs[i] to a copy in a of the
 * document of offer ids[i] if c holds it for generation gen. Returns the
 * number still NULL. A gen newer than c's empties c first; c NULL holds
 * nothing.
 */
size_t			 doc_cache_get(struct doc_cache *c, int64_t gen,
			    const int64_t *ids, size_t n, const char **docs,
			    struct arena *a);
/*
 * Keep a copy of doc (len bytes, JSON) as offer id's document at
 * generation gen; ignored when gen is not c's or c is full.
 */
void			 doc_cache_put(struct doc_cache *c, int64_t gen,
			    int64_t id, const char *doc, size_t len);
/* Lookups answered and missed so far, and the bytes held now. */
void			 doc_cache_stats(struct doc_cache *c, uint64_t *hits,
			    uint64_t *misses, size_t *bytes);

#endif
