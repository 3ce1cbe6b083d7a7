/*
 * server — libmicrohttpd glue (see server.h).
 *
 * MHD calls the access handler several times per request: once when the
 * headers are in, once per body chunk, and once at the end. We answer on
 * the last call only. Answering on the first call would make 0.9.75 close
 * keep-alive connections, so the two-phase pattern is applied here once,
 * and handlers never see it. A body over the limit is read and discarded
 * and then answered with 413, so that the client, still sending, does not
 * meet a closed connection instead of the answer; only a body more than
 * DRAIN_FACTOR times the limit is answered at once when Content-Length
 * announces it, and otherwise (chunked) the connection is closed once that
 * much has been dropped.
 */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "http/cache.h"
#include "http/http.h"
#include "http/router.h"
#include "http/metrics.h"
#include "http/peer.h"
#include "http/server.h"
#include "http/upload.h"
#include "service/account.h"
#include "store/db.h"
#include "store/doc_cache.h"
#include "store/migrate.h"
#include "util/log.h"
#include "util/mem.h"

struct http_server {
	struct MHD_Daemon	*daemon;
	struct http_config	 cfg;
	int			 port;

	/* Database connections, one per worker thread. */
	pthread_mutex_t		 pool_mu;
	pthread_cond_t		 pool_cv;
	struct db		**pool;
	int			 npool;		/* connections in the pool */
	int			 nfree;		/* of which free */

	struct account_gate	 gate;		/* bounds argon2 hashing */
	struct resp_cache	*cache;		/* public list responses */
	struct resp_cache	*counts;	/* totals of list filters */
	struct doc_cache	*docs;		/* offers' stored documents */
	struct peer_limits	*peers;		/* trusted proxies, connections
						   per client address */
	struct metrics		*metrics;	/* GET /metrics */
};

struct resp_cache *
http_cache(struct http_req *r)
{
	return r->srv->cache;
}

struct resp_cache *
http_count_cache(struct http_req *r)
{
	return r->srv->counts;
}

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static struct db *
pool_take(struct http_server *s)
{
	struct db *db;

	pthread_mutex_lock(&s->pool_mu);
	while (s->nfree == 0)
		pthread_cond_wait(&s->pool_cv, &s->pool_mu);
	db = s->pool[--s->nfree];
	pthread_mutex_unlock(&s->pool_mu);
	return db;
}

static void
pool_give(struct http_server *s, struct db *db)
{
	pthread_mutex_lock(&s->pool_mu);
	if (db_in_txn(db))
		db_rollback(db);	/* a handler left one open: a bug */
	s->pool[s->nfree++] = db;
	pthread_cond_signal(&s->pool_cv);
	pthread_mutex_unlock(&s->pool_mu);
}

/*
 * The client's address: the socket's, or behind a trusted proxy the one
 * the proxy put into X-Forwarded-For.
 */
static const char *
client_ip(struct http_req *r)
{
	const union MHD_ConnectionInfo	*ci;
	char				 buf[PEER_ADDR_SIZE];

	ci = MHD_get_connection_info(r->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci == NULL || ci->client_addr == NULL)
		return "unknown";
	peer_client(r->srv->peers, ci->client_addr,
	    MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND,
	    "X-Forwarded-For"), buf);
	return arena_strdup(&r->arena, buf);
}

/* A new connection: refused when its address has too many open. */
static enum MHD_Result
on_accept(void *cls, const struct sockaddr *addr, socklen_t addrlen)
{
	struct http_server *s = cls;

	(void)addrlen;
	return peer_accept(s->peers, addr) ? MHD_YES : MHD_NO;
}

/* A connection has closed: it no longer counts for its address. */
static void
on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
    enum MHD_ConnectionNotificationCode toe)
{
	struct http_server		*s = cls;
	const union MHD_ConnectionInfo	*ci;

	(void)socket_context;
	if (toe != MHD_CONNECTION_NOTIFY_CLOSED)
		return;
	ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci != NULL && ci->client_addr != NULL)
		peer_closed(s->peers, ci->client_addr);
}

/* How far past the body limit a refused body is still read. */
#define DRAIN_FACTOR	8

/*
 * Bytes of offers' documents a server keeps in memory (doc_cache): the
 * national register of some 20,000 offers is about 9 MB.
 */
#define DOC_CACHE_BYTES	(32u * 1024 * 1024)

static void
queue_too_large(struct http_req *r)
{
	struct err e;

	err_clear(&e);
	if (r->limit > r->srv->cfg.body_limit)
		err_set(&e, ERR_TOO_LARGE, "file_too_large", "file",
		    "Filen er for stor (højst %zu MiB)", r->limit >> 20);
	else
		err_set(&e, ERR_TOO_LARGE, "body_too_large", NULL,
		    "Forespørgslen er for stor (højst %zu KiB)",
		    r->limit / 1024);
	r->is_api = strncmp(r->path, "/api/", 5) == 0;
	http_send_error(r, &e);
}

/*
 * On the headers of a request: an upload route the user may use reads
 * its multipart body into temporary files up to max_upload; every other
 * body is held in memory up to body_limit.
 */
static void
body_setup(struct http_server *s, struct http_req *r)
{
	const struct route	*rt;
	struct db		*db;

	r->limit = s->cfg.body_limit;
	rt = router_find(r->method, r->path);
	if (rt == NULL || (rt->flags & ROUTE_UPLOAD) == 0)
		return;
	db = pool_take(s);
	svc_init(&r->svc, db, &r->arena, &r->who, (int64_t)time(NULL));
	r->svc.key = s->cfg.totp_key;
	if (router_allows(r, rt) && (r->upload = upload_new(r,
	    s->cfg.upload_dir, s->cfg.body_limit)) != NULL)
		r->limit = s->cfg.max_upload;
	pool_give(s, db);
}

/* Drop the upload under way: nothing of it is kept. */
static void
upload_drop(struct http_req *r)
{
	upload_free(r->upload);
	r->upload = NULL;
}

static enum MHD_Result
on_access(void *cls, struct MHD_Connection *conn, const char *url,
    const char *method, const char *version, const char *upload_data,
    size_t *upload_data_size, void **con_cls)
{
	struct http_server	*s = cls;
	struct http_req		*r = *con_cls;
	const char		*cl;
	unsigned long long	 n;

	(void)version;
	if (r == NULL) {
		r = xcalloc(1, sizeof(*r));
		arena_init(&r->arena);
		buf_init(&r->body);
		r->conn = conn;
		r->srv = s;
		r->started_ns = now_ns();
		r->method = arena_strdup(&r->arena, method);
		r->path = arena_strdup(&r->arena, url);
		r->ip = client_ip(r);
		r->gate = &s->gate;
		*con_cls = r;
		body_setup(s, r);
		cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
		    MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl != NULL && (n = strtoull(cl, NULL, 10)) > r->limit) {
			r->too_large = true;
			upload_drop(r);
			if (n / DRAIN_FACTOR > r->limit)
				queue_too_large(r);
		}
		return MHD_YES;
	}
	if (*upload_data_size > 0) {
		n = *upload_data_size;
		*upload_data_size = 0;
		if (!r->too_large && r->received + n > r->limit) {
			r->too_large = true;
			r->discarded = r->received;
			buf_cleanup(&r->body);
			upload_drop(r);
		}
		r->received += n;
		if (r->too_large) {
			if ((r->discarded += n) / DRAIN_FACTOR > r->limit)
				return MHD_NO;	/* close: no end in sight */
		} else if (r->upload != NULL) {
			if (upload_feed(r->upload, upload_data, n,
			    &r->upload_err) != 0)
				upload_drop(r);	/* the rest is dropped */
		} else if (r->upload_err.code == 0)
			buf_append(&r->body, upload_data, n);
		return MHD_YES;
	}
	if (r->status != 0)
		return MHD_YES;		/* answered already (413) */
	if (r->too_large) {
		queue_too_large(r);
		return MHD_YES;
	}
	if (r->upload != NULL && upload_finish(r->upload, &r->upload_err) != 0)
		upload_drop(r);
	if (r->upload_err.code != 0) {
		r->is_api = strncmp(r->path, "/api/", 5) == 0;
		http_send_error(r, &r->upload_err);
		return MHD_YES;
	}
	{
		struct db	*db = pool_take(s);
		uint64_t	 t0 = db_busy_ns(db);
		svc_init(&r->svc, db, &r->arena, &r->who, (int64_t)time(NULL));
		r->svc.docs = s->docs;
		r->svc.key = s->cfg.totp_key;
		router_dispatch(r);
		r->db_ns = db_busy_ns(db) - t0;
		pool_give(s, db);
	}
	if (r->status == 0) {
		struct err e;
		err_clear(&e);
		err_set(&e, ERR_INTERNAL, "no_response", NULL,
		    "Intern fejl: intet svar");
		http_send_error(r, &e);
	}
	return MHD_YES;
}

static void
on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct http_server	*s = cls;
	struct http_req		*r = *con_cls;
	const struct route	*routes;
	uint64_t		 ns;
	size_t			 n;
	double			 ms;

	(void)conn;
	if (r == NULL)
		return;
	ns = now_ns() - r->started_ns;
	ms = (double)ns / 1e6;
	routes = router_routes(&n);
	metrics_request(s->metrics, r->route != NULL ?
	    (long)(r->route - routes) : -1, r->status, ns, r->db_ns);
	if (r->route != NULL && (r->route->flags & ROUTE_LOGIN) &&
	    (r->status == 401 || r->status == 429))
		metrics_login_failure(s->metrics);
	log_request(r->ip, r->method, r->path, r->status, r->sent_bytes, ms,
	    (double)r->db_ns / 1e6, toe != MHD_REQUEST_TERMINATED_COMPLETED_OK);
	upload_free(r->upload);		/* the temporary files go */
	buf_cleanup(&r->body);
	arena_cleanup(&r->arena);
	free(r);
	*con_cls = NULL;
}

static void on_mhd_log(void *, const char *, va_list)
    __attribute__((format(printf, 2, 0)));

static void
on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	char msg[512];

	(void)cls;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	msg[strcspn(msg, "\n")] = '\0';
	log_warn("http: %s", msg);
}

int
http_server_start(struct http_server **out, const struct http_config *cfg,
    struct err *e)
{
	struct http_server		*s;
	struct sockaddr_storage		 ss;
	struct sockaddr_in		*sin = (struct sockaddr_in *)&ss;
	struct sockaddr_in6		*sin6 = (struct sockaddr_in6 *)&ss;
	const union MHD_DaemonInfo	*di;
	unsigned int			 flags;
	long				 cores;
	int				 i, rc, v6 = 0;
	size_t				 nroutes;

	*out = NULL;
	s = xcalloc(1, sizeof(*s));
	s->cfg = *cfg;
	if (s->cfg.listen == NULL)
		s->cfg.listen = "127.0.0.1";
	if (s->cfg.site.name == NULL)
		s->cfg.site.name = SITE_NAME_DEFAULT;
	if (s->cfg.site.org == NULL)
		s->cfg.site.org = SITE_ORG_DEFAULT;
	if (s->cfg.site.email == NULL)
		s->cfg.site.email = SITE_EMAIL_DEFAULT;
	if (s->cfg.site.a11y_tested == NULL)
		s->cfg.site.a11y_tested = SITE_A11Y_TESTED_DEFAULT;
	if (s->cfg.body_limit == 0)
		s->cfg.body_limit = 1024 * 1024;
	if (s->cfg.max_upload == 0)
		s->cfg.max_upload = UPLOAD_DEFAULT;
	if (s->cfg.upload_dir == NULL)
		s->cfg.upload_dir = "/tmp";
	if (s->cfg.threads <= 0) {
		cores = sysconf(_SC_NPROCESSORS_ONLN);
		s->cfg.threads = (int)(cores > 0 ? cores * 2 : 2);
	}
	if (s->cfg.threads > 64)
		s->cfg.threads = 64;
	if (s->cfg.timeout == 0)
		s->cfg.timeout = HTTP_TIMEOUT_DEFAULT;

	memset(&ss, 0, sizeof(ss));
	if (inet_pton(AF_INET, s->cfg.listen, &sin->sin_addr) == 1) {
		sin->sin_family = AF_INET;
		sin->sin_port = htons((uint16_t)s->cfg.port);
	} else if (inet_pton(AF_INET6, s->cfg.listen, &sin6->sin6_addr) == 1) {
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons((uint16_t)s->cfg.port);
		v6 = 1;
	} else {
		free(s);
		return err_set(e, ERR_INVALID, "invalid_listen", "listen",
		    "Ugyldig adresse at lytte på: %s (brug en IP-adresse)",
		    cfg->listen);
	}

	if ((rc = peer_limits_new(&s->peers, s->cfg.trusted_proxies,
	    s->cfg.max_conn_per_ip, e)) != 0) {
		free(s);
		return rc;
	}
	pthread_mutex_init(&s->pool_mu, NULL);
	pthread_cond_init(&s->pool_cv, NULL);
	s->npool = s->cfg.threads;
	s->pool = xcalloc((size_t)s->npool, sizeof(*s->pool));
	for (i = 0; i < s->npool; i++) {
		if ((rc = db_open(&s->pool[i], s->cfg.db_path, e)) != 0)
			goto fail;
		if (i == 0 && (rc = migrate_run(s->pool[0], NULL, e)) != 0)
			goto fail;
		s->nfree++;
	}
	account_gate_init(&s->gate, (int)(sysconf(_SC_NPROCESSORS_ONLN) > 0 ?
	    sysconf(_SC_NPROCESSORS_ONLN) : 1));
	s->cache = resp_cache_new(64, 16u * 1024 * 1024);
	s->counts = resp_cache_new(1024, 256u * 1024);
	s->docs = doc_cache_new(DOC_CACHE_BYTES);
	(void)router_routes(&nroutes);
	s->metrics = metrics_new(nroutes);

	flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
	    MHD_USE_ERROR_LOG | MHD_USE_ITC | (v6 ? MHD_USE_IPv6 : 0);
	s->daemon = MHD_start_daemon(flags, (uint16_t)s->cfg.port, on_accept, s,
	    on_access, s,
	    MHD_OPTION_NOTIFY_CONNECTION, on_connection, s,
	    MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, s,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)s->cfg.threads,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned int)1000,
	    MHD_OPTION_CONNECTION_TIMEOUT, s->cfg.timeout,
	    MHD_OPTION_END);
	if (s->daemon == NULL) {
		rc = err_set(e, ERR_IO, "listen_failed", NULL,
		    "Kan ikke lytte på %s:%d (er porten optaget?)",
		    s->cfg.listen, s->cfg.port);
		account_gate_cleanup(&s->gate);
		resp_cache_free(s->cache);
		resp_cache_free(s->counts);
		doc_cache_free(s->docs);
		metrics_free(s->metrics);
		goto fail;
	}
	di = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
	s->port = di != NULL ? di->port : s->cfg.port;
	*out = s;
	return 0;
fail:
	for (i = 0; i < s->npool; i++)
		db_close(s->pool[i]);
	free(s->pool);
	pthread_mutex_destroy(&s->pool_mu);
	pthread_cond_destroy(&s->pool_cv);
	peer_limits_free(s->peers);
	free(s);
	return rc;
}

int
http_server_port(const struct http_server *s)
{
	return s->port;
}

bool
http_server_secure(const struct http_server *s)
{
	return s->cfg.secure_cookies;
}

const struct http_site *
http_server_site(const struct http_server *s)
{
	return &s->cfg.site;
}

const char *
http_server_public_url(const struct http_server *s)
{
	return s->cfg.public_url;
}

bool
http_server_mail_smtp(const struct http_server *s)
{
	return s->cfg.mail_smtp;
}

bool
http_host_valid(const char *p, size_t len)
{
	size_t i;

	if (len == 0 || len > 255)
		return false;
	for (i = 0; i < len; i++)
		if (!((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' &&
		    p[i] <= 'Z') || (p[i] >= '0' && p[i] <= '9') ||
		    p[i] == '.' || p[i] == '-' || p[i] == ':' || p[i] == '[' ||
		    p[i] == ']'))
			return false;
	return true;
}

bool
http_public_url_valid(const char *url)
{
	const char	*h;
	size_t		 len;

	if (url == NULL)
		return false;
	if (strncmp(url, "https://", 8) == 0)
		h = url + 8;
	else if (strncmp(url, "http://", 7) == 0)
		h = url + 7;
	else
		return false;
	len = strlen(h);
	if (len > 0 && h[len - 1] == '/')
		len--;
	return http_host_valid(h, len);
}

void
http_server_stop(struct http_server *s)
{
	int i;

	if (s == NULL)
		return;
	MHD_quiesce_daemon(s->daemon);
	MHD_stop_daemon(s->daemon);
	for (i = 0; i < s->npool; i++)
		db_close(s->pool[i]);
	free(s->pool);
	account_gate_cleanup(&s->gate);
	resp_cache_free(s->cache);
	resp_cache_free(s->counts);
	doc_cache_free(s->docs);
	metrics_free(s->metrics);
	pthread_mutex_destroy(&s->pool_mu);
	pthread_cond_destroy(&s->pool_cv);
	peer_limits_free(s->peers);
	free(s);
}

void
http_server_metrics(struct http_server *s, struct buf *out)
{
	const struct route	*routes;
	uint64_t		 hits, misses;
	size_t			 n;
	int			 nfree;

	routes = router_routes(&n);
	resp_cache_stats(s->cache, &hits, &misses);
	pthread_mutex_lock(&s->pool_mu);
	nfree = s->nfree;
	pthread_mutex_unlock(&s->pool_mu);
	metrics_write(s->metrics, out, routes, n, hits, misses, nfree,
	    s->npool);
	if (s->docs != NULL) {
		size_t bytes;

		doc_cache_stats(s->docs, &hits, &misses, &bytes);
		metrics_write_docs(out, hits, misses, bytes);
	}
}
