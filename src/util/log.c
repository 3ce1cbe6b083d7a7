/*
 * log — lines on stderr, as text or JSON (see log.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <time.h>

#include "util/buf.h"
#include "util/log.h"

static bool json_lines;		/* set once before any thread logs */

void
log_set_json(bool on)
{
	json_lines = on;
}

static void
timestamp(char ts[32])
{
	struct tm	tm;
	time_t		now;

	now = time(NULL);
	gmtime_r(&now, &tm);
	strftime(ts, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* s as a JSON string (quotes included); control bytes escaped. */
static void
json_str(struct buf *b, const char *s)
{
	const unsigned char *p;

	buf_putc(b, '"');
	for (p = (const unsigned char *)s; p != NULL && *p != '\0'; p++) {
		if (*p == '"' || *p == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, (char)*p);
		} else if (*p < 0x20)
			buf_printf(b, "\\u%04x", *p);
		else
			buf_putc(b, (char)*p);
	}
	buf_putc(b, '"');
}

static void log_v(const char *, const char *, va_list)
    __attribute__((format(printf, 2, 0)));

static void
log_v(const char *level, const char *fmt, va_list ap)
{
	char		line[1024], ts[32];
	struct buf	b;

	timestamp(ts);
	vsnprintf(line, sizeof(line), fmt, ap);
	if (!json_lines) {
		fprintf(stderr, "%s %s %s\n", ts, level, line);
		return;
	}
	buf_init(&b);
	buf_printf(&b, "{\"ts\":\"%s\",\"level\":\"%s\",\"msg\":", ts, level);
	json_str(&b, line);
	buf_puts(&b, "}\n");
	fputs(buf_str(&b), stderr);
	buf_cleanup(&b);
}

void
log_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_v("info", fmt, ap);
	va_end(ap);
}

void
log_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_v("warn", fmt, ap);
	va_end(ap);
}

void
log_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_v("error", fmt, ap);
	va_end(ap);
}

void
log_request(const char *ip, const char *method, const char *path,
    int status, size_t bytes, double ms, double db_ms, bool aborted)
{
	char		ts[32];
	struct buf	b;

	if (!json_lines) {
		log_info("%s %s %s %d %zu %.1fms%s", ip, method, path, status,
		    bytes, ms, aborted ? " aborted" : "");
		return;
	}
	timestamp(ts);
	buf_init(&b);
	buf_printf(&b, "{\"ts\":\"%s\",\"level\":\"info\",\"msg\":\"request\","
	    "\"ip\":", ts);
	json_str(&b, ip);
	buf_puts(&b, ",\"method\":");
	json_str(&b, method);
	buf_puts(&b, ",\"path\":");
	json_str(&b, path);
	buf_printf(&b, ",\"status\":%d,\"bytes\":%zu,\"ms\":%.1f,"
	    "\"db_ms\":%.1f,\"aborted\":%s}\n", status, bytes, ms, db_ms,
	    aborted ? "true" : "false");
	fputs(buf_str(&b), stderr);
	buf_cleanup(&b);
}
