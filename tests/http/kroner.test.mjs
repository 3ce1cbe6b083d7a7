/*
 * Kroner typed into the pages are read by one rule: the calculator
 * (/beregn) and the line form of a submission agree on the Danish form
 * ("2.283,50") and the plain form ("2283.50", once read as 228.350 kr.
 * by the calculator), and both refuse malformed grouping.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { postForm, startServer } from './harness.mjs';

let srv, admin, op851, sub;

const day = (offset) => new Date(Date.now() + offset * 86400000)
    .toISOString().slice(0, 10);

/* The text of the fact after term label in a /beregn answer. */
function cell(html, label) {
	const m = new RegExp(`<dt>${label}</dt><dd>([^<]*)<`)
	    .exec(html);
	assert.ok(m, `no row ${label}`);
	return m[1].replace(/&nbsp;|\u00a0/g, ' ');
}

async function calc(wages) {
	return postForm(op851, '/beregn', { calc: 'tariff', year: '2026',
	    unit: 'day', places: '10', occupancy: '96', wages });
}

let level = 0;

/* A new line (each at its own level) with wages typed as given. */
async function saveLine(wages) {
	const s = await op851.getJson(`/api/v1/submissions/${sub}`);
	const r = await postForm(op851, `/indberetning/${sub}/linje/ny`, {
	    version: String(s.version), paragraph: 'SEL § 107', unit: 'day',
	    level: `Niveau ${++level}`, places: '10', occupancy: '96',
	    wages });
	return r;
}

before(async () => {
	srv = await startServer();
	admin = await srv.login('admin');
	op851 = await srv.login('op851');
	const r = await admin.post('/api/v1/rounds', { year: 2026, no: 1,
	    title: 'Takster 2026', opens_on: day(-1), deadline: day(30) });
	assert.equal(r.status, 201, r.text);
	const l = await op851.getJson(`/api/v1/rounds/${r.json.id}/submissions`);
	sub = l.submissions.find((s) => s.operator_code === '851').id;
});
after(async () => { await srv?.stop(); });

describe('kroner in the calculator and the line form', () => {
	for (const [typed, ore] of [['2283.50', 228350],
	    ['2.283,50', 228350], ['1.234.567', 123456700],
	    ['2 283,50 kr.', 228350], ['2283', 228300]]) {
		test(`»${typed}« is ${ore} øre in both`, async () => {
			const c = await calc(typed);
			assert.equal(c.status, 200, c.text.slice(0, 400));
			const base = cell(c.text, 'Takstgrundlag');
			const r = await saveLine(typed);
			assert.equal(r.status, 303, r.text.slice(0, 400));
			const s = await op851.getJson(
			    `/api/v1/submissions/${sub}`);
			const line = s.lines.at(-1);
			assert.equal(line.costs_ore.wages, ore);
			assert.equal(line.tariff_base_ore, ore);
			const kr = (ore / 100).toFixed(2).split('.');
			assert.equal(base, kr[0].replace(/\B(?=(\d{3})+$)/g,
			    '.') + ',' + kr[1] + ' kr.');
		});
	}

	for (const typed of ['2.28.3', '2283.500', '2283,505', '12 kr 3']) {
		test(`»${typed}« is refused by both`, async () => {
			const c = await calc(typed);
			assert.equal(c.status, 400);
			assert.match(c.text, /Lønomkostninger skal være et beløb i kroner/);
			const before = (await op851.getJson(
			    `/api/v1/submissions/${sub}`)).version;
			const r = await saveLine(typed);
			assert.equal(r.status, 400);
			assert.match(r.text, /Lønomkostninger: angiv et beløb/);
			assert.equal((await op851.getJson(
			    `/api/v1/submissions/${sub}`)).version, before);
		});
	}
});
