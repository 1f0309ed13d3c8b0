import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { iso } from '../../platform/common.contract';
import { defaultAgenda } from './check-in-agenda.contract';
import type { Agenda, AgendaTemplate } from './check-ins.contract';
import { checkInAgendas } from './check-ins.table';

/** The workspace's agenda template; the default one until an admin edits it. */
export async function getAgendaTemplate(db: Db, workspaceId: string): Promise<AgendaTemplate> {
  const [row] = await db
    .select()
    .from(checkInAgendas)
    .where(eq(checkInAgendas.workspaceId, workspaceId))
    .limit(1);
  if (!row) return { ...defaultAgenda, isDefault: true, updatedAt: null };
  return { ...row.agenda, isDefault: false, updatedAt: iso(row.updatedAt) };
}

export async function currentAgenda(db: Db, workspaceId: string): Promise<Agenda> {
  const { isDefault: _d, updatedAt: _u, ...agenda } = await getAgendaTemplate(db, workspaceId);
  return agenda;
}

export async function saveAgendaTemplate(
  db: Db,
  workspaceId: string,
  userId: string,
  agenda: Agenda,
  now: Date,
): Promise<AgendaTemplate & { id: string }> {
  // Only the four parts are kept, whatever else a client sent.
  const value: Agenda = {
    businessUpdate: agenda.businessUpdate,
    unusedCapacity: agenda.unusedCapacity,
    furtherTopics: agenda.furtherTopics,
    waysOfWorking: agenda.waysOfWorking,
  };
  await db
    .insert(checkInAgendas)
    .values({ workspaceId, agenda: value, updatedBy: userId, updatedAt: now })
    .onConflictDoUpdate({
      target: checkInAgendas.workspaceId,
      set: { agenda: value, updatedBy: userId, updatedAt: now },
    });
  return { ...value, isDefault: false, updatedAt: iso(now), id: workspaceId };
}
