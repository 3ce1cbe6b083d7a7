/*
 * qr — a QR code (ISO/IEC 18004, by libqrencode) as inline SVG: black
 * modules as one path on white with the four-module quiet zone, scaled
 * by the page. For the otpauth:// URI of a new second factor, so a
 * phone's app can read it from the screen.
 */
#ifndef RAMME_QR_H
#define RAMME_QR_H

struct buf;

/*
 * Append <svg role="img" aria-label="label">…</svg> encoding text (error
 * correction level M) to out. 0, or -1 when text does not fit in a QR
 * code or memory runs out (nothing appended).
 */
int	qr_svg(struct buf *out, const char *text, const char *label);

#endif
