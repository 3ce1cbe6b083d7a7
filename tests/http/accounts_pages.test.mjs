/*
 * The accounts pages (Regnskab) over HTTP: an operator reports the
 * årsresultat of its own offer through the form (Danish amounts), sees
 * the surplus, the set-aside and what enters the tariff two years later;
 * cannot see or report another operator's; bad input is answered 400
 * with a Danish message next to the field, the typed values kept, and
 * nothing stored; the report shows in the set-aside ledger and pre-fills
 * the carry-over of the round two years later (TV-1).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertDanish, startServer } from './harness.mjs';

let srv, admin, op851, op1081, reader, anon;
let mine, theirs;	/* an offer of 851 and one of 1081 */

const YEAR = 2033;	/* the accounting year; its tariff year is +2 */

/* TV-1 in Danish kroner as an operator types them. */
const TV1 = {
	tariff_base: '8.000.000',
	revenue: '8.418.000,00',
	costs: '7648000',
	setaside: '',
	deficit_covered: '',
	occupied_days: '3504',
	available_days: '3650',
};

function form(extra = {}, c = op851) {
	return { csrf_token: c.csrf, offer_id: String(mine), year: String(YEAR),
	    ...TV1, ...extra };
}

function post(c, body) {
	return c.request('POST', '/regnskab/indberet', { form: body });
}

async function page(c, p, status = 200) {
	const r = await c.get(p);
	assert.equal(r.status, status, `GET ${p}: ${r.status}\n` +
	    r.text.slice(0, 600));
	assert.match(r.headers.get('content-type'), /^text\/html; charset=utf-8/);
	return r.text;
}

/* The text of the element with id in html (tags removed). */
function byId(html, id) {
	const m = new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</(dd|strong|span)>`)
	    .exec(html);
	assert.ok(m, `no element #${id}`);
	return m[1].replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ')
	    .replace(/\u00a0/g, ' ');
}

/* The error message shown next to field name. */
function fieldError(html, name) {
	const m = new RegExp(`<span class="form-error-message" ` +
	    `id="${name}-error"><span class="sr-only">Fejl: </span>` +
	    '([^<]*)</span>').exec(html);
	assert.ok(m, `no error next to ${name}:\n${html.slice(0, 3000)}`);
	assertDanish(m[1], `error of ${name}`);
	return m[1];
}

async function stored(c) {
	return (await c.getJson(`/api/v1/accounts?offer=${mine}`)).accounts;
}

before(async () => {
	srv = await startServer();
	anon = srv.client();
	admin = await srv.login('admin');
	op851 = await srv.login('op851');
	op1081 = await srv.login('op1081');
	reader = await srv.login('reader');
	mine = (await anon.getJson('/api/v1/offers?operator=851&limit=1'))
	    .offers[0].id;
	theirs = (await anon.getJson('/api/v1/offers?operator=1081&limit=1'))
	    .offers[0].id;
});
after(async () => { await srv?.stop(); });

describe('accounts pages', () => {
	test('only operators and the secretariat; links in the menu', async () => {
		let r = await anon.get('/regnskab');
		assert.ok(r.status === 303 || r.status === 401, `${r.status}`);
		r = await reader.get('/regnskab');
		assert.equal(r.status, 403);
		r = await reader.get('/regnskab/hensaettelser');
		assert.equal(r.status, 403);
		const html = await page(op851, '/takster');
		assert.match(html, /href="\/regnskab"/);
		await page(admin, '/regnskab');
	});

	test('the form lists only the operator\'s own offers', async () => {
		const html = await page(op851, '/regnskab/indberet');
		assert.match(html, new RegExp(`<option value="${mine}"`));
		assert.doesNotMatch(html, new RegExp(`<option value="${theirs}"`));
		assert.match(html, /name="csrf_token"/);
		assert.doesNotMatch(html, /<script(?![^>]*\ssrc="\/static\/)/i,
		    'no inline script');
	});

	test('bad input: 400, Danish message next to the field, values kept, '
	    + 'nothing stored', async () => {
		let r = await post(op851, form({ revenue: '8.418.000,5x' }));
		assert.equal(r.status, 400);
		fieldError(r.text, 'revenue');
		assert.match(r.text, /value="8\.418\.000,5x"/);
		assert.match(r.text, /value="7648000"/);
		assert.match(r.text, /aria-invalid="true"/);

		r = await post(op851, form({ setaside: '500.000' }));
		assert.equal(r.status, 400);
		assert.match(fieldError(r.text, 'setaside'), /loftet/);

		r = await post(op851, form({ occupied_days: '', available_days:
		    '3650' }));
		assert.equal(r.status, 400);
		fieldError(r.text, 'occupied_days');

		r = await post(op851, form({ year: '20x3' }));
		assert.equal(r.status, 400);
		fieldError(r.text, 'year');

		r = await post(op851, form({ costs: '' }));
		assert.equal(r.status, 400);
		fieldError(r.text, 'costs');

		r = await post(op851, form({ offer_id: '999999' }));
		assert.equal(r.status, 400);
		fieldError(r.text, 'offer_id');

		assert.equal((await stored(admin)).length, 0);
	});

	test('without the CSRF token: 403, nothing stored', async () => {
		const body = form();
		delete body.csrf_token;
		const r = await op851.request('POST', '/regnskab/indberet',
		    { form: body, csrf: false });
		assert.equal(r.status, 403);
		assert.equal((await stored(admin)).length, 0);
	});

	test('another operator\'s offer: 403, nothing stored or shown',
	    async () => {
		let r = await post(op1081, form({}, op1081));
		assert.equal(r.status, 403);
		assertDanish(r.text.replace(/<[^>]+>/g, ' '));
		assert.equal((await stored(admin)).length, 0);
		r = await op1081.get(`/regnskab/indberet?tilbud=${mine}`);
		assert.equal(r.status, 403);
	});

	test('TV-1 reported through the form: result, set-aside, tariff year',
	    async () => {
		const r = await post(op851, form());
		assert.equal(r.status, 303, r.text.slice(0, 800));
		const loc = r.headers.get('location');
		assert.equal(loc, `/regnskab/${mine}/${YEAR}?besked=gemt`);
		const html = await page(op851, loc);
		assert.match(byId(html, 'resultat'), /^Overskud: 770\.000,00 kr\.$/);
		assert.match(byId(html, 'hensaettelse'),
		    /^400\.000,00 kr\. – kan bruges til og med 2038$/);
		assert.match(html, new RegExp(`Indgår i taksten for ${YEAR + 2}`));
		assert.match(byId(html, 'til-takst'), /^-370\.000,00 kr\./);
		assert.match(html, /96 %/);

		const a = await stored(admin);
		assert.equal(a.length, 1);
		assert.equal(a[0].result_ore, 77000000);
		assert.equal(a[0].setaside_ore, 40000000);
		assert.equal(a[0].to_tariff_ore, -37000000);
		assert.equal(a[0].tariff_year, YEAR + 2);
		assert.equal(a[0].occupied_days, 3504);
	});

	test('another operator cannot see the result or the ledger', async () => {
		let r = await op1081.get(`/regnskab/${mine}/${YEAR}`);
		assert.equal(r.status, 403);
		r = await op1081.get('/regnskab/hensaettelser?driftsherre=851');
		assert.equal(r.status, 403);
		const list = await page(op1081, '/regnskab');
		assert.doesNotMatch(list, new RegExp(`/regnskab/${mine}/`));
		const own = await page(op1081, '/regnskab/hensaettelser');
		assert.match(byId(own, 'balance'), /^0,00 kr\.$/);
	});

	test('the set-aside ledger shows the deposit, its expiry and balance',
	    async () => {
		const html = await page(op851,
		    `/regnskab/hensaettelser?aar=${YEAR}`);
		assert.match(byId(html, 'balance'), /^400\.000,00 kr\.$/);
		assert.match(html, /skal bruges senest i 2038/);
		assert.match(html, />Hensat<\/td>/);
		const adm = await page(admin,
		    `/regnskab/hensaettelser?driftsherre=851&aar=${YEAR + 6}`);
		assert.match(byId(adm, 'balance'), /^0,00 kr\.$/);
		assert.match(adm, /Udløbet/);
		const list = await page(admin, `/regnskab?aar=${YEAR}`);
		assert.match(list, new RegExp(`/regnskab/${mine}/${YEAR}`));
	});

	test('reporting again replaces the report; the form is pre-filled',
	    async () => {
		let html = await page(op851,
		    `/regnskab/indberet?tilbud=${mine}&aar=${YEAR}`);
		assert.match(html, /name="revenue"[^>]*value="8\.418\.000"/);
		const r = await post(op851, form({ setaside: '100.000' }));
		assert.equal(r.status, 303, r.text.slice(0, 800));
		html = await page(op851, `/regnskab/${mine}/${YEAR}`);
		assert.match(byId(html, 'til-takst'), /^-670\.000,00 kr\./);
		const a = await stored(admin);
		assert.equal(a.length, 1);
		assert.equal(a[0].version, 2);
		/* Back to the maximum for the rest of the test. */
		assert.equal((await post(op851, form())).status, 303);
	});

	test('the carry-over pre-fills the round two years later', async () => {
		const day = (d) => new Date(Date.now() + d * 86400000)
		    .toISOString().slice(0, 10);
		const open = async (year) => {
			const r = await admin.post('/api/v1/rounds', { year, no: 1,
			    title: `Takster ${year}`, opens_on: day(-1),
			    deadline: day(30) });
			assert.equal(r.status, 201, r.text);
			return r.json.id;
		};
		const subOf = async (round) => (await op851.getJson(
		    `/api/v1/rounds/${round}/submissions`)).submissions
		    .find((s) => s.offer_id === mine);
		/* A round the year before, with one line for the offer. */
		const r1 = await open(YEAR + 1);
		const s1 = await subOf(r1);
		const cur = await op851.getJson(`/api/v1/submissions/${s1.id}`);
		const p = await op851.patch(`/api/v1/submissions/${s1.id}`, {
			lines: [{ paragraph: 'SEL § 107', unit: 'day', places: 10,
			    occupancy_pct: 96, costs_ore: { wages: 650000000,
			    property: 67500000, other: 82500000 } }] },
		    { headers: { 'if-match': `"${cur.version}"` } });
		assert.equal(p.status, 200, p.text);
		/* The tariff year of the accounts: pre-filled from it. */
		const r2 = await open(YEAR + 2);
		const s2 = await op851.getJson(
		    `/api/v1/submissions/${(await subOf(r2)).id}`);
		assert.equal(s2.expected_carry_over_ore, -37000000);
		assert.equal(s2.lines.length, 1);
		assert.equal(s2.lines[0].carry_over_ore, -37000000);
		const html = await page(op851, `/indberetning/${s2.id}/linje/1`);
		assert.match(html, /name="carry_over"[^>]*value="-370\.000"/);
	});
});
