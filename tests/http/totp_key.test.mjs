/*
 * The TOTP secrets sealed at rest with the key file: the database never
 * holds the key shown at enrolment, a seal does not move to another
 * user, plain rows of an earlier version are sealed when a server
 * starts (once), and a wrong or unusable key file gives a clear error,
 * never a crash, and locks no user without a second factor out. After
 * the key is rotated (ramme user totp-rekey) a server still holding the
 * old key refuses codes and enrolments with 503, restarted with the new
 * key it logs the user in.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
	base32Decode,
	dropDb,
	makeDemoDb,
	ON_PG,
	PASSWORD,
	postForm,
	ramme,
	sql as harnessSql,
	startServer,
	tempDir,
	totp,
} from './harness.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

const KEY = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

function q(db, query) {
	return harnessSql(db, query).trim();
}

/* The stored secret of username as upper-case hex, and its flag. */
function stored(db, username) {
	const hex = ON_PG ? "upper(encode(t.secret, 'hex'))" : 'hex(t.secret)';
	const row = q(db, `SELECT ${hex} || '|' || t.sealed FROM user_totp t ` +
	    `JOIN app_user u ON u.id = t.user_id WHERE u.username = '${username}'`);
	const [secret, sealed] = row.split('|');
	return { secret, sealed: Number(sealed) };
}

function blobLiteral(hex) {
	return ON_PG ? `'\\x${hex}'::bytea` : `X'${hex}'`;
}

function addUser(db, name, role = 'reader') {
	ramme(['user', 'add', name, '--role', role, '--password-stdin',
	    '--db', db], { input: PASSWORD + '\n', ok: true });
}

function csrfField(html) {
	const m = /name="csrf_token" value="([^"]+)"/.exec(html);
	assert.ok(m, 'no csrf_token field on the page');
	return m[1];
}

/* The password step of the login form, then the code step. */
async function loginWithCode(s, name, code) {
	const c = s.client();
	const f = await c.get('/login');
	const csrf = csrfField(f.text);
	const r = await c.request('POST', '/login', { form: { csrf_token: csrf,
	    username: name, password: PASSWORD, next: '/tilbud' } });
	assert.equal(r.status, 303);
	assert.match(r.headers.get('location'), /^\/login\/kode/);
	return c.request('POST', '/login/kode', { form: { csrf_token: csrf,
	    code, next: '/tilbud' } });
}

/* A key file of 32 random bytes with the given mode, in dir. */
function keyFile(dir, name, { bytes = 32, mode = 0o600 } = {}) {
	const f = path.join(dir, name);
	fs.writeFileSync(f, crypto.randomBytes(bytes), { mode });
	fs.chmodSync(f, mode);
	return f;
}

describe('the secret is sealed at rest', () => {
	test('enrolment from Min konto stores no raw key; code and recovery work', async () => {
		addUser(srv.db, 'tk.web');
		const c = await srv.login('tk.web');
		const p = await c.get('/konto/to-trins');
		const secret = /secret=([A-Z2-7]+)/.exec(p.text)[1];
		const raw = base32Decode(secret).toString('hex').toUpperCase();
		const s = stored(srv.db, 'tk.web');
		assert.equal(s.sealed, 1);
		assert.ok(!s.secret.includes(raw), 'the raw key is in the database');
		/* version byte, 24-byte nonce, 20 bytes sealed, 16-byte tag */
		assert.equal(s.secret.length, 2 * (1 + 24 + 20 + 16));
		assert.equal(s.secret.slice(0, 2), '01');
		/* The same key is shown again until confirmed (opened, not kept). */
		assert.ok((await c.get('/konto/to-trins')).text.includes(secret));
		const ok = await postForm(c, '/konto/to-trins', { code: totp(secret) });
		assert.equal(ok.status, 200, ok.text.slice(0, 400));
		const codes = [...ok.text.matchAll(/<code>([0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4})<\/code>/g)]
		    .map((x) => x[1]);
		assert.equal(codes.length, 10);
		assert.ok(!stored(srv.db, 'tk.web').secret.includes(raw));
		/* A recovery code logs in; the TOTP code in a later step too. */
		const r = await loginWithCode(srv, 'tk.web', codes[0]);
		assert.equal(r.status, 303, r.text.slice(0, 300));
		assert.equal(r.headers.get('location'), '/tilbud');
		const left = 30 - (Date.now() / 1000) % 30;
		await new Promise((ok2) => setTimeout(ok2, left * 1000 + 100));
		const r2 = await loginWithCode(srv, 'tk.web', totp(secret));
		assert.equal(r2.status, 303, r2.text.slice(0, 300));
	});

	test('the CLI enrolment stores no raw key either', async () => {
		addUser(srv.db, 'tk.cli');
		ramme(['user', 'totp', 'tk.cli', '--secret', KEY, '--db', srv.db],
		    { ok: true });
		const s = stored(srv.db, 'tk.cli');
		assert.equal(s.sealed, 1);
		assert.ok(!s.secret.includes(base32Decode(KEY).toString('hex')
		    .toUpperCase()));
		const r = await loginWithCode(srv, 'tk.cli', totp(KEY));
		assert.equal(r.status, 303, r.text.slice(0, 300));
	});

	test('a seal copied to another user does not open', async () => {
		addUser(srv.db, 'tk.from');
		addUser(srv.db, 'tk.to');
		ramme(['user', 'totp', 'tk.from', '--secret', KEY, '--db', srv.db],
		    { ok: true });
		ramme(['user', 'totp', 'tk.to', '--secret',
		    'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', '--db', srv.db], { ok: true });
		q(srv.db, `UPDATE user_totp SET secret = (SELECT t.secret FROM ` +
		    `user_totp t JOIN app_user u ON u.id = t.user_id WHERE ` +
		    `u.username = 'tk.from') WHERE user_id = (SELECT id FROM ` +
		    `app_user WHERE username = 'tk.to')`);
		const r = await loginWithCode(srv, 'tk.to', totp(KEY));
		assert.equal(r.status, 503);
		assert.match(r.text, /--key-file/);
		assert.ok(!r.headers.get('set-cookie')?.includes('ramme_session='),
		    'a session from a moved seal');
	});
});

describe('an older database with plain secrets', () => {
	test('the first start seals them, once; their codes still work', async () => {
		const dir = tempDir();
		const db = makeDemoDb(dir, { demo: false, users: {} });
		addUser(db, 'tk.old');
		addUser(db, 'tk.old2');
		const raw = base32Decode(KEY).toString('hex').toUpperCase();
		/* As the version before the seal wrote them. */
		for (const name of ['tk.old', 'tk.old2'])
			q(db, `INSERT INTO user_totp (user_id, secret, enabled, ` +
			    `last_step, created_at, enabled_at, sealed) SELECT id, ` +
			    `${blobLiteral(raw)}, 1, 0, '2025-01-01T00:00:00Z', ` +
			    `'2025-01-01T00:00:00Z', 0 FROM app_user WHERE ` +
			    `username = '${name}'`);
		assert.equal(stored(db, 'tk.old').secret, raw);
		let s2;
		const s1 = await startServer({ db });
		try {
			assert.match(s1.stdout(), /2 secret\(s\) sealed/);
			const s = stored(db, 'tk.old');
			assert.equal(s.sealed, 1);
			assert.notEqual(s.secret, raw);
			assert.ok(!s.secret.includes(raw));
			assert.equal(q(db, 'SELECT count(*) FROM user_totp WHERE ' +
			    'sealed = 0'), '0');
			assert.equal(q(db, "SELECT count(*) FROM audit WHERE " +
			    "action = 'totp_seal'"), '2');
			const r = await loginWithCode(s1, 'tk.old', totp(KEY));
			assert.equal(r.status, 303, r.text.slice(0, 300));
			await s1.stop();
			/* Started again: nothing left to seal, nothing changed. */
			const before = stored(db, 'tk.old2').secret;
			s2 = await startServer({ db });
			assert.doesNotMatch(s2.stdout(), /sealed/);
			assert.equal(stored(db, 'tk.old2').secret, before);
			assert.equal(q(db, "SELECT count(*) FROM audit WHERE " +
			    "action = 'totp_seal'"), '2');
			const r2 = await loginWithCode(s2, 'tk.old2', totp(KEY));
			assert.equal(r2.status, 303, r2.text.slice(0, 300));
		} finally {
			await s1.stop();
			if (s2)
				await s2.stop();
			dropDb(dir);
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('a wrong or unusable key file', () => {
	test('not 32 bytes, or readable by others: serve refuses to start', () => {
		const dir = tempDir();
		try {
			const short = keyFile(dir, 'short.key', { bytes: 31 });
			let r = ramme(['serve', '--db', srv.db, '--port', '0',
			    '--key-file', short], { timeout: 20000 });
			assert.equal(r.status, 2, r.stderr);
			assert.match(r.stderr, /præcis 32 byte/);
			const open = keyFile(dir, 'open.key', { mode: 0o644 });
			r = ramme(['serve', '--db', srv.db, '--port', '0',
			    '--key-file', open], { timeout: 20000 });
			assert.equal(r.status, 2, r.stderr);
			assert.match(r.stderr, /chmod 600/);
			r = ramme(['user', 'totp', 'admin', '--secret', KEY,
			    '--key-file', path.join(dir, 'missing.key'),
			    '--db', srv.db], { timeout: 20000 });
			assert.equal(r.status, 2, r.stderr);
			assert.match(r.stderr, /missing\.key.*--key-file/);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	test('another key: clear error for codes, recovery codes and users without a factor still log in', async () => {
		addUser(srv.db, 'tk.wrong');
		addUser(srv.db, 'tk.plain');
		const out = ramme(['user', 'totp', 'tk.wrong', '--secret', KEY,
		    '--db', srv.db], { ok: true }).stdout;
		const codes = out.split('\n').filter((l) => /^[0-9a-z]{4}-/.test(l));
		const dir = tempDir();
		const other = await startServer({ db: srv.db,
		    args: ['--key-file', keyFile(dir, 'other.key')] });
		try {
			assert.match(other.stderr(), /second factor refused:.*--key-file/);
			/* No second factor: logs in as ever. */
			const c = await other.login('tk.plain');
			assert.equal((await c.get('/tilbud')).status, 200);
			/* A TOTP code: the key's error, not a crash. */
			const r = await loginWithCode(other, 'tk.wrong', totp(KEY));
			assert.equal(r.status, 503);
			assert.match(r.text, /nøglefil/);
			assert.match(r.text, /--key-file/);
			const api = await other.client().post('/api/v1/session', {
			    username: 'tk.wrong', password: PASSWORD, code: totp(KEY) });
			assert.equal(api.status, 503);
			assert.equal(api.json.error.code, 'totp_no_key');
			/* Enrolment is refused rather than sealed with this key. */
			const e = await c.get('/konto/to-trins');
			assert.equal(e.status, 200);
			assert.match(e.text, /ingen brugbar nøglefil.*--key-file/);
			assert.equal(q(srv.db, "SELECT count(*) FROM user_totp t JOIN " +
			    "app_user u ON u.id = t.user_id WHERE u.username = " +
			    "'tk.plain'"), '0');
			/* A recovery code needs no key. */
			const rc = await loginWithCode(other, 'tk.wrong', codes[0]);
			assert.equal(rc.status, 303, rc.text.slice(0, 300));
		} finally {
			await other.stop();
			fs.rmSync(dir, { recursive: true, force: true });
		}
		/* The right server still takes the code. */
		const ok = await loginWithCode(srv, 'tk.wrong', totp(KEY));
		assert.equal(ok.status, 303, ok.text.slice(0, 300));
	});

	test('without a usable key file the error says what to give', () => {
		addUser(srv.db, 'tk.nokey');
		/* PostgreSQL has no default key file: the error names
		 * --key-file. On SQLite the default lies beside the database,
		 * so a key file given that does not exist is the case. */
		const r = ramme(['user', 'totp', 'tk.nokey', '--secret', KEY,
		    '--db', srv.db, ...(ON_PG ? [] : ['--key-file',
		    path.join(srv.dir, 'none.key')])],
		    { env: { RAMME_KEY_FILE: '' } });
		assert.notEqual(r.status, 0);
		assert.match(r.stderr, ON_PG ? /--key-file/ : /none\.key/);
	});
});

describe('a rotated key', () => {
	test('the old key gets 503, running or restarted; the new key logs in', async () => {
		const dir = tempDir();
		const db = makeDemoDb(dir, { demo: false, users: {} });
		const oldKey = ON_PG ? process.env.RAMME_KEY_FILE : `${db}.key`;
		const newKey = path.join(dir, 'new.key');
		addUser(db, 'tk.rot');
		addUser(db, 'tk.later');
		const out = ramme(['user', 'totp', 'tk.rot', '--secret', KEY,
		    '--key-file', oldKey, '--db', db], { ok: true }).stdout;
		const codes = out.split('\n').filter((l) => /^[0-9a-z]{4}-/.test(l));
		const before = stored(db, 'tk.rot').secret;
		let s1, s2, s3;
		try {
			/* A server running with the key when it is rotated. */
			s1 = await startServer({ db, args: ['--key-file', oldKey] });
			const r0 = await loginWithCode(s1, 'tk.rot', codes[0]);
			assert.equal(r0.status, 303, r0.text.slice(0, 300));
			const rk = ramme(['user', 'totp-rekey', '--key-file', oldKey,
			    '--new-key-file', newKey, '--db', db], { ok: true });
			assert.match(rk.stdout, /1 secret\(s\) sealed again/);
			assert.notEqual(stored(db, 'tk.rot').secret, before);
			assert.equal(fs.statSync(newKey).mode & 0o777, 0o600);
			const r1 = await loginWithCode(s1, 'tk.rot', totp(KEY));
			assert.equal(r1.status, 503);
			assert.match(r1.text, /nøglefil/);
			assert.ok(!r1.headers.get('set-cookie')?.includes('ramme_session='),
			    'a session from the old key');
			/* Nor does it enrol anyone with the old key. */
			const c = await s1.login('tk.later');
			const e = await c.get('/konto/to-trins');
			assert.equal(e.status, 200);
			assert.match(e.text, /åbner ikke de gemte nøgler/);
			assert.equal(q(db, "SELECT count(*) FROM user_totp t JOIN " +
			    "app_user u ON u.id = t.user_id WHERE u.username = " +
			    "'tk.later'"), '0');
			await s1.stop();
			/* Restarted with the old key: refused, and logged. */
			s2 = await startServer({ db, args: ['--key-file', oldKey] });
			assert.match(s2.stderr(), /second factor refused/);
			const api = await s2.client().post('/api/v1/session', {
			    username: 'tk.rot', password: PASSWORD, code: totp(KEY) });
			assert.equal(api.status, 503);
			await s2.stop();
			/* Restarted with the new key: the same code logs in. */
			s3 = await startServer({ db, args: ['--key-file', newKey] });
			assert.doesNotMatch(s3.stderr(), /second factor refused/);
			const r3 = await loginWithCode(s3, 'tk.rot', totp(KEY));
			assert.equal(r3.status, 303, r3.text.slice(0, 300));
			assert.equal(r3.headers.get('location'), '/tilbud');
		} finally {
			for (const s of [s1, s2, s3])
				if (s)
					await s.stop();
			dropDb(dir);
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
