/*
 * Tariff analyses in fixed prices: the secretariat creates one over the
 * published tariffs of 2023 and 2024 (state PL 2024: 4,0 %), the panel
 * and the lines outside it, the hearing with comments by operators and
 * municipalities, finalising, the JSON API, the XLSX read back and the
 * PDF read with pdftotext; roles and bad input change nothing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
	assertDanish,
	needs,
	postForm,
	ramme,
	redirectId,
	sql,
	startServer,
} from './harness.mjs';

const PDFTOTEXT = '/usr/bin/pdftotext';
const havePdftotext = fs.existsSync(PDFTOTEXT);

let srv, anon, admin, op851, op1081, authority, reader;
before(async () => {
	srv = await startServer();
	anon = srv.client();
	admin = await srv.login('admin');
	op851 = await srv.login('op851');
	op1081 = await srv.login('op1081');
	authority = await srv.login('authority');
	reader = await srv.login('reader');
	const H = 'offer_id;paragraph;level;unit;places;occupancy_pct;' +
	    'wages_ore;property_ore;other_ore';
	/* 4 (Aalborg) and 3 (the region) in both years with the same places:
	   the panel. 3's § 85 line changes its places; 2 is new in 2024. */
	const years = {
		2023: ['4;SEL § 107;;day;10;96;650000000;67500000;82500000',
		    '3;SEL § 108;;day;12;95;700000000;50000000;50000000',
		    '3;SEL § 85;;day;5;95;100000000;10000000;10000000'],
		2024: ['4;SEL § 107;;day;10;96;700000000;67500000;82500000',
		    '3;SEL § 108;;day;12;95;710000000;50000000;50000000',
		    '3;SEL § 85;;day;6;95;100000000;10000000;10000000',
		    '2;SEL § 107;;day;20;95;900000000;80000000;80000000'],
	};
	let id = 0;
	for (const [y, lines] of Object.entries(years)) {
		const f = path.join(srv.dir, `lines-${y}.csv`);
		fs.writeFileSync(f, [H, ...lines].join('\n') + '\n');
		ramme(['round', 'open', y, '1', '--deadline', '2099-12-31',
		    '--opens', '2000-01-01', '--pl-pct', y === '2024' ? '4' : '0',
		    '--db', srv.db], { ok: true });
		id++;
		ramme(['round', 'import-lines', f, '--round', String(id),
		    '--approve', '--publish', '--db', srv.db], { ok: true });
	}
});
after(async () => { await srv?.stop(); });

const NEW = { title: 'Takstanalyse 2024', from_year: '2023',
    to_year: '2024', series: 'state_general_pl', cap_pct: '2',
    target_pct: '1' };

/* The sheets of an XLSX as rows of cell texts (shared strings resolved,
   numbers as written), with each sheet's XML and the styles. */
function readXlsx(file) {
	const part = (p) => spawnSync('unzip', ['-p', file, p]).stdout
	    .toString();
	const unxml = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>')
	    .replace(/&quot;/g, '"').replace(/&amp;/g, '&');
	const strings = [...part('xl/sharedStrings.xml').matchAll(
	    /<si>([^]*?)<\/si>/g)].map((m) => unxml([...m[1].matchAll(
	    /<t[^>]*>([^]*?)<\/t>/g)].map((t) => t[1]).join('')));
	const names = [...part('xl/workbook.xml').matchAll(
	    /<sheet name="([^"]*)"/g)].map((m) => unxml(m[1]));
	const book = { names, sheets: {}, xml: {},
	    styles: part('xl/styles.xml') };
	names.forEach((n, i) => {
		const xml = part(`xl/worksheets/sheet${i + 1}.xml`);
		const rows = [];
		for (const rm of xml.matchAll(/<row [^>]*>([^]*?)<\/row>/g)) {
			const row = [];
			for (const c of rm[1].matchAll(
			    /<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>([^]*?)<\/c>)/g)) {
				let col = 0;
				for (const ch of c[1])
					col = col * 26 + ch.charCodeAt(0) - 64;
				const v = /<v>([^<]*)<\/v>/.exec(c[3] || '')?.[1];
				row[col - 1] = v === undefined ? '' :
				    /t="s"/.test(c[2]) ? strings[Number(v)] : v;
			}
			rows.push(Array.from(row, (x) => x ?? ''));
		}
		book.sheets[n] = { rows };
		book.xml[n] = xml;
	});
	return book;
}

function count(table) {
	return Number(sql(srv.db, `SELECT count(*) FROM ${table}`).trim());
}

let id, tariffs;
describe('tariff analysis', () => {
	test('only the secretariat creates; others are refused', async () => {
		for (const c of [op851, authority, reader]) {
			const r = await postForm(c, '/oekonomi/analyser', NEW);
			assert.equal(r.status, 403, `${r.status}`);
		}
		const r = await anon.request('POST', '/oekonomi/analyser',
		    { form: NEW });
		assert.ok([401, 403, 303].includes(r.status), `${r.status}`);
		assert.equal(count('analysis'), 0);
	});

	test('bad input: a clear Danish error and nothing stored', async () => {
		const cases = [
			[{ to_year: '2026' }, /PL-serien mangler 2026/],
			[{ from_year: '2010', to_year: '2011' }, /intet panel/],
			[{ to_year: '2023' }, /Til-året skal ligge efter/],
			[{ price_year: '1990' }, /Prisåret skal være et år i PL-serien/],
			[{ price_year: 'x' }, /Angiv året med fire cifre/],
			[{ series: 'ukendt' }, /Ukendt PL-serie: ukendt/],
			[{ title: '' }, /Skriv en titel/],
			[{ cap_pct: '1,23456' }, /procent/],
			[{ operator: '99999999' }, /Ukendt driftsherre/],
			[{ level: '9' }, /intet panel/],
			[{ section: '85', unit: 'hour' }, /intet panel/],
		];
		for (const [over, re] of cases) {
			const r = await postForm(admin, '/oekonomi/analyser',
			    { ...NEW, ...over });
			assert.equal(r.status, 400, `${JSON.stringify(over)}: ${r.status}`);
			assert.match(r.text, re, JSON.stringify(over));
			assert.match(r.text, /class="alert alert-error/);
		}
		assert.equal(count('analysis'), 0);
		assert.equal(count('audit WHERE entity = \'analysis\''), 0);
	});

	test('the secretariat creates a draft: panel and lines apart',
	    async () => {
		const cr = await postForm(admin, '/oekonomi/analyser', NEW);
		assert.equal(cr.status, 303, /alert-error[^]*?<\/div>/.exec(cr.text)?.[0]);
		id = redirectId(cr);
		const j = (await admin.get(`/api/v1/analyses/${id}`)).json;
		assert.equal(j.state, 'draft');
		assert.equal(j.factor, '1.040000');
		/* The price year is the to-year unless chosen. */
		assert.equal(j.price_year, 2024);
		assert.equal(j.price_factor, '1.000000');
		const kinds = Object.fromEntries(j.lines.map((l) =>
		    [`${l.offer_id} ${l.paragraph}`, l.kind]));
		assert.deepEqual(kinds, { '2 SEL § 107': 'new_offer',
		    '3 SEL § 108': 'in', '3 SEL § 85': 'places_changed',
		    '4 SEL § 107': 'in' });
		/* The real change of a line and the means, recomputed. */
		const inl = j.lines.filter((l) => l.kind === 'in');
		let sum = 0, wTo = 0, wFrom = 0;
		const places = { 3: 12, 4: 10 };
		for (const l of inl) {
			const f = l.tariff_from_ore * 1.04;
			assert.equal(l.from_fixed_ore, Math.round(f));
			const rc = l.tariff_to_ore / f - 1;
			assert.equal(l.real_change_pct, Math.round(rc * 10000) / 100);
			sum += rc;
			wTo += places[l.offer_id] * l.tariff_to_ore;
			wFrom += places[l.offer_id] * f;
		}
		assert.equal(j.total.lines, 2);
		assert.equal(j.total.unweighted_mean_pct,
		    Math.round(sum / 2 * 10000) / 100);
		assert.equal(j.total.weighted_mean_pct,
		    Math.round((wTo / wFrom - 1) * 10000) / 100);
		assert.equal(j.by_operator.length, 2);
		assert.deepEqual(j.by_paragraph.map((g) => g.label),
		    ['SEL § 107', 'SEL § 108']);
		tariffs = inl;
		/* A draft is the secretariat's alone. */
		assert.equal((await op851.get(`/api/v1/analyses/${id}`)).status, 404);
		assert.equal((await anon.get(`/oekonomi/analyser/${id}`)).status, 404);
		assert.deepEqual((await anon.get('/api/v1/analyses')).json.analyses,
		    []);
	});

	test('the page: charts as accessible figures with their tables',
	    async () => {
		const r = await admin.get(`/oekonomi/analyser/${id}?besked=oprettet`);
		assert.equal(r.status, 200);
		assert.match(r.text, /<svg[^>]*role="img"/);
		assert.match(r.text, /Real ændring i taksterne 2023–2024 pr\. driftsherre/);
		assert.match(r.text, /Gennemsnitlig takst pr\. plads 2023–2024/);
		assert.match(r.text, /Tallene i figuren/);
		assert.match(r.text, /Nyt tilbud/);
		assert.match(r.text, /Ændret antal pladser/);
		assert.equal((r.text.match(/<h1/g) || []).length, 1);
	});

	test('a deadline in the past is refused; sending stores the panel',
	    async () => {
		const page = await admin.get(`/oekonomi/analyser/${id}`);
		const version = /name="version" value="(\d+)"/.exec(page.text)[1];
		let r = await postForm(admin, `/oekonomi/analyser/${id}/hoering`,
		    { version, deadline: '2001-01-01' });
		assert.equal(r.status, 400);
		assert.match(r.text, /Fristen ligger i fortiden/);
		r = await postForm(op851, `/oekonomi/analyser/${id}/hoering`,
		    { version, deadline: '2099-01-01' });
		assert.equal(r.status, 403);
		assert.equal(count('analysis_line'), 0);
		r = await postForm(admin, `/oekonomi/analyser/${id}/hoering`,
		    { version, deadline: '2099-01-01' });
		assert.equal(r.status, 303, r.text.slice(0, 300));
		assert.equal(count('analysis_line'), 7);
		/* A later correction of a tariff does not change it. */
		sql(srv.db, 'UPDATE published_tariff SET ' +
		    'tariff_ore = tariff_ore * 2 WHERE year = 2024');
		const j = (await admin.get(`/api/v1/analyses/${id}`)).json;
		assert.equal(j.state, 'hearing');
		assert.deepEqual(j.lines.filter((l) => l.kind === 'in'), tariffs);
	});

	test('operators and municipalities comment; others cannot', async () => {
		const url = `/oekonomi/analyser/${id}/kommentar`;
		/* The hearing is a task on their start pages. */
		for (const c of [op851, authority]) {
			const start = await c.get('/');
			assert.match(start.text, new RegExp(
			    `href="/oekonomi/analyser/${id}">Takstanalyse 2024<`));
		}
		assert.doesNotMatch((await reader.get('/')).text,
		    /oekonomi\/analyser/);
		let r = await postForm(op851, url, { offer: '4',
		    body: 'Lønstigningen skyldes en ny overenskomst.' });
		assert.equal(r.status, 303, r.text.slice(0, 300));
		r = await postForm(authority, url,
		    { body: 'Kommunen har ingen bemærkninger.' });
		assert.equal(r.status, 303);
		/* Not another operator's offer; not the secretariat or a reader. */
		r = await postForm(op851, url, { offer: '3', body: 'x' });
		assert.equal(r.status, 403);
		r = await postForm(admin, url, { body: 'x' });
		assert.equal(r.status, 403);
		r = await postForm(reader, url, { body: 'x' });
		assert.equal(r.status, 403);
		r = await postForm(op1081, url, { body: '' });
		assert.equal(r.status, 400);
		assert.match(r.text, /Skriv en kommentar/);
		assert.equal(count('analysis_comment'), 2);
		const page = await reader.get(`/oekonomi/analyser/${id}`);
		assert.match(page.text, /Lønstigningen skyldes en ny overenskomst/);
		assert.match(page.text, /om Taleinstituttet/);
	});

	test('the XLSX: overview, lines, new and closed, about', async () => {
		const r = await admin.get(`/oekonomi/analyser/${id}/analyse.xlsx`);
		assert.equal(r.status, 200);
		const f = path.join(srv.dir, 'a.xlsx');
		fs.writeFileSync(f, r.body);
		const book = readXlsx(f);
		assert.deepEqual(book.names, ['Oversigt', 'Linjer',
		    'Nye og lukkede', 'Om analysen']);
		const j = (await admin.get(`/api/v1/analyses/${id}`)).json;
		/* Oversigt: the total, then per operator, paragraph, target
		   group, with the same means as the page. */
		const ov = book.sheets['Oversigt'];
		assert.equal(ov.rows[0][0], 'Opdeling');
		assert.deepEqual(ov.rows[1].slice(0, 5), ['I alt', 'I alt', '2',
		    String(j.total.unweighted_mean_pct),
		    String(j.total.weighted_mean_pct)]);
		assert.equal(ov.rows.filter((x) => x[0] === 'Driftsherre').length,
		    j.by_operator.length);
		assert.equal(ov.rows.filter((x) => x[0] === 'Paragraf').length,
		    j.by_paragraph.length);
		assert.ok(ov.rows.some((x) => x[0] === 'Målgruppe'));
		/* Linjer: every line, numbers as numbers. */
		const li = book.sheets['Linjer'];
		assert.equal(li.rows.length, 1 + j.lines.length);
		assert.ok(li.rows[0].includes('Real ændring (%)'));
		const in4 = li.rows.find((x) => x[0] === 'I panelet' &&
		    x[2] === '4');
		const l4 = j.lines.find((l) => l.offer_id === 4);
		assert.equal(Number(in4[9]), l4.tariff_from_ore / 100);
		assert.equal(Number(in4[14]), l4.real_change_pct);
		/* Nye og lukkede: only the lines outside the panel. */
		const ap = book.sheets['Nye og lukkede'];
		assert.deepEqual(ap.rows.slice(1).map((x) => x[0]).sort(),
		    ['Nyt tilbud', 'Ændret antal pladser']);
		/* Om analysen: what it was computed from. */
		const ab = Object.fromEntries(book.sheets['Om analysen'].rows);
		assert.equal(ab['Titel'], 'Takstanalyse 2024');
		assert.equal(ab['Prisår'], '2024');
		assert.equal(ab['Serienavn'], 'state_general_pl');
		assert.equal(ab['Status'], 'I høring');
		assert.ok(Number(ab['Oprettet']) > 45000, ab['Oprettet']);
		/* Every sheet: the header row frozen, widths set, kroner and
		   percentages formatted. */
		for (const n of book.names) {
			assert.match(book.xml[n], /<pane [^>]*ySplit="1"[^>]*state="frozen"/, n);
			assert.match(book.xml[n], /<cols><col /, n);
		}
		assert.match(book.styles, /formatCode="#,##0\.00"/);
		assert.match(book.styles, /formatCode="0\.00"/);
	});

	test('the PDF: excerpt of the chosen sections, then the report',
	    { skip: needs(havePdftotext, 'pdftotext (poppler-utils)') },
	    async () => {
		const r = await admin.get(`/oekonomi/analyser/${id}/rapport.pdf?` +
		    'afsnit_resultat=1&afsnit_hoering=1');
		assert.equal(r.status, 200);
		assert.equal(r.headers.get('content-type'), 'application/pdf');
		const f = path.join(srv.dir, 'a.pdf');
		fs.writeFileSync(f, r.body);
		const t = spawnSync(PDFTOTEXT, ['-enc', 'UTF-8', f, '-']).stdout
		    .toString();
		const ex = t.indexOf('Udtog til politikerne');
		const rep = t.indexOf('Rapport');
		assert.ok(ex >= 0 && rep > ex, t.slice(0, 400));
		const excerpt = t.slice(ex, rep);
		assert.match(excerpt, /Resultat/);
		assert.match(excerpt, /Høringssvar/);
		assert.match(excerpt, /Lønstigningen skyldes/);
		assert.doesNotMatch(excerpt, /Pr\. paragraf/);
		assert.match(t.slice(rep), /Real ændring i taksterne 2023–2024/);
		assert.match(t.slice(rep), /Panelet/);
		assert.match(t, /faktor 1,040000/);
	});

	test('finalise behind a confirmation; then public', async () => {
		const page = await admin.get(`/oekonomi/analyser/${id}`);
		const version = /name="version" value="(\d+)"/.exec(page.text)[1];
		const url = `/oekonomi/analyser/${id}/endelig`;
		let r = await postForm(op851, url, { version });
		assert.equal(r.status, 403);
		r = await postForm(admin, url, { version });
		assert.equal(r.status, 200);
		assert.match(r.text, /Gør analysen endelig\?/);
		assert.match(r.text, /name="confirm" value="1"/);
		r = await postForm(admin, url, { version, confirm: '1' });
		assert.equal(r.status, 303);
		const list = (await anon.get('/api/v1/analyses')).json.analyses;
		assert.equal(list.length, 1);
		assert.equal(list[0].state, 'final');
		const j = (await anon.get(`/api/v1/analyses/${id}`)).json;
		assert.equal(j.comments.length, 2);
		/* No more comments. */
		r = await postForm(op851, `/oekonomi/analyser/${id}/kommentar`,
		    { body: 'For sent' });
		assert.equal(r.status, 409);
		assertDanish(/<p>([^<]*Analysen er ikke i høring[^<]*)</.exec(r.text)?.[1]
		    ?? 'Analysen er ikke i høring');
		assert.equal(count('audit WHERE entity = \'analysis\''), 3);
	});

	test('"Sæt på dagsorden" attaches the PDF to a new item', async () => {
		const body = sql(srv.db, 'SELECT id FROM body ' +
		    "WHERE key = 'socdir'").trim();
		const m = redirectId(await postForm(admin, '/moeder/nyt',
		    { body_id: body, starts_at: '2099-03-06T10:00',
		    place: 'Aalborg' }));
		const r = await postForm(admin, `/oekonomi/analyser/${id}/dagsorden`,
		    { target: `m${m}`, afsnit_resultat: '1' });
		assert.equal(r.status, 303, r.text.slice(0, 400));
		const mp = await admin.get(`/moeder/${m}`);
		assert.match(mp.text, /Takstanalyse 2024/);
		assert.equal(count(`attachment a JOIN agenda_item i ON i.id = ` +
		    `a.item_id WHERE i.meeting_id = ${m}`), 1);
		const bad = await postForm(admin, `/oekonomi/analyser/${id}/dagsorden`,
		    { target: 'x' });
		assert.equal(bad.status, 400);
		assert.match(bad.text, /Vælg mødet og punktet/);
	});

	test('a chosen price year: amounts in its prices, changes the same',
	    async () => {
		const cr = await postForm(admin, '/oekonomi/analyser',
		    { ...NEW, title: 'I 2023-priser', price_year: '2023' });
		assert.equal(cr.status, 303, /alert-error[^]*?<\/div>/.exec(cr.text)?.[0]);
		const pid = redirectId(cr);
		const j = (await admin.get(`/api/v1/analyses/${pid}`)).json;
		assert.equal(j.price_year, 2023);
		assert.equal(j.factor, '1.040000');
		assert.equal(j.price_factor, '0.961538');
		for (const l of j.lines.filter((x) => x.kind === 'in')) {
			/* 2023 in 2023 prices is the tariff itself; 2024 is
			   deflated by 1,04; the real change does not move. */
			assert.equal(l.from_fixed_ore, l.tariff_from_ore);
			assert.equal(l.to_fixed_ore, Math.round(l.tariff_to_ore / 1.04));
			assert.equal(l.real_change_pct, Math.round((l.tariff_to_ore /
			    (l.tariff_from_ore * 1.04) - 1) * 10000) / 100);
		}
		const page = await admin.get(`/oekonomi/analyser/${pid}`);
		assert.match(page.text, /Prisår<\/dt><dd>2023: beløb i faste priser/);
		assert.match(page.text, /Udgift 2024 i 2023-priser/);
		assert.equal(sql(srv.db, 'SELECT price_year FROM ' +
		    `analysis WHERE id = ${pid}`).trim(), '2023');
		assert.match(count(`audit WHERE entity = 'analysis' AND ` +
		    `entity_id = '${pid}' AND after_json LIKE '%"price_year":2023%'`)
		    .toString(), /^1$/);
		/* The first analysis keeps the to-year. */
		assert.match((await admin.get(`/oekonomi/analyser/${id}`)).text,
		    /Prisår<\/dt><dd>2024 \(til-året\)/);
	});
});
