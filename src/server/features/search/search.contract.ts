import { z } from 'zod';
import { id } from '../../platform/common.contract';

export const searchKinds = [
  'client',
  'relationship',
  'contact',
  'topic',
  'learning',
  'knowledge',
  'event',
] as const;
export const searchKind = z.enum(searchKinds, { error: `must be one of ${searchKinds.join(', ')}` });

export const searchQuery = z.object({
  q: z
    .string({ error: 'is required' })
    .trim()
    .min(1, 'is required')
    .max(200, 'must be at most 200 characters')
    .describe('Words to find; each word also matches as the start of a longer word ("fjo" finds Fjordline)'),
  kind: z
    .string()
    .max(200)
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const kinds = v.split(',').map((k) => k.trim());
      const bad = kinds.find((k) => !(searchKinds as readonly string[]).includes(k));
      if (bad !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `must be a comma-separated list of ${searchKinds.join(', ')}`,
        });
        return z.NEVER;
      }
      return kinds as SearchKind[];
    })
    .describe('Only these kinds, comma-separated (e.g. `knowledge,event`)'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(5)
    .describe('Hits per kind (the box shows 5; the results page asks for more of one kind)'),
});

/** A run of snippet text; `match` marks the words that matched the query. Render as text, never as HTML. */
export const snippetPart = z.object({ text: z.string(), match: z.boolean() });

export const searchHit = z.object({
  kind: searchKind,
  id,
  title: z.string(),
  subtitle: z.string(),
  snippet: z
    .array(snippetPart)
    .describe('Where the words matched, as text runs; empty when only the title matched'),
  visibility: z.enum(['internal', 'shared']),
  clientId: id.nullable(),
  parentId: id.nullable().describe('The record this one lives under (a topic’s relationship…), for its link'),
  rank: z.number(),
});

export const searchGroup = z.object({
  kind: searchKind,
  hits: z.array(searchHit),
  more: z
    .boolean()
    .describe('More hits of this kind than returned; ask again with `kind` and a larger `limit`'),
});

export const searchResult = z.object({
  q: z.string(),
  groups: z.array(searchGroup).describe('Kinds with hits, the best-matching kind first'),
});

export type SearchKind = z.infer<typeof searchKind>;
export type SearchQuery = z.infer<typeof searchQuery>;
export type SnippetPart = z.infer<typeof snippetPart>;
export type SearchHit = z.infer<typeof searchHit>;
export type SearchGroup = z.infer<typeof searchGroup>;
export type SearchResult = z.infer<typeof searchResult>;
