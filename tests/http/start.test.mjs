/*
 * The front page over HTTP: anonymous users get the public front page;
 * a logged-in user gets a personal start page with the open tasks of
 * the role (an operator's accounts not reported, the secretariat's
 * reviews and overdue follow-ups, news and meetings for municipalities
 * and readers, and the steps of the annual cycle the organisation acts
 * on), or "Du har ingen åbne opgaver". And the confirmation
 * steps of the user administration: deactivating a user and resetting
 * a password say what will happen and change nothing until confirmed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, newOffer, postForm, startServer } from './harness.mjs';

let srv, anon, admin, op851, reader, authority;

async function page(c, p) {
	const r = await c.get(p);
	assert.equal(r.status, 200, `GET ${p}: ${r.status}`);
	assert.equal((r.text.match(/<h1[\s>]/g) || []).length, 1, 'one h1');
	return r.text;
}

before(async () => {
	srv = await startServer();
	anon = srv.client();
	admin = await srv.login('admin');
	op851 = await srv.login('op851');
	reader = await srv.login('reader');
	authority = await srv.login('authority');
});
after(async () => { await srv?.stop(); });

describe('front page', () => {
	test('anonymous: the public front page with Log ind', async () => {
		const html = await page(anon, '/');
		assert.match(html, /<h1[^>]*>Rammeaftalen i Nordjylland<\/h1>/);
		assert.match(html, /class="card"/);
		assert.match(html, /href="\/login"[^>]*>Log ind</);
		assert.doesNotMatch(html, /Mine opgaver/);
	});

	test('operator: last year\'s accounts of its offers, each a card with '
	    + 'a link to the form', async () => {
		const r = await op851.request('POST', '/api/v1/offers',
		    { json: newOffer('851') });
		assert.equal(r.status, 201, r.text);
		const html = await page(op851, '/');
		assert.match(html, /<h2>Mine opgaver<\/h2>/);
		assert.match(html, /Du har \d+ åbne? opgaver?/);
		const m = /href="\/regnskab\/indberet\?tilbud=(\d+)&amp;aar=(\d{4})"/
		    .exec(html);
		assert.ok(m, 'a link to report the accounts');
		assert.equal(Number(m[2]), new Date().getUTCFullYear() - 1);
		const o = await anon.getJson(`/api/v1/offers/${m[1]}`);
		assert.equal(o.operator_code, '851');
		assert.match(html, /Ikke indberettet/);
		assert.match(html, /class="card ramme-task/);
	});

	test('operator: a reported year is no longer a task', async () => {
		const before = await page(op851, '/');
		const m = /\/regnskab\/indberet\?tilbud=(\d+)&amp;aar=(\d{4})/
		    .exec(before);
		const r = await postForm(op851, '/regnskab/indberet', {
		    offer_id: m[1], year: m[2], tariff_base: '8.000.000',
		    revenue: '8.000.000', costs: '8.000.000', setaside: '',
		    deficit_covered: '', occupied_days: '', available_days: '' });
		assert.equal(r.status, 303, r.text.slice(0, 2000));
		const after = await page(op851, '/');
		assert.ok(!after.includes(m[0]), 'the task is gone');
	});

	test('secretariat: its tasks or the empty state', async () => {
		const html = await page(admin, '/');
		assert.match(html, /<h2>Mine opgaver<\/h2>/);
		assert.ok(/Du har ingen åbne opgaver/.test(html) ||
		    /Du har \d+ åbne? opgaver?/.test(html));
		assert.doesNotMatch(html, /Nyt og kommende møder/);
	});

	test('reader: no tasks; municipality: only steps of the annual cycle; '
	    + 'the newest Takstoversigt', async () => {
		for (const c of [reader, authority]) {
			const html = await page(c, '/');
			if (c === reader)
				assert.match(html, /Du har ingen åbne opgaver/);
			else
				/* Its steps of the årshjul, if any are due
				   (tests/http/cycle.test.mjs checks which). */
				assert.doesNotMatch(html.replace(
				    /card-subheading">Årshjul</g, ''),
				    /card-subheading">(?!Nyt|Kommende)/);
			/* The test database has no published round. */
			assert.match(html, /Der er ingen kommende møder eller nye /);
		}
	});
});

describe('confirmation steps of the user administration', () => {
	async function user(name) {
		const list = await admin.getJson('/api/v1/users');
		const users = list.users ?? list;
		return users.find((u) => u.username === name);
	}

	async function editForm(u) {
		const html = await page(admin, `/brugere/${u.id}`);
		const version = /name="version" value="(\d+)"/.exec(html)[1];
		return { version, display_name: u.display_name ?? u.username,
		    role: u.role, org_code: u.org_code ?? '' };
	}

	test('the user list shows organisation names and state badges',
	    async () => {
		const html = await page(admin, '/brugere');
		assert.match(html, /data-title="Organisation">Aalborg<\/td>/);
		assert.match(html, /class="badge[^"]*"[^>]*>Aktiv</);
	});

	test('deactivating asks first and says what will happen', async () => {
		const u = await user('reader');
		const fields = await editForm(u);
		let r = await postForm(admin, `/brugere/${u.id}`, fields);
		assert.equal(r.status, 200);
		assert.match(r.text, /Vil du deaktivere brugeren\?/);
		assert.match(r.text, /logges ud alle steder/);
		assert.match(r.text, /name="confirm" value="1"/);
		assert.match(r.text, />Fortryd</);
		assert.equal((await user('reader')).active, true, 'not yet');
		assert.equal((await reader.get('/')).status, 200);
		r = await postForm(admin, `/brugere/${u.id}`,
		    { ...fields, confirm: '1' });
		assert.equal(r.status, 303);
		assert.equal((await user('reader')).active, false);
	});

	test('a new password works at once and is never written into a page',
	    async () => {
		const u = await user('authority');
		const fields = { ...(await editForm(u)), active: '1',
		    password: 'ny-adgangskode-123' };
		await srv.login('authority');	/* the old one still works */
		let r = await postForm(admin, `/brugere/${u.id}`, fields);
		assert.equal(r.status, 303);
		await assert.rejects(srv.login('authority', PASSWORD));
		await srv.login('authority', 'ny-adgangskode-123');
		/* Deactivating with a password typed: the confirmation page
		 * says the password is not kept, and does not carry it. */
		r = await postForm(admin, `/brugere/${u.id}`,
		    { ...(await editForm(await user('authority'))),
		    password: 'endnu-en-adgangskode-456' });
		assert.equal(r.status, 200);
		assert.match(r.text, /Vil du deaktivere brugeren\?/);
		assert.match(r.text, /Den nye adgangskode gemmes ikke/);
		assert.doesNotMatch(r.text, /endnu-en-adgangskode-456/);
		assert.doesNotMatch(r.text, /name="password"/);
		assert.equal((await user('authority')).active, true, 'not yet');
	});

});
