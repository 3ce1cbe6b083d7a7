/*
 * Unit tests for store/doc_cache: documents kept per generation of the
 * register, a newer generation empties the cache, an older one neither
 * reads nor fills it, the byte limit holds, and threads share it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "store/doc_cache.h"
#include "util/arena.h"

static void
put(struct doc_cache *c, int64_t gen, int64_t id)
{
	char doc[32];

	snprintf(doc, sizeof(doc), "{\"id\":%lld}", (long long)id);
	doc_cache_put(c, gen, id, doc, strlen(doc));
}

static void
test_get_put(void **state)
{
	struct doc_cache	*c = doc_cache_new(1u << 20);
	struct arena		 a;
	int64_t			 ids[3] = { 7, 8, 9 };
	const char		*docs[3] = { NULL, NULL, NULL };

	(void)state;
	arena_init(&a);
	assert_int_equal(doc_cache_get(c, 5, ids, 3, docs, &a), 3);
	put(c, 5, 7);
	put(c, 5, 9);
	assert_int_equal(doc_cache_get(c, 5, ids, 3, docs, &a), 1);
	assert_string_equal(docs[0], "{\"id\":7}");
	assert_null(docs[1]);
	assert_string_equal(docs[2], "{\"id\":9}");
	/* Filled entries are left alone. */
	docs[0] = "x";
	docs[2] = NULL;
	assert_int_equal(doc_cache_get(c, 5, ids, 3, docs, &a), 1);
	assert_string_equal(docs[0], "x");
	/* NULL cache: every empty entry missing. */
	docs[2] = NULL;
	assert_int_equal(doc_cache_get(NULL, 5, ids, 3, docs, &a), 2);
	arena_cleanup(&a);
	doc_cache_free(c);
}

static void
test_generations(void **state)
{
	struct doc_cache	*c = doc_cache_new(1u << 20);
	struct arena		 a;
	int64_t			 id = 7;
	const char		*doc = NULL;
	uint64_t		 hits, misses;
	size_t			 bytes;

	(void)state;
	arena_init(&a);
	put(c, 5, 7);
	/* An older snapshot neither reads nor fills. */
	assert_int_equal(doc_cache_get(c, 4, &id, 1, &doc, &a), 1);
	put(c, 4, 8);
	doc_cache_stats(c, &hits, &misses, &bytes);
	assert_int_equal(bytes, strlen("{\"id\":7}"));
	/* A newer one empties it. */
	assert_int_equal(doc_cache_get(c, 6, &id, 1, &doc, &a), 1);
	doc_cache_stats(c, &hits, &misses, &bytes);
	assert_int_equal(bytes, 0);
	/* And the older one is now out of date. */
	put(c, 5, 7);
	assert_int_equal(doc_cache_get(c, 6, &id, 1, &doc, &a), 1);
	put(c, 6, 7);
	assert_int_equal(doc_cache_get(c, 6, &id, 1, &doc, &a), 0);
	assert_string_equal(doc, "{\"id\":7}");
	doc_cache_stats(c, &hits, &misses, &bytes);
	assert_int_equal(hits, 1);
	assert_int_equal(misses, 3);
	arena_cleanup(&a);
	doc_cache_free(c);
}

static void
test_limit_and_growth(void **state)
{
	struct doc_cache	*c = doc_cache_new(100 * 10);
	struct arena		 a;
	int64_t			 ids[5000];
	const char		*docs[5000];
	uint64_t		 hits, misses;
	size_t			 bytes, i;

	(void)state;
	arena_init(&a);
	for (i = 0; i < 5000; i++) {
		ids[i] = (int64_t)i + 1;
		docs[i] = NULL;
		doc_cache_put(c, 1, ids[i], "0123456789", 10);
	}
	doc_cache_stats(c, &hits, &misses, &bytes);
	assert_int_equal(bytes, 1000);		/* 100 documents fit */
	assert_int_equal(doc_cache_get(c, 1, ids, 5000, docs, &a), 4900);
	doc_cache_free(c);

	c = doc_cache_new(1u << 20);		/* past the first table */
	for (i = 0; i < 5000; i++) {
		docs[i] = NULL;
		put(c, 1, ids[i]);
	}
	assert_int_equal(doc_cache_get(c, 1, ids, 5000, docs, &a), 0);
	for (i = 0; i < 5000; i++) {
		char want[32];

		snprintf(want, sizeof(want), "{\"id\":%zu}", i + 1);
		assert_string_equal(docs[i], want);
	}
	arena_cleanup(&a);
	doc_cache_free(c);
}

struct worker {
	struct doc_cache	*c;
	int			 seed;
	int			 bad;
};

static void *
work(void *arg)
{
	struct worker	*w = arg;
	struct arena	 a;
	int64_t		 ids[50];
	const char	*docs[50];
	char		 want[32];
	int		 round, i;

	arena_init(&a);
	for (round = 0; round < 200; round++) {
		int64_t gen = 1 + round / 50;

		for (i = 0; i < 50; i++) {
			ids[i] = 1 + (w->seed * 31 + round * 7 + i) % 400;
			docs[i] = NULL;
		}
		doc_cache_get(w->c, gen, ids, 50, docs, &a);
		for (i = 0; i < 50; i++) {
			snprintf(want, sizeof(want), "{\"id\":%lld}",
			    (long long)ids[i]);
			if (docs[i] == NULL)
				put(w->c, gen, ids[i]);
			else if (strcmp(docs[i], want) != 0)
				w->bad++;
		}
	}
	arena_cleanup(&a);
	return NULL;
}

static void
test_threads(void **state)
{
	struct doc_cache	*c = doc_cache_new(1u << 20);
	struct worker		 w[4];
	pthread_t		 t[4];
	int			 i;

	(void)state;
	for (i = 0; i < 4; i++) {
		w[i] = (struct worker){ c, i, 0 };
		assert_int_equal(pthread_create(&t[i], NULL, work, &w[i]), 0);
	}
	for (i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(w[i].bad, 0);
	}
	doc_cache_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_get_put),
		cmocka_unit_test(test_generations),
		cmocka_unit_test(test_limit_and_growth),
		cmocka_unit_test(test_threads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
