/*
 * metrics — counters of the running server for `GET /metrics` in the
 * Prometheus text format (0.0.4): requests by route and status, a
 * latency histogram, the time spent in the database, response-cache hits
 * and misses, failed logins, the outbox length. Lock-free (relaxed atomics); one per
 * server, shared by its worker threads.
 */
#ifndef RAMME_METRICS_H
#define RAMME_METRICS_H

#include <stddef.h>
#include <stdint.h>

struct buf;
struct metrics;
struct route;

/* Counters for the nroutes routes of the route table. */
struct metrics	*metrics_new(size_t nroutes);
void		 metrics_free(struct metrics *m);
/*
 * One finished request: route its index in the route table (or -1 when
 * none matched), status the HTTP status sent, total_ns and db_ns its
 * time overall and in the database.
 */
void		 metrics_request(struct metrics *m, long route, int status,
		    uint64_t total_ns, uint64_t db_ns);
/* A login refused (wrong password or rate limited). */
void		 metrics_login_failure(struct metrics *m);
/*
 * Append the exposition to out: the counters, plus the gauges given
 * (cache hits/misses so far, database connections free of total).
 */
void		 metrics_write(const struct metrics *m, struct buf *out,
		    const struct route *routes, size_t nroutes,
		    uint64_t cache_hits, uint64_t cache_misses, int db_free,
		    int db_total);

/*
 * Append the outbox gauges: queued the mails waiting to be sent (queued
 * or being sent), failed those given up.
 */
void		 metrics_write_outbox(struct buf *out, int64_t queued,
		    int64_t failed);
/*
 * Append the counters of the offers' documents kept in memory
 * (doc_cache): lookups answered and missed so far, bytes held now.
 */
void		 metrics_write_docs(struct buf *out, uint64_t hits,
		    uint64_t misses, size_t bytes);

#endif
