/*
 * Editing an agenda after the fact: items are deleted (never one with
 * minutes, and only with a confirmation) and moved within their section,
 * and the numbering follows; attachments are renamed, closed (also after
 * the minutes are approved, and the public then loses them at once,
 * including the search) and deleted. Every change is audited; deletions
 * leave tombstones for the open meetings API. Only the secretariat edits.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
	postFile as upload,
	postForm as form,
	sql as harnessSql,
	startServer,
} from './harness.mjs';
import { makePdf } from './minipdf.mjs';

let srv, anon, admin;
before(async () => {
	srv = await startServer();
	anon = srv.client();
	admin = await srv.login('admin');
});
after(async () => { await srv?.stop(); });

function redirectTo(r, re) {
	assert.equal(r.status, 303, `${r.status} ${r.text.slice(0, 400)}`);
	const loc = r.headers.get('location');
	assert.match(loc, re);
	return loc;
}

async function page(c, p, status = 200) {
	const r = await c.get(p);
	assert.equal(r.status, status, `GET ${p}: ${r.status} ${r.text.slice(0, 300)}`);
	return r.text;
}

function sql(q) {
	return harnessSql(srv.db, q).trim();
}

/* [number, title] of the items in the order of the admin page. */
async function agenda(id) {
	const t = await page(admin, `/moeder/${id}`);
	return [...t.matchAll(/id="punkt-(\d+)"><h3>(?:\d+\. )?([^<]*)<\/h3>/g)]
	    .map((m) => [Number(m[1]), m[2]]);
}

async function itemId(meeting, title) {
	const id = sql(`SELECT id FROM agenda_item WHERE meeting_id = ${meeting} ` +
	    `AND title = '${title}'`);
	assert.ok(id, `no item ${title}`);
	return Number(id);
}

describe('agenda editing', () => {
	let m, a, b, c, fileOpen, fileOther;

	before(async () => {
		const body = sql("SELECT id FROM body WHERE key = 'socdir'");
		const r = await form(admin, '/moeder/nyt', { body_id: body,
		    starts_at: '2026-05-06T10:00', place: 'Aalborg' });
		m = Number(/\/moeder\/(\d+)\?/.exec(redirectTo(r, /^\/moeder\/\d+/))[1]);
		for (const t of ['Alfa', 'Beta', 'Gamma'])
			redirectTo(await form(admin, `/moeder/${m}/punkter`,
			    { section: 'behandling', title: t }), /^\/moeder\//);
		a = await itemId(m, 'Alfa');
		b = await itemId(m, 'Beta');
		c = await itemId(m, 'Gamma');
	});

	test('items move within their section and are numbered again', async () => {
		assert.deepEqual((await agenda(m)).map((x) => x[1]).slice(0, 4),
		    ['Godkendelse af dagsorden', 'Alfa', 'Beta', 'Gamma']);
		redirectTo(await form(admin, `/punkter/${c}/flyt`, { retning: 'op' }),
		    /besked=flyttet/);
		assert.deepEqual((await agenda(m)).slice(1, 4),
		    [[2, 'Alfa'], [3, 'Gamma'], [4, 'Beta']]);
		redirectTo(await form(admin, `/punkter/${a}/flyt`, { retning: 'ned' }),
		    /besked=flyttet/);
		assert.deepEqual((await agenda(m)).slice(1, 4),
		    [[2, 'Gamma'], [3, 'Alfa'], [4, 'Beta']]);
		/* The first of its section cannot move up; a bad direction. */
		let r = await form(admin, `/punkter/${c}/flyt`, { retning: 'op' });
		assert.equal(r.status, 409);
		assert.match(r.text, /allerede det første i sit afsnit/);
		r = await form(admin, `/punkter/${c}/flyt`, { retning: 'sidelæns' });
		assert.equal(r.status, 400);
		assert.match(r.text, /op eller ned/);
		assert.deepEqual((await agenda(m)).slice(1, 4),
		    [[2, 'Gamma'], [3, 'Alfa'], [4, 'Beta']], 'nothing changed');
		assert.equal(sql(`SELECT count(*) FROM audit WHERE entity = ` +
		    `'agenda_item' AND action = 'move'`), '2');
	});

	test('only the secretariat edits the agenda', async () => {
		const reader = await srv.login('reader');
		for (const [p, f] of [[`/punkter/${a}/flyt`, { retning: 'op' }],
		    [`/punkter/${a}/slet`, { confirm: '1' }]]) {
			assert.equal((await form(reader, p, f)).status, 403);
			const r = await anon.request('POST', p, { form: f });
			assert.ok([401, 403].includes(r.status), String(r.status));
		}
		assert.equal(sql(`SELECT count(*) FROM agenda_item WHERE id = ${a}`), '1');
	});

	test('an item is deleted only when confirmed, never with minutes', async () => {
		let r = await form(admin, `/punkter/${b}/slet`, {});
		assert.equal(r.status, 200);
		assert.match(r.text, /Vil du slette punkt \d+, Beta\?/);
		assert.match(r.text, /De øvrige punkter nummereres igen/);
		assert.match(r.text, /name="confirm" value="1"/);
		assert.equal(sql(`SELECT count(*) FROM agenda_item WHERE id = ${b}`), '1');
		redirectTo(await form(admin, `/punkter/${b}/slet`, { confirm: '1' }),
		    new RegExp(`^/moeder/${m}\\?besked=slettet`));
		assert.deepEqual((await agenda(m)).map((x) => x[1]).slice(0, 4),
		    ['Godkendelse af dagsorden', 'Gamma', 'Alfa', 'Evt.']);
		assert.equal(sql(`SELECT count(*) FROM tombstone WHERE kind = ` +
		    `'agendaitem' AND id = ${b}`), '1');
		assert.match(sql(`SELECT before_json FROM audit WHERE entity = ` +
		    `'agenda_item' AND entity_id = '${b}' AND action = 'delete'`),
		    /Beta/);
		await page(admin, `/punkter/${b}`, 404);
		/* With minutes: refused. */
		redirectTo(await form(admin, `/moeder/${m}/status`,
		    { state: 'indkaldt', confirm: '1' }), /^\/moeder\//);
		redirectTo(await form(admin, `/moeder/${m}/status`,
		    { state: 'afholdt' }), /^\/moeder\//);
		redirectTo(await form(admin, `/punkter/${a}/referat`,
		    { minutes: 'Drøftet.', result: 'droeftet' }), /^\/punkter\//);
		r = await form(admin, `/punkter/${a}/slet`, { confirm: '1' });
		assert.equal(r.status, 409);
		assert.match(r.text, /referat eller beslutning/);
		assert.equal(sql(`SELECT count(*) FROM agenda_item WHERE id = ${a}`), '1');
	});

	test('attachments are renamed, closed and deleted', async () => {
		redirectTo(await upload(admin, `/punkter/${a}/bilag`,
		    { name: 'Notat om struds' }, makePdf('strudsetekst om budget'),
		    'n.pdf', 'application/pdf'), /besked=bilag/);
		redirectTo(await upload(admin, `/punkter/${a}/bilag`,
		    { name: 'Andet bilag' }, makePdf('andet indhold'), 'm.pdf',
		    'application/pdf'), /besked=bilag/);
		fileOpen = Number(sql(`SELECT id FROM attachment WHERE name = 'Notat om struds'`));
		fileOther = Number(sql(`SELECT id FROM attachment WHERE name = 'Andet bilag'`));
		/* Rename: an empty name is refused and changes nothing. */
		let r = await form(admin, `/bilag/${fileOpen}`, { name: '' });
		assert.equal(r.status, 400);
		assert.equal(sql(`SELECT name FROM attachment WHERE id = ${fileOpen}`),
		    'Notat om struds');
		redirectTo(await form(admin, `/bilag/${fileOpen}`,
		    { name: 'Bilag 1 Struds' }), new RegExp(`^/punkter/${a}\\?besked=bilag`));
		assert.match(await page(anon, `/moeder/${m}`), /Bilag 1 Struds/);
		/* Delete the other one. */
		r = await form(admin, `/bilag/${fileOther}/slet`, {});
		assert.equal(r.status, 200);
		assert.match(r.text, /Vil du slette bilaget Andet bilag\?/);
		assert.equal(sql(`SELECT count(*) FROM attachment WHERE id = ${fileOther}`), '1');
		redirectTo(await form(admin, `/bilag/${fileOther}/slet`,
		    { confirm: '1' }), /besked=bilag_slettet/);
		assert.equal(sql(`SELECT count(*) FROM tombstone WHERE kind = 'file' ` +
		    `AND id = ${fileOther}`), '1');
		await page(anon, `/bilag/${fileOther}`, 404);
		/* Unknown attachment. */
		assert.equal((await form(admin, '/bilag/999999', { name: 'x' })).status, 404);
	});

	test('closing an attachment after approval removes it from every public view',
	    async () => {
		/* Approve the minutes early so they are public. */
		redirectTo(await form(admin, `/moeder/${m}/referat/udsend`, {}),
		    /^\/moeder\//);
		/* Early, with no voting member agreed: a warning, then approval. */
		let w = await form(admin, `/moeder/${m}/referat/godkend`,
		    { note: 'Beslutningen træder i kraft før næste møde' });
		assert.equal(w.status, 200);
		assert.match(w.text, /Ingen stemmeberettigede medlemmer har tiltrådt/);
		assert.match(w.text, /0 af \d+ stemmeberettigede medlemmer har tiltrådt/);
		assert.match(w.text, /name="note" value="Beslutningen træder i kraft før næste møde"/);
		assert.equal(sql(`SELECT state FROM meeting WHERE id = ${m}`), 'referat_udkast');
		redirectTo(await form(admin, `/moeder/${m}/referat/godkend`,
		    { note: 'Beslutningen træder i kraft før næste møde',
		    confirm: '1' }), /^\/moeder\//);
		assert.match(await page(anon, `/moeder/${m}`), /Bilag 1 Struds/);
		assert.match(await page(anon, '/soeg?q=strudsetekst'), /Alfa/);
		assert.equal((await anon.get(`/bilag/${fileOpen}`)).status, 200);
		/* Approved: the agenda is frozen, but a file can still be closed. */
		let r = await form(admin, `/punkter/${a}/flyt`, { retning: 'ned' });
		assert.equal(r.status, 409);
		r = await form(admin, `/bilag/${fileOpen}/slet`, { confirm: '1' });
		assert.equal(r.status, 409);
		redirectTo(await form(admin, `/bilag/${fileOpen}`,
		    { name: 'Bilag 1 Struds', closed: '1' }), /besked=bilag/);
		const pub = await page(anon, `/moeder/${m}`);
		assert.doesNotMatch(pub, /Struds/);
		assert.doesNotMatch(await page(anon, '/soeg?q=strudsetekst'), /Alfa/);
		await page(anon, `/bilag/${fileOpen}`, 404);
		/* The secretariat still has it, marked closed. */
		assert.match(await page(admin, `/moeder/${m}`),
		    /Bilag 1 Struds<\/a>.*?Lukket bilag/s);
		const audit = sql(`SELECT before_json || ' → ' || after_json FROM audit WHERE ` +
		    `entity = 'attachment' AND entity_id = '${fileOpen}' AND ` +
		    `action = 'update' ORDER BY id DESC LIMIT 1`);
		assert.match(audit, /"closed":\s*false.*→.*"closed":\s*true/);
	});
});
