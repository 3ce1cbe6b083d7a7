/*
 * The service-line form and the calculator: the fields grouped by unit
 * (only the chosen unit's own fields are read), the paragraph from a
 * list, the tariff shown after saving, the same labels on both pages,
 * and the previews that compute while typing (session and CSRF token
 * for a line; the same figures as the calculator API).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Client, postForm, startServer } from './harness.mjs';

let srv, admin, op851, op1081, sub;

const day = (offset) => new Date(Date.now() + offset * 86400000)
    .toISOString().slice(0, 10);

const line = (extra = {}) => ({ paragraph: 'SEL § 107', unit: 'day',
    places: '10', occupancy: '92', wages: '6.500.000', property: '675.000',
    other: '825.000', ...extra });

async function version() {
	return String((await op851.getJson(`/api/v1/submissions/${sub}`))
	    .version);
}

async function save(pos, fields) {
	return postForm(op851, `/indberetning/${sub}/linje/${pos || 'ny'}`,
	    { version: await version(), ...fields });
}

before(async () => {
	srv = await startServer();
	admin = await srv.login('admin');
	op851 = await srv.login('op851');
	op1081 = await srv.login('op1081');
	const r = await admin.post('/api/v1/rounds', { year: 2026, no: 1,
	    title: 'Takster 2026', opens_on: day(-1), deadline: day(30) });
	assert.equal(r.status, 201, r.text);
	const l = await op851.getJson(`/api/v1/rounds/${r.json.id}/submissions`);
	sub = l.submissions.find((s) => s.operator_code === '851').id;
});
after(async () => { await srv?.stop(); });

describe('the line form', () => {
	test('groups the fields by unit and lists the paragraphs', async () => {
		const f = await op851.get(`/indberetning/${sub}/linje/ny`);
		assert.equal(f.status, 200);
		for (const u of ['day', 'month', 'hour', 'year'])
			assert.match(f.text, new RegExp(
			    `type="radio" class="form-radio" id="unit-\\d" name="unit" value="${u}"`));
		for (const [u, name] of [['day', 'days'], ['month', 'month_days'],
		    ['hour', 'hours']])
			assert.match(f.text, new RegExp(`data-unit="${u}">` +
			    `<legend[^>]*>[^<]*</legend><div class="form-group">` +
			    `<label class="form-label" for="${name}">`));
		assert.match(f.text, /<select class="form-select" id="paragraph" name="paragraph"/);
		assert.match(f.text, /<option value="SEL § 107">SEL § 107<\/option>/);
		assert.doesNotMatch(f.text, /<script>/, 'no inline script');
		assert.match(f.text, /<script defer src="\/static\/tariff-preview\.[0-9a-f]{8}\.js"><\/script>/);
		assert.match(f.text, /id="takst-preview" aria-live="polite" data-preview="\/indberetning\/\d+\/linje\/ny\/beregn"/);
	});

	test('reads only the chosen unit\'s own fields', async () => {
		let r = await save(0, line({ level: 'Dag', days: '250',
		    hours: 'ikke et tal', month_days: '30' }));
		assert.equal(r.status, 303, r.text.slice(0, 400));
		let s = await op851.getJson(`/api/v1/submissions/${sub}`);
		let l = s.lines.at(-1);
		assert.equal(l.days, 250);
		assert.ok(!l.hours && !l.month_days, JSON.stringify(l));

		r = await save(0, line({ level: 'Time', unit: 'hour',
		    hours: '1200', days: 'abc', month_days: 'x' }));
		assert.equal(r.status, 303, r.text.slice(0, 400));
		s = await op851.getJson(`/api/v1/submissions/${sub}`);
		l = s.lines.at(-1);
		assert.equal(l.unit, 'hour');
		assert.equal(l.hours, 1200);
		assert.ok(!l.days, JSON.stringify(l));

		/* The chosen unit's field is read and checked. */
		r = await save(0, line({ level: 'Fejl', days: 'abc' }));
		assert.equal(r.status, 400);
		assert.match(r.text, /id="days-error"><span class="sr-only">Fejl: <\/span>Åbningsdage skal være et helt tal/);
		assert.match(r.text, /<a class="function-link" href="#days">/);
	});

	test('refuses a paragraph outside the list', async () => {
		const before = await version();
		const r = await save(0, line({ level: 'Ukendt',
		    paragraph: 'SEL § 999' }));
		assert.equal(r.status, 400);
		assert.match(r.text, /id="paragraph-error"><span class="sr-only">Fejl: <\/span>Vælg en paragraf fra listen/);
		assert.equal(await version(), before);
	});

	test('shows the computed tariff and warnings after saving', async () => {
		const r = await save(0, line({ level: 'Vist' }));
		assert.equal(r.status, 303);
		const loc = r.headers.get('location');
		assert.match(loc, /^\/indberetning\/\d+\/linje\/\d+\?besked=gemt$/);
		const p = await op851.get(loc);
		assert.equal(p.status, 200);
		assert.match(p.text, /Linjen er gemt/);
		/* 8,000,000 kr. / (10 × 365 × 0.92) */
		assert.match(p.text, /<dt>Døgntakst<\/dt><dd><strong class="tariff-value">2\.382,00&nbsp;kr\.<\/strong>/);
		assert.match(p.text, /<dt>Takstgrundlag<\/dt><dd>8\.000\.000,00&nbsp;kr\./);
		assert.match(p.text, /92 % ligger uden for intervallet 95 %–100 %/);
		assert.equal((p.text.match(/<h1[ >]/g) || []).length, 1);
	});
});

describe('the calculator', () => {
	test('has the same labels and hints as the line form', async () => {
		const f = (await op851.get(`/indberetning/${sub}/linje/ny`)).text;
		const c = (await op851.get('/beregn')).text;
		const groups = (html) => {
			const m = new Map();
			const re = /<label class="form-label" for="([a-z_0-9]+)">([^<]*)<\/label>(?:<span class="form-hint" id="[^"]*">([^<]*)<\/span>)?/g;
			for (const x of html.matchAll(re))
				m.set(x[1], [x[2], x[3]]);
			return m;
		};
		const lf = groups(f), cf = groups(c);
		const names = ['places', 'occupancy', 'days', 'month_days',
		    'hours', 'wages', 'property', 'other', 'overhead', 'capital',
		    'pension', 'income', 'carry_over'];
		for (const n of names) {
			assert.ok(lf.has(n), `line form lacks ${n}`);
			assert.deepEqual(cf.get(n), lf.get(n), n);
		}
		assert.match(c, /id="takst-preview" aria-live="polite" data-preview="\/beregn\/takst"/);
	});

	test('binds an error to its field', async () => {
		const r = await postForm(op851, '/beregn', { calc: 'tariff',
		    year: '2026', unit: 'day', places: 'mange', occupancy: '96',
		    wages: '1.000' });
		assert.equal(r.status, 400);
		assert.match(r.text, /id="places-error"><span class="sr-only">Fejl: <\/span>Pladser skal være et tal/);
	});
});

describe('the previews', () => {
	const path = () => `/indberetning/${sub}/linje/ny/beregn`;

	test('a line preview needs a session and the CSRF token', async () => {
		const anon = new Client(srv.url);
		let r = await anon.request('POST', path(), { form: line() });
		assert.ok([401, 403, 303].includes(r.status), String(r.status));
		r = await op851.request('POST', path(), { form: line(),
		    csrf: false });
		assert.equal(r.status, 403);
		r = await postForm(op1081, path(), line());
		assert.equal(r.status, 403, 'another operator\'s submission');
	});

	test('computes as the calculator does, without saving', async () => {
		const before = await version();
		const r = await postForm(op851, path(), line({ level: 'Vist' }));
		assert.equal(r.status, 200, r.text);
		const calc = await op851.post('/api/v1/calc/tariff', { year: 2026,
		    unit: 'day', places: 10, occupancy_pct: 92, costs_ore: {
		    wages: 650000000, property: 67500000, other: 82500000 } });
		assert.equal(calc.status, 200, calc.text);
		assert.equal(r.json.tariff_ore, calc.json.tariff_ore);
		assert.equal(r.json.tariff_base_ore, calc.json.tariff_base_ore);
		assert.equal(r.json.warnings[0].code, 'occupancy_outside_band');
		assert.match(r.json.html, /2\.382,00&nbsp;kr\./);
		assert.equal(await version(), before, 'nothing saved');

		const c = await postForm(op851, '/beregn/takst', { calc: 'tariff',
		    year: '2026', ...line() });
		assert.equal(c.status, 200, c.text);
		assert.equal(c.json.tariff_ore, calc.json.tariff_ore);
		assert.match(c.json.html, /2\.382,00&nbsp;kr\./);
	});

	test('an incomplete form is answered, not failed', async () => {
		const r = await postForm(op851, path(), line({ places: '' }));
		assert.equal(r.status, 200);
		assert.equal(r.json.error.field, 'places');
		assert.match(r.json.html, /Taksten kan ikke beregnes endnu/);
	});
});
