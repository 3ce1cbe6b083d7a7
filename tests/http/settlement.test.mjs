/*
 * Post-adjustment of secure institutions (efterregulering) over HTTP:
 * the calculator, the settlements API and pages. Only the secretariat
 * creates; a municipality sees only its own share; the operator sees its
 * own institution; the shares follow cost sharing's newest key of
 * 0–17-year-olds unless another is chosen; bad input (negative occupied
 * days, no such key, a key missing a municipality, zero weights) gets a
 * Danish message and changes nothing;
 * a correction needs a reason and becomes a new version.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { assertApiError, assertDanish, needs,
    startServer } from './harness.mjs';

const PDFTOTEXT = '/usr/bin/pdftotext';
const havePdftotext = fs.existsSync(PDFTOTEXT);

/* The text of a PDF, whitespace runs made one space. */
function pdfText(body, name) {
	const f = path.join(srv.dir, name);
	fs.writeFileSync(f, body);
	return spawnSync(PDFTOTEXT, ['-enc', 'UTF-8', f, '-']).stdout
	    .toString().replace(/\s+/g, ' ');
}

let srv, admin, op851, op1081, reader, authority, anon;
let kompasset;	/* the demo's secure institution, run by the region */
let childKey, partialKey;	/* keys of cost sharing */
const CHILDREN = { 851: 41000, 810: 7400, 813: 11000, 860: 13800,
    849: 8000, 825: 250, 846: 8600, 773: 4100, 840: 6900, 787: 8900,
    820: 7600 };
const YEAR = 2031;	/* the year settled; its accounts are reported first */

const MUNIS = ['851', '810', '813', '860', '849', '825', '846', '773',
    '840', '787', '820'];

function weights(skip) {
	const w = {};
	for (const c of MUNIS)
		if (c !== skip)
			w[c] = 1000;
	return w;
}

async function count() {
	return (await admin.getJson('/api/v1/settlements')).settlements.length;
}

before(async () => {
	srv = await startServer();
	anon = srv.client();
	admin = await srv.login('admin');
	op851 = await srv.login('op851');
	op1081 = await srv.login('op1081');
	reader = await srv.login('reader');
	authority = await srv.login('authority');
	kompasset = (await anon.getJson(
	    '/api/v1/offers?kind=secure_institution&limit=1')).offers[0].id;
	/* The region's accounts of the §4.3 example: 8 places, 40 mio. kr.,
	 * 80 % occupancy (2,336 days). */
	const r = await op1081.post('/api/v1/accounts', { offer_id: kompasset,
	    year: YEAR, tariff_base_ore: 4000000000, revenue_ore: 3555625600,
	    costs_ore: 4000000000, occupied_days: 2336,
	    available_days: 2920 });
	assert.equal(r.status, 201, r.text);
});
after(async () => { await srv?.stop(); });

describe('calc post-adjustment over HTTP', () => {
	test('spec §4.3: 80 % gives a deficit of 4.444.444,80 kr.',
	    async () => {
		const r = await anon.post('/api/v1/calc/post-adjustment', {
			places: 8, day_basis: 365, cost_ore: 4000000000,
			assumed_occupancy_pct: 90, occupied_days: 2336,
			rounding_ore: 1, weights: { 851: 3, 810: 1 },
		});
		assert.equal(r.status, 200, r.text);
		assert.equal(r.json.tariff_ore, 1522070);
		assert.equal(r.json.billed_ore, 3555555520);
		assert.equal(r.json.difference_ore, 444444480);
		assert.deepEqual(r.json.allocations, { 851: 333333360,
		    810: 111111120 });
	});

	test('negative occupied days: 400 in Danish', async () => {
		const r = await anon.post('/api/v1/calc/post-adjustment', {
			places: 8, day_basis: 365, cost_ore: 1,
			assumed_occupancy_pct: 90, occupied_days: -5,
			weights: { 851: 1 },
		});
		assertApiError(r, 400, 'negative_days', { field: 'occupied_days' });
	});
});

describe('settlements', () => {
	test('only the secretariat creates', async () => {
		const body = { offer_id: kompasset, year: YEAR };
		for (const c of [op851, op1081, reader, authority]) {
			const r = await c.post('/api/v1/settlements', body);
			assert.equal(r.status, 403, r.text);
		}
		const r = await anon.post('/api/v1/settlements', body);
		assert.ok(r.status === 401 || r.status === 403, `${r.status}`);
		assert.equal((await anon.get('/api/v1/settlements')).status, 401);
		assert.equal(await count(), 0);
	});

	test('bad input: Danish error, nothing stored', async () => {
		let r = await admin.post('/api/v1/settlements', { offer_id:
		    kompasset, year: YEAR });
		assertApiError(r, 400, 'no_key', { field: 'key_id',
		    match: /0-17-årige/ });
		r = await admin.post('/api/v1/sharing-keys', { name: 'born-2031',
		    title: '0-17-årige 1. januar 2031', kind: 'children',
		    snapshot_date: '2031-01-01', values: CHILDREN });
		assert.equal(r.status, 201, r.text);
		childKey = r.json.id;
		const partial = { ...CHILDREN };
		delete partial[825];
		r = await admin.post('/api/v1/sharing-keys', { name: 'brug-2030',
		    title: 'Forbrug 2030', kind: 'other',
		    snapshot_date: '2030-12-31', values: partial });
		assert.equal(r.status, 201, r.text);
		partialKey = r.json.id;
		r = await admin.post('/api/v1/settlements', { offer_id: kompasset,
		    year: YEAR, key_id: partialKey });
		assertApiError(r, 400, 'key_missing', { field: 'key_id',
		    match: /Læsø/ });
		r = await admin.post('/api/v1/settlements', { offer_id: kompasset,
		    year: YEAR, key_id: 999999 });
		assertApiError(r, 400, 'unknown_key', { field: 'key_id' });
		r = await admin.post('/api/v1/settlements', { offer_id:
		    kompasset, year: YEAR, occupied_days: -1 });
		assertApiError(r, 400, 'negative_days', { field: 'occupied_days' });
		r = await admin.post('/api/v1/settlements', { offer_id: kompasset,
		    year: YEAR, key: 'entered', weights: weights('825') });
		assertApiError(r, 400, 'key_missing', { field: 'weights',
		    match: /Læsø/ });
		const zero = weights();
		for (const c of MUNIS)
			zero[c] = 0;
		r = await admin.post('/api/v1/settlements', { offer_id: kompasset,
		    year: YEAR, key: 'entered', weights: zero });
		assert.equal(r.status, 400, r.text);
		assertDanish(r.json.error.message);
		r = await admin.post('/api/v1/settlements', { offer_id: kompasset,
		    year: YEAR, key: 'entered', weights: { ...weights(), 1081: 5 } });
		assert.equal(r.status, 400, r.text);
		const ordinary = (await anon.getJson(
		    '/api/v1/offers?operator=851&limit=1')).offers[0].id;
		r = await admin.post('/api/v1/settlements', { offer_id: ordinary,
		    year: YEAR });
		assertApiError(r, 400, 'not_secure', { field: 'offer_id' });
		assert.equal(await count(), 0);
	});

	let first;
	test('from the accounts, shared by the 0-17-year-olds to the øre',
	    async () => {
		const r = await admin.post('/api/v1/settlements', { offer_id:
		    kompasset, year: YEAR });
		assert.equal(r.status, 201, r.text);
		const s = r.json;
		first = s;
		assert.equal(s.version, 1);
		assert.equal(s.cost_source, 'accounts');
		assert.equal(s.assumed_occupancy_pct, 90);
		assert.equal(s.day_basis, 365);
		/* §4.3 with the tariff in whole kroner: 15.221 kr. */
		assert.equal(s.tariff_ore, 1522100);
		assert.equal(s.billed_ore, 3555625600);
		assert.equal(s.difference_ore, 444374400);
		assert.equal(s.shares.length, 11);
		assert.equal(s.shares.reduce((a, h) => a + h.amount_ore, 0),
		    s.difference_ore);
		assert.equal(s.key, 'children');
		assert.equal(s.key_id, childKey);
		assert.match(s.key_label, /0-17-årige 1\. januar 2031/);
		for (const h of s.shares)
			assert.equal(h.weight, CHILDREN[h.org_code]);
		/* 444.374,00 kr. by 117.550 children: Aalborg 41.000. */
		assert.equal(s.shares.find((h) => h.org_code === '851').amount_ore,
		    154992347);
	});

	test('a correction needs a reason and is a new version', async () => {
		let r = await admin.post('/api/v1/settlements', { offer_id:
		    kompasset, year: YEAR, occupied_days: 2336 });
		assertApiError(r, 400, 'reason_required', { field: 'reason' });
		r = await admin.post('/api/v1/settlements', { offer_id: kompasset,
		    year: YEAR, occupied_days: 2336, cost_ore: 4000000000,
		    reason: 'Belægningen var opgjort forkert' });
		assert.equal(r.status, 201, r.text);
		assert.equal(r.json.version, 2);
		assert.equal(r.json.cost_source, 'entered');
		const list = (await admin.getJson('/api/v1/settlements'))
		    .settlements;
		assert.equal(list.length, 1);
		assert.equal(list[0].version, 2);
		const one = await admin.getJson(`/api/v1/settlements/${first.id}`);
		assert.equal(one.version, 1);
		assert.deepEqual(one.version_ids, [first.id, r.json.id]);
	});

	test('a municipality sees only its own share', async () => {
		const list = (await authority.getJson('/api/v1/settlements'))
		    .settlements;
		assert.equal(list.length, 1);
		assert.deepEqual(list[0].shares.map((h) => h.org_code), ['810']);
		const one = await authority.getJson(
		    `/api/v1/settlements/${list[0].id}`);
		assert.deepEqual(one.shares.map((h) => h.org_code), ['810']);
		const html = (await authority.get(
		    `/oekonomi/efterregulering/${list[0].id}`)).text;
		assert.match(html, /Brønderslev/);
		assert.doesNotMatch(html, /Aalborg/);
	});

	test('one settlement as a PDF with its figures',
	    { skip: needs(havePdftotext, 'pdftotext (poppler-utils)') },
	    async () => {
		const url = `/oekonomi/efterregulering/${first.id}`;
		const page = (await admin.get(url)).text;
		assert.match(page, new RegExp(`href="${url}/efterregulering\\.pdf"`));
		assert.match(page, /Faktisk belægning<\/dt><dd>80 %/);
		const r = await admin.get(`${url}/efterregulering.pdf`);
		assert.equal(r.status, 200);
		assert.equal(r.headers.get('content-type'), 'application/pdf');
		assert.equal(r.body.subarray(0, 5).toString(), '%PDF-');
		const t = pdfText(r.body, 's.pdf');
		assert.match(t, new RegExp(`Efterregulering ${YEAR}: Den Sikrede Institution Kompasset`));
		assert.match(t, /Forudsat belægning 90 %/);
		/* 2.336 occupied days of 8 places × 365: 80 %. */
		assert.match(t, /Faktisk belægning 80 %/);
		assert.match(t, /Takst pr\. døgn 15\.221,00 kr\./);
		assert.match(t, /Underskud 4\.443\.744,00 kr\./);
		assert.match(t, /0-17-årige 1\. januar 2031/);
		assert.match(t, /Sikret institution · version 1 · beregnet \d+\. \S+ 20\d\d/);
		assert.match(t, /Aalborg 41\.000 1\.549\.923,47 kr\./);
		assert.match(t, /117\.550 4\.443\.744,00 kr\./);
		assert.match(t, /I alt/);
		/* A municipality's PDF holds its own share only. */
		const own = pdfText((await authority.get(
		    `${url}/efterregulering.pdf`)).body, 'o.pdf');
		assert.match(own, /Brønderslev/);
		assert.doesNotMatch(own, /Aalborg/);
		/* Others' institutions stay hidden. */
		assert.equal((await op851.get(`${url}/efterregulering.pdf`))
		    .status, 404);
		assert.equal((await anon.get(`${url}/efterregulering.pdf`))
		    .status === 200, false);
	});

	test('the operator sees its own institution only', async () => {
		assert.equal((await op1081.getJson('/api/v1/settlements'))
		    .settlements.length, 1);
		assert.equal((await op851.getJson('/api/v1/settlements'))
		    .settlements.length, 0);
		const r = await op851.get(`/api/v1/settlements/${first.id}`);
		assert.equal(r.status, 404);
	});
});

describe('settlement pages', () => {
	test('preview and confirmation before anything is stored',
	    async () => {
		const form = { csrf_token: admin.csrf, offer_id: String(kompasset),
		    year: '2030', cost: '40.000.000', days: '2.336' };
		let r = await admin.request('POST', '/oekonomi/efterregulering/ny',
		    { form: { ...form, days: '-3' } });
		assert.equal(r.status, 400);
		assert.match(r.text, /negativt/);
		r = await admin.request('POST', '/oekonomi/efterregulering/ny',
		    { form: { ...form, days: '2336' } });
		assert.equal(r.status, 200, r.text.slice(0, 500));
		assert.match(r.text, /Gem efterreguleringen\?/);
		assert.match(r.text, /name="confirm" value="1"/);
		assert.equal(await count(), 1);
		r = await admin.request('POST', '/oekonomi/efterregulering/ny',
		    { form: { ...form, days: '2336', confirm: '1' } });
		assert.equal(r.status, 303, r.text.slice(0, 500));
		const loc = r.headers.get('location');
		assert.match(loc, /^\/oekonomi\/efterregulering\/\d+\?besked=/);
		assert.equal(await count(), 2);
		const html = (await admin.get(loc)).text;
		assert.equal(html.match(/<h1/g).length, 1);
		assert.match(html, /<svg[^>]*role="img"/);
		assert.match(html, /Underskud/);
		const x = await admin.get(loc.replace(/\?.*/, '') +
		    '/andele.xlsx');
		assert.equal(x.status, 200);
		assert.match(x.headers.get('content-type'), /spreadsheetml/);
		assert.equal(x.body.subarray(0, 2).toString(), 'PK');
	});

	test('the list, and the form only for the secretariat', async () => {
		for (const c of [admin, reader, authority, op1081]) {
			const r = await c.get('/oekonomi/efterregulering');
			assert.equal(r.status, 200);
			assert.equal(r.text.match(/<h1/g).length, 1);
		}
		assert.match((await authority.get('/oekonomi/efterregulering'))
		    .text, /Jeres andel/);
		assert.equal((await reader.get('/oekonomi/efterregulering/ny'))
		    .status, 403);
		assert.equal((await admin.get('/oekonomi/efterregulering/ny'))
		    .status, 200);
	});
});
