/*
 * Cost sharing over HTTP: keys and allocations through the API and the
 * pages. Only the secretariat creates; a municipality sees only its own
 * invoice; an operator that is not a municipality and a reader see
 * nothing; a negative pool, a key missing a municipality and zero
 * weights are refused in Danish with nothing changed; a correction is a
 * new version and the old one is kept; a later key does not change an
 * earlier allocation; the calculator answers as the CLI does; invoices
 * download as XLSX and PDF; the secretariat's overhead from floor area.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { postFile, postForm, redirectId, startServer } from './harness.mjs';

let srv, admin, op851, op1081, reader, muni810, anon, popKey;

/* TV-7: 10,000,000 kr. by population 1 January 2011. */
const TV7 = { 851: 3435289, 810: 617234, 813: 1061968, 860: 1146424,
    849: 668007, 825: 33613, 846: 734216, 773: 372524, 840: 499113,
    787: 778592, 820: 653020 };

before(async () => {
	srv = await startServer();
	admin = await srv.login('admin');
	op851 = await srv.login('op851');
	op1081 = await srv.login('op1081');
	reader = await srv.login('reader');
	muni810 = await srv.login('authority');
	anon = srv.client();
	const r = await admin.post('/api/v1/sharing-keys',
	    { from_population: 2011 });
	assert.equal(r.status, 201, r.text);
	popKey = r.json;
});

after(async () => { await srv.stop(); });

async function allocate(c, body) {
	return c.post('/api/v1/allocations', { title: 'Objektiv finansiering',
	    purpose: 'objective_financing', year: 2012, ...body });
}

describe('keys', () => {
	test('a population key from the register sums to the region', () => {
		assert.equal(popKey.kind, 'population');
		assert.equal(popKey.snapshot_date, '2011-01-01');
		assert.equal(popKey.total, 579829);
		assert.equal(popKey.values['851'], 199188);
	});

	test('only the secretariat reads or makes keys', async () => {
		for (const c of [op851, muni810, reader]) {
			assert.equal((await c.get('/api/v1/sharing-keys')).status,
			    403);
			assert.equal((await c.post('/api/v1/sharing-keys',
			    { from_population: 2019 })).status, 403);
		}
		assert.equal((await anon.get('/api/v1/sharing-keys')).status, 401);
		assert.equal((await anon.get('/oekonomi/noegler')).status !== 200,
		    true);
	});

	test('a CSV key by name or code, thousands points allowed', async () => {
		const csv = 'kommune;antal\nAalborg;41.000\n810;7500\n';
		const r = await postFile(admin, '/oekonomi/noegler/upload', {
		    title: '0-17-årige 2012 (to kommuner)', name: 'born-2012',
		    kind: 'children', snapshot_date: '2012-01-01' }, csv,
		    'noegle.csv', 'text/csv');
		const id = redirectId(r);
		const k = await admin.getJson(`/api/v1/sharing-keys/${id}`);
		assert.deepEqual(k.values, { 851: 41000, 810: 7500 });
		const page = await admin.get(`/oekonomi/noegler/${id}`);
		assert.equal(page.status, 200);
		assert.match(page.text, /Brønderslev/);
	});

	test('a bad CSV row is named by its line and nothing is stored',
	    async () => {
		const before = await srv.dbSnapshot();
		const r = await postFile(admin, '/oekonomi/noegler/upload', {
		    title: 'Forkert', name: 'forkert', kind: 'other',
		    snapshot_date: '2012-01-01' }, 'kode;antal\n851;10\nOdense;3\n',
		    'x.csv', 'text/csv');
		assert.equal(r.status, 400);
		assert.match(r.text, /Linje 3: Odense er ikke en kommune/);
		assert.deepEqual(await srv.dbSnapshot(), before);
	});
});

describe('allocations', () => {
	test('TV-7 over the API: exact to the krone, sum preserved',
	    async () => {
		const r = await allocate(admin, { pool_ore: 1000000000,
		    key_id: popKey.id });
		assert.equal(r.status, 201, r.text);
		let sum = 0;
		for (const [code, kr] of Object.entries(TV7)) {
			assert.equal(r.json.shares[code].amount_ore, kr * 100, code);
			sum += r.json.shares[code].amount_ore;
		}
		assert.equal(sum, 1000000000);
		assert.equal(r.json.key.title, 'Indbyggertal 1. januar 2011');
	});

	test('only the secretariat creates', async () => {
		for (const c of [op851, op1081, muni810, reader]) {
			const r = await allocate(c, { pool_ore: 100000,
			    key_id: popKey.id });
			assert.equal(r.status, 403, r.text);
		}
		const f = await postForm(muni810, '/oekonomi/fordelinger/ny', {
		    title: 'X', purpose: 'other', year: '2012', pool: '1000',
		    unit: '100', key_id: String(popKey.id), kommune_810: '1',
		    confirm: '1' });
		assert.equal(f.status, 403);
	});

	test('bad input: Danish message, nothing changed', async () => {
		const before = await srv.dbSnapshot();
		let r = await allocate(admin, { pool_ore: -500000,
		    key_id: popKey.id });
		assert.equal(r.status, 400);
		assert.equal(r.json.error.field, 'pool_ore');
		assert.match(r.json.error.message, /større end 0 kr/);
		/* A key with two municipalities asked for a third. */
		const two = (await admin.getJson('/api/v1/sharing-keys')).keys
		    .find((k) => k.name === 'born-2012');
		r = await allocate(admin, { pool_ore: 100000, key_id: two.id,
		    municipalities: ['851', '810', '813'] });
		assert.equal(r.status, 400);
		assert.match(r.json.error.message,
		    /har ingen værdi for Frederikshavn/);
		r = await allocate(admin, { pool_ore: 100000, key_title: 'Brug',
		    snapshot_date: '2012-06-30', weights: { 851: 0, 810: 0 } });
		assert.equal(r.status, 400);
		assert.match(r.json.error.message, /Alle valgte kommuner har 0/);
		r = await allocate(admin, { pool_ore: 100050,
		    key_id: popKey.id });
		assert.equal(r.status, 400);
		assert.match(r.json.error.message, /skal gå op i enheden/);
		/* The form says the same, as the page's error summary. */
		const f = await postForm(admin, '/oekonomi/fordelinger/ny', {
		    title: 'X', purpose: 'other', year: '2012', pool: '-1.000',
		    unit: '100', key_id: String(popKey.id), kommune_810: '1' });
		assert.equal(f.status, 400);
		assert.match(f.text, /Der er fejl i formularen|større end 0 kr/);
		assert.deepEqual(await srv.dbSnapshot(), before);
	});

	test('the form previews, then creates after confirmation',
	    async () => {
		const fields = { title: 'Underskud ved lukning af Vrå',
		    purpose: 'closure_deficit', year: '2014', pool: '1.000.000',
		    unit: '100', key_id: String(popKey.id) };
		for (const c of ['851', '810', '813', '860', '849', '846', '840',
		    '820'])
			fields[`kommune_${c}`] = '1';
		const before = await srv.dbSnapshot();
		const preview = await postForm(admin, '/oekonomi/fordelinger/ny',
		    fields);
		assert.equal(preview.status, 200);
		assert.match(preview.text, /Opret fordelingen\?/);
		assert.match(preview.text, /Brønderslev/);
		assert.doesNotMatch(preview.text, /Læsø/);
		assert.deepEqual(await srv.dbSnapshot(), before);
		const id = redirectId(await postForm(admin,
		    '/oekonomi/fordelinger/ny', { ...fields, confirm: '1' }));
		const a = await admin.getJson(`/api/v1/allocations/${id}`);
		assert.equal(Object.keys(a.shares).length, 8);
		assert.equal(Object.values(a.shares).reduce((s, v) =>
		    s + v.amount_ore, 0), 100000000);
		const page = await admin.get(`/oekonomi/fordelinger/${id}`);
		assert.equal(page.status, 200);
		assert.match(page.text, /Underskud ved lukning af Vrå/);
	});

	test('a municipality sees only its own share and invoice', async () => {
		const list = (await admin.getJson('/api/v1/allocations'))
		    .allocations;
		const id = list[list.length - 1].id;
		const a = await muni810.getJson(`/api/v1/allocations/${id}`);
		assert.deepEqual(Object.keys(a.shares), ['810']);
		assert.equal(a.shares['810'].amount_ore, TV7['810'] * 100);
		const inv = await muni810.getJson(
		    '/api/v1/invoices?municipality=851');
		assert.ok(inv.invoices.length >= 1);
		assert.ok(inv.invoices.every((l) => l.municipality === '810'));
		const page = await muni810.get('/oekonomi/fakturaer');
		assert.equal(page.status, 200);
		assert.match(page.text, /<h1[^>]*>Mine fakturaer/);
		assert.doesNotMatch(page.text, /Aalborg/);
		/* Aalborg is a municipality (and an operator): its own too. */
		const aal = await op851.getJson('/api/v1/invoices');
		assert.ok(aal.invoices.every((l) => l.municipality === '851'));
		/* The region, a reader and the public see nothing of it. */
		for (const c of [op1081, reader]) {
			assert.equal((await c.get('/api/v1/invoices')).status, 403);
			assert.equal((await c.get(`/api/v1/allocations/${id}`))
			    .status, 403);
			assert.equal((await c.get('/oekonomi/fakturaer')).status,
			    403);
		}
		assert.equal((await anon.get('/api/v1/invoices')).status, 401);
		assert.equal((await muni810.get('/oekonomi/fordelinger'))
		    .status, 403);
	});

	test('a correction is a new version; a new key changes nothing old',
	    async () => {
		const r = await allocate(admin, { pool_ore: 74000000,
		    key_id: popKey.id, purpose: 'secretariat',
		    title: 'Sekretariatet 1. halvår 2012' });
		const id = r.json.id;
		const newer = await admin.post('/api/v1/sharing-keys',
		    { from_population: 2020 });
		assert.equal(newer.status, 201);
		let c = await admin.post(`/api/v1/allocations/${id}/versions`, {
		    title: 'Sekretariatet 1. halvår 2012', purpose: 'secretariat',
		    year: 2012, pool_ore: 74000000, key_id: newer.json.id });
		assert.equal(c.status, 400, 'a correction needs a reason');
		c = await admin.post(`/api/v1/allocations/${id}/versions`, {
		    title: 'Sekretariatet 1. halvår 2012', purpose: 'secretariat',
		    year: 2012, pool_ore: 74000000, key_id: newer.json.id,
		    reason: 'Forkert nøgle brugt' });
		assert.equal(c.status, 201, c.text);
		assert.equal(c.json.version, 2);
		assert.equal(c.json.reason, 'Forkert nøgle brugt');
		const v1 = await admin.getJson(
		    `/api/v1/allocations/${id}?version=1`);
		assert.deepEqual(v1.shares, r.json.shares);
		assert.equal(v1.key.snapshot_date, '2011-01-01');
		const page = await admin.get(`/oekonomi/fordelinger/${id}`);
		assert.match(page.text, /Versioner/);
		assert.match(page.text, /Forkert nøgle brugt/);
		/* Replacing the key's figures changes no allocation made. */
		const upd = await postFile(admin,
		    `/oekonomi/noegler/${popKey.id}/upload`,
		    { snapshot_date: '2011-06-30' }, 'kode;antal\n851;1\n810;1\n',
		    'ny.csv', 'text/csv');
		assert.equal(upd.status, 303, upd.text);
		const k = await admin.getJson(`/api/v1/sharing-keys/${popKey.id}`);
		assert.deepEqual(k.values, { 851: 1, 810: 1 });
		assert.deepEqual((await admin.getJson(
		    `/api/v1/allocations/${id}?version=1`)).shares, r.json.shares);
		/* The municipality sees the current version only. */
		assert.equal((await muni810.get(
		    `/api/v1/allocations/${id}?version=1`)).status, 404);
	});

	test('participant fees: price × participants per municipality',
	    async () => {
		const fields = { title: 'Temadag om takster', date: '2014-03-06',
		    price: '1.600', deltagere_851: '3', deltagere_810: '2' };
		const p = await postForm(admin,
		    '/oekonomi/sekretariat/deltagerbetaling', fields);
		assert.equal(p.status, 200);
		assert.match(p.text, /Opkræv deltagerbetalingen\?/);
		const id = redirectId(await postForm(admin,
		    '/oekonomi/sekretariat/deltagerbetaling',
		    { ...fields, confirm: '1' }));
		const a = await admin.getJson(`/api/v1/allocations/${id}`);
		assert.equal(a.pool_ore, 800000);
		assert.equal(a.price_ore, 160000);
		assert.equal(a.shares['851'].amount_ore, 480000);
		assert.equal(a.shares['810'].amount_ore, 320000);
	});

	test('invoices download as XLSX and PDF', async () => {
		const x = await admin.get('/oekonomi/fakturaer.xlsx?aar=2012');
		assert.equal(x.status, 200);
		assert.match(x.headers.get('content-type'), /spreadsheetml/);
		assert.equal(x.text.slice(0, 2), 'PK');
		const p = await muni810.get('/oekonomi/fakturaer.pdf');
		assert.equal(p.status, 200);
		assert.equal(p.headers.get('content-type'), 'application/pdf');
		assert.equal(p.text.slice(0, 5), '%PDF-');
	});
});

describe('the secretariat', () => {
	test('overhead from floor area and the result of the year',
	    async () => {
		let r = await postForm(admin, '/oekonomi/sekretariat/lokaler', {
		    year: '2011', area: '30', rent: '850', utilities: '250',
		    other: '200' });
		assert.equal(r.status, 303, r.text);
		r = await postForm(admin, '/oekonomi/sekretariat/linje', {
		    year: '2011', id: '0', section: 'expense',
		    label: 'Lønomkostninger', budget: '1.071.000',
		    actual: '1.344.000' });
		assert.equal(r.status, 303, r.text);
		r = await postForm(admin, '/oekonomi/sekretariat/linje', {
		    year: '2011', id: '0', section: 'overhead',
		    label: 'Økonomiopfølgning', budget: '90.000',
		    actual: '90.000' });
		assert.equal(r.status, 303, r.text);
		for (const half of ['1. halvår', '2. halvår']) {
			const a = await allocate(admin, { pool_ore: 74000000,
			    key_id: popKey.id, purpose: 'secretariat', year: 2011,
			    title: `Sekretariatet ${half} 2011` });
			assert.equal(a.status, 201);
		}
		const page = await admin.get('/oekonomi/sekretariat?aar=2011');
		assert.equal(page.status, 200);
		/* 30 m² × 1.300 kr. = 39.000; 1.480.000 − 1.344.000 − 129.000 */
		assert.match(page.text, /39\.000,00&nbsp;kr\./);
		assert.match(page.text, /129\.000,00&nbsp;kr\./);
		assert.match(page.text, /7\.000,00&nbsp;kr\./);
		assert.match(page.text, /Overskud/);
		for (const c of [op851, muni810, reader])
			assert.equal((await c.get('/oekonomi/sekretariat'))
			    .status, 403);
	});

	test('a line is changed, and deleted after confirmation', async () => {
		let r = await postForm(admin, '/oekonomi/sekretariat/linje', {
		    year: '2013', id: '0', section: 'expense', label: 'Kursus',
		    budget: '5.000' });
		assert.equal(r.status, 303, r.text);
		let page = await admin.get('/oekonomi/sekretariat?aar=2013');
		const id = /linje=(\d+)/.exec(page.text)[1];
		r = await postForm(admin, '/oekonomi/sekretariat/linje', {
		    year: '2013', id, section: 'expense', label: 'Kursus',
		    budget: '6.000', actual: '5.500' });
		assert.equal(r.status, 303, r.text);
		page = await admin.get(`/oekonomi/sekretariat?aar=2013&linje=${id}`);
		assert.match(page.text, /Slet linjen/);
		assert.match(page.text, /5\.500,00&nbsp;kr\./);
		const path = `/oekonomi/sekretariat/linje/${id}/slet`;
		r = await postForm(admin, path, { year: '2013' });
		assert.equal(r.status, 200);
		assert.match(r.text, /Slet linjen\?/);
		r = await postForm(admin, path, { year: '2013', confirm: '1' });
		assert.equal(r.status, 303);
		assert.match(r.headers.get('location'), /aar=2013/);
		page = await admin.get('/oekonomi/sekretariat?aar=2013');
		assert.doesNotMatch(page.text, /Kursus/);
	});

	test('a bad area is refused in Danish with nothing changed',
	    async () => {
		const before = await srv.dbSnapshot();
		const r = await postForm(admin, '/oekonomi/sekretariat/lokaler', {
		    year: '2012', area: '0', rent: '850', utilities: '250',
		    other: '200' });
		assert.equal(r.status, 400);
		assert.match(r.text, /Arealet skal være større end 0/);
		assert.deepEqual(await srv.dbSnapshot(), before);
	});
});

describe('the calculator', () => {
	test('POST /api/v1/calc/split answers as the CLI does', async () => {
		const weights = {};
		for (const k of Object.keys(popKey.values))
			weights[k] = popKey.values[k];
		const r = await anon.post('/api/v1/calc/split', {
		    pool_ore: 1000000000, unit_ore: 100, weights });
		assert.equal(r.status, 200, r.text);
		assert.equal(r.json.total_ore, 1000000000);
		assert.equal(r.json.allocations['825'], TV7['825'] * 100);
		const bad = await anon.post('/api/v1/calc/split', {
		    pool_ore: 100, weights: { 851: 0 } });
		assert.equal(bad.status, 400);
		assert.match(bad.json.error.message, /Alle vægte er 0/);
	});
});
