import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenBrowser, openBrowser, PHONE, type RunningServer, shot, startServer, uniq } from './harness';
import { type SmtpListener, startSmtp } from './smtp';
import { chooseOption, fitsWidth, logInAsDemo, navigate, see, signUp, workspaceIdOf } from './steps';

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

test('a partner lead sends a client pulse; the contact answers through the emailed link; the lead sees the result', async () => {
  const { page } = browser;
  await signUp(page, server.url);
  const ws = workspaceIdOf(page);

  // The relationship to ask about, made through the API as the signed-in owner.
  const api = async (path: string, body: unknown) => {
    const res = await page.request.post(`${server.url}/api/v1/workspaces/${ws}${path}`, {
      data: body,
      headers: { origin: server.url },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { id: string };
  };
  const team = await api('/teams', { name: 'Strategy & Research' });
  const client = await api('/clients', { name: 'Harbour Savings Bank', kind: 'external' });
  const contactEmail = `${uniq('claire')}@harbourbank.example`;
  await api(`/clients/${client.id}/contacts`, { name: 'Claire Dubois', email: contactEmail });
  await api('/relationships', { clientId: client.id, teamId: team.id, cadenceDays: 30 });

  await navigate(page, 'Pulses');
  await see(page.getByRole('heading', { name: 'No pulse rounds yet' }));
  await shot(page, 'pulse-1-empty');
  await page.getByRole('button', { name: 'New pulse' }).click();
  const dialog = page.getByRole('dialog', { name: 'New pulse' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Spring client pulse');
  await chooseOption(page, dialog.getByRole('combobox', { name: 'Relationship' }), /Harbour Savings Bank/);
  await shot(page, 'pulse-2-new');
  await dialog.getByRole('button', { name: 'Send pulse' }).click();
  await see(page.getByRole('heading', { name: 'Spring client pulse' }));
  await see(page.getByText('0 of 1'));

  // The email really leaves through SMTP and carries a personal link to this server.
  const mail = await smtp.waitForMail(contactEmail);
  expect(mail.subject).toContain('contribute to your work');
  const link = mail.links.find((l) => l.startsWith(`${server.url}/respond/`));
  expect(link, `no pulse link in:\n${mail.text}`).toBeTruthy();

  // The contact, in a browser of their own, on a phone-sized screen.
  const contact = await browser.newPage();
  await contact.setViewportSize(PHONE);
  expect((await contact.goto(link!))?.status()).toBe(200);
  const first = contact.getByRole('radiogroup', {
    name: /How meaningfully does Strategy & Research contribute/,
  });
  await see(first);
  expect(await fitsWidth(contact)).toBe(true);
  await shot(contact, 'pulse-3-answer-phone');
  // Keyboard: pick 7, then the arrow key moves to 8.
  await first.getByRole('radio', { name: '7', exact: true }).check();
  await contact.keyboard.press('ArrowRight');
  expect(await first.getByRole('radio', { name: '8', exact: true }).isChecked()).toBe(true);
  await contact
    .getByRole('textbox', { name: 'What would make us more valuable to you?' })
    .fill('Spend a day in one of our branches with us.');
  await contact.getByRole('button', { name: 'Send my answer' }).click();
  await see(contact.getByRole('heading', { name: 'Thank you' }));
  await shot(contact, 'pulse-4-thanks');

  // The link works once.
  await contact.goto(link!);
  await see(contact.getByRole('heading', { name: 'This link no longer works' }));
  await shot(contact, 'pulse-5-used');

  // Back in the app: the result is there.
  await page.reload();
  await see(page.getByText('1 of 1'));
  await see(page.getByText('8.0'));
  await see(page.getByText('Spend a day in one of our branches with us.'));
  await see(page.getByText('— Claire Dubois'));
  await see(page.locator('path.recharts-rectangle'));
  await shot(page, 'pulse-6-result');

  // An open round can be renamed (or its close moved).
  await page.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit round' });
  await edit.getByRole('textbox', { name: 'Title' }).fill('Spring client pulse — Harbour');
  await edit.getByRole('button', { name: 'Save' }).click();
  await see(page.getByRole('heading', { name: 'Spring client pulse — Harbour' }));

  await navigate(page, 'Pulses');
  await see(page.getByRole('link', { name: 'Spring client pulse — Harbour' }));
  await see(page.getByText('1/1 · 100%'));
  await shot(page, 'pulse-7-list');

  // Health reads a round once it closes: before, the client pulse has no data; closing it today moves it.
  const read = async <T>(path: string) =>
    (await (await page.request.get(`${server.url}/api/v1/workspaces/${ws}${path}`)).json()) as T;
  const [relationship] = (await read<{ items: { id: string }[] }>('/relationships')).items;
  const [round] = (await read<{ items: { id: string }[] }>('/pulses')).items;
  await page.goto(`${server.url}/w/${ws}/relationships/${relationship!.id}`);
  await see(page.getByRole('button', { name: 'Client pulse: no data' }));
  const closed = await page.request.patch(`${server.url}/api/v1/workspaces/${ws}/pulses/${round!.id}`, {
    data: { closesOn: new Date().toISOString().slice(0, 10) },
    headers: { origin: server.url },
  });
  expect(closed.status(), await closed.text()).toBe(200);
  await page.reload();
  const component = page.getByRole('button', { name: /^Client pulse: \d+$/ });
  await see(component);
  await component.click();
  await see(page.getByText(/averages 8\.0 of 10/));
  await shot(page, 'pulse-8-health');
  expect(browser.pageErrors).toEqual([]);
});

test('the demo: Harbour Savings Bank’s client pulse falls, and the team page sets it beside the team’s own pulse', async () => {
  const demo = await startServer({ demo: true });
  const { page } = browser;
  try {
    await logInAsDemo(page, demo.url);

    await navigate(page, 'Pulses');
    await see(page.getByText(/Open until/));
    await shot(page, 'pulse-demo-1-list');
    await chooseOption(page, page.getByRole('combobox', { name: 'Kind' }), 'Client');
    await page
      .getByRole('link', { name: /Client pulse/ })
      .first()
      .waitFor();
    const harbour = page.getByRole('row').filter({ hasText: 'Harbour Savings Bank' }).first();
    await harbour.getByRole('link').click();
    await see(page.getByRole('heading', { name: 'Across rounds' }));
    await see(page.locator('.recharts-line'));
    await see(page.getByText(/feels transactional again/));
    await shot(page, 'pulse-demo-2-harbour');

    await navigate(page, 'Teams');
    await page.getByRole('link', { name: 'Strategy & Research' }).first().click();
    await see(page.getByRole('heading', { name: 'Team pulse and client pulse' }));
    await see(page.getByText(/move closely together|tend to move together|no clear link|opposite/));
    await shot(page, 'pulse-demo-3-team');

    await navigate(page, 'Services');
    await see(page.getByRole('heading', { name: 'How colleagues rate internal services' }));
    await see(page.getByText(/Latest:/));
    await shot(page, 'pulse-demo-4-services');
    expect(browser.pageErrors).toEqual([]);
  } finally {
    await demo.stop();
  }
});
