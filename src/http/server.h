/*
 * server — the HTTP server: libmicrohttpd with a thread pool and epoll,
 * a pool of database connections (one per worker thread), the request
 * life cycle (arena, body limit, dispatch, log line) and shutdown.
 */
#ifndef RAMME_SERVER_H
#define RAMME_SERVER_H

#include <stdbool.h>
#include <stddef.h>

struct err;
struct http_server;
struct seal_key;

/*
 * Who runs the site, for the page frame, the accessibility statement and
 * the privacy policy (serve --site-name, --org-name, --contact-email,
 * --a11y-tested). NULL fields take the defaults below.
 */
struct http_site {
	const char	*name;		/* the cooperation: "Rammeaftaler
					   Nordjylland" (SITE_NAME_DEFAULT) */
	const char	*org;		/* who answers for it: "Sekretariatet
					   for Rammeaftaler" */
	const char	*email;		/* contact for accessibility and
					   personal data */
	const char	*a11y_tested;	/* ISO date of the last accessibility
					   test */
};

#define HTTP_TIMEOUT_DEFAULT	15u	/* serve --timeout, seconds */
#define UPLOAD_DEFAULT	(50u * 1024 * 1024)	/* serve --max-upload */
#define UPLOAD_MAX	(512u * 1024 * 1024)	/* the largest it may be */

#define SITE_NAME_DEFAULT	"Rammeaftaler Nordjylland"
#define SITE_ORG_DEFAULT	"Sekretariatet for Rammeaftaler"
#define SITE_EMAIL_DEFAULT	"rammeaftaler@example.dk"
#define SITE_A11Y_TESTED_DEFAULT "2026-12-05"

struct http_config {
	const char	*db_path;	/* SQLite file, migrated before serving */
	const char	*listen;	/* IPv4 or IPv6 address, default 127.0.0.1 */
	int		 port;		/* TCP port; 0 picks a free one */
	int		 threads;	/* worker threads; 0: 4 x cores (max 64) */
	bool		 secure_cookies; /* Secure + __Host- cookie (behind TLS) */
	const char	*public_url;	/* "https://host[:port]" the public
					   reaches the site by (absolute links
					   in feeds and the open API), or NULL:
					   from the request's Host header */
	size_t		 body_limit;	/* bytes; 0: 1 MiB; larger gets 413 */
	size_t		 max_upload;	/* bytes of the body of an upload route
					   (ROUTE_UPLOAD); 0: UPLOAD_DEFAULT;
					   larger gets 413 */
	const char	*upload_dir;	/* where uploads are streamed to;
					   NULL: /tmp */
	const char	*trusted_proxies; /* comma-separated addresses whose
					   X-Forwarded-For is believed and
					   which the per-address cap spares;
					   NULL: none */
	unsigned	 max_conn_per_ip; /* open connections per client
					   address; 0: PEER_CONN_DEFAULT */
	unsigned	 timeout;	/* seconds a connection may be idle
					   (also between header lines); 0:
					   HTTP_TIMEOUT_DEFAULT */
	struct http_site site;		/* who runs the site */
	const struct seal_key *totp_key; /* seals the TOTP secrets (each
					   request's svc.key); NULL: second
					   factors refused */
	bool		 mail_smtp;	/* the outbox is sent (serve --smtp);
					   else it only collects */
};

/*
 * Open the database connections, start the daemon and return once it
 * accepts connections. The port actually bound is http_server_port().
 */
int	http_server_start(struct http_server **out,
	    const struct http_config *cfg, struct err *e);
/* Port the server listens on. */
int	http_server_port(const struct http_server *s);
/*
 * Stop accepting, let requests under way finish, close connections and
 * free everything. NULL is a no-op.
 */
void	http_server_stop(struct http_server *s);
/* The Prometheus exposition of the server's counters, appended to out. */
struct buf;
void	http_server_metrics(struct http_server *s, struct buf *out);
/* True when cookies are marked Secure. */
bool	http_server_secure(const struct http_server *s);
/* Who runs the site, every field set (defaults filled in). */
const struct http_site *http_server_site(const struct http_server *s);
/* The configured public URL, or NULL. */
const char *http_server_public_url(const struct http_server *s);
/* True when mails of the outbox are sent (an SMTP server is set). */
bool	http_server_mail_smtp(const struct http_server *s);
/* p[0..len) is a plain host name or address with an optional port (what
   a Host header may hold for links built from it). */
bool	http_host_valid(const char *p, size_t len);
/*
 * Check a public URL for http_config: "http://" or "https://", a host
 * name or address with an optional port, nothing after (no path, query
 * or fragment; the site is served from its root). A trailing slash is
 * allowed and dropped by the server. Returns true if it is one.
 */
bool	http_public_url_valid(const char *url);

#endif
