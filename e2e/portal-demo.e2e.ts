import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenBrowser, openBrowser, type RunningServer, shot, startServer } from './harness';
import { logInAsDemo, see, workspaceIdOf } from './steps';

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

test('in the demo, a client contact asks for a link and finds a lively shared space', async () => {
  const { page } = browser;
  await page.goto(`${server.url}/portal`);
  await page.getByRole('textbox', { name: 'Email' }).fill('hanna@kestrelcoffee.example');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await see(page.getByText('Check your inbox'));
  await shot(page, 'portal-demo-1-sign-in');

  // No SMTP in the demo: the link waits in the outbox, which a member of the studio can read.
  const member = await browser.newPage();
  await logInAsDemo(member, server.url);
  const workspaceId = workspaceIdOf(member);
  const outbox = await member.request.get(`${server.url}/api/v1/workspaces/${workspaceId}/outbox?limit=50`);
  const items = ((await outbox.json()) as { items: { to: string; text: string }[] }).items;
  const link = /(http\S+\/api\/v1\/portal\/session\?token=\S+)/.exec(
    items.find((m) => m.to === 'hanna@kestrelcoffee.example')?.text ?? '',
  )?.[1];
  expect(link, 'a portal link for Hanna in the outbox').toBeTruthy();

  await page.goto(link!);
  await page.waitForURL(/\/portal$/);
  await see(page.getByRole('heading', { name: 'Northwind Studio' }));
  await shot(page, 'portal-demo-2-landing');
  // Hanna has the Design team's winter pulse open: she answers it here, without the emailed link.
  const pulses = page.getByRole('region', { name: 'Open pulses' });
  await see(pulses.getByRole('heading', { name: 'Winter client pulse — Design' }));
  const scale = pulses.getByRole('radiogroup', { name: /contribute to your work/ });
  await scale.getByRole('radio', { name: '9', exact: true }).check();
  await page.keyboard.press('ArrowRight');
  expect(await scale.getByRole('radio', { name: '10', exact: true }).isChecked()).toBe(true);
  await pulses
    .getByRole('textbox', { name: 'What would make us more valuable to you?' })
    .fill('More tasting sessions with the café owners');
  await shot(page, 'portal-demo-2b-open-pulse');
  await pulses.getByRole('button', { name: 'Send my answer' }).click();
  await see(pulses.getByText('thank you, your answer is in.'));
  await shot(page, 'portal-demo-2c-pulse-answered');
  const results = await member.request.get(`${server.url}/api/v1/workspaces/${workspaceId}/pulses?limit=200`);
  const winter = ((await results.json()) as { items: { id: string; title: string }[] }).items.find(
    (p) => p.title === 'Winter client pulse — Design',
  );
  const counted = await member.request.get(
    `${server.url}/api/v1/workspaces/${workspaceId}/pulses/${winter!.id}/results`,
  );
  expect(((await counted.json()) as { distribution: number[] }).distribution[10]).toBeGreaterThan(0);
  await page
    .getByRole('link', { name: /open the shared space/ })
    .first()
    .click();
  await see(page.getByRole('heading', { name: 'The journey together' }));
  await shot(page, 'portal-demo-3-journey');
  for (const [tab, name] of [
    ['Check-ins', 'check-ins'],
    ['Topics', 'topics'],
    ['Shared timeline', 'timeline'],
    ['Events', 'events'],
    ['Knowledge', 'knowledge'],
  ] as const) {
    await page.getByRole('tab', { name: tab }).click();
    await see(page.getByRole('tabpanel'));
    await page.getByRole('tabpanel').getByLabel('Loading').waitFor({ state: 'hidden' });
    await shot(page, `portal-demo-4-${name}`);
  }
  // Something is shared in each place that matters.
  await page.getByRole('tab', { name: 'Shared timeline' }).click();
  await see(page.getByRole('tabpanel').locator('.mantine-Timeline-item').first());
  await page.getByRole('tab', { name: 'Knowledge' }).click();
  await see(page.getByRole('tabpanel').getByRole('article').first());
  expect(browser.pageErrors).toEqual([]);
}, 180_000);
