/*
 * peer — who is at the other end of a connection: the client's address
 * (taken from X-Forwarded-For only when the connection comes from a
 * configured trusted proxy, `serve --trusted-proxy`), and the cap on
 * open connections per client address (`serve --max-conn-per-ip`),
 * which a trusted proxy is exempt from: behind nginx every user arrives
 * from the proxy's address, and nginx itself holds slow clients off
 * (client_header_timeout).
 *
 * The connection counts are shared by the server's worker threads
 * (one mutex); everything else is read-only after peer_limits_new().
 */
#ifndef RAMME_PEER_H
#define RAMME_PEER_H

#include <netinet/in.h>
#include <stdbool.h>
#include <sys/socket.h>

struct err;
struct peer_limits;

#define PEER_PROXIES_MAX	16	/* trusted proxies */
#define PEER_ADDR_SIZE		INET6_ADDRSTRLEN
#define PEER_CONN_DEFAULT	200	/* open connections per address (an
					   office behind one NAT address) */

/*
 * The limits: trusted, a comma-separated list of IPv4/IPv6 addresses (or
 * NULL/"" for none); per_addr_max open connections per client address
 * (0: PEER_CONN_DEFAULT). 0 and *out (free with peer_limits_free()), or
 * ERR_INVALID naming the address that is not one.
 */
int	peer_limits_new(struct peer_limits **out, const char *trusted,
	    unsigned per_addr_max, struct err *e);
void	peer_limits_free(struct peer_limits *l);
/* True if sa is one of the trusted proxies. */
bool	peer_trusted(const struct peer_limits *l, const struct sockaddr *sa);
/*
 * The client's address as text into out: sa's own; when sa is a trusted
 * proxy and xff (the X-Forwarded-For header, or NULL) names addresses,
 * the right-most one that is not itself a trusted proxy (the left part
 * of the header is the client's to write and is not believed). "unknown"
 * for an address family other than IPv4/IPv6.
 */
void	peer_client(const struct peer_limits *l, const struct sockaddr *sa,
	    const char *xff, char out[PEER_ADDR_SIZE]);
/*
 * A new connection from sa: true (and counted) when its address has
 * fewer than the cap open or is a trusted proxy, false to refuse it.
 * Every connection accepted is released with peer_closed().
 */
bool	peer_accept(struct peer_limits *l, const struct sockaddr *sa);
/* The connection from sa has closed. */
void	peer_closed(struct peer_limits *l, const struct sockaddr *sa);

#endif
