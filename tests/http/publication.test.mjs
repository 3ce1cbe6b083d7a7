/*
 * Publication of governance: a meeting's agenda, minutes and packet as
 * PDF (read back with pdftotext), the calendar feeds (all meetings, one
 * body), the RSS feed of approved minutes and the page for politicians.
 *
 * The closed-content proof: a meeting with a closed item and a closed
 * attachment, each with words nothing else contains; every public
 * output (pages, PDFs, packet, calendars, feed, politicians' page,
 * search, OParl when served) is fetched anonymously and by a signed-in
 * non-member and must not hold them, while the secretariat's and a
 * member's PDFs do.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
	have,
	needs,
	postFile as upload,
	postForm as form,
	redirectId,
	startServer,
	tempDir,
} from './harness.mjs';
import { makePdf } from './minipdf.mjs';

const PDFTOTEXT = '/usr/bin/pdftotext';
const havePdftotext = fs.existsSync(PDFTOTEXT);

/* Words only the closed item and the closed attachments contain. */
const SECRETS = ['struds', 'Lukket personsag', 'Hemmelig indstilling',
    'lukketbilagsord', 'Hemmeligt referat', 'Fortroligt notat'];

let srv, anon, admin, reader, member, tmp;
before(async () => {
	srv = await startServer();
	anon = srv.client();
	admin = await srv.login('admin');
	reader = await srv.login('reader');
	tmp = tempDir('ramme-pub-');
});
after(async () => {
	await srv?.stop();
	if (tmp)
		fs.rmSync(tmp, { recursive: true, force: true });
});

async function get(c, p, status = 200) {
	const r = await c.get(p);
	assert.equal(r.status, status, `GET ${p}: ${r.status} ${r.text.slice(0, 300)}`);
	return r;
}

let nPdf = 0;
/* The text of a PDF (pdftotext -layout keeps the page footers). */
function pdfText(buf) {
	const f = path.join(tmp, `doc-${++nPdf}.pdf`);
	fs.writeFileSync(f, buf);
	const r = spawnSync(PDFTOTEXT, ['-enc', 'UTF-8', f, '-']);
	assert.equal(r.status, 0, `pdftotext: ${r.stderr}`);
	return r.stdout.toString('utf8');
}

/* GET a PDF; asserts type, disposition and magic; returns {r, text}. */
async function getPdf(c, p, namePrefix) {
	const r = await get(c, p);
	assert.equal(r.headers.get('content-type'), 'application/pdf', p);
	assert.equal(r.body.subarray(0, 5).toString('latin1'), '%PDF-', p);
	const cd = r.headers.get('content-disposition') || '';
	assert.match(cd, /^inline; filename="[a-z0-9-]+\.pdf"$/, `${p}: ${cd}`);
	if (namePrefix)
		assert.ok(cd.includes(`filename="${namePrefix}`), `${p}: ${cd}`);
	return { r, text: havePdftotext ? pdfText(r.body) : '' };
}

function assertNoSecret(text, where) {
	for (const s of SECRETS)
		assert.ok(!text.toLowerCase().includes(s.toLowerCase()),
		    `${where} holds closed text «${s}»`);
}

/*
 * A small well-formedness check of an XML document: one root element,
 * balanced tags, no stray '<' or '&'.
 */
function assertWellFormedXml(xml, where) {
	assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>/, where);
	const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
	const stack = [];
	const re = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<!\[CDATA\[[^]*?\]\]>|<!--[^]*?-->|(<)|(&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);))/g;
	let m, roots = 0;
	while ((m = re.exec(body)) !== null) {
		assert.ok(m[5] === undefined, `${where}: stray < at ${m.index}`);
		assert.ok(m[6] === undefined, `${where}: stray & at ${m.index}`);
		if (m[2] === undefined)
			continue;
		if (m[1] === '/') {
			assert.equal(stack.pop(), m[2], `${where}: </${m[2]}> unbalanced`);
		} else if (m[4] !== '/') {
			if (stack.length === 0)
				roots++;
			stack.push(m[2]);
		}
	}
	assert.deepEqual(stack, [], `${where}: unclosed elements`);
	assert.equal(roots, 1, `${where}: one root element`);
	if (have(fs.existsSync('/usr/bin/xmllint'), 'xmllint (libxml2-utils)')) {
		const r = spawnSync('/usr/bin/xmllint', ['--noout', '-'],
		    { input: xml });
		assert.equal(r.status, 0, `${where}: xmllint: ${r.stderr}`);
	}
}

/* The UIDs of the events of an iCalendar text. */
function uids(ics) {
	return [...ics.matchAll(/^UID:(.*)\r$/gm)].map((m) => m[1]);
}

async function bodyId(name) {
	const r = await get(anon, '/organer');
	const m = new RegExp(`href="/organer/(\\d+)">${name}<`).exec(r.text);
	assert.ok(m, `no body ${name}`);
	return Number(m[1]);
}

async function itemIds(id) {
	const r = await get(admin, `/moeder/${id}`);
	return [...r.text.matchAll(/href="\/punkter\/(\d+)"/g)].map((m) => Number(m[1]));
}

describe('publication of meetings', () => {
	let socdir, das, m1, m2, m3, planned, openItem, closedItem;

	test('a meeting with a closed item and closed attachments', async () => {
		socdir = await bodyId('Socialdirektørkredsen');
		das = await bodyId('Den Administrative Styregruppe');
		m1 = redirectId(await form(admin, '/moeder/nyt', { body_id: socdir,
		    starts_at: '2026-03-06T10:00', ends_at: '2026-03-06T12:00',
		    place: 'Boulevarden 13', room: 'Lokale 3',
		    referent: 'Thomas Gajhede Haugaard', case_no: '2026-209',
		    doc_no: '2026-42002' }));
		await form(admin, `/moeder/${m1}/deltagere`, { name: 'Anna Kragh',
		    organisation: 'Aalborg Kommune', status: 'deltager' });
		await form(admin, `/moeder/${m1}/deltagere`, { name: 'Jens Nørgaard',
		    organisation: 'Mariagerfjord Kommune', status: 'afbud' });
		assert.equal(redirectId(await form(admin, `/moeder/${m1}/punkter`, {
		    section: 'behandling', title: 'Styringsaftale for 2027 (HETH)',
		    presenter: 'HETH', background: 'Udkast til styringsaftale.',
		    recommendation: 'Det indstilles, at styringsaftalen godkendes.' })),
		    m1);
		assert.equal(redirectId(await form(admin, `/moeder/${m1}/punkter`, {
		    section: 'lukket', title: 'Lukket personsag om struds',
		    background: 'Personsag om struds.',
		    recommendation: 'Hemmelig indstilling om struds.' })), m1);
		const ids = await itemIds(m1);
		/* dagsorden, styringsaftale, lukket, evt, næste møde */
		assert.equal(ids.length, 5);
		openItem = ids[1];
		closedItem = ids[2];
		assert.equal(redirectId(await upload(admin, `/punkter/${openItem}/bilag`,
		    { name: 'Bilag 1 Styringsaftale', doc_no: '2026-1' },
		    makePdf('pakkebilagstekst styringsaftale'), 'styring.pdf',
		    'application/pdf')), openItem);
		assert.equal(redirectId(await upload(admin, `/punkter/${openItem}/bilag`,
		    { name: 'Fortroligt notat', closed: '1' },
		    makePdf('lukketbilagsord i et aabent punkt'), 'notat.pdf',
		    'application/pdf')), openItem);
		assert.equal(redirectId(await upload(admin, `/punkter/${closedItem}/bilag`,
		    { name: 'Bilag om struds' }, makePdf('lukketbilagsord igen'),
		    'struds.pdf', 'application/pdf')), closedItem);
		/* A member of the body (the authority login). */
		const r = await form(admin, `/organer/${socdir}/medlemmer`, {
		    name: 'Mette Myndighed', org_code: '810', role: 'medlem',
		    voting: '1', on_behalf_of: '810', username: 'authority' });
		assert.equal(r.status, 303, r.text.slice(0, 300));
		member = await srv.login('authority');
	});

	test('a planned meeting is not published', async () => {
		for (const doc of ['dagsorden', 'referat', 'pakke']) {
			await get(anon, `/moeder/${m1}/${doc}.pdf`, 404);
			await get(reader, `/moeder/${m1}/${doc}.pdf`, 404);
		}
		/* The secretariat and members see the agenda before. */
		const a = await getPdf(admin, `/moeder/${m1}/dagsorden.pdf`);
		if (havePdftotext)
			assert.match(a.text, /Lukket personsag om struds/);
		await getPdf(member, `/moeder/${m1}/dagsorden.pdf`);
		/* Unknown meetings and ids. */
		for (const p of ['/moeder/999999/dagsorden.pdf',
		    '/moeder/999999/referat.pdf', '/moeder/999999/pakke.pdf',
		    '/moeder/abc/dagsorden.pdf', '/organer/999999/kalender.ics'])
			await get(anon, p, 404);
		/* No query parameters. */
		await get(anon, `/moeder/${m1}/dagsorden.pdf?x=1`, 400);
	});

	test('the public agenda as PDF: header block, items, page numbers',
	    { skip: needs(havePdftotext, 'pdftotext (poppler-utils)') }, async () => {
		assert.equal(redirectId(await form(admin, `/moeder/${m1}/status`,
		    { state: 'indkaldt', confirm: '1' })), m1);
		const { r, text } = await getPdf(anon, `/moeder/${m1}/dagsorden.pdf`,
		    'dagsorden-socdir-2026-03-06');
		assert.equal(r.headers.get('cache-control'), null,
		    'a public document may be cached');
		for (const label of ['Møde', 'Tid', 'Sted', 'Deltagere', 'Afbud',
		    'Referent', 'Sagsnr./Dok.nr.'])
			assert.match(text, new RegExp(`^\\s*${label.replace('.', '\\.')}`,
			    'm'), `header ${label}`);
		assert.match(text, /Socialdirektørkredsen/);
		assert.match(text, /6\. marts 2026/);
		assert.match(text, /Boulevarden 13/);
		assert.match(text, /Anna Kragh/);
		assert.match(text, /Jens Nørgaard/);
		assert.match(text, /Thomas Gajhede Haugaard/);
		assert.match(text, /2026-209/);
		assert.match(text, /Styringsaftale for 2027/);
		assert.match(text, /Det indstilles, at styringsaftalen godkendes\./);
		assert.match(text, /Bilag 1 Styringsaftale/);
		assert.match(text, /Side 1 af \d+/);
		assertNoSecret(text, 'the public agenda PDF');
		/* Not minutes yet. */
		await get(anon, `/moeder/${m1}/referat.pdf`, 404);
		/* The meeting page links the documents. */
		const p = await get(anon, `/moeder/${m1}`);
		assert.match(p.text, new RegExp(`href="/moeder/${m1}/dagsorden\\.pdf"`));
		assert.match(p.text, new RegExp(`href="/moeder/${m1}/pakke\\.pdf"`));
		assert.doesNotMatch(p.text, /referat\.pdf/);
	});

	test('the packet merges the attachments the user may see',
	    { skip: needs(havePdftotext, 'pdftotext (poppler-utils)') }, async () => {
		const pub = await getPdf(anon, `/moeder/${m1}/pakke.pdf`,
		    'moedepakke-socdir-2026-03-06');
		assert.match(pub.text, /Styringsaftale for 2027/);
		assert.match(pub.text, /pakkebilagstekst styringsaftale/,
		    'the attached PDF is in the packet');
		assertNoSecret(pub.text, 'the public packet');
		const adm = await getPdf(admin, `/moeder/${m1}/pakke.pdf`);
		assert.match(adm.text, /pakkebilagstekst/);
		assert.match(adm.text, /lukketbilagsord i et aabent punkt/);
		assert.match(adm.text, /lukketbilagsord igen/);
		const mem = await getPdf(member, `/moeder/${m1}/pakke.pdf`);
		assert.match(mem.text, /lukketbilagsord igen/);
		const rd = await getPdf(reader, `/moeder/${m1}/pakke.pdf`);
		assertNoSecret(rd.text, 'a non-member\'s packet');
		/* No temporary files are left behind. */
		const left = fs.readdirSync(process.env.TMPDIR || '/tmp')
		    .filter((f) => f.startsWith('ramme-pakke-'));
		assert.deepEqual(left, []);
	});

	test('minutes: drafts as on the meeting page, then published',
	    { skip: needs(havePdftotext, 'pdftotext (poppler-utils)') }, async () => {
		assert.equal(redirectId(await form(admin, `/moeder/${m1}/status`,
		    { state: 'afholdt' })), m1);
		assert.equal(redirectId(await form(admin, `/punkter/${openItem}/referat`, {
		    minutes: 'Kredsen godkendte styringsaftalen med en rettelse.',
		    result: 'godkendt' })), openItem);
		assert.equal(redirectId(await form(admin, `/punkter/${closedItem}/referat`, {
		    minutes: 'Hemmeligt referat om struds.', result: 'godkendt' })),
		    closedItem);
		/* A draft: the secretariat only, marked as a draft. */
		await get(anon, `/moeder/${m1}/referat.pdf`, 404);
		await get(reader, `/moeder/${m1}/referat.pdf`, 404);
		await get(member, `/moeder/${m1}/referat.pdf`, 404);
		let d = await getPdf(admin, `/moeder/${m1}/referat.pdf`);
		assert.match(d.text, /Referat – udkast/);
		assert.match(d.text, /Hemmeligt referat om struds/);
		/* Circulated: the members too. */
		assert.equal(redirectId(await form(admin,
		    `/moeder/${m1}/referat/udsend`, {})), m1);
		d = await getPdf(member, `/moeder/${m1}/referat.pdf`);
		assert.match(d.text, /Referat – udkast/);
		assert.match(d.text, /Kredsen godkendte styringsaftalen/);
		await get(anon, `/moeder/${m1}/referat.pdf`, 404);
		/* Approved at the next meeting: public. */
		m2 = redirectId(await form(admin, '/moeder/nyt', { body_id: socdir,
		    starts_at: '2026-05-06T10:00', place: 'Boulevarden 13' }));
		assert.equal(redirectId(await form(admin, `/moeder/${m2}/status`,
		    { state: 'indkaldt', confirm: '1' })), m2);
		const approve = (await itemIds(m2))[1];
		assert.equal(redirectId(await form(admin, `/punkter/${approve}/godkend`,
		    { confirm: '1' })), m2);
		const { text } = await getPdf(anon, `/moeder/${m1}/referat.pdf`,
		    'referat-socdir-2026-03-06');
		assert.match(text, /Kredsen godkendte styringsaftalen med en rettelse\./);
		assert.match(text, /Beslutning/);
		assert.match(text, /Side 1 af \d+/);
		assert.doesNotMatch(text, /– udkast/);
		assert.doesNotMatch(text, /\(HETH\) \(HETH\)/,
		    'the initials once');
		assertNoSecret(text, 'the public minutes PDF');
		const p = await get(anon, `/moeder/${m1}`);
		assert.match(p.text, new RegExp(`href="/moeder/${m1}/referat\\.pdf">Referat \\(PDF\\)`));
		const adm = await getPdf(admin, `/moeder/${m1}/referat.pdf`);
		assert.match(adm.text, /Hemmeligt referat om struds/);
	});

	test('calendars: all meetings and one body, stable UIDs', async () => {
		planned = redirectId(await form(admin, '/moeder/nyt', {
		    body_id: socdir, starts_at: '2027-09-01T10:00' }));
		m3 = redirectId(await form(admin, '/moeder/nyt', { body_id: das,
		    starts_at: '2027-02-03T13:00', ends_at: '2027-02-03T15:00',
		    place: 'Rådhuset' }));
		assert.equal(redirectId(await form(admin, `/moeder/${m3}/status`,
		    { state: 'indkaldt', confirm: '1' })), m3);
		const a = await get(anon, '/kalender.ics');
		assert.match(a.headers.get('content-type'), /^text\/calendar; charset=utf-8/);
		assert.match(a.text, /^BEGIN:VCALENDAR\r\n/);
		assert.match(a.text, /END:VCALENDAR\r\n$/);
		assert.match(a.text, /^VERSION:2\.0\r$/m);
		assert.match(a.text, /^BEGIN:VTIMEZONE\r$/m);
		const all = uids(a.text);
		for (const id of [m1, m2, m3])
			assert.ok(all.includes(`meeting-${id}@ramme`), `UID of ${id}`);
		assert.ok(!all.includes(`meeting-${planned}@ramme`),
		    'a planned meeting is not in the feed');
		assert.match(a.text, /^DTSTART;TZID=Europe\/Copenhagen:20270203T130000\r$/m);
		const again = await get(anon, '/kalender.ics');
		assert.deepEqual(uids(again.text), all, 'UIDs are stable');
		const s = await get(anon, `/organer/${socdir}/kalender.ics`);
		assert.match(s.text, /^X-WR-CALNAME:Møder i Socialdirektørkredsen\r$/m);
		const su = uids(s.text);
		assert.ok(su.includes(`meeting-${m1}@ramme`));
		assert.ok(!su.includes(`meeting-${m3}@ramme`), 'only the body\'s');
		const d = await get(anon, `/organer/${das}/kalender.ics`);
		assert.ok(uids(d.text).includes(`meeting-${m3}@ramme`));
		assert.ok(!uids(d.text).includes(`meeting-${m1}@ramme`));
		/* A cancelled meeting stays, as CANCELLED. */
		assert.equal(redirectId(await form(admin, `/moeder/${m3}/status`,
		    { state: 'aflyst', confirm: '1' })), m3);
		const c = await get(anon, `/organer/${das}/kalender.ics`);
		assert.match(c.text, /^STATUS:CANCELLED\r$/m);
		assert.match(c.text, /^SUMMARY:AFLYST: /m);
		/* Linked from the meeting list and the body page. */
		assert.match((await get(anon, '/moeder')).text,
		    /href="\/kalender\.ics"/);
		assert.match((await get(anon, `/organer/${socdir}`)).text,
		    new RegExp(`href="/organer/${socdir}/kalender\\.ics"`));
	});

	test('the RSS feed of approved minutes', async () => {
		const r = await get(anon, '/referater.rss');
		assert.match(r.headers.get('content-type'),
		    /^application\/rss\+xml; charset=utf-8/);
		assertWellFormedXml(r.text, '/referater.rss');
		assert.match(r.text, /<rss version="2\.0"/);
		const items = [...r.text.matchAll(/<item>([^]*?)<\/item>/g)]
		    .map((m) => m[1]);
		const of = (id) => items.filter((t) =>
		    new RegExp(`<link>http://127\\.0\\.0\\.1:\\d+/moeder/${id}</link>`)
		    .test(t));
		assert.equal(of(m1).length, 1, 'the approved minutes');
		assert.equal(of(m2).length, 0, 'only approved minutes');
		assert.equal(items[0], of(m1)[0], 'newest approval first');
		assert.match(items[0], /<title>Referat: Møde i Socialdirektørkredsen/);
		assert.match(items[0], /Kredsen godkendte styringsaftalen/);
		assertNoSecret(r.text, '/referater.rss');
		await get(anon, '/referater.rss?x=1', 400);
	});

	test('the page for politicians', async () => {
		/* An upcoming published meeting. */
		const up = redirectId(await form(admin, '/moeder/nyt', {
		    body_id: socdir, starts_at: '2027-03-04T09:00',
		    ends_at: '2027-03-04T11:00' }));
		assert.equal(redirectId(await form(admin, `/moeder/${up}/status`,
		    { state: 'indkaldt', confirm: '1' })), up);
		const r = await get(anon, '/politikere');
		assert.match(r.headers.get('content-type'), /^text\/html/);
		assert.match(r.text, /<h1>For politikere<\/h1>/);
		assert.match(r.text, /<a class="nav-link" href="\/politikere" aria-current="page"><span>Politikere<\/span><\/a>/);
		assert.match(r.text, /href="\/takster"/);
		assert.match(r.text, /href="\/kalender\.ics"/);
		assert.match(r.text, /href="\/referater\.rss"/);
		assert.match(r.text, /<link rel="alternate" type="application\/rss\+xml"/);
		assert.doesNotMatch(r.text.replace(
		    /<script defer src="\/static\/[^"]+"><\/script>/g, ''), /<script/);
		/* The decision. */
		const dec = /<section aria-labelledby="beslutninger">([^]*?)<\/section>/
		    .exec(r.text)[1];
		assert.match(dec, /Styringsaftale for 2027 \(HETH\)/);
		assert.match(dec, /Det indstilles, at styringsaftalen godkendes\./);
		assert.match(dec, /<dt>Beslutning<\/dt><dd><span class="badge badge-success">Godkendt<\/span><\/dd>/);
		assert.match(dec, new RegExp(`href="/moeder/${m1}/referat\\.pdf"`));
		assert.doesNotMatch(dec, /Godkendelse af dagsorden/,
		    'standard items are not decisions');
		/* Upcoming meetings, soonest first; planned ones not. */
		const upc = /<section aria-labelledby="kommende">([^]*?)<\/section>/
		    .exec(r.text)[1];
		assert.match(upc, /4\. marts 2027, kl\. 09\.00–11\.00/);
		assert.match(upc, new RegExp(`href="/moeder/${up}/dagsorden\\.pdf"`));
		assert.match(upc, /3\. februar 2027[^]*Aflyst[^]*4\. marts 2027/);
		assert.doesNotMatch(upc, new RegExp(`/moeder/${planned}"`));
		assert.doesNotMatch(upc, /6\. marts 2026/, 'past meetings are not upcoming');
		assertNoSecret(r.text, '/politikere');
	});

	test('no public output holds closed content', async () => {
		const pages = ['/moeder', `/moeder/${m1}`, `/moeder/${m2}`,
		    `/moeder/${m1}/referat/aendringer`, `/organer/${socdir}`,
		    '/kalender.ics', `/organer/${socdir}/kalender.ics`,
		    '/referater.rss', '/politikere', '/soeg?q=styringsaftalen',
		    '/soeg?q=pakkebilagstekst'];
		for (const s of SECRETS)
			pages.push(`/soeg?q=${encodeURIComponent(s)}`);
		/* The open API is public output too: it must answer. */
		pages.push('/oparl/v1', `/oparl/v1/meeting/${m1}`);
		const pdfs = [`/moeder/${m1}/dagsorden.pdf`,
		    `/moeder/${m1}/referat.pdf`, `/moeder/${m1}/pakke.pdf`,
		    `/moeder/${m2}/dagsorden.pdf`, `/moeder/${m2}/pakke.pdf`];
		for (const c of [anon, reader]) {
			for (const p of pages) {
				const r = await c.get(p);
				assert.equal(r.status, 200, `${p}: ${r.status}`);
				/* The search form repeats the query itself. */
				const text = p.startsWith('/soeg?q=') ?
				    r.text.replace(/<form class="filters"[^]*?<\/form>/, '')
				    .replace(/<title>[^<]*<\/title>/, '')
				    .replace(/<h1>[^<]*<\/h1>/, '') : r.text;
				assertNoSecret(text, `${p} (${c === anon ? 'anonymous' : 'reader'})`);
			}
			for (const p of pdfs) {
				const { r, text } = await getPdf(c, p);
				assertNoSecret(r.body.toString('latin1'), `${p} bytes`);
				assertNoSecret(text, p);
			}
		}
		/* While the secretariat's and a member's documents hold them. */
		if (havePdftotext)
			for (const c of [admin, member]) {
				const a = await getPdf(c, `/moeder/${m1}/dagsorden.pdf`);
				assert.match(a.text, /Lukket personsag om struds/);
				assert.match(a.text, /Hemmelig indstilling om struds/);
				assert.match(a.text, /Fortroligt notat/);
				const m = await getPdf(c, `/moeder/${m1}/referat.pdf`);
				assert.match(m.text, /Hemmeligt referat om struds/);
				assert.equal(m.r.headers.get('cache-control'), 'no-store');
			}
	});
});
