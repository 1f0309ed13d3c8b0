import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenBrowser, openBrowser, type RunningServer, shot, startServer, uniq } from './harness';
import { type SmtpListener, startSmtp } from './smtp';
import { navigate, see, signUp, workspaceIdOf } from './steps';

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

test('an owner invites a colleague by email; the colleague follows the link and joins as a member', async () => {
  const { page } = browser;
  const owner = await signUp(page, server.url);
  const workspaceId = workspaceIdOf(page);

  await navigate(page, 'Settings');
  await page.getByRole('tab', { name: 'Members' }).click();
  await see(page.getByRole('region', { name: 'Members' }));
  await shot(page, 'invite-1-members');

  const invitee = `${uniq('colleague')}@example.com`;
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a colleague' });
  await dialog.getByRole('textbox', { name: 'Email' }).fill(invitee);
  expect(await dialog.getByRole('combobox', { name: 'Role' }).inputValue()).toBe('Member');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await see(dialog.getByText(`Invitation sent to ${invitee}`));
  await shot(page, 'invite-2-sent');

  // The email really leaves through SMTP and carries a link to this server.
  const mail = await smtp.waitForMail(invitee);
  expect(mail.subject).toContain(owner.workspaceName);
  const link = mail.links.find((l) => l.startsWith(`${server.url}/invite/`));
  expect(link, `no invitation link in:\n${mail.text}`).toBeTruthy();

  // The colleague, in a browser of their own.
  const colleague = await browser.newPage();
  const opened = await colleague.goto(link!);
  expect(opened?.status(), `opening ${link} from the email must load the web app`).toBe(200);
  await see(colleague.getByRole('heading', { name: `Join ${owner.workspaceName}` }));
  await see(colleague.getByText(invitee));
  await shot(colleague, 'invite-3-accept');
  await colleague.getByRole('textbox', { name: 'Your name' }).fill('Grace Colleague');
  await colleague.getByRole('textbox', { name: 'Choose a password' }).fill('another good password');
  await colleague.getByRole('button', { name: 'Join the workspace' }).click();

  await colleague.waitForURL(new RegExp(`/w/${workspaceId}/?$`));
  await see(colleague.getByRole('main').getByRole('heading').first());
  await shot(colleague, 'invite-4-joined');

  // A member: sees the members, cannot invite.
  await navigate(colleague, 'Settings');
  await colleague.getByRole('tab', { name: 'Members' }).click();
  const members = colleague.getByRole('region', { name: 'Members' });
  await see(members.getByText('Grace Colleague'));
  await see(members.getByText(owner.name));
  await see(members.getByText(/Ask an admin to invite someone/));
  expect(await colleague.getByRole('button', { name: 'Invite', exact: true }).count()).toBe(0);
  await shot(colleague, 'invite-5-member-view');

  // The owner sees the new member too, and the invitation is no longer pending.
  await page.getByRole('button', { name: 'Done' }).click();
  await page.reload();
  await see(page.getByRole('region', { name: 'Members' }).getByText('Grace Colleague'));
  await shot(page, 'invite-6-owner-view');
  expect(browser.pageErrors).toEqual([]);
});
