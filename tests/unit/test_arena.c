/*
 * Unit tests for src/util/arena.c: zeroed allocations, arrays left as
 * they are (aligned, distinct, large ones in a block of their own),
 * growth keeping the elements, string copies.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "util/arena.h"

static void
test_alloc(void **state)
{
	struct arena	 a;
	unsigned char	*p;
	size_t		 i;

	(void)state;
	arena_init(&a);
	p = arena_alloc(&a, 100000);
	for (i = 0; i < 100000; i++)
		assert_int_equal(p[i], 0);
	assert_true(a.total >= 100000);
	assert_string_equal(arena_strdup(&a, "Takstanalyse"), "Takstanalyse");
	assert_null(arena_strdup(&a, NULL));
	arena_cleanup(&a);
}

static void
test_array(void **state)
{
	struct arena	  a;
	int64_t		 *v, *w, *big;
	char		 *c;
	size_t		  i, total;

	(void)state;
	arena_init(&a);
	c = arena_array(&a, 3, 1);
	v = arena_array(&a, 10, sizeof(*v));
	assert_int_equal((uintptr_t)v % sizeof(int64_t), 0);
	assert_true((char *)v >= c + 3);
	memcpy(c, "abc", 3);
	for (i = 0; i < 10; i++)
		v[i] = (int64_t)i * 7;
	w = arena_array(&a, 10, sizeof(*w));
	assert_true(w >= v + 10 || w + 10 <= v);
	total = a.total;
	/* An array larger than a block: its own block, the others kept. */
	big = arena_array(&a, 1000000, sizeof(*big));
	assert_true(a.total >= total + 1000000 * sizeof(*big));
	big[0] = 1;
	big[999999] = 2;
	for (i = 0; i < 10; i++)
		assert_int_equal(v[i], (int64_t)i * 7);
	assert_memory_equal(c, "abc", 3);
	v = arena_array(&a, 0, sizeof(*v));
	assert_non_null(v);
	arena_cleanup(&a);
	assert_int_equal(a.total, 0);
}

static void
test_grow(void **state)
{
	struct arena	 a;
	int		*v = NULL;
	size_t		 i, cap = 0;

	(void)state;
	arena_init(&a);
	for (i = 0; i < 1000; i++) {
		v = arena_grow(&a, v, i, &cap, sizeof(*v));
		v[i] = (int)i;
	}
	assert_true(cap >= 1000);
	for (i = 0; i < 1000; i++)
		assert_int_equal(v[i], (int)i);
	arena_cleanup(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alloc),
		cmocka_unit_test(test_array),
		cmocka_unit_test(test_grow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
