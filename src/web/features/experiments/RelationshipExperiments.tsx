import { Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFlask } from '@tabler/icons-react';
import type { Experiment } from '../../../server/features/experiments/experiments.contract';
import { usePagedList } from '../../ui/pagedQuery';
import { useWorkspace } from '../../ui/workspace';
import { ExperimentCard } from './ExperimentCard';
import { ExperimentFormModal } from './ExperimentFormModal';

/** The experiments run on one relationship, on its page, with "Start an experiment" prefilled for it. */
export function RelationshipExperiments({
  relationshipId,
  teamId,
}: {
  relationshipId: string;
  teamId: string;
}) {
  const { apiPath } = useWorkspace();
  const [opened, { open, close }] = useDisclosure();
  const list = usePagedList<Experiment>(['experiments', 'relationship'], apiPath('/experiments'), {
    relationshipId,
    limit: 50,
  });
  return (
    <Stack gap="xs" component="section" aria-labelledby="relationship-experiments">
      <Group justify="space-between">
        <Title order={4} id="relationship-experiments">
          Experiments
        </Title>
        <Button size="xs" variant="light" leftSection={<IconFlask size={14} />} onClick={open}>
          Start an experiment
        </Button>
      </Group>
      {list.isSuccess && list.items.length === 0 && (
        <Text size="sm" c="dimmed">
          No experiment on this relationship yet. Try something small with this client — a morning in their
          world, a prototype built together — and protect the hours for it.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {list.items.map((e) => (
          <ExperimentCard key={e.id} experiment={e} showRelationship={false} />
        ))}
      </SimpleGrid>
      <ExperimentFormModal
        key={`new-${opened}`}
        opened={opened}
        onClose={close}
        relationshipId={relationshipId}
        teamId={teamId}
      />
    </Stack>
  );
}
