import { Badge, Button, Card, Group, Modal, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReflectionCadence } from '../../../server/features/reflections/reflections.contract';
import type { Page } from '../../../server/platform/common.contract';
import { get, put } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';
import { formatDate } from '../relationships/terms';

/** Each team's reflection cadence; an overdue reflection in red, with an icon and the words. */
export function CadenceList({ onHold }: { onHold: (teamId: string) => void }) {
  const { apiPath, workspaceId } = useWorkspace();
  const [editing, setEditing] = useState<ReflectionCadence | null>(null);
  const q = useQuery({
    queryKey: ['reflections', 'cadences', workspaceId],
    queryFn: () => get<Page<ReflectionCadence>>(apiPath('/reflection-cadences?limit=200')),
  });
  const items = q.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <>
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 3 }}
        mb="lg"
        component="section"
        aria-label="Reflection cadence by team"
      >
        {items.map((c) => (
          <Card key={c.teamId} withBorder padding="sm">
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{c.team.name}</Text>
                {c.overdueDays > 0 ? (
                  <Badge
                    color="red"
                    variant="light"
                    leftSection={<IconAlertTriangle size={12} aria-hidden />}
                  >
                    Overdue {c.overdueDays} {c.overdueDays === 1 ? 'day' : 'days'}
                  </Badge>
                ) : (
                  <Badge color="teal" variant="light">
                    On cadence
                  </Badge>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                Every {c.cadenceDays} days{c.isDefault ? ' (default)' : ''} · last{' '}
                {c.lastHeldOn ? formatDate(c.lastHeldOn) : 'never'} · next due {formatDate(c.nextDueOn)}
              </Text>
              <Group gap="xs">
                <Button
                  size="xs"
                  variant={c.overdueDays > 0 ? 'filled' : 'light'}
                  onClick={() => onHold(c.teamId)}
                >
                  Hold a reflection
                </Button>
                <Button size="xs" variant="subtle" color="gray" onClick={() => setEditing(c)}>
                  Change cadence
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {editing && <CadenceModal key={editing.teamId} cadence={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function CadenceModal({ cadence, onClose }: { cadence: ReflectionCadence; onClose: () => void }) {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  const form = useForm({ initialValues: { cadenceDays: cadence.cadenceDays as number | string } });
  return (
    <Modal
      opened
      onClose={onClose}
      title={`How often does ${cadence.team.name} reflect?`}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            await put(apiPath(`/reflection-cadences/${cadence.teamId}`), {
              cadenceDays: Number(values.cadenceDays),
            });
            await qc.invalidateQueries({ queryKey: ['reflections'] });
            await qc.invalidateQueries({ queryKey: ['balance'] });
            notifySaved('Cadence saved');
            onClose();
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack>
          <NumberInput
            label="Every (days)"
            description="28 is every four weeks; the balance expects a reflection this often"
            min={7}
            max={365}
            allowDecimal={false}
            data-autofocus
            {...form.getInputProps('cadenceDays')}
          />
          <Button type="submit" loading={form.submitting}>
            Save cadence
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
