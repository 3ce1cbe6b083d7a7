/*
 * Unit tests for src/service/tasks.c: the order of the start page's
 * tasks (overdue first, then returned before the rest, then by due date
 * with undated ones last, otherwise as gathered).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "service/tasks.h"

static struct task
task(const char *what, const char *due_on, bool overdue, int rank)
{
	struct task t;

	memset(&t, 0, sizeof(t));
	t.what = what;
	t.due_on = due_on;
	t.overdue = overdue;
	t.rank = rank;
	return t;
}

static void
test_overdue_first(void **state)
{
	struct task v[] = {
		task("kladde senere", "2027-01-15", false, 1),
		task("uden frist", NULL, false, 1),
		task("overskredet sent", "2026-12-01", true, 1),
		task("retur", "2027-01-15", false, 0),
		task("overskredet tidligt", "2026-11-01", true, 1),
		task("kladde snart", "2026-12-20", false, 1),
		task("overskredet retur", "2026-12-03", true, 0),
	};
	static const char *const want[] = {
		"overskredet retur", "overskredet tidligt",
		"overskredet sent", "retur", "kladde snart",
		"kladde senere", "uden frist",
	};
	size_t i;

	(void)state;
	tasks_sort(v, sizeof(v) / sizeof(v[0]));
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		assert_string_equal(v[i].what, want[i]);
}

static void
test_stable(void **state)
{
	struct task v[] = {
		task("a", NULL, false, 1), task("b", NULL, false, 1),
		task("c", "2027-01-01", false, 1), task("d", NULL, false, 1),
	};

	(void)state;
	tasks_sort(v, 4);
	assert_string_equal(v[0].what, "c");
	assert_string_equal(v[1].what, "a");
	assert_string_equal(v[2].what, "b");
	assert_string_equal(v[3].what, "d");
	tasks_sort(v, 0);
}

static void
test_news(void **state)
{
	(void)state;
	assert_true(task_is_news(TASK_MEETING));
	assert_true(task_is_news(TASK_TARIFFS));
	assert_false(task_is_news(TASK_SUBMISSION));
	assert_false(task_is_news(TASK_FOLLOW_UP));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_overdue_first),
		cmocka_unit_test(test_stable),
		cmocka_unit_test(test_news),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
