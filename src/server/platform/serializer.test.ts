import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answerSerializer, compileWriter, writerSchema } from './serializer';

const contact = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.email().nullable(),
  team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  tags: z.array(z.string()),
  score: z.number().int().nullable(),
});
const page = z.object({ items: z.array(contact), nextCursor: z.string().nullable() });
const ada = {
  id: '0b8f3f0e-6b1c-4c1e-9a52-6f1f4f0a9c11',
  name: 'Ada',
  email: null,
  team: { id: '5d2c7a10-3f4e-4b8a-a1d2-9e8f7c6b5a40', name: 'Strategy', secret: 'internal note' },
  tags: ['a', 'b'],
  score: 7,
  passwordHash: 'never sent',
};

describe('the compiled answer writer', () => {
  it('writes only the fields the schema names, as zod would', () => {
    const written = compileWriter(page)({
      items: [ada, { ...ada, team: null, email: 'a@b.co' }],
      nextCursor: null,
    });
    expect(written).not.toContain('passwordHash');
    expect(written).not.toContain('internal note');
    expect(JSON.parse(written)).toEqual(
      page.parse({ items: [ada, { ...ada, team: null, email: 'a@b.co' }], nextCursor: null }),
    );
  });

  it('turns X | null into X with nullable and drops keywords that only validate', () => {
    expect(
      writerSchema({ anyOf: [{ type: 'string', format: 'uuid', pattern: '^x$' }, { type: 'null' }] }),
    ).toEqual({
      type: 'string',
      nullable: true,
    });
    const union = { anyOf: [{ type: 'string' }, { type: 'number' }] };
    expect(writerSchema(union)).toEqual(union);
  });

  it('under test, refuses an answer zod would refuse', () => {
    const serialize = answerSerializer(true)({ schema: page, method: 'GET', url: '/contacts' });
    expect(() => serialize({ items: [{ ...ada, score: 1.5 }], nextCursor: null })).toThrow();
    expect(() => serialize({ items: [{ ...ada, name: undefined }], nextCursor: null })).toThrow();
    expect(serialize({ items: [ada], nextCursor: 'next' })).toBe(
      JSON.stringify(page.parse({ items: [ada], nextCursor: 'next' })),
    );
  });
});
