/*
 * The yearly submissions (indmeldinger) and the joint hearing: only the
 * secretariat opens a year, sends the report to hearing and puts it on
 * DAS' agenda; a municipality fills only its own submission, an operator
 * only its own offers; a deadline in the past and an Excel file with
 * wrong cells get Danish errors and change nothing; the report carries
 * the flags and the comments and goes onto the next DAS meeting.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';

import { postFile, postForm, startServer } from './harness.mjs';

let srv, admin, auth, op851, op1081, reader, year, mine, op851sub;

const day = (offset) => new Date(Date.now() + offset * 86400000)
    .toISOString().slice(0, 10);

/* ---- a minimal XLSX (stored zip, inline strings) ---------------------- */

function zip(files) {
	const parts = [], central = [];
	let off = 0;
	for (const [name, text] of Object.entries(files)) {
		const data = Buffer.from(text, 'utf8');
		const n = Buffer.from(name, 'utf8');
		const crc = zlib.crc32(data);
		const h = Buffer.alloc(30);
		h.writeUInt32LE(0x04034b50, 0); h.writeUInt16LE(20, 4);
		h.writeUInt32LE(crc, 14); h.writeUInt32LE(data.length, 18);
		h.writeUInt32LE(data.length, 22); h.writeUInt16LE(n.length, 26);
		const c = Buffer.alloc(46);
		c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4);
		c.writeUInt16LE(20, 6); c.writeUInt32LE(crc, 16);
		c.writeUInt32LE(data.length, 20); c.writeUInt32LE(data.length, 24);
		c.writeUInt16LE(n.length, 28); c.writeUInt32LE(off, 42);
		parts.push(h, n, data);
		central.push(c, n);
		off += 30 + n.length + data.length;
	}
	const cd = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(central.length / 2, 8);
	end.writeUInt16LE(central.length / 2, 10);
	end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(off, 16);
	return Buffer.concat([...parts, cd, end]);
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
const col = (i) => String.fromCharCode(65 + i);

/* rows: arrays of cells; a number is a number, a string inline text. */
function xlsx(rows) {
	const xmlRows = rows.map((r, ri) => `<row r="${ri + 1}">` +
	    r.map((v, ci) => v === null ? '' : typeof v === 'number' ?
	    `<c r="${col(ci)}${ri + 1}"><v>${v}</v></c>` :
	    `<c r="${col(ci)}${ri + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`)
	    .join('') + '</row>').join('');
	const ns = 'http://schemas.openxmlformats.org';
	return zip({
		'[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?>' +
		    `<Types xmlns="${ns}/package/2006/content-types">` +
		    '<Default Extension="rels" ContentType="application/vnd.' +
		    'openxmlformats-package.relationships+xml"/>' +
		    '<Default Extension="xml" ContentType="application/xml"/>' +
		    '<Override PartName="/xl/workbook.xml" ContentType="' +
		    'application/vnd.openxmlformats-officedocument.' +
		    'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/' +
		    'worksheets/sheet1.xml" ContentType="application/vnd.' +
		    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
		    '</Types>',
		'_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?>' +
		    `<Relationships xmlns="${ns}/package/2006/relationships">` +
		    '<Relationship Id="rId1" Type="' + ns + '/officeDocument/' +
		    '2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
		    '</Relationships>',
		'xl/workbook.xml': '<?xml version="1.0" encoding="UTF-8"?>' +
		    `<workbook xmlns="${ns}/spreadsheetml/2006/main" ` +
		    `xmlns:r="${ns}/officeDocument/2006/relationships">` +
		    '<sheets><sheet name="Indmelding" sheetId="1" r:id="rId1"/>' +
		    '</sheets></workbook>',
		'xl/_rels/workbook.xml.rels': '<?xml version="1.0" ' +
		    'encoding="UTF-8"?><Relationships xmlns="' + ns +
		    '/package/2006/relationships"><Relationship Id="rId1" ' +
		    'Type="' + ns + '/officeDocument/2006/relationships/' +
		    'worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
		'xl/worksheets/sheet1.xml': '<?xml version="1.0" ' +
		    `encoding="UTF-8"?><worksheet xmlns="${ns}/spreadsheetml/` +
		    `2006/main"><sheetData>${xmlRows}</sheetData></worksheet>`,
	});
}

const MHEAD = ['Tilbud nr.', 'Tilbud', 'Forventede pladser',
    'Forventede døgn', 'Ændring (mere, mindre, uændret)',
    'Ønskede ændringer', 'Hvorfor intet forbrug', 'Bruger i stedet'];

function upload(c, id, bytes) {
	return postFile(c, `/indmelding/${id}/skabelon`, {}, bytes,
	    'indmelding.xlsx', 'application/octet-stream');
}

before(async () => {
	srv = await startServer();
	admin = await srv.login('admin');
	auth = await srv.login('authority');
	op851 = await srv.login('op851');
	op1081 = await srv.login('op1081');
	reader = await srv.login('reader');
});

after(() => srv?.stop());

describe('opening a year', () => {
	test('only the secretariat opens; a past deadline is refused',
	    async () => {
		for (const c of [auth, op851, reader]) {
			const r = await postForm(c, '/indmeldinger',
			    { year: '2027', deadline: day(20) });
			assert.equal(r.status, 403);
		}
		const past = await postForm(admin, '/indmeldinger',
		    { year: '2027', deadline: day(-1) });
		assert.equal(past.status, 400);
		assert.match(past.text, /Fristen ligger før i dag/);
		assert.equal((await admin.getJson('/api/v1/indmeldinger'))
		    .years.length, 0);
		const r = await postForm(admin, '/indmeldinger',
		    { year: '2027', deadline: day(20) });
		assert.equal(r.status, 303, r.text);
		year = Number(/\/indmeldinger\/(\d+)/.exec(
		    r.headers.get('location'))[1]);
		const again = await postForm(admin, '/indmeldinger',
		    { year: '2027', deadline: day(20) });
		assert.equal(again.status, 409);
	});

	test('every municipality and operator gets a submission', async () => {
		const y = await admin.getJson(`/api/v1/indmeldinger/${year}`);
		assert.equal(y.progress.municipalities.total, 11);
		assert.equal(y.progress.municipalities.done, 0);
		assert.ok(y.progress.operators.total >= 2);
		const page = await admin.get(`/indmeldinger/${year}`);
		assert.match(page.text, /<strong>0 af 11<\/strong> kommuner/);
	});

	test('the open submission is a task on the start page', async () => {
		const home = await auth.get('/');
		assert.match(home.text, /Indmelding 2027/);
		assert.match(home.text, /href="\/indmelding\/\d+"/);
		assert.match((await op851.get('/')).text, /Indmelding 2027/);
		assert.doesNotMatch((await reader.get('/')).text,
		    /Indmelding 2027/);
	});
});

describe('who fills what', () => {
	test('a municipality sees only its own', async () => {
		const y = await auth.getJson(`/api/v1/indmeldinger/${year}`);
		assert.equal(y.submissions.length, 1);
		assert.equal(y.submissions[0].org_code, '810');
		assert.equal(y.submissions[0].kind, 'municipality');
		mine = y.submissions[0].id;
		const all = await admin.getJson(`/api/v1/indmeldinger/${year}`);
		const other = all.submissions.find((s) => s.org_code === '851' &&
		    s.kind === 'municipality');
		assert.equal((await auth.get(`/indmelding/${other.id}`)).status,
		    403);
		assert.equal((await auth.get(`/api/v1/indmelding/${other.id}`))
		    .status, 403);
		const sub = await auth.getJson(`/api/v1/indmelding/${mine}`);
		const r = await postForm(auth, `/indmelding/${other.id}/tilbud/` +
		    `${sub.lines[0].offer_id}`, { version: '1', use_places: '2' });
		assert.equal(r.status, 403);
		const op = await auth.get(`/indmelding/${all.submissions.find(
		    (s) => s.kind === 'operator').id}`);
		assert.equal(op.status, 403);
	});

	test('an operator sees only its own offers', async () => {
		const y = await op851.getJson(`/api/v1/indmeldinger/${year}`);
		assert.equal(y.submissions.length, 1);
		assert.equal(y.submissions[0].kind, 'operator');
		op851sub = y.submissions[0].id;
		const sub = await op851.getJson(`/api/v1/indmelding/${op851sub}`);
		for (const l of sub.lines) {
			const o = await op851.getJson(`/api/v1/offers/${l.offer_id}`);
			assert.equal(o.operator_code, '851');
		}
		/* Not an offer of this submission. */
		const mun = await auth.getJson(`/api/v1/indmelding/${mine}`);
		const foreign = mun.lines.find((l) => !sub.lines.some(
		    (x) => x.offer_id === l.offer_id));
		const r = await postForm(op851, `/indmelding/${op851sub}/tilbud/` +
		    `${foreign.offer_id}`, { version: String(sub.version),
		    capacity: '5' });
		assert.equal(r.status, 404);
		const y1081 = await op1081.getJson(`/api/v1/indmeldinger/${year}`);
		assert.ok(y1081.submissions.every((s) => s.org_code === '1081'));
		/* Capacity pre-filled from the register's places (8 places of
		   Den Sikrede Institution Kompasset in the demo data). */
		const s1081 = await op1081.getJson('/api/v1/indmelding/' +
		    `${y1081.submissions[0].id}`);
		assert.equal(s1081.lines.find((l) => l.offer_name ===
		    'Den Sikrede Institution Kompasset').capacity_centi, 800);
		assert.equal((await op1081.get(`/indmelding/${op851sub}`)).status,
		    403);
		/* The operator's figures save. */
		const ok = await postForm(op851, `/indmelding/${op851sub}/tilbud/` +
		    `${sub.lines[0].offer_id}`, { version: String(sub.version),
		    capacity: '10', occupancy: '80', occupancy_prev: '82',
		    waiting: '3', declaration_url: 'https://tilbudsportalen.dk/1' });
		assert.equal(ok.status, 303, ok.text);
	});

	test('no use without a reason is a Danish error', async () => {
		const sub = await auth.getJson(`/api/v1/indmelding/${mine}`);
		const p = `/indmelding/${mine}/tilbud/${sub.lines[0].offer_id}`;
		const bad = await postForm(auth, p, { version: String(sub.version),
		    use_places: '0' });
		assert.equal(bad.status, 400);
		assert.match(bad.text, /Skriv hvorfor I ikke forventer/);
		const ok = await postForm(auth, p, { version: String(sub.version),
		    use_places: '0', no_use_reason: 'Egne tilbud dækker',
		    alternative: 'Eget botilbud' });
		assert.equal(ok.status, 303, ok.text);
	});
});

describe('the Excel template', () => {
	test('wrong cells: errors by cell, nothing changed', async () => {
		const t = await auth.get(`/indmelding/${mine}/skabelon`);
		assert.equal(t.status, 200);
		assert.match(t.headers.get('content-type'), /spreadsheetml/);
		const before = await auth.getJson(`/api/v1/indmelding/${mine}`);
		const [a, b] = before.lines;
		const bytes = xlsx([MHEAD,
		    [a.offer_id, a.offer_name, 'mange', null, null, null, null, null],
		    [b.offer_id, b.offer_name, 4, null, 'måske', null, null, null],
		    [999999, 'Ukendt', 1, null, null, null, null, null]]);
		const r = await upload(auth, mine, bytes);
		assert.equal(r.status, 400, r.text.slice(0, 300));
		assert.match(r.text, /intet er gemt/);
		assert.match(r.text, /C2/);
		assert.match(r.text, /E3/);
		assert.match(r.text, /Skriv mere, mindre eller uændret/);
		const after = await auth.getJson(`/api/v1/indmelding/${mine}`);
		assert.deepEqual(after, before);
	});

	test('a check of the service names the cell too', async () => {
		const s = await auth.getJson(`/api/v1/indmelding/${mine}`);
		const [a, b] = s.lines;
		const r = await upload(auth, mine, xlsx([MHEAD,
		    [a.offer_id, a.offer_name, 2, null, 'mere', null, null, null],
		    [b.offer_id, b.offer_name, 0, null, null, null, null, null]]));
		assert.equal(r.status, 400);
		assert.match(r.text, /G3/);
		assert.deepEqual(await auth.getJson(`/api/v1/indmelding/${mine}`),
		    s);
	});

	test('a good file is saved whole', async () => {
		const s = await auth.getJson(`/api/v1/indmelding/${mine}`);
		const [a, b] = s.lines;
		const r = await upload(auth, mine, xlsx([MHEAD,
		    [a.offer_id, a.offer_name, 2.5, null, 'mere', 'Flere pladser',
		    null, null],
		    [b.offer_id, b.offer_name, 1, 365, 'Uændret', null, null,
		    null]]));
		assert.equal(r.status, 303, r.text.slice(0, 400));
		const now = await auth.getJson(`/api/v1/indmelding/${mine}`);
		const la = now.lines.find((l) => l.offer_id === a.offer_id);
		assert.equal(la.use_places_centi, 250);
		assert.equal(la.change, 'more');
		assert.equal(now.answered, 2);
	});
});

describe('submit, hearing and agenda', () => {
	test('submitting asks first, then submits', async () => {
		const s = await auth.getJson(`/api/v1/indmelding/${mine}`);
		const c = await postForm(auth, `/indmelding/${mine}/indsend`,
		    { version: String(s.version) });
		assert.equal(c.status, 200);
		assert.match(c.text, /Vil du indsende indmeldingen/);
		const r = await postForm(auth, `/indmelding/${mine}/indsend`,
		    { version: String(s.version), confirm: '1' });
		assert.equal(r.status, 303, r.text);
		assert.equal((await auth.getJson(`/api/v1/indmelding/${mine}`))
		    .status, 'submitted');
		const sub = await op851.getJson(`/api/v1/indmelding/${op851sub}`);
		assert.equal((await postForm(op851, `/indmelding/${op851sub}/` +
		    'indsend', { version: String(sub.version), confirm: '1' }))
		    .status, 303);
		assert.match((await admin.get(`/indmeldinger/${year}`)).text,
		    /<strong>1 af 11<\/strong> kommuner/);
	});

	test('only the secretariat approves and returns', async () => {
		const s = await auth.getJson(`/api/v1/indmelding/${mine}`);
		assert.equal((await postForm(auth, `/indmelding/${mine}/godkend`,
		    { version: String(s.version) })).status, 403);
		const noComment = await postForm(admin, `/indmelding/${mine}/retur`,
		    { version: String(s.version) });
		assert.equal(noComment.status, 400);
		assert.match(noComment.text, /Skriv hvad der skal rettes/);
		/* Returned: the comment stays while the municipality edits. */
		const ret = await postForm(admin, `/indmelding/${mine}/retur`,
		    { version: String(s.version), comment: 'Tjek Danahus' });
		assert.equal(ret.status, 303);
		const rs = await auth.getJson(`/api/v1/indmelding/${mine}`);
		assert.equal(rs.status, 'returned');
		const edit = await postForm(auth, `/indmelding/${mine}/tilbud/` +
		    `${rs.lines[1].offer_id}`, { version: String(rs.version),
		    use_places: '1' });
		assert.equal(edit.status, 303, edit.text);
		const es = await auth.getJson(`/api/v1/indmelding/${mine}`);
		assert.equal(es.comment, 'Tjek Danahus');
		assert.match((await auth.get(`/indmelding/${mine}`)).text,
		    /Tjek Danahus/);
		assert.equal((await postForm(auth, `/indmelding/${mine}/indsend`,
		    { version: String(es.version), confirm: '1' })).status, 303);
		s.version = es.version + 1;
		const ask = await postForm(admin, `/indmelding/${mine}/godkend`,
		    { version: String(s.version) });
		assert.equal(ask.status, 200);
		assert.match(ask.text, /Vil du godkende indmeldingen for Brønderslev/);
		const ok = await postForm(admin, `/indmelding/${mine}/godkend`,
		    { version: String(s.version), confirm: '1' });
		assert.equal(ok.status, 303);
	});

	test('the report is the secretariat\'s until the hearing', async () => {
		assert.equal((await reader.get(`/indmeldinger/${year}/` +
		    'statusbillede')).status, 403);
		const rep = await admin.get(`/indmeldinger/${year}/statusbillede`);
		assert.equal(rep.status, 200);
		assert.match(rep.text, /Venteliste/);
		/* The chart of capacity against expected use, and the flags:
		   op851's offer has 3 on its waiting list. */
		assert.match(rep.text, /<figure[^>]*>[\s\S]*Kapacitet og forventet forbrug/);
		assert.match(rep.text, /<strong>Venteliste:<\/strong> 1 tilbud/);
		const pdf = await admin.get(`/indmeldinger/${year}/` +
		    'statusbillede.pdf');
		assert.equal(pdf.status, 200);
		assert.equal(pdf.body.subarray(0, 5).toString(), '%PDF-');
		const x = await admin.get(`/indmeldinger/${year}/` +
		    'statusbillede.xlsx');
		assert.equal(x.status, 200);
		assert.equal(x.body.subarray(0, 2).toString(), 'PK');
	});

	test('only the secretariat sends to hearing', async () => {
		const y = await admin.getJson(`/api/v1/indmeldinger/${year}`);
		for (const c of [auth, op851, reader])
			assert.equal((await postForm(c, `/indmeldinger/${year}/` +
			    'hoering', { version: String(y.version),
			    hearing_deadline: day(10) })).status, 403);
		const past = await postForm(admin, `/indmeldinger/${year}/hoering`,
		    { version: String(y.version), hearing_deadline: day(-2) });
		assert.equal(past.status, 400);
		assert.match(past.text, /Høringsfristen ligger før i dag/);
		const ask = await postForm(admin, `/indmeldinger/${year}/hoering`,
		    { version: String(y.version), hearing_deadline: day(10) });
		assert.equal(ask.status, 200);
		assert.match(ask.text, /Vil du sende statusbilledet 2027 i høring/);
		const r = await postForm(admin, `/indmeldinger/${year}/hoering`,
		    { version: String(y.version), hearing_deadline: day(10),
		    confirm: '1' });
		assert.equal(r.status, 303, r.text);
		/* Submissions are closed now. */
		const sub = await op1081.getJson(`/api/v1/indmeldinger/${year}`);
		assert.equal((await op1081.getJson(`/api/v1/indmelding/` +
		    `${sub.submissions[0].id}`)).may_edit, false);
	});

	test('parties comment; readers cannot', async () => {
		const mun = await auth.getJson(`/api/v1/indmelding/${mine}`);
		const r = await postForm(auth, `/indmeldinger/${year}/kommentar`,
		    { offer: String(mun.lines[0].offer_id),
		    text: 'Vi savner pladser til unge.' });
		assert.equal(r.status, 303, r.text);
		const g = await postForm(op851, `/indmeldinger/${year}/kommentar`,
		    { text: 'Generelt: belægningen falder.' });
		assert.equal(g.status, 303);
		assert.equal((await postForm(reader, `/indmeldinger/${year}/` +
		    'kommentar', { text: 'x' })).status, 403);
		const empty = await postForm(auth, `/indmeldinger/${year}/` +
		    'kommentar', { text: '' });
		assert.equal(empty.status, 400);
		const rep = await reader.get(`/indmeldinger/${year}/statusbillede`);
		assert.equal(rep.status, 200);
		assert.match(rep.text, /Vi savner pladser til unge/);
		assert.match(rep.text, /Generelt: belægningen falder/);
	});

	test('onto the next DAS meeting in one step', async () => {
		const y = await admin.getJson(`/api/v1/indmeldinger/${year}`);
		for (const c of [auth, op851])
			assert.equal((await postForm(c, `/indmeldinger/${year}/` +
			    'dagsorden', { version: String(y.version) })).status,
			    403);
		const none = await postForm(admin, `/indmeldinger/${year}/` +
		    'dagsorden', { version: String(y.version) });
		assert.equal(none.status, 404);
		assert.match(none.text, /intet kommende møde/);
		const form = await admin.get('/moeder/nyt');
		const das = /<option value="(\d+)"[^>]*>[^<]*Administrative/
		    .exec(form.text)[1];
		const m = await postForm(admin, '/moeder/nyt', { body_id: das,
		    starts_at: `${day(30)}T10:00`, place: 'Aalborg' });
		assert.equal(m.status, 303, m.text.slice(0, 300));
		const ask = await postForm(admin, `/indmeldinger/${year}/` +
		    'dagsorden', { version: String(y.version) });
		assert.equal(ask.status, 200);
		assert.match(ask.text, /Vil du sætte statusbilledet 2027 på/);
		const r = await postForm(admin, `/indmeldinger/${year}/dagsorden`,
		    { version: String(y.version), confirm: '1' });
		assert.equal(r.status, 303, r.text.slice(0, 400));
		const after = await admin.getJson(`/api/v1/indmeldinger/${year}`);
		assert.equal(after.status, 'done');
		const meeting = await admin.get(`/moeder/${after.agenda_meeting_id}`);
		assert.match(meeting.text, /Statusbillede 2027/);
		assert.match(meeting.text, /Vi savner pladser til unge/);
	});

	test('next year is pre-filled from this year\'s answers', async () => {
		const r = await postForm(admin, '/indmeldinger',
		    { year: '2028', deadline: day(20) });
		assert.equal(r.status, 303, r.text);
		const next = await auth.getJson('/api/v1/indmeldinger/' +
		    /\/indmeldinger\/(\d+)/.exec(r.headers.get('location'))[1]);
		const sub = await auth.getJson('/api/v1/indmelding/' +
		    `${next.submissions[0].id}`);
		const before = await auth.getJson(`/api/v1/indmelding/${mine}`);
		const was = before.lines.find((l) => l.use_places_centi === 250);
		assert.ok(was);
		const now = sub.lines.find((l) => l.offer_id === was.offer_id);
		assert.equal(now.use_places_centi, 250);
		assert.equal(now.change, 'more');
		assert.equal(sub.status, 'draft');
		const op = await op851.getJson('/api/v1/indmeldinger/' +
		    /\/indmeldinger\/(\d+)/.exec(r.headers.get('location'))[1]);
		const ol = (await op851.getJson('/api/v1/indmelding/' +
		    `${op.submissions[0].id}`)).lines[0];
		assert.equal(ol.capacity_centi, 1000);
		assert.equal(ol.waiting, 3);
		assert.equal(ol.declaration_url, 'https://tilbudsportalen.dk/1');
	});
});
