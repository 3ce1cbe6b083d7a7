/*
 * The general tariff reduction (2 % for 2012, a parameter of the year):
 * the published tariffs of 2011 and 2012 compared per operator,
 * weighted by places — the JSON report, the page, and bad input.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { assertApiError, ramme, startServer } from './harness.mjs';

let srv, anon;

/* The exact (unrounded) tariff in øre of an offer's line in year. */
async function exact(year, offer) {
	const j = await anon.getJson(`/api/v1/tariffs?year=${year}`);
	return Number(j.tariffs.find((t) => t.offer_id === offer)
	    .tariff_exact_ore);
}
before(async () => {
	srv = await startServer();
	anon = srv.client();
	const H = 'offer_id;paragraph;level;unit;places;occupancy_pct;' +
	    'wages_ore;property_ore;other_ore';
	/* Offer 4 (Aalborg, 851) lowers its costs by 4 %, offer 3 (the
	   region, 1081) raises them. */
	const years = {
		2011: ['4;SEL § 107;;day;10;96;650000000;67500000;82500000',
		    '3;SEL § 108;;day;12;95;700000000;50000000;50000000'],
		2012: ['4;SEL § 107;;day;10;96;620000000;67500000;80500000',
		    '3;SEL § 108;;day;12;95;720000000;50000000;50000000'],
		/* The same costs into the leap year 2016: no reduction. */
		2015: ['4;SEL § 107;;day;10;96;650000000;67500000;82500000'],
		2016: ['4;SEL § 107;;day;10;96;650000000;67500000;82500000'],
	};
	let id = 0;
	for (const [y, lines] of Object.entries(years)) {
		const f = path.join(srv.dir, `lines-${y}.csv`);
		fs.writeFileSync(f, [H, ...lines].join('\n') + '\n');
		/* Prices and wages rose 2,5 % into 2012. */
		ramme(['round', 'open', y, '1', '--deadline', '2099-12-31',
		    '--opens', '2000-01-01', '--pl-pct', y === '2012' ? '2,5' : '0',
		    '--db', srv.db], { ok: true });
		id++;
		ramme(['round', 'import-lines', f, '--round', String(id),
		    '--approve', '--publish', '--db', srv.db], { ok: true });
	}
});
after(async () => { await srv?.stop(); });

describe('general tariff reduction', () => {
	test('the JSON report: who met the 2 % of 2012', async () => {
		const r = await anon.get('/api/v1/tariffs/reduction?year=2012');
		assert.equal(r.status, 200, r.text);
		const j = r.json;
		assert.equal(j.year, 2012);
		assert.equal(j.required_bp, 200);
		assert.equal(j.fixed_prices, false);
		assert.equal(j.operators, 2);
		assert.equal(j.operators_met, 1);
		assert.equal(j.tariffs.length, 2);
		const t4 = j.tariffs.find((t) => t.offer_id === 4);
		const t3 = j.tariffs.find((t) => t.offer_id === 3);
		assert.ok(t4.cur_ore < t4.prev_ore && t4.met, JSON.stringify(t4));
		assert.ok(t3.cur_ore > t3.prev_ore && !t3.met, JSON.stringify(t3));
		/* The change is on the same day basis, 366 days in 2012 and
		   365 in 2011: (cur·366 − prev·365) / (prev·365), half up, of
		   the exact tariffs (the published ones are whole kroner). */
		for (const t of j.tariffs) {
			assert.equal(t.prev_days, 365);
			assert.equal(t.cur_days, 366);
			const cur = await exact(2012, t.offer_id);
			const prev = await exact(2011, t.offer_id);
			assert.equal(t.change_bp, Math.round((cur * 366 -
			    prev * 365) / (prev * 365) * 10000));
		}
		const met = j.by_operator.filter((o) => o.met);
		assert.equal(met.length, 1);
		assert.equal(met[0].operator_code, t4.operator_code);
		assert.equal(met[0].change_bp, t4.change_bp, 'one tariff: its own change');
		assert.equal(t4.change_bp, -400, 'the cost base fell by 4 %');
	});

	test('a leap year alone is no reduction', async () => {
		const j = (await anon.get('/api/v1/tariffs/reduction?year=2016'))
		    .json;
		assert.equal(j.tariffs.length, 1);
		const t = j.tariffs[0];
		/* The day tariff fell by 1/366 only because 2016 has a day
		   more; the cost base did not move. */
		assert.ok(t.cur_ore < t.prev_ore, JSON.stringify(t));
		assert.equal(t.change_bp, 0, JSON.stringify(t));
		assert.equal(j.by_operator[0].change_bp, 0);
		const html = (await anon.get('/takster/reduktion?year=2016')).text;
		assert.doesNotMatch(html, /−0,27/);
		assert.match(html, /skudår/);
	});

	test('no reduction required in 2013: the report still compares', async () => {
		const r = await anon.get('/api/v1/tariffs/reduction?year=2013');
		assert.equal(r.status, 200, r.text);
		assert.equal(r.json.required_bp, 0);
		assert.equal(r.json.operators, 0, 'nothing published for 2013');
	});

	test('the page says who met it, in Danish', async () => {
		const r = await anon.get('/takster/reduktion?year=2012');
		assert.equal(r.status, 200, r.text.slice(0, 300));
		assert.match(r.text, /Generel takstreduktion 2012/);
		assert.match(r.text, /mindst 2 % i forhold til 2011, målt i løbende priser/);
		assert.match(r.text, /<strong>1 af 2<\/strong> driftsherrer har opfyldt kravet/);
		assert.match(r.text, /Opfyldt/);
		assert.match(r.text, /Ikke opfyldt/);
		/* Offer 4's cost base fell by exactly 4 % (800 to 768 mio.),
		   and so does its day tariff on the same day basis. */
		assert.match(r.text, /−4 %/);
	});

	test('in fixed prices last year is raised by the PL change first',
	    async () => {
		const admin = await srv.login('admin');
		const r = await admin.request('PUT',
		    '/api/v1/params/2012/reduction_fixed_prices', { json: {
		    value: 1, reason: 'Besluttet i DAS' } });
		assert.equal(r.status, 200, r.text);
		const j = (await anon.get('/api/v1/tariffs/reduction?year=2012')).json;
		assert.equal(j.fixed_prices, true);
		assert.equal(j.pl_bp, 250);
		for (const t of j.tariffs) {
			const cur = await exact(2012, t.offer_id);
			const prev = await exact(2011, t.offer_id);
			assert.equal(t.change_bp, Math.round((cur * 366 * 10000 -
			    prev * 365 * 10250) / (prev * 365 * 10250) * 10000));
		}
		const p = await anon.get('/takster/reduktion?year=2012');
		assert.match(p.text, /målt i faste priser \(sidste års takster fremskrevet med PL \+2,5 %\)/);
	});

	test('bad input: 400 with a Danish message', async () => {
		for (const [q, code] of [['year=abc', 'invalid_year'],
		    ['year=1999', 'invalid_year'], ['year=2012&x=1', 'unknown_parameter'],
		    ['', 'missing_year']])
			assertApiError(await anon.get(`/api/v1/tariffs/reduction?${q}`),
			    400, code);
		const r = await anon.get('/takster/reduktion?year=tyve');
		assert.equal(r.status, 400);
		assert.match(r.text, /årstal/);
	});
});
