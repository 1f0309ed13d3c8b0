import { Anchor, Breadcrumbs, Button, Grid, Group, Menu, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconChevronDown, IconEye, IconPencil, IconPlus, IconStairsUp, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Relationship } from '../../../server/features/relationships/relationships.contract';
import { del, get } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { useWorkspace } from '../../ui/workspace';
import { RelationshipCheckIns } from '../check-ins/RelationshipCheckIns';
import { RelationshipExperiments } from '../experiments/RelationshipExperiments';
import { HealthPanel } from '../health/HealthPanel';
import { PortalPreviewModal } from '../portal/PortalPreviewModal';
import { RelationshipTopics } from '../topics/RelationshipTopics';
import { SidesBalance } from '../touchpoints/SidesBalance';
import { TouchpointFormModal } from '../touchpoints/TouchpointFormModal';
import { TouchpointTimeline } from '../touchpoints/TouchpointTimeline';
import { AmbitionCard } from './AmbitionCard';
import { AssessmentHistory, AssessmentModal } from './AssessmentHistory';
import { EditRelationshipModal } from './EditRelationshipModal';
import { CheckInDue, HealthScore, StatusBadge } from './RelationshipBadges';
import { StageLadder } from './StageLadder';
import { TruthPyramid } from './TruthPyramid';
import { formatDate } from './terms';

export function RelationshipPage() {
  const { relationshipId = '' } = useParams();
  const { apiPath } = useWorkspace();
  const relationship = useQuery({
    queryKey: ['relationship', relationshipId],
    queryFn: () => get<Relationship>(apiPath(`/relationships/${relationshipId}`)),
  });
  return <QueryState query={relationship}>{(r) => <RelationshipView r={r} />}</QueryState>;
}

function RelationshipView({ r }: { r: Relationship }) {
  const { apiPath, link, isAdmin } = useWorkspace();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [editing, edit] = useDisclosure();
  const [assessing, assess] = useDisclosure();
  const [logging, log] = useDisclosure();
  const [previewing, preview] = useDisclosure();

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: `Delete the relationship with ${r.client.name}?`,
      children: (
        <Text size="sm">
          Its assessment history and whole timeline go with it, and this cannot be undone. To stop without
          losing the history, set its status to “Ended” instead.
        </Text>
      ),
      labels: { confirm: 'Delete relationship', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await del(apiPath(`/relationships/${r.id}`));
          qc.removeQueries({ queryKey: ['relationship', r.id] });
          await qc.invalidateQueries({ queryKey: ['relationships'] });
          notifySaved('Relationship deleted');
          navigate(link('/relationships'));
        } catch (err) {
          showApiError(err);
        }
      },
    });

  return (
    <>
      <PageHeader
        above={
          <Breadcrumbs>
            <Anchor component={Link} to={link('/relationships')}>
              Relationships
            </Anchor>
            <Text>{r.client.name}</Text>
          </Breadcrumbs>
        }
        title={
          <>
            <Anchor component={Link} to={link(`/clients/${r.client.id}`)} inherit c="inherit">
              {r.client.name}
            </Anchor>{' '}
            <Text span inherit c="dimmed">
              —
            </Text>{' '}
            <Anchor component={Link} to={link(`/teams/${r.team.id}`)} inherit c="inherit">
              {r.team.name}
            </Anchor>
          </>
        }
        actions={
          <>
            <Button leftSection={<IconPlus size={16} />} onClick={log.open}>
              Log touchpoint
            </Button>
            <Button variant="default" leftSection={<IconEye size={16} />} onClick={preview.open}>
              View as client
            </Button>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default" rightSection={<IconChevronDown size={14} />}>
                  More
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconStairsUp size={14} />} onClick={assess.open}>
                  Record assessment
                </Menu.Item>
                <Menu.Item leftSection={<IconPencil size={14} />} onClick={edit.open}>
                  Edit relationship
                </Menu.Item>
                {isAdmin && (
                  <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={confirmDelete}>
                    Delete relationship
                  </Menu.Item>
                )}
              </Menu.Dropdown>
            </Menu>
          </>
        }
      />
      <Stack gap="lg">
        <Facts r={r} />
        <AmbitionCard relationship={r} />
        <HealthPanel relationshipId={r.id} />
        <Grid>
          <Grid.Col span={{ base: 12, md: 6, lg: 4 }}>
            <StageLadder stage={r.stage} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6, lg: 4 }}>
            <TruthPyramid level={r.pyramidLevel} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <SidesBalance relationshipId={r.id} />
          </Grid.Col>
        </Grid>
        <RelationshipExperiments relationshipId={r.id} teamId={r.teamId} />
        <Grid>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <RelationshipCheckIns relationship={r} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <RelationshipTopics relationshipId={r.id} />
          </Grid.Col>
        </Grid>
        <Grid>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <TouchpointTimeline relationshipId={r.id} onLog={log.open} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <AssessmentHistory relationship={r} onRecord={assess.open} />
          </Grid.Col>
        </Grid>
      </Stack>
      <EditRelationshipModal
        key={`edit-${r.updatedAt}-${editing}`}
        opened={editing}
        onClose={edit.close}
        relationship={r}
      />
      <AssessmentModal
        key={`assess-${r.updatedAt}-${assessing}`}
        opened={assessing}
        onClose={assess.close}
        relationship={r}
      />
      <PortalPreviewModal
        relationshipId={r.id}
        clientName={r.client.name}
        opened={previewing}
        onClose={preview.close}
      />
      <TouchpointFormModal
        key={`log-${logging}`}
        opened={logging}
        onClose={log.close}
        relationshipId={r.id}
      />
    </>
  );
}

/** Status, partner lead, cadence, the next check-in, health and services, as short label–value pairs. */
function Facts({ r }: { r: Relationship }) {
  const fact = (label: string, value: ReactNode) => (
    <Group gap={6} wrap="nowrap" key={label}>
      <Text span size="sm" c="dimmed">
        {label}
      </Text>
      {typeof value === 'string' ? (
        <Text span size="sm" fw={500}>
          {value}
        </Text>
      ) : (
        value
      )}
    </Group>
  );
  return (
    <Group gap="lg" style={{ rowGap: 6 }} wrap="wrap" mt={-8}>
      <StatusBadge status={r.status} />
      {fact('Partner lead', r.owner?.name ?? 'nobody yet')}
      {fact('Check-ins', `every ${r.cadenceDays} days`)}
      {fact('Next', <CheckInDue due={r.nextCheckInDue} status={r.status} />)}
      {r.lastCheckInAt && fact('Last', formatDate(r.lastCheckInAt))}
      {fact(
        'Health',
        r.health.score === null ? (
          <Text span size="sm" c="dimmed">
            not scored yet
          </Text>
        ) : (
          <HealthScore score={r.health.score} />
        ),
      )}
      {r.services.length > 0 && (
        <Text size="sm">
          <Text span size="sm" c="dimmed">
            Services{' '}
          </Text>
          {r.services.map((s) => s.name).join(', ')}
        </Text>
      )}
    </Group>
  );
}
