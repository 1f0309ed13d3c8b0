/**
 * The crash test's import: each round uploads a contacts file of a few batches and commits it, so the kill
 * usually lands while batches are being written. An acknowledged upload and commit must survive, and an
 * import is never half-written: the contacts stored under its client are exactly the ones its progress
 * counts as created (a batch and its progress commit together). Resuming after the lease runs out is the
 * imports tests' job; here it is enough that what is there agrees with what the import says.
 */
import type { Workspace } from './real-server';

/** Three batches of 5,000 and a partial one. */
const ROWS = 16_000;

export type AckedImport = { id: string; clientName: string; total: number; committed: boolean };

function contactsFile(tag: string, clientName: string): string {
  const lines = ['First Name,Last Name,Email,Company Name'];
  for (let i = 0; i < ROWS; i++) lines.push(`Ada${i},Import ${tag},${tag}-${i}@import.example,${clientName}`);
  return `${lines.join('\n')}\n`;
}

/** Uploads and commits; resolves once the commit is acknowledged (or the server died first). */
export async function startImport(ws: Workspace, tag: string, imports: AckedImport[]): Promise<void> {
  const clientName = `Imported client ${tag}`;
  const base = `${ws.api.baseUrl}/api/v1/workspaces/${ws.workspaceId}`;
  const res = await fetch(`${base}/imports?entity=contacts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ws.token}`, 'content-type': 'text/csv' },
    body: contactsFile(tag, clientName),
  });
  if (res.status !== 201)
    throw new Error(`POST /imports → ${res.status} ${(await res.text()).slice(0, 200)}`);
  const uploaded = (await res.json()) as { id: string; suggestedMapping: Record<string, string> };
  const acked: AckedImport = { id: uploaded.id, clientName, total: ROWS, committed: false };
  imports.push(acked);
  const commit = await ws.api.request(
    'POST',
    `/api/v1/workspaces/${ws.workspaceId}/imports/${acked.id}/commit`,
    {
      mapping: uploaded.suggestedMapping,
    },
  );
  if (commit.status !== 202) throw new Error(`POST /imports/…/commit → ${commit.status}`);
  acked.committed = true;
}

type ImportState = { status: string; processed: number; total: number; created: number };

/** Every acknowledged import is there, committed if its commit was acknowledged, and not half-written. */
export async function verifyImports(
  ws: Workspace,
  imports: AckedImport[],
  clientIdByName: Map<string, string>,
): Promise<{ verified: number; lost: string[]; halfWritten: string[] }> {
  const { api } = ws;
  const base = `/api/v1/workspaces/${ws.workspaceId}`;
  const lost: string[] = [];
  const halfWritten: string[] = [];
  let verified = 0;
  for (const a of imports) {
    const r = await api.request('GET', `${base}/imports/${a.id}`);
    const state = r.body as ImportState;
    if (r.status !== 200 || state.total !== a.total) {
      lost.push(`import ${a.id}: GET → ${r.status} ${JSON.stringify(r.body).slice(0, 120)}`);
      continue;
    }
    const clientId = clientIdByName.get(a.clientName);
    let stored = 0;
    if (clientId) {
      const page = await api.must<{ items: unknown[]; nextCursor: string | null }>(
        'GET',
        `${base}/clients/${clientId}/contacts?limit=200`,
      );
      stored = page.items.length;
      let cursor = page.nextCursor;
      while (cursor) {
        const next = await api.must<{ items: unknown[]; nextCursor: string | null }>(
          'GET',
          `${base}/clients/${clientId}/contacts?limit=200&cursor=${encodeURIComponent(cursor)}`,
        );
        stored += next.items.length;
        cursor = next.nextCursor;
      }
    }
    console.log(
      `  import ${a.id.slice(-6)}: ${state.status}, ${state.processed}/${state.total} rows processed, ` +
        `${state.created} created, ${stored} stored`,
    );
    if (stored !== state.created) {
      halfWritten.push(
        `import ${a.id}: ${stored} contacts stored, but its progress says ${state.created} created`,
      );
    } else verified++;
  }
  return { verified, lost, halfWritten };
}
