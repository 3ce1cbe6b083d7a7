/*
 * The annual cycle (årshjul) over HTTP: the steps of a year as JSON and
 * as the year view by month, joined to a tariff round and a DAS meeting;
 * the secretariat's rules (only the admin reads or changes them; a new
 * step, a rule changed from a later year, a step retired after a
 * confirmation, each with its reason in the history); bad input (a rule
 * date that does not exist, no reason, a loop, a takeover notice after
 * the election-period deadline) gets a Danish error and changes nothing;
 * the steps in the iCal feed with stable UIDs; and the steps a
 * municipality must act on in "Mine opgaver".
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { postForm, ramme, startServer } from './harness.mjs';

let srv, anon, admin, op851, reader, authority;
const YEAR = new Date().getUTCFullYear();

async function page(c, p, status = 200) {
	const r = await c.get(p);
	assert.equal(r.status, status, `GET ${p}: ${r.status} ${r.text.slice(0, 300)}`);
	assert.equal((r.text.match(/<h1[\s>]/g) || []).length, 1, 'one h1');
	return r.text;
}

async function steps(c, year) {
	const j = await c.getJson(`/api/v1/cycle/${year}`);
	assert.equal(j.year, year);
	return j.steps;
}

function step(list, kind) {
	return list.find((s) => s.kind === kind);
}

/* The id of the rule version of kind from year, from the rules page. */
async function ruleId(kind, from) {
	const html = await page(admin, '/aarshjul/regler');
	const re = new RegExp(`href="/aarshjul/regler/(\\d+)">[^<]*</a><br>` +
	    `<code class="muted" lang="en">${kind}</code></td><td[^>]*>${from}<`);
	const m = re.exec(html);
	assert.ok(m, `rule ${kind} from ${from}`);
	return Number(m[1]);
}

/* The form fields of a fixed-date rule. */
function fixed(extra) {
	return { title: 'Høringen begynder', party: 'secretariat',
	    how: 'fixed', month: '12', day: '1', weekday: '0',
	    base_kind: '', offset_days: '0', period_year: '', note: '',
	    reason: 'Besluttet af DAS', ...extra };
}

before(async () => {
	srv = await startServer();
	anon = srv.client();
	admin = await srv.login('admin');
	op851 = await srv.login('op851');
	reader = await srv.login('reader');
	authority = await srv.login('authority');
});
after(async () => { await srv?.stop(); });

describe('the steps of a year', () => {
	test('JSON: the default rules of the minutes, sorted by date',
	    async () => {
		const s15 = await steps(anon, 2015);
		for (const k of ['submissions_deadline', 'hearing_deadline',
		    'tariff_round_deadline', 'strategy_approval_deadline',
		    'steering_agreement_approval_deadline',
		    'reinforced_nominations', 'expert_panel',
		    'reinforced_decision', 'reinforced_in_force'])
			assert.ok(step(s15, k), `kind ${k} in 2015`);
		assert.equal(step(s15, 'strategy_approval_deadline').date,
		    '2015-05-01');
		assert.equal(step(await steps(anon, 2014),
		    'strategy_approval_deadline').date, '2014-06-01');
		assert.equal(step(await steps(anon, 2016),
		    'takeover_notice_deadline').date, '2016-01-01');
		assert.equal(step(s15, 'takeover_notice_deadline'), undefined);
		const dates = s15.map((s) => s.date);
		assert.deepEqual(dates, [...dates].sort());
		for (const s of s15) {
			assert.ok(['planned', 'open', 'done', 'overdue',
			    'not_applicable'].includes(s.status));
			assert.match(s.title, /[a-zæøå]/);
		}
	});

	test('JSON: a bad year is refused in Danish', async () => {
		for (const y of ['1999', 'abc', '2101']) {
			const r = await anon.get(`/api/v1/cycle/${y}`);
			assert.equal(r.status, 400, y);
			assert.match(r.json.error.message, /Året skal ligge mellem/);
		}
	});

	test('joined to a tariff round and a DAS meeting', async () => {
		ramme(['round', 'open', String(YEAR + 1), '1', '--opens',
		    `${YEAR}-09-01`, '--deadline', `${YEAR}-10-20`, '--db',
		    srv.db], { ok: true });
		let s = step(await steps(admin, YEAR), 'tariff_round_deadline');
		assert.equal(s.date, `${YEAR}-10-20`);
		assert.equal(s.belongs_to, `Takstindberetning ${YEAR + 1}, runde 1`);
		assert.match(s.href, /^\/takstindberetning\/\d+$/);
		assert.match(s.detail, /af \d+ driftsherrer har indsendt/);
		s = step(await steps(anon, YEAR), 'tariff_round_deadline');
		assert.equal(s.href, undefined, 'no link the public cannot open');

		const organer = (await anon.get('/organer')).text;
		const das = /href="\/organer\/(\d+)">Den Administrative Styregruppe</
		    .exec(organer)[1];
		const r = await postForm(admin, '/moeder/nyt', { body_id: das,
		    starts_at: `${YEAR + 1}-01-23T10:00` });
		assert.equal(r.status, 303, r.text.slice(0, 300));
		s = step(await steps(admin, YEAR + 1), 'das_status');
		assert.equal(s.date, `${YEAR + 1}-01-23`);
		assert.equal(s.planned, `${YEAR + 1}-01-20`);
		assert.match(s.href, /^\/moeder\/\d+$/);
		assert.equal(s.status, 'planned');
	});

	test('the year view: twelve months, badges, links, year switcher',
	    async () => {
		const html = await page(admin, `/aarshjul?aar=${YEAR}`);
		assert.match(html, new RegExp(`<h1[^>]*>Årshjul ${YEAR}</h1>`));
		for (const m of ['Januar', 'Juni', 'Oktober', 'December'])
			assert.match(html, new RegExp(`<h2[^>]*>${m}</h2>`));
		assert.match(html, /class="badge[^"]*"[^>]*>(Planlagt|Åben|Afsluttet|Overskredet)</);
		assert.match(html, /href="\/takstindberetning\/\d+">Takstindberetning/);
		assert.match(html, new RegExp(`href="/aarshjul\\?aar=${YEAR + 1}"`));
		assert.match(html, /href="\/aarshjul\/regler"/);
		assert.doesNotMatch(await page(anon, '/aarshjul'),
		    /href="\/aarshjul\/regler"/);
		assert.match(await page(anon, '/'), /href="\/aarshjul"[^>]*><span>Årshjul</);
		await page(anon, '/aarshjul?aar=abc', 400);
		await page(anon, '/aarshjul?aar=1990', 400);
		await page(anon, '/aarshjul?x=1', 400);
	});
});

describe('the rules', () => {
	test('only the secretariat reads and changes them', async () => {
		const r = await anon.get('/aarshjul/regler');
		assert.ok([302, 303].includes(r.status), `anon: ${r.status}`);
		for (const c of [reader, authority, op851]) {
			assert.equal((await c.get('/aarshjul/regler')).status, 403);
			assert.equal((await c.get('/aarshjul/regler/ny')).status,
			    403);
			const p = await postForm(c, '/aarshjul/regler/ny',
			    fixed({ kind: 'hearing_start', from_year: '2020' }));
			assert.equal(p.status, 403);
		}
		assert.equal(step(await steps(anon, 2020), 'hearing_start'),
		    undefined, 'nothing added');
		await page(admin, '/aarshjul/regler');
		await page(admin, '/aarshjul/regler/ny');
	});

	test('bad input gets a Danish error and changes nothing', async () => {
		const before = await page(admin, '/aarshjul/regler');
		const y21 = await steps(anon, 2021);
		let r = await postForm(admin, '/aarshjul/regler/ny',
		    fixed({ kind: 'hearing_start', from_year: '2020',
		    month: '4', day: '31' }));
		assert.equal(r.status, 400);
		assert.match(r.text, /Datoen 31\. april findes ikke/);
		assert.match(r.text, /Der er fejl i formularen/);
		r = await postForm(admin, '/aarshjul/regler/ny',
		    fixed({ kind: 'hearing_start', from_year: '2020',
		    month: '2', day: '29' }));
		assert.equal(r.status, 400);
		assert.match(r.text, /29\. februar findes ikke hvert år/);
		r = await postForm(admin, '/aarshjul/regler/ny',
		    fixed({ kind: 'hearing_start', from_year: '2020',
		    reason: '' }));
		assert.equal(r.status, 400);
		assert.match(r.text, /Angiv hvorfor reglen ændres/);
		r = await postForm(admin, '/aarshjul/regler/ny',
		    fixed({ kind: 'Høring', from_year: '2020' }));
		assert.equal(r.status, 400);
		assert.match(r.text, /små bogstaver/);
		/* das_status after a new step that follows das_status: a loop. */
		const id = await ruleId('das_status', 2011);
		r = await postForm(admin, '/aarshjul/regler/ny', fixed({
		    kind: 'das_prep', from_year: '2011', how: 'relative',
		    title: 'DAS forberedelse',
		    base_kind: 'das_status', offset_days: '-7' }));
		assert.equal(r.status, 303, r.text.slice(0, 500));
		r = await postForm(admin, `/aarshjul/regler/${id}`, fixed({
		    scope: 'ret', from_year: '2011', title: 'DAS status',
		    party: 'das', how: 'relative', base_kind: 'das_prep',
		    offset_days: '7' }));
		assert.equal(r.status, 400);
		assert.match(r.text, /regnes i \d+ ud fra sig selv/);
		assert.equal(step(await steps(anon, 2021), 'das_status').date,
		    '2021-01-20', 'unchanged');
		/* A new version must start after the one it replaces. */
		r = await postForm(admin, `/aarshjul/regler/${id}`, fixed({
		    scope: 'ny', from_year: '2011', title: 'DAS status',
		    party: 'das' }));
		assert.equal(r.status, 400);
		assert.match(r.text, /senere år end 2011/);
		/* The same rules but the one step added, and the same csrf. */
		const row = /<tr><td data-title="Trin"><a href="\/aarshjul\/regler\/\d+">DAS forberedelse<\/a><br><code class="muted" lang="en">das_prep[\s\S]*?<\/tr>/;
		const after = await page(admin, '/aarshjul/regler');
		assert.match(after, row);
		assert.equal(after.replace(row, ''), before);
		const now21 = await steps(anon, 2021);
		assert.deepEqual(now21.filter((s) => s.kind !== 'das_prep'),
		    y21);
	});

	test('a new step from a year on', async () => {
		const r = await postForm(admin, '/aarshjul/regler/ny',
		    fixed({ kind: 'hearing_start', from_year: '2020' }));
		assert.equal(r.status, 303, r.text.slice(0, 500));
		assert.equal(r.headers.get('location'),
		    '/aarshjul/regler?besked=gemt');
		assert.equal(step(await steps(anon, 2020), 'hearing_start').date,
		    '2020-12-01');
		assert.equal(step(await steps(anon, 2019), 'hearing_start'),
		    undefined);
		assert.match(await page(admin, '/aarshjul/regler?besked=gemt'),
		    /Reglen er gemt/);
	});

	test('a rule changed from a later year keeps the earlier years',
	    async () => {
		const id = await ruleId('strategy_approval_deadline', 2015);
		const r = await postForm(admin, `/aarshjul/regler/${id}`, fixed({
		    scope: 'ny', from_year: '2030', title: 'Frist for '
		    + 'godkendelse af udviklingsstrategien', party: 'councils',
		    month: '5', day: '15', reason: 'Ny lov fra 2030' }));
		assert.equal(r.status, 303, r.text.slice(0, 500));
		assert.equal(step(await steps(anon, 2030),
		    'strategy_approval_deadline').date, '2030-05-15');
		assert.equal(step(await steps(anon, 2029),
		    'strategy_approval_deadline').date, '2029-05-01');
		assert.equal(step(await steps(anon, 2014),
		    'strategy_approval_deadline').date, '2014-06-01');
		const html = await page(admin, `/aarshjul/regler/${id}`);
		assert.match(html, /<h2>Historik<\/h2>/);
		assert.match(html, /Ny lov fra 2030/);
	});

	test('retiring a step asks first, then ends it from the year',
	    async () => {
		const id = await ruleId('hearing_start', 2020);
		let r = await postForm(admin, `/aarshjul/regler/${id}/ophoer`,
		    { from_year: '2025', reason: 'Høringen flyttes' });
		assert.equal(r.status, 200);
		assert.match(r.text, /Skal trinnet ophøre\?/);
		assert.match(r.text, /name="confirm" value="1"/);
		assert.ok(step(await steps(anon, 2025), 'hearing_start'),
		    'not yet');
		r = await postForm(admin, `/aarshjul/regler/${id}/ophoer`,
		    { from_year: '2025', reason: 'Høringen flyttes',
		    confirm: '1' });
		assert.equal(r.status, 303);
		assert.equal(step(await steps(anon, 2025), 'hearing_start'),
		    undefined);
		assert.ok(step(await steps(anon, 2024), 'hearing_start'));
		assert.match(await page(admin, `/aarshjul/regler/${id}`),
		    /Ophør[\s\S]*Høringen flyttes/);
		r = await postForm(admin, `/aarshjul/regler/${id}/ophoer`,
		    { from_year: '2027', reason: '', confirm: '1' });
		assert.equal(r.status, 400);
	});
});

describe('the election-period rule', () => {
	test('a notice after the deadline is refused in Danish', async () => {
		let html = await page(anon,
		    '/aarshjul/overtagelse?varsel=2016-01-02', 400);
		assert.match(html, /efter fristen 1\. januar 2016/);
		assert.match(html, /Der er fejl i formularen/);
		html = await page(anon, '/aarshjul/overtagelse?varsel=2016-13-01',
		    400);
		assert.match(html, /gyldig dato/);
		html = await page(anon, '/aarshjul/overtagelse?varsel=2016-01-01');
		assert.match(html, /id="overtagelse">1\. januar 2017</);
		html = await page(anon, '/aarshjul/overtagelse?varsel=2018-06-30');
		assert.match(html, /id="overtagelse">1\. januar 2021</);
		await page(anon, '/aarshjul/overtagelse');
	});
});

describe('calendar and tasks', () => {
	test('the iCal feed has the steps as all-day events, stable UIDs',
	    async () => {
		const a = await anon.get('/kalender.ics');
		assert.equal(a.status, 200);
		const uids = (t) => [...t.matchAll(/^UID:(cycle-[^\r]*)\r$/gm)]
		    .map((m) => m[1]);
		const got = uids(a.text);
		for (const s of await steps(anon, YEAR))
			assert.ok(got.includes(`cycle-${s.kind}-${YEAR}@ramme`),
			    s.kind);
		assert.ok(got.includes(`cycle-expert_panel-${YEAR + 1}@ramme`));
		assert.match(a.text, new RegExp(
		    `^DTSTART;VALUE=DATE:${YEAR}1210\\r$`, 'm'));
		assert.match(a.text, /^CATEGORIES:Årshjul\r$/m);
		assert.deepEqual(uids((await anon.get('/kalender.ics')).text), got);
	});

	test('Mine opgaver: the steps a municipality must act on soon',
	    async () => {
		const today = new Date().toISOString().slice(0, 10);
		const day = 86400000;
		const from = new Date(Date.now() - 30 * day).toISOString()
		    .slice(0, 10);
		const to = new Date(Date.now() + 42 * day).toISOString()
		    .slice(0, 10);
		const all = [...await steps(authority, YEAR),
		    ...await steps(authority, YEAR + 1)];
		const want = all.filter((s) => s.date >= from && s.date <= to &&
		    s.status !== 'done' && ['municipalities', 'councils', 'all']
		    .includes(s.party));
		const html = await page(authority, '/');
		assert.match(html, /<h2>Mine opgaver<\/h2>/);
		for (const s of want)
			assert.ok(html.includes(s.title.replace(/&/g, '&amp;')),
			    `${s.kind} on ${s.date} (today ${today})`);
		const cards = (html.match(/card-subheading">Årshjul</g) || [])
		    .length;
		assert.equal(cards, want.length);
		if (want.some((s) => s.status === 'overdue'))
			assert.match(html, /Overskredet/);
		/* A reader acts on nothing; an operator not on the councils'. */
		assert.doesNotMatch(await page(reader, '/'),
		    /card-subheading">Årshjul</);
		const op = await page(op851, '/');
		for (const s of all.filter((x) => x.party === 'councils'))
			assert.ok(!op.includes(`>${s.title}<`), s.kind);
	});
});
