/*
 * Tariff-reporting rounds over HTTP: who sees and changes which
 * submission, the states of a submission (draft, submitted, returned,
 * approved) and of a round (deadline, reopening, publishing), bad input
 * that changes nothing, the published overview with its filters, CSV and
 * XLSX, versions and changes in the year, the accounts, and the XLSX
 * template: downloaded, uploaded back, and refused with row and cell when
 * it is broken.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';

import { assertApiError, assertDanish, postForm, redirectId, startServer,
    uploadXlsx, zipStored } from './harness.mjs';

let srv, admin, op851, op1081, reader, authority, anon;
let open, late;		/* an open round and one past its deadline */
let own, other;		/* op851's and op1081's submission in `open` */

const YEAR = 2031;
const day = (offset) => new Date(Date.now() + offset * 86400000)
    .toISOString().slice(0, 10);

/* A valid service line (TV-2: 8,000,000 kr., 10 places, 96 %). */
const line = (extra = {}) => ({
	paragraph: 'SEL § 107',
	unit: 'day',
	places: 10,
	occupancy_pct: 96,
	costs_ore: { wages: 650000000, property: 67500000, other: 82500000 },
	...extra,
});

async function patchLines(c, id, lines, version) {
	const cur = version ?? (await c.getJson(`/api/v1/submissions/${id}`))
	    .version;
	return c.patch(`/api/v1/submissions/${id}`, { lines },
	    { headers: { 'if-match': `"${cur}"` } });
}

async function act(c, id, what, body) {
	const s = await admin.getJson(`/api/v1/submissions/${id}`);
	return c.request('POST', `/api/v1/submissions/${id}/${what}`, {
		json: body, headers: { 'if-match': `"${s.version}"` } });
}

async function roundAct(what, id, body) {
	const r = await admin.getJson(`/api/v1/rounds/${id}`);
	return admin.request('POST', `/api/v1/rounds/${id}/${what}`, {
		json: body, headers: { 'if-match': `"${r.version}"` } });
}

async function newRound(no, opens, deadline) {
	const r = await admin.post('/api/v1/rounds', { year: YEAR, no,
	    title: `Takster ${YEAR}, runde ${no}`, opens_on: opens, deadline });
	assert.equal(r.status, 201, r.text);
	return r.json;
}

async function subOf(c, roundId, op) {
	const l = await c.getJson(`/api/v1/rounds/${roundId}/submissions`);
	return l.submissions.find((s) => s.operator_code === op);
}

before(async () => {
	srv = await startServer();
	anon = srv.client();
	admin = await srv.login('admin');
	op851 = await srv.login('op851');
	op1081 = await srv.login('op1081');
	reader = await srv.login('reader');
	authority = await srv.login('authority');
	open = await newRound(1, day(-30), day(30));
	late = await newRound(2, day(-60), day(-1));
	own = (await subOf(op851, open.id, '851')).id;
	other = (await subOf(op1081, open.id, '1081')).id;
});
after(async () => { await srv?.stop(); });

describe('rounds', () => {
	test('opening a round creates a submission per offer; progress "0 af 2"',
	    async () => {
		assert.equal(open.status, 'open');
		assert.equal(open.progress.text, '0 af 2');
		assert.equal(open.progress.submissions, 12);
		assert.equal(open.progress.by_status.draft, 12);
		const names = open.progress.by_operator.map((o) => o.name);
		assert.deepEqual(names, ['Aalborg', 'Region Nordjylland']);
	});

	test('the same year and number twice → 409', async () => {
		const r = await admin.post('/api/v1/rounds', { year: YEAR, no: 1,
		    title: 'Igen', opens_on: day(0), deadline: day(1) });
		assertApiError(r, 409, 'duplicate_round');
	});

	test('only the secretariat opens, closes and publishes rounds',
	    async () => {
		const body = { year: YEAR + 1, no: 1, title: 'X',
		    opens_on: day(0), deadline: day(1) };
		assertApiError(await op851.post('/api/v1/rounds', body), 403,
		    'forbidden');
		assertApiError(await anon.post('/api/v1/rounds', body), 401,
		    'login_required');
		for (const what of ['close', 'publish'])
			assertApiError(await op851.request('POST',
			    `/api/v1/rounds/${open.id}/${what}`,
			    { headers: { 'if-match': '"1"' } }), 403, 'forbidden');
	});

	test('readers and authorities see published tariffs only', async () => {
		for (const c of [reader, authority]) {
			assertApiError(await c.get('/api/v1/rounds'), 403,
			    'forbidden');
			assertApiError(await c.get(`/api/v1/submissions/${own}`), 403,
			    'forbidden');
			assertApiError(await c.get('/api/v1/accounts'), 403,
			    'forbidden');
			assert.equal((await c.get('/api/v1/tariffs')).status, 200);
		}
		assertApiError(await anon.get(`/api/v1/submissions/${own}`), 401,
		    'login_required');
	});

	test('bad round input → 400 in Danish', async () => {
		const base = { year: YEAR + 2, no: 1, title: 'X',
		    opens_on: day(0), deadline: day(10) };
		const cases = [
			[{ ...base, year: '2031' }, 'invalid_type'],
			[{ ...base, no: 10 }, 'out_of_range'],
			[{ ...base, deadline: '2031-02-30' }, 'invalid_date'],
			[{ ...base, deadline: day(-5) }, 'deadline_before_open'],
			[{ ...base, pl_pct: 1.234 }, 'too_many_decimals'],
			[{ ...base, colour: 'blå' }, 'unknown_field'],
		];
		for (const [body, code] of cases)
			assertApiError(await admin.post('/api/v1/rounds', body), 400,
			    code);
		const l = await admin.getJson('/api/v1/rounds');
		assert.equal(l.rounds.length, 2);
	});
});

describe('an operator and its submissions', () => {
	test('sees only its own submissions', async () => {
		const l = await op851.getJson(`/api/v1/rounds/${open.id}/submissions`);
		assert.equal(l.submissions.length, 3);
		assert.ok(l.submissions.every((s) => s.operator_code === '851'));
		const r = await op851.getJson(`/api/v1/rounds/${open.id}`);
		assert.equal(r.progress.text, '0 af 1');
	});

	test('cannot see or edit another operator\'s submission', async () => {
		const before = await admin.getJson(`/api/v1/submissions/${other}`);
		assertApiError(await op851.get(`/api/v1/submissions/${other}`), 403,
		    'forbidden');
		assertApiError(await patchLines(op851, other, [line()],
		    before.version), 403, 'forbidden');
		assertApiError(await op851.request('POST',
		    `/api/v1/submissions/${other}/submit`,
		    { headers: { 'if-match': `"${before.version}"` } }), 403,
		    'forbidden');
		assertApiError(await op851.get(
		    `/api/v1/submissions/${other}/history`), 403, 'forbidden');
		assert.deepEqual(await admin.getJson(`/api/v1/submissions/${other}`),
		    before);
	});

	test('PATCH needs If-Match; a stale version → 412', async () => {
		const r = await op851.patch(`/api/v1/submissions/${own}`,
		    { lines: [line()] });
		assertApiError(r, 428, 'if_match_required');
		assertApiError(await patchLines(op851, own, [line()], 99), 412,
		    'stale_version');
	});

	test('bad lines → 400 with a Danish message; nothing changes',
	    async () => {
		const before = await op851.getJson(`/api/v1/submissions/${own}`);
		const cases = [
			[line({ places: 'ti' }), 'invalid_type', 'lines[0].places'],
			[line({ places: 10.555 }), 'too_many_decimals',
			    'lines[0].places'],
			[line({ costs_ore: { wages: -100 } }), 'negative_amount',
			    'lines[0].costs_ore.wages'],
			[line({ costs_ore: { wages: 1.5 } }), 'invalid_amount',
			    'lines[0].costs_ore.wages'],
			[line({ costs_ore: { wages: 100.0 + 0.25 } }),
			    'invalid_amount', 'lines[0].costs_ore.wages'],
			[line({ income_ore: '100' }), 'invalid_amount',
			    'lines[0].income_ore'],
			[line({ unit: 'week' }), 'invalid_unit', 'lines[0].unit'],
			[line({ unit: 7 }), 'invalid_type', 'lines[0].unit'],
			[line({ occupancy_pct: 120 }), 'invalid_occupancy',
			    'lines[0].occupancy_pct'],
			[line({ paragraph: '' }), 'missing_field',
			    'lines[0].paragraph'],
			[line({ costs_ore: { salary: 1 } }), 'unknown_field', undefined],
			[line({ colour: 'rød' }), 'unknown_field', undefined],
			[{ unit: 'day' }, 'missing_field', 'lines[0].paragraph'],
		];
		for (const [l, code, field] of cases) {
			const r = await patchLines(op851, own, [line(), l],
			    before.version);
			const err = assertApiError(r, 400, code,
			    field ? { field: field.replace('[0]', '[1]') } : {});
			assertDanish(err.message);
		}
		assertApiError(await patchLines(op851, own, [line(), line()],
		    before.version), 400, 'duplicate_line');
		assertApiError(await patchLines(op851, own, 'x', before.version),
		    400, 'invalid_type');
		const body = await op851.request('PATCH',
		    `/api/v1/submissions/${own}`, { body: '{"lines": [',
		    headers: { 'content-type': 'application/json',
		    'if-match': `"${before.version}"` } });
		assertApiError(body, 400, 'invalid_json');
		assert.deepEqual(await op851.getJson(`/api/v1/submissions/${own}`),
		    before);
	});

	test('sees the tariff and every warning; a warning needs a reason',
	    async () => {
		let r = await patchLines(op851, own, [line({ occupancy_pct: 90 })]);
		assert.equal(r.status, 200, r.text);
		assert.equal(r.headers.get('etag'), `"${r.json.version}"`);
		const l = r.json.lines[0];
		assert.equal(l.tariff_ore, 243500);	/* 8,000,000 / 3,285 */
		assert.equal(l.tariff_base_ore, 800000000);
		assert.equal(l.warnings.length, 1);
		assert.equal(l.warnings[0].code, 'occupancy_outside_band');
		assert.equal(l.warnings[0].needs_reason, true);
		assertDanish(l.warnings[0].message);
		assert.equal(r.json.reasons_missing, 1);
		r = await act(op851, own, 'submit');
		assertApiError(r, 400, 'missing_reason',
		    { field: 'lines[0].reason' });
		r = await patchLines(op851, own, [{ ...l,
		    reason: 'Godkendt i DAS den 25. august' }]);
		assert.equal(r.status, 200, r.text);
		assert.equal(r.json.reasons_missing, 0);
	});

	test('submitted: no edits; approved: no edits; returned: edits again',
	    async () => {
		let r = await act(op851, own, 'submit');
		assert.equal(r.status, 200, r.text);
		assert.equal(r.json.status, 'submitted');
		assertApiError(await patchLines(op851, own, [line()]), 409,
		    'submission_submitted');
		assertApiError(await act(op851, own, 'approve'), 403, 'forbidden');
		r = await act(admin, own, 'approve');
		assert.equal(r.status, 200, r.text);
		assert.equal(r.json.status, 'approved');
		assert.equal(r.json.reviewed_by, 'admin');
		assertApiError(await patchLines(op851, own, [line()]), 409,
		    'submission_approved');
		assertApiError(await patchLines(admin, own, [line()]), 409,
		    'submission_approved');
		assertApiError(await act(op851, own, 'submit'), 409,
		    'submission_approved');
		/* Return needs a comment. */
		assertApiError(await act(admin, own, 'return', {}), 400,
		    'missing_field');
		r = await act(admin, own, 'return',
		    { comment: 'Husk at begrunde belægningen bedre' });
		assert.equal(r.status, 200, r.text);
		assert.equal(r.json.status, 'returned');
		assert.equal(r.json.comment, 'Husk at begrunde belægningen bedre');
		r = await patchLines(op851, own, [line()]);
		assert.equal(r.status, 200, r.text);
		assert.equal(r.json.status, 'returned');
		r = await act(op851, own, 'submit');
		assert.equal(r.json.status, 'submitted');
		r = await act(admin, own, 'approve');
		assert.equal(r.json.status, 'approved');
		const h = await op851.getJson(`/api/v1/submissions/${own}/history`);
		assert.deepEqual(h.history.map((x) => x.action).slice(0, 6),
		    ['approve', 'submit', 'update', 'return', 'approve', 'submit']);
		assert.equal(h.history[0].before.status, 'submitted');
		assert.equal(h.history[0].after.status, 'approved');
	});

	test('no submit after the deadline unless the round is reopened',
	    async () => {
		const sub = (await subOf(op1081, late.id, '1081')).id;
		let r = await patchLines(op1081, sub, [line()]);
		assert.equal(r.status, 200, r.text);
		assert.equal(r.json.may.submit, false);
		assertApiError(await act(op1081, sub, 'submit'), 409,
		    'deadline_passed');
		assertApiError(await roundAct('reopen', late.id,
		    { until: day(-1) }), 400, 'invalid_date');
		r = await roundAct('reopen', late.id, { until: day(7) });
		assert.equal(r.status, 200, r.text);
		assert.equal(r.json.reopened_until, day(7));
		r = await act(op1081, sub, 'submit');
		assert.equal(r.status, 200, r.text);
		assert.equal(r.json.status, 'submitted');
		/* A closed round takes no edits. */
		r = await roundAct('close', late.id);
		assert.equal(r.json.status, 'closed');
		const other2 = (await op851.getJson(
		    `/api/v1/rounds/${late.id}/submissions`)).submissions[0].id;
		assertApiError(await patchLines(op851, other2, [line()]), 409,
		    'round_closed');
		/* Publishing waits for the review of submitted ones. */
		assertApiError(await roundAct('publish', late.id), 409,
		    'pending_review');
		/* Round actions need the round's ETag. */
		assertApiError(await admin.request('POST',
		    `/api/v1/rounds/${late.id}/publish`), 428, 'if_match_required');
	});
});

describe('publishing and the tariff overview', () => {
	let tariff;

	before(async () => {
		const r = await roundAct('publish', open.id);
		assert.equal(r.status, 200, r.text);
		assert.equal(r.json.status, 'published');
		assert.equal(r.headers.get('x-published-tariffs'), '1');
	});

	test('published rounds are frozen', async () => {
		assertApiError(await act(admin, own, 'return', { comment: 'x' }),
		    409, 'round_published');
		assertApiError(await patchLines(op851, own, [line()]), 409,
		    'round_published');
	});

	test('the overview is public, with unit, level, occupancy, validity',
	    async () => {
		const l = await anon.getJson(`/api/v1/tariffs?year=${YEAR}`);
		assert.equal(l.total, 1);
		tariff = l.tariffs[0];
		assert.equal(tariff.tariff_ore, 228300);
		assert.equal(tariff.unit, 'day');
		assert.equal(tariff.unit_label, 'Døgntakst');
		assert.equal(tariff.level, '');
		assert.equal(tariff.places, 10);
		assert.equal(tariff.occupancy_pct, 96);
		assert.equal(tariff.valid_from, `${YEAR}-01-01`);
		assert.equal(tariff.valid_to, `${YEAR}-12-31`);
		assert.equal(tariff.version, 1);
		assert.equal(tariff.round_no, 1);
		assert.equal(tariff.operator_code, '851');
	});

	test('filters: operator, paragraph, municipality, target group, year',
	    async () => {
		const n = async (q) => (await anon.getJson(`/api/v1/tariffs?${q}`))
		    .total;
		assert.equal(await n('operator=851'), 1);
		assert.equal(await n('operator=1081'), 0);
		assert.equal(await n('paragraph=107'), 1);
		assert.equal(await n('paragraph=SEL%20%C2%A7%20107'), 1);
		assert.equal(await n('paragraph=85'), 0);
		assert.equal(await n(`municipality=${tariff.municipality_code}`), 1);
		assert.equal(await n('municipality=810'), 0);
		assert.equal(await n(`year=${YEAR + 1}`), 0);
		const tg = (tariff.target_groups || '').split('; ')[0];
		if (tg)
			assert.equal(await n(`target_group=${encodeURIComponent(
			    tg.slice(2, 12))}`), 1);
		assert.equal(await n('target_group=ingen%20s%C3%A5dan'), 0);
		assertApiError(await anon.get('/api/v1/tariffs?year=abc'), 400,
		    'invalid_year');
		assertApiError(await anon.get('/api/v1/tariffs?operator=x'), 400,
		    'invalid_operator');
		assertApiError(await anon.get('/api/v1/tariffs?format=pdf'), 400,
		    'invalid_format');
		assertApiError(await anon.get('/api/v1/tariffs?colour=1'), 400,
		    'unknown_parameter');
	});

	test('CSV and XLSX downloads', async () => {
		const csv = await anon.get(`/api/v1/tariffs?format=csv&year=${YEAR}`);
		assert.equal(csv.status, 200);
		assert.match(csv.headers.get('content-type'), /^text\/csv/);
		assert.match(csv.headers.get('content-disposition'), /takster\.csv/);
		const rows = csv.text.replace(/^\ufeff/, '').trim().split('\r\n');
		assert.equal(rows.length, 2);
		assert.match(rows[0], /^Tilbud nr\.;Tilbud;Driftsherre/);
		assert.match(rows[1], /;SEL § 107;;Døgntakst;2283;10;96;2031;/);
		const x = await anon.get(`/api/v1/tariffs?format=xlsx&year=${YEAR}`);
		assert.equal(x.status, 200);
		assert.equal(x.body.subarray(0, 2).toString(), 'PK');
	});

	test('a change in the year needs a cause and gets a new validity',
	    async () => {
		const url = `/api/v1/tariffs/${tariff.id}/change`;
		const versions = async () => (await anon.getJson(
		    `/api/v1/tariffs/${tariff.id}`)).versions.length;
		const nv = await versions();
		let e = await op851.post(url, { tariff_ore: 240000,
		    valid_from: `${YEAR}-07-01`, reason: 'Ny ydelse' });
		assertApiError(e, 400, 'missing_cause');
		assert.equal(e.json.error.field, 'cause');
		assert.match(e.json.error.message, /årsagen/);
		assertApiError(await op851.post(url, { tariff_ore: 240000,
		    valid_from: `${YEAR}-07-01`, cause: 'ombygget' }), 400,
		    'invalid_cause');
		e = await op851.post(url, { tariff_ore: 240000,
		    valid_from: `${YEAR}-07-01`, cause: 'andet', reason: '' });
		assertApiError(e, 400, 'missing_reason');
		assert.equal(e.json.error.field, 'reason');
		assert.equal(await versions(), nv, 'nothing changed');
		assertApiError(await op1081.post(url, { tariff_ore: 240000,
		    valid_from: `${YEAR}-07-01`, cause: 'fejl' }), 403,
		    'forbidden');
		assertApiError(await reader.post(url, { tariff_ore: 240000,
		    valid_from: `${YEAR}-07-01`, cause: 'fejl' }), 403,
		    'forbidden');
		assertApiError(await op851.post(url, { tariff_ore: 2400.5,
		    valid_from: `${YEAR}-07-01`, cause: 'fejl' }), 400,
		    'invalid_amount');
		assertApiError(await op851.post(url, { tariff_ore: 240000,
		    valid_from: `${YEAR + 1}-01-01`, cause: 'fejl' }), 400,
		    'invalid_date');
		const r = await op851.post(url, { tariff_ore: 240000,
		    valid_from: `${YEAR}-07-01`, cause: 'pladser',
		    reason: 'Varig udvidelse med to pladser' });
		assert.equal(r.status, 201, r.text);
		assert.equal(r.json.version, 2);
		assert.equal(r.json.valid_from, `${YEAR}-07-01`);
		assert.equal(r.json.reason, 'Varig udvidelse med to pladser');
		assert.equal(r.json.cause, 'pladser');
		assert.equal(r.json.cause_label, 'Varig ændring af antal pladser');
		assert.equal(r.json.versions[0].cause, null);
		assert.deepEqual(r.json.versions.map((v) => [v.version,
		    v.valid_from, v.valid_to]), [[1, `${YEAR}-01-01`,
		    `${YEAR}-06-30`], [2, `${YEAR}-07-01`, `${YEAR}-12-31`]]);
		/* Both periods are in the overview; the earlier one is kept. */
		const l = await anon.getJson(`/api/v1/tariffs?year=${YEAR}`);
		assert.deepEqual(l.tariffs.map((t) => t.tariff_ore),
		    [228300, 240000]);
		assertApiError(await op851.post(url, { tariff_ore: 250000,
		    valid_from: `${YEAR}-03-01`, cause: 'fejl' }), 409,
		    'not_latest_version');
	});

	test('the overview page shows the tariffs with filters and downloads',
	    async () => {
		const p = await anon.get(`/takster?year=${YEAR}`);
		assert.equal(p.status, 200);
		assert.match(p.text, /<h1>Takstoversigt<\/h1>/);
		assert.match(p.text, /2\.283,00&nbsp;kr\./);
		assert.match(p.text, /2\.400,00&nbsp;kr\./);
		assert.match(p.text, /href="\/api\/v1\/tariffs\?format=xlsx&amp;year=2031"/);
		const v = await anon.get(`/takster/${tariff.id}`);
		assert.equal(v.status, 200);
		assert.match(v.text, /Varig udvidelse med to pladser/);
		assert.match(v.text, /<th[^>]*>Årsag<\/th>/);
		assert.match(v.text, /Varig ændring af antal pladser/);
		assert.doesNotMatch(v.text, /name="valid_from"/,
		    'no change form for anonymous users');
	});

	test('a change in the year on the page is confirmed first',
	    async () => {
		const ore = async () => (await anon.getJson(
		    `/api/v1/tariffs?year=${YEAR}`)).tariffs.map((t) =>
		    t.tariff_ore);
		const before = await ore();
		const cur = (await anon.getJson(`/api/v1/tariffs?year=${YEAR}`))
		    .tariffs.find((t) => t.tariff_ore === 240000);
		const url = `/takster/${cur.id}/aendring`;
		const form = { tariff: '2.450,50', valid_from: `${YEAR}-10-01`,
		    cause: 'normering', reason: 'Ny normering i nattevagten' };
		const v = await op851.get(`/takster/${cur.id}`);
		assert.match(v.text, /name="valid_from"/);
		assert.match(v.text, /<select[^>]*name="cause"/);
		assert.match(v.text, /<option value="renovering">Ombygning eller renovering<\/option>/);
		/* Without a cause: refused with the field named, nothing changes. */
		const nocause = await postForm(op851, url, { ...form, cause: '',
		    confirm: '1' });
		assert.equal(nocause.status, 400);
		assert.match(nocause.text, /Vælg årsagen til takstændringen/);
		assert.match(nocause.text, /href="#cause"/);
		assert.deepEqual(await ore(), before);
		/* Without confirm=1: the confirmation, nothing changes. */
		const c = await postForm(op851, url, form);
		assert.equal(c.status, 200, c.text);
		assert.match(c.text, /<h1>Bekræft takstændring<\/h1>/);
		assert.match(c.text, /Taksten ændres fra 2\.400,00 kr\. til 2\.450,50 kr\./);
		assert.match(c.text, /Den nye takst gælder fra 1\. oktober 2031\. Den hidtidige takst gælder til og med 30\. september 2031/);
		assert.match(c.text, /Årsag: Ændret normering\. Begrundelse: Ny normering i nattevagten/);
		assert.match(c.text, /name="cause" value="normering"/);
		assert.match(c.text, /name="confirm" value="1"/);
		assert.match(c.text, /name="tariff" value="2\.450,50"/);
		assert.match(c.text, new RegExp(`href="/takster/${cur.id}"[^>]*>Fortryd`));
		assert.deepEqual(await ore(), before);
		/* Bad input is refused before the confirmation. */
		const bad = await postForm(op851, url, { ...form,
		    valid_from: `${YEAR + 1}-01-01` });
		assert.equal(bad.status, 400);
		assert.match(bad.text, /Der er fejl i formularen/);
		assert.doesNotMatch(bad.text, /Bekræft takstændring/);
		assert.equal((await postForm(op1081, url, form)).status, 403);
		assert.deepEqual(await ore(), before);
		/* Confirmed: the new version is published. */
		const ok = await postForm(op851, url, { ...form, confirm: '1' });
		assert.equal(ok.status, 303, ok.text);
		assert.match(ok.headers.get('location'), /\?besked=aendret$/);
		assert.deepEqual(await ore(), [...before, 245050]);
		const n = await op851.get(`/takster/${redirectId(ok)}?besked=aendret`);
		assert.match(n.text, /Takstændringen er gemt som en ny version/);
		assert.match(n.text, /Ny normering i nattevagten/);
		assert.match(n.text, /<td[^>]*>Ændret normering<\/td>/);
		const j = await anon.getJson(`/api/v1/tariffs/${redirectId(ok)}`);
		assert.equal(j.cause, 'normering');
		assert.equal(j.cause_label, 'Ændret normering');
	});
});

describe('accounts', () => {
	test('TV-1: surplus, set-aside, carry-over to y+2', async () => {
		const offer = (await admin.getJson(`/api/v1/submissions/${own}`))
		    .offer_id;
		const body = { offer_id: offer, year: YEAR - 2,
		    tariff_base_ore: 800000000, revenue_ore: 841800000,
		    costs_ore: 764800000 };
		assertApiError(await op1081.post('/api/v1/accounts', body), 403,
		    'forbidden');
		assertApiError(await op851.post('/api/v1/accounts',
		    { ...body, revenue_ore: 8418000.5 }), 400, 'invalid_amount');
		const r = await op851.post('/api/v1/accounts', body);
		assert.equal(r.status, 201, r.text);
		assert.equal(r.json.result_ore, 77000000);
		assert.equal(r.json.setaside_ore, 40000000);
		assert.equal(r.json.to_tariff_ore, -37000000);
		assert.equal(r.json.tariff_year, YEAR);
		const led = await op851.getJson(`/api/v1/setaside?year=${YEAR - 2}`);
		assert.equal(led.summary.balance_ore, 40000000);
		assertApiError(await op851.get('/api/v1/setaside?operator=1081'),
		    403, 'forbidden');
		const mine = await op851.getJson('/api/v1/accounts');
		assert.equal(mine.accounts.length, 1);
		assert.equal((await op1081.getJson('/api/v1/accounts'))
		    .accounts.length, 0);
	});
});

/* ---- XLSX ----------------------------------------------------------- */

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
const colName = (i) => String.fromCharCode(65 + i);

/* A workbook with one sheet of rows (numbers stay numbers). */
function workbook(rows, sheet = 'Budget') {
	const xml = rows.map((row, r) => `<row r="${r + 1}">` + row.map((v, c) => {
		const ref = `${colName(c)}${r + 1}`;
		if (v === null || v === undefined)
			return '';
		if (typeof v === 'number')
			return `<c r="${ref}"><v>${v}</v></c>`;
		return `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
	}).join('') + '</row>').join('');
	return zipStored({
		'[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?>' +
		    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/' +
		    'content-types"/>',
		'_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships ' +
		    'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
		    `<Relationship Id="rId1" Type="${REL}officeDocument" ` +
		    'Target="xl/workbook.xml"/></Relationships>',
		'xl/workbook.xml': `<workbook ${NS}><sheets><sheet name="${sheet}" ` +
		    'sheetId="1" r:id="rId1"/></sheets></workbook>',
		'xl/_rels/workbook.xml.rels': '<Relationships xmlns="http://' +
		    'schemas.openxmlformats.org/package/2006/relationships">' +
		    `<Relationship Id="rId1" Type="${REL}worksheet" ` +
		    'Target="worksheets/sheet1.xml"/></Relationships>',
		'xl/worksheets/sheet1.xml': `<worksheet ${NS}><sheetData>${xml}` +
		    '</sheetData></worksheet>',
	});
}

const HEADER = ['Tilbud nr.', 'Tilbud', 'Paragraf', 'Takstniveau',
    'Enhed (day, month, hour, year)', 'Pladser', 'Åbningsdage',
    'Dage i måneden', 'Timer pr. plads pr. år', 'Budgetteret belægning (%)',
    'Faktisk belægning 1', 'Faktisk belægning 2', 'Løn (kr.)',
    'Ejendom (kr.)', 'Øvrige (kr.)', 'Overhead (kr.)', 'Kapital (kr.)',
    'Pension (kr.)', 'Indtægter (kr.)', 'Over-/underskud (kr.)',
    'Begrundelse'];

describe('the XLSX template', () => {
	let round, subs, page;

	before(async () => {
		round = await newRound(3, day(-1), day(20));
		subs = (await op851.getJson(`/api/v1/rounds/${round.id}/submissions`))
		    .submissions;
		page = await op851.get(`/takstindberetning/${round.id}`);
		assert.equal(page.status, 200);
	});

	const csrf = (html) =>
	    /<input type="hidden" name="csrf_token" value="([^"]+)"/.exec(html)[1];

	const upload = (c, bytes, html = page.text) => uploadXlsx(c,
	    `/takstindberetning/${round.id}/skabelon`, bytes, csrf(html));

	const snapshot = async () => Promise.all(subs.map((s) =>
	    op851.getJson(`/api/v1/submissions/${s.id}`)));

	test('the template holds the operator\'s own offers only', async () => {
		const t = await op851.get(`/takstindberetning/${round.id}/skabelon`);
		assert.equal(t.status, 200);
		assert.match(t.headers.get('content-type'), /spreadsheetml/);
		assert.equal(t.body.subarray(0, 2).toString(), 'PK');
		const a = await op851.get(`/api/v1/rounds/${round.id}/template`);
		assert.equal(a.status, 200);
		/* The rows name offers by number; op851 has three. */
		const sheet = (() => {
			/* Find the sheet part and inflate it. */
			const b = a.body;
			for (let i = 0; i + 30 < b.length; ) {
				if (b.readUInt32LE(i) !== 0x04034b50)
					break;
				const method = b.readUInt16LE(i + 8);
				const csize = b.readUInt32LE(i + 18);
				const nlen = b.readUInt16LE(i + 26);
				const xlen = b.readUInt16LE(i + 28);
				const name = b.subarray(i + 30, i + 30 + nlen).toString();
				const data = b.subarray(i + 30 + nlen + xlen,
				    i + 30 + nlen + xlen + csize);
				if (name === 'xl/worksheets/sheet1.xml')
					return (method === 8 ? zlib.inflateRawSync(data) :
					    data).toString();
				i += 30 + nlen + xlen + csize;
			}
			return '';
		})();
		if (sheet) {
			const ids = [...sheet.matchAll(/<c r="A(\d+)"[^>]*><v>(\d+)<\/v>/g)]
			    .filter((m) => m[1] !== '1').map((m) => Number(m[2]));
			const num = (a, b) => a - b;
			assert.deepEqual(ids.sort(num),
			    subs.map((s) => s.offer_id).sort(num));
		}
	});

	test('a broken file → error, nothing changed', async () => {
		const before = await snapshot();
		const r = await upload(op851, Buffer.from('this is not a workbook'));
		assert.equal(r.status, 400, r.text.slice(0, 300));
		assert.match(r.text, /class="alert alert-error error-summary"/);
		const r2 = await upload(op851, workbook([HEADER], 'Ark1'));
		assert.equal(r2.status, 400);
		assert.match(r2.text, /intet ark ved navn »Budget«/);
		assert.deepEqual(await snapshot(), before);
	});

	test('text where a number belongs → the sheet and cell are named; ' +
	    'nothing changed', async () => {
		const before = await snapshot();
		const id = subs[0].offer_id;
		const rows = [HEADER,
		    [id, 'x', 'SEL § 107', '', 'day', 10, null, null, null, 96,
		    null, null, 6500000, 675000, 825000],
		    [id, 'x', 'SEL § 107', 'høj', 'day', 'ti', null, null, null,
		    96, null, null, 6500000, 675000, 825000],
		    [id, 'x', 'SEL § 85', '', 'uge', 10, null, null, null, 96]];
		const r = await upload(op851, workbook(rows));
		assert.equal(r.status, 400, r.text.slice(0, 300));
		assert.match(r.text, /Celle F3 i arket »Budget«: Pladser skal være et tal/);
		assert.match(r.text, /<td data-title="Celle">F3<\/td>/);
		assert.match(r.text, /Celle E4 i arket »Budget«: Ukendt enhed »uge«/);
		assert.deepEqual(await snapshot(), before);
	});

	test('a negative cost and another operator\'s offer are refused by cell',
	    async () => {
		const before = await snapshot();
		const rows = [HEADER,
		    [subs[0].offer_id, 'x', 'SEL § 107', '', 'day', 10, null, null,
		    null, 96, null, null, 6500000, -5, 825000],
		    [other ? (await admin.getJson(`/api/v1/submissions/${other}`))
		    .offer_id : 1, 'x', 'SEL § 107', '', 'day', 10, null, null,
		    null, 96, null, null, 6500000]];
		const r = await upload(op851, workbook(rows));
		assert.equal(r.status, 400, r.text.slice(0, 300));
		assert.match(r.text, /Celle A3 i arket »Budget«: Tilbud nr\. \d+ har en anden driftsherre/);
		assert.deepEqual(await snapshot(), before);
		const rows2 = [HEADER, rows[1]];
		const r2 = await upload(op851, workbook(rows2));
		assert.equal(r2.status, 400);
		assert.match(r2.text, /Celle N2 i arket »Budget«: [^<]*negativt/);
		assert.deepEqual(await snapshot(), before);
	});

	test('a good file replaces the lines of the offers in it', async () => {
		const id = subs[0].offer_id;
		const rows = [HEADER,
		    [id, 'x', 'SEL § 107', '', 'day', 10, null, null, null, 96,
		    null, null, 6500000, 675000, 825000],
		    [id, 'x', 'SEL § 107', 'høj', 'døgn', '12,5', null, null, null,
		    '96', null, null, 9000000.5, 0, 0, null, null, null, null,
		    null, 'Særlig indsats'],
		    [subs[1].offer_id, 'x']];
		const r = await upload(op851, workbook(rows));
		assert.equal(r.status, 303, r.text.slice(0, 500));
		assert.match(r.headers.get('location'), /besked=indlaest/);
		const s = await op851.getJson(`/api/v1/submissions/${subs[0].id}`);
		assert.equal(s.lines.length, 2);
		assert.equal(s.lines[0].tariff_ore, 228300);
		assert.equal(s.lines[1].level, 'høj');
		assert.equal(s.lines[1].places, 12.5);
		assert.equal(s.lines[1].costs_ore.wages, 900000050);
		assert.equal(s.lines[1].reason, 'Særlig indsats');
		const s1 = await op851.getJson(`/api/v1/submissions/${subs[1].id}`);
		assert.equal(s1.lines.length, 0, 'a row with only the offer is skipped');
		/* The downloaded template goes back in unchanged. */
		const t = await op851.get(`/api/v1/rounds/${round.id}/template`);
		const again = await upload(op851, t.body);
		assert.equal(again.status, 303, again.text.slice(0, 500));
		const s2 = await op851.getJson(`/api/v1/submissions/${subs[0].id}`);
		assert.deepEqual(s2.lines, s.lines);
	});
});
