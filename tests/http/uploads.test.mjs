/*
 * Attachment uploads: streamed to a temporary file while they arrive, up
 * to serve --max-upload (default 50 MiB), while every other body stays at
 * most 1 MiB; a file reads back byte for byte; one over the limit is
 * refused with 413 and leaves nothing; the server's memory does not grow
 * with the file; the temporary files have no name and are closed when a
 * request ends, also when the client goes away in the middle.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
	postFile as upload,
	postForm as form,
	ramme,
	rawRequest,
	redirectId,
	startServer,
	tempDir,
} from './harness.mjs';

const MiB = 1024 * 1024;
/* Temporary files of this test's servers go here (TMPDIR). */
const TMP = tempDir('ramme-upload-tmp-');
process.env.TMPDIR = TMP;

/* A "PDF" of n bytes: the magic, then random bytes. */
function bigPdf(n) {
	const b = crypto.randomBytes(n);
	b.write('%PDF-1.4\n%', 0, 'latin1');
	return b;
}

function tempFiles() {
	return fs.readdirSync(TMP).filter((f) => f.startsWith('ramme-upload-'));
}

async function waitFor(cond, what, ms = 10000) {
	const end = Date.now() + ms;
	while (!cond()) {
		assert.ok(Date.now() < end, `timed out waiting for ${what}`);
		await new Promise((ok) => setTimeout(ok, 50));
	}
}

/* Temporary upload files the server holds open (unlinked). */
function openTemps(pid) {
	let n = 0;
	for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
		let l;
		try { l = fs.readlinkSync(`/proc/${pid}/fd/${fd}`); } catch { continue; }
		if (l.startsWith(path.join(TMP, 'ramme-upload-')))
			n++;
	}
	return n;
}

function vmHwmKiB(pid) {
	const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmHWM:\s+(\d+) kB/.exec(s)[1]);
}

/* A new meeting of the first body with one item; the item's id. */
async function newItem(admin) {
	const bodies = await admin.get('/organer');
	const body = /href="\/organer\/(\d+)"/.exec(bodies.text)[1];
	const m = redirectId(await form(admin, '/moeder/nyt', { body_id: body,
	    starts_at: '2026-09-01T10:00' }));
	redirectId(await form(admin, `/moeder/${m}/punkter`,
	    { section: 'behandling', title: 'Bilag til upload' }));
	const p = await admin.get(`/moeder/${m}`);
	const items = [...p.text.matchAll(/href="\/punkter\/(\d+)"/g)]
	    .map((x) => Number(x[1]));
	return items[1];
}

async function attachmentIds(admin, item) {
	const p = await admin.get(`/punkter/${item}`);
	assert.equal(p.status, 200);
	return [...new Set([...p.text.matchAll(/href="\/bilag\/(\d+)"/g)]
	    .map((x) => Number(x[1])))];
}

/* A multipart body with the CSRF token and a file part of n bytes. */
function multipart(csrf, file, boundary = 'ramme-test-boundary') {
	return Buffer.concat([
	    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; ` +
	    `name="csrf_token"\r\n\r\n${csrf}\r\n--${boundary}\r\n` +
	    'Content-Disposition: form-data; name="file"; filename="stor.pdf"' +
	    '\r\nContent-Type: application/pdf\r\n\r\n'), file,
	    Buffer.from(`\r\n--${boundary}--\r\n`)]);
}

describe('uploads with the default limit', () => {
	let srv, admin, item;

	before(async () => {
		srv = await startServer();
		admin = await srv.login('admin');
		item = await newItem(admin);
	});
	after(async () => { await srv?.stop(); });

	test('a 5 MiB attachment is stored and reads back byte for byte',
	    async () => {
		const file = bigPdf(5 * MiB);
		const r = await upload(admin, `/punkter/${item}/bilag`,
		    { name: 'Fem megabyte' }, file, 'fem.pdf', 'application/pdf');
		assert.equal(redirectId(r), item);
		const ids = await attachmentIds(admin, item);
		assert.equal(ids.length, 1);
		const g = await admin.get(`/bilag/${ids[0]}`);
		assert.equal(g.status, 200);
		assert.equal(g.headers.get('content-type'), 'application/pdf');
		assert.ok(g.body.equals(file), 'the content read back differs');
		await waitFor(() => tempFiles().length === 0,
		    'the temporary file to go');
	});

	test('other bodies stay at most 1 MiB', async () => {
		const big = 'a'.repeat(1100 * 1024);
		let r = await form(admin, `/punkter/${item}`, { title: big });
		assert.equal(r.status, 413);
		/* Not multipart: the upload route keeps the small limit too. */
		r = await form(admin, `/punkter/${item}/bilag`, { name: big });
		assert.equal(r.status, 413);
		/* Without a login there is no large limit either. */
		const anon = srv.client();
		r = await rawRequest(srv.url, 'POST', `/punkter/${item}/bilag`, {
		    headers: { 'content-type':
		    'multipart/form-data; boundary=ramme-test-boundary' },
		    body: multipart('x', bigPdf(2 * MiB)) });
		assert.ok(!r.error, String(r.error));
		assert.equal(r.status, 413);
		assert.equal(anon.jar.size, 0);
		assert.equal((await attachmentIds(admin, item)).length, 1);
	});

	test('memory does not grow with the file (40 MiB upload)',
	    async () => {
		const file = bigPdf(40 * MiB);
		const before = vmHwmKiB(srv.proc.pid);
		const r = await upload(admin, `/punkter/${item}/bilag`,
		    { name: 'Fyrre megabyte' }, file, 'fyrre.pdf',
		    'application/pdf');
		assert.equal(redirectId(r), item);
		const grew = vmHwmKiB(srv.proc.pid) - before;
		assert.ok(grew < 20 * 1024, `VmHWM grew by ${grew} KiB`);
		assert.equal((await attachmentIds(admin, item)).length, 2);
		await waitFor(() => tempFiles().length === 0,
		    'the temporary file to go');
	});

	test('an aborted upload leaves no temporary file', async () => {
		const u = new URL(`/punkter/${item}/bilag`, srv.url);
		const body = multipart(admin.csrf, bigPdf(20 * MiB));
		const req = http.request({ host: u.hostname, port: u.port,
		    path: u.pathname, method: 'POST', agent: false, headers: {
		    cookie: admin.cookieHeader(), 'content-type':
		    'multipart/form-data; boundary=ramme-test-boundary',
		    'content-length': String(body.length) } });
		req.on('error', () => {});
		req.write(body.subarray(0, 4 * MiB));
		/* The file is written, but has no name from the start. */
		await waitFor(() => openTemps(srv.proc.pid) === 1,
		    'the temporary file to be written');
		assert.deepEqual(tempFiles(), []);
		req.destroy();
		/* Its space goes when the server notices the client is gone
		   (at the latest at the 30 s connection timeout). */
		await waitFor(() => openTemps(srv.proc.pid) === 0,
		    'the temporary file to be closed', 40000);
		assert.deepEqual(tempFiles(), []);
		assert.equal((await attachmentIds(admin, item)).length, 2);
	});

	test('every text field keeps its value, wherever the parser splits',
	    async () => {
		/* The post processor may report a value in pieces and call
		   twice at offset 0 for the next field (first with no data);
		   "closed" must not be lost to an empty second entry, which
		   would publish a closed attachment. Names of 1–24 bytes and
		   a "ø" move the split points through the buffer. */
		const it = await newItem(admin);
		for (let n = 1; n <= 24; n++)
			assert.equal(redirectId(await upload(admin, `/punkter/${it}/bilag`,
			    { name: `Notat ${'p'.repeat(n)}ø`, closed: '1' },
			    bigPdf(600), `n${n}.pdf`, 'application/pdf')), it);
		const p = await admin.get(`/punkter/${it}`);
		assert.equal([...p.text.matchAll(/Gør bilaget åbent/g)].length, 24,
		    'every attachment is closed');
		assert.doesNotMatch(p.text, />Luk bilaget</);
	});
});

describe('uploads with --max-upload 2M', () => {
	let srv, admin, item;

	before(async () => {
		srv = await startServer({ args: ['--max-upload', '2M'] });
		admin = await srv.login('admin');
		item = await newItem(admin);
	});
	after(async () => { await srv?.stop(); });

	test('a 3 MiB upload gets 413 and nothing is stored', async () => {
		let r = await upload(admin, `/punkter/${item}/bilag`,
		    { name: 'For stor' }, bigPdf(3 * MiB), 'stor.pdf',
		    'application/pdf');
		assert.equal(r.status, 413);
		assert.match(r.text, /Filen er for stor \(højst 2 MiB\)/);
		/* Chunked, so that the limit is met while streaming. */
		const body = multipart(admin.csrf, bigPdf(3 * MiB));
		const chunks = [];
		for (let i = 0; i < body.length; i += 256 * 1024)
			chunks.push(body.subarray(i, i + 256 * 1024));
		r = await rawRequest(srv.url, 'POST', `/punkter/${item}/bilag`, {
		    headers: { cookie: admin.cookieHeader(), 'content-type':
		    'multipart/form-data; boundary=ramme-test-boundary',
		    'transfer-encoding': 'chunked' }, chunks });
		assert.ok(!r.error, String(r.error));
		assert.equal(r.status, 413);
		assert.deepEqual(await attachmentIds(admin, item), []);
		await waitFor(() => tempFiles().length === 0,
		    'the temporary file to go');
		/* Under the limit it is taken. */
		r = await upload(admin, `/punkter/${item}/bilag`,
		    { name: 'Lille nok' }, bigPdf(MiB + 17), 'lille.pdf',
		    'application/pdf');
		assert.equal(redirectId(r), item);
		assert.equal((await attachmentIds(admin, item)).length, 1);
	});

	test('--max-upload takes sizes from 1M to 512M', async () => {
		for (const bad of ['0', '512K', '513M', '1T', 'x', '-1M'])
			assert.equal(ramme(['serve', '--db', srv.db,
			    '--max-upload', bad]).status, 2, bad);
	});
});

after(() => { fs.rmSync(TMP, { recursive: true, force: true }); });
