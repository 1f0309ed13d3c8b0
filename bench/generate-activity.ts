// The rows health, the portfolio, the balance and search read beyond the relationships themselves: check-ins,
// topics, experiments, reflections, time entries, pulse rounds and their answers. All in proportion to each
// workspace's relationships (or teams), made by INSERT … SELECT like the rest, so the same seed gives the
// same rows. Draws per relationship come from md5 of its (seeded) id, so they need no row number.

/** Per relationship (or team): how many of each, at both scales. */
export const PER_RELATIONSHIP = { checkIns: 8, topics: 4, timeEntries: 24, clientRounds: 4 } as const;
export const PER_TEAM = { reflections: 24, employeeRounds: 8 } as const;

const arr = (items: string[]) => `ARRAY[${items.map((s) => `'${s.replaceAll("'", "''")}'`).join(',')}]`;
const TOPICS = arr([
  'Capacity planning for the spring launch',
  'Their new warehouse in the north',
  'Reporting that their board can read',
  'Harbour expansion and what it means for us',
  'Onboarding their second operations team',
  'A shared roadmap for next year',
  'Faster approvals on change requests',
  'Data quality in the monthly export',
]);
const TOPIC_STATUS = arr(['proposed', 'exploring', 'agreed', 'done', 'declined']);
const AGENDA = `'{"businessUpdate":{"title":"Business update","questions":[]},"unusedCapacity":{"title":"Unused capacity","questions":[]},"furtherTopics":{"title":"Further topics","questions":[]},"waysOfWorking":{"title":"Ways of working","questions":[]}}'::jsonb`;

/** The statements, in foreign-key order; `BASE` is the generator's fixed "now" of the data. */
export function activityStatements(
  seed: number,
  BASE: string,
  asUuid: (hex: string) => string,
): Array<[table: string, sql: string]> {
  // A draw in [0, 2^31) from a key expression; `salt` separates independent draws of the same row.
  const h = (key: string, salt: number) =>
    `(('x' || substr(md5(${key} || ':${seed}:${salt}'), 1, 8))::bit(32)::int & 2147483647)`;
  const id = (kind: string, key: string) => asUuid(`md5('${seed}:${kind}:' || ${key})`);
  const rk = `r.id::text || ':' || j`;
  const tk = `t.id::text || ':' || j`;
  return [
    [
      // One per cadence back from the data's now, the next one still scheduled; 80% of the past ones held.
      'check_ins',
      `INSERT INTO check_ins (workspace_id, id, relationship_id, scheduled_for, duration_minutes, status, held_at,
                             agenda, attendees, created_by, created_at, updated_at)
       SELECT r.workspace_id, ${id('checkin', rk)}, r.id, s.at, 60,
              CASE WHEN s.at > ${BASE} THEN 'scheduled' WHEN ${h(rk, 1)} % 10 < 8 THEN 'held' ELSE 'skipped' END,
              CASE WHEN s.at <= ${BASE} AND ${h(rk, 1)} % 10 < 8 THEN s.at END,
              ${AGENDA}, '[]'::jsonb, r.owner_id, s.at - interval '14 days', s.at
       FROM relationships r, generate_series(-1, ${PER_RELATIONSHIP.checkIns - 2}) j,
            LATERAL (SELECT ${BASE} - make_interval(days => j * r.cadence_days + ${h(rk, 2)} % 5) AS at) s`,
    ],
    [
      // Raised over the last 18 months, 40% by the client.
      'topics',
      `INSERT INTO topics (workspace_id, id, relationship_id, title, raised_by, status, author_kind, author_user_id,
                           author_name, status_changed_at, created_at, updated_at)
       SELECT r.workspace_id, ${id('topic', rk)}, r.id, (${TOPICS})[1 + ${h(rk, 3)} % 8],
              CASE WHEN ${h(rk, 4)} % 100 < 40 THEN 'client' ELSE 'provider' END,
              (${TOPIC_STATUS})[1 + ${h(rk, 5)} % 5],
              CASE WHEN ${h(rk, 4)} % 100 < 40 THEN 'contact' ELSE 'member' END,
              CASE WHEN ${h(rk, 4)} % 100 >= 40 THEN r.owner_id END,
              CASE WHEN ${h(rk, 4)} % 100 < 40 THEN 'Client contact' ELSE 'Bench member' END,
              s.at, s.at, s.at
       FROM relationships r, generate_series(0, ${PER_RELATIONSHIP.topics - 1}) j,
            LATERAL (SELECT ${BASE} - make_interval(days => ${h(rk, 6)} % 540, mins => ${h(rk, 7)} % 1440) AS at) s`,
    ],
    [
      // One in five relationships has run (or runs, or plans) a two-month experiment in the last 13 months.
      'experiments',
      `INSERT INTO experiments (workspace_id, id, relationship_id, team_id, title, hypothesis, protected_hours,
                                starts_on, ends_on, status, started_at, ended_at, created_by, created_at, updated_at)
       SELECT r.workspace_id, ${id('experiment', `r.id::text`)}, r.id, r.team_id,
              'Shadow their planners for a week', 'Seeing the work first-hand shows needs they have not named', 16,
              d.starts_on, d.starts_on + 60,
              CASE WHEN d.starts_on > ${BASE}::date THEN 'planned' WHEN d.starts_on + 60 >= ${BASE}::date THEN 'running'
                   WHEN ${h('r.id::text', 9)} % 10 = 0 THEN 'stopped' ELSE 'concluded' END,
              CASE WHEN d.starts_on <= ${BASE}::date THEN d.starts_on::timestamptz END,
              CASE WHEN d.starts_on + 60 < ${BASE}::date THEN (d.starts_on + 60)::timestamptz END,
              r.owner_id, d.starts_on - 14, d.starts_on
       FROM relationships r,
            LATERAL (SELECT (${BASE} - make_interval(days => ${h('r.id::text', 8)} % 400 - 20))::date AS starts_on) d
       WHERE ${h('r.id::text', 10)} % 5 = 0`,
    ],
    [
      // A team reflection about once a month for two years.
      'reflections',
      `INSERT INTO reflections (workspace_id, id, team_id, held_on, happening, emerging, surprisingly_well,
                                harder_than_expected, needs, created_at, updated_at)
       SELECT t.workspace_id, ${id('reflection', tk)}, t.id, s.held_on,
              'Two clients asked for more of our time', 'A pattern of late approvals', 'The joint workshop',
              'Protecting hours for partnership work', 'A quieter week before each launch', s.held_on, s.held_on
       FROM teams t, generate_series(0, ${PER_TEAM.reflections - 1}) j,
            LATERAL (SELECT (${BASE} - make_interval(months => j, days => ${h(tk, 11)} % 20))::date AS held_on) s`,
    ],
    [
      // Over the last year: billable 60%, partnership 15% (on the relationship), learning and internal 25%
      // (on the team only). The member is one of the workspace's.
      'time_entries',
      `INSERT INTO time_entries (workspace_id, id, member_id, relationship_id, team_id, date, hours, kind, note,
                                 created_by, created_at, updated_at)
       SELECT r.workspace_id, ${id('time', rk)}, e.member, CASE WHEN e.kind IN ('billable', 'partnership') THEN r.id END,
              r.team_id, e.day, 0.5 + (${h(rk, 12)} % 16) * 0.5, e.kind, NULL, e.member, e.day, e.day
       FROM relationships r JOIN bench_plan p ON p.ws_id = r.workspace_id,
            generate_series(0, ${PER_RELATIONSHIP.timeEntries - 1}) j,
            LATERAL (SELECT ${asUuid(`md5('${seed}:user:' || p.ws_no || ':' || (${h(rk, 13)} % p.members))`)} AS member,
                            (${BASE} - make_interval(days => ${h(rk, 14)} % 365))::date AS day,
                            CASE WHEN ${h(rk, 15)} % 100 < 60 THEN 'billable' WHEN ${h(rk, 15)} % 100 < 75 THEN 'partnership'
                                 WHEN ${h(rk, 15)} % 100 < 85 THEN 'learning' ELSE 'internal' END AS kind) e`,
    ],
    [
      // Client rounds: one per relationship each half year; employee rounds: one per team each quarter.
      // No reminder is pending, so the reminder worker has nothing to do during a run.
      'pulses',
      `INSERT INTO pulses (workspace_id, id, kind, title, relationship_id, team_id, subject, target, closes_on,
                           reminder_state, created_by, created_at, updated_at)
       SELECT r.workspace_id, ${id('pulse', rk)}, 'client', 'How are we doing together?', r.id, NULL,
              'Bench team', 'One relationship', s.closes_on, 'none', r.owner_id, s.closes_on - 14, s.closes_on - 14
       FROM relationships r, generate_series(0, ${PER_RELATIONSHIP.clientRounds - 1}) j,
            LATERAL (SELECT (${BASE} - make_interval(months => 6 * j, days => ${h(rk, 16)} % 30))::date AS closes_on) s
       UNION ALL
       SELECT t.workspace_id, ${id('pulse', `'team:' || ${tk}`)}, 'employee', 'Room to work differently?', NULL, t.id,
              t.name, 'Team ' || t.name, s.closes_on, 'none', NULL, s.closes_on - 14, s.closes_on - 14
       FROM teams t, generate_series(0, ${PER_TEAM.employeeRounds - 1}) j,
            LATERAL (SELECT (${BASE} - make_interval(months => 3 * j, days => ${h(tk, 17)} % 30))::date AS closes_on) s`,
    ],
    [
      // 1–3 client answers per client round; 2–7 anonymous answers per employee round (some below the
      // threshold of three, so hidden averages occur).
      'pulse_answers',
      `INSERT INTO pulse_answers (workspace_id, id, pulse_id, recipient_id, relationship_id, score, second_score,
                                  comment, answered_at)
       SELECT pu.workspace_id, ${id('answer', `pu.id::text || ':' || a`)}, pu.id, NULL, pu.relationship_id,
              ${h(`pu.id::text || ':' || a`, 18)} % 11,
              CASE WHEN pu.kind = 'employee' THEN ${h(`pu.id::text || ':' || a`, 19)} % 11 END,
              NULL, CASE WHEN pu.kind = 'client' THEN pu.closes_on - 3 END
       FROM pulses pu,
            generate_series(0, CASE WHEN pu.kind = 'client' THEN ${h('pu.id::text', 20)} % 3 ELSE 1 + ${h('pu.id::text', 20)} % 6 END) a`,
    ],
  ];
}
