/*
 * fuzz_json — the JSON inputs: an offer as the API and the import read
 * it (core/offer_json, then the offer's own validation) and the
 * calculators (service/calc), on arbitrary bytes. The first byte picks
 * the reader; the rest is the document.
 */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/offer.h"
#include "core/offer_json.h"
#include "service/calc.h"
#include "util/arena.h"
#include "util/err.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const calcs[] = { "tariff", "surplus", "occupancy" };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	 a;
	struct offer	 o;
	struct err	 e;
	json_error_t	 je;
	json_t		*in, *out = NULL;
	unsigned	 pick;

	if (size < 1)
		return 0;
	pick = data[0] % 4;
	in = json_loadb((const char *)data + 1, size - 1,
	    JSON_REJECT_DUPLICATES, &je);
	if (in == NULL)
		return 0;
	err_clear(&e);
	if (pick == 3) {
		arena_init(&a);
		memset(&o, 0, sizeof(o));
		if (offer_from_json(&a, in, &o, &e) == 0)
			(void)offer_validate(&o, &e);
		arena_cleanup(&a);
	} else if (calc_json(calcs[pick], NULL, in, &out, &e) == 0)
		json_decref(out);
	json_decref(in);
	return 0;
}
