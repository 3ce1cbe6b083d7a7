/*
 * Browser test of a tariff-reporting round: Debian's /usr/bin/chromium
 * driven by playwright-core against a real `ramme serve`.
 *
 *   RAMME_BIN=$PWD/build/src/ramme node --test tests/browser/round.test.mjs
 *
 * The secretariat has opened a round. An operator logs in, finds its
 * offer under Takster → Takstindberetning, fills a budget line, sees the
 * computed tariff and the occupancy warning, writes the reason the
 * warning asks for and submits. The secretariat approves and publishes,
 * and the public Takstoversigt shows the tariff. Screenshots go to
 * test-results/browser-round.png (the submission with tariff and
 * warning) and browser-round-overview.png. No console errors allowed.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, ROOT, needs, startServer } from '../http/harness.mjs';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
const SHOT = path.join(ROOT, 'test-results', 'browser-round.png');
const SHOT_OVERVIEW = path.join(ROOT, 'test-results',
    'browser-round-overview.png');
const YEAR = new Date().getUTCFullYear() + 1;
const day = (offset) => new Date(Date.now() + offset * 86400000)
    .toISOString().slice(0, 10);

let srv, browser, roundId;

before(async () => {
	if (!haveChromium)
		return;
	const { chromium } = await import('playwright-core');
	srv = await startServer();
	const admin = await srv.login('admin');
	const r = await admin.post('/api/v1/rounds', { year: YEAR, no: 1,
	    title: `Foreløbige takster ${YEAR}`, opens_on: day(-1),
	    deadline: day(30) });
	assert.equal(r.status, 201, r.text);
	roundId = r.json.id;
	browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: ['--headless=new', '--no-sandbox', '--disable-gpu',
		    '--disable-quic', '--no-first-run',
		    '--disable-background-networking',
		    '--disable-component-update', '--disable-sync'],
	});
});
after(async () => {
	await browser?.close();
	await srv?.stop();
});

async function newPage() {
	const ctx = await browser.newContext({ locale: 'da-DK',
	    viewport: { width: 1400, height: 900 } });
	const page = await ctx.newPage();
	page.setDefaultTimeout(10000);
	page.errors = [];
	page.on('console', (m) => {
		if (m.type() === 'error' &&
		    !/\/favicon\.ico$/.test(m.location().url ?? ''))
			page.errors.push(`${m.text()} (${m.location().url})`);
	});
	page.on('pageerror', (e) => page.errors.push(String(e)));
	return page;
}

async function login(page, username) {
	await page.goto(srv.url + '/login');
	await page.getByLabel('Brugernavn').fill(username);
	await page.getByLabel('Adgangskode').fill(PASSWORD);
	await Promise.all([
		page.waitForURL(srv.url + '/'),
		page.getByRole('button', { name: 'Log ind' }).click(),
	]);
}

/* Click and wait for the navigation it causes. */
async function go(page, locator, url) {
	await Promise.all([page.waitForURL(url), locator.click()]);
}

describe('a tariff round in the browser',
    { skip: needs(haveChromium, '/usr/bin/chromium') }, () => {
	test('an operator reports, the secretariat approves and publishes',
	    async () => {
		const op = await newPage();
		await login(op, 'op851');
		await go(op, op.getByRole('navigation', { name: 'Hovedmenu' })
		    .getByRole('link', { name: 'Takster' }), /\/takster$/);
		assert.equal(await op.locator('h1').textContent(), 'Takstoversigt');
		await go(op, op.getByRole('link', { name: 'Takstindberetning' }),
		    /\/takstindberetning$/);
		await go(op, op.getByRole('link',
		    { name: `Foreløbige takster ${YEAR}` }),
		    /\/takstindberetning\/\d+$/);
		assert.match(await op.locator('#progress').textContent(),
		    /0 af 1/);
		/* Only the operator's own offers are listed. */
		const offers = await op.locator('td[data-title="Tilbud"]')
		    .allTextContents();
		assert.deepEqual(offers.sort(), ['Børnehus Nord', 'Nøddehuset',
		    'Taleinstituttet']);
		await go(op, op.getByRole('link', { name: 'Taleinstituttet' }),
		    /\/indberetning\/\d+$/);
		assert.equal(await op.locator('#status').textContent(), 'Kladde');

		/* A budget line. */
		await go(op, op.getByRole('link', { name: 'Tilføj ydelseslinje' }),
		    /\/linje\/ny$/);
		await op.getByLabel('Paragraf').selectOption('SEL § 107');
		await op.getByLabel('Døgntakst').check();
		await op.getByLabel('Pladser').fill('10');
		await op.getByLabel('Budgetteret belægningsprocent').fill('92');
		await op.getByLabel('Lønomkostninger').fill('6.500.000');
		await op.getByLabel('Ejendomsomkostninger').fill('675.000');
		await op.getByLabel('Øvrige driftsomkostninger').fill('825.000');
		await go(op, op.getByRole('button', { name: 'Gem og beregn' }),
		    /besked=gemt/);
		/* The line form shows the tariff it saved. */
		assert.match(await op.locator('#takst-preview').textContent(),
		    /2\.382,00\s*kr\./);
		await go(op, op.getByRole('link',
		    { name: 'Tilbage til indberetningen' }), /\/indberetning\/\d+$/);

		/* The computed tariff and the warning, before submitting. */
		const row = op.locator('tbody tr').first();
		assert.equal((await row.locator('td[data-title="Beregnet takst"]')
		    .textContent())
		    .replace(/\s+/g, ' ').trim(), '2.382,00 kr.');		/* 8,000,000 / (10 × 365 × 0.92) */
		const warning = await row.locator('ul.warnings').textContent();
		assert.match(warning, /92 % ligger uden for intervallet 95 %–100 %/);
		assert.match(warning, /kræver begrundelse/);
		assert.ok(await op.getByText(/kræver en begrundelse, før/)
		    .isVisible());
		fs.mkdirSync(path.dirname(SHOT), { recursive: true });
		await op.screenshot({ path: SHOT, fullPage: true });

		/* Submitting without the reason is refused in Danish. */
		await op.getByRole('button', { name: 'Indsend' }).click();
		await op.getByRole('alert').first().waitFor();
		assert.match(await op.getByRole('alert').first().textContent(),
		    /Linje 1: skriv en begrundelse for advarslen/);
		/* That answer is a 400, which the browser logs; expected. */
		op.errors = op.errors.filter((m) => !/400 .*\/indsend\)$/.test(m));

		/* The reason, then Indsend. */
		await go(op, op.getByRole('link', { name: 'Ret linje 1' }),
		    /\/linje\/1$/);
		await op.getByLabel('Begrundelse').fill(
		    'Belægningen på 92 % er godkendt af DAS den 25. august');
		await go(op, op.getByRole('button', { name: 'Gem og beregn' }),
		    /besked=gemt/);
		await go(op, op.getByRole('link',
		    { name: 'Tilbage til indberetningen' }), /\/indberetning\/\d+$/);
		/* Indsend asks first, and says what happens. */
		await go(op, op.getByRole('button', { name: 'Indsend' }),
		    /\/indsend$/);
		assert.match(await op.locator('h2').first().textContent(),
		    /Vil du indsende indberetningen\?/);
		await go(op, op.getByRole('button', { name: 'Indsend' }),
		    /besked=indsendt/);
		assert.equal(await op.locator('#status').textContent(), 'Indsendt');
		assert.equal(await op.getByRole('button', { name: 'Indsend' })
		    .count(), 0);
		assert.equal(await op.getByRole('link', { name: 'Ret linje 1' })
		    .count(), 0, 'a submitted submission cannot be edited');
		const subUrl = op.url().replace(/\?.*$/, '');
		assert.deepEqual(op.errors, [], 'console errors (operator)');
		await op.context().close();

		/* The secretariat reviews and approves. */
		const adm = await newPage();
		await login(adm, 'admin');
		await adm.goto(srv.url + `/takstindberetning/${roundId}`);
		assert.match(await adm.getByRole('table', { name: 'Driftsherrer' })
		    .textContent(), /Aalborg/);
		await go(adm, adm.getByRole('link', { name: 'Taleinstituttet' }),
		    /\/indberetning\/\d+$/);
		assert.equal(adm.url(), subUrl);
		assert.match(await adm.locator('table').first().textContent(),
		    /godkendt af DAS/);
		assert.ok(await adm.getByText('Omkostninger og ændring fra sidste år')
		    .isVisible());
		await go(adm, adm.getByRole('button', { name: 'Godkend' }),
		    /\/godkend$/);
		await go(adm, adm.getByRole('button', { name: 'Godkend' }),
		    /besked=godkendt/);
		assert.equal(await adm.locator('#status').textContent(), 'Godkendt');

		/* ... and publishes the round. */
		await go(adm, adm.getByRole('link', { name: /Takstår \d+, runde 1/ }),
		    /\/takstindberetning\/\d+$/);
		await go(adm, adm.getByRole('button', { name: 'Offentliggør takster' }),
		    /\/offentliggoer$/);
		/* The confirmation names the submissions not approved. */
		const confirm = await adm.locator('section.confirm').textContent();
		assert.match(confirm, /\d+ af \d+ indberetninger er ikke godkendt/);
		assert.match(confirm, /Børnehus Nord \(Aalborg\): Kladde/);
		await go(adm, adm.getByRole('button', { name: 'Offentliggør takster' }),
		    /besked=offentliggjort/);
		assert.match(await adm.getByRole('status').textContent(),
		    /Runden er offentliggjort/);
		assert.deepEqual(adm.errors, [], 'console errors (secretariat)');
		await adm.context().close();

		/* The public Takstoversigt. */
		const pub = await newPage();
		await pub.goto(srv.url + '/takster');
		await pub.getByLabel('Takstår').selectOption(String(YEAR));
		await go(pub, pub.getByRole('button', { name: 'Vis' }),
		    /\/takster\?year=/);
		assert.equal(await pub.locator('#count').textContent(), '1 takst');
		const cells = (await pub.locator('tbody tr td')
		    .allTextContents()).map((t) => t.replace(/\s+/g, ' '));
		assert.equal(cells[0], 'Taleinstituttet');
		assert.equal(cells[1], 'Aalborg');
		assert.equal(cells[3], 'SEL § 107');
		assert.equal(cells[5], 'Døgntakst');
		assert.equal(cells[6], '2.382,00 kr.');
		assert.equal(cells[8], '92 %');
		assert.match(cells[9], new RegExp(`1\\. januar ${YEAR} – 31\\. december ${YEAR}`));
		assert.ok(await pub.getByRole('link', { name: 'Excel' }).isVisible());
		await pub.screenshot({ path: SHOT_OVERVIEW, fullPage: true });
		await go(pub, pub.getByRole('link', { name: 'Version 1' }),
		    /\/takster\/\d+$/);
		assert.match(await pub.locator('table').textContent(),
		    /Runde 1/);
		assert.deepEqual(pub.errors, [], 'console errors (public)');
		await pub.context().close();
	});
});
