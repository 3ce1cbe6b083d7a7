/*
 * The expenditure development (udgiftsudvikling) over HTTP: anyone reads
 * /oekonomi/udgifter; only the secretariat loads CSV; a file with a bad
 * row is refused with the line and a Danish message, and nothing
 * changes; the sample file gives the March 2014 figures (accounts
 * 2009–2012: North Jutland −4,6 %, the whole country −6,8 %) as index
 * charts with a base year the user chooses.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ROOT, postFile, startServer } from './harness.mjs';

let srv, admin, op851, reader, authority, anon;
const URL = '/oekonomi/udgifter';
const UPLOAD = '/oekonomi/udgifter/indlaes';
const SAMPLE = fs.readFileSync(path.join(ROOT, 'tests', 'fixtures',
    'udgifter.csv'));

before(async () => {
	srv = await startServer();
	anon = srv.client();
	admin = await srv.login('admin');
	op851 = await srv.login('op851');
	reader = await srv.login('reader');
	authority = await srv.login('authority');
});
after(async () => { await srv?.stop(); });

function text(html) {
	return html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ')
	    .replace(/\s+/g, ' ');
}

describe('expenditure development', () => {
	test('public page before anything is loaded', async () => {
		const r = await anon.get(URL);
		assert.equal(r.status, 200);
		assert.equal(r.text.match(/<h1/g).length, 1);
		assert.match(r.text, /ikke indlæst udgifter/);
		assert.doesNotMatch(r.text, /enctype="multipart/);
	});

	test('only the secretariat loads', async () => {
		for (const c of [op851, reader, authority]) {
			const r = await postFile(c, UPLOAD, {}, SAMPLE,
			    'udgifter.csv', 'text/csv');
			assert.equal(r.status, 403, r.text.slice(0, 300));
		}
		const r = await anon.request('POST', UPLOAD, { body: 'x=1',
		    headers: { 'content-type':
		    'application/x-www-form-urlencoded' } });
		assert.ok([303, 401, 403].includes(r.status), `${r.status}`);
		assert.match((await anon.get(URL)).text, /ikke indlæst udgifter/);
	});

	test('a bad row: 400, the line in Danish, nothing stored', async () => {
		const bad = Buffer.concat([SAMPLE, Buffer.from(
		    'Aalborg;Regnskab;2013;12x\r\n', 'latin1')]);
		const r = await postFile(admin, UPLOAD, {}, bad, 'udgifter.csv',
		    'text/csv');
		assert.equal(r.status, 400, r.text.slice(0, 300));
		const t = text(r.text);
		assert.match(t, /Intet er gemt/);
		assert.match(t, /114 Nettoudgift Nettoudgiften »12x« er ikke et beløb/);
		assert.match((await anon.get(URL)).text, /ikke indlæst udgifter/);
		const none = await postFile(admin, UPLOAD, {}, '', 'tom.csv',
		    'text/csv');
		assert.equal(none.status, 400);
		assert.match(none.text, /Vælg en CSV-fil/);
	});

	test('the sample: North Jutland against the whole country', async () => {
		let r = await postFile(admin, UPLOAD, {}, SAMPLE, 'udgifter.csv',
		    'text/csv');
		assert.equal(r.status, 303, r.text.slice(0, 300));
		assert.equal(r.headers.get('location'), `${URL}?besked=indlaest`);
		r = await anon.get(URL);
		assert.equal(r.status, 200);
		assert.ok(r.body.length < 60 * 1024, `${r.body.length} bytes`);
		const t = text(r.text);
		assert.match(t, /Regnskab 2009–2012: Nordjylland −4,6 %, hele landet −6,8 %/);
		assert.match(t, /Budget 2009–2013: Nordjylland −4,5 %, hele landet −0,9 %/);
		assert.equal(r.text.match(/<svg[^>]*role="img"/g).length, 2);
		assert.match(t, /Læsø/);
		assert.match(t, /Region Nordjylland/);
		assert.doesNotMatch(r.text, /enctype="multipart/);
		assert.match((await admin.get(URL)).text, /enctype="multipart/);
	});

	test('the base year is the user\'s choice', async () => {
		let r = await anon.get(`${URL}?basisaar=2010`);
		assert.equal(r.status, 200);
		assert.match(text(r.text), /Regnskab 2010–2012/);
		assert.match(r.text, /<option value="2010" selected/);
		r = await anon.get(`${URL}?basisaar=1800`);
		assert.equal(r.status, 400);
		assert.match(r.text, /Basisåret/);
		r = await anon.get(`${URL}?basisaar=2013`);
		assert.equal(r.status, 200);
		assert.match(text(r.text), /ikke tal for både Nordjylland og hele landet i 2013 \(Regnskab\)/);
	});
});
