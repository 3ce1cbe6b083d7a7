/*
 * A new tariff structure for citizens referred from a cut-off date over
 * HTTP: an operator reports the old structure (referred before the date)
 * with the new one (referred from it), through the API and the line form;
 * unpaired or bad dates are refused in Danish and change nothing; the
 * published overview (HTML, JSON, CSV) shows both structures with their
 * dates; next year's round is pre-filled with them, and the XLSX template
 * carries them there and back.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertApiError, assertDanish, postForm, startServer }
    from './harness.mjs';

let srv, admin, op851, anon;
let round, own, formSub;

const YEAR = 2026;
const CUT = '2026-07-01';
const day = (offset) => new Date(Date.now() + offset * 86400000)
    .toISOString().slice(0, 10);

const line = (extra = {}) => ({
	paragraph: 'SEL § 107',
	unit: 'day',
	places: 10,
	occupancy_pct: 96,
	costs_ore: { wages: 650000000, property: 67500000, other: 82500000 },
	...extra,
});

/* The old average tariff for citizens referred before the cut-off, two
   levels for those referred from it. */
const structure = () => [
	line({ referred_before: CUT }),
	line({ level: 'Niveau 1', places: 6, referred_from: CUT }),
	line({ level: 'Niveau 2', places: 4, referred_from: CUT,
	    costs_ore: { wages: 900000000, property: 67500000 } }),
];

async function patchLines(c, id, lines) {
	const cur = (await c.getJson(`/api/v1/submissions/${id}`)).version;
	return c.patch(`/api/v1/submissions/${id}`, { lines },
	    { headers: { 'if-match': `"${cur}"` } });
}

async function act(c, id, what) {
	const s = await admin.getJson(`/api/v1/submissions/${id}`);
	return c.request('POST', `/api/v1/submissions/${id}/${what}`, {
		headers: { 'if-match': `"${s.version}"` } });
}

async function newRound(year, no) {
	const r = await admin.post('/api/v1/rounds', { year, no,
	    title: `Takster ${year}, runde ${no}`, opens_on: day(-1),
	    deadline: day(30) });
	assert.equal(r.status, 201, r.text);
	return r.json;
}

const dates = (l) => [l.level, l.referred_from, l.referred_before];

before(async () => {
	srv = await startServer();
	anon = srv.client();
	admin = await srv.login('admin');
	op851 = await srv.login('op851');
	round = await newRound(YEAR, 1);
	const l = await op851.getJson(`/api/v1/rounds/${round.id}/submissions`);
	const mine = l.submissions.filter((s) => s.operator_code === '851');
	own = mine[0].id;
	formSub = mine[1].id;
});
after(async () => { await srv?.stop(); });

describe('a tariff structure change', () => {
	test('the old and the new structure are saved and computed',
	    async () => {
		const r = await patchLines(op851, own, structure());
		assert.equal(r.status, 200, r.text);
		const s = await op851.getJson(`/api/v1/submissions/${own}`);
		assert.deepEqual(s.lines.map(dates), [
			['', null, CUT], ['Niveau 1', CUT, null],
			['Niveau 2', CUT, null]]);
		for (const x of s.lines) {
			assert.equal(x.computed, true);
			assert.ok(x.tariff_ore > 0);
		}
	});

	test('unpaired or bad dates → 400 in Danish, nothing changed',
	    async () => {
		const before = await op851.getJson(`/api/v1/submissions/${own}`);
		const cases = [
			[[line({ level: 'Niveau 1', referred_from: CUT })],
			    'referral_unpaired', /visiteret før/],
			[[line({ referred_before: CUT })], 'referral_unpaired',
			    /ny.* takststruktur/],
			[[line({ referred_from: '2027-07-01' }),
			    line({ level: 'A', referred_before: '2027-07-01' })],
			    'invalid_referral', /Skæringsdatoen/],
			[[line({ referred_from: '2026-02-30' })],
			    'invalid_referral', /ÅÅÅÅ-MM-DD/],
			[[line({ referred_from: CUT, referred_before: CUT })],
			    'invalid_referral', /ikke begge/],
			[[line({ referred_from: 20260701 })], 'invalid_type', /./],
		];
		for (const [lines, code, re] of cases) {
			const r = await patchLines(op851, own, lines);
			assertApiError(r, 400, code);
			assertDanish(r.json.error.message);
			assert.match(r.json.error.message, re);
		}
		const r = await patchLines(op851, own, [line({
		    referred_from: '2027-07-01' }), line({ level: 'A',
		    referred_before: '2027-07-01' })]);
		assert.equal(r.json.error.field, 'lines[0].referred_from');
		const now = await op851.getJson(`/api/v1/submissions/${own}`);
		assert.equal(now.version, before.version);
		assert.deepEqual(now.lines, before.lines);
	});

	test('the same level may stand in both structures, not twice in one',
	    async () => {
		const r = await patchLines(op851, own, [...structure(),
		    line({ level: 'Niveau 1', referred_from: CUT })]);
		assertApiError(r, 400, 'duplicate_line');
	});

	test('the submission page says who each tariff is for', async () => {
		const p = await op851.get(`/indberetning/${own}`);
		assert.equal(p.status, 200);
		assert.match(p.text, /Visiteret før 1\. juli 2026/);
		assert.equal(p.text.match(/Visiteret fra 1\. juli 2026/g).length,
		    2);
	});

	test('the line form: the first line of a new structure makes the '
	    + 'others the old one; deleting it undoes that', async () => {
		const fields = (extra) => ({ paragraph: 'SEL § 107',
		    unit: 'day', places: '10', occupancy: '96',
		    wages: '6.500.000', property: '675.000', ...extra });
		const version = async () => String((await op851.getJson(
		    `/api/v1/submissions/${formSub}`)).version);
		let r = await postForm(op851, `/indberetning/${formSub}/linje/ny`,
		    fields({ version: await version() }));
		assert.equal(r.status, 303, r.text.slice(0, 300));

		/* A choice without a date is kept and named at the field. */
		const v = await version();
		r = await postForm(op851, `/indberetning/${formSub}/linje/ny`,
		    fields({ version: v, level: 'Niveau 1', referral: 'from' }));
		assert.equal(r.status, 400);
		assert.match(r.text, /id="referral_date-error"><span class="sr-only">Fejl: <\/span>Angiv skæringsdatoen/);
		assert.match(r.text, /id="referral_date" name="referral_date"[^>]*aria-invalid="true"/);
		assert.match(r.text, /<option value="from" selected>/);
		assert.match(r.text, /name="level" value="Niveau 1"/);
		assert.equal(await version(), v);

		r = await postForm(op851, `/indberetning/${formSub}/linje/ny`,
		    fields({ version: v, level: 'Niveau 1', referral: 'from',
		    referral_date: CUT }));
		assert.equal(r.status, 303, r.text.slice(0, 300));
		let s = await op851.getJson(`/api/v1/submissions/${formSub}`);
		assert.deepEqual(s.lines.map(dates), [['', null, CUT],
		    ['Niveau 1', CUT, null]]);

		/* The edit form shows the line's structure. */
		const f = await op851.get(`/indberetning/${formSub}/linje/2`);
		assert.match(f.text, />Takststruktur<\/h2>/);
		assert.match(f.text, /<option value="from" selected>/);
		assert.match(f.text, /id="referral_date" name="referral_date" value="2026-07-01"/);

		r = await postForm(op851, `/indberetning/${formSub}/linje/2/slet`,
		    { version: await version() });
		assert.equal(r.status, 303, r.text.slice(0, 300));
		s = await op851.getJson(`/api/v1/submissions/${formSub}`);
		assert.deepEqual(s.lines.map(dates), [['', null, null]]);
	});

	test('the audit record holds the dates', async () => {
		const h = await admin.getJson(`/api/v1/submissions/${own}/history`);
		const lines = h.history.at(-1).after.lines;
		assert.deepEqual(lines.map((x) => [x.referred_from,
		    x.referred_before]), [[undefined, CUT], [CUT, undefined],
		    [CUT, undefined]]);
	});
});

describe('published', () => {
	before(async () => {
		let r = await act(op851, own, 'submit');
		assert.equal(r.status, 200, r.text);
		r = await act(admin, own, 'approve');
		assert.equal(r.status, 200, r.text);
		const rd = await admin.getJson(`/api/v1/rounds/${round.id}`);
		r = await admin.request('POST', `/api/v1/rounds/${round.id}/publish`,
		    { headers: { 'if-match': `"${rd.version}"` } });
		assert.equal(r.status, 200, r.text);
		assert.equal(r.headers.get('x-published-tariffs'), '3');
	});

	test('JSON: both structures with their dates', async () => {
		const l = await anon.getJson(`/api/v1/tariffs?year=${YEAR}`);
		assert.equal(l.tariffs.length, 3);
		assert.deepEqual(l.tariffs.map(dates), [
			['', null, CUT], ['Niveau 1', CUT, null],
			['Niveau 2', CUT, null]]);
		const one = await anon.getJson(`/api/v1/tariffs/${l.tariffs[1].id}`);
		assert.equal(one.referred_from ?? one.tariff?.referred_from, CUT);
	});

	test('HTML and CSV overview', async () => {
		const p = await anon.get(`/takster?year=${YEAR}`);
		assert.equal(p.status, 200);
		assert.match(p.text, /Visiteret før 1\. juli 2026/);
		assert.match(p.text, /Visiteret fra 1\. juli 2026/);
		const csv = await anon.get(`/api/v1/tariffs?format=csv&year=${YEAR}`);
		assert.equal(csv.status, 200);
		const rows = csv.text.replace(/^\ufeff/, '').trim().split('\r\n');
		assert.match(rows[0], /;Visiteret fra;Visiteret før$/);
		assert.equal(rows.length, 4);
		assert.match(rows[1], /;;2026-07-01$/);
		assert.match(rows[2], /;2026-07-01;$/);
	});

	test('next year is pre-filled with both structures', async () => {
		const next = await newRound(YEAR + 1, 1);
		const l = await admin.getJson(`/api/v1/rounds/${next.id}/submissions`);
		const offer = (await op851.getJson(`/api/v1/submissions/${own}`))
		    .offer_id;
		const sub = l.submissions.find((s) => s.offer_id === offer);
		assert.ok(sub, 'pre-filled submission');
		const s = await op851.getJson(`/api/v1/submissions/${sub.id}`);
		assert.deepEqual(s.lines.map(dates), [
			['', null, CUT], ['Niveau 1', CUT, null],
			['Niveau 2', CUT, null]]);
		assert.ok(s.lines.every((x) => x.computed));

		/* The template carries the dates there and back. */
		const t = await op851.get(`/api/v1/rounds/${next.id}/template`);
		assert.equal(t.status, 200);
		const page = await op851.get(`/takstindberetning/${next.id}`);
		const csrf = /<input type="hidden" name="csrf_token" value="([^"]+)"/
		    .exec(page.text)[1];
		const fd = new FormData();
		fd.append('csrf_token', csrf);
		fd.append('file', new Blob([t.body]), 'budget.xlsx');
		const u = await op851.request('POST',
		    `/takstindberetning/${next.id}/skabelon`, { body: fd });
		assert.ok(u.status === 303 || u.status === 200,
		    `${u.status} ${u.text.slice(0, 400)}`);
		const after = await op851.getJson(`/api/v1/submissions/${sub.id}`);
		assert.deepEqual(after.lines.map(dates), s.lines.map(dates));
		assert.ok(after.version > s.version);
	});
});
