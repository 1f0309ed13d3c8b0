import type { Db } from '../db/open';

export const DEMO_EMAIL = 'demo@twofold.studio';
export const DEMO_PASSWORD = 'partnership';

/** Seeds the demo workspace on an empty database; returns its credentials when it did. */
export async function seedDemoIfEmpty(_db: Db): Promise<{ email: string; password: string } | undefined> {
  return undefined;
}
