/*
 * Health, login and logout through the JSON API: status codes, Danish
 * messages, the session cookie's flags, and the per-user rate limit.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, assertApiError, startServer } from './harness.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv?.stop(); });

describe('health', () => {
	test('GET /healthz answers 200 with the schema version', async () => {
		const r = await srv.client().get('/healthz');
		assert.equal(r.status, 200);
		assert.equal(r.json.status, 'ok');
		assert.ok(Number.isInteger(r.json.schema_version) &&
		    r.json.schema_version > 0, r.text);
		assert.equal(r.headers.get('cache-control'), 'no-store');
	});

	test('GET /api/v1 lists the API routes', async () => {
		const r = await srv.client().get('/api/v1');
		assert.equal(r.status, 200);
		const paths = r.json.routes.map((x) => `${x.method} ${x.path}`);
		assert.ok(paths.includes('POST /api/v1/session'), paths.join('\n'));
		assert.ok(paths.includes('PATCH /api/v1/offers/:id'));
		assert.ok(!paths.some((p) => p.includes('/tilbud')),
		    'HTML pages are not API routes');
	});

	test('unknown API path → 404 JSON not_found', async () => {
		const r = await srv.client().get('/api/v1/nothing-here');
		assertApiError(r, 404, 'not_found');
	});

	test('wrong method → 405 with Allow', async () => {
		const r = await srv.client().request('PUT', '/api/v1/offers',
		    { json: {} });
		assertApiError(r, 405, 'method_not_allowed');
		assert.match(r.headers.get('allow'), /GET/);
		assert.match(r.headers.get('allow'), /POST/);
	});
});

describe('login', () => {
	test('success sets an HttpOnly SameSite=Lax session cookie', async () => {
		const c = srv.client();
		const r = await c.post('/api/v1/session',
		    { username: 'op851', password: PASSWORD });
		assert.equal(r.status, 200, r.text);
		assert.equal(typeof r.json.csrf_token, 'string');
		assert.ok(r.json.csrf_token.length >= 32, 'CSRF token too short');
		assert.deepEqual(
		    { username: r.json.user.username, role: r.json.user.role,
		      org_code: r.json.user.org_code },
		    { username: 'op851', role: 'operator', org_code: '851' });
		assert.ok(Number.isInteger(r.json.user.id));
		const cookie = r.cookies.find((x) => x.name === 'ramme_session');
		assert.ok(cookie, `no ramme_session cookie: ${JSON.stringify(r.cookies)}`);
		assert.ok(cookie.value.length >= 32, 'session token too short');
		assert.notEqual(cookie.value, r.json.csrf_token);
		assert.equal(cookie.attrs.httponly, true, 'HttpOnly missing');
		assert.equal(cookie.attrs.samesite, 'Lax', 'SameSite=Lax missing');
		assert.equal(cookie.attrs.path, '/');
		assert.ok(!r.text.includes(cookie.value),
		    'the session token must not appear in the body');
		assert.equal(r.headers.get('cache-control'), 'no-store');
	});

	test('GET /api/v1/session returns the user and the same CSRF token',
	    async () => {
		const c = await srv.login('authority');
		const r = await c.get('/api/v1/session');
		assert.equal(r.status, 200, r.text);
		assert.equal(r.json.csrf_token, c.csrf);
		assert.equal(r.json.user.username, 'authority');
		assert.equal(r.json.user.role, 'authority');
		assert.equal(r.json.user.org_code, '810');
	});

	test('admin has org_code null', async () => {
		const c = await srv.login('admin');
		const r = await c.get('/api/v1/session');
		assert.equal(r.json.user.role, 'admin');
		assert.equal(r.json.user.org_code, null);
	});

	test('GET /api/v1/session without a cookie → 401', async () => {
		const r = await srv.client().get('/api/v1/session');
		assertApiError(r, 401, 'login_required');
	});

	test('a forged session cookie is not a session', async () => {
		const c = srv.client();
		c.jar.set('ramme_session', 'A'.repeat(43));
		assertApiError(await c.get('/api/v1/session'), 401, 'login_required');
		c.jar.set('ramme_session', 'short');
		assertApiError(await c.get('/api/v1/session'), 401, 'login_required');
	});

	test('wrong password → 401 with a Danish message', async () => {
		const r = await srv.client().post('/api/v1/session',
		    { username: 'reader', password: 'wrong-password-1' });
		assertApiError(r, 401, 'invalid_credentials',
		    { match: /Forkert brugernavn eller adgangskode/ });
		assert.equal(r.cookies.length, 0, 'no cookie on failure');
	});

	test('unknown user → the same 401 as a wrong password', async () => {
		const a = await srv.client().post('/api/v1/session',
		    { username: 'nobody', password: PASSWORD });
		const b = await srv.client().post('/api/v1/session',
		    { username: 'reader', password: 'wrong-password-2' });
		assertApiError(a, 401, 'invalid_credentials');
		assert.deepEqual(a.json, b.json);
	});

	test('login body that is not {username, password} → 400', async () => {
		const c = srv.client();
		assertApiError(await c.post('/api/v1/session',
		    { username: 1, password: PASSWORD }), 400, 'invalid_login');
		assertApiError(await c.post('/api/v1/session',
		    { username: 'reader' }), 400, 'invalid_login');
		assertApiError(await c.post('/api/v1/session',
		    { username: 'reader', password: PASSWORD, extra: 1 }), 400,
		    'invalid_login');
		assertApiError(await c.request('POST', '/api/v1/session',
		    { body: 'username=reader', headers: { 'content-type':
		    'application/x-www-form-urlencoded' } }), 415,
		    'unsupported_media_type');
		assertApiError(await c.request('POST', '/api/v1/session',
		    { body: '{"username":', headers: { 'content-type':
		    'application/json' } }), 400, 'invalid_json');
	});

	test('login from another site is refused (Origin)', async () => {
		const r = await srv.client().post('/api/v1/session',
		    { username: 'reader', password: PASSWORD },
		    { headers: { origin: 'http://evil.example' } });
		assertApiError(r, 403, 'csrf_failed');
	});

	test('5 failed attempts for a user → 429, even with the right password',
	    async () => {
		const admin = await srv.login('admin');
		const made = await admin.post('/api/v1/users', {
			username: 'victim', role: 'reader', password: PASSWORD,
		});
		assert.equal(made.status, 201, made.text);
		/* The user can log in before the attack. */
		const ok = await srv.client().post('/api/v1/session',
		    { username: 'victim', password: PASSWORD });
		assert.equal(ok.status, 200, ok.text);
		for (let i = 1; i <= 5; i++) {
			const r = await srv.client().post('/api/v1/session',
			    { username: 'victim', password: `wrong-pass-${i}xx` });
			assertApiError(r, 401, 'invalid_credentials');
		}
		const limited = await srv.client().post('/api/v1/session',
		    { username: 'victim', password: 'wrong-pass-6xx' });
		assertApiError(limited, 429, 'too_many_attempts',
		    { match: /For mange/ });
		const right = await srv.client().post('/api/v1/session',
		    { username: 'victim', password: PASSWORD });
		assertApiError(right, 429, 'too_many_attempts');
		assert.equal(right.cookies.length, 0);
		/* Other users are not affected. */
		await srv.login('reader');
	});
});

describe('logout', () => {
	test('DELETE /api/v1/session ends the session and clears the cookie',
	    async () => {
		const c = await srv.login('reader');
		const token = c.jar.get('ramme_session');
		const r = await c.del('/api/v1/session');
		assert.equal(r.status, 204, r.text);
		const cleared = r.cookies.find((x) => x.name === 'ramme_session');
		assert.ok(cleared, 'no Set-Cookie on logout');
		assert.equal(cleared.value, '');
		assert.equal(cleared.attrs['max-age'], '0');
		/* The old token no longer works, even if a client keeps it. */
		const again = srv.client();
		again.jar.set('ramme_session', token);
		assertApiError(await again.get('/api/v1/session'), 401,
		    'login_required');
	});

	test('logout without the CSRF token → 403 and the session lives',
	    async () => {
		const c = await srv.login('reader');
		const r = await c.del('/api/v1/session', { csrf: false });
		assertApiError(r, 403, 'csrf_failed');
		assert.equal((await c.get('/api/v1/session')).status, 200);
	});

	test('logout when not logged in → 401', async () => {
		assertApiError(await srv.client().del('/api/v1/session'), 401,
		    'login_required');
	});

	test('two sessions of one user are independent', async () => {
		const a = await srv.login('op1081');
		const b = await srv.login('op1081');
		assert.notEqual(a.csrf, b.csrf);
		assert.equal((await a.del('/api/v1/session')).status, 204);
		assert.equal((await b.get('/api/v1/session')).status, 200);
		/* a's CSRF token is no good for b's session. */
		const r = await b.del('/api/v1/session',
		    { headers: { 'x-csrf-token': a.csrf } });
		assertApiError(r, 403, 'csrf_failed');
	});
});
