/*
 * Harmonised tariffs: two or more offers of the same operator grouped
 * under one tariff line, shown on every member offer's page, in the
 * tariff overview and in the offers' JSON. Roles: only the secretariat
 * or the operator of all the offers; an offer of another operator is
 * refused with a Danish message and nothing is stored.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { newOffer, startServer } from './harness.mjs';

let srv, anon, admin, op851, op1081, reader;

async function page(c, p) {
	const r = await c.get(p);
	assert.equal(r.status, 200, `GET ${p}: ${r.status} ${r.text.slice(0, 300)}`);
	assert.equal((r.text.match(/<h1[\s>]/g) || []).length, 1, 'one h1');
	return r.text;
}

async function create(op) {
	const r = await admin.post('/api/v1/offers', newOffer(op));
	assert.equal(r.status, 201, r.text);
	return r.json;
}

/* POST the form of offer id with the other offers checked. */
function harmonise(c, id, name, year, others) {
	const form = [['csrf_token', c.csrf ?? ''], ['name', name],
	    ['from_year', String(year)]];
	for (const o of others)
		form.push(['tilbud', String(o)]);
	return c.request('POST', `/tilbud/${id}/harmoniser`, { form });
}

async function group(id) {
	return (await anon.getJson(`/api/v1/offers/${id}`)).harmonised ?? null;
}

before(async () => {
	srv = await startServer();
	anon = srv.client();
	admin = await srv.login('admin');
	op851 = await srv.login('op851');
	op1081 = await srv.login('op1081');
	reader = await srv.login('reader');
});
after(async () => { await srv?.stop(); });

describe('the operator groups its own offers', () => {
	let a, b;

	before(async () => {
		a = await create('851');
		b = await create('851');
	});

	test('the form lists the operator\'s other offers', async () => {
		const html = await page(op851, `/tilbud/${a.id}/harmoniser`);
		assert.match(html, /Harmonisér takst/);
		assert.ok(html.includes(`value="${b.id}"`), 'b offered');
		assert.ok(!html.includes(`value="${a.id}"`), 'a is implicit');
		const own = await page(op851, `/tilbud/${a.id}`);
		assert.match(own, /Harmonisér takst med andre tilbud/);
	});

	test('another operator, a reader and anonymous are refused', async () => {
		assert.equal((await op1081.get(`/tilbud/${a.id}/harmoniser`)).status,
		    403);
		const r = await harmonise(op1081, a.id, 'Fælles', 2027, [b.id]);
		assert.equal(r.status, 403, r.text.slice(0, 300));
		assert.equal((await harmonise(reader, a.id, 'Fælles', 2027,
		    [b.id])).status, 403);
		assert.notEqual((await harmonise(anon, a.id, 'Fælles', 2027,
		    [b.id])).status, 303);
		assert.equal(await group(a.id), null);
		const other = await page(op1081, `/tilbud/${a.id}`);
		assert.doesNotMatch(other, /Harmonisér takst med andre tilbud/);
	});

	test('at least two offers', async () => {
		const r = await harmonise(op851, a.id, 'Fælles', 2027, []);
		assert.equal(r.status, 400);
		assert.match(r.text, /Vælg mindst 2 tilbud/);
		assert.equal(await group(a.id), null);
	});

	test('grouped, shown on both offers and in the API', async () => {
		const r = await harmonise(op851, a.id, 'Fælles døgntakst', 2027,
		    [b.id]);
		assert.equal(r.status, 303, r.text.slice(0, 300));
		assert.match(r.headers.get('location'), /besked=harmoniseret/);
		for (const o of [a, b]) {
			const html = await page(anon, `/tilbud/${o.id}`);
			assert.match(html, /<strong>Fælles døgntakst<\/strong> \(fra 2027\)\. Harmoniseret takst for: <a/);
			assert.ok(html.includes(`href="/tilbud/${a.id}"`));
			assert.ok(html.includes(`href="/tilbud/${b.id}"`));
			assert.ok(html.includes(a.name) && html.includes(b.name));
			assert.doesNotMatch(html, /Harmonisér takst med andre tilbud/);
			const g = await group(o.id);
			assert.equal(g.name, 'Fælles døgntakst');
			assert.equal(g.from_year, 2027);
			assert.equal(g.operator, '851');
			assert.deepEqual(g.offers.map((x) => x.id).sort(),
			    [a.id, b.id].sort());
		}
		const overview = await page(anon, '/takster');
		assert.match(overview, /Harmoniserede takster/);
		assert.match(overview, /<strong>Fælles døgntakst<\/strong> \(fra 2027\)\. Harmoniseret takst for: <a/);
		const hist = await page(op851, `/tilbud/${b.id}`);
		assert.match(hist, /<h2>Historik<\/h2>[^]*Harmoniseret takst<\/td>/);
	});

	test('an offer is in one group only', async () => {
		const c = await create('851');
		const r = await harmonise(op851, c.id, 'Igen', 2028, [a.id]);
		assert.equal(r.status, 409, r.text.slice(0, 300));
		assert.match(r.text, /allerede en harmoniseret takst/);
		assert.equal(await group(c.id), null);
	});
});

describe('an offer of another operator is refused', () => {
	test('the secretariat cannot mix operators', async () => {
		const a = await create('851');
		const x = await create('1081');
		const r = await harmonise(admin, a.id, 'Blandet', 2027, [x.id]);
		assert.equal(r.status, 400, r.text.slice(0, 300));
		assert.match(r.text, /har en anden driftsherre/);
		assert.ok(r.text.includes(x.name));
		assert.equal(await group(a.id), null);
		assert.equal(await group(x.id), null);
	});

	test('nor can the operator add another operator\'s offer', async () => {
		const a = await create('851');
		const x = await create('1081');
		const r = await harmonise(op851, a.id, 'Blandet', 2027, [x.id]);
		assert.equal(r.status, 400, r.text.slice(0, 300));
		assert.match(r.text, /samme driftsherre/);
		assert.equal(await group(x.id), null);
	});

	test('the secretariat groups any operator\'s offers', async () => {
		const x = await create('1081');
		const y = await create('1081');
		const r = await harmonise(admin, x.id, 'Region', 2026, [y.id]);
		assert.equal(r.status, 303, r.text.slice(0, 300));
		assert.equal((await group(y.id)).name, 'Region');
	});
});

describe('the tariff overview', () => {
	let ex;

	before(async () => { ex = await startServer({ example: true }); });
	after(async () => { await ex?.stop(); });

	test('a published tariff\'s row names its harmonised group', async () => {
		const list = (await ex.client().getJson('/api/v1/tariffs')).tariffs;
		const byOp = new Map();
		for (const t of list) {
			const ids = byOp.get(t.operator_code) ?? new Set();
			ids.add(t.offer_id);
			byOp.set(t.operator_code, ids);
		}
		const [op, ids] = [...byOp].find(([, v]) => v.size >= 2) ?? [];
		assert.ok(op, 'two published offers of one operator in the demo');
		const [a, b] = [...ids];
		const exAdmin = await ex.login('admin');
		const r = await harmonise(exAdmin, a, 'Fælles takst', 2024, [b]);
		assert.equal(r.status, 303, r.text.slice(0, 300));
		const html = await page(ex.client(), `/takster?offer=${a}`);
		const row = html.slice(html.indexOf('<tbody'));
		assert.match(row, /<small><span class="harmonised">Harmoniseret takst for: <a/);
		assert.match(html, /<strong>Fælles takst<\/strong> \(fra 2024\)\. Harmoniseret takst for: /);
		assert.ok(row.includes(`href="/tilbud/${b}"`));
	});
});
