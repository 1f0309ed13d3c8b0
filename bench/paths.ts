// The key paths, each as the HTTP request the app answers and the floor: the minimal SQL giving the same
// answer (same filters, same LIMIT 51, the joins the returned fields need, one statement). Adding a path
// when its feature lands is adding an entry here; until then it is listed as not built, never faked.
import { newId } from '../src/server/platform/ids';
import type { Measured } from './datasets';
import { balanceFloor, healthFloor, portfolioFloor, SEARCH_TERM, searchFloor } from './paths-insights';

export type Request = { method: 'GET' | 'POST'; path: string; body?: string };
export type { Statement } from './paths-insights';

import type { Statement } from './paths-insights';

export type BenchPath = {
  key: string;
  title: string;
  /** Read paths carry the overhead and growth targets; the write is measured for information. */
  kind: 'read' | 'write';
  /** The n-th request and the n-th floor statement: both rotate through the same inputs. */
  app?: (m: Measured, n: number) => Request;
  floor?: (m: Measured, n: number) => Statement;
  /** Why there is nothing to measure yet, as the table says it. */
  pending?: string;
};

const LIST_STAGE = 'advisory';
const ws = (m: Measured) => `/api/v1/workspaces/${m.workspaceId}`;
const rotate = (ids: string[], n: number) => ids[n % ids.length]!;

/**
 * A relationship row as the API returns it: client, team, owner, services, latest touchpoint. The page is cut
 * with only the client joined (the order needs its name); team and owner are joined to the 51 rows after.
 */
const relationshipSelect = (where: string, tail: string, order = 'page.client_name, page.id') => `
  WITH page AS (
    SELECT r.*, c.name AS client_name, c.kind AS client_kind
    FROM relationships r
    JOIN clients c ON c.workspace_id = r.workspace_id AND c.id = r.client_id
    WHERE ${where}
    ${tail}
  )
  SELECT page.*, t.name AS team_name, u.name AS owner_name,
    (SELECT coalesce(json_agg(json_build_object('id', s.id, 'name', s.name, 'kind', s.kind) ORDER BY s.name, s.id), '[]')
       FROM relationship_services rs
       JOIN services s ON s.workspace_id = rs.workspace_id AND s.id = rs.service_id
       WHERE rs.workspace_id = page.workspace_id AND rs.relationship_id = page.id) AS services,
    (SELECT max(tp.occurred_at) FROM touchpoints tp
       WHERE tp.workspace_id = page.workspace_id AND tp.relationship_id = page.id) AS last_touchpoint_at
  FROM page
  JOIN teams t ON t.workspace_id = page.workspace_id AND t.id = page.team_id
  LEFT JOIN users u ON u.id = page.owner_id
  ORDER BY ${order}`;

/**
 * A page as one JSON text, as the app reads its lists and timeline (db/json-rows.ts): a field for the driver
 * to decode, not every field of every row. The floor reads them the same way, so it stays the cheaper side.
 */
const asJson = (text: string, empty = "'[]'") =>
  `SELECT coalesce(json_agg(x), ${empty})::text AS rows FROM (${text}) x`;

const touchpointBody = (n: number) => ({
  kind: 'call',
  initiatedBy: n % 2 === 0 ? 'provider' : 'client',
  occurredAt: new Date(Date.UTC(2026, 9, 1) + n * 60_000).toISOString(),
  summary: `Bench call number ${n} about next quarter`,
  visibility: 'internal',
});

export const benchPaths: BenchPath[] = [
  {
    key: 'list',
    title: 'relationship list (50, stage filter)',
    kind: 'read',
    app: (m) => ({ method: 'GET', path: `${ws(m)}/relationships?limit=50&stage=${LIST_STAGE}` }),
    floor: (m) => ({
      text: asJson(
        relationshipSelect('r.workspace_id = $1 AND r.stage = $2', 'ORDER BY c.name, r.id LIMIT 51'),
      ),
      params: [m.workspaceId, LIST_STAGE],
    }),
  },
  {
    // The "who is due" view: no index serves this order yet (docs/decisions/006), so it reads the tenant.
    key: 'listByDue',
    title: 'relationship list (50, by next check-in)',
    kind: 'read',
    app: (m) => ({ method: 'GET', path: `${ws(m)}/relationships?limit=50&sort=nextCheckInDue` }),
    floor: (m) => ({
      text: asJson(
        relationshipSelect(
          'r.workspace_id = $1',
          `ORDER BY coalesce(r.next_check_in_due, '9999-12-31'::date), r.id LIMIT 51`,
          `coalesce(page.next_check_in_due, '9999-12-31'::date), page.id`,
        ),
      ),
      params: [m.workspaceId],
    }),
  },
  {
    key: 'detail',
    title: 'relationship page: detail',
    kind: 'read',
    app: (m, n) => ({ method: 'GET', path: `${ws(m)}/relationships/${rotate(m.readIds, n)}` }),
    floor: (m, n) => ({
      text: relationshipSelect('r.workspace_id = $1 AND r.id = $2', 'LIMIT 1'),
      params: [m.workspaceId, rotate(m.readIds, n)],
    }),
  },
  {
    key: 'timeline',
    title: 'relationship page: first timeline page',
    kind: 'read',
    app: (m, n) => ({
      method: 'GET',
      path: `${ws(m)}/relationships/${rotate(m.readIds, n)}/touchpoints?limit=50`,
    }),
    // One statement tells an unknown relationship (no row: null) from an empty timeline (one null row).
    floor: (m, n) => ({
      text: asJson(
        `SELECT tp.*, u.name AS creator_name
        FROM relationships r
        LEFT JOIN LATERAL (
          SELECT * FROM touchpoints tp
          WHERE tp.workspace_id = r.workspace_id AND tp.relationship_id = r.id
          ORDER BY tp.occurred_at DESC, tp.id DESC LIMIT 51
        ) tp ON true
        LEFT JOIN users u ON u.id = tp.created_by
        WHERE r.workspace_id = $1 AND r.id = $2
        ORDER BY tp.occurred_at DESC, tp.id DESC`,
        'NULL',
      ),
      params: [m.workspaceId, rotate(m.readIds, n)],
    }),
  },
  {
    key: 'health',
    title: 'health of one relationship',
    kind: 'read',
    app: (m, n) => ({ method: 'GET', path: `${ws(m)}/relationships/${rotate(m.readIds, n)}/health` }),
    floor: (m, n) => healthFloor(m, rotate(m.readIds, n)),
  },
  {
    key: 'portfolio',
    title: 'portfolio insights',
    kind: 'read',
    app: (m) => ({ method: 'GET', path: `${ws(m)}/insights/portfolio` }),
    floor: (m) => portfolioFloor(m),
  },
  {
    key: 'balance',
    title: 'balance insights (workspace, 12 months)',
    kind: 'read',
    app: (m) => ({ method: 'GET', path: `${ws(m)}/insights/balance` }),
    floor: (m) => balanceFloor(m),
  },
  {
    key: 'search',
    title: `search ("${SEARCH_TERM}", 5 per kind)`,
    kind: 'read',
    app: (m) => ({ method: 'GET', path: `${ws(m)}/search?q=${SEARCH_TERM}` }),
    floor: (m) => searchFloor(m),
  },
  {
    key: 'createTouchpoint',
    title: 'creating a touchpoint',
    kind: 'write',
    app: (m, n) => ({
      method: 'POST',
      path: `${ws(m)}/relationships/${rotate(m.writeIds, n)}/touchpoints`,
      body: JSON.stringify(touchpointBody(n)),
    }),
    // The same effects in one statement: the row (only under an existing relationship), its audit entry,
    // and the answer with the creator's name.
    floor: (m, n) => {
      const b = touchpointBody(n);
      return {
        text: `WITH ins AS (
            INSERT INTO touchpoints (workspace_id, id, relationship_id, kind, initiated_by, occurred_at, summary,
                                     discoveries, visibility, created_by, created_at, updated_at)
            SELECT r.workspace_id, $3, r.id, $4, $5, $6, $7, NULL, $8, $9, now(), now()
            FROM relationships r WHERE r.workspace_id = $1 AND r.id = $2
            RETURNING *
          ), audit AS (
            INSERT INTO audit_events (workspace_id, id, actor_kind, actor_id, action, entity_type, entity_id)
            SELECT ins.workspace_id, $10, 'user', $9, 'touchpoint.created', 'touchpoint', ins.id::text FROM ins
          )
          SELECT ins.*, u.name AS creator_name FROM ins LEFT JOIN users u ON u.id = ins.created_by`,
        params: [
          m.workspaceId,
          rotate(m.writeIds, n),
          newId(),
          b.kind,
          b.initiatedBy,
          b.occurredAt,
          b.summary,
          b.visibility,
          m.userId,
          newId(),
        ],
      };
    },
  },
];
