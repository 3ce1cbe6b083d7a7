/*
 * fuzz_form — the form bodies a page receives (http/form):
 * urlencoded and multipart. The input's first line is the Content-Type
 * (e.g. "multipart/form-data; boundary=x"), the rest the body.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "http/form.h"
#include "http/http.h"
#include "util/arena.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FIELDS_MAX	64

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena		 a;
	struct http_field	 f[FIELDS_MAX];
	const char		*nl;
	char			*ctype;
	int			 n, i;
	size_t			 sum = 0;

	nl = memchr(data, '\n', size);
	if (nl == NULL)
		return 0;
	arena_init(&a);
	ctype = arena_strndup(&a, (const char *)data,
	    (size_t)(nl - (const char *)data));
	(void)form_body_parse(&a, ctype, nl + 1,
	    size - (size_t)(nl + 1 - (const char *)data), f, FIELDS_MAX, &n);
	for (i = 0; i < n; i++)		/* every field must be readable */
		sum += strlen(f[i].name) + f[i].len +
		    (f[i].filename != NULL ? strlen(f[i].filename) : 0);
	(void)sum;
	arena_cleanup(&a);
	return 0;
}
