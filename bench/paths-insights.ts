// The floors of the computed answers: health of one relationship, the portfolio, the balance and search.
// Health and the balance are computed in JS by the domain rules from bounded inputs, so their floor is one
// statement returning exactly those inputs (same windows, caps and filters as the app's read models); the
// portfolio and search are answered by the database, so their floor is the answer itself in one statement.
import { WINDOW_MONTHS } from '../src/domain/balance';
import { addMonths, firstDay } from '../src/domain/balance.calendar';
import { MOMENTUM_DAYS, TWO_WAY_DAYS } from '../src/domain/health';
import { monthsOf } from '../src/server/features/balance/balance.store';
import type { Measured } from './datasets';

export type Statement = { text: string; params: unknown[] };

const DAY = 86_400_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY));

/** Per relationship, at most this many touchpoints and topics, and the last 6 held check-ins (health.inputs.ts). */
const PER_RELATIONSHIP = 120;
const HELD = 6;

/** Pulse rounds with answers as (key, round) aggregates, oldest first, as pulse-series.ts groups them. */
const rounds = (key: string, where: string) => `
  (SELECT coalesce(json_agg(x ORDER BY x.closes_on, x.created_at, x.id), '[]') FROM (
     SELECT ${key} AS key, p.id, p.title, p.closes_on, p.created_at, count(*)::int AS n, avg(pa.score)::float8 AS mean
     FROM pulse_answers pa JOIN pulses p ON p.workspace_id = pa.workspace_id AND p.id = pa.pulse_id
     WHERE ${where}
     GROUP BY ${key}, p.workspace_id, p.id, p.title, p.closes_on, p.created_at) x)`;

export function healthFloor(m: Measured, relationshipId: string): Statement {
  const today = dayOf(new Date());
  const end = `${addDays(today, 1)}T00:00:00.000Z`;
  const from = `${addDays(today, -TWO_WAY_DAYS)}T00:00:00.000Z`;
  const same = (t: string) => `${t}.workspace_id = r.workspace_id AND ${t}.relationship_id = r.id`;
  return {
    text: `SELECT r.id, r.team_id, r.cadence_days, r.status, r.stage, r.created_at,
      (SELECT coalesce(json_agg(json_build_object('stage', a.stage, 'at', a.assessed_at) ORDER BY a.assessed_at), '[]')
         FROM assessments a WHERE ${same('a')} AND a.assessed_at <= $3) AS stages,
      (SELECT coalesce(json_agg(c), '[]') FROM (
         SELECT c.id, c.held_at FROM check_ins c WHERE ${same('c')} AND c.status = 'held' AND c.held_at <= $3
         ORDER BY c.held_at DESC LIMIT ${HELD}) c) AS held,
      (SELECT coalesce(json_agg(t), '[]') FROM (
         SELECT t.id, t.kind, t.initiated_by, t.occurred_at, t.summary FROM touchpoints t
         WHERE ${same('t')} AND t.occurred_at >= $4 AND t.occurred_at <= $3
         ORDER BY t.occurred_at DESC LIMIT ${PER_RELATIONSHIP}) t) AS touchpoints,
      (SELECT coalesce(json_agg(t), '[]') FROM (
         SELECT t.id, t.title, t.raised_by, t.created_at FROM topics t
         WHERE ${same('t')} AND t.created_at >= $4 AND t.created_at <= $3
         ORDER BY t.created_at DESC LIMIT ${PER_RELATIONSHIP}) t) AS topics,
      (SELECT coalesce(json_agg(e), '[]') FROM (
         SELECT e.id, e.title, e.starts_on, e.ends_on, e.status FROM experiments e
         WHERE ${same('e')} AND e.starts_on <= $5 AND e.ends_on >= $6 AND e.status <> 'stopped') e) AS experiments,
      ${rounds('pa.relationship_id', `pa.workspace_id = r.workspace_id AND pa.relationship_id = r.id AND p.kind = 'client'`)} AS client_pulse,
      ${rounds('p.team_id', `p.workspace_id = r.workspace_id AND p.team_id = r.team_id AND p.kind = 'employee' AND pa.workspace_id = r.workspace_id`)} AS team_pulse
    FROM relationships r WHERE r.workspace_id = $1 AND r.id = $2`,
    params: [m.workspaceId, relationshipId, end, from, today, addDays(today, -MOMENTUM_DAYS)],
  };
}

/** The relationship as the portfolio names it: client, team, stage, level. */
const ref = (r: string) => `json_build_object('id', ${r}.id, 'clientName', c.name, 'teamName', tm.name,
  'stage', ${r}.stage, 'pyramidLevel', ${r}.pyramid_level)`;
const named = (r: string) => `JOIN clients c ON c.workspace_id = ${r}.workspace_id AND c.id = ${r}.client_id
  JOIN teams tm ON tm.workspace_id = ${r}.workspace_id AND tm.id = ${r}.team_id`;

/** Active relationships, inlined where used: each use then gets its own index path (a shared CTE is one scan). */
const ACTIVE = `(SELECT * FROM relationships WHERE workspace_id = $1 AND status = 'active')`;

/** A move's direction: the stage's step, or the level's when the stage stayed. */
const rank = (column: string, order: string[]) =>
  `array_position(ARRAY[${order.map((o) => `'${o}'`).join(', ')}]::text[], ${column})`;
const STAGES = ['transactional', 'advisory', 'partnership', 'co_creation'];
const LEVELS = ['expectations', 'desires', 'unrecognized_needs'];
const DIRECTION = `CASE WHEN a.stage <> p.stage THEN sign(${rank('a.stage', STAGES)} - ${rank('p.stage', STAGES)})
  ELSE sign(${rank('a.pyramid_level', LEVELS)} - ${rank('p.pyramid_level', LEVELS)}) END::int`;

export function portfolioFloor(m: Measured): Statement {
  const today = dayOf(new Date());
  const dueList = (cond: string) => `(SELECT coalesce(json_agg(x ORDER BY x.due, x.id), '[]') FROM (
      SELECT r.id, r.next_check_in_due AS due, ${ref('r')} AS relationship FROM ${ACTIVE} r ${named('r')}
      WHERE ${cond} ORDER BY r.next_check_in_due, r.id LIMIT 10) x)`;
  return {
    text: `WITH moves AS (
        SELECT mv.*, row_number() OVER (ORDER BY mv.at DESC, mv.id DESC) AS rn FROM (
          SELECT a.id, a.relationship_id, a.stage, a.pyramid_level AS level, a.assessed_at AS at, a.note,
                 p.stage AS prev_stage, p.pyramid_level AS prev_level, ${DIRECTION} AS dir
          FROM assessments a
          LEFT JOIN LATERAL (
            SELECT b.stage, b.pyramid_level FROM assessments b
            WHERE b.workspace_id = a.workspace_id AND b.relationship_id = a.relationship_id
              AND (b.assessed_at, b.id) < (a.assessed_at, a.id)
            ORDER BY b.assessed_at DESC, b.id DESC LIMIT 1) p ON true
          WHERE a.workspace_id = $1 AND a.assessed_at >= $3::timestamptz
          ORDER BY a.assessed_at DESC, a.id DESC LIMIT 200) mv
        WHERE mv.prev_stage IS NOT NULL AND (mv.prev_stage <> mv.stage OR mv.prev_level <> mv.level))
      SELECT
        (SELECT coalesce(json_agg(g), '[]') FROM (SELECT stage, pyramid_level, sum(relationships)::int AS count
           FROM portfolio_counts WHERE workspace_id = $1 GROUP BY 1, 2) g) AS grid,
        (SELECT coalesce(json_agg(b), '[]') FROM (SELECT band, sum(relationships)::int AS count
           FROM portfolio_counts WHERE workspace_id = $1 AND band IS NOT NULL GROUP BY 1) b) AS bands,
        (SELECT coalesce(sum(relationships), 0)::int FROM portfolio_counts WHERE workspace_id = $1 AND band IS NULL) AS unscored,
        (SELECT coalesce(json_agg(x ORDER BY x.risk_rank DESC, x.id), '[]') FROM (
           SELECT h.relationship_id AS id, h.risk_rank, h.score, h.risks, ${ref('r')} AS relationship
           FROM relationship_health h JOIN ${ACTIVE} r ON r.id = h.relationship_id ${named('r')}
           WHERE h.workspace_id = $1 AND h.risk_count > 0 ORDER BY h.risk_rank DESC, h.relationship_id LIMIT 10) x) AS risks,
        (SELECT coalesce(sum(relationships), 0)::int FROM portfolio_counts WHERE workspace_id = $1 AND at_risk) AS at_risk,
        ${dueList('r.next_check_in_due < $2::date')} AS overdue,
        (SELECT count(*)::int FROM ${ACTIVE} a WHERE next_check_in_due < $2::date) AS overdue_count,
        ${dueList(`r.next_check_in_due BETWEEN $2::date AND $2::date + 14`)} AS upcoming,
        (SELECT count(*)::int FROM ${ACTIVE} a WHERE next_check_in_due BETWEEN $2::date AND $2::date + 14) AS upcoming_count,
        (SELECT json_build_object('up', count(*) FILTER (WHERE dir > 0), 'down', count(*) FILTER (WHERE dir < 0))
           FROM moves) AS move_counts,
        (SELECT coalesce(json_agg(json_build_object('id', mv.id, 'stage', mv.stage, 'level', mv.level,
                  'prevStage', mv.prev_stage, 'prevLevel', mv.prev_level, 'at', mv.at, 'note', mv.note,
                  'dir', mv.dir, 'relationship', ${ref('r')}) ORDER BY mv.rn), '[]')
           FROM moves mv JOIN relationships r ON r.workspace_id = $1 AND r.id = mv.relationship_id ${named('r')}
           WHERE mv.rn <= 20) AS movements`,
    params: [m.workspaceId, today, `${addDays(today, -90)}T00:00:00.000Z`],
  };
}

/** The balance of the whole workspace over the default twelve months: every input, one statement. */
export function balanceFloor(m: Measured): Statement {
  const today = dayOf(new Date());
  const months = monthsOf({}, today);
  const dataFrom = firstDay(addMonths(months[0]!, -(WINDOW_MONTHS - 1)));
  const start = `${dataFrom}T00:00:00Z`;
  const end = `${today}T23:59:59.999Z`;
  const agg = (q: string) => `(SELECT coalesce(json_agg(x), '[]') FROM (${q}) x)`;
  // Each window's first 50 taken before the join that names their team, as the app reads them
  // (balance.tallies#perWindow). The app also reads a flagged team's own last month (one in the bench's
  // data); the floor leaves it out, so it counts against the app.
  const firstOfEach = (first: string) => `SELECT DISTINCT x.* FROM windows w CROSS JOIN LATERAL (${first}) x`;
  const relTeam = (t: string) =>
    `JOIN relationships r ON r.workspace_id = ${t}.workspace_id AND r.id = ${t}.relationship_id`;
  // The months whose records the answer lists: the last (the app's default, `evidence=latest`).
  const shown = months.slice(-1);
  return {
    // The windows of the months shown, for their first check-ins and topics, moves and client pulse rounds.
    // The months as a list, not generate_series: its estimate of 1,000 rows priced the statement high enough
    // for PostgreSQL to compile it (JIT, ~1 s at L) — none of the app's statements is priced that high.
    text: `WITH months AS (SELECT m::date FROM (VALUES ${shown.map((_, i) => `($${6 + i}::date)`).join(', ')}) AS v(m)),
      starts AS (SELECT (created_at at time zone 'UTC')::date AS since, m FROM workspaces, months WHERE id = $1),
      windows AS (SELECT (m - interval '2 months')::date AS from_day,
                    greatest((m - interval '2 months')::date, since) AS active_from,
                    least((m + interval '1 month' - interval '1 day')::date, $5::date) AS to_day FROM starts),
      -- The relationships the progression part shows: the window's 50 latest moves', then as many of the first
      -- to start as leaves room for (one window: the month shown).
      window_moves AS MATERIALIZED (
        SELECT x.id FROM windows w CROSS JOIN LATERAL (
          SELECT m.relationship_id AS id FROM standing_moves m
          WHERE m.workspace_id = $1 AND m.assessed_at >= w.from_day::timestamp at time zone 'UTC'
            AND m.assessed_at < (w.to_day + 1)::timestamp at time zone 'UTC'
          ORDER BY m.assessed_at DESC, m.assessment_id DESC LIMIT 50) x),
      evidence_relationships AS MATERIALIZED (
        SELECT DISTINCT id FROM (
          SELECT id FROM window_moves
          UNION ALL
          (SELECT id FROM relationships WHERE workspace_id = $1 ORDER BY (created_at at time zone 'UTC')::date, id
           LIMIT 50 - (SELECT count(*) FROM window_moves))) e),
      -- Client pulse rounds closed by today per team and month, and per month across the workspace: past months
      -- from their rollup (migration 0015), this month from its rounds closed by today.
      pulse_months AS (SELECT team_id, to_char(month, 'YYYY-MM') AS month, rounds, answers AS responses, score_sum
                       FROM client_pulse_months WHERE workspace_id = $1 AND month < date_trunc('month', $5::date)
                       UNION ALL
                       SELECT team_id, to_char($5::date, 'YYYY-MM'), count(DISTINCT pulse_id)::int, sum(answers)::int,
                         sum(score_sum)::int
                       FROM client_pulse_rounds
                       WHERE workspace_id = $1 AND closes_on >= date_trunc('month', $5::date) AND closes_on <= $5::date
                         AND answers > 0
                       GROUP BY GROUPING SETS ((team_id), ()) HAVING count(*) > 0)
      SELECT
      ${agg(`SELECT id, name, created_at FROM teams WHERE workspace_id = $1`)} AS teams,
      (SELECT created_at FROM workspaces WHERE id = $1) AS workspace_created_at,
      ${agg(`SELECT team_id,
               least(greatest((date_trunc('month', day::timestamp) + interval '1 month - 1 day')::date, $4::date - 1), $5::date) AS day,
               sum(started)::int AS started, sum(units)::int AS units,
               ARRAY[sum(transactional)::int, sum(advisory)::int, sum(partnership)::int, sum(co_creation)::int] AS stages,
               sum(steps_up)::int AS up, sum(steps_down)::int AS down, sum(moves)::int AS moves,
               max(day) FILTER (WHERE steps_up > 0) AS last_up_on
             FROM standing_days WHERE workspace_id = $1 AND day <= $5::date GROUP BY 1, 2`)} AS standing_months,
      ${agg(`SELECT r.id, r.team_id, r.created_at, c.name AS label FROM evidence_relationships e
             JOIN relationships r ON r.workspace_id = $1 AND r.id = e.id
             JOIN clients c ON c.workspace_id = r.workspace_id AND c.id = r.client_id`)} AS relationships,
      ${agg(`SELECT a.id, a.relationship_id, r.team_id, a.assessed_at, a.stage, a.pyramid_level FROM evidence_relationships e
             JOIN relationships r ON r.workspace_id = $1 AND r.id = e.id
             JOIN assessments a ON a.workspace_id = $1 AND a.relationship_id = r.id
             WHERE a.assessed_at <= $3`)} AS assessments,
      ${agg(`SELECT team_id, to_char(month, 'YYYY-MM') AS month, kind, sum(hours)::text AS hours, sum(entries)::int AS entries
             FROM (SELECT team_id, month, kind, hours, entries FROM time_months
                   WHERE workspace_id = $1 AND month >= $4::date AND month <= $5::date
                   UNION ALL
                   SELECT team_id, date_trunc('month', date)::date, kind, -hours, -1 FROM time_entries
                   WHERE workspace_id = $1 AND date > $5::date AND date < date_trunc('month', $5::date) + interval '1 month') t
             GROUP BY 1, 2, 3 HAVING sum(entries) > 0`)} AS time,
      ${agg(`SELECT id, team_id, relationship_id, title, started_at, ended_at FROM experiments
             WHERE workspace_id = $1 AND started_at IS NOT NULL AND started_at <= $3 AND (ended_at IS NULL OR ended_at >= $2)`)} AS experiments,
      ${agg(`SELECT f.id, f.team_id, f.held_on, t.name AS team_name FROM reflections f
             JOIN teams t ON t.workspace_id = f.workspace_id AND t.id = f.team_id
             WHERE f.workspace_id = $1 AND f.held_on >= $4::date AND f.held_on <= $5::date`)} AS reflections,
      ${agg(`SELECT team_id, max(held_on)::text AS held_on FROM reflections WHERE workspace_id = $1 AND held_on <= $5::date GROUP BY 1`)} AS last_held,
      ${agg(`SELECT team_id, cadence_days FROM team_reflection_settings WHERE workspace_id = $1`)} AS cadences,
      ${agg(`SELECT b.team_id, to_char(max(b.day), 'YYYY-MM-DD') AS day, sum(b.check_ins_due)::int AS due,
               sum(b.check_ins_on_time)::int AS on_time, sum(b.topics_raised)::int AS raised,
               sum(b.topics_by_client)::int AS by_client
             FROM balance_days b JOIN teams t ON t.workspace_id = b.workspace_id AND t.id = b.team_id
             JOIN workspaces w ON w.id = b.workspace_id
             WHERE b.workspace_id = $1 AND b.day >= $4::date AND b.day <= $5::date
             GROUP BY b.team_id, date_trunc('month', b.day::timestamp), b.day >= (t.created_at AT TIME ZONE 'UTC')::date,
               b.day >= (w.created_at AT TIME ZONE 'UTC')::date`)} AS days,
      ${agg(
        firstOfEach(
          `SELECT c.*, r.team_id, cl.name AS client FROM (
            SELECT x.id, x.workspace_id, x.relationship_id, x.scheduled_for, x.held_at, x.status FROM check_ins x
            WHERE x.workspace_id = $1 AND x.scheduled_for >= w.active_from::timestamp at time zone 'UTC'
              AND x.scheduled_for < (w.to_day + 1)::timestamp at time zone 'UTC'
            ORDER BY x.scheduled_for, x.id LIMIT 50) c ${relTeam('c')}
            JOIN clients cl ON cl.workspace_id = r.workspace_id AND cl.id = r.client_id`,
        ),
      )} AS check_ins,
      ${agg(
        firstOfEach(
          `SELECT t.*, r.team_id FROM (
            SELECT x.id, x.workspace_id, x.relationship_id, x.title, x.raised_by, x.created_at FROM topics x
            WHERE x.workspace_id = $1 AND x.created_at >= w.from_day::timestamp at time zone 'UTC'
              AND x.created_at < (w.to_day + 1)::timestamp at time zone 'UTC'
            ORDER BY x.created_at, x.id LIMIT 50) t ${relTeam('t')}`,
        ),
      )} AS topics,
      ${agg(`SELECT team_id, month, rounds, responses, score_sum FROM pulse_months`)} AS client_pulse_months,
      ${agg(`SELECT x.* FROM (SELECT DISTINCT s.month FROM months m CROSS JOIN LATERAL (
               SELECT month FROM pulse_months WHERE team_id IS NULL AND month <= to_char(m.m, 'YYYY-MM')
               ORDER BY month DESC LIMIT 2) s) shown
             CROSS JOIN LATERAL (
               SELECT pulse_id, min(title) AS title, closes_on, sum(answers)::int AS answers, sum(score_sum)::int AS score_sum
               FROM client_pulse_rounds
               WHERE workspace_id = $1 AND closes_on >= to_date(shown.month, 'YYYY-MM')
                 AND closes_on < (to_date(shown.month, 'YYYY-MM') + interval '1 month')::date
                 AND closes_on <= $5::date AND answers > 0
               GROUP BY closes_on, pulse_id ORDER BY closes_on, pulse_id LIMIT 50) x`)} AS client_pulse_rounds,
      ${rounds('p.team_id', `p.workspace_id = $1 AND p.team_id IN (SELECT id FROM teams WHERE workspace_id = $1) AND p.kind = 'employee' AND pa.workspace_id = $1`)} AS team_pulse`,
    params: [m.workspaceId, start, end, dataFrom, today, ...shown.map((month) => firstDay(month))],
  };
}

export const SEARCH_TERM = 'silver';
const HEADLINE = `StartSel=\uE000, StopSel=\uE001, MaxWords=28, MinWords=10, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
const KINDS = ['client', 'relationship', 'contact', 'topic', 'learning', 'knowledge', 'event'];

/**
 * The search answer (a member, every kind, 5 per kind): the app's ranking statement with the prefix query
 * as a constant — the tokenising round trip the app makes first is what the floor leaves out.
 */
export function searchFloor(m: Measured, limit = 5): Statement {
  const q = `to_tsquery('simple', '''${SEARCH_TERM}'':*')`;
  const scope = `d.workspace_id = $1::uuid`;
  const inKinds = `d.entity_type IN (${KINDS.map((k) => `'${k}'`).join(', ')})`;
  const perKind = KINDS.map(
    (k) => `(SELECT d.entity_type, d.entity_id, d.tsv FROM search_documents d
      WHERE ${scope} AND d.entity_type = '${k}' AND d.title_tsv @@ ${q} LIMIT 30)`,
  ).join(' UNION ALL ');
  return {
    text: `WITH m AS MATERIALIZED (
        SELECT d.entity_type, d.entity_id, d.tsv FROM search_documents d WHERE ${scope} AND ${inKinds} AND d.tsv @@ ${q} LIMIT 1000),
      broad AS (SELECT count(*) >= 1000 AS yes FROM m),
      t AS MATERIALIZED (
        SELECT d.entity_type, d.entity_id, d.tsv FROM search_documents d
        WHERE (SELECT yes FROM broad) AND ${scope} AND ${inKinds} AND d.title_tsv @@ ${q} LIMIT 1000),
      titles_broad AS (SELECT count(*) >= 1000 AS yes FROM t),
      cand AS (SELECT * FROM m UNION ALL SELECT * FROM t UNION ALL SELECT * FROM (${perKind}) k WHERE (SELECT yes FROM titles_broad)),
      ranked AS (SELECT DISTINCT ON (entity_type, entity_id) entity_type, entity_id, ts_rank(tsv, ${q}) AS rank FROM cand),
      numbered AS (SELECT ranked.*, row_number() OVER (PARTITION BY entity_type ORDER BY rank DESC, entity_id) AS n FROM ranked)
      SELECT d.entity_type, d.entity_id::text AS entity_id, d.title, d.subtitle, d.visibility,
             d.client_id::text AS client_id, d.parent_id::text AS parent_id, n.rank::float8 AS rank, n.n::int AS n,
             CASE WHEN n.n > ${limit} OR d.body = '' THEN '' ELSE ts_headline('simple', d.body, ${q}, '${HEADLINE}') END AS snippet
      FROM numbered n
      JOIN search_documents d ON d.workspace_id = $1::uuid AND d.entity_type = n.entity_type AND d.entity_id = n.entity_id
      WHERE n.n <= ${limit + 1}
      ORDER BY n.entity_type, n.n`,
    params: [m.workspaceId],
  };
}
