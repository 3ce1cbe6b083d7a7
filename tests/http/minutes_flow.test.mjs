/*
 * The secretariat's minutes workflow: a new meeting gets the body's
 * voting members and substitutes as participants (and a meeting without
 * participants can get them later); "an earlier item" is chosen from a
 * list of recent items with date, body, number and title; approving
 * minutes before the next meeting says who agreed and warns when no
 * voting member has; and the public meeting page and the agenda and
 * minutes PDFs list the same items, without the closed one.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';

import {
	postForm as form,
	sql as harnessSql,
	startServer,
} from './harness.mjs';

const PDFTOTEXT = '/usr/bin/pdftotext';
const havePdftotext = fs.existsSync(PDFTOTEXT);

let srv, anon, admin, tmp;
before(async () => {
	srv = await startServer();
	anon = srv.client();
	admin = await srv.login('admin');
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ramme-flow-'));
});
after(async () => {
	await srv?.stop();
	if (tmp)
		fs.rmSync(tmp, { recursive: true, force: true });
});

function redirectId(r) {
	assert.equal(r.status, 303, `${r.status} ${r.text.slice(0, 400)}`);
	const m = /\/(?:moeder|organer|punkter)\/(\d+)/.exec(r.headers.get('location'));
	assert.ok(m, r.headers.get('location'));
	return Number(m[1]);
}

async function page(c, p, status = 200) {
	const r = await c.get(p);
	assert.equal(r.status, status, `GET ${p}: ${r.status} ${r.text.slice(0, 300)}`);
	return r.text;
}

function sql(q) {
	return harnessSql(srv.db, q).trim();
}

let nPdf = 0;
async function pdfText(c, p) {
	const r = await c.get(p);
	assert.equal(r.status, 200, p);
	const f = path.join(tmp, `d-${++nPdf}.pdf`);
	fs.writeFileSync(f, r.body);
	const t = spawnSync(PDFTOTEXT, ['-enc', 'UTF-8', f, '-']);
	assert.equal(t.status, 0);
	return t.stdout.toString('utf8').replace(/\s+/g, ' ');
}

/* The item titles of a meeting page, in order. */
function titles(html) {
	return [...html.matchAll(/id="punkt-\d+"><h3>(?:\d+\. )?([^<]*)<\/h3>/g)]
	    .map((m) => m[1]);
}

describe('minutes workflow', () => {
	let body, m1, m2, early, member;

	test('a new meeting gets the voting members and substitutes', async () => {
		body = redirectId(await form(admin, '/organer', {
		    name: 'Netværk for pelikaner', kind: 'netvaerk' }));
		redirectId(await form(admin, `/organer/${body}/medlemmer`, {
		    name: 'Vera Voting', org_code: '810', role: 'formand',
		    voting: '1', on_behalf_of: '810', username: 'authority' }));
		const vera = sql(`SELECT id FROM membership WHERE person_id = ` +
		    `(SELECT id FROM person WHERE name = 'Vera Voting')`);
		redirectId(await form(admin, `/organer/${body}/medlemmer`, {
		    name: 'Sune Stedfortræder', role: 'stedfortraeder',
		    substitute_for: vera }));
		redirectId(await form(admin, `/organer/${body}/medlemmer`, {
		    name: 'Olga Observatør', role: 'observatoer' }));
		m1 = redirectId(await form(admin, '/moeder/nyt', { body_id: body,
		    starts_at: '2026-02-02T09:00', place: 'Aalborg' }));
		const p = await page(admin, `/moeder/${m1}`);
		const dt = /<dt>Deltagere<\/dt><dd>(.*?)<\/dd>/s.exec(p)[1];
		assert.match(dt, /Vera Voting/);
		assert.match(dt, /Sune Stedfortræder.*stedfortræder for Vera Voting/);
		assert.doesNotMatch(p, /Olga Observatør/);
	});

	test('a meeting without participants gets them on request', async () => {
		sql(`DELETE FROM meeting_participant WHERE meeting_id = ${m1}`);
		let p = await page(admin, `/moeder/${m1}`);
		assert.match(p, /Sæt organets medlemmer på som deltagere/);
		assert.equal(redirectId(await form(admin, `/moeder/${m1}/fra-organ`,
		    {})), m1);
		p = await page(admin, `/moeder/${m1}`);
		assert.match(/<dt>Deltagere<\/dt><dd>(.*?)<\/dd>/s.exec(p)[1],
		    /Vera Voting/);
		/* Not twice. */
		await form(admin, `/moeder/${m1}/fra-organ`, {});
		assert.equal(sql(`SELECT count(*) FROM meeting_participant WHERE ` +
		    `meeting_id = ${m1}`), '2');
	});

	test('an earlier item is chosen from a list', async () => {
		early = redirectId(await form(admin, `/moeder/${m1}/punkter`, {
		    title: 'Tidligere sag om pelikaner',
		    recommendation: 'Det indstilles, at pelikanerne fodres.' }));
		early = Number(sql(`SELECT id FROM agenda_item WHERE title = ` +
		    `'Tidligere sag om pelikaner'`));
		m2 = redirectId(await form(admin, '/moeder/nyt', { body_id: body,
		    starts_at: '2026-04-02T09:00', place: 'Aalborg' }));
		redirectId(await form(admin, `/moeder/${m2}/punkter`, {
		    title: 'Pelikaner igen' }));
		const item = Number(sql(`SELECT id FROM agenda_item WHERE title = ` +
		    `'Pelikaner igen'`));
		const f = await page(admin, `/punkter/${item}`);
		const sel = /<select[^>]*name="earlier_item"[^>]*>(.*?)<\/select>/s
		    .exec(f);
		assert.ok(sel, 'a select of earlier items');
		assert.match(sel[1], new RegExp(`<option value="${early}">2\\. ` +
		    `februar 2026 · Netværk for pelikaner · punkt \\d+: Tidligere ` +
		    `sag om pelikaner</option>`));
		assert.doesNotMatch(sel[1], /Pelikaner igen/, 'not its own meeting');
		assert.doesNotMatch(f, /Punkt-id/);
		redirectId(await form(admin, `/punkter/${item}`, {
		    section: 'behandling', title: 'Pelikaner igen',
		    earlier_item: String(early) }));
		const p = await page(admin, `/moeder/${m2}`);
		assert.match(p, /Tidligere indstilling/);
		assert.match(p, /pelikanerne fodres/);
		assert.match(await page(admin, `/punkter/${item}`),
		    new RegExp(`<option value="${early}" selected>`));
	});

	test('early approval names who agreed and warns when no voting member has',
	    async () => {
		for (const state of ['indkaldt', 'afholdt'])
			redirectId(await form(admin, `/moeder/${m1}/status`,
			    { state, confirm: '1' }));
		redirectId(await form(admin, `/punkter/${early}/referat`,
		    { minutes: 'Pelikanerne fodres.', result: 'godkendt' }));
		redirectId(await form(admin, `/moeder/${m1}/referat/udsend`, {}));
		const note = { note: 'Fodringen skal begynde nu' };
		let r = await form(admin, `/moeder/${m1}/referat/godkend`, note);
		assert.equal(r.status, 200);
		assert.match(r.text, /Ingen stemmeberettigede medlemmer har tiltrådt/);
		assert.match(r.text, /0 af 1 stemmeberettigede medlemmer/);
		member = await srv.login('authority');
		redirectId(await form(member, `/moeder/${m1}/referat/tiltraed`, {}));
		assert.match(await page(admin, `/moeder/${m1}`),
		    /1 af 1 stemmeberettigede medlemmer har tiltrådt:<\/p><ul><li>Vera Voting/);
		r = await form(admin, `/moeder/${m1}/referat/godkend`, note);
		assert.equal(r.status, 200);
		assert.doesNotMatch(r.text, /Ingen stemmeberettigede/);
		assert.match(r.text, /1 af 1 stemmeberettigede medlemmer har tiltrådt referatet: Vera Voting/);
		assert.equal(sql(`SELECT state FROM meeting WHERE id = ${m1}`),
		    'referat_udkast');
		redirectId(await form(admin, `/moeder/${m1}/referat/godkend`,
		    { ...note, confirm: '1' }));
		assert.equal(sql(`SELECT state FROM meeting WHERE id = ${m1}`),
		    'referat_godkendt');
	});

	test('the public page and the PDFs list the same items, closed ones in neither',
	    { skip: !havePdftotext && 'pdftotext missing' }, async () => {
		redirectId(await form(admin, `/moeder/${m2}/punkter`, {
		    section: 'lukket', title: 'Lukket sag om flamingoer',
		    closed: '1' }));
		redirectId(await form(admin, `/moeder/${m2}/status`,
		    { state: 'indkaldt', confirm: '1' }));
		const pub = titles(await page(anon, `/moeder/${m2}`));
		const all = titles(await page(admin, `/moeder/${m2}`));
		assert.ok(all.includes('Lukket sag om flamingoer'));
		assert.ok(!pub.includes('Lukket sag om flamingoer'));
		assert.deepEqual(all.filter((t) => t !== 'Lukket sag om flamingoer'),
		    pub);
		const pdf = await pdfText(anon, `/moeder/${m2}/dagsorden.pdf`);
		for (const t of pub)
			assert.ok(pdf.includes(t), `agenda PDF lacks «${t}»`);
		assert.doesNotMatch(pdf, /flamingo/i);
		const minutes = await pdfText(anon, `/moeder/${m1}/referat.pdf`);
		for (const t of titles(await page(anon, `/moeder/${m1}`)))
			assert.ok(minutes.includes(t), `minutes PDF lacks «${t}»`);
	});
});
