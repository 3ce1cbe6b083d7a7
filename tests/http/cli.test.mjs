/*
 * The command line around the server: export and import of offers, a CSV
 * round trip between two databases, all-or-nothing imports, and the
 * export downloads agreeing with the CLI.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
	PASSWORD,
	dropDb,
	makeDemoDb,
	ramme,
	startServer,
	tempDir,
} from './harness.mjs';

/* A minimal RFC 4180 reader/writer for the export's ';' CSV. */
function parseCsv(text) {
	const rows = [];
	let row = [], field = '', i = 0, quoted = false;
	if (text.charCodeAt(0) === 0xfeff)
		i = 1;
	for (; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ';') { row.push(field); field = ''; }
		else if (c === '\r' && text[i + 1] === '\n') { /* CRLF */ }
		else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
		else field += c;
	}
	if (field !== '' || row.length)
		rows.push([...row, field]);
	return rows;
}

function writeCsv(rows) {
	const q = (v) => /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
	return '\ufeff' + rows.map((r) => r.map(q).join(';')).join('\r\n') + '\r\n';
}

/* Offers without what differs between databases by design. */
function comparable(offers, { keepId = false } = {}) {
	return offers.map((o) => {
		const c = { ...o };
		delete c.version;
		delete c.updated_at;
		if (!keepId)
			delete c.id;
		return c;
	}).sort((a, b) => (a.name + '\x1f' + a.operator_code)
	    .localeCompare(b.name + '\x1f' + b.operator_code));
}

function exportJson(db) {
	return JSON.parse(ramme(['export', 'offers', '--format', 'json',
	    '--db', db], { ok: true }).stdout).offers;
}

let srv, dir, csvFile, csvText, aOffers;

before(async () => {
	/* Database A: the demo register with edits that stress the CSV. */
	srv = await startServer();
	dir = tempDir('ramme-cli-');
	const admin = await srv.login('admin');
	const all = (await admin.getJson('/api/v1/offers?limit=1000')).offers;
	const edit = async (name, fields) => {
		const o = all.find((x) => x.name === name);
		const r = await admin.patch(`/api/v1/offers/${o.id}`, fields,
		    { headers: { 'if-match': `"${o.version}"` } });
		assert.equal(r.status, 200, r.text);
	};
	await edit('Den Sikrede Institution Kompasset', {
		places: { 2012: 8, 2014: 10, 2025: 10.5 },
		note: 'Åbnet 1. september 2012; senere 10 pladser.\n"Sikret" afdeling',
		covered: true, category: '1', tilbudsportal_id: '4711',
		opened_on: '2012-09-01',
	});
	await edit('Taleinstituttet', {
		target_groups: ['Børn; unge', 'Voksne med "afasi"'],
		status: 'closing', status_from: '2026-01-01',
	});
	await edit('VoksenBøgen', { name: 'VoksenBøgen II', places: { 2012: 20, 2013: 0.25 } });
	const mk = async (body) => {
		const r = await admin.post('/api/v1/offers', body);
		assert.equal(r.status, 201, r.text);
	};
	await mk({ name: 'Nyt bosted, Æbeltoft-vej "7"', operator_code: '851',
	    location_code: '851', kind: 'respite',
	    paragraphs: ['SEL § 84', 'Barnets lov § 32'],
	    places: { 2024: 3, 2025: 4.75 }, note: '=1+1 er ikke en formel' });
	await mk({ name: 'Uden driftsherre', places: { 1999: 1 } });
	aOffers = (await admin.getJson('/api/v1/offers?limit=1000')).offers;
	assert.equal(aOffers.length, 20);

	csvFile = path.join(dir, 'a.csv');
	ramme(['export', 'offers', '--format', 'csv', '--db', srv.db,
	    '--out', csvFile], { ok: true });
	csvText = fs.readFileSync(csvFile, 'utf8');
});
after(async () => {
	await srv?.stop();
	if (dir)
		fs.rmSync(dir, { recursive: true, force: true });
});

describe('commands', () => {
	test('ramme version / help', () => {
		assert.match(ramme(['version'], { ok: true }).stdout, /^ramme \d+\.\d+\.\d+\n$/);
		const h = ramme(['help'], { ok: true }).stdout;
		for (const c of ['init', 'serve', 'routes', 'user', 'import', 'export'])
			assert.match(h, new RegExp(`^  ${c} `, 'm'), c);
		assert.match(ramme(['help', 'export'], { ok: true }).stdout,
		    /--format csv\|json\|xlsx/);
	});

	test('unknown commands and options exit 2', () => {
		assert.equal(ramme(['frobnicate']).status, 2);
		assert.equal(ramme(['export', 'offers', '--format', 'csv',
		    '--colour', '--db', srv.db]).status, 2);
		assert.equal(ramme(['export', 'offers', '--format', 'pdf',
		    '--db', srv.db]).status, 2);
		assert.equal(ramme(['export', 'offers', '--format', 'xlsx',
		    '--db', srv.db]).status, 2, 'xlsx needs --out');
	});

	test('init --demo twice changes nothing', () => {
		const d = tempDir('ramme-init-');
		try {
			const db = path.join(d, 'x.db');
			let r = ramme(['init', '--db', db, '--demo'], { ok: true });
			assert.match(r.stdout, /3 meetings imported from minutes/);
			assert.match(r.stdout, /example year: 5 accounts, 5 submissions, 13 tariffs published/);
			assert.match(ramme(['round', 'list', '--db', db], { ok: true })
			    .stdout, /^3\t2026\t1\tpublished\t2025-09-30\t/m);
			const meetings = ramme(['meeting', 'list', '--db', db],
			    { ok: true }).stdout;
			assert.match(meetings, /2011-10-06T13:00\tSocialdirektørkredsen/);
			const first = exportJson(db);
			r = ramme(['init', '--db', db, '--demo'], { ok: true });
			assert.match(r.stdout, /0 offers created, 0 updated/);
			assert.match(r.stdout, /0 meetings imported from minutes/);
			assert.match(r.stdout, /example year: 0 accounts, 0 submissions, 0 tariffs published/);
			assert.deepEqual(exportJson(db), first);
			assert.equal(ramme(['meeting', 'list', '--db', db],
			    { ok: true }).stdout, meetings);
		} finally {
			fs.rmSync(d, { recursive: true, force: true });
		}
	});

	test('user add refuses short passwords and duplicates', () => {
		const r = ramme(['user', 'add', 'kortpw', '--role', 'reader',
		    '--password-stdin', '--db', srv.db], { input: 'kort\n' });
		assert.equal(r.status, 2, r.stderr);
		assert.match(r.stderr, /10/);
		const d = ramme(['user', 'add', 'reader', '--role', 'reader',
		    '--password-stdin', '--db', srv.db], { input: PASSWORD + '\n' });
		assert.notEqual(d.status, 0);
		const o = ramme(['user', 'add', 'udenorg', '--role', 'operator',
		    '--password-stdin', '--db', srv.db], { input: PASSWORD + '\n' });
		assert.equal(o.status, 2, 'an operator needs --org');
	});
});

describe('export', () => {
	test('CSV: BOM, semicolons, CRLF, a header with places_YYYY', () => {
		const raw = fs.readFileSync(csvFile);
		assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
		assert.match(csvText, /\r\n/);
		const rows = parseCsv(csvText);
		const head = rows[0];
		for (const c of ['id', 'name', 'operator_code', 'location_code',
		    'kind', 'paragraphs', 'places_2012', 'places_2025'])
			assert.ok(head.includes(c), `column ${c}: ${head.join(';')}`);
		assert.equal(rows.length, 21, 'header and 20 offers');
		for (const r of rows)
			assert.equal(r.length, head.length, r.join(';'));
		const k = rows.find((r) => r[head.indexOf('name')] ===
		    'Den Sikrede Institution Kompasset');
		assert.match(k[head.indexOf('places_2025')], /^10[,.]5$/);
	});

	test('a formula-like cell is guarded against spreadsheet injection',
	    () => {
		const rows = parseCsv(csvText);
		const note = rows.find((r) => r.includes(
		    'Nyt bosted, Æbeltoft-vej "7"'))[rows[0].indexOf('note')];
		assert.notEqual(note[0], '=', `note cell: ${note}`);
		assert.match(note, /=1\+1 er ikke en formel/);
	});

	test('the HTTP download equals the CLI export (CSV and JSON)', async () => {
		const c = srv.client();
		const h = await c.get('/tilbud/eksport?format=csv');
		assert.ok(h.body.equals(fs.readFileSync(csvFile)),
		    'CSV download differs from `ramme export`');
		const j = await c.get('/tilbud/eksport?format=json');
		assert.deepEqual(j.json.offers, exportJson(srv.db));
	});

	test('JSON export equals the API list', () => {
		assert.deepEqual(comparable(exportJson(srv.db), { keepId: true }),
		    comparable(aOffers, { keepId: true }));
	});

	test('XLSX export with --out writes a zip', () => {
		const out = path.join(dir, 'a.xlsx');
		ramme(['export', 'offers', '--format', 'xlsx', '--db', srv.db,
		    '--out', out], { ok: true });
		const b = fs.readFileSync(out);
		assert.equal(b.subarray(0, 2).toString('latin1'), 'PK');
		assert.ok(b.length > 2000);
	});
});

describe('import', () => {
	test('importing the export into its own database changes nothing',
	    async () => {
		const before = await srv.dbSnapshot();
		const dry = ramme(['import', 'offers', csvFile, '--db', srv.db,
		    '--dry-run'], { ok: true });
		assert.match(dry.stdout, /0 created, 0 updated, 20 unchanged/);
		const r = ramme(['import', 'offers', csvFile, '--db', srv.db],
		    { ok: true });
		assert.match(r.stdout, /0 created, 0 updated, 20 unchanged/);
		assert.deepEqual(await srv.dbSnapshot(), before);
	});

	test('round trip: export CSV (without ids) → a fresh demo DB → the same offers',
	    () => {
		const d = tempDir('ramme-b-');
		try {
			const b = makeDemoDb(d, { users: {} });
			const rows = parseCsv(csvText);
			const idCol = rows[0].indexOf('id');
			const file = path.join(d, 'noid.csv');
			fs.writeFileSync(file, writeCsv(rows.map((r) =>
			    r.filter((_, i) => i !== idCol))));
			const r = ramme(['import', 'offers', file, '--db', b],
			    { ok: true });
			/* 2 new offers; Kompasset, Taleinstituttet changed;
			 * "VoksenBøgen II" is new by name, the old one stays. */
			assert.match(r.stdout, /^3 created, 2 updated, 15 unchanged/, r.stdout);
			const bOffers = exportJson(b).filter((o) => o.name !== 'VoksenBøgen');
			assert.deepEqual(comparable(bOffers), comparable(aOffers));
		} finally {
			dropDb(d);
			fs.rmSync(d, { recursive: true, force: true });
		}
	});

	test('round trip with ids into a fresh demo DB: unknown ids fail, ' +
	    'nothing is saved', () => {
		const d = tempDir('ramme-c-');
		try {
			const b = makeDemoDb(d, { users: {} });
			const before = exportJson(b);
			const r = ramme(['import', 'offers', csvFile, '--db', b]);
			assert.equal(r.status, 2, r.stdout + r.stderr);
			assert.match(r.stderr, /linje \d+/);
			assert.match(r.stderr, /intet er gemt/);
			assert.deepEqual(exportJson(b), before);
			/* Without the two new rows the edits come across by id. */
			const rows = parseCsv(csvText);
			const idCol = rows[0].indexOf('id');
			const file = path.join(d, 'old.csv');
			fs.writeFileSync(file, writeCsv(rows.filter((x, i) =>
			    i === 0 || Number(x[idCol]) <= 18)));
			const ok = ramme(['import', 'offers', file, '--db', b],
			    { ok: true });
			assert.match(ok.stdout, /^0 created, 3 updated, 15 unchanged/);
			assert.deepEqual(comparable(exportJson(b), { keepId: true }),
			    comparable(aOffers.filter((o) => o.id <= 18),
			    { keepId: true }));
		} finally {
			dropDb(d);
			fs.rmSync(d, { recursive: true, force: true });
		}
	});

	test('a file with errors lists every bad line and saves nothing',
	    async () => {
		const before = await srv.dbSnapshot();
		const file = path.join(dir, 'bad.csv');
		fs.writeFileSync(file, [
			'name;operator_code;location_code;kind;places_2025',
			'God række;851;851;residential;4',
			'Negativ;851;851;residential;-3',
			'Ukendt kommune;851;999;residential;2',
			'Ukendt type;851;851;slot;2',
			'God række;851;851;residential;5',
			'',
		].join('\r\n'));
		const r = ramme(['import', 'offers', file, '--db', srv.db]);
		assert.equal(r.status, 2, r.stdout + r.stderr);
		for (const line of [3, 4, 5, 6])
			assert.match(r.stderr, new RegExp(`linje ${line}\\b`), r.stderr);
		assert.doesNotMatch(r.stderr, /linje 2\b/);
		assert.match(r.stderr, /negativ/);
		assert.match(r.stderr, /intet er gemt/);
		assert.deepEqual(await srv.dbSnapshot(), before);
	});

	test('unknown columns and broken quoting are refused', async () => {
		const before = await srv.dbSnapshot();
		const f1 = path.join(dir, 'col.csv');
		fs.writeFileSync(f1, 'name;farve\nX;rød\n');
		const r1 = ramme(['import', 'offers', f1, '--db', srv.db]);
		assert.equal(r1.status, 2);
		assert.match(r1.stderr, /Ukendt kolonne: farve/);
		const f2 = path.join(dir, 'quote.csv');
		fs.writeFileSync(f2, 'name;operator_code\n"Uafsluttet;851\n');
		const r2 = ramme(['import', 'offers', f2, '--db', srv.db]);
		assert.equal(r2.status, 2, r2.stdout + r2.stderr);
		const f3 = path.join(dir, 'missing.csv');
		const r3 = ramme(['import', 'offers', f3, '--db', srv.db]);
		assert.equal(r3.status, 2);
		assert.deepEqual(await srv.dbSnapshot(), before);
	});

	test('Windows-1252 files from Danish Excel are read', async () => {
		const d = tempDir('ramme-w-');
		try {
			const b = makeDemoDb(d, { users: {} });
			const file = path.join(d, 'cp1252.csv');
			/* "Bøgely Ærø" in Windows-1252: ø = F8, Æ = C6. */
			fs.writeFileSync(file, Buffer.concat([
			    Buffer.from('name;operator_code;location_code;places_2025\r\nB'),
			    Buffer.from([0xf8]), Buffer.from('gely '),
			    Buffer.from([0xc6]), Buffer.from('r'), Buffer.from([0xf8]),
			    Buffer.from(';851;851;7,5\r\n')]));
			ramme(['import', 'offers', file, '--db', b], { ok: true });
			const o = exportJson(b).find((x) => x.name === 'Bøgely Ærø');
			assert.ok(o, 'the offer was not imported with its Danish name');
			assert.deepEqual(o.places, { 2025: 7.5 });
		} finally {
			dropDb(d);
			fs.rmSync(d, { recursive: true, force: true });
		}
	});
});
