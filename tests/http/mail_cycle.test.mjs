/*
 * The yearly cycle's e-mail end to end against a local SMTP server
 * (python3-aiosmtpd, port 2541): an indmelding year opened reaches its
 * municipalities and operators, a returned indmelding its party with the
 * comment, the joint hearing every party; `ramme mail remind` sends the
 * reminders of the indmeldinger, the hearing and the approvals still
 * pending, once, within the lead of the agreement parameter
 * reminder_days.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { needs, postForm, ramme, smtpPython, sql, startServer, startSmtp,
    tempDir } from './harness.mjs';

const PORT = 2541;

const skip = needs(smtpPython() !== null, 'python3-aiosmtpd');
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/* The mails received: [{to, subject, text}], subject and body decoded. */
function received(dir) {
	if (!fs.existsSync(dir))
		return [];
	return fs.readdirSync(dir).filter((f) => f.endsWith('.eml')).sort()
	    .map((f) => {
		const raw = fs.readFileSync(path.join(dir, f), 'latin1');
		const meta = JSON.parse(fs.readFileSync(path.join(dir,
		    f.replace(/\.eml$/, '.json')), 'utf8'));
		const m = /^Subject: ((?:.*)(?:\r\n .*)*)/mi.exec(raw);
		const subject = m[1].replace(/\r\n /g, '').replace(
		    /=\?UTF-8\?B\?([^?]*)\?=/g,
		    (_, b) => Buffer.from(b, 'base64').toString('utf8'));
		const body = raw.slice(raw.indexOf('\r\n\r\n') + 4)
		    .replace(/=\r\n/g, '');
		const text = Buffer.from(body.replace(/=([0-9A-F]{2})/g,
		    (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1')
		    .toString('utf8');
		return { to: meta.to[0], subject, text };
	    });
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

function day(offset) {
	return new Date(Date.now() + offset * 86400000).toISOString()
	    .slice(0, 10);
}

const KINDS = ['opened', 'reminder', 'overdue', 'returned', 'approved',
    'agenda', 'minutes', 'hearing'];

describe('mail of the yearly cycle', { skip }, () => {
	const dir = tempDir('ramme-smtp-');
	let srv, smtp, admin, auth, op851, year, mine;
	const MUN = 'kommune@bronderslev.dk', OP = 'jens@aalborg.dk';
	const to = (addr, re) => received(dir).filter((m) => m.to === addr &&
	    re.test(m.subject));
	const remind = () => Number(/^(\d+) reminders queued/.exec(ramme([
	    'mail', 'remind', '--db', srv.db], { ok: true }).stdout)[1]);

	before(async () => {
		smtp = await startSmtp(PORT, dir);
		srv = await startServer({ args: ['--smtp',
		    `smtp://127.0.0.1:${PORT}`, '--smtp-backoff', '1',
		    '--public-url', 'https://ramme.example.dk'] });
		admin = await srv.login('admin');
		auth = await srv.login('authority');
		op851 = await srv.login('op851');
		for (const [c, email] of [[auth, MUN], [op851, OP]]) {
			const form = { email };
			for (const k of KINDS)
				form[`k_${k}`] = '1';
			const r = await postForm(c, '/konto/notifikationer', form);
			assert.equal(r.status, 303);
		}
	});
	after(async () => {
		await srv?.stop();
		await smtp?.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	test('a year opened reaches its municipalities and operators',
	    async () => {
		const r = await postForm(admin, '/indmeldinger',
		    { year: '2032', deadline: day(20) });
		assert.equal(r.status, 303, r.text.slice(0, 400));
		year = Number(/\/indmeldinger\/(\d+)/.exec(
		    r.headers.get('location'))[1]);
		await until('both mails', () => to(MUN, /^Indmelding 2032 åbnet$/)
		    .length === 1 && to(OP, /^Indmelding 2032 åbnet$/).length === 1);
		const m = to(MUN, /åbnet/)[0];
		assert.match(m.text, /Fristen for at indsende er den/);
		assert.ok(m.text.includes(
		    `https://ramme.example.dk/indmeldinger/${year}`), m.text);
	});

	test('outside the lead nothing is reminded; inside once', async () => {
		assert.equal(remind(), 0);
		const put = await admin.request('PUT',
		    '/api/v1/params/2032/reminder_days',
		    { json: { value: 21, reason: 'Længere varsel i 2032' } });
		assert.equal(put.status, 200, put.text);
		assert.ok(remind() >= 2);
		assert.equal(remind(), 0);
		await until('the reminders', () =>
		    to(MUN, /^Påmindelse: frist .* for indmelding 2032$/)
		    .length === 1 && to(OP, /^Påmindelse: frist/).length === 1);
		const bad = await admin.request('PUT',
		    '/api/v1/params/2032/reminder_days',
		    { json: { value: 0, reason: 'Forkert' } });
		assert.equal(bad.status, 400);
	});

	test('a returned indmelding reaches its party with the comment',
	    async () => {
		const y = await auth.getJson(`/api/v1/indmeldinger/${year}`);
		mine = y.submissions[0].id;
		let s = await auth.getJson(`/api/v1/indmelding/${mine}`);
		let r = await postForm(auth, `/indmelding/${mine}/tilbud/` +
		    `${s.lines[0].offer_id}`, { version: String(s.version),
		    use_places: '2' });
		assert.equal(r.status, 303, r.text.slice(0, 400));
		s = await auth.getJson(`/api/v1/indmelding/${mine}`);
		r = await postForm(auth, `/indmelding/${mine}/indsend`,
		    { version: String(s.version), confirm: '1' });
		assert.equal(r.status, 303);
		s = await auth.getJson(`/api/v1/indmelding/${mine}`);
		r = await postForm(admin, `/indmelding/${mine}/retur`,
		    { version: String(s.version), comment: 'Tjek pladstallet' });
		assert.equal(r.status, 303);
		const m = await until('the returned mail', () =>
		    to(MUN, /^Sendt retur: indmelding 2032$/)[0]);
		assert.match(m.text, /Tjek pladstallet/);
		assert.equal(to(OP, /Sendt retur/).length, 0);
	});

	test('the hearing reaches every party, its reminder those silent',
	    async () => {
		const y = await admin.getJson(`/api/v1/indmeldinger/${year}`);
		const r = await postForm(admin, `/indmeldinger/${year}/hoering`,
		    { version: String(y.version), hearing_deadline: day(5),
		    confirm: '1' });
		assert.equal(r.status, 303, r.text.slice(0, 400));
		await until('the hearing mails', () =>
		    to(MUN, /^Høring: statusbillede 2032$/).length === 1 &&
		    to(OP, /^Høring: statusbillede 2032$/).length === 1);
		const c = await postForm(auth, `/indmeldinger/${year}/kommentar`,
		    { text: 'Ingen bemærkninger fra Brønderslev' });
		assert.equal(c.status, 303);
		assert.ok(remind() >= 1);
		await until('the hearing reminder', () =>
		    to(OP, /^Påmindelse: høringsfrist/).length === 1);
		assert.equal(to(MUN, /^Påmindelse: høringsfrist/).length, 0);
		assert.equal(remind(), 0);
	});

	test('approvals still pending are reminded, then overdue', async () => {
		const r = await postForm(admin, '/aftale/dokumenter',
		    { kind: 'styringsaftale', year: '2033', deadline: day(3) });
		assert.equal(r.status, 303, r.text.slice(0, 400));
		const id = Number(/\/aftale\/dokumenter\/(\d+)/.exec(
		    r.headers.get('location'))[1]);
		const own = await postForm(auth,
		    `/aftale/dokumenter/${id}/godkendelse`,
		    { party: '810', status: 'godkendt', decided_on: day(0) });
		assert.equal(own.status, 303, own.text.slice(0, 400));
		assert.ok(remind() >= 1);
		const m = await until('the approval reminder', () =>
		    to(OP, /^Påmindelse: frist .* for godkendelse af/)[0]);
		assert.ok(m.text.includes('https://ramme.example.dk/aftale/' +
		    `dokumenter/${id}`), m.text);
		assert.equal(to(MUN, /godkendelse af/).length, 0);
		assert.equal(remind(), 0);
		/* The deadline passes: one overdue notice. */
		const db = srv.db;
		sql(db, `UPDATE agreement_doc SET deadline =
		    '${day(-1)}' WHERE id = ${id}`);
		assert.ok(remind() >= 1);
		await until('the overdue notice', () =>
		    to(OP, /^Fristen er overskredet: godkendelse af/).length === 1);
		assert.equal(remind(), 0);
	});
});
