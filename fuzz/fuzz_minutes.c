/*
 * fuzz_minutes — the parser of minutes exported as text (core/minutes)
 * on arbitrary bytes: header block, participants, sections, items,
 * page headers and footers.
 */
#include <stddef.h>
#include <stdint.h>

#include "core/minutes.h"
#include "util/arena.h"
#include "util/err.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena		a;
	struct minutes_doc	d;
	struct err		e;

	arena_init(&a);
	err_clear(&e);
	if (minutes_parse(&a, (const char *)data, size, &d, &e) == 0)
		(void)minutes_fingerprint(&d);
	arena_cleanup(&a);
	return 0;
}
