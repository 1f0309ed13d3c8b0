import { z } from 'zod';
import { importEntities } from '../../../domain/imports';
import { id, pageQuery, timestamp } from '../../platform/common.contract';

export const importEntity = z.enum(importEntities, {
  error: `must be one of ${importEntities.join(', ')}`,
});

export const uploadQuery = z.object({
  entity: importEntity,
  fileName: z.string().trim().max(200, 'must be at most 200 characters').optional(),
});

/** Our field → the CSV column that fills it; null or absent leaves the field out. */
export const mapping = z.record(
  z.string().max(100),
  z.string().max(500, 'must be at most 500 characters').nullable(),
);
export const commitInput = z.object({ mapping });

const problem = z.object({ field: z.string(), message: z.string() });
export const importError = z.object({ row: z.number().int(), field: z.string(), message: z.string() });

export const previewRow = z.object({
  row: z.number().int().describe('Row number as a spreadsheet shows it (the header is row 1)'),
  cells: z.record(z.string(), z.string()),
  problems: z.array(problem).describe('What would reject this row with the suggested mapping'),
});

export const importStatus = z.enum(['pending', 'running', 'done', 'failed']);

export const importSummary = z.object({
  id,
  entity: importEntity,
  fileName: z.string().nullable(),
  status: importStatus,
  committed: z.boolean().describe('false until POST …/commit starts it'),
  total: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int().describe('Rows already up to date, or repeating an earlier row of the file'),
  rejected: z.number().int().describe('Rows with problems; download them from rejected.csv'),
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
});

export const importState = importSummary.extend({
  columns: z.array(z.string()),
  mapping: z.record(z.string(), z.string().nullable()).nullable(),
  errors: z.array(importError).describe('The first 1,000 problems, by row and field'),
  failure: z.string().nullable().describe('Why a failed import stopped'),
});

export const uploadResult = importState.extend({
  suggestedMapping: z.record(z.string(), z.string().nullable()),
  preview: z.array(previewRow),
});

export const importListQuery = pageQuery;

export type ImportSummary = z.infer<typeof importSummary>;
export type ImportState = z.infer<typeof importState>;
export type UploadResult = z.infer<typeof uploadResult>;
export type PreviewRow = z.infer<typeof previewRow>;
