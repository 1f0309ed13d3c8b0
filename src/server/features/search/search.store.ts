// Search across everything a workspace holds: a read model over search_documents, which the features'
// stores keep current (search.index.ts). PostgreSQL full-text search, the same on PGlite and the server.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import {
  type SearchGroup,
  type SearchHit,
  type SearchKind,
  type SnippetPart,
  searchKinds,
} from './search.contract';
import type { SearchVisibility } from './search.table';

/** Who is searching: a member sees everything of the workspace; a client contact only what is shared with them. */
export type SearchAudience = { kind: 'member' } | { kind: 'contact'; clientId: string };

export type SearchOptions = {
  q: string;
  kinds?: SearchKind[];
  limit: number;
  audience: SearchAudience;
};

// Private-use characters mark the matches inside ts_headline's output; they are turned into text runs
// here, so no markup ever reaches a client and a stray marker in someone's text can only mis-highlight.
const START = '\uE000';
const STOP = '\uE001';
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=28, MinWords=10, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/** Up to this many matches are all ranked; past it, a query is broad and ranked from a sample. */
const EXACT = 1000;
/** For a broad query, the title matches that join the sample (so names are not lost)… */
const TITLES = 1000;
/** …and when even the titles are too many, the first title matches of every kind, so no kind is left out. */
const TITLES_PER_KIND = 30;

type Row = {
  entity_type: SearchKind;
  entity_id: string;
  title: string;
  subtitle: string;
  visibility: SearchVisibility;
  client_id: string | null;
  parent_id: string | null;
  rank: number;
  n: number;
  snippet: string;
};

/** `…${START}word${STOP}…` as runs of plain and matched text. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let text = '';
  for (const ch of marked) {
    if (ch === START || ch === STOP) {
      if (text) parts.push({ text, match });
      text = '';
      match = ch === START;
    } else text += ch;
  }
  if (text) parts.push({ text, match });
  return parts;
}

function audienceFilter(a: SearchAudience): SQL {
  return a.kind === 'member'
    ? sql`true`
    : sql`d.visibility = 'shared' AND (d.client_id IS NULL OR d.client_id = ${a.clientId}::uuid)`;
}

/**
 * The user's words as a prefix tsquery (`'fjord':* & 'line':*`), tokenised by PostgreSQL itself so they
 * split and fold exactly like the documents; null when there is no word in it at all.
 */
async function prefixQuery(db: Db, q: string): Promise<string | null> {
  const plain = plainPrefixQuery(q);
  if (plain !== undefined) return plain;
  return tokenisedByPostgres(db, q);
}

const PLAIN = /^[A-Za-z0-9 ]*$/;
/** PostgreSQL drops words of 2,047 characters or more from a tsvector; long words go to it as they are. */
const MAX_WORD = 100;

/**
 * The same tsquery without asking the database, for plain words (ASCII letters and digits between
 * spaces): PostgreSQL's parser keeps each such run whole and the 'simple' dictionary lowercases it, and
 * a tsvector's lexemes are distinct and in byte order. One statement less for almost every search;
 * `search.test.ts` checks it against PostgreSQL on generated input. Undefined: ask PostgreSQL.
 */
export function plainPrefixQuery(q: string): string | null | undefined {
  if (!PLAIN.test(q)) return undefined;
  const words = [...new Set(q.toLowerCase().split(' ').filter(Boolean))];
  if (words.some((w) => w.length > MAX_WORD)) return undefined;
  if (words.length === 0) return null;
  return words
    .sort()
    .map((w) => `'${w}':*`)
    .join(' & ');
}

export async function tokenisedByPostgres(db: Db, q: string): Promise<string | null> {
  const result = await db.execute(sql`
    SELECT string_agg(format('''%s'':*', replace(replace(w, '\\', '\\\\'), '''', '''''')), ' & ') AS tsq
    FROM unnest(tsvector_to_array(to_tsvector('simple', ${q}))) AS w`);
  return (result as unknown as { rows: Array<{ tsq: string | null }> }).rows[0]?.tsq ?? null;
}

/**
 * The best hits of each kind, ranked by ts_rank (title words weigh most), with highlighted snippets made
 * only for the hits returned. Every word must match, each also as a prefix ("fjo" finds Fjordline).
 *
 * Speed at any size: the query goes to the planner as a constant, so it sees how common the words are.
 * Up to EXACT matches are all ranked (one GIN scan). A broader query (two letters over 100k records) is
 * ranked from a sample: the first EXACT matches, the title matches, and, when even those are too many,
 * the first title matches of every kind. So it costs about as much as a narrow one, and names still come
 * first; asking for one `kind` narrows it further.
 */
export async function searchWorkspace(db: Db, workspaceId: string, o: SearchOptions): Promise<SearchGroup[]> {
  const tsq = await prefixQuery(db, o.q);
  if (!tsq) return [];
  const query = sql`to_tsquery('simple', ${tsq})`;
  const kinds: readonly SearchKind[] = o.kinds?.length ? o.kinds : searchKinds;
  const scope = sql`d.workspace_id = ${workspaceId}::uuid AND ${audienceFilter(o.audience)}`;
  const kindList = sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  );
  const perKindTitles = sql.join(
    kinds.map(
      (k) => sql`(SELECT d.entity_type, d.entity_id, d.tsv FROM search_documents d
        WHERE ${scope} AND d.entity_type = ${k} AND d.title_tsv @@ ${query} LIMIT ${TITLES_PER_KIND})`,
    ),
    sql` UNION ALL `,
  );
  const inKinds = sql`d.entity_type IN (${kindList})`;
  // Each step runs only when the one before it found too much: a narrow query costs one GIN scan.
  const result = await db.execute(sql`
    WITH m AS MATERIALIZED (
      SELECT d.entity_type, d.entity_id, d.tsv FROM search_documents d
      WHERE ${scope} AND ${inKinds} AND d.tsv @@ ${query}
      LIMIT ${EXACT}
    ),
    broad AS (SELECT count(*) >= ${EXACT} AS yes FROM m),
    t AS MATERIALIZED (
      SELECT d.entity_type, d.entity_id, d.tsv FROM search_documents d
      WHERE (SELECT yes FROM broad) AND ${scope} AND ${inKinds} AND d.title_tsv @@ ${query}
      LIMIT ${TITLES}
    ),
    titlesBroad AS (SELECT count(*) >= ${TITLES} AS yes FROM t),
    cand AS (
      SELECT * FROM m
      UNION ALL
      SELECT * FROM t
      UNION ALL
      SELECT * FROM (${perKindTitles}) k WHERE (SELECT yes FROM titlesBroad)
    ),
    ranked AS (
      SELECT DISTINCT ON (entity_type, entity_id) entity_type, entity_id, ts_rank(tsv, ${query}) AS rank
      FROM cand
    ),
    numbered AS (
      SELECT ranked.*, row_number() OVER (PARTITION BY entity_type ORDER BY rank DESC, entity_id) AS n
      FROM ranked
    )
    SELECT d.entity_type, d.entity_id::text AS entity_id, d.title, d.subtitle, d.visibility,
           d.client_id::text AS client_id, d.parent_id::text AS parent_id, n.rank::float8 AS rank, n.n::int AS n,
           CASE WHEN n.n > ${o.limit} OR d.body = '' THEN ''
                ELSE ts_headline('simple', d.body, ${query}, ${HEADLINE_OPTIONS}) END AS snippet
    FROM numbered n
    JOIN search_documents d
      ON d.workspace_id = ${workspaceId}::uuid AND d.entity_type = n.entity_type AND d.entity_id = n.entity_id
    WHERE n.n <= ${o.limit + 1}
    ORDER BY n.entity_type, n.n`);
  const rows = (result as unknown as { rows: Row[] }).rows;

  const groups = new Map<SearchKind, SearchGroup>();
  for (const r of rows) {
    let g = groups.get(r.entity_type);
    if (!g) {
      g = { kind: r.entity_type, hits: [], more: false };
      groups.set(r.entity_type, g);
    }
    if (r.n > o.limit) {
      g.more = true;
      continue;
    }
    const hit: SearchHit = {
      kind: r.entity_type,
      id: r.entity_id,
      title: r.title,
      subtitle: r.subtitle,
      snippet: snippetParts(r.snippet),
      visibility: r.visibility,
      clientId: r.client_id,
      parentId: r.parent_id,
      rank: Number(r.rank),
    };
    g.hits.push(hit);
  }
  // The kind holding the best hit comes first.
  return [...groups.values()].sort((a, b) => (b.hits[0]?.rank ?? 0) - (a.hits[0]?.rank ?? 0));
}
