/*
 * Every page for every role: the secretariat (admin), an operator's
 * finance staff (Aalborg), a municipality (authority, Brønderslev), a
 * reader and an anonymous visitor. Each role starts from the routes of
 * its menu and follows same-origin links (GET only, no forms), one
 * instance of each route pattern (/tilbud/:id once, not every offer).
 * Downloads, feeds, the APIs and the logout are left out.
 *
 * Each page is checked at 1280 and 390 px:
 *   status  the page answers 200 (links never lead to an error or to
 *           the login page);
 *   h1      exactly one h1;
 *   size    the HTML of the page is under 60 KB;
 *   scroll  no horizontal scroll of the page itself (1 px allowed);
 *   axe     axe-core finds no violation of impact serious or critical;
 *   english no English words in the visible text, the title and the
 *           labels read aloud (aria-label, title, alt, placeholder,
 *           button values); text marked lang="en" is left out.
 * Every failure of a role is collected and the role's test fails once
 * with the whole list. Full-page screenshots go to
 * test-results/pages/ROLE-WIDTH-SLUG.png, the failures also to
 * test-results/pages/failures.json.
 *
 *   RAMME_BIN=$PWD/build/src/ramme node --test --test-concurrency=1 \
 *       tests/browser/pages.test.mjs
 *
 * RAMME_PAGES_ROLE=aalborg (sekretariat, bronderslev, laeser, anonym)
 * checks one role only.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, ROOT, postForm, startServer } from '../http/harness.mjs';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const OUT = path.join(ROOT, 'test-results', 'pages');
const WIDTHS = [[1280, 900], [390, 844]];
const MAX_PAGES = 80;		/* per role: the crawl's bound */
const MAX_PAGE_BYTES = 60 * 1024;	/* a page's HTML */
const YEAR = new Date().getUTCFullYear() + 1;
const day = (offset) => new Date(Date.now() + offset * 86400000)
    .toISOString().slice(0, 10);

/* The logins: the demo names of scripts/demo-users, one per role. */
const USERS = {
	sekretariat: ['admin', null],
	aalborg: ['operator', '851'],
	bronderslev: ['authority', '810'],
	laeser: ['reader', null],
};

/* The routes of each role's menu and the pages it starts from. */
const PUBLIC_SEEDS = ['/', '/tilbud', '/organisationer', '/takster',
    '/takster/reduktion', '/beregn', '/moeder', '/organer', '/soeg',
    '/politikere', '/aarshjul', '/aarshjul/overtagelse', '/oekonomi',
    '/oekonomi/pl', '/oekonomi/analyser', '/oekonomi/udgifter'];
const EDITOR_SEEDS = [...PUBLIC_SEEDS, '/indmeldinger', '/takstindberetning',
    '/regnskab', '/oekonomi/efterregulering',
    '/regnskab/hensaettelser', '/regnskab/indberet', '/tilbud/nyt'];
/* The economy pages: the secretariat's, and a municipality's invoices. */
const ECONOMY_SEEDS = ['/oekonomi/fordelinger', '/oekonomi/fordelinger/ny',
    '/oekonomi/noegler', '/oekonomi/sekretariat',
    '/oekonomi/sekretariat/deltagerbetaling', '/oekonomi/fakturaer'];
const ROLES = [
	{ role: 'sekretariat', user: 'sekretariat', seeds: [...EDITOR_SEEDS,
	    '/brugere', '/tilbud/import', '/moeder/nyt', '/moeder/import',
	    '/aarshjul/regler', '/aarshjul/regler/ny', '/oekonomi/pl/import',
	    ...ECONOMY_SEEDS, '/oekonomi/efterregulering/ny'] },
	/* Its own offer first: the one with the edit link. */
	{ role: 'aalborg', user: 'aalborg', seeds: [...EDITOR_SEEDS,
	    '/oekonomi/fakturaer'], ownOffer: true },
	{ role: 'bronderslev', user: 'bronderslev', seeds: [...PUBLIC_SEEDS,
	    '/indmeldinger', '/oekonomi/fakturaer', '/oekonomi/efterregulering'] },
	{ role: 'laeser', user: 'laeser', seeds: [...PUBLIC_SEEDS,
	    '/indmeldinger', '/oekonomi/efterregulering'] },
	{ role: 'anonym', user: null, seeds: [...PUBLIC_SEEDS, '/login'] },
];

/* Pages beyond the first of their route, and one that answers 404. */
const EXTRA = [
	{ path: '/soeg?q=takst', status: 200, pattern: '/soeg?q=',
	    slug: 'soeg-resultater' },
	{ path: '/oekonomi/pl/state_general_pl?beloeb=2000&fra=2020&til=2024',
	    status: 200, pattern: '/oekonomi/pl/:name?beloeb=',
	    slug: 'pl-fremskrevet' },
	{ path: '/findes-ikke', status: 404, pattern: '(404)',
	    slug: 'ikke-fundet' },
];

/* Links that are not pages: downloads, feeds, APIs, the logout. */
const SKIP_RE = /^\/(api|oparl|static)(\/|$)|^\/(logout|healthz|favicon\.ico)$|\.(pdf|csv|xlsx|ics|rss|json|txt|xml|zip)$/i;

/*
 * English words that are not Danish words as well (not "for", "under",
 * "over", "at", "i", "is", "status", "type", "total", "filter", "menu",
 * "side", "time", "more", "must", "be", "do", "so", "to", "by", "log",
 * "send", "data", "import", "download", "upload", "team", "start",
 * "have", "had", "invalid", "organisation" ...).
 * Compared with each word of the text regardless of case, except those
 * in ENGLISH_EXACT, compared as written.
 */
const ENGLISH = `the and of with from this that these those your you our
    are was were will would should could been has which what who
    why how when where there their they them here not all any each only
    other than then also into such while about after before between
    without within please yes
    submit save delete cancel search login logout edit error errors name
    back next previous home help close open create add remove update reset
    show hide view details description title address phone email user users
    username password settings welcome overview loading required optional
    missing unknown warning forbidden unauthorized page results
    offer offers meeting meetings minutes tariff tariffs round rounds
    submission submissions draft submitted approved returned published
    closed active inactive year month week date body bodies member members
    item items attachment attachments true false null undefined
    organization organizations operator municipality
    authority reader secretariat calculate calculator
    accounts report reports`.split(/\s+/).filter(Boolean);
const ENGLISH_EXACT = ['No', 'On', 'Off', 'In', 'Day', 'NaN'];
const ENGLISH_PHRASES = ['Not found', 'Log in', 'Log out', 'Sign in',
    'Sign out', 'No results'];
const ENGLISH_SET = new Set(ENGLISH.map((w) => w.toLowerCase()));

/* English words in text (with some context), deduplicated. */
function englishIn(text) {
	const found = new Map();
	const note = (word, at) => {
		if (!found.has(word))
			found.set(word, text.slice(Math.max(0, at - 30), at +
			    word.length + 30).replace(/\s+/g, ' ').trim());
	};
	for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
		const w = m[0];
		if (ENGLISH_SET.has(w.toLowerCase()) || ENGLISH_EXACT.includes(w))
			note(w, m.index);
	}
	for (const p of ENGLISH_PHRASES) {
		const re = new RegExp(`(?<![\\p{L}\\p{N}])${p}(?![\\p{L}\\p{N}])`,
		    'gu');
		for (const m of text.matchAll(re))
			note(p, m.index);
	}
	return [...found].map(([w, ctx]) => `"${w}" in "…${ctx}…"`);
}

/* /tilbud/12/rediger?x=1 → /tilbud/:id/rediger */
function patternOf(u) {
	return u.pathname.split('/').map((s) => /^\d+$/.test(s) ? ':id' : s)
	    .join('/');
}

/* /tilbud/:id/rediger → tilbud-id-rediger; / → forside */
function slugOf(pattern) {
	return pattern.replace(/^\//, '').replace(/[^a-zA-Z0-9æøåÆØÅ]+/g, '-')
	    .replace(/-+$/, '') || 'forside';
}

let srv, browser, ownOffer;

/*
 * Data so that every kind of page exists: the demo meetings, a published
 * round (a tariff of Aalborg), an open round with a line that warns, and
 * an offer's accounts. Returns the id of that offer of Aalborg's.
 */
async function seedData() {
	const admin = await srv.login('sekretariat');
	const op = await srv.login('aalborg');
	const ok = (r, what) => {
		assert.ok(r.status < 300, `${what}: ${r.status} ${r.text}`);
		return r.json;
	};
	const line = (extra = {}) => ({ paragraph: 'SEL § 107', unit: 'day',
	    places: 10, occupancy_pct: 96, costs_ore: { wages: 650000000,
	    property: 67500000, other: 82500000 }, ...extra });
	const version = async (p) => `"${(await admin.getJson(p)).version}"`;
	const ownSubmission = async (round) => (await op.getJson(
	    `/api/v1/rounds/${round}/submissions`)).submissions[0].id;
	const setLines = async (sub, lines) => ok(await op.patch(
	    `/api/v1/submissions/${sub}`, { lines }, { headers: { 'if-match':
	    await version(`/api/v1/submissions/${sub}`) } }), 'lines');

	const r1 = ok(await admin.post('/api/v1/rounds', { year: YEAR, no: 1,
	    title: `Foreløbige takster ${YEAR}`, opens_on: day(-20),
	    deadline: day(20) }), 'round 1');
	const s1 = await ownSubmission(r1.id);
	await setLines(s1, [line()]);
	ok(await op.request('POST', `/api/v1/submissions/${s1}/submit`,
	    { headers: { 'if-match': await version(`/api/v1/submissions/${s1}`) } }),
	    'submit');
	ok(await admin.request('POST', `/api/v1/submissions/${s1}/approve`,
	    { headers: { 'if-match': await version(`/api/v1/submissions/${s1}`) } }),
	    'approve');
	ok(await admin.request('POST', `/api/v1/rounds/${r1.id}/publish`,
	    { headers: { 'if-match': await version(`/api/v1/rounds/${r1.id}`) } }),
	    'publish');

	const r2 = ok(await admin.post('/api/v1/rounds', { year: YEAR, no: 2,
	    title: `Endelige takster ${YEAR}`, opens_on: day(-1),
	    deadline: day(30) }), 'round 2');
	const s2 = await ownSubmission(r2.id);
	await setLines(s2, [line({ occupancy_pct: 90 })]);

	const offer = (await op.getJson(`/api/v1/submissions/${s2}`)).offer_id;
	ok(await op.post('/api/v1/accounts', { offer_id: offer, year: YEAR - 2,
	    tariff_base_ore: 800000000, revenue_ore: 841800000,
	    costs_ore: 764800000 }), 'accounts');
	await seedIndmeldinger(admin, op);
	return offer;
}

/*
 * Indmeldinger: last year's in the hearing (Brønderslev and Aalborg
 * submitted, a comment given), this year's open.
 */
async function seedIndmeldinger(admin, op) {
	const mun = await srv.login('bronderslev');
	const form = async (c, p, f) => {
		const r = await postForm(c, p, f);
		assert.ok(r.status === 303, `${p}: ${r.status} ${r.text}`);
		return r.headers.get('location');
	};
	const loc = await form(admin, '/indmeldinger',
	    { year: String(YEAR - 1), deadline: day(5) });
	const y = Number(/\/indmeldinger\/(\d+)/.exec(loc)[1]);
	for (const [c, field, value] of [[mun, 'use_places', '2'],
	    [op, 'capacity', '12']]) {
		const s = (await c.getJson(`/api/v1/indmeldinger/${y}`))
		    .submissions[0];
		const sub = await c.getJson(`/api/v1/indmelding/${s.id}`);
		await form(c, `/indmelding/${s.id}/tilbud/` +
		    `${sub.lines[0].offer_id}`, { version: String(sub.version),
		    [field]: value, waiting: '2' });
		await form(c, `/indmelding/${s.id}/indsend`,
		    { version: String(sub.version + 1), confirm: '1' });
	}
	const yv = (await admin.getJson(`/api/v1/indmeldinger/${y}`)).version;
	await form(admin, `/indmeldinger/${y}/hoering`, { version: String(yv),
	    hearing_deadline: day(10), confirm: '1' });
	await form(mun, `/indmeldinger/${y}/kommentar`,
	    { text: 'Vi forventer et fald i brugen.' });
	await form(admin, '/indmeldinger', { year: String(YEAR),
	    deadline: day(20) });
}

before(async () => {
	if (!haveChromium)
		return;
	const { chromium } = await import('playwright-core');
	srv = await startServer({ minutes: true, users: USERS });
	ownOffer = await seedData();
	fs.rmSync(OUT, { recursive: true, force: true });
	fs.mkdirSync(OUT, { recursive: true });
	browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: ['--headless', '--no-sandbox', '--disable-gpu',
		    '--disable-background-networking', '--disable-component-update',
		    '--disable-sync', '--no-first-run'],
	});
});

const allFailures = [], allNotes = [];
after(async () => {
	await browser?.close();
	await srv?.stop();
	for (const [name, list] of [['failures', allFailures],
	    ['notes', allNotes]])
		if (list.length)
			fs.writeFileSync(path.join(OUT, `${name}.json`),
			    JSON.stringify(list, null, 1) + '\n');
});

/* A logged-in context of a role at one width, CSP off for axe. */
async function contextFor(user, [width, height]) {
	const ctx = await browser.newContext({ locale: 'da-DK',
	    viewport: { width, height }, bypassCSP: true });
	if (user !== null) {
		const r = await ctx.request.post(srv.url + '/api/v1/session',
		    { data: { username: user, password: PASSWORD } });
		assert.equal(r.status(), 200, `login ${user}: ${await r.text()}`);
	}
	const page = await ctx.newPage();
	page.setDefaultTimeout(20000);
	return { ctx, page };
}

/* What runs in the page: h1s, overflow, the text to read for English. */
function inspect() {
	const vw = window.innerWidth;
	const de = document.documentElement;
	/* Elements sticking out on the right, outermost first. */
	const wide = new Map();
	const clipped = (el) => {
		for (let a = el.parentElement; a && a !== document.body;
		    a = a.parentElement) {
			const o = getComputedStyle(a).overflowX;
			if (o !== 'visible')
				return true;
		}
		return false;
	};
	const describeEl = (el) => el.tagName.toLowerCase() +
	    (el.id ? '#' + el.id : '') +
	    [...el.classList].slice(0, 2).map((c) => '.' + c).join('');
	if (de.scrollWidth > vw + 1)
		for (const el of document.body.querySelectorAll('*')) {
			const r = el.getBoundingClientRect();
			if (r.width === 0 || r.right <= vw + 1 || clipped(el))
				continue;
			const p = el.parentElement;
			if (p && p !== document.body &&
			    p.getBoundingClientRect().right > vw + 1)
				continue;
			const d = describeEl(el);
			wide.set(d, Math.max(wide.get(d) ?? 0, Math.round(r.right)));
		}
	/* Visible text without what is marked as another language. */
	let text = document.body.innerText;
	for (const el of document.querySelectorAll('[lang]'))
		if (el !== de && !/^da\b/i.test(el.getAttribute('lang')) &&
		    el.innerText)
			text = text.split(el.innerText).join(' ');
	const attrs = [document.title];
	for (const el of document.querySelectorAll('[aria-label], [title], ' +
	    'img[alt], [placeholder], input[type=submit], input[type=button], ' +
	    'input[type=reset]'))
		for (const a of ['aria-label', 'title', 'alt', 'placeholder'])
			if (el.getAttribute(a))
				attrs.push(el.getAttribute(a));
	for (const el of document.querySelectorAll('input[type=submit], ' +
	    'input[type=button], input[type=reset]'))
		attrs.push(el.value);
	return {
		h1: [...document.querySelectorAll('h1')].map((h) =>
		    h.textContent.trim()),
		scrollWidth: de.scrollWidth, innerWidth: vw,
		wide: [...wide].slice(0, 5).map(([d, r]) => `${d} (${r} px)`),
		text, attrs: attrs.join('\n'),
	};
}

/*
 * Check the page at u; returns the same-origin links on it. fail(check,
 * detail, rule) records a failure; the minor and moderate axe violations
 * only go to test-results/pages/notes.json.
 */
async function checkPage(page, u, expectStatus, shot, fail) {
	const note = (check, detail, rule) => allNotes.push({
	    page: path.basename(shot, '.png'), url: u.pathname, check, detail,
	    rule });
	const res = await page.goto(u.href, { waitUntil: 'load' });
	const status = res?.status();
	if (status !== expectStatus)
		fail('status', `answers ${status}, not ${expectStatus}`);
	const bytes = res ? (await res.body()).length : 0;
	if (bytes >= MAX_PAGE_BYTES)
		fail('size', `${bytes} bytes of HTML, not under ${MAX_PAGE_BYTES}`);
	const info = await page.evaluate(inspect);
	if (info.h1.length !== 1)
		fail('h1', `${info.h1.length} h1` +
		    (info.h1.length ? `: ${info.h1.map((h) => `"${h}"`).join(', ')}`
		    : ''));
	if (info.scrollWidth > info.innerWidth + 1)
		fail('scroll', `scrollWidth ${info.scrollWidth} > ` +
		    `${info.innerWidth}; wide: ${info.wide.join(', ') || '?'}`);
	const words = [...englishIn(info.text),
	    ...englishIn(info.attrs).map((w) => `${w} (attribute)`)];
	if (words.length)
		fail('english', words.join('; '));

	await page.addScriptTag({ path: AXE });
	const violations = await page.evaluate(async () => {
		/* eslint-disable-next-line no-undef */
		const r = await axe.run(document, { resultTypes: ['violations'] });
		return r.violations.map((v) => ({ id: v.id, impact: v.impact,
		    help: v.help, nodes: v.nodes.length,
		    targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
	});
	for (const v of violations)
		(v.impact === 'serious' || v.impact === 'critical' ? fail : note)(
		    'axe', `${v.id} (${v.impact}, ${v.nodes} node` +
		    `${v.nodes === 1 ? '' : 's'}): ${v.help} — ` +
		    v.targets.join(' | '), v.id);

	await page.screenshot({ path: shot, fullPage: true });
	return page.evaluate(() => [...document.querySelectorAll('a[href]')]
	    .map((a) => a.href));
}

/*
 * Where a link leads: {kind: 'page'} for an HTML page, 'redirect' with
 * the target, 'other' for a download or a non-HTML answer, 'status' for
 * an error.
 */
async function probe(ctx, u) {
	const r = await ctx.request.get(u.href, { maxRedirects: 0 });
	const status = r.status();
	const { 'content-type': type = '', location } = r.headers();
	await r.dispose();
	if (status >= 300 && status < 400)
		return { kind: 'redirect', status, to: new URL(location, u) };
	if (status === 200 && !/^text\/html/.test(type))
		return { kind: 'other' };
	if (status !== 200)
		return { kind: 'status', status };
	return { kind: 'page' };
}

/* Crawl and check one role; returns its failures. */
async function checkRole({ role, user, seeds, ownOffer: own }) {
	if (own)
		seeds = [`/tilbud/${ownOffer}`, ...seeds];
	const failures = [];
	const base = new URL(srv.url);
	const seen = new Set();		/* route patterns queued */
	const pages = [];		/* {url, pattern, status} to check */
	const queue = seeds.map((s) => ({ url: new URL(s, base), from: '(menu)' }));
	const enqueue = (href, from) => {
		const u = new URL(href, base);
		u.hash = '';
		if (u.origin !== base.origin || SKIP_RE.test(u.pathname))
			return;
		queue.push({ url: u, from });
	};

	/* 1280 px: crawl and check. */
	let { ctx, page } = await contextFor(user, WIDTHS[0]);
	while (queue.length && pages.length < MAX_PAGES) {
		const { url, from } = queue.shift();
		const pattern = patternOf(url);
		if (seen.has(pattern))
			continue;
		seen.add(pattern);
		const p = await probe(ctx, url);
		const where = { role, pattern, url: url.pathname + url.search };
		if (p.kind === 'redirect') {
			if (p.to.pathname === '/login')
				failures.push({ ...where, width: 0, check: 'status',
				    detail: `answers ${p.status} to the login page ` +
				    `(linked from ${from})` });
			else
				enqueue(p.to.href, from);
			continue;
		}
		if (p.kind === 'other')
			continue;
		if (p.kind === 'status') {
			failures.push({ ...where, width: 0, check: 'status',
			    detail: `answers ${p.status} (linked from ${from})` });
			continue;
		}
		pages.push({ url, pattern, status: 200 });
		const links = await checkPage(page, url, 200,
		    path.join(OUT, `${role}-${WIDTHS[0][0]}-${slugOf(pattern)}.png`),
		    (check, detail, rule) => failures.push({ ...where,
		    width: WIDTHS[0][0], check, detail, rule }));
		for (const l of links)
			enqueue(l, pattern);
	}
	if (queue.some((q) => !seen.has(patternOf(q.url))))
		failures.push({ role, pattern: '(crawl)', url: '', width: 0,
		    check: 'crawl', detail: `stopped at ${MAX_PAGES} pages` });
	for (const x of EXTRA)
		pages.push({ url: new URL(x.path, base), pattern: x.pattern,
		    status: x.status, slug: x.slug });
	const extra = pages.slice(-EXTRA.length);
	const check = async (width, list) => {
		for (const { url, pattern, status, slug } of list)
			await checkPage(page, url, status, path.join(OUT,
			    `${role}-${width}-${slug ?? slugOf(pattern)}.png`),
			    (chk, detail, rule) => failures.push({ role, pattern,
			    url: url.pathname + url.search, width, check: chk,
			    detail, rule }));
	};
	await check(WIDTHS[0][0], extra);
	await ctx.close();

	/* 390 px: the same pages. */
	({ ctx, page } = await contextFor(user, WIDTHS[1]));
	await check(WIDTHS[1][0], pages);
	await ctx.close();
	return { failures, pages: pages.map((p) => p.pattern) };
}

function report(role, pages, failures) {
	const lines = [`${role}: ${pages.length} pages, ` +
	    `${failures.length} failures`];
	for (const f of failures)
		lines.push(`  ${f.pattern} [${f.width || '-'} px] ${f.check}: ` +
		    f.detail);
	return lines.join('\n');
}

describe('every page for every role', { skip: !haveChromium &&
    'no /usr/bin/chromium' }, () => {
	for (const r of ROLES.filter((x) => !process.env.RAMME_PAGES_ROLE ||
	    x.role === process.env.RAMME_PAGES_ROLE))
		test(`${r.role}: every page at 1280 and 390 px`, async (t) => {
			const { failures, pages } = await checkRole(r);
			t.diagnostic(`${r.role}: ${pages.join(' ')}`);
			allFailures.push(...failures);
			assert.ok(pages.length > 3, `${r.role}: only ${pages.length} pages`);
			if (failures.length)
				assert.fail(report(r.role, pages, failures));
		});
});
