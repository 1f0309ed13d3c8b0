import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenBrowser, openBrowser, type RunningServer, shot, startServer } from './harness';
import { logInAsDemo, see } from './steps';

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

test('a leader opens the portfolio, sees which relationships slip and why, and follows a number to its records', async () => {
  const { page } = browser;
  await logInAsDemo(page, server.url);

  // The early-warning list names the relationships most at risk, with reasons in words.
  const warnings = page.getByRole('region', { name: 'Early warnings' });
  const harbour = warnings.getByRole('link', { name: /Harbour Savings Bank/ });
  await see(harbour);
  const top = await warnings
    .getByRole('link')
    .evaluateAll((links) => links.slice(0, 3).map((l) => l.getAttribute('aria-label') ?? ''));
  expect(top.some((l) => l.startsWith('Harbour Savings Bank'))).toBe(true);
  expect(top.some((l) => l.startsWith('Fjordline Logistics'))).toBe(true);
  expect(await harbour.getAttribute('aria-label')).toMatch(/stuck in advisory/);
  expect(await harbour.getAttribute('aria-label')).toMatch(/only the provider speaks: 1 in \d+ touchpoints/);
  await see(page.getByRole('region', { name: 'Stage × truth pyramid' }));
  await see(page.getByRole('region', { name: 'The two movements' }));
  await see(page.getByRole('region', { name: 'Health' }).getByLabel(/Health distribution/));
  await shot(page, 'health-1-portfolio');
  await warnings.screenshot({ path: 'e2e/screenshots/health-1-warnings.png' });

  // Through to the relationship's health panel.
  await harbour.click();
  await page.waitForURL(/\/relationships\/[^/]+#relationship-health$/);
  const panel = page.getByRole('region', { name: 'Health', exact: true });
  await see(panel.getByRole('list', { name: 'Risk flags' }));
  await see(panel.getByText(/Stuck in advisory for \d+ months/));
  await see(panel.getByLabel(/Health from/));
  await shot(page, 'health-2-panel');

  // Open two-way flow and follow its first record: the client's own touchpoint on the timeline.
  await panel.getByRole('button', { name: /Two-way flow/ }).click();
  // The client's own records come first, each saying who started it; follow a touchpoint.
  const evidence = panel
    .locator('a[href*="#touchpoint-"]')
    .filter({ hasText: /started by the client$/ })
    .first();
  await see(evidence);
  await shot(page, 'health-3-evidence');
  await panel.screenshot({ path: 'e2e/screenshots/health-3-panel.png' });
  const href = (await evidence.getAttribute('href'))!;
  expect(href).toMatch(/#touchpoint-/);
  await evidence.click();
  const id = href.split('#')[1]!;
  await see(page.locator(`[id="${id}"]`));
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#${id}`);
  await shot(page, 'health-4-touchpoint');

  // A check-in behind the cadence number opens the check-in itself.
  await panel.getByRole('button', { name: /Cadence/ }).click();
  await panel
    .getByRole('link', { name: /^Check-in held/ })
    .first()
    .click();
  await page.waitForURL(/\/check-ins\/[^/]+$/);
  await see(page.getByRole('main').getByRole('heading').first());
  expect(browser.pageErrors).toEqual([]);
});
