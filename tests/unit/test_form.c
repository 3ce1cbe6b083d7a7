/*
 * Unit tests for src/http/form.c: urlencoded bodies ('+', %XX, empty
 * and missing values), multipart bodies (text and file parts, NULs in
 * files, quoted parameters), malformed multipart refused, the field
 * limit kept.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "http/form.h"
#include "http/http.h"
#include "util/arena.h"

#define MP	"multipart/form-data; boundary=\"xyz\""

static void
test_urlencoded(void **state)
{
	static const char body[] = "name=B%C3%B8rn+og+unge&empty=&bare&"
	    "&pct=95%25&bad=%zz";
	struct arena		a;
	struct http_field	f[8];
	int			n;

	(void)state;
	arena_init(&a);
	assert_int_equal(form_body_parse(&a,
	    "application/x-www-form-urlencoded; charset=utf-8", body,
	    strlen(body), f, 8, &n), 0);
	assert_int_equal(n, 5);
	assert_string_equal(f[0].name, "name");
	assert_string_equal(f[0].value, "Børn og unge");
	assert_string_equal(f[1].value, "");
	assert_string_equal(f[2].name, "bare");
	assert_int_equal(f[2].len, 0);
	assert_string_equal(f[3].value, "95%");
	assert_string_equal(f[4].value, "%zz");	/* kept as written */
	assert_null(f[0].filename);
	arena_cleanup(&a);
}

static void
test_multipart(void **state)
{
	static const char body[] = "preamble\r\n--xyz\r\n"
	    "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
	    "Dagsorden\r\n--xyz\r\n"
	    "Content-Disposition: form-data; name=\"file\"; "
	    "filename=\"a b.txt\"\r\nContent-Type: text/plain\r\n\r\n"
	    "hej\0med\r\n--xyz--\r\n";
	struct arena		a;
	struct http_field	f[8];
	int			n;

	(void)state;
	arena_init(&a);
	assert_int_equal(form_body_parse(&a, MP, body, sizeof(body) - 1, f, 8,
	    &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(f[0].name, "title");
	assert_string_equal(f[0].value, "Dagsorden");
	assert_string_equal(f[1].name, "file");
	assert_string_equal(f[1].filename, "a b.txt");
	assert_int_equal(f[1].len, 7);
	assert_memory_equal(f[1].value, "hej\0med", 7);
	arena_cleanup(&a);
}

static void
test_multipart_malformed(void **state)
{
	static const char *const bad[] = {
		"no delimiter at all",
		"--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n",
		("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
		    "never closed"),
		"--xyzjunk",
	};
	struct arena		a;
	struct http_field	f[8];
	size_t			i;
	int			n;

	(void)state;
	arena_init(&a);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(form_body_parse(&a, MP, bad[i],
		    strlen(bad[i]), f, 8, &n), -1);
	/* No boundary, an empty one. */
	assert_int_equal(form_body_parse(&a, "multipart/form-data", "--x--",
	    5, f, 8, &n), -1);
	assert_int_equal(form_body_parse(&a, "multipart/form-data; boundary=",
	    "----", 4, f, 8, &n), -1);
	/* Another type: no fields, no error. */
	assert_int_equal(form_body_parse(&a, "application/json", "{}", 2, f,
	    8, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(form_body_parse(&a, NULL, "a=b", 3, f, 8, &n), 0);
	assert_int_equal(n, 0);
	arena_cleanup(&a);
}

static void
test_limit(void **state)
{
	struct arena		a;
	struct http_field	f[3];
	int			n;

	(void)state;
	arena_init(&a);
	assert_int_equal(form_body_parse(&a,
	    "application/x-www-form-urlencoded", "a=1&b=2&c=3&d=4&e=5", 19, f,
	    3, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(f[2].name, "c");
	arena_cleanup(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_urlencoded),
		cmocka_unit_test(test_multipart),
		cmocka_unit_test(test_multipart_malformed),
		cmocka_unit_test(test_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
