import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { formatApiToken } from '../../platform/auth/auth.plugin';
import { apiTokens, users } from '../../platform/auth/auth.table';
import { forgetCallers } from '../../platform/auth/caller-cache';
import { randomToken, sha256 } from '../../platform/auth/secrets';
import { iso, isoOrNull } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { ApiToken, ApiTokenInput, CreatedApiToken } from './tokens.contract';

const columns = {
  id: apiTokens.id,
  name: apiTokens.name,
  scope: apiTokens.scope,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  createdBy: { id: users.id, name: users.name },
};
type Row = { createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null } & Omit<
  ApiToken,
  'createdAt' | 'lastUsedAt' | 'revokedAt'
>;
const toToken = (r: Row): ApiToken => ({
  ...r,
  createdAt: iso(r.createdAt),
  lastUsedAt: isoOrNull(r.lastUsedAt),
  revokedAt: isoOrNull(r.revokedAt),
});

export async function listApiTokens(db: Db, workspaceId: string): Promise<ApiToken[]> {
  const rows = await db
    .select(columns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdBy))
    .where(eq(apiTokens.workspaceId, workspaceId))
    .orderBy(desc(apiTokens.createdAt))
    .limit(200);
  return rows.map(toToken);
}

export async function createApiToken(
  db: Db,
  workspaceId: string,
  createdBy: string,
  input: ApiTokenInput,
): Promise<CreatedApiToken> {
  const token = formatApiToken(workspaceId, randomToken());
  const id = newId();
  await db.insert(apiTokens).values({
    workspaceId,
    id,
    name: input.name,
    tokenHash: sha256(token),
    scope: input.scope,
    createdBy,
  });
  const [row] = await db
    .select(columns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdBy))
    .where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.id, id)));
  return { ...toToken(row!), token };
}

export async function revokeApiToken(db: Db, workspaceId: string, id: string): Promise<{ id: string }> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (!row) throw AppError.notFound('API token');
  forgetCallers();
  return row;
}
