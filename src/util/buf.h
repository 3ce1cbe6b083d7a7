/*
 * buf — a growable byte buffer, always NUL-terminated.
 *
 * struct buf is embedded by its owner: buf_init()/buf_cleanup(); or the
 * data is handed over with buf_release(), after which the caller frees it.
 */
#ifndef RAMME_BUF_H
#define RAMME_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*data;	/* NUL-terminated; NULL until the first append */
	size_t	 len;	/* bytes used, without the NUL */
	size_t	 cap;	/* bytes allocated */
};

void	 buf_init(struct buf *b);
void	 buf_cleanup(struct buf *b);
/* Empty the buffer, keep its memory. */
void	 buf_reset(struct buf *b);
void	 buf_append(struct buf *b, const void *p, size_t n);
void	 buf_puts(struct buf *b, const char *s);
void	 buf_putc(struct buf *b, char c);
void	 buf_printf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* The data, never NULL (an empty buffer gives ""). Borrowed. */
const char *buf_str(const struct buf *b);
/* Hand the data to the caller (free() it); the buffer is left empty. */
char	*buf_release(struct buf *b, size_t *len);

#endif
