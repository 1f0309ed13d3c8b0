import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenBrowser, openBrowser, type RunningServer, shot, startServer } from './harness';
import { type SmtpListener, startSmtp } from './smtp';
import { DEMO_LOGIN, logInAsDemo, navigate, see, workspaceIdOf } from './steps';

let smtp: SmtpListener;
let server: RunningServer;
let browser: OpenBrowser;

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startServer({ demo: true, smtpUrl: smtp.url });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

const DAY = 86_400_000;

test('an overdue check-in: schedule it, both sides share context, a further topic goes on the backlog, holding it moves the next due date', async () => {
  const { page } = browser;
  await logInAsDemo(page, server.url);
  const workspaceId = workspaceIdOf(page);
  const api = (path: string) => `${server.url}/api/v1/workspaces/${workspaceId}${path}`;

  // The Check-ins page: Harbour's check-in is overdue and nothing is scheduled.
  await navigate(page, 'Check-ins');
  const overdue = page.getByRole('region', { name: /Overdue/ });
  const harbour = overdue.getByRole('row', { name: /Harbour Savings Bank/ });
  await see(harbour);
  expect(await harbour.textContent()).toMatch(/days overdue/);
  await shot(page, 'check-ins-1-overdue');

  // Schedule it from there: the dialog suggests tomorrow, since the due date has passed.
  await harbour.getByRole('link', { name: /schedule it/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Schedule a check-in' });
  await see(dialog);
  const relationshipId = /\/relationships\/([^/?#]+)/.exec(page.url())![1]!;
  await see(dialog.getByRole('checkbox', { name: /Claire Dubois/ }));
  await shot(page, 'check-ins-2-schedule');
  await dialog.getByRole('button', { name: 'Schedule check-in' }).click();
  await page.waitForURL(/\/check-ins\/[^/]+$/);
  const checkInId = /\/check-ins\/([^/?#]+)$/.exec(page.url())![1]!;
  await see(page.getByRole('heading', { name: 'Check-in with Harbour Savings Bank' }));

  // The invite really leaves over SMTP, with the calendar invite attached.
  const invite = await smtp.waitForMail(DEMO_LOGIN.email);
  expect(invite.subject).toMatch(/^Partner check-in: Harbour Savings Bank/);
  expect(invite.text).toContain('BEGIN:VCALENDAR');
  expect(invite.text).toContain('METHOD:REQUEST');
  expect(invite.text).toContain(`UID:check-in-${checkInId}@twofold`);
  expect(invite.text).toMatch(/DTSTART:\d{8}T\d{6}Z/);
  expect(invite.links.some((l) => l.endsWith(`/check-ins/${checkInId}`))).toBe(true);
  const toClient = await smtp.waitForMail('claire.dubois@harbourbank.example');
  expect(toClient.text).toContain(`UID:check-in-${checkInId}@twofold`);

  // Our side, then theirs (noted on their behalf).
  const ours = page.getByRole('region', { name: 'Our side' });
  await ours
    .getByRole('textbox', { name: 'How business is going' })
    .fill('Two new clients; one designer joins in spring.');
  await ours
    .getByRole('textbox', { name: 'Unused capacity' })
    .fill('Aiko has two free days a week next month.');
  await ours
    .getByRole('textbox', { name: 'Further topics' })
    .fill('A café pop-up for the savings launch\nBranch staff training');
  await ours
    .getByRole('textbox', { name: 'Ways of working' })
    .fill('One shared backlog instead of status emails.');
  await ours.getByRole('button', { name: 'Save our side' }).click();
  await see(ours.getByText(/Filled in by Maya Lindqvist,/));

  const theirs = page.getByRole('region', { name: 'Their side' });
  await theirs
    .getByRole('textbox', { name: 'How business is going' })
    .fill('Savings are up; the branches are stretched.');
  await theirs.getByRole('textbox', { name: 'Unused capacity' }).fill('Their analyst is free in January.');
  await theirs.getByRole('textbox', { name: 'Further topics' }).fill('Opening hours on Saturdays');
  await theirs.getByRole('button', { name: 'Save their side' }).click();
  await see(theirs.getByText(/on the client’s behalf/));
  await shot(page, 'check-ins-3-both-sides');

  // A further topic onto the shared backlog, with one click.
  const further = page.getByRole('region', { name: 'Further topics' });
  await further
    .getByRole('button', { name: 'Add “A café pop-up for the savings launch” to the backlog' })
    .click();
  const onBacklog = further
    .getByRole('listitem')
    .filter({ hasText: 'A café pop-up' })
    .getByRole('link', { name: /On the backlog/ });
  await see(onBacklog);
  await shot(page, 'check-ins-4-backlog');

  // Open it and vote; a second vote (a double click, another tab) does not count twice.
  await onBacklog.click();
  const drawer = page.getByRole('dialog', { name: 'Topic' });
  await see(drawer.getByText('A café pop-up for the savings launch'));
  await drawer
    .getByRole('button', { name: /^Vote for “A café pop-up for the savings launch”, 0 votes$/ })
    .click();
  await see(drawer.getByRole('button', { name: /^Take back my vote for .*, 1 vote$/ }));
  const topicId = new URL(page.url()).searchParams.get('topic')!;
  const again = await page.request.post(api(`/relationships/${relationshipId}/topics/${topicId}/votes`), {
    headers: { origin: server.url },
    data: {},
  });
  expect(again.status()).toBe(200);
  expect(await again.json()).toMatchObject({ voteCount: 1, votedByMe: true });
  await page.reload();
  await see(page.getByRole('dialog', { name: 'Topic' }).getByRole('button', { name: /, 1 vote$/ }));
  await shot(page, 'check-ins-5-voted');
  await page.keyboard.press('Escape');

  // Mark it held: the relationship's next due date moves a cadence (30 days) ahead.
  await page.goto(`${server.url}/w/${workspaceId}/relationships/${relationshipId}/check-ins/${checkInId}`);
  await page.getByRole('button', { name: 'Mark held' }).click();
  const held = page.getByRole('dialog', { name: 'Mark the check-in held' });
  await held.getByRole('textbox', { name: 'Notes' }).fill('Agreed to explore the pop-up together.');
  await held.getByRole('button', { name: 'Mark held' }).click();
  await see(page.getByText('Held', { exact: true }));
  await shot(page, 'check-ins-6-held');

  const expectedDue = new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);
  const relationship = await (await page.request.get(api(`/relationships/${relationshipId}`))).json();
  expect(relationship.nextCheckInDue).toBe(expectedDue);
  const shown = await page.evaluate(
    (d) =>
      new Date(`${d}T00:00:00Z`).toLocaleDateString(undefined, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }),
    expectedDue,
  );
  await page.getByRole('link', { name: 'Harbour Savings Bank — Strategy & Research' }).click();
  const section = page.getByRole('region', { name: 'Check-ins' });
  await see(section.getByText(shown));
  expect(await section.getByText(/overdue/).count()).toBe(0);

  // And on the Check-ins page it left "Overdue" for "Later".
  await navigate(page, 'Check-ins');
  const later = page.getByRole('region', { name: /Later/ });
  await see(later.getByRole('row', { name: /Harbour Savings Bank/ }));
  expect(await later.getByRole('row', { name: /Harbour Savings Bank/ }).textContent()).toContain(shown);
  expect(
    await page
      .getByRole('region', { name: /Overdue/ })
      .getByRole('row', { name: /Harbour/ })
      .count(),
  ).toBe(0);
  await shot(page, 'check-ins-7-moved');
  expect(browser.pageErrors).toEqual([]);
});
