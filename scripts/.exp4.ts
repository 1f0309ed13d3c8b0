import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, RealServer, seedWorkspace } from './real-server';
const dataDir = mkdtempSync(join(tmpdir(), 'st-'));
const s = await RealServer.start({ kind: 'embedded', dataDir }, await freePort());
const ws = await seedWorkspace(s.baseUrl, 'x');
const b = `/api/v1/workspaces/${ws.workspaceId}`;
const kinds: Record<string, () => Promise<unknown>> = {
  healthz: () => fetch(`${s.baseUrl}/healthz`).then((r) => r.text()),
  teams: () => ws.api.must('GET', `${b}/teams?limit=50`),
  rel: () => ws.api.must('GET', `${b}/relationships/${ws.relationshipId}`),
  rels: () => ws.api.must('GET', `${b}/relationships?limit=50`),
  tps: () => ws.api.must('GET', `${b}/relationships/${ws.relationshipId}/touchpoints?limit=50`),
  createTp: () => ws.api.must('POST', `${b}/relationships/${ws.relationshipId}/touchpoints`, { kind: 'call', initiatedBy: 'client', occurredAt: new Date().toISOString(), summary: 'x', visibility: 'internal' }),
};
for (const [k, f] of Object.entries(kinds)) {
  for (let i = 0; i < 5; i++) await f();
  const t = performance.now();
  for (let i = 0; i < 30; i++) await f();
  console.log(k, ((performance.now() - t) / 30).toFixed(1), 'ms');
}
await s.stop();
