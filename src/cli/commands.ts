import { readFileSync } from 'node:fs';
import { text as readAll } from 'node:stream/consumers';
import { and, asc, eq, sql } from 'drizzle-orm';
import { seedDemoIfEmpty } from '../server/demo/demo.seed';
import { createUser, createWorkspace } from '../server/features/accounts/accounts.store';
import { workspaceDocument } from '../server/features/transfer/transfer.contract';
import { exportWorkspace, restoreWorkspace } from '../server/features/transfer/transfer.store';
import { recordAudit } from '../server/platform/audit';
import { memberships, users, workspaces } from '../server/platform/auth/auth.table';
import { hashPassword } from '../server/platform/auth/secrets';
import { AppError } from '../server/platform/errors';
import { newId } from '../server/platform/ids';
import { type Args, progressBar, text, UsageError } from './args';
import { withDatabase } from './database';
import { type ImportEntity, importEntities, runImportCommand } from './import-command';

const say = (m: string) => process.stderr.write(`${m}\n`);
const system = (workspaceId: string) => ({ workspaceId, actorKind: 'system' as const, actorId: null });

export async function migrate(): Promise<number> {
  await withDatabase(async (d) =>
    say(`Database migrated (${d.kind === 'pglite' ? 'embedded' : 'PostgreSQL'})`),
  );
  return 0;
}

async function promptPassword(): Promise<string> {
  if (!process.stdin.isTTY) return (await readAll(process.stdin)).trim();
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question('Password (at least 10 characters): ');
  rl.close();
  return answer.trim();
}

/**
 * Creates an account and a workspace it owns; with --workspace, makes an existing account an admin of that
 * workspace instead. An account restored without a password (a moved workspace) gets this one.
 */
export async function createAdmin(args: Args): Promise<number> {
  const email = text(args, 'email')!;
  const name = text(args, 'name', false) ?? email.split('@')[0]!;
  const password = text(args, 'password', false) ?? (await promptPassword());
  if (password.length < 10) throw new UsageError('the password needs at least 10 characters');
  const workspaceId = text(args, 'workspace', false);
  return withDatabase(async ({ db }) =>
    db.transaction(async (t) => {
      const tx = t as unknown as typeof db;
      const [existing] = await tx.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
      let userId = existing?.id;
      if (!existing) userId = (await createUser(tx, { email, name, password })).id;
      else if (!existing.passwordHash) {
        await tx
          .update(users)
          .set({ passwordHash: await hashPassword(password) })
          .where(eq(users.id, existing.id));
      } else if (!workspaceId) throw new UsageError(`${email} already has an account; add --workspace <id>`);
      if (workspaceId) {
        const [ws] = await tx.select().from(workspaces).where(eq(workspaces.id, workspaceId));
        if (!ws) throw new UsageError(`no workspace ${workspaceId}`);
        await tx
          .insert(memberships)
          .values({ workspaceId, userId: userId!, role: 'admin' })
          .onConflictDoUpdate({
            target: [memberships.workspaceId, memberships.userId],
            set: { role: sql`CASE WHEN ${memberships.role} = 'owner' THEN 'owner' ELSE 'admin' END` },
          });
        await recordAudit(tx, system(workspaceId), 'member.made_admin', 'member', userId!, { email });
        say(`${email} is an admin of ${ws.name}`);
        process.stdout.write(`${workspaceId}\n`);
        return 0;
      }
      const ws = await createWorkspace(
        tx,
        userId!,
        text(args, 'workspace-name', false) ?? `${name}’s workspace`,
      );
      say(`${email} owns the new workspace ${ws.name}`);
      process.stdout.write(`${ws.id}\n`);
      return 0;
    }),
  );
}

export async function demo(): Promise<number> {
  return withDatabase(async ({ db }) => {
    const seeded = await seedDemoIfEmpty(db);
    say(
      seeded
        ? `Demo workspace ready — log in as ${seeded.email} / ${seeded.password}`
        : 'The database already holds workspaces; the demo is only seeded into an empty one',
    );
    return 0;
  });
}

/** Without --workspace, says which workspaces there are, so the id is at hand. */
async function listWorkspaces(): Promise<number> {
  return withDatabase(async ({ db }) => {
    const all = await db.select().from(workspaces).orderBy(asc(workspaces.createdAt)).limit(200);
    say(
      `--workspace is required. Workspaces:\n${all.map((w) => `  ${w.id}  ${w.name}`).join('\n') || '  (none)'}`,
    );
    return 2;
  });
}

export async function exportCommand(args: Args): Promise<number> {
  const workspaceId = text(args, 'workspace', false);
  if (!workspaceId) return listWorkspaces();
  return withDatabase(async ({ db }) => {
    const doc = await exportWorkspace(db, workspaceId, new Date());
    await recordAudit(db, system(workspaceId), 'workspace.exported', 'workspace', workspaceId, {
      via: 'command line',
    });
    process.stdout.write(`${JSON.stringify(doc)}\n`);
    const rows = Object.values(doc.tables).reduce((n, r) => n + r.length, 0);
    say(
      `Exported ${doc.workspace.name}: ${rows} rows in ${Object.keys(doc.tables).length} tables, ${doc.members.length} people`,
    );
    return 0;
  });
}

/** Restores a document (a file argument or stdin) into an empty workspace, or into a new one with --new. */
export async function restoreCommand(args: Args): Promise<number> {
  const file = args.positional[0] ?? text(args, 'file', false);
  const raw = file ? readFileSync(file, 'utf8') : await readAll(process.stdin);
  const parsed = workspaceDocument.safeParse(JSON.parse(raw));
  if (!parsed.success) {
    throw new UsageError(
      `not a workspace document: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const doc = parsed.data;
  let workspaceId = text(args, 'workspace', false);
  if (!workspaceId && args.flags.new !== true)
    throw new UsageError('give --workspace <id> (an empty workspace) or --new');
  return withDatabase(async ({ db }) =>
    db.transaction(async (t) => {
      const tx = t as unknown as typeof db;
      if (!workspaceId) {
        const [ws] = await tx
          .insert(workspaces)
          .values({ id: newId(), name: doc.workspace.name })
          .returning();
        workspaceId = ws!.id;
      }
      const result = await restoreWorkspace(tx, workspaceId, doc);
      await recordAudit(tx, system(workspaceId), 'workspace.restored', 'workspace', workspaceId, {
        from: doc.workspace.id,
        tables: result.tables,
        via: 'command line',
      });
      const rows = Object.values(result.tables).reduce((n, r) => n + r, 0);
      say(
        `Restored ${rows} rows; ${result.membersLinked} people matched by email, ${result.membersCreated} created without a password (set one with create-admin)`,
      );
      process.stdout.write(`${workspaceId}\n`);
      return 0;
    }),
  );
}

export async function importCommand(args: Args): Promise<number> {
  const file = args.positional[0];
  if (!file)
    throw new UsageError('give the CSV file: twofold import <file> --workspace <id> --entity <kind>');
  const workspaceId = text(args, 'workspace')!;
  const entity = text(args, 'entity')! as ImportEntity;
  if (!importEntities.includes(entity))
    throw new UsageError(`--entity must be one of ${importEntities.join(', ')}`);
  const csvText = readFileSync(file, 'utf8');
  return withDatabase(async ({ db }) => {
    const [owner] = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'owner')))
      .orderBy(asc(memberships.createdAt))
      .limit(1);
    if (!owner) throw AppError.notFound('Workspace');
    const bar = progressBar(`Importing ${entity}`);
    const result = await runImportCommand(db, { workspaceId, userId: owner.userId, entity, csvText }, bar);
    say(
      `Imported ${result.imported} ${entity}${result.skipped ? `, ${result.skipped} unchanged` : ''}` +
        (result.rejected
          ? `; ${result.rejected} rows rejected — see Settings → Import ${result.importId} for the report`
          : ''),
    );
    if (result.rejected) return 1;
    return 0;
  });
}
