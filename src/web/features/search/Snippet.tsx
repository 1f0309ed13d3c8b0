import { Mark, Text, type TextProps } from '@mantine/core';
import type { SnippetPart } from '../../../server/features/search/search.contract';

/**
 * A search snippet: its text runs rendered as text, the matched words marked. The server sends runs,
 * never markup, so there is nothing here that could be read as HTML.
 */
export function Snippet({ parts, ...props }: { parts: SnippetPart[] } & TextProps) {
  if (parts.length === 0) return null;
  return (
    <Text size="sm" c="dimmed" lineClamp={2} {...props}>
      {parts.map((p, i) =>
        p.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: runs are positional and never reorder
          <Mark key={i} color="yellow">
            {p.text}
          </Mark>
        ) : (
          p.text
        ),
      )}
    </Text>
  );
}
