/*
 * Min konto: one's own password change (the current password checked,
 * the policy applied, one's other sessions ended, this one kept), the
 * sessions open in one's name, and "Log ud alle steder" through its
 * confirmation.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, postForm, startServer } from './harness.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv?.stop(); });

const NEW = 'Blaa-Cykel-Moelle-41';

async function addUser(username) {
	const admin = await srv.login('admin');
	const r = await admin.post('/api/v1/users', { username,
	    display_name: 'Karen Jensen', role: 'reader', password: PASSWORD });
	assert.equal(r.status, 201, r.text);
}

describe('Min konto', () => {
	test('anonymous: to the login page', async () => {
		const r = await srv.client().get('/konto');
		assert.equal(r.status, 303);
		assert.match(r.headers.get('location'), /^\/login\?next=%2Fkonto/);
	});

	test('the page names the user and its sessions', async () => {
		await addUser('karen');
		const a = await srv.login('karen');
		await srv.login('karen');
		const r = await a.get('/konto');
		assert.equal(r.status, 200);
		assert.match(r.text, /<h1[^>]*>Min konto<\/h1>/);
		assert.match(r.text, /Karen Jensen/);
		assert.match(r.text, /Læser/);
		assert.equal((r.text.match(/<tr/g) || []).length - 1, 2,
		    'two sessions');
		assert.equal((r.text.match(/Denne browser/g) || []).length, 1);
		assert.match(r.text, /href="\/konto\/adgangskode"/);
	});

	test('a wrong current password, a weak or a mismatched new one: '
	    + 'nothing changes', async () => {
		const a = await srv.login('karen');
		const cases = [
			[{ current_password: 'forkert-forkert-1',
			    password: NEW, password_again: NEW },
			    /nuværende adgangskode er forkert/],
			[{ current_password: PASSWORD, password: 'password12',
			    password_again: 'password12' }, /let at gætte/],
			[{ current_password: PASSWORD, password: 'Karen-Jensen-99',
			    password_again: 'Karen-Jensen-99' },
			    /brugernavn eller dit navn/],
			[{ current_password: PASSWORD, password: NEW,
			    password_again: NEW + 'x' }, /samme nye adgangskode/],
			[{ current_password: PASSWORD, password: PASSWORD,
			    password_again: PASSWORD }, /en anden end den nuværende/],
		];
		for (const [fields, msg] of cases) {
			const r = await postForm(a, '/konto/adgangskode', fields);
			assert.equal(r.status, 400, r.text.slice(0, 300));
			assert.match(r.text, msg);
			assert.match(r.text, /Der er fejl/);
			assert.ok(!r.text.includes(fields.password),
			    'no password written back into the page');
		}
		/* The old password still works. */
		await srv.login('karen');
	});

	test('a change ends the other sessions and keeps this one',
	    async () => {
		const a = await srv.login('karen');
		const b = await srv.login('karen');
		const r = await postForm(a, '/konto/adgangskode', {
			current_password: PASSWORD, password: NEW,
			password_again: NEW });
		assert.equal(r.status, 303, r.text.slice(0, 300));
		assert.equal(r.headers.get('location'),
		    '/konto?besked=adgangskode');
		const page = await a.get('/konto?besked=adgangskode');
		assert.equal(page.status, 200);
		assert.match(page.text, /Din adgangskode er skiftet/);
		assert.equal((await b.get('/api/v1/session')).status, 401);
		const old = await srv.client().post('/api/v1/session',
		    { username: 'karen', password: PASSWORD });
		assert.equal(old.status, 401);
		await srv.login('karen', NEW);
	});

	test('log out everywhere: confirmation first, then every session',
	    async () => {
		const a = await srv.login('karen', NEW);
		const b = await srv.login('karen', NEW);
		const ask = await postForm(a, '/konto/log-ud-alle-steder', {});
		assert.equal(ask.status, 200);
		assert.match(ask.text, /Vil du logge ud alle steder\?/);
		assert.equal((await a.get('/api/v1/session')).status, 200,
		    'nothing ended before confirming');
		const r = await postForm(a, '/konto/log-ud-alle-steder',
		    { confirm: '1' });
		assert.equal(r.status, 303);
		assert.equal(r.headers.get('location'), '/login');
		assert.equal((await a.get('/api/v1/session')).status, 401);
		assert.equal((await b.get('/api/v1/session')).status, 401);
	});
});
