/*
 * fuzz_xlsx — the XLSX reader (report/xlsx_read, libzip + expat) on
 * arbitrary bytes: open the book, read every sheet and every cell as
 * text, amount, integer and date.
 */
#include <stddef.h>
#include <stdint.h>

#include "report/xlsx_read.h"
#include "util/arena.h"
#include "util/err.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena			 a;
	struct xlsx_book		*b;
	const struct xlsx_sheet		*s;
	struct err			 e;
	size_t				 i, k;

	arena_init(&a);
	err_clear(&e);
	if (xlsx_read_open(&b, &a, data, size, &e) == 0) {
		for (i = 0; i < xlsx_read_sheet_count(b); i++) {
			if (xlsx_read_sheet_at(b, i, &s, &e) != 0)
				continue;
			for (k = 0; k < s->ncells; k++) {
				const struct xlsx_cell	*c = &s->cells[k];
				int64_t			 v;
				const char		*t;

				(void)xlsx_cell_ore(s, c->row, c->col, &v, &e);
				(void)xlsx_cell_int(s, c->row, c->col, &v, &e);
				(void)xlsx_cell_text(s, c->row, c->col, &t,
				    &e);
				(void)xlsx_cell_date(s, c->row, c->col, &t,
				    &e);
			}
		}
		xlsx_read_close(b);
	}
	arena_cleanup(&a);
	return 0;
}
