/*
 * arena — region allocator (see arena.h). Blocks grow geometrically up to
 * 64 KiB; a request larger than a block gets a block of its own.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/mem.h"

#define ARENA_ALIGN	16
#define ARENA_MIN	1024
#define ARENA_MAX	65536

struct arena_block {
	struct arena_block	*next;
	size_t			 cap;	/* usable bytes in data */
	size_t			 used;	/* bytes taken from data */
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

void
arena_init(struct arena *a)
{
	a->head = NULL;
	a->total = 0;
}

void
arena_cleanup(struct arena *a)
{
	struct arena_block *b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
	a->total = 0;
}

/* n bytes, aligned, as they are. */
static void *
take(struct arena *a, size_t n)
{
	struct arena_block	*b;
	size_t			 cap, need;
	void			*p;

	if (n > SIZE_MAX - ARENA_ALIGN)
		fatal("arena_alloc: overflow");
	need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (need == 0)
		need = ARENA_ALIGN;
	b = a->head;
	if (b == NULL || b->cap - b->used < need) {
		cap = b == NULL ? ARENA_MIN : b->cap * 2;
		if (cap > ARENA_MAX)
			cap = ARENA_MAX;
		if (cap < need)
			cap = need;
		b = xmalloc(sizeof(*b) + cap);
		b->cap = cap;
		b->used = 0;
		if (a->head != NULL && need > ARENA_MAX) {
			/* Keep the current block on top for small allocations. */
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	p = b->data + b->used;
	b->used += need;
	a->total += need;
	return p;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	void *p = take(a, n);

	memset(p, 0, n);
	return p;
}

void *
arena_array(struct arena *a, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size)
		fatal("arena_array: overflow");
	return take(a, nmemb * size);
}

void *
arena_calloc(struct arena *a, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size)
		fatal("arena_calloc: overflow");
	return arena_alloc(a, nmemb * size);
}

void *
arena_grow(struct arena *a, void *v, size_t k, size_t *cap, size_t sz)
{
	void	*nv;

	if (k < *cap)
		return v;
	*cap = *cap ? *cap * 2 : 16;
	nv = arena_calloc(a, *cap, sz);
	if (k > 0)
		memcpy(nv, v, k * sz);
	return nv;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p;

	if (s == NULL)
		return NULL;
	p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	if (s == NULL)
		return NULL;
	return arena_strndup(a, s, strlen(s));
}

char *
arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list	 ap2;
	int	 n;
	char	*p;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		fatal("arena_vprintf: bad format");
	p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}
