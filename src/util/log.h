/*
 * log — timestamped lines on stderr. Thread-safe (one fprintf per line).
 */
#ifndef RAMME_LOG_H
#define RAMME_LOG_H

void	log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
