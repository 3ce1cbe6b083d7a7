/*
 * Browser test of the yearly submissions: Debian's /usr/bin/chromium
 * driven by playwright-core against a real `ramme serve`.
 *
 *   RAMME_BIN=$PWD/build/src/ramme node --test tests/browser/indmelding.test.mjs
 *
 * The secretariat has opened the year. A municipality finds its
 * indmelding among the start page's tasks, fills in one offer and a
 * target group, and submits after the confirmation. The secretariat
 * sends the status report to hearing; the municipality comments on an
 * offer; the secretariat puts the report with the comment on the next
 * DAS meeting in one step and finds it there as an item with the PDF.
 * Screenshot: test-results/browser-indmelding.png (the status report).
 * No console errors allowed.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, ROOT, needs, postForm, startServer }
    from '../http/harness.mjs';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
const SHOT = path.join(ROOT, 'test-results', 'browser-indmelding.png');
const YEAR = new Date().getUTCFullYear() + 1;
const day = (offset) => new Date(Date.now() + offset * 86400000)
    .toISOString().slice(0, 10);

let srv, browser, yearId;

before(async () => {
	if (!haveChromium)
		return;
	const { chromium } = await import('playwright-core');
	srv = await startServer();
	const admin = await srv.login('admin');
	const r = await postForm(admin, '/indmeldinger',
	    { year: String(YEAR), deadline: day(20) });
	assert.equal(r.status, 303, r.text);
	yearId = Number(/\/indmeldinger\/(\d+)/.exec(
	    r.headers.get('location'))[1]);
	/* The DAS meeting the report goes onto. */
	const form = await admin.get('/moeder/nyt');
	const das = /<option value="(\d+)"[^>]*>[^<]*Administrative/
	    .exec(form.text)[1];
	const m = await postForm(admin, '/moeder/nyt', { body_id: das,
	    starts_at: `${day(40)}T10:00`, place: 'Aalborg' });
	assert.equal(m.status, 303, m.text.slice(0, 300));
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
	    viewport: { width: 1280, height: 900 } });
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

async function go(page, locator, url) {
	await Promise.all([page.waitForURL(url), locator.click()]);
}

describe('the yearly submissions in the browser',
    { skip: needs(haveChromium, '/usr/bin/chromium') }, () => {
	test('a municipality submits, comments in the hearing, and the ' +
	    'report goes onto the DAS agenda', async () => {
		/* The municipality fills in and submits. */
		const mun = await newPage();
		await login(mun, 'authority');
		await go(mun, mun.getByRole('link', { name: `Indmelding ${YEAR}` }),
		    /\/indmelding\/\d+$/);
		assert.match(await mun.locator('h1').textContent(),
		    /Brønderslev/);
		await go(mun, mun.getByRole('link', { name: 'Sødisbakke' }),
		    /\/tilbud\/\d+$/);
		await mun.getByLabel('Forventet forbrug næste år').fill('1,5');
		await mun.getByLabel('Mindre').check();
		await mun.getByLabel('Ønskede ændringer i tilbuddet')
		    .fill('Flere korte ophold');
		await go(mun, mun.getByRole('button', { name: 'Gem' }),
		    /besked=gemt/);
		assert.match(await mun.locator('td[data-title="Forventede pladser"]')
		    .allTextContents().then((v) => v.join(' ')), /1,5/);
		await go(mun, mun.getByRole('link',
		    { name: 'Udfyld målgrupper og ønsker' }), /\/maalgrupper$/);
		await mun.getByLabel('Sindslidelse', { exact: true })
		    .selectOption('2');
		await go(mun, mun.getByRole('button', { name: 'Gem' }),
		    /\/maalgrupper$/);
		/* A fit of 2 needs an explanation. */
		assert.match(await mun.getByRole('alert').first().textContent(),
		    /forklar hvad der mangler/);
		mun.errors = mun.errors.filter((m) => !/400/.test(m));
		await mun.getByLabel('Forklaring, Sindslidelse')
		    .fill('For få pladser til unge med svær sindslidelse');
		await mun.getByLabel('Ønsker til nye tilbud eller pladser')
		    .fill('Et botilbud til unge i Vendsyssel');
		await go(mun, mun.getByRole('button', { name: 'Gem' }),
		    /besked=maalgrupper/);
		await go(mun, mun.getByRole('button', { name: 'Indsend' }),
		    /\/indsend$/);
		assert.match(await mun.locator('h2').first().textContent(),
		    /Vil du indsende indmeldingen for Brønderslev\?/);
		await go(mun, mun.getByRole('button', { name: 'Indsend' }),
		    /besked=indsendt/);
		assert.match(await mun.locator('.badge').allTextContents()
		    .then((v) => v.join(' ')), /Indsendt/);
		assert.deepEqual(mun.errors, [], 'console errors (municipality)');

		/* The secretariat sends the report to hearing. */
		const adm = await newPage();
		await login(adm, 'admin');
		await go(adm, adm.getByRole('navigation', { name: 'Hovedmenu' })
		    .getByRole('link', { name: 'Indmeldinger' }),
		    /\/indmeldinger$/);
		await go(adm, adm.getByRole('link', { name: String(YEAR) }),
		    /\/indmeldinger\/\d+$/);
		assert.match(await adm.locator('#progress').textContent(),
		    /1 af 11/);
		await adm.getByLabel('Høringsfrist').fill(day(10));
		await go(adm, adm.getByRole('button', { name: 'Send i høring' }),
		    /\/hoering$/);
		await go(adm, adm.getByRole('button', { name: 'Send i høring' }),
		    /besked=hoering/);

		/* The municipality comments on an offer. */
		await mun.goto(srv.url + '/');
		await go(mun, mun.getByRole('link',
		    { name: `Høring over statusbilledet ${YEAR}` }),
		    /\/statusbillede$/);
		assert.match(await mun.locator('td[data-title="Forventet forbrug"]')
		    .allTextContents().then((v) => v.join(' ')), /1,5/);
		await mun.getByLabel('Høringssvaret gælder', { exact: true })
		    .selectOption({ label: 'Sødisbakke' });
		await mun.getByLabel('Bemærkning', { exact: true })
		    .fill('Vi forventer færre pladser på Sødisbakke.');
		await go(mun, mun.getByRole('button', { name: 'Gem høringssvar' }),
		    /besked=kommentar/);
		assert.match(await mun.locator('#hoeringssvar ~ .comment').first()
		    .textContent(), /færre pladser på Sødisbakke/);
		fs.mkdirSync(path.dirname(SHOT), { recursive: true });
		await mun.screenshot({ path: SHOT, fullPage: true });
		assert.deepEqual(mun.errors, [], 'console errors (hearing)');
		await mun.context().close();

		/* The secretariat puts it on the DAS agenda in one step. */
		await adm.goto(srv.url + `/indmeldinger/${yearId}`);
		await go(adm, adm.getByRole('button', { name: 'Sæt på dagsorden' }),
		    /\/dagsorden$/);
		assert.match(await adm.locator('h2').first().textContent(),
		    /Den Administrative Styregruppe|DAS/);
		await go(adm, adm.getByRole('button', { name: 'Sæt på dagsorden' }),
		    /besked=dagsorden/);
		await go(adm, adm.getByRole('link', { name: 'Mødet i DAS' }),
		    /\/moeder\/\d+$/);
		const agenda = await adm.locator('main').textContent();
		assert.match(agenda, new RegExp(`Statusbillede ${YEAR}`));
		assert.match(agenda, /færre pladser på Sødisbakke/);
		assert.match(agenda, /Statusbillede \d{4}/);
		assert.deepEqual(adm.errors, [], 'console errors (secretariat)');
		await adm.context().close();
	});
});
