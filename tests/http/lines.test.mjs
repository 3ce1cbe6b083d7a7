/*
 * One service line at a time: the JSON API (POST/PUT/DELETE
 * /api/v1/submissions/:id/lines) and the line form of the page save by
 * the same rule — the same lines, the same pairing of referral dates and
 * the same refusal — and a refused line changes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertApiError, postForm, startServer } from './harness.mjs';

let srv, admin, op851, viaApi, viaForm;

const CUT = '2026-07-01';
const day = (offset) => new Date(Date.now() + offset * 86400000)
    .toISOString().slice(0, 10);

const get = (id) => op851.getJson(`/api/v1/submissions/${id}`);
const etag = async (id) => ({ 'if-match': `"${(await get(id)).version}"` });

/* The same line for the API and the form. */
const apiLine = (extra = {}) => ({ paragraph: 'SEL § 107', unit: 'day',
    places: 10, occupancy_pct: 96, costs_ore: { wages: 650000000,
    property: 67500000 }, ...extra });
const formLine = (extra = {}) => ({ paragraph: 'SEL § 107', unit: 'day',
    places: '10', occupancy: '96', wages: '6.500.000', property: '675.000',
    ...extra });

async function apiPut(id, pos, line) {
	return op851.request(pos ? 'PUT' : 'POST', pos ?
	    `/api/v1/submissions/${id}/lines/${pos}` :
	    `/api/v1/submissions/${id}/lines`, { json: line,
	    headers: await etag(id) });
}

async function formPut(id, pos, fields) {
	return postForm(op851, `/indberetning/${id}/linje/${pos || 'ny'}`,
	    { version: String((await get(id)).version), ...fields });
}

/* What both must agree on. */
const shape = (s) => s.lines.map((l) => [l.pos, l.level, l.referred_from,
    l.referred_before, l.tariff_ore, l.costs_ore.wages]);

before(async () => {
	srv = await startServer();
	admin = await srv.login('admin');
	op851 = await srv.login('op851');
	const r = await admin.post('/api/v1/rounds', { year: 2026, no: 1,
	    title: 'Takster 2026', opens_on: day(-1), deadline: day(30) });
	assert.equal(r.status, 201, r.text);
	const l = await op851.getJson(`/api/v1/rounds/${r.json.id}/submissions`);
	const mine = l.submissions.filter((s) => s.operator_code === '851');
	[viaApi, viaForm] = [mine[0].id, mine[1].id];
	/* Start both from no lines. */
	for (const id of [viaApi, viaForm]) {
		const p = await op851.patch(`/api/v1/submissions/${id}`,
		    { lines: [] }, { headers: await etag(id) });
		assert.equal(p.status, 200, p.text);
	}
});
after(async () => { await srv?.stop(); });

describe('one line by the API and by the form', () => {
	test('adding, the first line of a new structure, replacing and '
	    + 'deleting give the same lines', async () => {
		const steps = [
			[0, apiLine(), formLine()],
			[0, apiLine({ level: 'Niveau 1', referred_from: CUT }),
			    formLine({ level: 'Niveau 1', referral: 'from',
			    referral_date: CUT })],
			[2, apiLine({ level: 'Niveau 1', referred_from: CUT,
			    places: 8 }), formLine({ level: 'Niveau 1',
			    referral: 'from', referral_date: CUT,
			    places: '8' })],
		];
		for (const [pos, a, f] of steps) {
			const r = await apiPut(viaApi, pos, a);
			assert.equal(r.status, 200, r.text);
			const w = await formPut(viaForm, pos, f);
			assert.equal(w.status, 303, w.text.slice(0, 300));
			assert.deepEqual(shape(await get(viaApi)),
			    shape(await get(viaForm)));
		}
		const s = await get(viaApi);
		assert.deepEqual(s.lines.map((l) => l.referred_before),
		    [CUT, null]);
		let r = await op851.request('DELETE',
		    `/api/v1/submissions/${viaApi}/lines/2`,
		    { headers: await etag(viaApi) });
		assert.equal(r.status, 200, r.text);
		r = await postForm(op851, `/indberetning/${viaForm}/linje/2/slet`,
		    { version: String((await get(viaForm)).version) });
		assert.equal(r.status, 303, r.text.slice(0, 300));
		assert.deepEqual(shape(await get(viaApi)),
		    shape(await get(viaForm)));
		assert.deepEqual((await get(viaApi)).lines.map((l) =>
		    l.referred_before), [null]);
	});

	test('the same refusal, and nothing changes', async () => {
		const va = (await get(viaApi)).version;
		const vf = (await get(viaForm)).version;
		const r = await apiPut(viaApi, 1, apiLine({ occupancy_pct: 250 }));
		assertApiError(r, 400, r.json?.error?.code);
		const w = await formPut(viaForm, 1, formLine({ occupancy: '250' }));
		assert.equal(w.status, 400);
		assert.ok(w.text.includes(r.json.error.message
		    .replace(/&/g, '&amp;').replace(/</g, '&lt;')),
		    `${r.json.error.message} not in the form's answer`);
		assert.equal((await get(viaApi)).version, va);
		assert.equal((await get(viaForm)).version, vf);
		/* A line that is not there. */
		const n = await apiPut(viaApi, 9, apiLine());
		assertApiError(n, 404, 'not_found');
		const d = await op851.request('DELETE',
		    `/api/v1/submissions/${viaApi}/lines/9`,
		    { headers: await etag(viaApi) });
		assertApiError(d, 404, 'not_found');
	});

	test('another operator may not', async () => {
		const op1081 = await srv.login('op1081');
		const r = await op1081.request('POST',
		    `/api/v1/submissions/${viaApi}/lines`, { json: apiLine(),
		    headers: await etag(viaApi) });
		assert.ok([403, 404].includes(r.status), r.text);
	});
});
