/*
 * harness — black-box helpers for the HTTP tests: a throw-away demo
 * database with a standard set of users, `ramme serve` on a free loopback
 * port, a small HTTP client with a cookie jar and the CSRF header, and
 * dbSnapshot() to prove that a refused request changed nothing.
 *
 * Only Node built-ins (node 18 or 20). The binary comes from $RAMME_BIN
 * (scripts/test-all sets it), else build/src/ramme.
 *
 *   const srv = await startServer();
 *   const admin = await srv.login('admin');
 *   const r = await admin.post('/api/v1/offers', { name: 'X' });
 *   ...
 *   await srv.stop();      // SIGTERM; asserts exit 0 and a clean stderr
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)),
    '..', '..');
export const BIN = process.env.RAMME_BIN ||
    path.join(ROOT, 'build', 'src', 'ramme');
export const PASSWORD = 'Hest-Kaffe-Tarn-27';

/* The users every test server has: name → [role, org]. */
export const USERS = {
	admin: ['admin', null],
	op851: ['operator', '851'],
	op1081: ['operator', '1081'],
	reader: ['reader', null],
	authority: ['authority', '810'],
};

/*
 * A missing tool or input (pdftotext, Chromium, the OParl schemas) fails
 * the test that needs it, with a message naming it. A developer may set
 * RAMME_TEST_ALLOW_MISSING=1 to skip such tests instead; never under
 * CI=true. See docs/testing.md.
 */
export function allowMissing() {
	return process.env.RAMME_TEST_ALLOW_MISSING === '1' &&
	    process.env.CI !== 'true';
}

const missingReported = new Set();

/*
 * The skip option of a suite or test that needs `what`: false when
 * present is true. Otherwise the suite is skipped with the reason
 * "missing: what", and — unless missing tools are allowed — a failing
 * test of that name is added once per file, so the file fails.
 */
export function needs(present, what) {
	if (present)
		return false;
	const reason = `missing: ${what}`;
	if (!allowMissing() && !missingReported.has(what)) {
		missingReported.add(what);
		test(reason, () => assert.fail(`${what} is missing: install it ` +
		    '(scripts/bootstrap --test)'));
	}
	return reason;
}

/*
 * Inside a test, for a check that needs `what`: true when present is
 * true; false (skip the check) when it is missing and missing tools are
 * allowed; otherwise the test fails naming it.
 */
export function have(present, what) {
	if (present)
		return true;
	assert.ok(allowMissing(), `${what} is missing: install it ` +
	    '(scripts/bootstrap --test)');
	return false;
}

/* What a sanitizer prints when it finds a bug. */
const SANITIZER_RE = /ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|SUMMARY: (Address|Undefined|Leak)Sanitizer/;

export function assertNoSanitizerReport(text, what) {
	const m = SANITIZER_RE.exec(text);
	assert.equal(m, null, `${what}: sanitizer report:\n` +
	    (m ? text.slice(Math.max(0, m.index - 200), m.index + 3000) : ''));
}

/* A fresh temporary directory (removed by the caller). */
export function tempDir(prefix = 'ramme-test-') {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/*
 * Run `ramme ARGS...` synchronously. Returns {status, stdout, stderr}
 * (stdout as a string unless opts.buffer). Fails the test on a sanitizer
 * report; with opts.ok, also on a non-zero exit.
 */
export function ramme(args, opts = {}) {
	const r = spawnSync(BIN, args, {
		input: opts.input,
		cwd: opts.cwd,
		env: { ...process.env, ...(opts.env || {}) },
		timeout: opts.timeout ?? 60000,
		maxBuffer: 256 * 1024 * 1024,
	});
	if (r.error)
		throw r.error;
	const stderr = r.stderr.toString('utf8');
	assertNoSanitizerReport(stderr, `ramme ${args.join(' ')}`);
	const out = {
		status: r.status,
		signal: r.signal,
		stdout: opts.buffer ? r.stdout : r.stdout.toString('utf8'),
		stderr,
	};
	if (opts.ok)
		assert.equal(r.status, 0, `ramme ${args.join(' ')} exited ` +
		    `${r.status} (${r.signal ?? ''}):\n${stderr}\n${out.stdout}`);
	return out;
}

/*
 * With RAMME_TEST_PGHOST (a socket directory) and RAMME_TEST_PGPORT set,
 * every database is a fresh PostgreSQL database on that server (the
 * suite's throwaway cluster) instead of a SQLite file: newDb(dir) gives
 * its --db argument, dropDb() removes it, sql() runs a query on either.
 */
const PGHOST = process.env.RAMME_TEST_PGHOST;
const PGPORT = process.env.RAMME_TEST_PGPORT;
export const ON_PG = Boolean(PGHOST);

/*
 * The key file of the second factors' secrets: a SQLite database gets
 * its own beside it (made by init), a PostgreSQL one has no default, so
 * every command and server here gets this one through RAMME_KEY_FILE
 * (the same for all servers of one database, as in production).
 */
if (ON_PG && !process.env.RAMME_KEY_FILE) {
	const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramme-key-'));
	const keyFile = path.join(keyDir, 'totp.key');
	fs.writeFileSync(keyFile, crypto.randomBytes(32), { mode: 0o600 });
	process.env.RAMME_KEY_FILE = keyFile;
	process.on('exit', () => fs.rmSync(keyDir, { recursive: true,
	    force: true }));
}

function psql(dbname, query) {
	const r = spawnSync('psql', ['-h', PGHOST, '-p', PGPORT, '-U',
	    'postgres', '-d', dbname, '-XAtq', '-v', 'ON_ERROR_STOP=1',
	    '-c', query], { encoding: 'utf8' });
	if (r.status !== 0)
		throw new Error(`psql: ${query}: ${r.stderr}`);
	return r.stdout;
}

/* The --db of a new, empty database whose files live under dir. */
export function newDb(dir) {
	if (!ON_PG)
		return path.join(dir, 'ramme.db');
	const name = 't_' + path.basename(dir).replace(/[^a-zA-Z0-9]/g, '_')
	    .toLowerCase();
	psql('postgres', `DROP DATABASE IF EXISTS ${name}`);
	psql('postgres', `CREATE DATABASE ${name}`);
	fs.writeFileSync(path.join(dir, 'pg-database'), name);
	return `postgresql://postgres@/${name}?host=${PGHOST}&port=${PGPORT}`;
}

/* Drop the PostgreSQL database newDb(dir) made, if any. */
export function dropDb(dir) {
	const f = path.join(dir, 'pg-database');
	if (ON_PG && fs.existsSync(f))
		psql('postgres', 'DROP DATABASE IF EXISTS ' +
		    fs.readFileSync(f, 'utf8').trim() + ' WITH (FORCE)');
}

/* Run one SQL statement on db (a --db value); its rows as text. */
export function sql(db, query) {
	if (db.startsWith('postgresql://')) {
		const name = /^postgresql:\/\/[^/]*\/([^?]+)/.exec(db)[1];
		return psql(name, query).replace(/\|/g, '|');
	}
	const r = spawnSync('sqlite3', [db, query], { encoding: 'utf8' });
	if (r.status !== 0)
		throw new Error(`sqlite3: ${query}: ${r.stderr}`);
	return r.stdout;
}

/*
 * Create a demo database in dir with the standard users. The demo
 * meetings come only with minutes: true, and the example year (its
 * published tariffs) only with example: true: most tests build their own.
 */
export function makeDemoDb(dir, { demo = true, minutes = false,
    example = false, users = USERS } = {}) {
	const db = newDb(dir);
	ramme(['init', '--db', db, ...(demo ? ['--demo'] : []),
	    ...(demo && !example ? ['--no-example'] : []),
	    ...(demo && !minutes ? ['--no-minutes'] : [])], { ok: true });
	for (const [name, [role, org]] of Object.entries(users))
		ramme(['user', 'add', name, '--role', role,
		    ...(org ? ['--org', org] : []), '--password-stdin',
		    '--db', db], { input: PASSWORD + '\n', ok: true });
	return db;
}

/* ---- cookies ------------------------------------------------------- */

function setCookieHeaders(headers) {
	if (typeof headers.getSetCookie === 'function')
		return headers.getSetCookie();
	const v = headers.get('set-cookie');
	if (v == null)
		return [];
	/* Our cookies use Max-Age, never Expires, so ", name=" splits them. */
	return v.split(/,\s*(?=[A-Za-z0-9_\-]+=)/);
}

/*
 * Parse one Set-Cookie header into {name, value, attrs} where attrs has
 * lower-case attribute names (flags map to true).
 */
export function parseSetCookie(line) {
	const parts = line.split(';').map((s) => s.trim());
	const eq = parts[0].indexOf('=');
	const attrs = {};
	for (const p of parts.slice(1)) {
		const i = p.indexOf('=');
		if (i < 0)
			attrs[p.toLowerCase()] = true;
		else
			attrs[p.slice(0, i).toLowerCase()] = p.slice(i + 1);
	}
	return { name: parts[0].slice(0, eq), value: parts[0].slice(eq + 1),
	    attrs };
}

/* ---- the client ---------------------------------------------------- */

/*
 * An HTTP client for one user agent: a cookie jar, and the CSRF token of
 * its session, sent as X-CSRF-Token on writes (opts.csrf === false or an
 * explicit header overrides that). Responses:
 *   {status, headers, body (Buffer), text, json (parsed or undefined),
 *    cookies ([parsed Set-Cookie])}
 */
export class Client {
	constructor(base) {
		this.base = base;
		this.jar = new Map();
		this.csrf = null;
		this.user = null;
	}

	cookieHeader() {
		return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	async request(method, p, opts = {}) {
		const headers = {};
		for (const [k, v] of Object.entries(opts.headers || {}))
			headers[k.toLowerCase()] = v;
		let body = opts.body;
		if (opts.json !== undefined) {
			body = JSON.stringify(opts.json);
			if (!('content-type' in headers))
				headers['content-type'] = 'application/json';
		}
		if (opts.form !== undefined) {
			body = new URLSearchParams(opts.form).toString();
			if (!('content-type' in headers))
				headers['content-type'] =
				    'application/x-www-form-urlencoded';
		}
		if (this.jar.size && opts.cookies !== false &&
		    !('cookie' in headers))
			headers.cookie = this.cookieHeader();
		if (this.csrf && opts.csrf !== false &&
		    method !== 'GET' && method !== 'HEAD' &&
		    !('x-csrf-token' in headers))
			headers['x-csrf-token'] = this.csrf;
		for (const k of Object.keys(headers))
			if (headers[k] === null)
				delete headers[k];
		const go = () => fetch(this.base + p, {
			method, headers, body, redirect: 'manual',
		});
		let res;
		try {
			res = await go();
		} catch (err) {
			/*
			 * A pooled connection the server closed as idle while
			 * a synchronous child (ramme import on a slow
			 * database) held the event loop: a read is sent again
			 * once, on a new connection.
			 */
			if (method !== 'GET' && method !== 'HEAD')
				throw err;
			res = await go();
		}
		const buf = Buffer.from(await res.arrayBuffer());
		const cookies = setCookieHeaders(res.headers).map(parseSetCookie);
		if (opts.cookies !== false)
			for (const c of cookies) {
				if (c.attrs['max-age'] === '0' || c.value === '')
					this.jar.delete(c.name);
				else
					this.jar.set(c.name, c.value);
			}
		const out = {
			status: res.status,
			headers: res.headers,
			body: buf,
			text: buf.toString('utf8'),
			json: undefined,
			cookies,
		};
		const ct = res.headers.get('content-type') || '';
		if (ct.startsWith('application/json') && buf.length)
			out.json = JSON.parse(out.text);
		return out;
	}

	get(p, opts) { return this.request('GET', p, opts); }
	post(p, json, opts = {}) { return this.request('POST', p, { ...opts, json }); }
	patch(p, json, opts = {}) { return this.request('PATCH', p, { ...opts, json }); }
	del(p, opts) { return this.request('DELETE', p, opts); }

	/* Log in through the API; asserts success. */
	async login(username, password = PASSWORD) {
		const r = await this.post('/api/v1/session', { username, password });
		assert.equal(r.status, 200, `login ${username}: ${r.text}`);
		this.csrf = r.json.csrf_token;
		this.user = r.json.user;
		return r;
	}

	/* GET expecting 200 JSON; returns the parsed body. */
	async getJson(p) {
		const r = await this.get(p);
		assert.equal(r.status, 200, `GET ${p}: ${r.status} ${r.text}`);
		assert.ok(r.json !== undefined, `GET ${p}: not JSON`);
		return r.json;
	}
}

/*
 * A raw request over node:http, for what fetch cannot do (bodies bigger
 * than the server will read, chunked bodies, exact bytes). Resolves with
 * {status, headers, text, json} or {error} if the connection failed
 * before a response came.
 */
export function rawRequest(base, method, p, { headers = {}, body, chunks } = {}) {
	const u = new URL(p, base);
	return new Promise((resolve) => {
		let done = false;
		const finish = (v) => { if (!done) { done = true; resolve(v); } };
		const req = http.request({
			host: u.hostname, port: u.port, path: u.pathname + u.search,
			method, headers, agent: false,
		}, (res) => {
			const parts = [];
			res.on('data', (d) => parts.push(d));
			res.on('error', () => {});
			res.on('end', () => {
				const text = Buffer.concat(parts).toString('utf8');
				let json;
				try { json = JSON.parse(text); } catch { /* not JSON */ }
				finish({ status: res.statusCode, headers: res.headers,
				    text, json });
			});
		});
		req.on('error', (error) => setTimeout(() => finish({ error }), 200));
		req.setTimeout(20000, () => req.destroy(new Error('timeout')));
		if (chunks) {
			(async () => {
				for (const c of chunks) {
					if (req.destroyed || done)
						break;
					if (!req.write(c))
						await new Promise((ok) => req.once('drain', ok));
				}
				req.end();
			})().catch(() => {});
		} else
			req.end(body);
	});
}

/* ---- the server ---------------------------------------------------- */

/*
 * Start `ramme serve` on a fresh demo database, or with opts.db on that
 * one (a second app server; stop it before the first, which owns the
 * database). Returns the server:
 *   url, dir, db, proc, stderr() (the log so far), client(), login(name),
 *   dbSnapshot(), stop()
 */
export async function startServer(opts = {}) {
	const dir = tempDir();
	const db = opts.db ?? makeDemoDb(dir, opts);
	const args = ['serve', '--db', db, '--port', '0',
	    ...(opts.threads ? ['--threads', String(opts.threads)] : []),
	    ...(opts.args ?? [])];
	const proc = spawn(BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
	let stdout = '', stderr = '';
	proc.stdout.setEncoding('utf8');
	proc.stderr.setEncoding('utf8');
	proc.stderr.on('data', (d) => { stderr += d; });
	const exited = new Promise((resolve) =>
	    proc.on('exit', (code, signal) => resolve({ code, signal })));
	const url = await new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			proc.kill('SIGKILL');
			reject(new Error('ramme serve printed no URL in 20 s:\n' +
			    `${stdout}\n${stderr}`));
		}, 20000);
		proc.stdout.on('data', (d) => {
			stdout += d;
			const m = /ramme serves (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout);
			if (m) {
				clearTimeout(timer);
				resolve(m[1]);
			}
		});
		proc.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`ramme serve exited ${code}:\n${stderr}`));
		});
	});
	/* Wait until /healthz answers. */
	for (let i = 0; ; i++) {
		try {
			const r = await fetch(url + '/healthz');
			await r.arrayBuffer();
			if (r.status === 200)
				break;
		} catch (err) {
			if (i > 100) {
				proc.kill('SIGKILL');
				throw err;
			}
		}
		await new Promise((ok) => setTimeout(ok, 50));
	}

	let adminClient = null;
	let stopped = false;
	const srv = {
		url, dir, db, proc,
		stdout: () => stdout,
		stderr: () => stderr,
		client() { return new Client(url); },
		async login(name, password = PASSWORD) {
			const c = new Client(url);
			await c.login(name, password);
			return c;
		},
		/*
		 * Everything a request could change, read through the API as
		 * admin: all offers (with versions and timestamps), the
		 * organisations with populations, and the users.
		 */
		async dbSnapshot() {
			if (adminClient === null)
				adminClient = await srv.login('admin');
			const offers = await adminClient.getJson(
			    '/api/v1/offers?limit=1000&sort=-id');
			assert.ok(offers.total <= 1000, 'dbSnapshot sees 1000 offers at most');
			const orgs = await adminClient.getJson('/api/v1/organisations');
			const users = await adminClient.getJson('/api/v1/users');
			return { offers, orgs, users };
		},
		/* The offers as `ramme export offers --format json` writes them. */
		exportJson() {
			const r = ramme(['export', 'offers', '--format', 'json',
			    '--db', db], { ok: true });
			return JSON.parse(r.stdout);
		},
		/*
		 * SIGTERM, then assert a clean exit (0, no sanitizer report)
		 * and remove the temporary directory.
		 */
		async stop() {
			if (stopped)
				return;
			stopped = true;
			if (proc.exitCode === null && proc.signalCode === null)
				proc.kill('SIGTERM');
			const timer = setTimeout(() => proc.kill('SIGKILL'), 15000);
			const { code, signal } = await exited;
			clearTimeout(timer);
			try {
				assertNoSanitizerReport(stderr, 'ramme serve');
				assert.equal(signal, null,
				    `ramme serve died of ${signal}:\n${stderr.slice(-3000)}`);
				assert.equal(code, 0,
				    `ramme serve exited ${code}:\n${stderr.slice(-3000)}`);
			} finally {
				if (!process.env.RAMME_KEEP_TMP) {
					dropDb(dir);
					fs.rmSync(dir, { recursive: true, force: true });
				}
			}
		},
	};
	return srv;
}

/* ---- assertions ---------------------------------------------------- */

/* Danish letters or words, to tell a Danish message from an English one. */
const DANISH_RE = /[æøåÆØÅ]|\b(ikke|skal|være|eller|er|og|kan|må|findes|ugyldig|ukendt|forkert|højst|mindst|mellem|felt(et)?|tilbud(det)?|antal|pladser|logget|mange|igen|prøv|indholdet|navnet|tekst|tekster|som|til|med|den|det|af|på|hent|vælg)\b/i;

export function assertDanish(msg, what = 'message') {
	assert.equal(typeof msg, 'string', `${what} is not a string`);
	assert.ok(msg.trim().length > 0, `${what} is empty`);
	assert.match(msg, DANISH_RE, `${what} does not read as Danish: ${msg}`);
}

/*
 * Assert a JSON error response: status, error.code, a Danish message,
 * and (if given) error.field. Returns the error object.
 */
export function assertApiError(r, status, code, { field, match } = {}) {
	const ctx = `${r.status} ${r.text.slice(0, 500)}`;
	assert.equal(r.status, status, `status: ${ctx}`);
	assert.match(r.headers.get('content-type') || '', /^application\/json/,
	    `content type: ${ctx}`);
	assert.ok(r.json && typeof r.json.error === 'object', `no error: ${ctx}`);
	assert.equal(r.json.error.code, code, `error.code: ${ctx}`);
	assertDanish(r.json.error.message, `error.message of ${code}`);
	if (field !== undefined)
		assert.equal(r.json.error.field, field, `error.field: ${ctx}`);
	if (match !== undefined)
		assert.match(r.json.error.message, match, `message: ${ctx}`);
	return r.json.error;
}

/* The offers of a list response by name. */
export function byName(list) {
	return new Map(list.offers.map((o) => [o.name, o]));
}

/* A valid new offer for operator code op. */
export function newOffer(op, extra = {}) {
	return {
		name: `Testtilbud ${op} ${Math.random().toString(36).slice(2, 8)}`,
		operator_code: op,
		location_code: '851',
		kind: 'residential',
		paragraphs: ['SEL § 107'],
		target_groups: ['Voksne med erhvervet hjerneskade'],
		covered: true,
		places: { 2024: 10, 2025: 12 },
		status: 'active',
		...extra,
	};
}

/* ---- forms ----------------------------------------------------------- */

/* POST an HTML form as client c, with its session's CSRF token. */
export function postForm(c, p, fields) {
	return c.request('POST', p, { form: { csrf_token: c.csrf, ...fields } });
}

/* POST a multipart form with fields and one file (field "file"). */
export function postFile(c, p, fields, file, name, type) {
	const fd = new FormData();
	fd.append('csrf_token', c.csrf);
	for (const [k, v] of Object.entries(fields))
		fd.append(k, v);
	fd.append('file', new Blob([file], { type }), name);
	return c.request('POST', p, { body: fd });
}

/* The id in a 303 redirect to /moeder/N?..., /punkter/N or the like. */
export function redirectId(r) {
	assert.equal(r.status, 303, `${r.status} ${r.text.slice(0, 400)}`);
	return Number(/\/(\d+)(\?|$)/.exec(r.headers.get('location'))[1]);
}

/* ---- XLSX uploads ---------------------------------------------------- */

const CRC_TABLE = (() => {
	const t = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++)
			c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		t[n] = c >>> 0;
	}
	return t;
})();

function crc32(buf) {
	let c = 0xffffffff;
	for (const b of buf)
		c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/*
 * A zip of {name: string} with stored (uncompressed) entries: enough
 * for the workbooks the tests build by hand.
 */
export function zipStored(files) {
	const locals = [], centrals = [];
	let offset = 0;
	for (const [name, text] of Object.entries(files)) {
		const data = Buffer.from(text, 'utf8');
		const fname = Buffer.from(name, 'utf8');
		const crc = crc32(data);
		const h = Buffer.alloc(30);
		h.writeUInt32LE(0x04034b50, 0);
		h.writeUInt16LE(20, 4);
		h.writeUInt32LE(crc, 14);
		h.writeUInt32LE(data.length, 18);
		h.writeUInt32LE(data.length, 22);
		h.writeUInt16LE(fname.length, 26);
		const c = Buffer.alloc(46);
		c.writeUInt32LE(0x02014b50, 0);
		c.writeUInt16LE(20, 4);
		c.writeUInt16LE(20, 6);
		c.writeUInt32LE(crc, 16);
		c.writeUInt32LE(data.length, 20);
		c.writeUInt32LE(data.length, 24);
		c.writeUInt16LE(fname.length, 28);
		c.writeUInt32LE(offset, 42);
		locals.push(h, fname, data);
		centrals.push(c, fname);
		offset += h.length + fname.length + data.length;
	}
	const cd = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(Object.keys(files).length, 8);
	end.writeUInt16LE(Object.keys(files).length, 10);
	end.writeUInt32LE(cd.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, cd, end]);
}

export const XLSX_TYPE =
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/*
 * POST the workbook bytes to p as client c, as the form field "file"
 * named budget.xlsx, with csrf (default: c's session token).
 */
export function uploadXlsx(c, p, bytes, csrf = c.csrf) {
	const fd = new FormData();
	fd.append('csrf_token', csrf);
	fd.append('file', new Blob([bytes], { type: XLSX_TYPE }), 'budget.xlsx');
	return c.request('POST', p, { body: fd });
}

/* ---- A local SMTP server --------------------------------------------- */

let smtpPythonFound;

/*
 * The Python that has aiosmtpd (Debian's, also under pyenv and the
 * like), or null; for needs(smtpPython() !== null, 'python3-aiosmtpd').
 */
export function smtpPython() {
	if (smtpPythonFound !== undefined)
		return smtpPythonFound;
	smtpPythonFound = null;
	for (const py of ['/usr/bin/python3', 'python3']) {
		const r = spawnSync(py, ['-c', 'import aiosmtpd'],
		    { stdio: 'ignore' });
		if (r.status === 0) {
			smtpPythonFound = py;
			break;
		}
	}
	return smtpPythonFound;
}

/*
 * Start tests/http/smtp_server.py on port, keeping each mail received in
 * dir (NAME.eml and NAME.json), answering after delay seconds when
 * delay > 0. Resolves when it listens; { stop() } ends it.
 */
export async function startSmtp(port, dir, delay = 0) {
	const args = [path.join(ROOT, 'tests', 'http', 'smtp_server.py'),
	    String(port), dir];
	if (delay > 0)
		args.push('--delay', String(delay));
	const proc = spawn(smtpPython(), args,
	    { stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '', err = '';
	proc.stderr.on('data', (d) => { err += d; });
	await new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(
		    `SMTP server not ready: ${err}`)), 15000);
		proc.stdout.on('data', (d) => {
			out += d;
			if (out.includes('ready')) {
				clearTimeout(timer);
				resolve();
			}
		});
		proc.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`SMTP server exited ${code}: ${err}`));
		});
	});
	return {
		async stop() {
			if (proc.exitCode !== null)
				return;
			const done = new Promise((ok) => proc.on('exit', ok));
			proc.kill('SIGTERM');
			await done;
		},
	};
}

/* ---- RFC 4648 base32 and RFC 6238 TOTP, to play the phone's app ---- */

/* The bytes of a base32 key. */
export function base32Decode(s) {
	const alpha = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let bits = 0, acc = 0;
	const out = [];
	for (const ch of s.replace(/[\s=]/g, '').toUpperCase()) {
		acc = (acc << 5) | alpha.indexOf(ch);
		bits += 5;
		if (bits >= 8) {
			out.push((acc >>> (bits - 8)) & 255);
			bits -= 8;
		}
	}
	return Buffer.from(out);
}

/* The six-digit code of the base32 key secret at epoch seconds at. */
export function totp(secret, at = Date.now() / 1000) {
	const msg = Buffer.alloc(8);
	msg.writeBigUInt64BE(BigInt(Math.floor(at / 30)));
	const h = crypto.createHmac('sha1', base32Decode(secret)).update(msg)
	    .digest();
	const o = h[19] & 15;
	const v = (h.readUInt32BE(o) & 0x7fffffff) % 1000000;
	return String(v).padStart(6, '0');
}
