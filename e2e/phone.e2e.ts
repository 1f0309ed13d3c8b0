import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenBrowser, openBrowser, type RunningServer, shot, startServer } from './harness';
import { fitsWidth, navigate, onScreen, see, signUp } from './steps';

let server: RunningServer;
let browser: OpenBrowser;

beforeAll(async () => {
  server = await startServer({ demo: false });
  browser = await openBrowser({ phone: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('at phone width the navigation opens from the burger and a team can be created', async () => {
  const { page } = browser;
  await signUp(page, server.url);
  expect(await fitsWidth(page)).toBe(true);

  // The navigation is folded away until the burger opens it.
  const teamsLink = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', {
    name: 'Teams',
    exact: true,
  });
  await expect.poll(() => onScreen(teamsLink)).toBe(false);
  await page.getByRole('button', { name: 'Open navigation' }).click();
  await expect.poll(() => onScreen(teamsLink)).toBe(true);
  // Screen readers hear that the menu is open, and how to close it.
  await expect
    .poll(() => page.getByRole('button', { name: 'Close navigation' }).getAttribute('aria-expanded'))
    .toBe('true');
  await shot(page, 'phone-1-navigation-open');

  await teamsLink.click();
  await page.waitForURL(/\/teams$/);
  // Following a link folds the navigation away again, so the page is readable.
  await expect.poll(() => onScreen(teamsLink)).toBe(false);
  await see(page.getByRole('heading', { name: 'Teams', exact: true }));
  await shot(page, 'phone-2-teams-empty');

  await page.getByRole('button', { name: 'Create your first team' }).click();
  const dialog = page.getByRole('dialog', { name: 'New team' });
  await dialog.getByLabel('Name').fill('Roastery crew');
  await dialog.getByLabel('Description').fill('Sells beans and know-how to cafés');
  await shot(page, 'phone-3-new-team');
  await dialog.getByRole('button', { name: 'Create team' }).click();

  await page.waitForURL(/\/teams\/[^/]+$/);
  await see(page.getByRole('heading', { name: 'Roastery crew' }));
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, 'phone-4-team');

  await navigate(page, 'Teams');
  await see(page.getByRole('link', { name: /Roastery crew/ }));
  expect(await fitsWidth(page)).toBe(true);
  await shot(page, 'phone-5-teams-list');
  expect(browser.pageErrors).toEqual([]);
});
