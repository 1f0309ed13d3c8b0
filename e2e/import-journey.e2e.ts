import { afterAll, beforeAll, expect, test } from 'vitest';
import { hubspotContacts } from '../src/server/features/imports/corpus/generate';
import { type OpenBrowser, openBrowser, type RunningServer, shot, startServer } from './harness';
import { navigate, see, signUp } from './steps';

let server: RunningServer;
let browser: OpenBrowser;

beforeAll(async () => {
  server = await startServer({ demo: false });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('a new workspace imports a 10,000-row HubSpot contacts export: suggested mapping, preview, progress, report of the 12 broken rows', async () => {
  const { page } = browser;
  await signUp(page, server.url);

  // From the empty Clients page to the Import page.
  await navigate(page, 'Clients');
  await page.getByRole('link', { name: 'Import from a CSV' }).click();
  await page.waitForURL(/\/import$/);
  await see(page.getByText('No imports yet'));
  await shot(page, 'import-1-empty');

  // Upload a HubSpot export of 10,000 contacts at 50 companies, 12 rows broken.
  const file = hubspotContacts(10_000, { broken: 12, companies: 50 });
  await page.locator('input[type="file"]').setInputFiles({
    name: 'hubspot-contacts-export.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(file.csv),
  });
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await see(page.getByRole('heading', { name: '1. Match the columns' }));
  // HubSpot's headers are recognised: nothing to adjust.
  expect(await page.getByRole('combobox', { name: 'Column for Email' }).inputValue()).toBe('Email');
  expect(await page.getByRole('combobox', { name: 'Column for Client name' }).inputValue()).toBe(
    'Company Name',
  );
  // The preview marks the broken row among the first ones (row 6: the email is not an address).
  const preview = page.getByRole('table', { name: 'Preview of the first rows' });
  await see(preview.getByRole('row', { name: /^6 .*is not an email address/ }));
  await see(page.getByText('1 of the first 20 rows have problems'));
  await shot(page, 'import-2-mapping-and-preview');

  await page.getByRole('button', { name: 'Import 10,000 contacts' }).click();
  await page.waitForURL(/\/import\/[^/]+$/);
  await see(page.getByRole('progressbar', { name: 'Import progress' }));
  await shot(page, 'import-3-progress');
  await see(page.getByRole('heading', { name: 'Import report' }), 120_000);
  await see(page.getByText('12 rows were not imported'));
  await see(page.getByLabel('Created: 9988'));
  await see(page.getByLabel('Rejected: 12'));
  await shot(page, 'import-4-report');

  // The rejected rows download as CSV, with the reason.
  const href = await page.getByRole('link', { name: 'Download rejected rows' }).getAttribute('href');
  const rejected = await page.request.get(`${server.url}${href}`);
  expect(rejected.status()).toBe(200);
  const lines = (await rejected.text()).trim().split(/\r?\n/);
  expect(lines).toHaveLength(13);
  expect(lines[0]).toContain('Import problem');

  // The contacts are on their client's page.
  await page.getByRole('link', { name: 'Clients page' }).click();
  await page.getByRole('link', { name: 'Company 1', exact: true }).click();
  await page.waitForURL(/\/clients\/[^/]+$/);
  await see(page.getByRole('link', { name: /@company1\.example$/ }));
  await shot(page, 'import-5-client-contacts');
}, 300_000);
