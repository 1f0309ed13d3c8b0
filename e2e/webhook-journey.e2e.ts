import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenBrowser, openBrowser, type RunningServer, shot, startServer } from './harness';
import { navigate, see, signUp } from './steps';

// A receiver on this machine: the server is told it may call loopback addresses.
let receiver: Server;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
let server: RunningServer;
let browser: OpenBrowser;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.end('ok');
    });
  });
  await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
  process.env.WEBHOOKS_ALLOW_PRIVATE = '1';
  server = await startServer({ demo: false });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  receiver?.closeAllConnections();
  await new Promise((ok) => receiver?.close(ok));
});

test('an admin subscribes a receiver, sends a test and sees it delivered; then exports the workspace', async () => {
  const { page } = browser;
  await signUp(page, server.url);
  await navigate(page, 'Settings');
  await page.getByRole('tab', { name: 'Webhooks' }).click();
  await see(page.getByText('No webhooks yet'));
  await page.getByRole('button', { name: 'Create a webhook' }).click();
  const dialog = page.getByRole('dialog', { name: 'New webhook' });
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/twofold`;
  await dialog.getByLabel('URL').fill(url);
  await dialog.getByRole('checkbox', { name: /A check-in is held/ }).check();
  await shot(page, 'webhook-1-new');
  await dialog.getByRole('button', { name: 'Create webhook' }).click();
  const secretDialog = page.getByRole('dialog', { name: 'Copy the signing secret' });
  const secret = ((await secretDialog.locator('pre').textContent()) ?? '').trim();
  expect(secret).toMatch(/^whsec_/);
  await secretDialog.getByRole('button', { name: 'I have copied it' }).click();

  await page.getByRole('button', { name: 'Send test' }).click();
  const log = page.getByRole('table', { name: 'Delivery log' });
  await see(log.getByText('delivered'));
  await see(log.getByText(/200 · \d+ ms/));
  await shot(page, 'webhook-2-delivered');
  const got = received.at(-1)!;
  const [, t, v1] = /t=(\d+),v1=([0-9a-f]+)/.exec(String(got.headers['twofold-signature'])) ?? [];
  expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${got.body}`).digest('hex'));

  await page.getByRole('tab', { name: 'Export and restore' }).click();
  await see(page.getByRole('link', { name: 'Download export' }));
  await shot(page, 'webhook-3-export-restore');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download export' }).click();
  const file = await (await download).path();
  const { readFileSync } = await import('node:fs');
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'twofold.workspace', version: 1 });
  expect(browser.pageErrors).toEqual([]);
}, 180_000);
