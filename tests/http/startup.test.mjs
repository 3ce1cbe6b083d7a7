/*
 * An offer changing hands, and the start-up costs of a new offer, over
 * HTTP: after a regional offer is taken home by Aalborg from 1 January
 * 2031, the round for 2031 puts it in Aalborg's submission, Aalborg
 * reports and changes its 2031 tariff and accounts, the region is refused
 * with a Danish message but keeps its 2030 history, the secretariat sees
 * both, and the offer's page shows each year's operator. Start-up costs
 * of 1,000,000 kr. over 2030–2031 raise the published tariffs of both
 * years and not 2032's. The tariff exports carry a change's cause.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';

import { assertApiError, assertDanish, postForm, startServer }
    from './harness.mjs';

let srv, admin, op851, op1081, reader, anon;
let taken;	/* the region's offer taken home by Aalborg from 2031 */
let fresh;	/* Aalborg's offer with start-up costs 2030–2031 */
const rounds = {};
const tariffs = {};	/* year → { offer id → published tariff } */

const day = (offset) => new Date(Date.now() + offset * 86400000)
    .toISOString().slice(0, 10);

/* TV-2's line: 8,000,000 kr., 10 places, 96 % (2,283 kr. in 365 days). */
const line = {
	paragraph: 'SEL § 107',
	unit: 'day',
	places: 10,
	occupancy_pct: 96,
	costs_ore: { wages: 650000000, property: 67500000, other: 82500000 },
};

async function subAct(c, id, what) {
	const s = await admin.getJson(`/api/v1/submissions/${id}`);
	return c.request('POST', `/api/v1/submissions/${id}/${what}`, {
		headers: { 'if-match': `"${s.version}"` } });
}

/* Open a round for year; returns the submissions by offer id. */
async function openRound(year) {
	const r = await admin.post('/api/v1/rounds', { year, no: 1,
	    title: `Takster ${year}`, opens_on: day(-1), deadline: day(30) });
	assert.equal(r.status, 201, r.text);
	rounds[year] = r.json;
	const l = await admin.getJson(`/api/v1/rounds/${r.json.id}/submissions`);
	return new Map(l.submissions.map((s) => [s.offer_id, s]));
}

/* Fill, submit and approve sub as client c; then publish the round. */
async function report(c, sub) {
	const cur = await c.getJson(`/api/v1/submissions/${sub.id}`);
	const r = await c.patch(`/api/v1/submissions/${sub.id}`,
	    { lines: [line] }, { headers: { 'if-match': `"${cur.version}"` } });
	assert.equal(r.status, 200, r.text);
	assert.equal((await subAct(c, sub.id, 'submit')).status, 200);
	assert.equal((await subAct(admin, sub.id, 'approve')).status, 200);
}

async function publish(year) {
	const r = await admin.getJson(`/api/v1/rounds/${rounds[year].id}`);
	const p = await admin.request('POST',
	    `/api/v1/rounds/${rounds[year].id}/publish`,
	    { headers: { 'if-match': `"${r.version}"` } });
	assert.equal(p.status, 200, p.text);
	const l = await anon.getJson(`/api/v1/tariffs?year=${year}`);
	tariffs[year] = Object.fromEntries(l.tariffs.map((t) => [t.offer_id, t]));
}

before(async () => {
	srv = await startServer();
	anon = srv.client();
	admin = await srv.login('admin');
	op851 = await srv.login('op851');
	op1081 = await srv.login('op1081');
	reader = await srv.login('reader');
	const offers = (await anon.getJson('/api/v1/offers?limit=1000')).offers;
	taken = offers.find((o) => o.name === 'Vestervang');
	fresh = offers.find((o) => o.name === 'Taleinstituttet');
	assert.equal(taken.operator_code, '1081');
	assert.equal(fresh.operator_code, '851');
});
after(async () => { await srv?.stop(); });

describe('start-up costs', () => {
	test('the operator or the secretariat records them; others are refused',
	    async () => {
		const url = `/api/v1/offers/${fresh.id}/startup-costs`;
		const body = { amount_ore: 100000000, first_year: 2030,
		    years: 2, text: 'Indretning af boliger og oplæring' };
		let e = await op1081.post(url, body);
		assertApiError(e, 403, 'forbidden');
		assertDanish(e.json.error.message);
		assertApiError(await reader.post(url, body), 403, 'forbidden');
		assertApiError(await anon.post(url, body), 401, 'login_required');
		e = await op851.post(url, { ...body, years: 11 });
		assertApiError(e, 400, 'invalid_years', { field: 'years' });
		assertApiError(await op851.post(url, { ...body, text: '' }), 400,
		    'missing_text');
		assertApiError(await op851.post(url, { ...body,
		    amount_ore: 1000.5 }), 400, 'invalid_amount');
		const r = await op851.post(url, body);
		assert.equal(r.status, 201, r.text);
		assert.deepEqual(r.json.shares, [
			{ year: 2030, share_ore: 50000000 },
			{ year: 2031, share_ore: 50000000 }]);
		const l = await anon.getJson(url);
		assert.equal(l.startup_costs.length, 1);
	});

	test('the form on the offer page, with its errors in Danish', async () => {
		assert.equal((await reader.get(`/tilbud/${fresh.id}/opstart`))
		    .status, 403);
		/* Another operator sees no form it could not send. */
		const other = await op1081.get(`/tilbud/${fresh.id}/opstart`);
		assert.equal(other.status, 403);
		assert.match(other.text, /din egen organisation er driftsherre/);
		const f = await op851.get(`/tilbud/${fresh.id}/opstart`);
		assert.equal(f.status, 200);
		assert.match(f.text, /Registrér opstartsomkostninger/);
		const bad = await postForm(op851, `/tilbud/${fresh.id}/opstart`,
		    { amount: '1,2,3', first_year: '2040', years: '2', text: 'x' });
		assert.equal(bad.status, 400);
		assert.match(bad.text, /Skriv beløbet i kroner/);
		const ok = await postForm(admin, `/tilbud/${fresh.id}/opstart`,
		    { amount: '1,50', first_year: '2040', years: '3',
		    text: 'Efteruddannelse' });
		assert.equal(ok.status, 303, ok.text.slice(0, 300));
		const p = await anon.get(`/tilbud/${fresh.id}`);
		assert.match(p.text, /2030–2031 \(2 år\)/);
		assert.match(p.text, /2030: 500\.000,00&nbsp;kr\./);
		/* 1.50 kr. over three years: the shares are exact. */
		assert.match(p.text, /2042: 1,50&nbsp;kr\./);
	});
});

describe('a round through the years', () => {
	test('a takeover from 2031 is recorded by the secretariat', async () => {
		/* Earlier years keep the region as their operator. */
		const before = await anon.getJson(`/api/v1/tariffs?offer=${taken.id}`);
		const r = await postForm(admin, `/tilbud/${taken.id}/haendelse`,
		    { kind: 'hjemtaget', on_date: '2031-01-01', to_operator: '851',
		    note: 'Hjemtaget af Aalborg', confirm: '1' });
		assert.equal(r.status, 303, r.text.slice(0, 300));
		const now = await anon.getJson(`/api/v1/tariffs?offer=${taken.id}`);
		assert.deepEqual(now.tariffs.map((t) => t.operator_code),
		    before.tariffs.map(() => '1081'));
		/* The operator it passes to may register its start-up costs. */
		assert.equal((await op851.get(`/tilbud/${taken.id}/opstart`))
		    .status, 200);
		assert.equal((await op1081.get(`/tilbud/${taken.id}/opstart`))
		    .status, 200);
	});

	test('2030: the region reports the offer; the share is in year 1',
	    async () => {
		const subs = await openRound(2030);
		assert.equal(subs.get(taken.id).operator_code, '1081');
		assert.equal(subs.get(fresh.id).operator_code, '851');
		await report(op1081, subs.get(taken.id));
		await report(op851, subs.get(fresh.id));
		const s = await op851.getJson(
		    `/api/v1/submissions/${subs.get(fresh.id).id}`);
		assert.equal(s.lines[0].startup_ore, 50000000);
		const page = await op851.get(
		    `/indberetning/${subs.get(fresh.id).id}`);
		assert.equal(page.status, 200);
		assert.match(page.text, /Opstartsomkostninger 2030–2031: 1\/2/);
		await publish(2030);
		/* (8,000,000 + 500,000) kr. / 3,504 place-days = 2,425.80. */
		assert.equal(tariffs[2030][fresh.id].tariff_ore, 242600);
		assert.equal(tariffs[2030][taken.id].tariff_ore, 228300);
		assert.equal(tariffs[2030][taken.id].operator_code, '1081');
	});

	test('2031: Aalborg reports the offer taken home; 2/2 of the share',
	    async () => {
		const subs = await openRound(2031);
		const sub = subs.get(taken.id);
		assert.equal(sub.operator_code, '851');
		const e = await op1081.get(`/api/v1/submissions/${sub.id}`);
		assertApiError(e, 403, 'forbidden');
		assertDanish(e.json.error.message);
		await report(op851, sub);
		await report(op851, subs.get(fresh.id));
		const page = await op851.get(
		    `/indberetning/${subs.get(fresh.id).id}`);
		assert.match(page.text, /Opstartsomkostninger 2030–2031: 2\/2/);
		await publish(2031);
		assert.equal(tariffs[2031][fresh.id].tariff_ore, 242600);
		assert.equal(tariffs[2031][taken.id].operator_code, '851');
		assert.equal(tariffs[2031][taken.id].operator_name, 'Aalborg');
	});

	test('2032, year N+1: the share is gone', async () => {
		const subs = await openRound(2032);
		await report(op851, subs.get(fresh.id));
		const s = await op851.getJson(
		    `/api/v1/submissions/${subs.get(fresh.id).id}`);
		assert.equal(s.lines[0].startup_ore, 0);
		await publish(2032);
		/* 8,000,000 kr. / 3,513.6 place-days (2032 has 366 days). */
		assert.equal(tariffs[2032][fresh.id].tariff_ore, 227700);
	});
});

describe('start-up costs recorded while a round is open', () => {
	test('the first line must be saved again before it is submitted',
	    async () => {
		const subs = await openRound(2033);
		const sub = subs.get(fresh.id);
		let cur = await op851.getJson(`/api/v1/submissions/${sub.id}`);
		let r = await op851.patch(`/api/v1/submissions/${sub.id}`,
		    { lines: [line, { ...line, level: 'Høj' }] },
		    { headers: { 'if-match': `"${cur.version}"` } });
		assert.equal(r.status, 200, r.text);
		assert.equal((await op851.post(
		    `/api/v1/offers/${fresh.id}/startup-costs`, { amount_ore:
		    30000000, first_year: 2033, years: 1, text: 'Ny afdeling' }))
		    .status, 201);
		const page = await op851.get(`/indberetning/${sub.id}`);
		assert.match(page.text, /Opstartsomkostningerne er ændret/);
		const e = await subAct(op851, sub.id, 'submit');
		assertApiError(e, 409, 'startup_changed');
		assertDanish(e.json.error.message);
		cur = await op851.getJson(`/api/v1/submissions/${sub.id}`);
		r = await op851.patch(`/api/v1/submissions/${sub.id}`,
		    { lines: cur.lines }, { headers: { 'if-match':
		    `"${cur.version}"` } });
		assert.equal(r.status, 200, r.text);
		cur = await op851.getJson(`/api/v1/submissions/${sub.id}`);
		assert.deepEqual(cur.lines.map((l) => l.startup_ore),
		    [30000000, 0]);
		const form = await op851.get(`/indberetning/${sub.id}/linje/1`);
		assert.equal(form.status, 200);
		assert.match(form.text, /årets andel af tilbuddets opstarts/);
		assert.doesNotMatch((await op851.get(
		    `/indberetning/${sub.id}/linje/2`)).text, /årets andel/);
		assert.equal((await subAct(op851, sub.id, 'submit')).status, 200);
	});
});

describe('tariffs and accounts follow the new operator', () => {
	test('the old operator may not change the new year\'s tariff',
	    async () => {
		const t = tariffs[2031][taken.id];
		const url = `/api/v1/tariffs/${t.id}/change`;
		const body = { tariff_ore: 240000, valid_from: '2031-07-01',
		    cause: 'fejl' };
		const e = await op1081.post(url, body);
		assertApiError(e, 403, 'operator_changed');
		assertDanish(e.json.error.message);
		assert.match(e.json.error.message, /skiftet driftsherre/);
		const r = await op851.post(url, body);
		assert.equal(r.status, 201, r.text);
		assert.equal(r.json.cause_label, 'Fejl i takstberegningen');
		/* Its own year stays the region's, not Aalborg's. */
		const old = tariffs[2030][taken.id];
		assertApiError(await op851.post(`/api/v1/tariffs/${old.id}/change`,
		    { ...body, valid_from: '2030-07-01' }), 403, 'operator_changed');
		assert.equal((await op1081.post(`/api/v1/tariffs/${old.id}/change`,
		    { ...body, valid_from: '2030-07-01', cause: 'normering' }))
		    .status, 201);
	});

	test('accounts: the year\'s operator reports, the old one reads its own',
	    async () => {
		const body = { offer_id: taken.id, year: 2031,
		    tariff_base_ore: 800000000, revenue_ore: 800000000,
		    costs_ore: 790000000 };
		const e = await op1081.post('/api/v1/accounts', body);
		assertApiError(e, 403, 'operator_changed');
		assertDanish(e.json.error.message);
		assert.equal((await op851.post('/api/v1/accounts', body)).status,
		    201);
		assert.equal((await op1081.post('/api/v1/accounts',
		    { ...body, year: 2030 })).status, 201);
		assertApiError(await op851.post('/api/v1/accounts',
		    { ...body, year: 2030 }), 403, 'operator_changed');
		const years = async (c) => (await c.getJson(
		    `/api/v1/accounts?offer=${taken.id}`)).accounts
		    .map((a) => [a.year, a.operator_code]).sort();
		assert.deepEqual(await years(op1081), [[2030, '1081']]);
		assert.deepEqual(await years(op851), [[2031, '851']]);
		assert.deepEqual(await years(admin), [[2030, '1081'],
		    [2031, '851']]);
	});

	test('the secretariat sees both years; the page names each operator',
	    async () => {
		const l = await admin.getJson(`/api/v1/tariffs?offer=${taken.id}`);
		const ops = [...new Set(l.tariffs.map((t) =>
		    `${t.year} ${t.operator_code}`))];
		assert.deepEqual(ops.filter((x) => x >= '2030'), ['2030 1081',
		    '2031 851']);
		const p = await anon.get(`/tilbud/${taken.id}`);
		assert.match(p.text, /Takster år for år/);
		assert.match(p.text, /2030<\/td>\s*<td[^>]*>Region Nordjylland</);
		assert.match(p.text, /2031<\/td>\s*<td[^>]*>Aalborg</);
		/* The region's filter shows its years only. */
		const mine = await anon.getJson(
		    `/api/v1/tariffs?offer=${taken.id}&operator=1081`);
		assert.ok(mine.tariffs.every((t) => t.year <= 2030));
	});
});

/* One part of a zip file (an XLSX workbook), inflated. */
function part(bytes, name) {
	const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	assert.ok(eocd >= 0, 'not a zip');
	let p = bytes.readUInt32LE(eocd + 16);
	const count = bytes.readUInt16LE(eocd + 10);
	for (let i = 0; i < count; i++) {
		const method = bytes.readUInt16LE(p + 10);
		const size = bytes.readUInt32LE(p + 20);
		const nlen = bytes.readUInt16LE(p + 28);
		const xlen = bytes.readUInt16LE(p + 30);
		const clen = bytes.readUInt16LE(p + 32);
		const off = bytes.readUInt32LE(p + 42);
		const n = bytes.subarray(p + 46, p + 46 + nlen).toString('utf8');
		if (n === name) {
			const start = off + 30 + bytes.readUInt16LE(off + 26) +
			    bytes.readUInt16LE(off + 28);
			const data = bytes.subarray(start, start + size);
			return (method === 8 ? zlib.inflateRawSync(data) : data)
			    .toString('utf8');
		}
		p += 46 + nlen + xlen + clen;
	}
	assert.fail(`no ${name} in the workbook`);
}

describe('the exports carry the cause of a change', () => {
	test('JSON: cause and cause_label', async () => {
		const l = await anon.getJson(`/api/v1/tariffs?year=2031&offer=${
		    taken.id}`);
		assert.deepEqual(l.tariffs.map((t) => [t.cause, t.cause_label]),
		    [[null, null], ['fejl', 'Fejl i takstberegningen']]);
	});

	test('CSV: a column "Årsag" before the free text', async () => {
		const csv = await anon.get(`/api/v1/tariffs?format=csv&year=2031&offer=${
		    taken.id}`);
		assert.equal(csv.status, 200);
		const rows = csv.text.replace(/^\ufeff/, '').trim().split('\r\n');
		const head = rows[0].split(';');
		const k = head.indexOf('Årsag');
		assert.ok(k > 0, rows[0]);
		assert.equal(head[k + 1], 'Begrundelse');
		assert.equal(rows.length, 3);
		assert.equal(rows[1].split(';')[k], '');
		assert.equal(rows[2].split(';')[k], 'Fejl i takstberegningen');
	});

	test('XLSX: the same column', async () => {
		const x = await anon.get(`/api/v1/tariffs?format=xlsx&year=2030&offer=${
		    taken.id}`);
		assert.equal(x.status, 200);
		const strings = part(x.body, 'xl/sharedStrings.xml') +
		    part(x.body, 'xl/worksheets/sheet1.xml');
		assert.match(strings, /Årsag/);
		assert.match(strings, /Ændret normering/);
	});
});
