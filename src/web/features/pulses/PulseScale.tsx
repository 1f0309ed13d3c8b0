import { Paper, Radio, SimpleGrid } from '@mantine/core';

// A 0–10 question as a native radio group: arrow keys move within it, each number is a labelled radio with
// a finger-sized target. Shared by the emailed link's page and the client portal.

const SCORES = Array.from({ length: 11 }, (_, n) => n);

export function Scale(props: {
  name: string;
  label: string;
  value: string | null;
  onChange: (v: string) => void;
  error?: string;
}) {
  return (
    <Radio.Group
      name={props.name}
      label={props.label}
      description="0 = not at all · 10 = completely"
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      required
      styles={{ label: { fontSize: 'var(--mantine-font-size-md)', marginBottom: 4 } }}
    >
      <SimpleGrid cols={{ base: 6, xs: 11 }} spacing={6} mt="xs">
        {SCORES.map((n) => (
          <Paper
            key={n}
            withBorder
            radius="sm"
            p={6}
            bg={props.value === String(n) ? 'blue.0' : undefined}
            style={{ minHeight: 44, display: 'flex', alignItems: 'center', justifyContent: 'center' }}
          >
            <Radio value={String(n)} label={String(n)} size="md" />
          </Paper>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
