import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenBrowser, openBrowser, type RunningServer, shot, startServer } from './harness';
import { chooseOption, navigate, see, signUp } from './steps';

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

test('a new workspace: team, client, relationship, touchpoint, then an assessment that moves the stage', async () => {
  const { page } = browser;

  await signUp(page, server.url);
  await see(page.getByRole('main').getByRole('heading').first());
  await shot(page, 'signup-1-new-workspace');

  // A team that serves.
  await navigate(page, 'Teams');
  await page.getByRole('button', { name: 'Create your first team' }).click();
  const teamDialog = page.getByRole('dialog', { name: 'New team' });
  await teamDialog.getByLabel('Name').fill('Strategy studio');
  await teamDialog.getByRole('button', { name: 'Create team' }).click();
  await page.waitForURL(/\/teams\/[^/]+$/);
  await see(page.getByRole('heading', { name: 'Strategy studio' }));
  await shot(page, 'signup-2-team');

  // A client it serves.
  await navigate(page, 'Clients');
  await page.getByRole('button', { name: 'Add your first client' }).click();
  const clientDialog = page.getByRole('dialog', { name: 'New client' });
  await clientDialog.getByLabel('Name').fill('Harbour Café');
  await clientDialog.getByRole('radio', { name: 'External organisation' }).check();
  await clientDialog.getByLabel('Industry').fill('Hospitality');
  await clientDialog.getByRole('button', { name: 'Add client' }).click();
  await page.waitForURL(/\/clients\/[^/]+$/);
  await see(page.getByRole('heading', { name: 'Harbour Café' }));
  await shot(page, 'signup-3-client');

  // The relationship: this team serving this client, with a check-in cadence.
  await navigate(page, 'Relationships');
  await page.getByRole('button', { name: 'Start your first relationship' }).click();
  const relDialog = page.getByRole('dialog', { name: 'New relationship' });
  await chooseOption(page, relDialog.getByRole('combobox', { name: 'Client' }), 'Harbour Café');
  await chooseOption(page, relDialog.getByRole('combobox', { name: 'Team' }), 'Strategy studio');
  await relDialog.getByRole('textbox', { name: 'Check-in every (days)' }).fill('21');
  await shot(page, 'signup-4-new-relationship');
  await relDialog.getByRole('button', { name: 'Start relationship' }).click();
  await page.waitForURL(/\/relationships\/[^/]+$/);
  await see(page.getByRole('list', { name: 'Stage 1 of 4: Transactional' }));
  await see(page.getByText(/every 21 days/));
  await shot(page, 'signup-5-relationship');

  // A touchpoint on the timeline.
  await page.getByRole('button', { name: 'Log touchpoint' }).first().click();
  const tpDialog = page.getByRole('dialog', { name: 'Log touchpoint' });
  await chooseOption(page, tpDialog.getByRole('combobox', { name: 'Kind' }), 'Immersion');
  await tpDialog.getByText('They did (client)').click();
  expect(await tpDialog.getByRole('radio', { name: 'They did (client)' }).isChecked()).toBe(true);
  await tpDialog.getByLabel('Summary').fill('A morning behind the bar at the harbour branch');
  await tpDialog.getByLabel('Discoveries').fill('The grinder holds up the 8am rush');
  await tpDialog.getByRole('button', { name: 'Log touchpoint' }).click();
  await see(page.getByText('Touchpoint logged'));
  const timeline = page.getByRole('region', { name: 'Touchpoints' });
  await see(timeline.getByText('A morning behind the bar at the harbour branch'));
  await see(timeline.getByText('The grinder holds up the 8am rush'));
  await shot(page, 'signup-6-touchpoint');

  // An assessment that moves the stage: transactional → advisory.
  await page
    .getByRole('region', { name: 'Assessment history' })
    .getByRole('button', { name: 'Record assessment' })
    .click();
  const assessDialog = page.getByRole('dialog', { name: 'Record assessment' });
  await chooseOption(page, assessDialog.getByRole('combobox', { name: 'Stage', exact: true }), 'Advisory');
  await assessDialog.getByLabel('Why').fill('They now ask us what to change before they brief us.');
  await assessDialog.getByRole('button', { name: 'Record assessment' }).click();
  await see(page.getByRole('list', { name: 'Stage 2 of 4: Advisory' }));
  const history = page.getByRole('region', { name: 'Assessment history' });
  await see(history.getByText('Stage: Transactional → Advisory'));
  await see(history.getByText('They now ask us what to change before they brief us.'));
  await shot(page, 'signup-7-stage-moved');

  // The list agrees with the relationship page.
  await navigate(page, 'Relationships');
  const row = page.getByRole('row', { name: /Harbour Café/ });
  await see(row);
  // The list may show its cached page first, then the refetched one.
  await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('Advisory');
  await shot(page, 'signup-8-relationship-list');
  expect(browser.pageErrors).toEqual([]);
});
