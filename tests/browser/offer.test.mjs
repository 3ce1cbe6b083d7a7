/*
 * Browser tests: Debian's /usr/bin/chromium driven by playwright-core
 * against a real `ramme serve` (started by the HTTP harness).
 *
 *   RAMME_BIN=$PWD/build/src/ramme node --test tests/browser/
 *
 * An operator logs in through the form, creates an offer with Danish
 * letters through "Opret tilbud", sees it, and finds it again in the list;
 * the screenshot goes to test-results/browser-offer.png. The pages must
 * run without console errors (a CSP violation would show up there).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, ROOT, needs, startServer } from '../http/harness.mjs';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
const SHOT = path.join(ROOT, 'test-results', 'browser-offer.png');

let srv, browser;

before(async () => {
	if (!haveChromium)
		return;
	const { chromium } = await import('playwright-core');
	srv = await startServer();
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

/* A fresh browser context and page that records console errors. */
async function newPage() {
	const ctx = await browser.newContext({ locale: 'da-DK' });
	const page = await ctx.newPage();
	page.setDefaultTimeout(10000);
	page.errors = [];
	page.on('console', (m) => {
		/* ramme has no favicon; the browser's own request for one is
		 * not an error of the page. */
		if (m.type() === 'error' &&
		    !/\/favicon\.ico$/.test(m.location().url ?? ''))
			page.errors.push(`${m.text()} (${m.location().url})`);
	});
	page.on('pageerror', (e) => page.errors.push(String(e)));
	return page;
}

/* Log in: the start page with the user's tasks, then the offer list. */
async function login(page, username) {
	await page.goto(srv.url + '/login');
	await page.getByLabel('Brugernavn').fill(username);
	await page.getByLabel('Adgangskode').fill(PASSWORD);
	await Promise.all([
		page.waitForURL(srv.url + '/'),
		page.getByRole('button', { name: 'Log ind' }).click(),
	]);
	assert.equal(await page.locator('h1').textContent(), 'Forside');
	assert.equal(await page.getByRole('heading', { name: 'Mine opgaver' })
	    .count(), 1);
	await page.goto(srv.url + '/tilbud');
}

describe('offers in the browser', { skip: needs(haveChromium, '/usr/bin/chromium') },
    () => {
	test('an operator creates an offer and finds it in the list', async () => {
		const page = await newPage();
		await login(page, 'op851');
		await assert.doesNotReject(page.getByText('op851, Driftsherre, Aalborg')
		    .waitFor());

		await page.getByRole('link', { name: 'Opret tilbud' }).click();
		await page.waitForURL(/\/tilbud\/nyt$/);
		assert.equal(await page.locator('h1').textContent(), 'Opret tilbud');
		await page.getByLabel('Navn').fill('Bostedet Æblehaven');
		/* An operator can only choose its own organisation. */
		assert.deepEqual(await page.locator('select[name=operator_code] option')
		    .evaluateAll((os) => os.map((o) => o.value)), ['851']);
		await page.getByLabel('Beliggenhedskommune').selectOption(
		    { label: 'Aalborg' });
		await page.getByLabel('Tilbudstype').selectOption({ label: 'Botilbud' });
		await page.getByLabel(/^Paragraffer/).fill('SEL § 107');
		await page.locator('input[name=places_year_0]').fill('2025');
		await page.locator('input[name=places_0]').fill('12');
		await Promise.all([
			page.waitForURL(/\/tilbud\/\d+\?besked=oprettet$/),
			page.getByRole('button', { name: 'Gem' }).click(),
		]);

		assert.equal(await page.locator('h1').textContent(),
		    'Bostedet Æblehaven');
		assert.equal((await page.getByRole('status').textContent()).trim(),
		    'Tilbuddet er oprettet.');
		const facts = await page.locator('dl.facts').textContent();
		assert.match(facts, /Aalborg/);
		assert.match(facts, /Botilbud/);
		assert.match(facts, /SEL § 107/);
		const places = await page.locator('table').first().locator('tbody tr')
		    .allTextContents();
		assert.deepEqual(places, ['202512']);
		const id = /\/tilbud\/(\d+)/.exec(page.url())[1];

		/* The list, searched. */
		await page.getByRole('navigation', { name: 'Hovedmenu' })
		    .getByRole('link', { name: 'Tilbud' }).click();
		await page.waitForURL(/\/tilbud$/);
		await page.getByLabel('Søg i navn').fill('æblehaven');
		await Promise.all([
			page.waitForURL(/\/tilbud\?q=/),
			page.getByRole('button', { name: 'Vis' }).click(),
		]);
		assert.equal(await page.locator('#count').textContent(), '1 tilbud');
		const link = page.getByRole('link', { name: 'Bostedet Æblehaven' });
		assert.equal(await link.getAttribute('href'), `/tilbud/${id}`);
		const row = await page.locator('tbody tr').first().textContent();
		assert.match(row, /Aalborg/);
		assert.match(row, /Botilbud/);
		assert.match(row, /12 \(2025\)/);

		fs.mkdirSync(path.dirname(SHOT), { recursive: true });
		await page.screenshot({ path: SHOT, fullPage: true });

		/* The API agrees with what the browser saved. */
		const o = await srv.client().getJson(`/api/v1/offers/${id}`);
		assert.equal(o.name, 'Bostedet Æblehaven');
		assert.equal(o.operator_code, '851');
		assert.equal(o.location_code, '851');
		assert.equal(o.kind, 'residential');
		assert.deepEqual(o.paragraphs, ['SEL § 107']);
		assert.deepEqual(o.places, { 2025: 12 });

		assert.deepEqual(page.errors, [], 'console errors on the pages');
		await page.context().close();
	});

	test('admin reaches Brugere; a reader sees no "Opret tilbud"',
	    async () => {
		const admin = await newPage();
		await login(admin, 'admin');
		await admin.getByRole('link', { name: 'Brugere' }).click();
		await admin.waitForURL(/\/brugere$/);
		assert.equal(await admin.locator('h1').textContent(), 'Brugere');
		const users = await admin.locator('tbody tr td:first-child')
		    .allTextContents();
		for (const u of ['admin', 'op851', 'op1081', 'reader', 'authority'])
			assert.ok(users.includes(u), `${u} missing from ${users}`);
		assert.deepEqual(admin.errors, []);
		await admin.context().close();

		const reader = await newPage();
		await login(reader, 'reader');
		assert.ok(await reader.locator('#count').isVisible());
		assert.equal(await reader.getByRole('link', { name: 'Opret tilbud' })
		    .count(), 0);
		assert.equal(await reader.getByRole('link', { name: 'Brugere' })
		    .count(), 0);
		const r = await reader.goto(srv.url + '/tilbud/nyt');
		assert.equal(r.status(), 403);
		assert.equal(await reader.locator('h1').textContent(), 'Ingen adgang');
		await reader.context().close();
	});

	test('the login form refuses a wrong password in Danish', async () => {
		const page = await newPage();
		await page.goto(srv.url + '/login');
		await page.getByLabel('Brugernavn').fill('reader');
		await page.getByLabel('Adgangskode').fill('forkert-kodeord');
		await page.getByRole('button', { name: 'Log ind' }).click();
		await page.getByRole('alert').waitFor();
		assert.match(await page.getByRole('alert').textContent(),
		    /Forkert brugernavn eller adgangskode/);
		assert.equal(await page.getByLabel('Brugernavn').inputValue(), 'reader');
		await page.context().close();
	});
});
