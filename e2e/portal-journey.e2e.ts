import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenBrowser, openBrowser, PHONE, type RunningServer, shot, startServer, uniq } from './harness';
import { type SmtpListener, startSmtp } from './smtp';
import { fitsWidth, see, signUp, workspaceIdOf } from './steps';

let smtp: SmtpListener;
let server: RunningServer;
let browser: OpenBrowser;

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startServer({ demo: false, smtpUrl: smtp.url });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

test('a member opens the portal to a client contact, who shares their side of a check-in and proposes a topic; the member sees both', async () => {
  const { page } = browser;
  const owner = await signUp(page, server.url);
  const workspaceId = workspaceIdOf(page);
  const api = async (method: 'POST' | 'PUT', path: string, data: unknown) => {
    const res = await page.request.fetch(`${server.url}/api/v1/workspaces/${workspaceId}${path}`, {
      method,
      data,
      headers: { origin: server.url },
    });
    expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
    return (await res.json()) as { id: string };
  };
  // The partnership as it stands: a team, a client with a contact, a relationship and a check-in ahead.
  const team = await api('POST', '/teams', { name: 'Harbour studio' });
  const client = await api('POST', '/clients', { name: 'Fjordline Ferries', kind: 'external' });
  const email = `${uniq('ingrid')}@fjordline.example`;
  await api('POST', `/clients/${client.id}/contacts`, { name: 'Ingrid Berg', email, role: 'Head of routes' });
  const rel = await api('POST', '/relationships', {
    clientId: client.id,
    teamId: team.id,
    cadenceDays: 30,
    ambition: 'Open the northern route together',
  });
  await api('POST', `/relationships/${rel.id}/check-ins`, {
    scheduledFor: new Date(Date.now() + 4 * 86_400_000).toISOString(),
    sendInvites: false,
  });

  // The member turns on portal access on the client page.
  await page.goto(`${server.url}/w/${workspaceId}/clients/${client.id}`);
  const toggle = page.getByRole('switch', { name: 'Portal access for Ingrid Berg' });
  await see(toggle);
  // A controlled switch: it turns on once the server has answered.
  await toggle.click({ force: true });
  await see(page.getByText(/emailed them a sign-in link/));
  await shot(page, 'portal-1-access-on');

  // The contact's email arrives over real SMTP, naming the provider, with a link into the portal.
  const mail = await smtp.waitForMail(email);
  expect(mail.subject).toContain(owner.workspaceName);
  const link = mail.links.find((l) => l.startsWith(`${server.url}/api/v1/portal/session?token=`));
  expect(link, `no portal link in:\n${mail.text}`).toBeTruthy();

  // The contact, in a browser of their own, lands in the portal.
  const contact = await browser.newPage();
  await contact.goto(link!);
  await contact.waitForURL(/\/portal$/);
  await see(contact.getByRole('heading', { name: owner.workspaceName }));
  await shot(contact, 'portal-2-landing');
  await contact.getByRole('link', { name: /Harbour studio/ }).click();
  await see(contact.getByRole('heading', { name: 'The journey together' }));
  await see(contact.getByText('Open the northern route together'));
  await shot(contact, 'portal-3-journey');

  // Their side of the check-in.
  await contact.getByRole('tab', { name: 'Check-ins' }).click();
  const form = contact.getByRole('form', { name: /Your side for the check-in/ });
  await form
    .getByRole('textbox', { name: 'How business is going' })
    .fill('Record spring bookings on the coast.');
  await form.getByRole('textbox', { name: 'Unused capacity' }).fill('Our data analyst has Fridays free.');
  await form.getByRole('button', { name: 'Share your side' }).click();
  await see(contact.getByText('Your side is shared with the team'));
  await shot(contact, 'portal-4-check-in');

  // A topic of their own.
  await contact.getByRole('tab', { name: 'Topics' }).click();
  await contact.getByRole('textbox', { name: 'Title' }).fill('A live departures board');
  await contact.getByRole('button', { name: 'Propose topic' }).click();
  await see(contact.getByText('A live departures board'));
  await contact.getByRole('button', { name: 'Vote for A live departures board' }).click();
  await see(contact.getByRole('button', { name: 'You voted for A live departures board' }));
  await shot(contact, 'portal-5-topics');
  // On a phone the portal fits the screen.
  await contact.setViewportSize(PHONE);
  await see(contact.getByRole('tab', { name: 'Topics' }));
  expect(await fitsWidth(contact)).toBe(true);
  await shot(contact, 'portal-5-topics-phone');

  // The member sees both at once: the notification centre, the backlog and the check-in.
  await page.goto(`${server.url}/w/${workspaceId}/relationships/${rel.id}`);
  await see(page.getByText('A live departures board'));
  await page.getByRole('button', { name: /Notifications, \d+ unread/ }).click();
  const centre = page.getByRole('region', { name: 'Notifications' });
  await see(centre.getByText(/raised a topic: A live departures board/));
  await see(centre.getByText(/Ingrid Berg \(Fjordline Ferries\) shared their side/));
  await shot(page, 'portal-6-member-notified');
  await page.keyboard.press('Escape');

  // "View as client" shows the same.
  await page.getByRole('button', { name: 'View as client' }).click();
  const preview = page.getByRole('dialog', { name: /As Fjordline Ferries sees it/ });
  await see(preview.getByText('Record spring bookings on the coast.'));
  await see(preview.getByText('A live departures board'));
  await shot(page, 'portal-7-view-as-client');
  expect(browser.pageErrors).toEqual([]);
}, 180_000);
