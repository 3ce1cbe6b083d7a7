/*
 * Price-and-wage series: the JSON API, the calculators fixed-prices and
 * analysis over HTTP (TV-13, TV-14, a stored series), the pages (Økonomi,
 * a series, restating an amount), and the import: only the secretariat,
 * checked first and stored only when confirmed, bad files change nothing,
 * and both downloads read back.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertApiError, postFile, postForm, startServer } from './harness.mjs';

const S = 'state_general_pl';
let srv, anon, admin, op851, reader;
before(async () => {
	srv = await startServer();
	anon = srv.client();
	admin = await srv.login('admin');
	op851 = await srv.login('op851');
	reader = await srv.login('reader');
});
after(async () => { await srv?.stop(); });

const current = async () => (await anon.getJson(`/api/v1/pl-series/${S}`));
const hiddenData = (html) => /name="data" value="([^"]*)"/.exec(html)?.[1];

describe('PL series API', () => {
	test('init loaded the state series as version 1', async () => {
		const list = await anon.getJson('/api/v1/pl-series');
		const s = list.series.find((x) => x.name === S);
		assert.ok(s, JSON.stringify(list));
		assert.equal(s.version, 1);
		assert.equal(s.first_year, 2010);
		assert.equal(s.last_year, 2025);
		const j = await current();
		assert.equal(j.years.length, 16);
		assert.equal(j.years.find((y) => y.year === 2022).pct_change, 4.3);
		assert.equal(j.shown_version.current, true);
	});
	test('unknown series and version are 404 in Danish', async () => {
		assertApiError(await anon.get('/api/v1/pl-series/findes_ikke'), 404,
		    'not_found', { match: /PL-serien findes ikke/ });
		assertApiError(await anon.get(`/api/v1/pl-series/${S}?version=9`),
		    404, 'not_found', { match: /ikke en version 9/ });
		assertApiError(await anon.get(`/api/v1/pl-series/${S}?version=x`),
		    400, 'invalid_version');
	});
});

describe('calculators over HTTP', () => {
	test('TV-13 with the stored series and with pl_pct', async () => {
		let r = await anon.post('/api/v1/calc/fixed-prices', { series: S,
		    from_year: 2020, to_year: 2024, amount_ore: 200000 });
		assert.equal(r.status, 200, r.text);
		assert.deepEqual(r.json, { factor: 1.125180056, amount_ore: 225036 });
		r = await anon.post('/api/v1/calc/fixed-prices', { pl_pct: {
		    2021: 1.2, 2022: 4.3, 2023: 2.5, 2024: 4.0 }, from_year: 2020,
		    to_year: 2024, amount_ore: 200000 });
		assert.equal(r.json.amount_ore, 225036);
		assert.match(r.text, /"factor":1\.125180056[,}]/);
	});
	test('TV-14 analysis', async () => {
		const r = await anon.post('/api/v1/calc/analysis', {
		    pl_pct: { 2024: 4.0 }, from_year: 2023, to_year: 2024, lines: [
		    { id: 'A', places: 10, tariff_from_ore: 215000, tariff_to_ore: 230000 },
		    { id: 'B', places: 24, tariff_from_ore: 180000, tariff_to_ore: 185000 },
		    { id: 'C', places: 6, tariff_from_ore: 340000, tariff_to_ore: 370000 },
		    ] });
		assert.equal(r.status, 200, r.text);
		assert.deepEqual(r.json, { lines: [
		    { id: 'A', real_change_pct: 2.86 },
		    { id: 'B', real_change_pct: -1.18 },
		    { id: 'C', real_change_pct: 4.64 }],
		    unweighted_mean_pct: 2.11, weighted_mean_pct: 1.24 });
	});
	test('bad input: 400 with a Danish message', async () => {
		const r = await anon.post('/api/v1/calc/fixed-prices', {
		    series: S, from_year: 2008, to_year: 2012, amount_ore: 1 });
		assert.equal(r.status, 400);
		assert.equal(r.json.error.code, 'pl_year_missing');
		assert.equal(r.json.error.message, 'PL-serien mangler 2009');
		assertApiError(await anon.post('/api/v1/calc/analysis', {
		    series: S, from_year: 2023, to_year: 2024, lines: [] }),
		    400, 'analysis_empty', { match: /ingen linjer i begge år/ });
		assertApiError(await anon.post('/api/v1/calc/fixed-prices', {
		    series: 'nope', from_year: 2020, to_year: 2024 }), 404,
		    'not_found');
	});
});

describe('PL pages', () => {
	test('Økonomi lists the section', async () => {
		const r = await anon.get('/oekonomi');
		assert.equal(r.status, 200);
		assert.match(r.text, /href="\/oekonomi\/pl">Pris- og lønudvikling/);
	});
	test('a series restates an amount (TV-13)', async () => {
		let r = await anon.get(`/oekonomi/pl/${S}?beloeb=2.000&fra=2020&til=2024`);
		assert.equal(r.status, 200);
		assert.match(r.text, /2\.250,36\s*kr\./);
		assert.match(r.text, /1,125180056/);
		r = await anon.get(`/oekonomi/pl/${S}?beloeb=2000&fra=2008&til=2024`);
		assert.equal(r.status, 200);
		assert.match(r.text, /PL-serien mangler 2009/);
		r = await anon.get('/oekonomi/pl/findes_ikke');
		assert.equal(r.status, 404);
	});
});

describe('import', () => {
	const csv = 'series;year;pct_change;source;note\n' +
	    `${S};2024;4,1;Revision maj;\n${S};2025;2,9;Revision maj;skøn\n`;

	test('only the secretariat imports', async () => {
		for (const c of [op851, reader]) {
			assert.equal((await c.get('/oekonomi/pl/import')).status, 403);
			const r = await postFile(c, '/oekonomi/pl/import', {}, csv,
			    'pl.csv', 'text/csv');
			assert.equal(r.status, 403);
		}
		assert.notEqual((await anon.get('/oekonomi/pl/import')).status, 200);
		assert.equal((await admin.get('/oekonomi/pl/import')).status, 200);
		assert.equal((await current()).version, 1);
	});
	test('a bad file lists its rows and changes nothing', async () => {
		const bad = 'series,year,pct_change\n' +
		    `${S},2024,abc\nBAD,2025,1\n${S},2026,150\n`;
		const r = await postFile(admin, '/oekonomi/pl/import', {}, bad,
		    'bad.csv', 'text/csv');
		assert.equal(r.status, 400, r.text.slice(0, 300));
		assert.match(r.text, /Intet er gemt/);
		assert.match(r.text, /»abc«/);
		assert.match(r.text, /»BAD«/);
		assert.match(r.text, /»150«/);
		assert.equal((await current()).version, 1);
		const none = await postFile(admin, '/oekonomi/pl/import', {}, '',
		    'tom.csv', 'text/csv');
		assert.equal(none.status, 400);
	});
	test('checked first, stored when confirmed', async () => {
		const r = await postFile(admin, '/oekonomi/pl/import',
		    { revised_on: '2025-05-01' }, csv, 'pl.csv', 'text/csv');
		assert.equal(r.status, 200, r.text.slice(0, 300));
		assert.match(r.text, /ny version 2 \(2 år\); version 1 bevares/);
		assert.equal((await current()).version, 1, 'nothing stored yet');
		const data = hiddenData(r.text);
		assert.ok(data);
		const c = await postForm(admin, '/oekonomi/pl/import', { data,
		    format: 'csv', revised_on: '2025-05-01', title: '', note: '',
		    confirm: '1' });
		assert.equal(c.status, 303, c.text.slice(0, 300));
		assert.equal(c.headers.get('location'),
		    `/oekonomi/pl/${S}?besked=indlaest`);
		const j = await current();
		assert.equal(j.version, 2);
		assert.equal(j.revised_on, '2025-05-01');
		assert.equal(j.years.length, 2);
		const v1 = await anon.getJson(`/api/v1/pl-series/${S}?version=1`);
		assert.equal(v1.years.length, 16, 'version 1 stays');
		const page = await anon.get(`/oekonomi/pl/${S}?besked=indlaest`);
		assert.match(page.text, /Version 2 er gemt/);
	});
	test('the downloads read back', async () => {
		/* Excel of version 1 → a new version 3 equal to version 1. */
		const x = await anon.get(`/oekonomi/pl/${S}/eksport?format=xlsx&version=1`);
		assert.equal(x.status, 200);
		assert.match(x.headers.get('content-type'), /spreadsheetml/);
		let r = await postFile(admin, '/oekonomi/pl/import', {}, x.body,
		    'pl.xlsx', 'application/octet-stream');
		assert.equal(r.status, 200, r.text.slice(0, 300));
		assert.match(r.text, /ny version 3 \(16 år\)/);
		r = await postForm(admin, '/oekonomi/pl/import', {
		    data: hiddenData(r.text), format: 'xlsx', confirm: '1' });
		assert.equal(r.status, 303);
		const v3 = await current();
		const v1 = await anon.getJson(`/api/v1/pl-series/${S}?version=1`);
		assert.equal(v3.version, 3);
		assert.deepEqual(v3.years.map((y) => [y.year, y.pct_change]),
		    v1.years.map((y) => [y.year, y.pct_change]));
		/* CSV of the current version: unchanged. */
		const c = await anon.get(`/oekonomi/pl/${S}/eksport?format=csv`);
		assert.equal(c.status, 200);
		assert.match(c.text, /^\uFEFFseries;year;pct_change;source;note\r\n/);
		assert.match(c.text, /state_general_pl;2022;4,3;/);
		r = await postFile(admin, '/oekonomi/pl/import', {}, c.body,
		    'pl.csv', 'text/csv');
		assert.equal(r.status, 200);
		assert.match(r.text, /uændret/);
		assert.equal(hiddenData(r.text), undefined);
		assert.equal((await current()).version, 3);
	});
});
