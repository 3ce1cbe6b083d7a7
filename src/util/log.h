/*
 * log — one line per event on stderr. Thread-safe (one fprintf per
 * line). Text by default ("2026-12-05T10:24:00Z info message"), or one
 * JSON object per line ({"ts", "level", "msg"}, requests with their
 * fields) after log_set_json(), which `ramme serve --log-format json`
 * calls once at start-up, before any thread logs: the one setting of
 * the process this module keeps.
 */
#ifndef RAMME_LOG_H
#define RAMME_LOG_H

#include <stdbool.h>
#include <stddef.h>

void	log_set_json(bool on);
void	log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * A request answered: client address, method, path, status, bytes sent,
 * milliseconds, time in the database in milliseconds, and whether the
 * client went away first.
 */
void	log_request(const char *ip, const char *method, const char *path,
	    int status, size_t bytes, double ms, double db_ms, bool aborted);

#endif
