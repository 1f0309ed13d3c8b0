import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenBrowser, openBrowser, type RunningServer, shot, startServer } from './harness';
import { chooseOption, navigate, see } from './steps';

let server: RunningServer;
let browser: OpenBrowser;

beforeAll(async () => {
  server = await startServer({ demo: true });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('the demo: log in with the credentials shown, find the relationship stuck in advisory, read why', async () => {
  const { page } = browser;

  // A first visit lands on the login page, which offers the demo login.
  await page.goto(server.url);
  await page.waitForURL(/\/login/);
  const offer = page.getByRole('alert').filter({ hasText: 'Explore the demo workspace' });
  await see(offer);
  expect(await offer.textContent()).toMatch(/demo@twofold\.studio.*partnership/);
  await shot(page, 'demo-1-login');

  await offer.getByRole('button', { name: 'Fill in the demo login' }).click();
  expect(await page.getByRole('textbox', { name: 'Email' }).inputValue()).toBe('demo@twofold.studio');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/w\/[^/]+\/?$/);
  await see(page.getByRole('main').getByRole('heading').first());
  await shot(page, 'demo-2-home');

  // The portfolio, narrowed to the relationships in advisory.
  await navigate(page, 'Relationships');
  await see(page.getByRole('row').nth(1));
  await chooseOption(page, page.getByRole('combobox', { name: 'Stage', exact: true }), 'Advisory');
  await page.waitForURL(/[?&]stage=advisory/);
  // The list refreshes after the URL changes: wait until it shows rows again, every one in advisory.
  const shown = async () => {
    const rows = await page.locator('tbody tr').allTextContents();
    return { rows: rows.length > 1, others: rows.filter((t) => !/Advisory/.test(t)) };
  };
  await expect.poll(shown, { timeout: 15_000 }).toEqual({ rows: true, others: [] });
  const stuck = page.getByRole('row', { name: /Harbour Savings Bank/ });
  await see(stuck);
  await shot(page, 'demo-3-advisory');

  await stuck.getByRole('link', { name: 'Harbour Savings Bank' }).click();
  await page.waitForURL(/\/relationships\/[^/]+$/);
  await see(page.getByRole('list', { name: 'Stage 2 of 4: Advisory' }));

  // Its history: a year of assessments that all say advisory, and why it is stuck.
  const history = page.getByRole('region', { name: 'Assessment history' });
  await see(history.getByText(/Stuck in advisory mode/));
  expect(await history.getByText(/Confirmed Advisory/).count()).toBeGreaterThanOrEqual(3);
  expect(await history.getByText(/→/).count()).toBe(0);
  await shot(page, 'demo-4-stuck-relationship');
  expect(browser.pageErrors).toEqual([]);
});
