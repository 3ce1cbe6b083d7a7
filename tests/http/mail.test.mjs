/*
 * E-mail notifications end to end: "Mine notifikationer" (address and
 * choices, bad input refused in Danish with nothing changed), the outbox
 * page and its roles, and the sender against a local SMTP server
 * (python3-aiosmtpd) started by the test on ports 2525-2535: server up
 * (received once, headers right), server down (retries, delivered once
 * when it comes up), slow server (timeouts recorded, HTTP never waits),
 * and no --smtp (the outbox only collects).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { needs, postForm, ramme, smtpPython, startServer, startSmtp,
    tempDir } from './harness.mjs';

const skip = needs(smtpPython() !== null, 'python3-aiosmtpd');

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/* The messages received in dir: [{raw, meta}]. */
function received(dir) {
	if (!fs.existsSync(dir))
		return [];
	return fs.readdirSync(dir).filter((f) => f.endsWith('.eml')).sort()
	    .map((f) => ({
		raw: fs.readFileSync(path.join(dir, f), 'latin1'),
		meta: JSON.parse(fs.readFileSync(path.join(dir,
		    f.replace(/\.eml$/, '.json')), 'utf8')),
	    }));
}

/* The outbox as `ramme mail list --format json` prints it. */
function outbox(srv) {
	const r = ramme(['mail', 'list', '--format', 'json', '--db', srv.db],
	    { ok: true });
	return JSON.parse(r.stdout);
}

async function until(what, fn, ms = 20000) {
	const end = Date.now() + ms;
	for (;;) {
		const v = await fn();
		if (v)
			return v;
		if (Date.now() > end)
			assert.fail(`timed out waiting for ${what}`);
		await sleep(200);
	}
}

function isoDay(offset) {
	return new Date(Date.now() + offset * 86400000).toISOString()
	    .slice(0, 10);
}

/* Set op851's address (and the default choices) through the page. */
async function setAddress(srv, email) {
	const c = await srv.login('op851');
	const form = { email };
	for (const k of ['opened', 'reminder', 'overdue', 'returned',
	    'approved', 'agenda', 'minutes', 'hearing'])
		form[`k_${k}`] = '1';
	const r = await postForm(c, '/konto/notifikationer', form);
	assert.equal(r.status, 303, r.text.slice(0, 500));
	return c;
}

let roundNo = 0;
/* Open a round as the secretariat: a notice to every operator. */
async function openRound(srv) {
	const a = await srv.login('admin');
	roundNo++;
	const r = await a.post('/api/v1/rounds', { year: 2030 + roundNo, no: 1,
	    title: `Takster ${2030 + roundNo}`, opens_on: isoDay(0),
	    deadline: isoDay(30) });
	assert.equal(r.status, 201, r.text);
	return r.json.id;
}

/* RFC 2047 B-encoded words of a header back to text. */
function decodeHeader(v) {
	return v.replace(/\r\n /g, '').replace(/=\?UTF-8\?B\?([^?]*)\?=/g,
	    (_, b) => Buffer.from(b, 'base64').toString('utf8'));
}

function header(raw, name) {
	const m = new RegExp(`^${name}: ((?:.*)(?:\\r\\n .*)*)`, 'mi')
	    .exec(raw);
	return m ? m[1] : null;
}

describe('mail: choices and outbox without --smtp', { skip }, () => {
	let srv;
	before(async () => { srv = await startServer(); });
	after(async () => { await srv?.stop(); });

	test('a bad address is refused in Danish and changes nothing',
	    async () => {
		const c = await setAddress(srv, 'jens@aalborg.dk');
		for (const bad of ['jens@aalborg', 'jens aalborg.dk',
		    'a@b.dk\r\nBcc: x@y.dk', 'jæns@aalborg.dk']) {
			const r = await postForm(c, '/konto/notifikationer',
			    { email: bad });
			assert.equal(r.status, 400, bad);
			assert.match(r.text, /E-mailadressen er ikke gyldig/);
			assert.match(r.text, /Der er fejl i formularen|fejl/i);
		}
		const g = await c.get('/konto/notifikationer');
		assert.equal(g.status, 200);
		assert.match(g.text, /value="jens@aalborg\.dk"/);
		/* Every choice still on. */
		assert.equal((g.text.match(/type="checkbox"[^>]*checked/g) ??
		    []).length, 8);
	});

	test('choices are saved; a kind turned off gets no mail', async () => {
		const c = await srv.login('op1081');
		const r = await postForm(c, '/konto/notifikationer',
		    { email: 'okonomi@rn.dk', k_reminder: '1' });
		assert.equal(r.status, 303);
		const g = await c.get('/konto/notifikationer?besked=gemt');
		assert.match(g.text, /Dine valg er gemt/);
		assert.equal((g.text.match(/type="checkbox"[^>]*checked/g) ??
		    []).length, 1);
		await openRound(srv);
		const mails = outbox(srv);
		assert.ok(mails.some((m) => m.to === 'jens@aalborg.dk' &&
		    m.kind === 'opened'));
		assert.ok(!mails.some((m) => m.to === 'okonomi@rn.dk'));
	});

	test('without --smtp the outbox only collects', async () => {
		await sleep(2500);
		const mails = outbox(srv);
		assert.ok(mails.length >= 1);
		for (const m of mails) {
			assert.equal(m.state, 'queued');
			assert.equal(m.attempts, 0);
		}
		const a = await srv.login('admin');
		const p = await a.get('/udbakke');
		assert.equal(p.status, 200);
		assert.match(p.text, /E-mails sendes ikke/);
		assert.match(p.text, /I kø/);
		assert.match(p.text, /jens@aalborg\.dk/);
		const id = outbox(srv)[0].id;
		const v = await a.get(`/udbakke/${id}`);
		assert.equal(v.status, 200);
		assert.match(v.text, /Sekretariatet har åbnet/);
		assert.match(v.text, /Send igen/);
		assert.equal((await a.get('/udbakke/999999')).status, 404);
	});

	test('the outbox is the secretariat\'s', async () => {
		for (const who of ['op851', 'reader', 'authority']) {
			const c = await srv.login(who);
			assert.equal((await c.get('/udbakke')).status, 403, who);
			const id = outbox(srv)[0].id;
			assert.equal((await postForm(c, `/udbakke/${id}/annuller`,
			    { confirm: '1' })).status, 403, who);
			/* Nobody else's choices either. */
			assert.equal((await c.get('/brugere/1/notifikationer'))
			    .status, 403, who);
		}
		const anon = srv.client();
		const r = await anon.get('/udbakke');
		assert.ok([302, 303, 401].includes(r.status), String(r.status));
	});

	test('retry and cancel ask first, then act', async () => {
		const a = await srv.login('admin');
		const id = outbox(srv)[0].id;
		let r = await postForm(a, `/udbakke/${id}/annuller`, {});
		assert.equal(r.status, 200);
		assert.match(r.text, /Vil du annullere e-mailen\?/);
		assert.equal(outbox(srv).find((m) => m.id === id).state, 'queued');
		r = await postForm(a, `/udbakke/${id}/annuller`, { confirm: '1' });
		assert.equal(r.status, 303);
		assert.equal(outbox(srv).find((m) => m.id === id).state,
		    'cancelled');
		r = await postForm(a, `/udbakke/${id}/igen`, { confirm: '1' });
		assert.equal(r.status, 409);
		assert.match(r.text, /kø eller med fejl/);
	});
});

describe('mail: SMTP server up', { skip }, () => {
	const dir = tempDir('ramme-smtp-');
	let srv, smtp;
	before(async () => {
		smtp = await startSmtp(2525, dir);
		srv = await startServer({ args: ['--smtp', 'smtp://127.0.0.1:2525',
		    '--smtp-from', 'rammeaftaler@example.dk',
		    '--public-url', 'https://ramme.example.dk',
		    '--smtp-backoff', '1'] });
	});
	after(async () => {
		await srv?.stop();
		await smtp?.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	test('the mail is received once with the right headers', async () => {
		await setAddress(srv, 'jens@aalborg.dk');
		const round = await openRound(srv);
		const got = await until('the mail', () => received(dir).length >= 1 &&
		    received(dir));
		await sleep(2500);
		assert.equal(received(dir).length, 1, 'received once');
		const { raw, meta } = got[0];
		assert.deepEqual(meta.to, ['jens@aalborg.dk']);
		assert.equal(meta.from, 'rammeaftaler@example.dk');
		assert.match(header(raw, 'Date'),
		    /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d \+0000$/);
		assert.match(header(raw, 'Subject'), /^=\?UTF-8\?B\?/);
		assert.equal(decodeHeader(header(raw, 'Subject')),
		    `Takstindberetning åbnet: Takster ${2030 + roundNo}`);
		assert.equal(header(raw, 'Content-Type'),
		    'text/plain; charset=utf-8');
		assert.equal(header(raw, 'Content-Transfer-Encoding'),
		    'quoted-printable');
		assert.equal(header(raw, 'MIME-Version'), '1.0');
		/* Headers are plain ASCII. */
		const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
		assert.ok(/^[\x20-\x7e\r\n\t]*$/.test(head), head);
		const body = raw.slice(raw.indexOf('\r\n\r\n') + 4)
		    .replace(/=\r\n/g, '');
		const text = Buffer.from(body.replace(/=([0-9A-F]{2})/g,
		    (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1')
		    .toString('utf8');
		assert.match(text, /Sekretariatet har åbnet/);
		assert.ok(text.includes(
		    `https://ramme.example.dk/takstindberetning/${round}`), text);
		const m = outbox(srv).find((x) => x.to === 'jens@aalborg.dk');
		assert.equal(m.state, 'sent');
		assert.equal(m.attempts, 1);
		assert.equal(header(raw, 'Message-ID'), m.message_id);
		const a = await srv.login('admin');
		const p = await a.get('/udbakke?status=sent');
		assert.match(p.text, /Sendt/);
		assert.doesNotMatch(p.text, /E-mails sendes ikke/);
	});
});

describe('mail: SMTP server down, then up', { skip }, () => {
	const dir = tempDir('ramme-smtp-');
	let srv, smtp;
	before(async () => {
		srv = await startServer({ args: ['--smtp', 'smtp://127.0.0.1:2526',
		    '--smtp-backoff', '1', '--smtp-timeout', '5'] });
	});
	after(async () => {
		await srv?.stop();
		await smtp?.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	test('retried with backoff and delivered once when it comes up',
	    async () => {
		await setAddress(srv, 'jens@aalborg.dk');
		await openRound(srv);
		const m = await until('two failed attempts', () => outbox(srv)
		    .find((x) => x.attempts >= 2 && x.state === 'queued'));
		assert.match(m.last_error, /Kunne ikke forbinde til SMTP-serveren/);
		const a = await srv.login('admin');
		const p = await a.get('/udbakke');
		assert.match(p.text, /Kunne ikke forbinde/);
		smtp = await startSmtp(2526, dir);
		await until('delivery', () => received(dir).length >= 1, 30000);
		await until('sent recorded', () => outbox(srv)[0].state === 'sent');
		await sleep(3000);
		assert.equal(received(dir).length, 1, 'delivered once');
		assert.equal(header(received(dir)[0].raw, 'Message-ID'),
		    outbox(srv)[0].message_id);
	});
});

describe('mail: slow SMTP server', { skip }, () => {
	const dir = tempDir('ramme-smtp-');
	let srv, smtp;
	after(async () => {
		await srv?.stop();
		await smtp?.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	test('a timeout is recorded and HTTP requests never wait', async () => {
		smtp = await startSmtp(2527, dir, 8);
		srv = await startServer({ args: ['--smtp', 'smtp://127.0.0.1:2527',
		    '--smtp-backoff', '1', '--smtp-timeout', '2'] });
		await setAddress(srv, 'jens@aalborg.dk');
		await openRound(srv);
		/* While the sender waits for the server, pages answer. */
		await until('a send under way', () => outbox(srv)
		    .some((x) => x.state === 'sending'));
		const c = await srv.login('op851');
		for (let i = 0; i < 5; i++) {
			const t0 = Date.now();
			const r = await c.get('/konto/notifikationer');
			assert.equal(r.status, 200);
			assert.ok(Date.now() - t0 < 1000, `took ${Date.now() - t0} ms`);
		}
		const m = await until('a timed out attempt', () => outbox(srv)
		    .find((x) => x.last_error !== null && x.attempts >= 1));
		assert.match(m.last_error, /svarede ikke i tide/);
		/* The server dropped what it got too late: nothing twice. */
		await sleep(3000);
		assert.equal(received(dir).length, 0);
	});
});
