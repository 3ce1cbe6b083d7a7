/*
 * Two app servers on one database (two `ramme serve` behind a load
 * balancer; on SQLite two processes on one file): what one process
 * writes, the other sees on its next request.
 *   - a session made on A is a session on B, and logging out on B ends
 *     it on A (sessions live in the database);
 *   - B's cached offer list and tariff overview show a change made
 *     through A at once (the cache is keyed on the change counter,
 *     read per request);
 *   - failed logins counted on A limit the name on B (login attempts
 *     live in the database);
 *   - B's offers' documents kept in memory (store/doc_cache) give way to
 *     a change made through A on B's next page (the same counter).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Client, PASSWORD, assertApiError, startServer } from './harness.mjs';

const YEAR = 2032;
const day = (offset) => new Date(Date.now() + offset * 86400000)
    .toISOString().slice(0, 10);

let a, b;

before(async () => {
	a = await startServer();
	b = await startServer({ db: a.db });
});
after(async () => {
	/* B first: A owns the database. */
	await b?.stop();
	await a?.stop();
});

/* The same user agent (cookies, CSRF token) talking to server srv. */
function via(c, srv) {
	const d = new Client(srv.url);
	d.jar = c.jar;
	d.csrf = c.csrf;
	d.user = c.user;
	return d;
}

/* Response-cache hits of server srv so far (its /metrics, loopback). */
async function cacheHits(srv) {
	const r = await srv.client().get('/metrics');
	assert.equal(r.status, 200, r.text.slice(0, 300));
	const m = /^ramme_cache_requests_total\{result="hit"\} (\d+)$/m
	    .exec(r.text);
	assert.ok(m, 'no cache counter in /metrics');
	return Number(m[1]);
}

/* GET p on srv twice; the second must come from its cache. */
async function warm(srv, p) {
	const c = srv.client();
	await c.getJson(p);
	const h0 = await cacheHits(srv);
	const j = await c.getJson(p);
	assert.equal(await cacheHits(srv), h0 + 1, `${p} was not cached`);
	return j;
}

describe('sessions', () => {
	test('a login on A is a session on B; logging out on B ends it on A',
	    async () => {
		const onA = await a.login('admin');
		const onB = via(onA, b);
		const me = await onB.getJson('/api/v1/session');
		assert.equal(me.user.username, 'admin');
		/* A write on B with the CSRF token A gave. */
		const r = await onB.post('/api/v1/offers', {
			name: 'Bofællesskabet Ved Fjorden', operator_code: '851',
			location_code: '851', kind: 'residential',
			paragraphs: ['SEL § 107'], covered: true,
			places: { [YEAR]: 8 }, status: 'active' });
		assert.equal(r.status, 201, r.text);
		const out = await onB.request('DELETE', '/api/v1/session');
		assert.ok(out.status === 200 || out.status === 204, out.text);
		assertApiError(await via(onA, a).get('/api/v1/session'), 401,
		    'login_required');
	});
});

/* Lookups of offers' documents kept in memory by server srv so far. */
async function docHits(srv) {
	const r = await srv.client().get('/metrics');
	const m = /^ramme_doc_cache_requests_total\{result="hit"\} (\d+)$/m
	    .exec(r.text);
	assert.ok(m, 'no document cache counter in /metrics');
	return Number(m[1]);
}

describe('the documents kept in memory', () => {
	test('an offer changed through A shows at once in every new page B '
	    + 'reads', async () => {
		const op = await a.login('op851');
		/* Each query string is new: no page comes from the response
		 * cache, every document from B's documents in memory. */
		const page = (n) => b.client().getJson(
		    `/api/v1/offers?sort=id&operator=851&limit=${n}`);
		const first = await page(900);
		const h0 = await docHits(b);
		const again = await page(899);
		assert.ok(await docHits(b) >= h0 + again.offers.length,
		    'B read the documents again from the database');
		const o = first.offers[0];
		const got = await op.getJson(`/api/v1/offers/${o.id}`);
		const r = await op.patch(`/api/v1/offers/${o.id}`,
		    { name: 'Botilbuddet Lindholm Å' },
		    { headers: { 'if-match': `"${got.version}"` } });
		assert.equal(r.status, 200, r.text);
		const now = await page(898);
		assert.equal(now.offers.find((x) => x.id === o.id).name,
		    'Botilbuddet Lindholm Å');
		/* The others are as before. */
		for (const x of now.offers.filter((y) => y.id !== o.id))
			assert.deepEqual(x, first.offers.find((y) => y.id === x.id));
	});
});

describe('the response cache', () => {
	test('an offer changed through A shows at once in B\'s cached list',
	    async () => {
		const op = await a.login('op851');
		const p = '/api/v1/offers?limit=1000&sort=id&operator=851';
		const before = await warm(b, p);
		const o = before.offers[0];
		const got = await op.getJson(`/api/v1/offers/${o.id}`);
		const r = await op.patch(`/api/v1/offers/${o.id}`,
		    { name: 'Kollegiet Østerå' },
		    { headers: { 'if-match': `"${got.version}"` } });
		assert.equal(r.status, 200, r.text);
		const now = await b.client().getJson(p);
		assert.equal(now.offers.find((x) => x.id === o.id).name,
		    'Kollegiet Østerå');
		/* A new offer counts at once too. */
		const n = await op.post('/api/v1/offers', {
			name: 'Aflastningen Nørresundby', operator_code: '851',
			location_code: '851', kind: 'residential',
			paragraphs: ['SEL § 107'], covered: true,
			places: { [YEAR]: 4 }, status: 'active' });
		assert.equal(n.status, 201, n.text);
		const after = await b.client().getJson(p);
		assert.equal(after.total, now.total + 1);
	});

	test('a tariff published and changed through A shows at once in B\'s '
	    + 'cached overview', async () => {
		const admin = await a.login('admin');
		const op = await a.login('op851');
		let r = await admin.post('/api/v1/rounds', { year: YEAR, no: 1,
		    title: `Takster ${YEAR}`, opens_on: day(-1),
		    deadline: day(30) });
		assert.equal(r.status, 201, r.text);
		const round = r.json;
		const subs = await op.getJson(
		    `/api/v1/rounds/${round.id}/submissions`);
		const sub = subs.submissions.find((s) => s.operator_code === '851');
		const s0 = await op.getJson(`/api/v1/submissions/${sub.id}`);
		r = await op.patch(`/api/v1/submissions/${sub.id}`, { lines: [{
			paragraph: 'SEL § 107', unit: 'day', places: 10,
			occupancy_pct: 96, costs_ore: { wages: 650000000,
			property: 67500000, other: 82500000 } }] },
		    { headers: { 'if-match': `"${s0.version}"` } });
		assert.equal(r.status, 200, r.text);
		const act = async (c, what) => {
			const s = await c.getJson(`/api/v1/submissions/${sub.id}`);
			const x = await c.request('POST',
			    `/api/v1/submissions/${sub.id}/${what}`,
			    { headers: { 'if-match': `"${s.version}"` } });
			assert.equal(x.status, 200, x.text);
		};
		await act(op, 'submit');
		await act(admin, 'approve');

		const p = `/api/v1/tariffs?year=${YEAR}`;
		assert.equal((await warm(b, p)).total, 0);
		const rr = await admin.getJson(`/api/v1/rounds/${round.id}`);
		r = await admin.request('POST', `/api/v1/rounds/${round.id}/publish`,
		    { headers: { 'if-match': `"${rr.version}"` } });
		assert.equal(r.status, 200, r.text);
		const published = await b.client().getJson(p);
		assert.equal(published.total, 1);
		const t = published.tariffs[0];
		assert.ok(t.tariff_ore > 0);

		await warm(b, p);
		r = await op.post(`/api/v1/tariffs/${t.id}/change`,
		    { tariff_ore: 240000, valid_from: `${YEAR}-07-01`,
		    cause: 'pladser', reason: 'To pladser mere' });
		assert.equal(r.status, 201, r.text);
		const changed = await b.client().getJson(p);
		assert.deepEqual(changed.tariffs.map((x) => x.tariff_ore),
		    [t.tariff_ore, 240000]);
	});
});

describe('login limits', () => {
	test('wrong passwords counted on A lock the name on B', async () => {
		const admin = await a.login('admin');
		const r = await admin.post('/api/v1/users',
		    { username: 'delt', role: 'reader', password: PASSWORD });
		assert.equal(r.status, 201, r.text);
		const login = (srv, password) => srv.client().request('POST',
		    '/api/v1/session', { json: { username: 'delt', password } });
		for (let i = 0; i < 5; i++)
			assertApiError(await login(a, `gæt-${i}-xxxx`), 401,
			    'invalid_credentials');
		assertApiError(await login(b, PASSWORD), 429,
		    'too_many_attempts');
		assertApiError(await login(b, 'gæt-5-xxxx'), 429,
		    'too_many_attempts');
		assertApiError(await login(a, PASSWORD), 429,
		    'too_many_attempts');
	});
});
