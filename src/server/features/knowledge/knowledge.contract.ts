import { z } from 'zod';
import { id, name, pageQuery, timestamp } from '../../platform/common.contract';

export const knowledgeVisibilities = ['internal', 'shared'] as const;
export const knowledgeVisibility = z
  .enum(knowledgeVisibilities, {
    error: 'must be "internal" (only us) or "shared" (clients see it in the portal)',
  })
  .describe('shared items appear in the client portal; internal ones never do');

export const knowledgeSourceKinds = ['learning', 'experiment', 'reflection'] as const;

const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'must not be empty')
  .max(40, 'must be at most 40 characters')
  .refine((t) => !/[,#]/.test(t), 'must not contain commas or #');

export const knowledgeTags = z
  .array(tag)
  .max(20, 'at most 20 tags')
  .transform((tags) => [...new Set(tags)])
  .describe('Lower-cased; duplicates are dropped');

export const knowledgeBody = z
  .string({ error: 'is required' })
  .max(100_000, 'must be at most 100,000 characters')
  .refine((v) => v.trim().length > 0, 'is required')
  .describe(
    'Markdown. Rendered safely: raw HTML is shown as text, links only to http(s), mailto and app paths',
  );

export const knowledgeInput = z.object({
  title: name,
  body: knowledgeBody,
  tags: knowledgeTags.optional(),
  visibility: knowledgeVisibility,
});
export const knowledgePatch = knowledgeInput.partial();

const person = z.object({ id, name: z.string() });
const source = z.object({ kind: z.enum(knowledgeSourceKinds), id });

/** One library item as the list shows it: no body, a short plain-text excerpt instead. */
export const knowledgeSummary = z.object({
  id,
  title: z.string(),
  excerpt: z.string().describe('The start of the body as plain text'),
  tags: z.array(z.string()),
  visibility: knowledgeVisibility,
  source: source.nullable().describe('Where it was promoted from, if it was'),
  createdBy: person.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const knowledgeItem = knowledgeSummary.extend({
  body: z.string(),
  updatedBy: person.nullable(),
});

export const knowledgeListQuery = pageQuery.extend({
  tag: z.string().trim().toLowerCase().max(40).optional().describe('Only items with this tag'),
  q: z.string().max(200).optional().describe('Words in the title or body (case-insensitive substring)'),
  visibility: knowledgeVisibility.optional(),
});

export const knowledgeTagCount = z.object({ tag: z.string(), count: z.number().int() });

export type KnowledgeVisibility = z.infer<typeof knowledgeVisibility>;
export type KnowledgeInput = z.infer<typeof knowledgeInput>;
export type KnowledgePatch = z.infer<typeof knowledgePatch>;
export type KnowledgeSummary = z.infer<typeof knowledgeSummary>;
export type KnowledgeItem = z.infer<typeof knowledgeItem>;
export type KnowledgeListQuery = z.infer<typeof knowledgeListQuery>;
export type KnowledgeTagCount = z.infer<typeof knowledgeTagCount>;
