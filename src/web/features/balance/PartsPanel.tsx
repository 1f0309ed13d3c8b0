import { Badge, Group, Loader, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { MonthBalance } from '../../../server/features/balance/balance.contract';
import { monthLabel } from './balanceTerms';
import type { EvidenceView } from './EvidenceDrawer';

/** The named parts of one movement in one month: each score, its weight, why, and the records behind it. */
export function PartsPanel(props: {
  movement: 'Outward' | 'Inward';
  month: MonthBalance;
  /** The month's records are on their way (an earlier month's come when it is opened). */
  recordsLoading?: boolean;
  teamId: string | null;
  onEvidence: (view: EvidenceView) => void;
}) {
  const m = props.month;
  const id = `parts-${props.movement.toLowerCase()}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={4} id={id}>
            {props.movement} in {monthLabel(m.month)}
          </Title>
          {props.recordsLoading && <Loader size="xs" aria-label="Loading the month’s records" />}
        </Group>
        <Badge
          size="lg"
          variant="light"
          color={props.movement === 'Outward' ? 'indigo' : 'teal'}
          style={{ flexShrink: 0 }}
        >
          {m.index === null ? 'no data' : `${m.index} of 100`}
        </Badge>
      </Group>
      <Stack gap="sm">
        {m.parts.map((p) => (
          <Stack key={p.key} gap={2} opacity={p.score === null ? 0.75 : 1}>
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" fw={600}>
                {p.label}{' '}
                <Text span size="xs" c="dimmed" fw={400}>
                  weight {p.weight}
                </Text>
              </Text>
              {p.score === null ? (
                <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
                  no data
                </Text>
              ) : (
                <UnstyledButton
                  style={{ flexShrink: 0 }}
                  disabled={props.recordsLoading}
                  onClick={() =>
                    props.onEvidence({
                      title: `${p.label}: ${p.score}`,
                      explanation: p.explanation,
                      evidence: p.evidence,
                      total: p.evidenceTotal,
                      teamId: props.teamId,
                    })
                  }
                  aria-label={`${p.label}: ${p.score} of 100 — show the ${p.evidenceTotal} records behind it`}
                >
                  <Badge
                    variant="filled"
                    color={props.movement === 'Outward' ? 'indigo' : 'teal'}
                    style={{ cursor: 'pointer' }}
                  >
                    {p.score}
                  </Badge>
                </UnstyledButton>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {p.explanation}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
