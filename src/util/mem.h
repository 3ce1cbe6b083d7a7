/*
 * mem — allocation that never returns NULL.
 *
 * Every allocator here aborts the process on exhaustion, so callers never
 * test for NULL. Sizes that come from outside must be bounded before they
 * reach these functions; the multiplication in xcalloc/xreallocarray is
 * checked for overflow.
 */
#ifndef RAMME_MEM_H
#define RAMME_MEM_H

#include <stddef.h>

/* Allocate n bytes; aborts on failure. Free with free(). */
void	*xmalloc(size_t n);
/* Allocate nmemb * size zeroed bytes; aborts on overflow or failure. */
void	*xcalloc(size_t nmemb, size_t size);
/* Resize p to nmemb * size bytes; aborts on overflow or failure. */
void	*xreallocarray(void *p, size_t nmemb, size_t size);
/* Copy a NUL-terminated string (NULL gives NULL). */
char	*xstrdup(const char *s);
/* Print "ramme: fatal: ..." to stderr and abort. */
_Noreturn void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
