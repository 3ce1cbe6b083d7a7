/*
 * qr — QR codes as SVG (see qr.h).
 */
#include <qrencode.h>
#include <string.h>

#include "report/qr.h"
#include "util/buf.h"

#define QR_QUIET	4	/* modules of white border */

/* Escape the few characters an attribute value cannot hold. */
static void
attr_text(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '&')
			buf_puts(b, "&amp;");
		else if (*s == '"')
			buf_puts(b, "&quot;");
		else if (*s == '<')
			buf_puts(b, "&lt;");
		else if (*s == '>')
			buf_puts(b, "&gt;");
		else
			buf_putc(b, *s);
	}
}

int
qr_svg(struct buf *out, const char *text, const char *label)
{
	QRcode	*q;
	int	 x, y, run, size;

	q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (q == NULL)
		return -1;
	size = q->width + 2 * QR_QUIET;
	buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "role=\"img\" class=\"ramme-qr\" viewBox=\"0 0 %d %d\" "
	    "width=\"%d\" height=\"%d\" shape-rendering=\"crispEdges\" "
	    "aria-label=\"", size, size, size * 5, size * 5);
	attr_text(out, label);
	buf_printf(out, "\"><rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>"
	    "<path fill=\"#000\" d=\"", size, size);
	for (y = 0; y < q->width; y++)
		for (x = 0; x < q->width; x += run > 0 ? run : 1) {
			run = 0;
			while (x + run < q->width &&
			    (q->data[y * q->width + x + run] & 1))
				run++;
			if (run > 0)
				buf_printf(out, "M%d %dh%dv1h-%dz", x + QR_QUIET,
				    y + QR_QUIET, run, run);
		}
	buf_puts(out, "\"/></svg>");
	QRcode_free(q);
	return 0;
}
