/*
 * The minutes archive through the web: the upload page takes several
 * files at once (text, markdown, HTML; multipart with several parts named
 * "file") and shows a summary row per file; a file that cannot be read
 * is reported in its row, not dropped; a meeting whose start could not be
 * read is imported, flagged and listed on "Ufuldstændige møder" (only for
 * the secretariat, linked from the meetings page), and the calendar, RSS
 * and OParl feeds still answer.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';


import { postForm, ROOT, sql, startServer } from './harness.mjs';

const FIX = path.join(ROOT, 'tests', 'fixtures', 'minutes');
const read = (f) => fs.readFileSync(path.join(FIX, f), 'utf8');

let srv, admin, reader;
before(async () => {
	srv = await startServer();
	admin = await srv.login('admin');
	reader = await srv.login('reader');
});
after(async () => { await srv?.stop(); });

/* The seed with bold labels and a tab, as a "save as web page" shows. */
function asHtml(text) {
	const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
	return '<html><body>\n' + text.split('\n').map((l) => {
		const m = /^\s*(Møde|Tid|Sted|Deltagere|Afbud)\s+(.*)$/.exec(l);
		return m ? `<b>${m[1]}</b>\t${esc(m[2])}<br>` :
		    `<p>${esc(l.trim()) || '&nbsp;'}</p>`;
	}).join('\n') + '\n</body></html>\n';
}

function asMarkdown(text) {
	return text.split('\n').map((l) => l.trim())
	    .map((l) => /^\d{1,2}\. /.test(l) ? `- ${l}**` : l).join('\n');
}

async function uploadMany(c, files) {
	const fd = new FormData();
	fd.append('csrf_token', c.csrf);
	for (const [name, text, type] of files)
		fd.append('file', new Blob([text], { type }), name);
	return c.request('POST', '/moeder/import', { body: fd });
}

test('the upload form takes several files', async () => {
	const r = await admin.get('/moeder/import');
	assert.equal(r.status, 200);
	assert.match(r.text, /<input[^>]*type="file"[^>]*multiple/);
});

test('several files import with a summary; a bad file is reported', async () => {
	const r = await uploadMany(admin, [
		['2011.txt', read('000_65e7f14a10f909d6.txt'), 'text/plain'],
		['2014.html', asHtml(read('003_db29347853a598f2.txt')), 'text/html'],
		['udateret.md', asMarkdown(read('002_ddf5d63349d0c985.txt')), 'text/markdown'],
		['tom.txt', '', 'text/plain'],
	]);
	assert.equal(r.status, 200, r.text.slice(0, 400));
	assert.match(r.text, /I alt 4 filer: 3 oprettet, 0 fandtes allerede, 1 fejl\./);
	for (const f of ['2011.txt', '2014.html', 'udateret.md', 'tom.txt'])
		assert.ok(r.text.includes(f), f);
	assert.match(r.text, /Starttidspunkt ikke læst/);
	const again = await uploadMany(admin, [
		['2011.txt', read('000_65e7f14a10f909d6.txt'), 'text/plain'],
		['2014.html', asHtml(read('003_db29347853a598f2.txt')), 'text/html'],
	]);
	assert.match(again.text, /I alt 2 filer: 0 oprettet, 2 fandtes allerede, 0 fejl\./);
});

test('the HTML minutes keep their header and items', async () => {
	const list = await admin.get('/moeder');
	const m = /href="\/moeder\/(\d+)">Dagsorden til SOCDIR den 6\. marts 2014</.exec(list.text);
	assert.ok(m, 'the 2014 minutes are listed');
	const v = await admin.get(`/moeder/${m[1]}`);
	assert.equal(v.status, 200);
	assert.match(v.text, /Kompasset/);
	assert.match(v.text, /Udgiftsudviklingen på det specialiserede socialområde/);
});

test('a meeting without a start is listed as incomplete, for the secretariat only', async () => {
	const list = await admin.get('/moeder');
	assert.match(list.text, /href="\/moeder\/ufuldstaendige"/);
	const r = await admin.get('/moeder/ufuldstaendige');
	assert.equal(r.status, 200);
	assert.equal((r.text.match(/<h1/g) || []).length, 1);
	assert.match(r.text, /1 ufuldstændigt møde\./);
	assert.match(r.text, /udateret\.md/);
	const denied = await reader.get('/moeder/ufuldstaendige');
	assert.ok(denied.status === 403 || denied.status === 404, String(denied.status));
});

test('feeds still answer with a meeting without a start', async () => {
	for (const p of ['/kalender.ics', '/referater.rss',
	    '/oparl/v1/body/nordjylland/meetings']) {
		const r = await admin.get(p);
		assert.equal(r.status, 200, `${p}: ${r.status} ${r.text.slice(0, 200)}`);
	}
	const ics = await admin.get('/kalender.ics');
	assert.match(ics.text, /BEGIN:VEVENT/);
});

test('a flagged meeting given its start is complete again', async () => {
	const q = (s) => sql(srv.db, s).trim();
	const [id, body, title] = q('SELECT id, body_id, title FROM meeting ' +
	    'WHERE start_unread = 1 LIMIT 1').split('|');
	assert.ok(id, 'a flagged meeting');
	const r = await postForm(admin, `/moeder/${id}/rediger`,
	    { body_id: body, title, starts_at: '2014-03-06T10:00' });
	assert.equal(r.status, 303, r.text.slice(0, 300));
	assert.equal(q(`SELECT start_unread FROM meeting WHERE id = ${id}`), '0');
	const list = await admin.get('/moeder/ufuldstaendige');
	assert.doesNotMatch(list.text, /udateret\.md/);
});
