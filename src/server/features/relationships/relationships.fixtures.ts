// Test factories for relationships, made through the API like a user would (teams, clients, services).
import type { Session } from '../../test/harness';
import { uniq } from '../../test/harness';

type Created = { id: string; name: string };

async function created(res: { statusCode: number; body: string; json(): unknown }): Promise<Created> {
  if (res.statusCode !== 201) throw new Error(`expected 201, got ${res.statusCode}: ${res.body}`);
  return res.json() as Created;
}

export const makeTeam = (s: Session, name = uniq('Team')) => s.post(s.ws('/teams'), { name }).then(created);

export const makeClient = (s: Session, name = uniq('Client'), kind: 'external' | 'internal' = 'external') =>
  s.post(s.ws('/clients'), { name, kind }).then(created);

export const makeService = (s: Session, teamId: string, name = uniq('Service')) =>
  s.post(s.ws('/services'), { name, kind: 'external', teamId }).then(created);

export type RelationshipBody = {
  id: string;
  clientId: string;
  teamId: string;
  stage: string;
  pyramidLevel: string;
  status: string;
  nextCheckInDue: string | null;
  client: { name: string };
  [k: string]: unknown;
};

/** A relationship between a new team and a new client (or the ones given). */
export async function makeRelationship(
  s: Session,
  body: Partial<Record<string, unknown>> & { clientId?: string; teamId?: string } = {},
): Promise<RelationshipBody> {
  const clientId = body.clientId ?? (await makeClient(s)).id;
  const teamId = body.teamId ?? (await makeTeam(s)).id;
  const res = await s.post(s.ws('/relationships'), { cadenceDays: 30, ...body, clientId, teamId });
  if (res.statusCode !== 201) throw new Error(`relationship: ${res.statusCode} ${res.body}`);
  return res.json() as RelationshipBody;
}

/** Every item of a paged list, following nextCursor with a small page size; fails if a page repeats a row. */
export async function allPages<T extends { id: string }>(s: Session, url: string, limit = 2): Promise<T[]> {
  const seen: T[] = [];
  let cursor: string | null = null;
  const sep = url.includes('?') ? '&' : '?';
  for (let i = 0; i < 100; i++) {
    const res = await s.get(`${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    const page = res.json() as { items: T[]; nextCursor: string | null };
    if (page.items.length > limit) throw new Error('page larger than its limit');
    seen.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error('paging did not end');
}
