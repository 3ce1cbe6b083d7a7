/*
 * The Excel path of the tariff rounds over HTTP: a template belongs to its
 * round and operator (a 2031 template in the 2032 round and another
 * operator's template are refused with a clear message); a workbook saved
 * as LibreOffice saves it (shared strings, inline strings, styles with a
 * percent format) is read with 95 % as 95 %; the success message counts
 * the lines and the reasons missing; bulk submit and bulk approve go
 * through a confirmation, are audited per submission and keep to roles.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { postForm, startServer, uploadXlsx, zipStored } from './harness.mjs';

let srv, admin, op851, op1081, reader;
let r31, r32;

const YEAR = 2031;
const day = (offset) => new Date(Date.now() + offset * 86400000)
    .toISOString().slice(0, 10);

async function newRound(year) {
	const r = await admin.post('/api/v1/rounds', { year, no: 1,
	    title: `Takster ${year}`, opens_on: day(-5), deadline: day(30) });
	assert.equal(r.status, 201, r.text);
	return r.json;
}

const subsOf = async (c, id) =>
    (await c.getJson(`/api/v1/rounds/${id}/submissions`)).submissions;

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
const col = (i) => String.fromCharCode(65 + i);

const HEADER = ['Tilbud nr.', 'Tilbud', 'Paragraf', 'Takstniveau', 'Enhed',
    'Pladser', 'Åbningsdage', 'Dage i måneden', 'Timer',
    'Budgetteret belægning (%)', 'Faktisk 1', 'Faktisk 2', 'Løn (kr.)',
    'Ejendom (kr.)', 'Øvrige (kr.)', 'Overhead (kr.)', 'Kapital (kr.)',
    'Pension (kr.)', 'Indtægter (kr.)', 'Over-/underskud (kr.)',
    'Begrundelse'];

/*
 * A workbook as LibreOffice Calc saves one: text in shared strings
 * (header, paragraph) and as inline strings (unit), numbers with
 * t="n", styles with a custom numFmt 164 "0.00%" and the built-in 10,
 * a hidden sheet "Skabelon" when meta is given. Cells: {v, pct, str}.
 */
function libreOffice(rows, meta) {
	const sst = [];
	const si = (s) => {
		let i = sst.indexOf(s);
		if (i < 0) {
			sst.push(s);
			i = sst.length - 1;
		}
		return i;
	};
	const cell = (ref, v) => {
		if (v === null || v === undefined)
			return '';
		if (typeof v === 'number')
			return `<c r="${ref}" s="0" t="n"><v>${v}</v></c>`;
		if (typeof v === 'object' && v.pct !== undefined)
			return `<c r="${ref}" s="${v.builtin ? 2 : 1}" t="n">` +
			    `<v>${v.pct}</v></c>`;
		if (typeof v === 'object' && v.inline !== undefined)
			return `<c r="${ref}" s="0" t="inlineStr"><is><t>` +
			    `${esc(v.inline)}</t></is></c>`;
		return `<c r="${ref}" s="0" t="s"><v>${si(v)}</v></c>`;
	};
	const sheetXml = (rs) => `<?xml version="1.0" encoding="UTF-8" ` +
	    `standalone="yes"?>\n<worksheet ${NS}><sheetPr filterMode="false">` +
	    '<pageSetUpPr fitToPage="false"/></sheetPr><dimension ref="A1:U9"/>' +
	    '<sheetData>' + rs.map((row, r) => `<row r="${r + 1}" ` +
	    'customFormat="false" ht="12.8" hidden="false">' +
	    row.map((v, c) => cell(`${col(c)}${r + 1}`, v)).join('') +
	    '</row>').join('') + '</sheetData></worksheet>';
	const sheets = [['Budget', sheetXml(rows)]];
	if (meta)
		sheets.push(['Skabelon', sheetXml([['Skabelon',
		    'ramme takstindberetning'], ['Runde-id', meta.id],
		    ['Takstår', meta.year], ['Runde', 1],
		    ['Driftsherre', meta.op]])]);
	const files = {
		'[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?>' +
		    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/' +
		    'content-types"/>',
		'_rels/.rels': `<Relationships xmlns="${PKG}"><Relationship ` +
		    `Id="rId1" Type="${REL}officeDocument" ` +
		    'Target="xl/workbook.xml"/></Relationships>',
		'xl/workbook.xml': `<workbook ${NS}><workbookPr ` +
		    'backupFile="false" showObjects="all" date1904="false"/>' +
		    '<sheets>' + sheets.map(([n], i) => `<sheet name="${n}" ` +
		    `sheetId="${i + 1}" ${i ? 'state="hidden" ' : ''}` +
		    `r:id="rId${i + 2}"/>`).join('') + '</sheets></workbook>',
		'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PKG}">` +
		    `<Relationship Id="rId1" Type="${REL}styles" ` +
		    'Target="styles.xml"/>' + sheets.map((_, i) =>
		    `<Relationship Id="rId${i + 2}" Type="${REL}worksheet" ` +
		    `Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
		    `<Relationship Id="rId9" Type="${REL}sharedStrings" ` +
		    'Target="sharedStrings.xml"/></Relationships>',
		'xl/styles.xml': `<styleSheet ${NS}><numFmts count="1">` +
		    '<numFmt numFmtId="164" formatCode="0.00%"/></numFmts>' +
		    '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>' +
		    '<cellXfs count="3"><xf numFmtId="0" xfId="0"/>' +
		    '<xf numFmtId="164" xfId="0" applyNumberFormat="true"/>' +
		    '<xf numFmtId="10" xfId="0" applyNumberFormat="true"/>' +
		    '</cellXfs></styleSheet>',
	};
	sheets.forEach(([, xml], i) => {
		files[`xl/worksheets/sheet${i + 1}.xml`] = xml;
	});
	files['xl/sharedStrings.xml'] = `<sst ${NS} count="${sst.length}" ` +
	    `uniqueCount="${sst.length}">` + sst.map((s) =>
	    `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('') + '</sst>';
	return zipStored(files);
}

/* A row of a service line: occupancy as given, costs as numbers. */
const row = (offer, occ, extra = {}) => {
	const r = [offer, 'x', 'SEL § 107', '', { inline: 'døgn' }, 10, null,
	    null, null, occ, null, null, 6500000, 675000, 825000];
	for (const [k, v] of Object.entries(extra))
		r[k] = v;
	return r;
};

const upload = (c, id, bytes) =>
    uploadXlsx(c, `/takstindberetning/${id}/skabelon`, bytes);

before(async () => {
	srv = await startServer();
	admin = await srv.login('admin');
	op851 = await srv.login('op851');
	op1081 = await srv.login('op1081');
	reader = await srv.login('reader');
	r31 = await newRound(YEAR);
	r32 = await newRound(YEAR + 1);
});
after(async () => { await srv?.stop(); });

describe('the file belongs to its round and operator', () => {
	test('the template is named by year, round and operator', async () => {
		const t = await op851.get(`/takstindberetning/${r31.id}/skabelon`);
		assert.equal(t.status, 200);
		assert.match(t.headers.get('content-disposition'),
		    /takstindberetning-2031-runde-1-851\.xlsx/);
	});

	test('a 2031 template uploaded to the 2032 round is refused',
	    async () => {
		const t = await op851.get(`/takstindberetning/${r31.id}/skabelon`);
		const before = await subsOf(op851, r32.id);
		const r = await upload(op851, r32.id, t.body);
		assert.equal(r.status, 400, r.text.slice(0, 300));
		assert.match(r.text, /Filen er skabelonen til takståret 2031, runde 1, men du indlæser den i takståret 2032, runde 1/);
		assert.deepEqual(await subsOf(op851, r32.id), before);
	});

	test('another operator\'s template is refused', async () => {
		const t = await op851.get(`/takstindberetning/${r31.id}/skabelon`);
		const r = await upload(op1081, r31.id, t.body);
		assert.equal(r.status, 400, r.text.slice(0, 300));
		assert.match(r.text, /Filen er skabelonen for driftsherren Aalborg \(851\)/);
	});

	test('the secretariat: a row of another operator than the file\'s',
	    async () => {
		const region = (await subsOf(admin, r31.id))
		    .find((s) => s.operator_code === '1081');
		const f = libreOffice([HEADER, row(region.offer_id, 96)],
		    { id: r31.id, year: YEAR, op: '851' });
		const r = await upload(admin, r31.id, f);
		assert.equal(r.status, 400, r.text.slice(0, 300));
		assert.match(r.text, /Celle A2 i arket »Budget«: Tilbud nr\. \d+ drives af Region Nordjylland, ikke af driftsherren 851/);
	});
});

describe('a workbook saved by LibreOffice', () => {
	test('95 % in a percent cell is 95 %; the message counts the lines',
	    async () => {
		const subs = await subsOf(op851, r31.id);
		const f = libreOffice([HEADER,
		    row(subs[0].offer_id, { pct: 0.95 }),
		    row(subs[0].offer_id, { pct: 0.9537, builtin: true },
		    { 3: 'høj', 12: '1.234.567,50' })],
		    { id: r31.id, year: YEAR, op: '851' });
		const r = await upload(op851, r31.id, f);
		assert.equal(r.status, 303, r.text.slice(0, 500));
		const loc = r.headers.get('location');
		assert.match(loc, /besked=indlaest&linjer=2&mangler=0/);
		const page = await op851.get(loc);
		assert.match(page.text, /Skabelonen er indlæst: 2 linjer er læst, og taksterne er beregnet\. Ingen linjer mangler en begrundelse\./);
		const s = await op851.getJson(`/api/v1/submissions/${subs[0].id}`);
		assert.equal(s.lines[0].occupancy_pct, 95);
		assert.equal(s.lines[1].occupancy_pct, 95.37);
		assert.equal(s.lines[1].costs_ore.wages, 123456750);
	});

	test('0,95 in a plain cell is refused, naming the cell; all errors ' +
	    'at once by row', async () => {
		const subs = await subsOf(op851, r31.id);
		const f = libreOffice([HEADER,
		    row(subs[1].offer_id, 0.95),
		    row(subs[1].offer_id, 96, { 5: 'ti' }),
		    row(subs[1].offer_id, 96, { 4: { inline: 'uge' } })]);
		const r = await upload(op851, r31.id, f);
		assert.equal(r.status, 400, r.text.slice(0, 300));
		const cells = [...r.text.matchAll(/<td data-title="Celle">([A-Z]+\d+)<\/td>/g)]
		    .map((m) => m[1]);
		assert.deepEqual(cells, ['J2', 'F3', 'E4']);
		assert.match(r.text, /Celle J2 i arket »Budget«: den budgetterede belægning er 0,95 %, under 50 %/);
	});
});

describe('bulk submit and approve', () => {
	test('roles: a reader may do neither, an operator may not approve',
	    async () => {
		let r = await postForm(reader, `/takstindberetning/${r31.id}/indsend-alle`, {});
		assert.equal(r.status, 403);
		r = await postForm(op851, `/takstindberetning/${r31.id}/godkend-alle`, {});
		assert.equal(r.status, 403);
	});

	test('an operator submits its ready submissions after confirming',
	    async () => {
		const page = await op851.get(`/takstindberetning/${r31.id}`);
		assert.match(page.text, /Indsend alle klar/);
		let r = await postForm(op851, `/takstindberetning/${r31.id}/indsend-alle`, {});
		assert.equal(r.status, 200);
		assert.match(r.text, /Vil du indsende 1 indberetning\?/);
		assert.match(r.text, /Ikke klar: /);
		const ready = (await subsOf(op851, r31.id))
		    .filter((s) => s.status === 'draft');
		r = await postForm(op851, `/takstindberetning/${r31.id}/indsend-alle`,
		    { confirm: '1' });
		assert.equal(r.status, 303, r.text.slice(0, 300));
		assert.match(r.headers.get('location'), /besked=indsendt&antal=1/);
		const after = await subsOf(op851, r31.id);
		assert.equal(after.filter((s) => s.status === 'submitted').length, 1);
		assert.equal(after.length, ready.length);
		/* op1081's submissions are not touched. */
		assert.ok((await subsOf(op1081, r31.id))
		    .every((s) => s.status === 'draft'));
	});

	test('the secretariat approves all submitted, each audited', async () => {
		const page = await admin.get(`/takstindberetning/${r31.id}`);
		assert.match(page.text, /Godkend alle indsendte/);
		let r = await postForm(admin, `/takstindberetning/${r31.id}/godkend-alle`, {});
		assert.equal(r.status, 200);
		assert.match(r.text, /Vil du godkende 1 indberetning\?/);
		r = await postForm(admin, `/takstindberetning/${r31.id}/godkend-alle`,
		    { confirm: '1' });
		assert.equal(r.status, 303, r.text.slice(0, 300));
		assert.match(r.headers.get('location'), /besked=godkendt&antal=1/);
		const done = (await subsOf(admin, r31.id))
		    .filter((s) => s.status === 'approved');
		assert.equal(done.length, 1);
		const h = await admin.getJson(`/api/v1/submissions/${done[0].id}/history`);
		assert.deepEqual(h.history.slice(0, 2).map((x) => x.action),
		    ['approve', 'submit']);
		/* Nothing left: the confirmation is not offered again. */
		r = await postForm(admin, `/takstindberetning/${r31.id}/godkend-alle`, {});
		assert.equal(r.status, 409);
	});
});
