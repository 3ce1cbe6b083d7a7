/*
 * Behind TLS (`serve --secure-cookies`): every cookie is Secure, also
 * the anonymous CSRF cookie of the login form, and the browser is told
 * to keep to https (HSTS). Without the option neither, so a plain-http
 * development server still works.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startServer } from './harness.mjs';

let tls, plain;
before(async () => {
	tls = await startServer({ args: ['--secure-cookies'] });
	plain = await startServer();
});
after(async () => {
	await tls?.stop();
	await plain?.stop();
});

describe('--secure-cookies', () => {
	test('the login form\'s CSRF cookie is Secure', async () => {
		const r = await tls.client().get('/login');
		assert.equal(r.status, 200);
		const c = r.cookies.find((x) => x.name === 'ramme_csrf');
		assert.ok(c, 'no CSRF cookie');
		assert.equal(c.attrs.secure, true);
		assert.equal(c.attrs.httponly, true);
		assert.equal(c.attrs.samesite, 'Strict');
	});

	test('HSTS on pages and the API', async () => {
		for (const p of ['/', '/login', '/api/v1/offers?limit=1',
		    '/findes-ikke']) {
			const r = await tls.client().get(p);
			assert.equal(r.headers.get('strict-transport-security'),
			    'max-age=31536000; includeSubDomains', p);
		}
	});

	test('without it: no Secure, no HSTS', async () => {
		const r = await plain.client().get('/login');
		const c = r.cookies.find((x) => x.name === 'ramme_csrf');
		assert.ok(c, 'no CSRF cookie');
		assert.equal(c.attrs.secure, undefined);
		assert.equal(r.headers.get('strict-transport-security'), null);
	});
});
