import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenBrowser, openBrowser, type RunningServer, shot, startServer } from './harness';
import { chooseOption, logInAsDemo, navigate, see } from './steps';

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

test('the inward movement: start an experiment, log time against it, hold a reflection, see the balance', async () => {
  const { page } = browser;
  await logInAsDemo(page, server.url);

  // Start an experiment from a relationship.
  await navigate(page, 'Relationships');
  await page.getByRole('link', { name: 'Brightwater Utilities' }).first().click();
  await page.waitForURL(/\/relationships\/[^/]+$/);
  const section = page.getByRole('region', { name: 'Experiments' });
  await see(section.getByText(/No experiment on this relationship yet/));
  await section.getByRole('button', { name: 'Start an experiment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start an experiment' });
  await dialog.getByLabel('Title').fill('Listening mornings in the call centre');
  await dialog
    .getByLabel('Hypothesis')
    .fill(
      'If we listen in on the billing queue every week, Owen brings us problems before they become briefs.',
    );
  await dialog.getByLabel('Protected hours').fill('10');
  await dialog.getByLabel('Safety').fill('No deliverable expected; we only report what we heard.');
  await dialog.getByRole('button', { name: 'Plan experiment' }).click();
  const card = section.getByRole('article', { name: 'Listening mornings in the call centre' });
  await see(card);
  expect(await card.getByTestId('budget-used').textContent()).toBe('0 h of 10 h');
  await card.getByRole('button', { name: 'Start' }).click();
  await see(card.getByText('Running', { exact: true }));
  await shot(page, 'inward-1-experiment-started');

  // Log time on it from its page: the budget bar moves.
  await card.getByRole('link', { name: 'Listening mornings in the call centre' }).click();
  await page.waitForURL(/\/experiments\/[^/]+$/);
  const used = page.getByTestId('budget-used');
  await expect.poll(() => used.textContent()).toBe('0 h of 10 h');
  await page.getByRole('button', { name: 'Log time on it' }).click();
  const logDialog = page.getByRole('dialog', { name: 'Log time' });
  await logDialog.getByLabel('Hours').fill('2.5');
  await logDialog.getByRole('button', { name: 'Log time' }).click();
  await expect.poll(() => used.textContent()).toBe('2.5 h of 10 h');
  expect(await page.getByRole('progressbar').first().getAttribute('aria-valuenow')).toBe('25');
  await shot(page, 'inward-2-budget-moved');

  // Log more in the week grid, as learning time on the same relationship: it counts too.
  await navigate(page, 'Time');
  await see(page.getByRole('table', { name: /Time for the week of/ }));
  await chooseOption(
    page,
    page.getByRole('combobox', { name: 'Relationship' }),
    'Brightwater Utilities — Strategy & Research',
  );
  await chooseOption(page, page.getByRole('combobox', { name: 'Kind' }), 'Learning');
  await page.getByRole('button', { name: 'Add row' }).click();
  const today = new Date();
  const dayName = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][today.getDay()];
  const cell = page.getByRole('textbox', {
    name: new RegExp(`^Brightwater Utilities, Learning, ${dayName} `),
  });
  await cell.fill('1.5');
  await cell.press('Enter');
  await expect.poll(() => page.getByText(/Learning 1\.5 h/).count()).toBeGreaterThan(0);
  await shot(page, 'inward-3-week-grid');
  await page.goBack();
  await page.waitForURL(/\/experiments\/[^/]+$/);
  await expect
    .poll(() => page.getByTestId('budget-used').textContent(), { timeout: 15_000 })
    .toBe('4 h of 10 h');

  // Hold a reflection that discusses it, with a tagged learning.
  await navigate(page, 'Reflections');
  await see(page.getByRole('region', { name: 'Reflection cadence by team' }));
  await page.getByRole('button', { name: 'Hold a reflection' }).first().click();
  const form = page.getByRole('dialog', { name: 'Hold a reflection' });
  await chooseOption(page, form.getByRole('combobox', { name: 'Team' }), 'Strategy & Research');
  await form
    .getByLabel('What is actually happening?')
    .fill('Owen asks for our view before the brief is written.');
  await form
    .getByLabel('What works surprisingly well, and why?')
    .fill('Listening without a deliverable: people talk.');
  await form.getByLabel('Experiments discussed').click();
  await page.getByRole('option', { name: 'Listening mornings in the call centre' }).click();
  await form.getByRole('button', { name: 'Add a learning' }).click();
  await form.getByRole('textbox', { name: 'Learning 1', exact: true }).fill('Listen before proposing.');
  await form.getByLabel('Tags').fill('listening');
  await form.getByLabel('Tags').press('Enter');
  await form.getByRole('button', { name: 'Record reflection' }).click();
  await page.waitForURL(/\/reflections\/[^/]+$/);
  await see(page.getByText('Listen before proposing.'));
  await see(page.getByRole('link', { name: 'Experiment: Listening mornings in the call centre' }));
  await shot(page, 'inward-4-reflection');

  // Promote the learning to the knowledge library in one click; it opens there, internal until shared.
  await page
    .getByRole('button', { name: 'Promote the learning “Listen before proposing.” to the knowledge library' })
    .click();
  await page.waitForURL(/\/knowledge\/[^/]+$/);
  await see(page.getByRole('heading', { name: 'Listen before proposing.' }));

  // The balance: two lines per team, the quadrant, and the records behind each number.
  await navigate(page, 'Balance');
  await see(page.getByText(/People & Operations: outward \+\d+ in 3 months, inward/));
  await chooseOption(page, page.getByRole('combobox', { name: 'Show' }), 'Strategy & Research');
  await see(page.getByRole('heading', { name: 'Strategy & Research: the two movements' }));
  await see(page.locator('.recharts-line').first());
  expect(await page.locator('.recharts-line').count()).toBe(2);
  const experiments = page.getByRole('button', { name: /^Experiments running or concluded: \d+ of 100/ });
  await experiments.click();
  const drawer = page.getByRole('dialog');
  await see(drawer.getByRole('link', { name: 'Listening mornings in the call centre' }));
  await shot(page, 'inward-5-balance-evidence');
  await drawer.getByRole('button', { name: 'Close' }).click();
  await shot(page, 'inward-6-balance');
  // An earlier month: its parts come with the series, the records behind them when it is opened.
  const months = page.getByRole('button', { name: /^Inward in .* — show its parts$/ });
  const earlier = months.nth((await months.count()) - 4);
  const month = (await earlier.getAttribute('aria-label'))!.split(':')[0]!.replace('Inward in ', '');
  await earlier.click();
  await see(page.getByRole('heading', { name: `Inward in ${month}` }));
  const time = page.getByRole('button', { name: /^Partnership and learning time: \d+ of 100/ });
  await time.click();
  await see(drawer.getByRole('link').first());
  await shot(page, 'inward-7-balance-earlier-month');
  await drawer.getByRole('button', { name: 'Close' }).click();
  expect(browser.pageErrors).toEqual([]);
});
