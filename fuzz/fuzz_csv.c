/*
 * fuzz_csv — the CSV reader (report/csv) on arbitrary bytes: UTF-8 or
 * Windows-1252, either separator, quotes, the size and count limits.
 */
#include <stddef.h>
#include <stdint.h>

#include "report/csv.h"
#include "util/arena.h"
#include "util/err.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	a;
	struct csv	c;
	struct err	e;

	arena_init(&a);
	err_clear(&e);
	(void)csv_parse(&a, (const char *)data, size, &c, &e);
	arena_cleanup(&a);
	return 0;
}
