/*
 * Unit tests for src/core/split.c: the largest-remainder split of a pool
 * (TV-6 with the corrected Stevns figure, TV-7), ties, a negative pool,
 * one weight, zero weights and the refusals.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/split.h"
#include "util/err.h"

#define KR(x)	((int64_t)(x) * 100)
#define NROWS(a)	(sizeof(a) / sizeof((a)[0]))

static int64_t
total(const struct split_row *rows, size_t n)
{
	int64_t	s = 0;
	size_t	i;

	for (i = 0; i < n; i++)
		s += rows[i].amount_ore;
	return s;
}

/*
 * TV-6 (Socialtilsyn Øst 2022): 24,459,806 kr. by 0–17-year-olds, Σ
 * children 160,155 with Stevns at 4,392. The six municipalities listed
 * have 77,679 children; the other 82,476 are one row here. Every listed
 * row reproduces to the krone.
 */
static void
test_tv6_children(void **state)
{
	struct split_row rows[] = {
		{ "253", 11166, 0 },	/* Greve */
		{ "259", 12611, 0 },	/* Køge */
		{ "265", 18573, 0 },	/* Roskilde */
		{ "370", 16145, 0 },	/* Næstved */
		{ "330", 14792, 0 },	/* Slagelse */
		{ "336", 4392, 0 },	/* Stevns */
		{ "999", 82476, 0 },	/* the other municipalities */
	};

	(void)state;
	assert_int_equal(split_allocate(KR(24459806), 100, rows,
	    NROWS(rows), NULL), 0);
	assert_int_equal(rows[0].amount_ore, KR(1705337));
	assert_int_equal(rows[1].amount_ore, KR(1926025));
	assert_int_equal(rows[2].amount_ore, KR(2836577));
	assert_int_equal(rows[3].amount_ore, KR(2465759));
	assert_int_equal(rows[4].amount_ore, KR(2259120));
	assert_int_equal(rows[5].amount_ore, KR(670772));
	assert_int_equal(total(rows, NROWS(rows)), KR(24459806));
}

/*
 * TV-6 again with only the six listed municipalities: their own amounts
 * (11,863,590 kr.) split by their children give the same six amounts.
 */
static void
test_tv6_six_only(void **state)
{
	struct split_row rows[] = {
		{ "253", 11166, 0 }, { "259", 12611, 0 }, { "265", 18573, 0 },
		{ "370", 16145, 0 }, { "330", 14792, 0 }, { "336", 4392, 0 },
	};
	const int64_t	want[] = { 1705337, 1926025, 2836577, 2465759,
	    2259120, 670772 };
	size_t		i;

	(void)state;
	assert_int_equal(split_allocate(KR(11863590), 100, rows,
	    NROWS(rows), NULL), 0);
	for (i = 0; i < NROWS(rows); i++)
		assert_int_equal(rows[i].amount_ore, KR(want[i]));
}

/* TV-7: 10,000,000 kr. by population 1 January 2011, North Jutland. */
static void
test_tv7_population(void **state)
{
	struct split_row rows[] = {
		{ "851", 199188, 0 }, { "810", 35789, 0 }, { "813", 61576, 0 },
		{ "860", 66473, 0 }, { "849", 38733, 0 }, { "825", 1949, 0 },
		{ "846", 42572, 0 }, { "773", 21600, 0 }, { "840", 28940, 0 },
		{ "787", 45145, 0 }, { "820", 37864, 0 },
	};
	const int64_t	want[] = { 3435289, 617234, 1061968, 1146424, 668007,
	    33613, 734216, 372524, 499113, 778592, 653020 };
	size_t		i;

	(void)state;
	assert_int_equal(split_allocate(KR(10000000), 100, rows,
	    NROWS(rows), NULL), 0);
	for (i = 0; i < NROWS(rows); i++)
		assert_int_equal(rows[i].amount_ore, KR(want[i]));
	assert_int_equal(total(rows, NROWS(rows)), KR(10000000));
}

/* Equal remainders: the larger weight first, then the lower code. */
static void
test_ties(void **state)
{
	/* 1 kr. over three equal weights: the lowest code gets it, and
	 * codes compare as numbers ("773" before "1081"). */
	struct split_row eq[] = {
		{ "851", 1, 0 }, { "1081", 1, 0 }, { "773", 1, 0 },
	};
	/* 10 kr. by 1:3 → 2.5 : 7.5; one krone left and equal remainders:
	 * it goes to the larger weight. */
	struct split_row w[] = { { "100", 1, 0 }, { "200", 3, 0 } };
	/* 2 kr. over 3 equal: the two lowest codes. */
	struct split_row two[] = {
		{ "c", 5, 0 }, { "a", 5, 0 }, { "b", 5, 0 },
	};

	(void)state;
	assert_int_equal(split_allocate(KR(1), 100, eq, 3, NULL), 0);
	assert_int_equal(eq[0].amount_ore, 0);
	assert_int_equal(eq[1].amount_ore, 0);
	assert_int_equal(eq[2].amount_ore, KR(1));

	assert_int_equal(split_allocate(KR(10), 100, w, 2, NULL), 0);
	assert_int_equal(w[0].amount_ore, KR(2));
	assert_int_equal(w[1].amount_ore, KR(8));

	assert_int_equal(split_allocate(KR(2), 100, two, 3, NULL), 0);
	assert_int_equal(two[0].amount_ore, 0);
	assert_int_equal(two[1].amount_ore, KR(1));
	assert_int_equal(two[2].amount_ore, KR(1));

	assert_true(split_code_cmp("773", "1081") < 0);
	assert_true(split_code_cmp("0851", "851") == 0);
	assert_true(split_code_cmp("a", "b") < 0);
}

/* A negative pool is split as |pool| and negated, to the øre here. */
static void
test_negative_pool(void **state)
{
	struct split_row pos[] = { { "1", 1, 0 }, { "2", 1, 0 },
	    { "3", 1, 0 } };
	struct split_row neg[] = { { "1", 1, 0 }, { "2", 1, 0 },
	    { "3", 1, 0 } };
	size_t	i;

	(void)state;
	assert_int_equal(split_allocate(100, 1, pos, 3, NULL), 0);
	assert_int_equal(split_allocate(-100, 1, neg, 3, NULL), 0);
	for (i = 0; i < 3; i++)
		assert_int_equal(neg[i].amount_ore, -pos[i].amount_ore);
	assert_int_equal(neg[0].amount_ore, -34);
	assert_int_equal(total(neg, 3), -100);
}

/* One weight takes the whole pool; a zero pool gives zeros. */
static void
test_one_weight(void **state)
{
	struct split_row one[] = { { "851", 7, 0 } };
	struct split_row z[] = { { "851", 7, 0 }, { "810", 3, 0 } };

	(void)state;
	assert_int_equal(split_allocate(KR(740000), 100, one, 1, NULL), 0);
	assert_int_equal(one[0].amount_ore, KR(740000));
	assert_int_equal(split_allocate(0, 100, z, 2, NULL), 0);
	assert_int_equal(z[0].amount_ore, 0);
	assert_int_equal(z[1].amount_ore, 0);
}

/* A zero weight gets nothing, even with units left over. */
static void
test_zero_weight(void **state)
{
	struct split_row rows[] = {
		{ "1", 0, 0 }, { "2", 1, 0 }, { "3", 1, 0 }, { "4", 1, 0 },
	};

	(void)state;
	assert_int_equal(split_allocate(KR(100), 100, rows, 4, NULL), 0);
	assert_int_equal(rows[0].amount_ore, 0);
	assert_int_equal(rows[1].amount_ore, KR(34));
	assert_int_equal(total(rows, 4), KR(100));
}

/* Large figures stay exact (128-bit intermediates). */
static void
test_large(void **state)
{
	struct split_row rows[] = {
		{ "1", INT64_C(4000000000000000000), 0 },
		{ "2", INT64_C(3000000000000000000), 0 },
	};

	(void)state;
	assert_int_equal(split_allocate(INT64_C(7000000000000000000), 1,
	    rows, 2, NULL), 0);
	assert_int_equal(rows[0].amount_ore, INT64_C(4000000000000000000));
	assert_int_equal(rows[1].amount_ore, INT64_C(3000000000000000000));
}

/* Refusals: Danish message, the field, and no amount touched. */
static void
test_refusals(void **state)
{
	struct split_row neg[] = { { "1", 5, 11 }, { "2", -1, 22 } };
	struct split_row zero[] = { { "1", 0, 0 }, { "2", 0, 0 } };
	struct split_row dup[] = { { "1", 1, 0 }, { "1", 1, 0 } };
	struct split_row big[] = { { "1", INT64_MAX, 0 }, { "2", 1, 0 } };
	struct split_row ok[] = { { "1", 1, 0 } };
	struct err	 e;

	(void)state;
	assert_int_equal(split_allocate(KR(10), 100, neg, 2, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "negative_weight");
	assert_string_equal(e.field, "weights");
	assert_non_null(strstr(e.msg, "negativ"));
	assert_int_equal(neg[0].amount_ore, 11);
	assert_int_equal(neg[1].amount_ore, 22);

	assert_int_equal(split_allocate(KR(10), 100, zero, 2, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "zero_weights");
	assert_non_null(strstr(e.msg, "Alle vægte er 0"));

	assert_int_equal(split_allocate(1050, 100, ok, 1, &e), ERR_INVALID);
	assert_string_equal(e.key, "pool_not_multiple");
	assert_string_equal(e.field, "pool_ore");

	assert_int_equal(split_allocate(100, 0, ok, 1, &e), ERR_INVALID);
	assert_string_equal(e.key, "invalid_unit");

	assert_int_equal(split_allocate(100, 1, dup, 2, &e), ERR_INVALID);
	assert_string_equal(e.key, "duplicate_code");

	assert_int_equal(split_allocate(100, 1, big, 2, &e), ERR_INVALID);
	assert_string_equal(e.key, "weights_too_large");

	assert_int_equal(split_allocate(INT64_MIN, 1, ok, 1, &e),
	    ERR_INVALID);
	assert_string_equal(e.key, "pool_too_large");

	assert_int_equal(split_allocate(100, 1, ok, 0, &e), ERR_INVALID);
	assert_string_equal(e.key, "no_weights");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tv6_children),
		cmocka_unit_test(test_tv6_six_only),
		cmocka_unit_test(test_tv7_population),
		cmocka_unit_test(test_ties),
		cmocka_unit_test(test_negative_pool),
		cmocka_unit_test(test_one_weight),
		cmocka_unit_test(test_zero_weight),
		cmocka_unit_test(test_large),
		cmocka_unit_test(test_refusals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
