import { afterAll, beforeAll, expect, test } from 'vitest';
import { type OpenBrowser, openBrowser, type RunningServer, shot, startServer, uniq } from './harness';
import { fitsWidth, navigate, see, signUp } from './steps';

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

test('community: write the purpose, create an event, say yes, get the .ics, find it with Ctrl-K; an article renders safely', async () => {
  const { page } = browser;
  await signUp(page, server.url);

  // The purpose, written once, heads the community page and the home page.
  await navigate(page, 'Community');
  await see(page.getByRole('heading', { name: 'Nothing planned yet' }));
  await page.getByRole('button', { name: 'Write our purpose' }).click();
  const purposeDialog = page.getByRole('dialog', { name: 'Our purpose' });
  await purposeDialog
    .getByLabel('Why we do the work')
    .fill('We help cafés become the best hour of their guests’ day.');
  await purposeDialog.getByRole('button', { name: 'Save' }).click();
  await see(
    page.getByRole('region', { name: 'Our purpose' }).getByText('the best hour of their guests’ day'),
  );

  // An event, created from the empty state.
  const title = `Harvest cupping ${uniq('ev').slice(-6)}`;
  await page.getByRole('button', { name: 'Plan an event' }).click();
  const eventDialog = page.getByRole('dialog', { name: 'New event' });
  await eventDialog.getByLabel('Title').fill(title);
  await eventDialog.getByLabel('Place or link').fill('The roastery');
  await eventDialog.getByRole('button', { name: 'Create event' }).click();
  await page.waitForURL(/\/events\/[^/]+$/);
  await see(page.getByRole('heading', { name: title }));

  // Say yes: the answer is pressed, and I am among who comes.
  const going = page
    .getByRole('group', { name: `Are you coming to ${title}?` })
    .getByRole('button', { name: 'Going', exact: true });
  await going.click();
  await expect.poll(() => going.getAttribute('aria-pressed')).toBe('true');
  const attendees = page.getByRole('region', { name: 'Who comes' });
  await see(attendees.getByText('Going · 1'));
  await see(attendees.getByText('Ada Owner'));
  await shot(page, 'community-1-event');

  // The calendar file: same origin, the session's cookie, text/calendar with the event's UID.
  const icsLink = page.getByRole('link', { name: 'Add to calendar (.ics)' });
  const href = await icsLink.getAttribute('href');
  expect(href).toMatch(/\/events\/[^/]+\/invite\.ics$/);
  const ics = await page.request.get(new URL(href!, server.url).toString());
  expect(ics.status()).toBe(200);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  const eventId = /\/events\/([^/]+)\/invite\.ics$/.exec(href!)![1];
  expect(await ics.text()).toContain(`UID:${eventId}@events.twofold`);

  // Ctrl-K from anywhere (here: the home page), a few letters, Enter: back on the event.
  await navigate(page, 'Home');
  await see(page.getByRole('region', { name: 'Our purpose' }));
  await page.keyboard.press('Control+k');
  const box = page.getByRole('textbox', { name: 'Search everything' });
  await see(box);
  await box.pressSequentially(title.split(' ').at(-1)!.slice(0, 4));
  const hit = page.getByRole('button', { name: new RegExp(title) });
  await see(hit);
  await shot(page, 'community-2-search');
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/events/${eventId}$`));
  await see(page.getByRole('heading', { name: title }));

  // The search button in the header opens the same box; arrow keys move through the hits.
  await page.getByRole('button', { name: 'Search' }).first().click();
  await see(box);
  await box.fill('harvest');
  await see(hit);
  await page.keyboard.press('Escape');

  // An article with hostile Markdown: it renders as text, runs nothing, links only where it may.
  await navigate(page, 'Knowledge');
  await page.getByRole('link', { name: 'Write the first article' }).click();
  await page.getByLabel('Title').fill('Cupping notes');
  await page
    .getByRole('textbox', { name: 'Text (Markdown)' })
    .fill(
      '# Cupping notes\n\n<img src=x onerror="window.__pwned=1">\n\n[click me](javascript:window.__pwned=2) and [the guide](https://example.com)\n\n<script>window.__pwned=3</script>',
    );
  await page.getByRole('tab', { name: 'Preview' }).click();
  await see(page.getByRole('heading', { name: 'Cupping notes', level: 1 }));
  await page.getByRole('button', { name: 'Add to the library' }).click();
  await page.waitForURL(/\/knowledge\/[^/]+$/);
  const article = page.getByRole('main');
  await see(article.getByRole('link', { name: 'the guide' }));
  expect(await article.getByRole('link', { name: 'click me' }).count()).toBe(0);
  await see(article.getByText('<img src=x onerror="window.__pwned=1">'));
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('main img, main script').count()).toBe(0);
  await shot(page, 'community-3-article');

  // Found from the search box too.
  await page.keyboard.press('Control+k');
  await box.fill('cupping notes');
  await see(page.getByRole('button', { name: /Cupping notes/ }));
  await page.keyboard.press('Escape');
  expect(await fitsWidth(page)).toBe(true);
  expect(browser.pageErrors).toEqual([]);
});
