/*
 * metrics — server counters in the Prometheus text format. See
 * metrics.h.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "core/role.h"
#include "http/http.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/routes.h"
#include "http/server.h"
#include "service/mail.h"
#include "util/err.h"
#include "util/log.h"
#include "util/buf.h"
#include "util/mem.h"

/* The statuses counted one by one; any other counts as "other". */
static const int statuses[] = { 200, 201, 204, 301, 302, 303, 304, 400, 401,
    403, 404, 405, 409, 412, 413, 415, 422, 428, 429, 500, 503 };
#define NSTATUS		(sizeof(statuses) / sizeof(statuses[0]) + 1)

/* Latency buckets, upper bounds in milliseconds (+Inf last). */
static const unsigned buckets_ms[] = { 5, 10, 25, 50, 100, 250, 500, 1000,
    2500, 10000 };
#define NBUCKET		(sizeof(buckets_ms) / sizeof(buckets_ms[0]))

struct metrics {
	size_t			 nroutes;
	_Atomic uint64_t	*requests;	/* (nroutes + 1) × NSTATUS; the
						   last row: no route */
	_Atomic uint64_t	 hist[NBUCKET + 1];
	_Atomic uint64_t	 count;
	_Atomic uint64_t	 total_ns;
	_Atomic uint64_t	 db_ns;
	_Atomic uint64_t	 login_failures;
};

struct metrics *
metrics_new(size_t nroutes)
{
	struct metrics	*m = xcalloc(1, sizeof(*m));

	m->nroutes = nroutes;
	m->requests = xcalloc((nroutes + 1) * NSTATUS, sizeof(*m->requests));
	return m;
}

void
metrics_free(struct metrics *m)
{
	if (m == NULL)
		return;
	free(m->requests);
	free(m);
}

static size_t
status_index(int status)
{
	size_t	i;

	for (i = 0; i + 1 < NSTATUS; i++)
		if (statuses[i] == status)
			return i;
	return NSTATUS - 1;
}

void
metrics_request(struct metrics *m, long route, int status, uint64_t total_ns,
    uint64_t db_ns)
{
	size_t		row, b;
	uint64_t	ms = total_ns / 1000000u;

	row = route >= 0 && (size_t)route < m->nroutes ? (size_t)route :
	    m->nroutes;
	atomic_fetch_add_explicit(&m->requests[row * NSTATUS +
	    status_index(status)], 1, memory_order_relaxed);
	for (b = 0; b < NBUCKET && ms >= buckets_ms[b]; b++)
		;
	atomic_fetch_add_explicit(&m->hist[b], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&m->count, 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&m->total_ns, total_ns,
	    memory_order_relaxed);
	atomic_fetch_add_explicit(&m->db_ns, db_ns, memory_order_relaxed);
}

void
metrics_login_failure(struct metrics *m)
{
	atomic_fetch_add_explicit(&m->login_failures, 1, memory_order_relaxed);
}

static uint64_t
load(const _Atomic uint64_t *v)
{
	return atomic_load_explicit(v, memory_order_relaxed);
}

void
metrics_write(const struct metrics *m, struct buf *out,
    const struct route *routes, size_t nroutes, uint64_t cache_hits,
    uint64_t cache_misses, int db_free, int db_total)
{
	size_t		r, k;
	uint64_t	v, cum = 0;

	buf_puts(out, "# HELP ramme_http_requests_total Requests answered, by "
	    "route and status.\n# TYPE ramme_http_requests_total counter\n");
	for (r = 0; r <= m->nroutes && r <= nroutes; r++)
		for (k = 0; k < NSTATUS; k++) {
			if ((v = load(&m->requests[r * NSTATUS + k])) == 0)
				continue;
			if (r < nroutes)
				buf_printf(out, "ramme_http_requests_total{"
				    "method=\"%s\",route=\"%s\",", routes[r].method,
				    routes[r].pattern);
			else
				buf_puts(out, "ramme_http_requests_total{"
				    "method=\"\",route=\"(none)\",");
			if (k + 1 < NSTATUS)
				buf_printf(out, "status=\"%d\"} %llu\n",
				    statuses[k], (unsigned long long)v);
			else
				buf_printf(out, "status=\"other\"} %llu\n",
				    (unsigned long long)v);
		}
	buf_puts(out, "# HELP ramme_http_request_duration_seconds Time to "
	    "answer a request.\n# TYPE ramme_http_request_duration_seconds "
	    "histogram\n");
	for (k = 0; k < NBUCKET; k++) {
		cum += load(&m->hist[k]);
		buf_printf(out, "ramme_http_request_duration_seconds_bucket{"
		    "le=\"%u.%03u\"} %llu\n", buckets_ms[k] / 1000,
		    buckets_ms[k] % 1000, (unsigned long long)cum);
	}
	cum += load(&m->hist[NBUCKET]);
	buf_printf(out, "ramme_http_request_duration_seconds_bucket{"
	    "le=\"+Inf\"} %llu\n", (unsigned long long)cum);
	v = load(&m->total_ns);
	buf_printf(out, "ramme_http_request_duration_seconds_sum %llu.%09llu\n"
	    "ramme_http_request_duration_seconds_count %llu\n",
	    (unsigned long long)(v / 1000000000u),
	    (unsigned long long)(v % 1000000000u),
	    (unsigned long long)load(&m->count));
	v = load(&m->db_ns);
	buf_printf(out, "# HELP ramme_db_seconds_total Time spent executing "
	    "database statements for requests.\n# TYPE ramme_db_seconds_total "
	    "counter\nramme_db_seconds_total %llu.%09llu\n",
	    (unsigned long long)(v / 1000000000u),
	    (unsigned long long)(v % 1000000000u));
	buf_printf(out, "# HELP ramme_db_connections Database connections of "
	    "the pool, by state.\n# TYPE ramme_db_connections gauge\n"
	    "ramme_db_connections{state=\"free\"} %d\n"
	    "ramme_db_connections{state=\"busy\"} %d\n", db_free,
	    db_total - db_free);
	buf_printf(out, "# HELP ramme_cache_requests_total Lookups in the "
	    "response cache.\n# TYPE ramme_cache_requests_total counter\n"
	    "ramme_cache_requests_total{result=\"hit\"} %llu\n"
	    "ramme_cache_requests_total{result=\"miss\"} %llu\n",
	    (unsigned long long)cache_hits, (unsigned long long)cache_misses);
	buf_printf(out, "# HELP ramme_login_failures_total Logins refused "
	    "(wrong name or password, or rate limited).\n"
	    "# TYPE ramme_login_failures_total counter\n"
	    "ramme_login_failures_total %llu\n",
	    (unsigned long long)load(&m->login_failures));
}

void
metrics_write_outbox(struct buf *out, int64_t queued, int64_t failed)
{
	buf_printf(out, "# HELP ramme_outbox_mails Mails in the outbox by "
	    "state: waiting to be sent (queued or being sent) and given up "
	    "(failed).\n# TYPE ramme_outbox_mails gauge\n"
	    "ramme_outbox_mails{state=\"queued\"} %lld\n"
	    "ramme_outbox_mails{state=\"failed\"} %lld\n",
	    (long long)queued, (long long)failed);
}

void
metrics_write_docs(struct buf *out, uint64_t hits, uint64_t misses,
    size_t bytes)
{
	buf_printf(out, "# HELP ramme_doc_cache_requests_total Lookups of "
	    "offers' documents kept in memory for the register's list.\n"
	    "# TYPE ramme_doc_cache_requests_total counter\n"
	    "ramme_doc_cache_requests_total{result=\"hit\"} %llu\n"
	    "ramme_doc_cache_requests_total{result=\"miss\"} %llu\n"
	    "# HELP ramme_doc_cache_bytes Bytes of offers' documents kept in "
	    "memory.\n# TYPE ramme_doc_cache_bytes gauge\n"
	    "ramme_doc_cache_bytes %zu\n", (unsigned long long)hits,
	    (unsigned long long)misses, bytes);
}

/*
 * The counters for monitoring: to the secretariat's admins, or to a
 * request from the machine itself (the client's address, so a request
 * relayed by a trusted proxy is not "local").
 */
void
page_metrics(struct http_req *r)
{
	struct buf	b;
	struct err	e;
	int64_t		outbox[5];

	if (r->who.role != ROLE_ADMIN && strcmp(r->ip, "127.0.0.1") != 0 &&
	    strcmp(r->ip, "::1") != 0) {
		err_clear(&e);
		err_set(&e, ERR_FORBIDDEN, "forbidden", NULL,
		    "Tallene for driften kan kun ses af sekretariatets "
		    "administratorer eller fra serveren selv");
		http_send_error(r, &e);
		return;
	}
	buf_init(&b);
	http_server_metrics(r->srv, &b);
	err_clear(&e);
	if (mail_outbox_counts(&r->svc, outbox, &e) == 0)
		metrics_write_outbox(&b, outbox[0] + outbox[1], outbox[3]);
	else
		log_warn("metrics: the outbox: %s", e.msg);
	http_set_header(r, "Cache-Control", "no-store");
	http_send(r, 200, "text/plain; version=0.0.4; charset=utf-8",
	    buf_str(&b), b.len);
	buf_cleanup(&b);
}

