/*
 * peer — client addresses and connections per address. See peer.h.
 */
#include <arpa/inet.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/peer.h"
#include "util/err.h"
#include "util/mem.h"

#define PEER_HOPS_MAX	32	/* X-Forwarded-For entries looked at */
#define SLOTS		4096	/* addresses counted at once; a full table
				   lets connections through uncounted */

/* An address as 16 bytes: IPv4 as ::ffff:a.b.c.d. */
struct addr {
	unsigned char	b[16];
};

struct slot {
	struct addr	a;
	unsigned	open;		/* connections open now */
	bool		used;		/* ever held an address; a used slot
					   with open == 0 is a tombstone */
};

struct peer_limits {
	struct addr	 proxy[PEER_PROXIES_MAX];
	int		 nproxy;
	unsigned	 max;
	pthread_mutex_t	 mu;
	struct slot	*slots;		/* SLOTS, open addressing */
	size_t		 tombs;		/* used slots with open == 0 */
};

/* sa as 16 bytes; false for another family. */
static bool
addr_of(const struct sockaddr *sa, struct addr *a)
{
	if (sa == NULL)
		return false;
	if (sa->sa_family == AF_INET) {
		memset(a->b, 0, 10);
		a->b[10] = a->b[11] = 0xff;
		memcpy(a->b + 12, &((const struct sockaddr_in *)(const void *)
		    sa)->sin_addr, 4);
		return true;
	}
	if (sa->sa_family == AF_INET6) {
		memcpy(a->b, &((const struct sockaddr_in6 *)(const void *)
		    sa)->sin6_addr, 16);
		return true;
	}
	return false;
}

/* Text s (IPv4 or IPv6) as 16 bytes; false if it is neither. */
static bool
addr_parse(const char *s, struct addr *a)
{
	struct in_addr	v4;

	if (inet_pton(AF_INET, s, &v4) == 1) {
		memset(a->b, 0, 10);
		a->b[10] = a->b[11] = 0xff;
		memcpy(a->b + 12, &v4, 4);
		return true;
	}
	return inet_pton(AF_INET6, s, a->b) == 1;
}

static void
addr_str(const struct addr *a, char out[PEER_ADDR_SIZE])
{
	static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0,
	    0, 0xff, 0xff };

	if (memcmp(a->b, mapped, 12) == 0)
		inet_ntop(AF_INET, a->b + 12, out, PEER_ADDR_SIZE);
	else
		inet_ntop(AF_INET6, a->b, out, PEER_ADDR_SIZE);
}

static bool
is_proxy(const struct peer_limits *l, const struct addr *a)
{
	int	i;

	for (i = 0; i < l->nproxy; i++)
		if (memcmp(l->proxy[i].b, a->b, 16) == 0)
			return true;
	return false;
}

int
peer_limits_new(struct peer_limits **out, const char *trusted,
    unsigned per_addr_max, struct err *e)
{
	struct peer_limits	*l;
	const char		*p = trusted, *end;
	char			 one[64];
	size_t			 n;

	*out = NULL;
	l = xcalloc(1, sizeof(*l));
	l->max = per_addr_max > 0 ? per_addr_max : PEER_CONN_DEFAULT;
	while (p != NULL && *p != '\0') {
		end = strchr(p, ',');
		n = end != NULL ? (size_t)(end - p) : strlen(p);
		while (n > 0 && p[0] == ' ') {
			p++;
			n--;
		}
		while (n > 0 && p[n - 1] == ' ')
			n--;
		if (n == 0 || n >= sizeof(one)) {
			free(l);
			return err_set(e, ERR_INVALID, "invalid_proxy",
			    "trusted-proxy", "--trusted-proxy skal være en "
			    "kommasepareret liste af IP-adresser");
		}
		memcpy(one, p, n);
		one[n] = '\0';
		if (l->nproxy == PEER_PROXIES_MAX) {
			free(l);
			return err_set(e, ERR_INVALID, "invalid_proxy",
			    "trusted-proxy", "Højst %d betroede proxyer",
			    PEER_PROXIES_MAX);
		}
		if (!addr_parse(one, &l->proxy[l->nproxy])) {
			free(l);
			return err_set(e, ERR_INVALID, "invalid_proxy",
			    "trusted-proxy", "Ugyldig IP-adresse i "
			    "--trusted-proxy: %s", one);
		}
		l->nproxy++;
		p = end != NULL ? end + 1 : NULL;
	}
	pthread_mutex_init(&l->mu, NULL);
	l->slots = xcalloc(SLOTS, sizeof(*l->slots));
	*out = l;
	return 0;
}

void
peer_limits_free(struct peer_limits *l)
{
	if (l == NULL)
		return;
	pthread_mutex_destroy(&l->mu);
	free(l->slots);
	free(l);
}

bool
peer_trusted(const struct peer_limits *l, const struct sockaddr *sa)
{
	struct addr	a;

	return addr_of(sa, &a) && is_proxy(l, &a);
}

void
peer_client(const struct peer_limits *l, const struct sockaddr *sa,
    const char *xff, char out[PEER_ADDR_SIZE])
{
	struct addr	 a, f;
	const char	*hop[PEER_HOPS_MAX], *p;
	size_t		 len[PEER_HOPS_MAX], n;
	int		 nhop = 0, i;
	char		 one[64];

	if (!addr_of(sa, &a)) {
		snprintf(out, PEER_ADDR_SIZE, "unknown");
		return;
	}
	if (xff != NULL && is_proxy(l, &a)) {
		/* The hops, then from the right: what our proxies saw. */
		for (p = xff; nhop < PEER_HOPS_MAX; p++) {
			const char *c = strchr(p, ',');

			hop[nhop] = p;
			len[nhop++] = c != NULL ? (size_t)(c - p) : strlen(p);
			if (c == NULL)
				break;
			p = c;
		}
		for (i = nhop - 1; i >= 0; i--) {
			p = hop[i];
			n = len[i];
			while (n > 0 && (*p == ' ' || *p == '\t')) {
				p++;
				n--;
			}
			while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
				n--;
			if (n == 0 || n >= sizeof(one))
				break;		/* malformed: believe no more */
			memcpy(one, p, n);
			one[n] = '\0';
			if (!addr_parse(one, &f))
				break;
			a = f;
			if (!is_proxy(l, &f))
				break;
		}
	}
	addr_str(&a, out);
}

static uint32_t
addr_hash(const struct addr *a)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	for (i = 0; i < 16; i++)
		h = (h ^ a->b[i]) * 16777619u;
	return h;
}

/*
 * Rehash the live slots so that the tombstones left by addresses gone
 * away no longer lengthen the probes. Called with l->mu held.
 */
static void
slots_compact(struct peer_limits *l)
{
	struct slot	*old = l->slots;
	size_t		 k, j;

	l->slots = xcalloc(SLOTS, sizeof(*l->slots));
	for (k = 0; k < SLOTS; k++) {
		if (old[k].open == 0)
			continue;
		for (j = addr_hash(&old[k].a);; j++)
			if (!l->slots[j % SLOTS].used) {
				l->slots[j % SLOTS] = old[k];
				break;
			}
	}
	free(old);
	l->tombs = 0;
}

/*
 * The slot of a with open > 0; with create, else a slot taken for it
 * (open == 0). NULL when a is not there (and not created) or the table
 * is full. The probe ends at the first never-used slot.
 */
static struct slot *
slot_find(struct peer_limits *l, const struct addr *a, bool create)
{
	struct slot	*grave = NULL;
	uint32_t	 h = addr_hash(a);
	size_t		 k;

	if (create && l->tombs > SLOTS / 4)
		slots_compact(l);
	for (k = 0; k < SLOTS; k++) {
		struct slot *s = &l->slots[(h + k) % SLOTS];

		if (!s->used)
			break;
		if (s->open > 0 && memcmp(s->a.b, a->b, 16) == 0)
			return s;
		if (s->open == 0 && grave == NULL)
			grave = s;
	}
	if (!create)
		return NULL;
	if (grave != NULL) {
		l->tombs--;
		grave->a = *a;
		return grave;
	}
	if (k < SLOTS) {
		struct slot *s = &l->slots[(h + k) % SLOTS];

		s->a = *a;
		s->used = true;
		return s;
	}
	return NULL;
}

bool
peer_accept(struct peer_limits *l, const struct sockaddr *sa)
{
	struct addr	 a;
	struct slot	*s;
	bool		 ok = true;

	if (!addr_of(sa, &a) || is_proxy(l, &a))
		return true;
	pthread_mutex_lock(&l->mu);
	if ((s = slot_find(l, &a, true)) != NULL) {
		if (s->open >= l->max)
			ok = false;
		else
			s->open++;
	}
	pthread_mutex_unlock(&l->mu);
	return ok;
}

void
peer_closed(struct peer_limits *l, const struct sockaddr *sa)
{
	struct addr	 a;
	struct slot	*s;

	if (!addr_of(sa, &a) || is_proxy(l, &a))
		return;
	pthread_mutex_lock(&l->mu);
	if ((s = slot_find(l, &a, false)) != NULL && --s->open == 0)
		l->tombs++;
	pthread_mutex_unlock(&l->mu);
}
