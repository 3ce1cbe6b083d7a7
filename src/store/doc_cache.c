/*
 * doc_cache — offers' stored documents in memory, per generation of the
 * register. An open-addressing table of id → document (linear probing,
 * at most half full), under one mutex: a page looks up its ids and
 * copies their documents while holding it (about 40 KB for a page of
 * 100), which is shorter than any statement it saves.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "store/doc_cache.h"
#include "util/arena.h"

struct slot {
	int64_t	 id;		/* 0: empty (no offer has id 0) */
	char	*doc;		/* NUL-terminated copy */
	size_t	 len;		/* bytes of doc without the NUL */
};

struct doc_cache {
	pthread_mutex_t	 lock;
	int64_t		 gen;		/* generation held; -1 before the first */
	struct slot	*slots;
	size_t		 cap;		/* slots, a power of two */
	size_t		 used;		/* slots with a document */
	size_t		 bytes;		/* bytes of the documents held */
	size_t		 max_bytes;
	uint64_t	 hits, misses;
};

struct doc_cache *
doc_cache_new(size_t max_bytes)
{
	struct doc_cache *c;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	pthread_mutex_init(&c->lock, NULL);
	c->gen = -1;
	c->max_bytes = max_bytes;
	return c;
}

static void
empty(struct doc_cache *c)
{
	size_t i;

	for (i = 0; i < c->cap; i++)
		free(c->slots[i].doc);
	free(c->slots);
	c->slots = NULL;
	c->cap = c->used = c->bytes = 0;
}

void
doc_cache_free(struct doc_cache *c)
{
	if (c == NULL)
		return;
	empty(c);
	pthread_mutex_destroy(&c->lock);
	free(c);
}

static size_t
hash(int64_t id, size_t cap)
{
	uint64_t x = (uint64_t)id * 0x9e3779b97f4a7c15ull;

	return (size_t)(x >> 17) & (cap - 1);
}

/* The slot of id, or the empty slot where it would go; cap > 0. */
static struct slot *
find(struct doc_cache *c, int64_t id)
{
	size_t i = hash(id, c->cap);

	while (c->slots[i].id != 0 && c->slots[i].id != id)
		i = (i + 1) & (c->cap - 1);
	return &c->slots[i];
}

/* Double the table (or make the first); 0 or -1 when out of memory. */
static int
grow(struct doc_cache *c)
{
	struct slot	*old = c->slots, *s;
	size_t		 oldcap = c->cap, i;

	c->cap = oldcap ? oldcap * 2 : 1024;
	if ((c->slots = calloc(c->cap, sizeof(*c->slots))) == NULL) {
		c->slots = old;
		c->cap = oldcap;
		return -1;
	}
	for (i = 0; i < oldcap; i++)
		if (old[i].id != 0) {
			s = find(c, old[i].id);
			*s = old[i];
		}
	free(old);
	return 0;
}

/* Make c hold generation gen: 0, or -1 when gen is older than c's. */
static int
adopt(struct doc_cache *c, int64_t gen)
{
	if (gen < c->gen)
		return -1;
	if (gen > c->gen) {
		empty(c);
		c->gen = gen;
	}
	return 0;
}

size_t
doc_cache_get(struct doc_cache *c, int64_t gen, const int64_t *ids,
    size_t n, const char **docs, struct arena *a)
{
	struct slot	*s;
	size_t		 i, left = 0;

	if (c == NULL) {
		for (i = 0; i < n; i++)
			left += docs[i] == NULL;
		return left;
	}
	pthread_mutex_lock(&c->lock);
	for (i = 0; i < n; i++) {
		if (docs[i] != NULL)
			continue;
		if (adopt(c, gen) == 0 && c->cap > 0 &&
		    (s = find(c, ids[i]))->id != 0) {
			char *d = arena_alloc(a, s->len + 1);

			memcpy(d, s->doc, s->len + 1);
			docs[i] = d;
			c->hits++;
		} else {
			c->misses++;
			left++;
		}
	}
	pthread_mutex_unlock(&c->lock);
	return left;
}

void
doc_cache_put(struct doc_cache *c, int64_t gen, int64_t id, const char *doc,
    size_t len)
{
	struct slot	*s;
	char		*d;

	if (c == NULL || id == 0)
		return;
	pthread_mutex_lock(&c->lock);
	if (adopt(c, gen) != 0 || gen != c->gen ||
	    c->bytes + len > c->max_bytes)
		goto out;
	if ((c->used + 1) * 2 > c->cap && grow(c) != 0)
		goto out;
	s = find(c, id);
	if (s->id != 0)				/* another thread was first */
		goto out;
	if ((d = malloc(len + 1)) == NULL)
		goto out;
	memcpy(d, doc, len);
	d[len] = '\0';
	s->id = id;
	s->doc = d;
	s->len = len;
	c->used++;
	c->bytes += len;
out:
	pthread_mutex_unlock(&c->lock);
}

void
doc_cache_stats(struct doc_cache *c, uint64_t *hits, uint64_t *misses,
    size_t *bytes)
{
	pthread_mutex_lock(&c->lock);
	*hits = c->hits;
	*misses = c->misses;
	*bytes = c->bytes;
	pthread_mutex_unlock(&c->lock);
}
