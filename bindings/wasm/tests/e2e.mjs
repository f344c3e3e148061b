// End-to-end test of the page with Playwright driving Debian's Chromium.
// Screenshots go to e2e/ in cargo's target directory (test artifacts).
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.join(here, '..', '..', '..');
const artifacts = path.join(path.resolve(process.env.CARGO_TARGET_DIR ?? path.join(repo, 'target')), 'e2e');
await mkdir(artifacts, { recursive: true });

const server = await serve(0);
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});
let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}\n  ${String(e && e.stack ? e.stack : e).split('\n').join('\n  ')}`);
  }
}

const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
const dialogs = [];
const errors = [];
page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

await check('the page opens with the embedded month, Opium 47,767 kg first', async () => {
  await page.goto(base);
  await page.waitForSelector('body[data-ready="month"]', { timeout: 30000 });
  const first = await page.locator('#month-ranking tbody tr').first().innerText();
  assert.match(first, /1\s+Opium\s+47,767\s+82\.06%/);
  const quality = await page.locator('#month-quality').innerText();
  assert.match(quality, /difference 176 kg \(0\.30%\)/);
  assert.match(quality, /120 \(heading\) vs 122 \(text\)/);
  assert.equal(await page.locator('#month-chart svg rect').count(), 7);
  assert.ok((await page.locator('#month-activities details').count()) >= 11);
  await page.screenshot({ path: path.join(artifacts, 'month.png'), fullPage: true });
});

await check('the menus hold every dimension and unit of vocabulary()', async () => {
  const v = await page.evaluate(async () => { const m = await import('./pkg/narcostat_wasm.js'); await m.default(); return m.vocabulary(); });
  const options = async (id) => page.locator(`#${id} option`).evaluateAll((os) => os.map((o) => o.value));
  for (const id of ['by1', 'by2']) assert.deepEqual((await options(id)).filter(Boolean), v.dimensions);
  assert.ok(v.dimensions.includes('origin') && v.dimensions.includes('destination') && v.dimensions.includes('drug-family'));
  assert.deepEqual(await options('unit'), v.units);
});

await check('the CBP file loads through the file input: fentanyl FY2024 = 21,889.21 lb', async () => {
  await page.setInputFiles('#file', path.join(repo, 'data', 'reference', 'cbp-nationwide-fy23-fy26-dec.csv'));
  await page.waitForSelector('#loaded:not([hidden])', { timeout: 60000 });
  assert.match(await page.locator('#status').innerText(), /\(cbp\): [\d,]+ rows read, [\d,]+ accepted, 0 rejected/);
  await page.selectOption('#by1', 'drug');
  await page.selectOption('#by2', 'fiscal-year');
  await page.fill('#f-drug', 'fentanyl');
  await page.selectOption('#unit', 'lb');
  await page.click('#pivot button[type=submit]');
  const row = page.locator('#result tbody tr', { hasText: 'FY2024' });
  await row.waitFor({ timeout: 30000 });
  const text = await row.innerText();
  assert.match(text, /Fentanyl\s+FY2024\s+21,889\.21\b/);
  assert.match(text, /1,116/);
  assert.ok((await page.locator('#line-chart svg polyline').count()) >= 1);
  assert.match(await page.locator('#notes').innerText(), /covered/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  const csv = await readFile(await download.path(), 'utf8');
  assert.match(csv, /^drug,fiscal-year,mass_lb,/);
  // mass_lb, volume_l (empty), seizures: no count column when nothing is counted (issue 11, defect 6)
  assert.match(csv, /\nFentanyl,FY2024,21889\.20\d*,,1116,/);
  // The table sorts by a column when its header is clicked.
  await page.click('#result thead th:nth-child(3)');
  const firstMass = await page.locator('#result tbody tr').first().locator('td').nth(2).innerText();
  assert.equal(firstMass, '27,022.85');
  await page.screenshot({ path: path.join(artifacts, 'cbp-fentanyl.png'), fullPage: true });
});

await check("a user's own plain CSV (date,country,province,drug,quantity,unit) loads and aggregates", async () => {
  const file = path.join(repo, 'data', 'fixtures', 'own-seizures.csv');
  // The oracle: the file's opium summed here, in grams, from its raw cells.
  const rows = (await readFile(file, 'utf8')).trim().split('\n').slice(1).map((l) => l.split(','));
  const grams = rows.filter((r) => r[3] === 'Opium').reduce((g, r) => g + Number(r[4]) * (r[5] === 'kg' ? 1000 : 1), 0);
  const expected = (grams / 1000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  await page.setInputFiles('#file', file);
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('own-seizures'), null, { timeout: 30000 });
  assert.match(await page.locator('#status').innerText(), /\(generic\): 6 rows read, 6 accepted, 0 rejected/);
  await page.selectOption('#by1', 'drug');
  await page.selectOption('#by2', '');
  await page.fill('#f-drug', '');
  await page.selectOption('#unit', 'kg');
  await page.click('#pivot button[type=submit]');
  const row = page.locator('#result tbody tr', { hasText: 'Opium' });
  await row.waitFor({ timeout: 30000 });
  assert.ok((await row.innerText()).includes(expected), `${await row.innerText()} lacks ${expected}`);
});

await check('a Solar Hijri CSV that needs a column mapping loads through the reading options', async () => {
  // Dates converted by hand: 1399/11/12 = 2021-01-31, 1399/12/10 = 2021-02-28, 1399/12/30 = 2021-03-20.
  const csv = 'Stoff,Menge,Datum\nOpium,10,1399/11/12\nOpium,2.5,1399/12/10\nHeroin,4,۱۳۹۹/۱۲/۳۰\n';
  await page.click('#reading summary');
  await page.fill('#columns', 'drug=Stoff\nquantity=Menge\ndate=Datum');
  await page.selectOption('#input-unit', 'kg');
  await page.selectOption('#calendar', 'solar-hijri');
  await page.setInputFiles('#file', { name: 'shamsi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('shamsi.csv'), null, { timeout: 30000 });
  assert.match(await page.locator('#status').innerText(), /\(generic\): 3 rows read, 3 accepted, 0 rejected/);
  await page.selectOption('#by1', 'drug');
  await page.selectOption('#by2', 'month');
  await page.selectOption('#unit', 'kg');
  await page.click('#pivot button[type=submit]');
  for (const [drug, month, kg] of [['Opium', '2021-01', '10'], ['Opium', '2021-02', '2.5'], ['Heroin', '2021-03', '4']]) {
    const row = page.locator('#result tbody tr', { hasText: `${month}` }).filter({ hasText: drug });
    await row.first().waitFor({ timeout: 30000 });
    assert.ok((await row.first().innerText()).includes(kg), `${drug} ${month}: ${await row.first().innerText()}`);
  }
  await page.fill('#columns', '');
  await page.selectOption('#input-unit', '');
  await page.selectOption('#calendar', 'gregorian');
});

await check('a drug named <img src=x onerror=alert(1)> shows as text', async () => {
  const header = 'FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)';
  const csv = `${header}\n2024,OCT,OFO,R,L,X,<img src=x onerror=alert(1)>,1,2\n2024,OCT,OFO,R,L,X,Heroin,1,3\n`;
  await page.setInputFiles('#file', { name: 'xss.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('xss.csv'), null, { timeout: 30000 });
  await page.selectOption('#by1', 'name');
  await page.selectOption('#by2', '');
  await page.fill('#f-drug', '');
  await page.click('#pivot button[type=submit]');
  await page.locator('#result tbody tr', { hasText: '<img src=x onerror=alert(1)>' }).waitFor({ timeout: 30000 });
  assert.equal(await page.locator('#result img').count(), 0);
  assert.equal(await page.locator('#bar-chart img').count(), 0);
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, []);
  await page.screenshot({ path: path.join(artifacts, 'xss.png'), fullPage: true });
});

await check('bad rows appear in the rejection report', async () => {
  const header = 'FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)';
  await page.uncheck('#keep-unknown');
  await page.setInputFiles('#file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n2024,OCT,OFO,R,L,X,Unobtainium,1,2\n2024,XXX,OFO,R,L,X,Heroin,1,2\n2024,OCT,OFO,R,L,X,Heroin,1,3\n`) });
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('bad.csv'), null, { timeout: 30000 });
  assert.match(await page.locator('#status').innerText(), /3 rows read, 1 accepted, 2 rejected/);
  assert.equal(await page.locator('#rejections tbody tr').count(), 2);
  assert.match(await page.locator('#rejections').innerText(), /Unobtainium/);
});

await check('the bulletin of a chosen period', async () => {
  await page.setInputFiles('#file', path.join(repo, 'data', 'reference', 'cbp-amo-fy23-fy26-dec.csv'));
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('cbp-amo'), null, { timeout: 30000 });
  await page.fill('#b-period', 'FY2024');
  await page.click('#bulletin-form button');
  await page.waitForFunction(() => document.querySelector('#bulletin').textContent.includes('The highest seized type was'), null, { timeout: 30000 });
});

await check('every row appearing 126 times: one duplicate group per row, with its lines', async () => {
  const header = 'FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)';
  const distinct = [
    '2024,OCT,OFO,Southwest Border,Land,EL PASO FIELD OFFICE,Heroin,1,100',
    '2024,OCT,OFO,Southwest Border,Land,EL PASO FIELD OFFICE,Cocaine,2,30.5',
    '2024,NOV,OFO,Southwest Border,Land,LAREDO FIELD OFFICE,Fentanyl,1,4.25',
  ];
  const rows = [];
  for (let i = 0; i < 126; i++) rows.push(...distinct);
  await page.setInputFiles('#file', { name: 'dup126.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${rows.join('\n')}\n`) });
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('dup126.csv'), null, { timeout: 30000 });
  assert.match(await page.locator('#checks-summary').innerText(), /^3 groups of likely duplicate records \(378 records\)/);
  const items = await page.locator('#checks li').allInnerTexts();
  // Row k of the distinct rows sits on lines 2 + k, 5 + k, 8 + k, ... (the header is line 1).
  distinct.forEach((_, k) => {
    const lines = Array.from({ length: 10 }, (_, i) => `dup126.csv:${2 + k + 3 * i}`).join(', ');
    assert.ok(items.some((t) => t.endsWith(`126 identical records at ${lines} and 116 more`)), `row ${k}: ${items.join('\n')}`);
  });
  await page.screenshot({ path: path.join(artifacts, 'duplicates.png'), fullPage: true });
});

await check('a 50 MB CSV is read in the worker without freezing the page', async () => {
  const source = await readFile(path.join(repo, 'data', 'reference', 'cbp-nationwide-fy23-fy26-dec.csv'), 'utf8');
  const [header, ...lines] = source.trimEnd().split('\n');
  const body = lines.join('\n') + '\n';
  const copies = Math.ceil((50 * 1024 * 1024) / body.length);
  const big = path.join(artifacts, 'big-cbp.csv');
  await writeFile(big, header + '\n' + body.repeat(copies));
  // Watch the main thread: the longest gap between timer ticks while the file loads.
  await page.evaluate(() => {
    window.__gaps = [];
    let last = performance.now();
    window.__ticker = setInterval(() => { const now = performance.now(); window.__gaps.push(now - last); last = now; }, 20);
  });
  const started = Date.now();
  await page.setInputFiles('#file', big);
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('big-cbp.csv ('), null, { timeout: 120000 });
  const seconds = (Date.now() - started) / 1000;
  const maxGap = await page.evaluate(() => { clearInterval(window.__ticker); return Math.max(...window.__gaps); });
  const status = await page.locator('#status').innerText();
  assert.match(status, new RegExp(`${(lines.length * copies).toLocaleString('en-US')} rows read`));
  console.log(`  50 MB: ${(lines.length * copies).toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s, longest main-thread gap ${maxGap.toFixed(0)} ms`);
  assert.ok(maxGap < 1000, `the page froze for ${maxGap} ms`);
  // Every line appears `copies` times: one group of identical records per distinct line, found in one pass.
  const summary = await page.locator('#checks-summary').innerText();
  assert.ok(summary.startsWith(`${new Set(lines).size} groups of likely duplicate records (${lines.length * copies} records)`), summary);
});

await check('no errors in the console', async () => {
  assert.deepEqual(errors, []);
});

await browser.close();
server.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
