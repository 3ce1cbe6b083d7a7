/*
 * The second login factor (TOTP, RFC 6238) over HTTP: enrolment from
 * Min konto, the code step of a login, the rate limits on it, no
 * replay of a code, recovery codes that work once, the admins' required
 * enrolment (agreement parameter totp_required_admin), turning it off,
 * the CLI's enrol and reset, and their audit rows.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
	assertApiError,
	PASSWORD,
	postForm,
	ramme,
	sql as harnessSql,
	startServer,
	totp,
} from './harness.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

/* Known keys for the CLI enrolments. */
const KEY = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

function sql(q) {
	return harnessSql(srv.db, q).trim();
}

function audits(action) {
	return Number(sql(`SELECT count(*) FROM audit WHERE action = '${action}'`));
}

function addUser(name, role = 'reader', org) {
	ramme(['user', 'add', name, '--role', role, ...(org ? ['--org', org] : []),
	    '--password-stdin', '--db', srv.db], { input: PASSWORD + '\n',
	    ok: true });
}

function csrfField(html) {
	const m = /name="csrf_token" value="([^"]+)"/.exec(html);
	assert.ok(m, 'no csrf_token field on the page');
	return m[1];
}

/* Password step through the login form: the redirect to /login/kode. */
async function passwordStep(name, next = '/tilbud') {
	const c = srv.client();
	const f = await c.get('/login');
	const r = await c.request('POST', '/login', { form: {
	    csrf_token: csrfField(f.text), username: name, password: PASSWORD,
	    next } });
	return { c, r, csrf: csrfField(f.text) };
}

async function codeStep(c, csrf, code, next = '/tilbud') {
	return c.request('POST', '/login/kode', { form: { csrf_token: csrf,
	    code, next } });
}

/* The step of the next code, so a test never reuses the step used. */
async function nextStep() {
	const left = 30 - (Date.now() / 1000) % 30;
	await new Promise((ok) => setTimeout(ok, left * 1000 + 100));
}

describe('enrolment from Min konto', () => {
	test('key as text, QR code and URI; confirm; recovery codes once', async () => {
		addUser('tf.enrol');
		const c = await srv.login('tf.enrol');
		const p = await c.get('/konto/to-trins');
		assert.equal(p.status, 200);
		const m = /otpauth:\/\/totp\/Rammeaftaler:tf\.enrol\?secret=([A-Z2-7]+)&amp;issuer=Rammeaftaler&amp;algorithm=SHA1&amp;digits=6&amp;period=30/.exec(p.text);
		assert.ok(m, 'no otpauth URI on the page');
		const secret = m[1];
		assert.equal(secret.length, 32);
		assert.ok(p.text.includes(secret.match(/.{4}/g).join(' ')),
		    'the key is shown in groups of four');
		assert.match(p.text, /<svg[^>]*role="img"[^>]*class="ramme-qr"/);
		/* Reloading shows the same key until it is confirmed. */
		assert.ok((await c.get('/konto/to-trins')).text.includes(secret));
		/* A wrong code is refused and nothing is enabled. */
		const bad = await postForm(c, '/konto/to-trins', { code: '000000' ===
		    totp(secret) ? '111111' : '000000' });
		assert.equal(bad.status, 400);
		assert.match(bad.text, /Koden passer ikke/);
		const before = audits('totp_enrol');
		const ok = await postForm(c, '/konto/to-trins', { code: totp(secret) });
		assert.equal(ok.status, 200, ok.text.slice(0, 400));
		const codes = [...ok.text.matchAll(/<li><code>([0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4})<\/code><\/li>/g)]
		    .map((x) => x[1]);
		assert.equal(codes.length, 10);
		assert.match(ok.text, /download="gendannelseskoder.txt"/);
		assert.equal(audits('totp_enrol'), before + 1);
		/* Never shown again: the page now says it is on. */
		const after = await c.get('/konto/to-trins');
		assert.ok(!after.text.includes(secret));
		assert.match(after.text, /Slået til/);
		assert.match(after.text, /10 af 10/);
		/* The codes are stored as hashes only. */
		assert.equal(sql("SELECT count(*) FROM user_recovery_code r JOIN " +
		    "app_user u ON u.id = r.user_id WHERE u.username = 'tf.enrol' " +
		    "AND length(r.code_hash) = 32"), '10');
	});
});

describe('login with a second factor', () => {
	test('password then code; no session before the code', async () => {
		addUser('tf.login');
		ramme(['user', 'totp', 'tf.login', '--secret', KEY, '--db', srv.db],
		    { ok: true });
		const { c, r, csrf } = await passwordStep('tf.login');
		assert.equal(r.status, 303);
		assert.equal(r.headers.get('location'), '/login/kode?next=%2Ftilbud');
		const pend = r.cookies.find((x) => x.name === 'ramme_2fa');
		assert.ok(pend, 'no half-logged-in cookie');
		assert.equal(pend.attrs['samesite'], 'Strict');
		assert.ok(pend.attrs['httponly']);
		assert.equal(pend.attrs['max-age'], '300');
		assert.ok(!r.cookies.find((x) => x.name === 'ramme_session'),
		    'a session before the code');
		assertApiError(await c.get('/api/v1/session'), 401, 'login_required');
		const form = await c.get('/login/kode?next=%2Ftilbud');
		assert.equal(form.status, 200);
		assert.match(form.text, /autocomplete="one-time-code"/);
		const done = await codeStep(c, csrf, totp(KEY));
		assert.equal(done.status, 303, done.text.slice(0, 300));
		assert.equal(done.headers.get('location'), '/tilbud');
		assert.ok(done.cookies.find((x) => x.name === 'ramme_session'));
		const s = await c.getJson('/api/v1/session');
		assert.equal(s.user.username, 'tf.login');
		/* The same code again, in another login: refused (no replay). */
		const again = await passwordStep('tf.login');
		const replay = await codeStep(again.c, again.csrf, totp(KEY));
		assert.equal(replay.status, 401);
		assert.match(replay.text, /forkert eller allerede brugt/);
	});

	test('the code step without the cookie, or with a forged one', async () => {
		const c = srv.client();
		const f = await c.get('/login/kode');
		assert.equal(f.status, 303);
		assert.equal(f.headers.get('location'), '/login');
		const l = await c.get('/login');
		const r = await c.request('POST', '/login/kode', { form: {
		    csrf_token: csrfField(l.text), code: '123456' },
		    headers: { cookie: `ramme_csrf=${c.jar.get('ramme_csrf')}; ` +
		    'ramme_2fa=AAAAAAAAAAEAAAAAf____wAAAAAAAAAAAAAAAAAAAAA' } });
		assert.equal(r.status, 401);
		assert.match(r.text, /Log ind igen/);
	});

	test('wrong codes count against the login limits', async () => {
		addUser('tf.limit');
		ramme(['user', 'totp', 'tf.limit', '--secret', KEY, '--db', srv.db],
		    { ok: true });
		const { c, csrf } = await passwordStep('tf.limit');
		const wrong = totp(KEY) === '000000' ? '111111' : '000000';
		for (let i = 0; i < 5; i++) {
			const r = await codeStep(c, csrf, wrong);
			assert.equal(r.status, 401, `attempt ${i + 1}`);
		}
		const locked = await codeStep(c, csrf, totp(KEY));
		assert.equal(locked.status, 429);
		assert.match(locked.text, /For mange mislykkede forsøg/);
	});

	test('a recovery code works once', async () => {
		addUser('tf.recover');
		const out = ramme(['user', 'totp', 'tf.recover', '--secret', KEY,
		    '--db', srv.db], { ok: true }).stdout;
		const codes = out.split('\n').filter((l) => /^[0-9a-z]{4}-/.test(l));
		assert.equal(codes.length, 10);
		const one = await passwordStep('tf.recover');
		const r = await codeStep(one.c, one.csrf, codes[3].toUpperCase());
		assert.equal(r.status, 303, r.text.slice(0, 300));
		assert.equal(sql("SELECT after_json FROM audit WHERE action = 'login' " +
		    "AND username = 'tf.recover' ORDER BY id DESC LIMIT 1"),
		    '{"ip":"127.0.0.1","recovery":true}');
		const two = await passwordStep('tf.recover');
		const r2 = await codeStep(two.c, two.csrf, codes[3]);
		assert.equal(r2.status, 401);
		const k = await (await srv.login('admin')).get('/');
		assert.equal(k.status, 200);
	});

	test('the JSON API takes the code in the same request', async () => {
		addUser('tf.api');
		ramme(['user', 'totp', 'tf.api', '--secret', KEY, '--db', srv.db],
		    { ok: true });
		const c = srv.client();
		assertApiError(await c.post('/api/v1/session', { username: 'tf.api',
		    password: PASSWORD }), 401, 'code_required', { field: 'code' });
		assertApiError(await c.post('/api/v1/session', { username: 'tf.api',
		    password: PASSWORD, code: '12' }), 401, 'wrong_code');
		const r = await c.post('/api/v1/session', { username: 'tf.api',
		    password: PASSWORD, code: totp(KEY) });
		assert.equal(r.status, 200, r.text);
		assert.equal(r.json.user.username, 'tf.api');
	});
});

describe('admins must enrol while totp_required_admin is on', () => {
	test('sent to enrol, refused elsewhere; enrol; reset by the CLI', async () => {
		const year = new Date().getUTCFullYear();
		const admin = await srv.login('admin');
		const put = await admin.request('PUT',
		    `/api/v1/params/${year}/totp_required_admin`,
		    { json: { value: 1, reason: 'Drift' } });
		assert.equal(put.status, 200, put.text);
		addUser('tf.admin', 'admin');
		const c = await srv.login('tf.admin');
		const page = await c.get('/tilbud');
		assert.equal(page.status, 303);
		assert.equal(page.headers.get('location'), '/konto/to-trins');
		assertApiError(await c.post('/api/v1/offers', { name: 'X' }), 403,
		    'totp_enrol_required');
		const p = await c.get('/konto/to-trins');
		assert.equal(p.status, 200);
		assert.match(p.text, /skal bruge to-trins-bekræftelse/);
		const secret = /secret=([A-Z2-7]+)/.exec(p.text)[1];
		const ok = await postForm(c, '/konto/to-trins', { code: totp(secret) });
		assert.equal(ok.status, 200);
		assert.equal((await c.get('/tilbud')).status, 200);
		/* Required: it cannot be turned off. */
		const st = await c.get('/konto/to-trins');
		assert.match(st.text, /kan ikke slås fra/);
		/* Every admin without it is held, the demo's too. */
		assert.equal((await admin.get('/tilbud')).status, 303);
		/* An enrolled admin turns the requirement off again. */
		const back = await c.request('PUT',
		    `/api/v1/params/${year}/totp_required_admin`,
		    { json: { value: 0, reason: 'Demodata' } });
		assert.equal(back.status, 200, back.text);
		assert.equal((await admin.get('/tilbud')).status, 200);
		/* A lost phone: the secretariat resets it (audited). */
		const before = audits('totp_reset');
		ramme(['user', 'totp-reset', 'tf.admin', '--db', srv.db], { ok: true });
		assert.equal(audits('totp_reset'), before + 1);
		const again = srv.client();
		const r = await again.post('/api/v1/session', { username: 'tf.admin',
		    password: PASSWORD });
		assert.equal(r.status, 200, 'the password alone after a reset');
		const no = ramme(['user', 'totp-reset', 'tf.admin', '--db', srv.db]);
		assert.notEqual(no.status, 0);
	});
});

describe('turning it off', () => {
	test('confirm, then password and code', async () => {
		addUser('tf.off');
		ramme(['user', 'totp', 'tf.off', '--secret', KEY, '--db', srv.db],
		    { ok: true });
		await nextStep();
		const c = await (async () => {
			const cl = srv.client();
			const r = await cl.post('/api/v1/session', { username: 'tf.off',
			    password: PASSWORD, code: totp(KEY) });
			assert.equal(r.status, 200, r.text);
			cl.csrf = r.json.csrf_token;
			return cl;
		})();
		const conf = await postForm(c, '/konto/to-trins/slaa-fra', {});
		assert.equal(conf.status, 200);
		assert.match(conf.text, /Vil du slå to-trins-bekræftelse fra\?/);
		const form = await postForm(c, '/konto/to-trins/slaa-fra',
		    { confirm: '1' });
		assert.match(form.text, /name="password"/);
		const badpw = await postForm(c, '/konto/to-trins/slaa-fra',
		    { confirm: '1', step: 'credentials', password: 'forkert-forkert',
		    code: totp(KEY) });
		assert.equal(badpw.status, 400);
		assert.match(badpw.text, /Adgangskoden er forkert/);
		await nextStep();
		const before = audits('totp_disable');
		const done = await postForm(c, '/konto/to-trins/slaa-fra',
		    { confirm: '1', step: 'credentials', password: PASSWORD,
		    code: totp(KEY) });
		assert.equal(done.status, 303, done.text.slice(0, 400));
		assert.equal(done.headers.get('location'),
		    '/konto/to-trins?besked=slaaet-fra');
		assert.equal(audits('totp_disable'), before + 1);
		/* The next login is with the password alone. */
		await srv.login('tf.off');
	});
});

describe('the secretariat resets a second factor from the web', () => {
	test('a button on the user\'s page, confirmed, audited, admins only',
	    async () => {
		addUser('tf.lost');
		ramme(['user', 'totp', 'tf.lost', '--secret', KEY, '--db', srv.db],
		    { ok: true });
		const id = Number(sql(
		    "SELECT id FROM app_user WHERE username = 'tf.lost'"));
		const url = `/brugere/${id}/to-trins/nulstil`;
		const on = () => Number(sql(
		    `SELECT count(*) FROM user_totp WHERE user_id = ${id}`));
		assert.equal(on(), 1);
		const admin = await srv.login('admin');
		const page = await admin.get(`/brugere/${id}`);
		assert.equal(page.status, 200);
		assert.match(page.text, /<h2>To-trins-bekræftelse<\/h2>/);
		assert.match(page.text, new RegExp(`action="${url}"`));
		assert.match(page.text, />Nulstil to-trins</);

		/* Only the secretariat's admins: nothing changes for others. */
		const before = audits('totp_reset');
		for (const name of ['op851', 'authority', 'reader']) {
			const c = await srv.login(name);
			const r = await postForm(c, url, { confirm: '1' });
			assert.equal(r.status, 403, `${name}: ${r.status}`);
			assert.equal((await c.get(`/brugere/${id}`)).status, 403);
		}
		assert.equal(on(), 1);
		assert.equal(audits('totp_reset'), before);

		/* First the confirmation, which changes nothing. */
		const conf = await postForm(admin, url, {});
		assert.equal(conf.status, 200);
		assert.match(conf.text,
		    /Vil du nulstille to-trins-bekræftelsen\?/);
		assert.match(conf.text, /name="confirm" value="1"/);
		assert.match(conf.text, /Fortryd/);
		assert.equal(on(), 1);

		const done = await postForm(admin, url, { confirm: '1' });
		assert.equal(done.status, 303, done.text.slice(0, 400));
		assert.equal(done.headers.get('location'),
		    `/brugere/${id}?besked=to-trins-nulstillet`);
		assert.equal(on(), 0);
		assert.equal(audits('totp_reset'), before + 1);
		assert.equal(sql("SELECT username || ' ' || entity_id FROM audit " +
		    "WHERE action = 'totp_reset' ORDER BY id DESC LIMIT 1"),
		    `admin ${id}`);
		const after = await admin.get(done.headers.get('location'));
		assert.match(after.text, /To-trins-bekræftelsen er nulstillet/);
		assert.match(after.text, /adgangskoden alene/);
		assert.doesNotMatch(after.text, />Nulstil to-trins</);

		/* The next login is with the password alone. */
		const c = srv.client();
		const r = await c.post('/api/v1/session', { username: 'tf.lost',
		    password: PASSWORD });
		assert.equal(r.status, 200, r.text);

		/* Nothing left to reset: refused in Danish. */
		const again = await postForm(admin, url, { confirm: '1' });
		assert.equal(again.status, 409);
		assert.match(again.text, /tf\.lost har ikke to-trins-bekræftelse/);
		assert.equal(audits('totp_reset'), before + 1);
	});
});
