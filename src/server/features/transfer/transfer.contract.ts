import { z } from 'zod';

/** The workspace document (docs/export-format.md). Rows keep their column names; ids are those of the source. */
export const workspaceDocument = z.object({
  format: z.literal('twofold.workspace', { error: 'must be "twofold.workspace"' }),
  version: z.literal(1, { error: 'must be 1 (the only version this installation reads)' }),
  exportedAt: z.string(),
  workspace: z.object({ id: z.uuid(), name: z.string().min(1).max(200), createdAt: z.string() }),
  members: z.array(
    z.object({
      id: z.uuid(),
      email: z.string().min(3).max(320),
      name: z.string().max(200),
      role: z
        .enum(['owner', 'admin', 'member'])
        .nullable()
        .describe('null: a former member still named by records'),
    }),
  ),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type WorkspaceDocument = z.infer<typeof workspaceDocument>;

export const restoreResult = z.object({
  workspaceId: z.uuid(),
  tables: z.record(z.string(), z.number().int()).describe('rows restored per table'),
  membersLinked: z.number().int().describe('members matched to existing accounts by email'),
  membersCreated: z.number().int().describe('accounts created without a password (they set one by reset)'),
});
export type RestoreResult = z.infer<typeof restoreResult>;
