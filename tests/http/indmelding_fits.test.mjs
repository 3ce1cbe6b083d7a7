/*
 * A municipality's Excel template carries a second sheet, "Målgrupper":
 * per target group the fit of supply and demand with a dropdown of 1–5
 * and "ved ikke", what is missing, and the wishes for new offers. It is
 * read back on upload with the lines, all or nothing, with errors by
 * sheet, row and cell.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';

import { postFile, postForm, startServer } from './harness.mjs';

let srv, admin, auth, mine;

const day = (offset) => new Date(Date.now() + offset * 86400000)
    .toISOString().slice(0, 10);

/* ---- a minimal XLSX of several sheets (stored zip, inline strings) ---- */

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
const NS = 'http://schemas.openxmlformats.org';

function sheetXml(rows) {
	const xmlRows = rows.map((r, ri) => `<row r="${ri + 1}">` +
	    r.map((v, ci) => v === null ? '' : typeof v === 'number' ?
	    `<c r="${col(ci)}${ri + 1}"><v>${v}</v></c>` :
	    `<c r="${col(ci)}${ri + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`)
	    .join('') + '</row>').join('');
	return '<?xml version="1.0" encoding="UTF-8"?>' +
	    `<worksheet xmlns="${NS}/spreadsheetml/2006/main"><sheetData>` +
	    `${xmlRows}</sheetData></worksheet>`;
}

/* sheets: { name: rows } written as a workbook. */
function xlsx(sheets) {
	const names = Object.keys(sheets);
	const files = {
		'[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?>' +
		    `<Types xmlns="${NS}/package/2006/content-types">` +
		    '<Default Extension="rels" ContentType="application/vnd.' +
		    'openxmlformats-package.relationships+xml"/>' +
		    '<Default Extension="xml" ContentType="application/xml"/>' +
		    '<Override PartName="/xl/workbook.xml" ContentType="' +
		    'application/vnd.openxmlformats-officedocument.' +
		    'spreadsheetml.sheet.main+xml"/>' + names.map((_, i) =>
		    `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ` +
		    'ContentType="application/vnd.openxmlformats-officedocument.' +
		    'spreadsheetml.worksheet+xml"/>').join('') + '</Types>',
		'_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?>' +
		    `<Relationships xmlns="${NS}/package/2006/relationships">` +
		    '<Relationship Id="rId1" Type="' + NS + '/officeDocument/' +
		    '2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
		    '</Relationships>',
		'xl/workbook.xml': '<?xml version="1.0" encoding="UTF-8"?>' +
		    `<workbook xmlns="${NS}/spreadsheetml/2006/main" ` +
		    `xmlns:r="${NS}/officeDocument/2006/relationships"><sheets>` +
		    names.map((n, i) => `<sheet name="${esc(n)}" sheetId="` +
		    `${i + 1}" r:id="rId${i + 1}"/>`).join('') +
		    '</sheets></workbook>',
		'xl/_rels/workbook.xml.rels': '<?xml version="1.0" ' +
		    'encoding="UTF-8"?><Relationships xmlns="' + NS +
		    '/package/2006/relationships">' + names.map((_, i) =>
		    `<Relationship Id="rId${i + 1}" Type="${NS}/officeDocument/` +
		    '2006/relationships/worksheet" Target="worksheets/sheet' +
		    `${i + 1}.xml"/>`).join('') + '</Relationships>',
	};
	names.forEach((n, i) => {
		files[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(sheets[n]);
	});
	return zip(files);
}

const MHEAD = ['Tilbud nr.', 'Tilbud', 'Forventede pladser',
    'Forventede døgn', 'Ændring (mere, mindre, uændret)',
    'Ønskede ændringer', 'Hvorfor intet forbrug', 'Bruger i stedet'];
const FHEAD = ['Målgruppe', 'Sammenhæng mellem udbud og efterspørgsel (1–5)',
    'Hvad mangler, og ønsker til nye tilbud'];
const WISHES = 'Ønsker til nye tilbud (generelt)';

const upload = (c, id, bytes) => postFile(c, `/indmelding/${id}/skabelon`,
    {}, bytes, 'indmelding.xlsx', 'application/octet-stream');

/* A part of a downloaded workbook (a zip), as text. */
function part(bytes, name) {
	const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	assert.ok(eocd >= 0, 'not a zip');
	let p = bytes.readUInt32LE(eocd + 16);
	const count = bytes.readUInt16LE(eocd + 10);
	for (let i = 0; i < count; i++) {
		const method = bytes.readUInt16LE(p + 10);
		const size = bytes.readUInt32LE(p + 20);
		const nlen = bytes.readUInt16LE(p + 28);
		const xlen = bytes.readUInt16LE(p + 30);
		const clen = bytes.readUInt16LE(p + 32);
		const off = bytes.readUInt32LE(p + 42);
		const n = bytes.subarray(p + 46, p + 46 + nlen).toString('utf8');
		if (n === name) {
			const start = off + 30 + bytes.readUInt16LE(off + 26) +
			    bytes.readUInt16LE(off + 28);
			const data = bytes.subarray(start, start + size);
			return (method === 8 ? zlib.inflateRawSync(data) : data)
			    .toString('utf8');
		}
		p += 46 + nlen + xlen + clen;
	}
	assert.fail(`no ${name} in the workbook`);
}

before(async () => {
	srv = await startServer();
	admin = await srv.login('admin');
	auth = await srv.login('authority');
	const r = await postForm(admin, '/indmeldinger',
	    { year: '2029', deadline: day(20) });
	assert.equal(r.status, 303);
	const year = Number(/\/indmeldinger\/(\d+)/.exec(
	    r.headers.get('location'))[1]);
	mine = (await auth.getJson(`/api/v1/indmeldinger/${year}`))
	    .submissions[0].id;
});
after(() => srv?.stop());

describe('the target groups in the Excel template', () => {
	test('the template has the sheet with a 1–5 dropdown', async () => {
		const t = await auth.get(`/indmelding/${mine}/skabelon`);
		assert.equal(t.status, 200);
		const wb = part(t.body, 'xl/workbook.xml');
		assert.match(wb, /name="Indmelding"/);
		assert.match(wb, /name="Målgrupper"/);
		const sh = part(t.body, 'xl/worksheets/sheet2.xml');
		assert.match(sh, /<dataValidation type="list"[^>]*sqref="B2:B13"/);
		assert.match(sh, /<formula1>"1,2,3,4,5,ved ikke"<\/formula1>/);
		const strings = part(t.body, 'xl/sharedStrings.xml');
		assert.match(strings, /Sindslidelse/);
		assert.match(strings, /Ønsker til nye tilbud \(generelt\)/);
	});

	test('an operator\'s template has no such sheet', async () => {
		const op851 = await srv.login('op851');
		const y = await op851.getJson('/api/v1/indmeldinger');
		const all = await op851.getJson(
		    `/api/v1/indmeldinger/${y.years[0].id}`);
		const op = all.submissions.find((s) => s.kind === 'operator');
		const t = await op851.get(`/indmelding/${op.id}/skabelon`);
		assert.equal(t.status, 200);
		assert.doesNotMatch(part(t.body, 'xl/workbook.xml'),
		    /Målgrupper/);
	});

	test('wrong cells on either sheet: errors by sheet and cell, '
	    + 'nothing saved', async () => {
		const before = await auth.getJson(`/api/v1/indmelding/${mine}`);
		const a = before.lines[0];
		const r = await upload(auth, mine, xlsx({
			Indmelding: [MHEAD, [a.offer_id, a.offer_name, 'mange',
			    null, null, null, null, null]],
			Målgrupper: [FHEAD, ['Sindslidelse', 7, null],
			    ['Ældre', 3, null], ['Misbrug', 'godt', null]],
		}));
		assert.equal(r.status, 400, r.text.slice(0, 300));
		assert.match(r.text, /intet er gemt/);
		assert.match(r.text, /C2/);
		assert.match(r.text, /Målgrupper!B2/);
		assert.match(r.text, /Målgrupper!A3/);
		assert.match(r.text, /Ukendt målgruppe »Ældre«/);
		assert.match(r.text, /Målgrupper!B4/);
		assert.match(r.text, /Vælg 1–5 eller »ved ikke«/);
		assert.deepEqual(await auth.getJson(`/api/v1/indmelding/${mine}`),
		    before);
	});

	test('a fit of 1 or 2 needs what is missing (the service\'s check, '
	    + 'by cell)', async () => {
		const before = await auth.getJson(`/api/v1/indmelding/${mine}`);
		const a = before.lines[0];
		const r = await upload(auth, mine, xlsx({
			Indmelding: [MHEAD, [a.offer_id, a.offer_name, 2, null,
			    null, null, null, null]],
			Målgrupper: [FHEAD, ['Sindslidelse', 4, null],
			    ['Misbrug', 2, null]],
		}));
		assert.equal(r.status, 400, r.text.slice(0, 300));
		assert.match(r.text, /Målgrupper!C3/);
		assert.match(r.text, /forklar hvad der mangler/);
		assert.deepEqual(await auth.getJson(`/api/v1/indmelding/${mine}`),
		    before);
	});

	test('a good file saves the lines, the fits and the wishes whole',
	    async () => {
		const s = await auth.getJson(`/api/v1/indmelding/${mine}`);
		const a = s.lines[0];
		const r = await upload(auth, mine, xlsx({
			Indmelding: [MHEAD, [a.offer_id, a.offer_name, 2.5, null,
			    'mere', null, null, null]],
			Målgrupper: [FHEAD, ['Sindslidelse', 4, null],
			    ['Misbrug', 2, 'For få pladser til unge'],
			    ['Hjemløshed', 'ved ikke', null],
			    [WISHES, null, 'Et botilbud til unge med misbrug']],
		}));
		assert.equal(r.status, 303, r.text.slice(0, 400));
		const now = await auth.getJson(`/api/v1/indmelding/${mine}`);
		assert.equal(now.lines.find((l) => l.offer_id === a.offer_id)
		    .use_places_centi, 250);
		const fit = (g) => now.fits.find((f) => f.group === g);
		assert.equal(fit('psykiatri').fit, 4);
		assert.equal(fit('misbrug').fit, 2);
		assert.equal(fit('misbrug').note, 'For få pladser til unge');
		assert.equal(fit('hjemloes').fit, 0);
		assert.equal(now.general, 'Et botilbud til unge med misbrug');
		/* The next template carries them back. */
		const t = await auth.get(`/indmelding/${mine}/skabelon`);
		assert.match(part(t.body, 'xl/sharedStrings.xml'),
		    /Et botilbud til unge med misbrug/);
	});
});
