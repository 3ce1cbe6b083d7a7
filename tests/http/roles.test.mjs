/*
 * Who may see what: public reading of offers and organisations, the
 * admin-only users API, and the organisations of the demo register.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, USERS, assertApiError, startServer } from './harness.mjs';

let srv, anon, admin;
before(async () => {
	srv = await startServer();
	anon = srv.client();
	admin = await srv.login('admin');
});
after(async () => { await srv?.stop(); });

describe('anonymous reading', () => {
	test('offers, one offer and organisations are public', async () => {
		const l = await anon.getJson('/api/v1/offers');
		assert.equal(l.total, 18);
		const one = await anon.get(`/api/v1/offers/${l.offers[0].id}`);
		assert.equal(one.status, 200);
		const o = await anon.getJson('/api/v1/organisations');
		assert.equal(o.organisations.length, 12);
		assert.equal((await anon.get('/api/v1/organisations/851')).status, 200);
	});

	test('offer history, the users API and writes need a login', async () => {
		assertApiError(await anon.get('/api/v1/offers/1/history'), 401,
		    'login_required');
		assertApiError(await anon.get('/api/v1/users'), 401,
		    'login_required');
		assertApiError(await anon.get('/api/v1/users/1'), 401,
		    'login_required');
	});
});

describe('the users API is for admins only', () => {
	for (const name of ['reader', 'op851', 'op1081', 'authority'])
		test(`${name} → 403 on GET /api/v1/users`, async () => {
			const c = await srv.login(name);
			assertApiError(await c.get('/api/v1/users'), 403, 'forbidden',
			    { match: /rolle/i });
			assertApiError(await c.get('/api/v1/users/1'), 403, 'forbidden');
		});

	test('admin lists the five users with roles and orgs', async () => {
		const u = await admin.getJson('/api/v1/users');
		const got = Object.fromEntries(u.users.map((x) =>
		    [x.username, [x.role, x.org_code]]));
		assert.deepEqual(got, USERS);
		for (const x of u.users) {
			assert.equal(x.active, true);
			assert.ok(!('password' in x) && !('password_hash' in x),
			    'password hashes must never leave the server');
			assert.ok(!JSON.stringify(x).includes('$argon2'));
		}
	});

	test('admin creates, reads and changes a user', async () => {
		const r = await admin.post('/api/v1/users', {
			username: 'sagsbehandler', display_name: 'Søren Sagsbehandler',
			role: 'authority', org_code: '851', password: PASSWORD,
		});
		assert.equal(r.status, 201, r.text);
		assert.equal(r.headers.get('etag'), `"${r.json.version}"`);
		assert.equal(r.json.display_name, 'Søren Sagsbehandler');
		assert.equal(r.json.org_code, '851');
		const id = r.json.id;
		const g = await admin.get(`/api/v1/users/${id}`);
		assert.equal(g.status, 200);
		assert.deepEqual(g.json, r.json);

		const c = await srv.login('sagsbehandler');
		assert.equal(c.user.role, 'authority');

		/* Deactivation ends the user's sessions. */
		const p = await admin.patch(`/api/v1/users/${id}`,
		    { active: false }, { headers: { 'if-match': g.headers.get('etag') } });
		assert.equal(p.status, 200, p.text);
		assert.equal(p.json.active, false);
		assertApiError(await c.get('/api/v1/session'), 401, 'login_required');
		assertApiError(await srv.client().post('/api/v1/session',
		    { username: 'sagsbehandler', password: PASSWORD }), 401,
		    'invalid_credentials');
	});

	test('unknown user id → 404', async () => {
		assertApiError(await admin.get('/api/v1/users/99999'), 404,
		    'user_not_found');
	});
});

describe('organisations', () => {
	let orgs;
	before(async () => {
		orgs = (await anon.getJson('/api/v1/organisations')).organisations;
	});

	test('12 organisations: 11 municipalities and Region Nordjylland', () => {
		assert.equal(orgs.length, 12);
		const kinds = orgs.map((o) => o.kind);
		assert.equal(kinds.filter((k) => k === 'kommune').length, 11);
		assert.equal(kinds.filter((k) => k === 'region').length, 1);
		for (const o of orgs) {
			if (o.kind === 'kommune')
				assert.match(o.code, /^\d{3}$/, o.name);
			assert.equal(typeof o.population, 'object');
		}
		assert.equal(new Set(orgs.map((o) => o.code)).size, 12);
	});

	test('Aalborg is 851 with 217,075 inhabitants in 2020', () => {
		const a = orgs.find((o) => o.code === '851');
		assert.equal(a.name, 'Aalborg');
		assert.equal(a.kind, 'kommune');
		assert.equal(a.population['2020'], 217075);
		assert.equal(a.population['2011'], 199188);
	});

	test('Brønderslev is 810', () => {
		assert.equal(orgs.find((o) => o.code === '810').name, 'Brønderslev');
	});

	test('Region Nordjylland is a region with code 1081', () => {
		const r = orgs.find((o) => o.code === '1081');
		assert.equal(r.name, 'Region Nordjylland');
		assert.equal(r.kind, 'region');
		assert.equal(r.population['2020'], 589936);
	});

	test('one organisation by code equals its list entry', async () => {
		const r = await anon.getJson('/api/v1/organisations/1081');
		assert.deepEqual(r, orgs.find((o) => o.code === '1081'));
		assertApiError(await anon.get('/api/v1/organisations/999'), 404,
		    'unknown_organisation');
	});

	test('?kind= filters; bad kinds and unknown parameters → 400',
	    async () => {
		const k = await anon.getJson('/api/v1/organisations?kind=region');
		assert.deepEqual(k.organisations.map((o) => o.code), ['1081']);
		const m = await anon.getJson('/api/v1/organisations?kind=kommune');
		assert.equal(m.organisations.length, 11);
		assertApiError(await anon.get('/api/v1/organisations?kind=by'), 400,
		    'invalid_kind');
		assertApiError(await anon.get('/api/v1/organisations?sort=name'),
		    400, 'unknown_parameter');
	});

	test('organisations cannot be changed through the API', async () => {
		const r = await admin.request('POST', '/api/v1/organisations',
		    { json: { code: '999', name: 'Ny', kind: 'kommune' } });
		assertApiError(r, 405, 'method_not_allowed');
	});
});
