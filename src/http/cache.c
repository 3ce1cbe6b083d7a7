/*
 * cache — response cache (see cache.h). A small array under one mutex:
 * the cache holds tens of entries, so a linear scan is cheaper than a
 * hash table's upkeep.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "http/cache.h"
#include "util/mem.h"

struct cache_entry {
	struct resp_cache	*cache;	/* always set; its mutex guards refs */
	char			*key;
	int64_t			 gen;	/* register generation of the body */
	char			*body;
	size_t			 len;
	int			 refs;	/* the cache's own + senders' */
	uint64_t		 used;	/* tick of the last hit */
};

struct resp_cache {
	pthread_mutex_t		 mu;
	struct cache_entry	**v;
	int			 n, max;
	size_t			 bytes, max_bytes;
	uint64_t		 tick;
	uint64_t		 hits, misses;	/* lookups so far */
};

struct resp_cache *
resp_cache_new(int max_entries, size_t max_bytes)
{
	struct resp_cache *c = xcalloc(1, sizeof(*c));

	pthread_mutex_init(&c->mu, NULL);
	c->max = max_entries > 0 ? max_entries : 1;
	c->v = xcalloc((size_t)c->max, sizeof(*c->v));
	c->max_bytes = max_bytes;
	return c;
}

static void
entry_unref(struct cache_entry *ce)
{
	if (--ce->refs > 0)
		return;
	free(ce->key);
	free(ce->body);
	free(ce);
}

/* Remove entry i from the table (lock held). */
static void
drop(struct resp_cache *c, int i)
{
	struct cache_entry *ce = c->v[i];

	c->bytes -= ce->len;
	c->v[i] = c->v[--c->n];
	entry_unref(ce);
}

void
resp_cache_free(struct resp_cache *c)
{
	if (c == NULL)
		return;
	pthread_mutex_lock(&c->mu);
	while (c->n > 0)
		drop(c, c->n - 1);
	pthread_mutex_unlock(&c->mu);
	pthread_mutex_destroy(&c->mu);
	free(c->v);
	free(c);
}

struct cache_entry *
resp_cache_get(struct resp_cache *c, const char *key, int64_t gen)
{
	struct cache_entry	*hit = NULL;
	int			 i;

	pthread_mutex_lock(&c->mu);
	for (i = 0; i < c->n; i++) {
		if (strcmp(c->v[i]->key, key) != 0)
			continue;
		if (c->v[i]->gen == gen) {
			hit = c->v[i];
			hit->refs++;
			hit->used = ++c->tick;
		} else
			drop(c, i);	/* stale: the register changed */
		break;
	}
	if (hit != NULL)
		c->hits++;
	else
		c->misses++;
	pthread_mutex_unlock(&c->mu);
	return hit;
}

void
resp_cache_stats(struct resp_cache *c, uint64_t *hits, uint64_t *misses)
{
	pthread_mutex_lock(&c->mu);
	*hits = c->hits;
	*misses = c->misses;
	pthread_mutex_unlock(&c->mu);
}

void
resp_cache_put(struct resp_cache *c, const char *key, int64_t gen,
    const char *body, size_t len)
{
	struct cache_entry	*ce;
	int			 i, old;

	if (len > c->max_bytes / 4)
		return;		/* too big to be worth keeping */
	ce = xcalloc(1, sizeof(*ce));
	ce->cache = c;
	ce->key = xstrdup(key);
	ce->gen = gen;
	ce->body = xmalloc(len);
	memcpy(ce->body, body, len);
	ce->len = len;
	ce->refs = 1;
	pthread_mutex_lock(&c->mu);
	ce->used = ++c->tick;
	for (i = 0; i < c->n; i++)
		if (strcmp(c->v[i]->key, key) == 0) {
			drop(c, i);
			break;
		}
	while (c->n > 0 && (c->n >= c->max || c->bytes + len > c->max_bytes)) {
		old = 0;
		for (i = 1; i < c->n; i++)
			if (c->v[i]->used < c->v[old]->used)
				old = i;
		drop(c, old);
	}
	c->v[c->n++] = ce;
	c->bytes += len;
	pthread_mutex_unlock(&c->mu);
}

const char *
resp_cache_body(const struct cache_entry *ce, size_t *len)
{
	*len = ce->len;
	return ce->body;
}

void
resp_cache_release(struct cache_entry *ce)
{
	struct resp_cache *c = ce->cache;

	pthread_mutex_lock(&c->mu);
	entry_unref(ce);
	pthread_mutex_unlock(&c->mu);
}
