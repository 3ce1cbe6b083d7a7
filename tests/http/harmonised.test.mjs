/*
 * Harmonised tariffs: two or more offers of the same operator grouped
 * under one tariff line, shown on every member offer's page, in the
 * tariff overview and in the offers' JSON. Roles: only the secretariat
 * or the operator of all the offers; an offer of another operator is
 * refused with a Danish message and nothing is stored.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertApiError, newOffer, startServer } from './harness.mjs';

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

describe('a group after its members reported: refused', () => {
	let ex;

	before(async () => { ex = await startServer({ example: true }); });
	after(async () => { await ex?.stop(); });

	test('offers with lines in a round of the year are not grouped',
	    async () => {
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
		const year = list.find((t) => t.offer_id === a).year;
		const r = await harmonise(exAdmin, a, 'Fælles takst', year, [b]);
		assert.equal(r.status, 409, r.text.slice(0, 300));
		assert.match(r.text, /har allerede indberettet ydelseslinjer i /);
		assert.match(r.text, /Vælg et senere år/);
	});
});

describe('one tariff for the group in a round', () => {
	const YEAR = 2033;
	const day = (offset) => new Date(Date.now() + offset * 86400000)
	    .toISOString().slice(0, 10);
	const line = {
		paragraph: 'SEL § 107', unit: 'day', places: 10,
		occupancy_pct: 96,
		costs_ore: { wages: 650000000, property: 67500000, other: 82500000 },
	};
	let a, b, lone, round, sub;

	async function newRound(year) {
		const r = await admin.post('/api/v1/rounds', { year, no: 1,
		    title: `Takster ${year}`, opens_on: day(-5), deadline: day(20) });
		assert.equal(r.status, 201, r.text);
		return r.json;
	}
	async function act(c, id, what, body) {
		const s = await admin.getJson(`/api/v1/submissions/${id}`);
		return c.request('POST', `/api/v1/submissions/${id}/${what}`, {
			json: body, headers: { 'if-match': `"${s.version}"` } });
	}
	async function subsOf(roundId, ids) {
		const l = await op851.getJson(`/api/v1/rounds/${roundId}/submissions`);
		return l.submissions.filter((s) => ids.includes(s.offer_id));
	}
	async function tariffsOf(id, q = '') {
		return (await anon.getJson(`/api/v1/tariffs?offer=${id}&year=${YEAR}${q}`))
		    .tariffs;
	}

	before(async () => {
		a = await create('851');
		b = await create('851');
		lone = await create('851');
		const r = await harmonise(op851, a.id, 'Fælles takst', YEAR, [b.id]);
		assert.equal(r.status, 303, r.text.slice(0, 300));
		round = await newRound(YEAR);
	});

	test('the round holds one submission for the group, naming both',
	    async () => {
		const subs = await subsOf(round.id, [a.id, b.id, lone.id]);
		const grp = subs.filter((s) => s.harmonised_id !== null);
		assert.equal(grp.length, 1, JSON.stringify(subs));
		assert.equal(subs.length, 2, 'the group and the lone offer');
		sub = grp[0];
		assert.equal(sub.offer_id, Math.min(a.id, b.id));
		assert.equal(sub.harmonised_id, (await group(a.id)).id);
		assert.ok(sub.offer_name.startsWith('Fælles takst: '));
		assert.ok(sub.offer_name.includes(a.name) &&
		    sub.offer_name.includes(b.name), sub.offer_name);
		const html = await page(op851, `/indberetning/${sub.id}`);
		assert.ok(html.includes('Fælles takst: '), 'the page names the group');
		const add = await admin.post(`/api/v1/rounds/${round.id}/submissions`,
		    { offer_id: Math.max(a.id, b.id) });
		assertApiError(add, 409, 'already_in_round',
		    { match: /harmoniserede takst Fælles takst/ });
	});

	test('grouping an offer whose lines exist in the round is refused',
	    async () => {
		const [own] = await subsOf(round.id, [lone.id]);
		const s = await op851.getJson(`/api/v1/submissions/${own.id}`);
		const p = await op851.patch(`/api/v1/submissions/${own.id}`,
		    { lines: [line] }, { headers: { 'if-match': `"${s.version}"` } });
		assert.equal(p.status, 200, p.text);
		const extra = await create('851');
		const r = await harmonise(op851, lone.id, 'Sent', YEAR, [extra.id]);
		assert.equal(r.status, 409, r.text.slice(0, 300));
		assert.ok(r.text.includes(`Tilbuddet ${lone.name} har allerede ` +
		    'indberettet ydelseslinjer i'), 'Danish message names it');
		assert.equal(await group(lone.id), null);
	});

	test('the operator reports the group once; both members publish the same tariff',
	    async () => {
		const s = await op851.getJson(`/api/v1/submissions/${sub.id}`);
		const p = await op851.patch(`/api/v1/submissions/${sub.id}`,
		    { lines: [line] }, { headers: { 'if-match': `"${s.version}"` } });
		assert.equal(p.status, 200, p.text);
		assert.equal((await act(op851, sub.id, 'submit')).status, 200);
		assert.equal((await act(op851, sub.id, 'approve')).status, 403);
		assert.equal((await act(admin, sub.id, 'approve')).status, 200);
		const [own] = await subsOf(round.id, [lone.id]);
		assert.equal((await act(op851, own.id, 'submit')).status, 200);
		assert.equal((await act(admin, own.id, 'approve')).status, 200);
		const rd = await admin.getJson(`/api/v1/rounds/${round.id}`);
		const pub = await admin.request('POST',
		    `/api/v1/rounds/${round.id}/publish`,
		    { headers: { 'if-match': `"${rd.version}"` } });
		assert.equal(pub.status, 200, pub.text);
		const [ta] = await tariffsOf(a.id);
		const [tb] = await tariffsOf(b.id);
		assert.ok(ta && tb, 'both members have a published tariff');
		assert.equal(ta.tariff_ore, tb.tariff_ore);
		assert.equal(ta.tariff_exact_ore, tb.tariff_exact_ore);
		assert.equal(ta.harmonised_id, sub.harmonised_id);
		assert.equal(tb.harmonised_id, sub.harmonised_id);
		const [tl] = await tariffsOf(lone.id);
		assert.equal(tl.harmonised_id, null);
		for (const [id, other] of [[a.id, b.id], [b.id, a.id]]) {
			const html = await page(anon, `/takster?offer=${id}&year=${YEAR}`);
			const row = html.slice(html.indexOf('<tbody'));
			assert.match(row, /Harmoniseret takst for: <a/);
			assert.ok(row.includes(`href="/tilbud/${other}"`));
		}
		const red = await anon.getJson(`/api/v1/tariffs/reduction?year=${YEAR}`);
		assert.equal(red.tariffs_without_previous, 2,
		    'the reduction counts the group once, and the lone offer');
		const amounts_on = async (id) => [...(await page(anon,
		    `/tilbud/${id}`)).matchAll(/href="\/takster\/\d+">([^<]+)</g)]
		    .map((m) => m[1]);
		const onA = await amounts_on(a.id);
		assert.equal(onA.length, 1, 'the member page shows the group tariff');
		assert.deepEqual(await amounts_on(b.id), onA);
		const csv = (await anon.get(`/api/v1/tariffs?year=${YEAR}&operator=851&format=csv`)).text;
		const amounts = csv.split('\n').filter((l) => l.includes(a.name) ||
		    l.includes(b.name)).map((l) => l.split(';')[8]);
		assert.equal(amounts.length, 2, csv.slice(0, 400));
		assert.equal(amounts[0], amounts[1], 'the CSV shows one amount');
	});

	test('a change in the year changes both members, audited once', async () => {
		const [ta] = await tariffsOf(a.id);
		const body = { tariff_ore: ta.tariff_ore + 10000,
		    valid_from: `${YEAR}-07-01`, cause: 'renovering' };
		assertApiError(await op1081.post(`/api/v1/tariffs/${ta.id}/change`,
		    body), 403, 'forbidden');
		assertApiError(await reader.post(`/api/v1/tariffs/${ta.id}/change`,
		    body), 403, 'forbidden');
		const r = await op851.post(`/api/v1/tariffs/${ta.id}/change`, body);
		assert.equal(r.status, 201, r.text);
		for (const id of [a.id, b.id]) {
			const v = await tariffsOf(id, '&versions=true');
			assert.equal(v.length, 2, `two versions on ${id}`);
			assert.equal(v[1].tariff_ore, ta.tariff_ore + 10000);
			assert.equal(v[1].valid_from, `${YEAR}-07-01`);
			assert.equal(v[0].valid_to, `${YEAR}-06-30`);
			assert.equal(v[1].harmonised_id, sub.harmonised_id);
			const html = await page(anon, `/tilbud/${id}`);
			assert.equal([...html.matchAll(/href="\/takster\/\d+">/g)].length,
			    2, 'both versions on the member page');
		}
	});

	test('dissolving from a year returns the members to their own tariffs',
	    async () => {
		const form = (c, year, confirm) => c.request('POST',
		    `/tilbud/${a.id}/harmoniser/ophaev`, { form: [
			['csrf_token', c.csrf ?? ''], ['year', String(year)],
			...(confirm ? [['confirm', '1']] : [])] });
		assert.equal((await form(reader, YEAR + 1, true)).status, 403);
		assert.equal((await form(op1081, YEAR + 1, true)).status, 403);
		const ask = await form(op851, YEAR + 1, false);
		assert.equal(ask.status, 200);
		assert.match(ask.text, /Ophæv Fælles takst fra 2034\?/);
		const bad = await form(op851, YEAR, true);
		assert.equal(bad.status, 400, bad.text.slice(0, 200));
		assert.match(bad.text, /Skriv et år efter 2033/);
		const ok = await form(op851, YEAR + 1, true);
		assert.equal(ok.status, 303, ok.text.slice(0, 200));
		assert.equal((await group(a.id)).to_year, YEAR);
		const html = await page(anon, `/tilbud/${b.id}`);
		assert.match(html, /\(fra 2033 til og med 2033\)/);
		const next = await newRound(YEAR + 1);
		const subs = await subsOf(next.id, [a.id, b.id]);
		assert.equal(subs.length, 2, 'each member reports again');
		assert.ok(subs.every((s) => s.harmonised_id === null));
	});
});
