/*
 * Browser test of the service-line form and the calculator: the tariff
 * appears while amounts are typed (tariff-preview.js), only the chosen
 * unit's fields are shown, and with JavaScript turned off the same form
 * saves the line and shows its tariff. Debian's /usr/bin/chromium through
 * playwright-core.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, startServer } from '../http/harness.mjs';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
const YEAR = new Date().getUTCFullYear() + 1;
const day = (offset) => new Date(Date.now() + offset * 86400000)
    .toISOString().slice(0, 10);

let srv, browser, sub;

before(async () => {
	if (!haveChromium)
		return;
	const { chromium } = await import('playwright-core');
	srv = await startServer();
	const admin = await srv.login('admin');
	const r = await admin.post('/api/v1/rounds', { year: YEAR, no: 1,
	    title: `Takster ${YEAR}`, opens_on: day(-1), deadline: day(30) });
	assert.equal(r.status, 201, r.text);
	const op = await srv.login('op851');
	const l = await op.getJson(`/api/v1/rounds/${r.json.id}/submissions`);
	sub = l.submissions.find((s) => s.operator_code === '851').id;
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

async function newPage(javaScriptEnabled = true) {
	const ctx = await browser.newContext({ locale: 'da-DK',
	    javaScriptEnabled, viewport: { width: 1280, height: 900 } });
	const page = await ctx.newPage();
	page.setDefaultTimeout(10000);
	page.errors = [];
	page.on('console', (m) => {
		if (m.type() === 'error' &&
		    !/\/favicon\.ico$/.test(m.location().url ?? ''))
			page.errors.push(`${m.text()} (${m.location().url})`);
	});
	page.on('pageerror', (e) => page.errors.push(String(e)));
	await page.goto(srv.url + '/login');
	await page.getByLabel('Brugernavn').fill('op851');
	await page.getByLabel('Adgangskode').fill(PASSWORD);
	await Promise.all([
		page.waitForURL(srv.url + '/'),
		page.getByRole('button', { name: 'Log ind' }).click(),
	]);
	return page;
}

const preview = (page) => page.locator('#takst-preview');

describe('the line form and the calculator in the browser',
    { skip: !haveChromium && 'no /usr/bin/chromium' }, () => {
	test('the tariff appears and changes as amounts are typed',
	    async () => {
		const p = await newPage();
		await p.goto(srv.url + `/indberetning/${sub}/linje/ny`);
		/* Only the chosen unit's own fields are shown. */
		assert.ok(await p.getByLabel('Åbningsdage pr. år').isVisible());
		assert.ok(!await p.getByLabel('Timer pr. plads pr. år')
		    .isVisible());
		await p.getByLabel('Timetakst').check();
		assert.ok(await p.getByLabel('Timer pr. plads pr. år')
		    .isVisible());
		assert.ok(!await p.getByLabel('Åbningsdage pr. år').isVisible());
		await p.getByLabel('Døgntakst').check();

		await p.getByLabel('Paragraf').selectOption('SEL § 107');
		await p.getByLabel('Pladser', { exact: true }).fill('10');
		await p.getByLabel('Budgetteret belægningsprocent').fill('92');
		await p.getByLabel('Lønomkostninger').fill('6.500.000');
		await p.getByLabel('Ejendomsomkostninger').fill('675.000');
		await p.getByLabel('Øvrige driftsomkostninger').fill('825.000');
		/* 8,000,000 kr. / (10 × 365 × 0.92) */
		await p.waitForFunction(() => /2\.382,00/.test(
		    document.getElementById('takst-preview').textContent));
		assert.match(await preview(p).textContent(),
		    /92 % ligger uden for intervallet/);
		assert.equal(await preview(p).getAttribute('aria-live'),
		    'polite');
		await p.getByLabel('Lønomkostninger').fill('7.500.000');
		await p.waitForFunction(() => /2\.680,00/.test(
		    document.getElementById('takst-preview').textContent));
		/* Nothing was saved while typing. */
		assert.match(p.url(), /\/linje\/ny$/);

		/* The calculator answers the same way. */
		await p.goto(srv.url + '/beregn');
		await p.getByLabel('Pladser', { exact: true }).fill('10');
		await p.getByLabel('Budgetteret belægningsprocent').fill('92');
		await p.getByLabel('Lønomkostninger').fill('8.000.000');
		await p.waitForFunction(() => /2\.382,00/.test(
		    document.getElementById('takst-preview').textContent));
		assert.deepEqual(p.errors, [], 'console errors');
		await p.context().close();
	});

	test('without JavaScript the form saves and shows the tariff',
	    async () => {
		const p = await newPage(false);
		await p.goto(srv.url + `/indberetning/${sub}/linje/ny`);
		/* Every unit's fields are there; the server reads the chosen. */
		assert.ok(await p.getByLabel('Timer pr. plads pr. år')
		    .isVisible());
		await p.getByLabel('Paragraf').selectOption('SEL § 107');
		await p.getByLabel('Takstniveau').fill('Uden JavaScript');
		await p.getByLabel('Pladser', { exact: true }).fill('10');
		await p.getByLabel('Budgetteret belægningsprocent').fill('92');
		await p.getByLabel('Lønomkostninger').fill('8.000.000');
		await p.getByLabel('Timer pr. plads pr. år').fill('999');
		await Promise.all([p.waitForURL(/besked=gemt/),
		    p.getByRole('button', { name: 'Gem og beregn' }).click()]);
		assert.match(await p.locator('main').textContent(),
		    /Linjen er gemt/);
		assert.match(await preview(p).textContent(), /2\.382,00/);

		await p.goto(srv.url + '/beregn');
		await p.getByLabel('Pladser', { exact: true }).fill('10');
		await p.getByLabel('Budgetteret belægningsprocent').fill('92');
		await p.getByLabel('Lønomkostninger').fill('8.000.000');
		await Promise.all([p.waitForURL(/\/beregn#takst$/),
		    p.getByRole('button', { name: 'Beregn takst' }).click()]);
		assert.match(await preview(p).textContent(), /2\.382,00/);
		await p.context().close();
	});
});
