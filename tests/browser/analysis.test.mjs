/*
 * Browser test of a tariff analysis: Debian's /usr/bin/chromium driven by
 * playwright-core against a real `ramme serve`.
 *
 *   RAMME_BIN=$PWD/build/src/ramme node --test tests/browser/analysis.test.mjs
 *
 * Two years of tariffs are published. The secretariat logs in, goes
 * Økonomi → Takstanalyser, fills in the form for a new analysis and sees
 * its report: the chart of the real change per operator (an SVG with its
 * title, and the figures as a table), then downloads the XLSX and the
 * PDF report with the politicians' excerpt. Screenshot:
 * test-results/browser-analysis.png. No console errors allowed.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { PASSWORD, ROOT, needs, ramme, startServer } from '../http/harness.mjs';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
const SHOT = path.join(ROOT, 'test-results', 'browser-analysis.png');

let srv, browser;

before(async () => {
	if (!haveChromium)
		return;
	const { chromium } = await import('playwright-core');
	srv = await startServer();
	const H = 'offer_id;paragraph;level;unit;places;occupancy_pct;' +
	    'wages_ore;property_ore;other_ore';
	const years = {
		2023: ['4;SEL § 107;;day;10;96;650000000;67500000;82500000',
		    '3;SEL § 108;;day;12;95;700000000;50000000;50000000'],
		2024: ['4;SEL § 107;;day;10;96;700000000;67500000;82500000',
		    '3;SEL § 108;;day;12;95;710000000;50000000;50000000'],
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

describe('tariff analysis in the browser', () => {
	test('the secretariat creates an analysis, sees the chart and ' +
	    'downloads the PDF and the XLSX',
	    { skip: needs(haveChromium, 'Chromium (/usr/bin/chromium)') },
	    async () => {
		const ctx = await browser.newContext({ locale: 'da-DK',
		    acceptDownloads: true, viewport: { width: 1280, height: 900 } });
		const page = await ctx.newPage();
		page.setDefaultTimeout(10000);
		const errors = [];
		page.on('console', (m) => {
			if (m.type() === 'error' &&
			    !/\/favicon\.ico$/.test(m.location().url ?? ''))
				errors.push(m.text());
		});
		page.on('pageerror', (e) => errors.push(String(e)));

		await page.goto(srv.url + '/login');
		await page.getByLabel('Brugernavn').fill('admin');
		await page.getByLabel('Adgangskode').fill(PASSWORD);
		await Promise.all([page.waitForURL(srv.url + '/'),
		    page.getByRole('button', { name: 'Log ind' }).click()]);

		await page.goto(srv.url + '/oekonomi');
		await page.getByRole('link', { name: 'Takstanalyser' }).click();
		await page.getByLabel('Titel').fill('Takstanalyse 2024');
		await page.getByLabel('Fra år').fill('2023');
		await page.getByLabel('Til år').fill('2024');
		await page.getByLabel('Loft: PL minus').fill('2');
		await Promise.all([page.waitForURL(/\/oekonomi\/analyser\/\d+/),
		    page.getByRole('button', { name: 'Opret analyse' }).click()]);
		await page.getByRole('heading', { level: 1,
		    name: 'Takstanalyse 2024' }).waitFor();
		assert.match(await page.getByRole('status').first().innerText(),
		    /Analysen er oprettet/);

		/* The chart: an image with its title, figures as a table. */
		const chart = page.getByRole('img', { name:
		    /Real ændring i taksterne 2023–2024 pr\. driftsherre/ });
		await chart.waitFor();
		assert.ok(await chart.locator('rect').count() >= 2);
		const figures = page.locator('figure').first();
		assert.match(await figures.innerText(), /Region Nordjylland/);
		fs.mkdirSync(path.dirname(SHOT), { recursive: true });
		await page.screenshot({ path: SHOT, fullPage: true });

		/* The XLSX. */
		let [dl] = await Promise.all([page.waitForEvent('download'),
		    page.getByRole('link', { name: 'Hent alle tal (Excel)' })
		    .click()]);
		assert.match(dl.suggestedFilename(), /^takstanalyse-2023-2024-\d+\.xlsx$/);
		const x = fs.readFileSync(await dl.path());
		assert.equal(x.subarray(0, 2).toString(), 'PK');

		/* The PDF with the excerpt of the chosen sections. */
		await page.getByLabel('Pr. paragraf').first().check();
		const pdfResp = page.waitForResponse(/rapport\.pdf/);
		const [popup] = await Promise.all([
		    page.waitForEvent('download').catch(() => null),
		    page.getByRole('button', { name: 'Hent rapport (PDF)' })
		    .click()]);
		const resp = await pdfResp;
		assert.equal(resp.status(), 200);
		assert.equal(resp.headers()['content-type'], 'application/pdf');
		assert.match(resp.url(), /afsnit_resultat=1/);
		assert.match(resp.url(), /afsnit_paragraf=1/);
		void popup;
		assert.deepEqual(errors, []);
		await ctx.close();
	});
});
