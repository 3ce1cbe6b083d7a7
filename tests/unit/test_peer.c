/*
 * Unit tests for src/http/peer.c: X-Forwarded-For believed only from a
 * trusted proxy and only from the right, the per-address connection cap
 * (trusted proxies spared), and bad proxy lists refused.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <arpa/inet.h>
#include <cmocka.h>

#include "http/peer.h"
#include "util/err.h"

static struct sockaddr_in
v4(const char *s)
{
	struct sockaddr_in	a;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	assert_int_equal(inet_pton(AF_INET, s, &a.sin_addr), 1);
	return a;
}

#define SA(a)	((const struct sockaddr *)(const void *)&(a))

static void
test_client_address(void **state)
{
	struct peer_limits	*l;
	struct sockaddr_in	 proxy = v4("10.0.0.1"), other = v4("192.0.2.7");
	struct sockaddr_in6	 p6;
	struct err		 e;
	char			 out[PEER_ADDR_SIZE];

	(void)state;
	assert_int_equal(peer_limits_new(&l, "10.0.0.1, 10.0.0.2,::1", 0, &e),
	    0);
	/* Not from a proxy: the header is the client's own word. */
	peer_client(l, SA(other), "203.0.113.9", out);
	assert_string_equal(out, "192.0.2.7");
	/* From a proxy: the right-most hop that is not ours. */
	peer_client(l, SA(proxy), "203.0.113.9", out);
	assert_string_equal(out, "203.0.113.9");
	peer_client(l, SA(proxy), "1.2.3.4, 203.0.113.9, 10.0.0.2", out);
	assert_string_equal(out, "203.0.113.9");
	/* A forged left part is not believed. */
	peer_client(l, SA(proxy), "evil, 203.0.113.9", out);
	assert_string_equal(out, "203.0.113.9");
	/* Garbage on the right: stay with the proxy. */
	peer_client(l, SA(proxy), "203.0.113.9, nonsense", out);
	assert_string_equal(out, "10.0.0.1");
	peer_client(l, SA(proxy), "", out);
	assert_string_equal(out, "10.0.0.1");
	peer_client(l, SA(proxy), NULL, out);
	assert_string_equal(out, "10.0.0.1");
	peer_client(l, SA(proxy), " 2001:db8::5 ", out);
	assert_string_equal(out, "2001:db8::5");
	/* An IPv6 proxy. */
	memset(&p6, 0, sizeof(p6));
	p6.sin6_family = AF_INET6;
	inet_pton(AF_INET6, "::1", &p6.sin6_addr);
	assert_true(peer_trusted(l, SA(p6)));
	peer_client(l, SA(p6), "198.51.100.1", out);
	assert_string_equal(out, "198.51.100.1");
	peer_limits_free(l);
}

static void
test_connection_cap(void **state)
{
	struct peer_limits	*l;
	struct sockaddr_in	 a = v4("192.0.2.7"), b = v4("192.0.2.8"),
				 proxy = v4("10.0.0.1");
	struct err		 e;
	int			 i;

	(void)state;
	assert_int_equal(peer_limits_new(&l, "10.0.0.1", 3, &e), 0);
	for (i = 0; i < 3; i++)
		assert_true(peer_accept(l, SA(a)));
	assert_false(peer_accept(l, SA(a)));	/* the fourth */
	assert_true(peer_accept(l, SA(b)));	/* another address */
	peer_closed(l, SA(a));
	assert_true(peer_accept(l, SA(a)));	/* room again */
	assert_false(peer_accept(l, SA(a)));
	for (i = 0; i < 100; i++)		/* the proxy is spared */
		assert_true(peer_accept(l, SA(proxy)));
	peer_limits_free(l);
}

/*
 * Many addresses come and go (each leaves a tombstone): the ones still
 * connected keep their count, and the table never fills up.
 */
static void
test_many_addresses(void **state)
{
	struct peer_limits	*l;
	struct sockaddr_in	 a = v4("192.0.2.7"), x;
	struct err		 e;
	uint32_t		 i;

	(void)state;
	assert_int_equal(peer_limits_new(&l, "", 2, &e), 0);
	assert_true(peer_accept(l, SA(a)));
	assert_true(peer_accept(l, SA(a)));
	memset(&x, 0, sizeof(x));
	x.sin_family = AF_INET;
	for (i = 0; i < 50000; i++) {
		x.sin_addr.s_addr = htonl(0x0a000000u + i);
		assert_true(peer_accept(l, SA(x)));
		peer_closed(l, SA(x));
	}
	assert_false(peer_accept(l, SA(a)));	/* still two open */
	peer_closed(l, SA(a));
	assert_true(peer_accept(l, SA(a)));
	for (i = 0; i < 5000; i++) {		/* 5,000 at once: no room for
						   all, the rest pass uncounted */
		x.sin_addr.s_addr = htonl(0x0b000000u + i);
		assert_true(peer_accept(l, SA(x)));
	}
	assert_false(peer_accept(l, SA(a)));
	peer_limits_free(l);
}

static void
test_bad_lists(void **state)
{
	struct peer_limits	*l;
	struct err		 e;

	(void)state;
	assert_int_equal(peer_limits_new(&l, "10.0.0.1,nginx", 0, &e),
	    ERR_INVALID);
	assert_null(l);
	assert_string_equal(e.field, "trusted-proxy");
	assert_int_equal(peer_limits_new(&l, "10.0.0.1,,10.0.0.2", 0, &e),
	    ERR_INVALID);
	assert_int_equal(peer_limits_new(&l, "10.0.0.0/8", 0, &e),
	    ERR_INVALID);
	assert_int_equal(peer_limits_new(&l, NULL, 0, &e), 0);
	peer_limits_free(l);
	assert_int_equal(peer_limits_new(&l, "", 0, &e), 0);
	peer_limits_free(l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_client_address),
		cmocka_unit_test(test_connection_cap),
		cmocka_unit_test(test_many_addresses),
		cmocka_unit_test(test_bad_lists),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
