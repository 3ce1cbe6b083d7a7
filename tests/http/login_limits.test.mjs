/*
 * Login limits as an attacker meets them, and the client's address
 * behind a proxy:
 *   - a name locked by wrong guesses still logs in from a device its
 *     owner has used (the device cookie), not from any other;
 *   - 50 wrong passwords sent at once get no more than the limit checked;
 *   - X-Forwarded-For is believed from a configured proxy only, so one
 *     attacker behind the proxy does not lock everyone out, and a client
 *     talking to ramme directly cannot pick its own address;
 *   - one address may hold only --max-conn-per-ip connections (a
 *     trusted proxy is spared), and an idle one is closed after
 *     --timeout seconds.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, assertApiError, startServer } from './harness.mjs';

const login = (srv, username, password, headers = {}, c = srv.client()) =>
    c.request('POST', '/api/v1/session',
    { json: { username, password }, headers });

async function addUser(srv, username) {
	const admin = await srv.login('admin');
	const r = await admin.post('/api/v1/users',
	    { username, role: 'reader', password: PASSWORD });
	assert.equal(r.status, 201, r.text);
}

describe('a locked name and its owner\'s device', () => {
	let srv;
	before(async () => { srv = await startServer(); });
	after(async () => { await srv?.stop(); });

	test('the owner\'s device logs in; others wait', async () => {
		await addUser(srv, 'owner');
		const mine = srv.client();
		const first = await login(srv, 'owner', PASSWORD, {}, mine);
		assert.equal(first.status, 200, first.text);
		const dev = first.cookies.find((c) => c.name === 'ramme_device');
		assert.ok(dev, 'no device cookie');
		assert.equal(dev.attrs.httponly, true);
		assert.equal(dev.attrs.samesite, 'Strict');
		for (let i = 0; i < 5; i++)
			assertApiError(await login(srv, 'owner', `gæt-${i}-xxxx`),
			    401, 'invalid_credentials');
		const other = await login(srv, 'owner', PASSWORD);
		assertApiError(other, 429, 'too_many_attempts',
		    { match: /vent 1 minut/ });
		const again = await login(srv, 'owner', PASSWORD, {}, mine);
		assert.equal(again.status, 200, again.text);
		/* A forged device cookie is no key. */
		const forged = await login(srv, 'owner', PASSWORD,
		    { cookie: 'ramme_device=' + 'A'.repeat(43) });
		assertApiError(forged, 429, 'too_many_attempts');
	});

	test('50 wrong passwords at once: at most 5 are checked', async () => {
		await addUser(srv, 'burst');
		const rs = await Promise.all(Array.from({ length: 50 }, (_, i) =>
		    login(srv, 'burst', `forkert-${i}-xxxxx`)));
		const checked = rs.filter((r) => r.status === 401).length;
		const limited = rs.filter((r) => r.status === 429).length;
		assert.equal(checked + limited, 50,
		    rs.map((r) => r.status).join(' '));
		assert.ok(checked <= 5, `${checked} passwords were checked`);
		assert.ok(checked >= 1);
	});
});

describe('X-Forwarded-For only from a trusted proxy', () => {
	let proxied, direct;
	before(async () => {
		proxied = await startServer({ args: ['--trusted-proxy',
		    '127.0.0.1'] });
		direct = await startServer();
	});
	after(async () => {
		await proxied?.stop();
		await direct?.stop();
	});

	test('behind the proxy one client\'s failures lock only it',
	    async () => {
		const evil = { 'x-forwarded-for': '198.51.100.7, 203.0.113.5' };
		for (let i = 0; i < 30; i++)
			assertApiError(await login(proxied, `ukendt${i}`,
			    'forkert-xxxxx', evil), 401, 'invalid_credentials');
		assertApiError(await login(proxied, 'reader', PASSWORD, evil),
		    429, 'too_many_attempts', { match: /din adresse/ });
		/* Another client through the same proxy. */
		const ok = await login(proxied, 'reader', PASSWORD,
		    { 'x-forwarded-for': '203.0.113.6' });
		assert.equal(ok.status, 200, ok.text);
		/* The log names the client, not the proxy. */
		assert.match(proxied.stderr(), /203\.0\.113\.5 POST \/api\/v1\/session/);
	});

	test('talking to ramme directly, the header is not believed',
	    async () => {
		for (let i = 0; i < 30; i++)
			assertApiError(await login(direct, `ukendt${i}`,
			    'forkert-xxxxx', { 'x-forwarded-for': `203.0.113.${i}` }),
			    401, 'invalid_credentials');
		assertApiError(await login(direct, 'reader', PASSWORD,
		    { 'x-forwarded-for': '192.0.2.99' }), 429,
		    'too_many_attempts');
	});

	test('--trusted-proxy must be addresses', async () => {
		await assert.rejects(startServer({ args: ['--trusted-proxy',
		    '127.0.0.1,nginx'] }), /Ugyldig IP-adresse i --trusted-proxy: nginx/);
	});
});

/* A connection that sends half a request and waits; resolves when open. */
function slowSocket(port, localAddress) {
	return new Promise((resolve, reject) => {
		const s = net.connect({ port, host: '127.0.0.1', localAddress });
		s.on('connect', () => {
			s.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
			resolve(s);
		});
		s.on('error', reject);
	});
}

/* GET /healthz from localAddress: its status, or the error's code. */
function healthz(port, localAddress) {
	return new Promise((resolve) => {
		const req = http.get({ host: '127.0.0.1', port, path: '/healthz',
		    localAddress, agent: false, timeout: 5000 }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode));
		});
		req.on('error', (err) => resolve(err.code));
		req.on('timeout', () => req.destroy(new Error('timeout')));
	});
}

/* Resolves with the ms until the server closes s. */
const closedAfter = (s) => new Promise((resolve) => {
	const t0 = Date.now();
	s.on('close', () => resolve(Date.now() - t0));
	s.on('error', () => {});
});

describe('connections per address', () => {
	let capped, proxied;
	before(async () => {
		capped = await startServer({ args: ['--max-conn-per-ip', '4',
		    '--timeout', '2'] });
		proxied = await startServer({ args: ['--max-conn-per-ip', '4',
		    '--trusted-proxy', '127.0.0.1'] });
	});
	after(async () => {
		await capped?.stop();
		await proxied?.stop();
	});

	test('slow clients from one address do not hold others out',
	    async () => {
		const port = Number(new URL(capped.url).port);
		const held = [];
		for (let i = 0; i < 4; i++)
			held.push(await slowSocket(port, '127.0.0.1'));
		assert.notEqual(await healthz(port, '127.0.0.1'), 200,
		    'a fifth connection from the same address');
		assert.equal(await healthz(port, '127.0.0.2'), 200,
		    'another address');
		/* Idle for --timeout: closed by the server. */
		const ms = await closedAfter(held[0]);
		assert.ok(ms < 6000, `closed after ${ms} ms`);
		for (const s of held)
			s.destroy();
	});

	test('a trusted proxy is spared the cap', async () => {
		const port = Number(new URL(proxied.url).port);
		const held = [];
		for (let i = 0; i < 6; i++)
			held.push(await slowSocket(port, '127.0.0.1'));
		assert.equal(await healthz(port, '127.0.0.1'), 200);
		for (const s of held)
			s.destroy();
	});
});
