import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { uniq } from './harness';

export type Person = { name: string; email: string; password: string; workspaceName: string };

/** The demo workspace's owner, as the login page offers them on a demo server. */
export const DEMO_LOGIN = { email: 'demo@twofold.studio', password: 'partnership' };

/** Logs the demo owner in through the login form; ends on their workspace's home page. */
export async function logInAsDemo(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByRole('textbox', { name: 'Email' }).fill(DEMO_LOGIN.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_LOGIN.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/w\/[^/]+\/?$/);
}

/** Signs a new person up through the signup form; ends in their new workspace. */
export async function signUp(page: Page, baseUrl: string): Promise<Person> {
  const id = uniq('owner');
  const person: Person = {
    name: 'Ada Owner',
    email: `${id}@example.com`,
    password: 'correct horse battery',
    workspaceName: `Northwind ${id.slice(-6)}`,
  };
  await page.goto(`${baseUrl}/signup`);
  await page.getByLabel('Your name').fill(person.name);
  await page.getByLabel('Work email').fill(person.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(person.password);
  await page.getByLabel('Organisation').fill(person.workspaceName);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  return person;
}

/** The workspace id from a URL like /w/<id>/… */
export function workspaceIdOf(page: Page): string {
  const id = /\/w\/([^/?#]+)/.exec(page.url())?.[1];
  expect(id, `no workspace in ${page.url()}`).toBeTruthy();
  return id!;
}

/** Follows a link in the main navigation (opening the burger first at phone width). */
export async function navigate(page: Page, label: string): Promise<void> {
  const link = page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: label, exact: true });
  await link.waitFor({ state: 'attached' });
  const burger = page.getByRole('button', { name: 'Open navigation' });
  if (!(await onScreen(link)) && (await burger.isVisible())) await burger.click();
  await expect.poll(() => onScreen(link)).toBe(true);
  await link.click();
}

/**
 * Waits until one of the matching elements is visible (fails with the locator's description). Only visible
 * ones count: the same words may also sit folded away, say as evidence in a collapsed health component.
 */
export async function see(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.filter({ visible: true }).first().waitFor({ state: 'visible', timeout });
}

/** Visible and inside the viewport (a folded phone navigation is slid off to the left, not hidden). */
export async function onScreen(locator: Locator): Promise<boolean> {
  if (!(await locator.isVisible())) return false;
  const box = await locator.boundingBox();
  const viewport = locator.page().viewportSize();
  return !!box && !!viewport && box.x + box.width > 0 && box.x < viewport.width;
}

/** True when nothing on the page is wider than the viewport (no sideways scrolling on a phone). */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** Picks an option of a Mantine Select (its listbox opens in a portal, outside any dialog). */
export async function chooseOption(page: Page, input: Locator, option: string | RegExp): Promise<void> {
  await input.click();
  if (typeof option === 'string' && (await input.getAttribute('readonly')) === null) await input.fill(option);
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}
