/*
 * log — timestamped lines on stderr (see log.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <time.h>

#include "util/log.h"

static void log_v(const char *, const char *, va_list)
    __attribute__((format(printf, 2, 0)));

static void
log_v(const char *level, const char *fmt, va_list ap)
{
	char		line[1024], ts[32];
	struct tm	tm;
	time_t		now;

	now = time(NULL);
	gmtime_r(&now, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
	vsnprintf(line, sizeof(line), fmt, ap);
	fprintf(stderr, "%s %s %s\n", ts, level, line);
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
