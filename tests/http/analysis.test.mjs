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

import { assertDanish, needs, postForm, ramme, redirectId,
    startServer } from './harness.mjs';

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

function count(table) {
	const r = spawnSync('sqlite3', [srv.db, `SELECT count(*) FROM ${table}`]);
	return Number(r.stdout.toString().trim());
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
		spawnSync('sqlite3', [srv.db, 'UPDATE published_tariff SET ' +
		    'tariff_ore = tariff_ore * 2 WHERE year = 2024']);
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

	test('the XLSX holds every line', async () => {
		const r = await admin.get(`/oekonomi/analyser/${id}/analyse.xlsx`);
		assert.equal(r.status, 200);
		const f = path.join(srv.dir, 'a.xlsx');
		fs.writeFileSync(f, r.body);
		const strings = spawnSync('unzip', ['-p', f,
		    'xl/sharedStrings.xml']).stdout.toString();
		const sheet = spawnSync('unzip', ['-p', f,
		    'xl/worksheets/sheet1.xml']).stdout.toString();
		assert.equal((sheet.match(/<row /g) || []).length, 1 + 4);
		for (const s of ['Real ændring (%)', 'I panelet', 'Nyt tilbud',
		    'Ændret antal pladser', 'Taleinstituttet', 'Sødisbakke'])
			assert.ok(strings.includes(s), s);
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
		const body = spawnSync('sqlite3', [srv.db, 'SELECT id FROM body ' +
		    "WHERE key = 'socdir'"]).stdout.toString().trim();
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
});
