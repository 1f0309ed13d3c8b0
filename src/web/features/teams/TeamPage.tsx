import { Anchor, Breadcrumbs, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { Team } from '../../../server/features/teams/teams.contract';
import { del, get } from '../../ui/api';
import { showApiError } from '../../ui/forms';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { useWorkspace } from '../../ui/workspace';
import { TeamPulses } from '../pulses/TeamPulses';
import { TeamRelationships } from '../relationships/TeamRelationships';
import { TeamServices } from '../services/TeamServices';
import { TeamFormModal } from './TeamsPage';

export function TeamPage() {
  const { teamId = '' } = useParams();
  const { apiPath, link, isAdmin } = useWorkspace();
  const [editing, { open, close }] = useDisclosure();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const team = useQuery({
    queryKey: ['team', teamId],
    queryFn: () => get<Team>(apiPath(`/teams/${teamId}`)),
  });

  return (
    <QueryState query={team}>
      {(t) => (
        <>
          <PageHeader
            above={
              <Breadcrumbs>
                <Anchor component={Link} to={link('/teams')}>
                  Teams
                </Anchor>
                <Text>{t.name}</Text>
              </Breadcrumbs>
            }
            title={t.name}
            description={t.description || undefined}
            actions={
              <Group gap="xs">
                <Button variant="default" onClick={open}>
                  Edit
                </Button>
                {isAdmin && (
                  <Button
                    variant="subtle"
                    color="red"
                    onClick={() =>
                      modals.openConfirmModal({
                        title: `Delete ${t.name}?`,
                        children: <Text size="sm">Its services and relationships are deleted with it.</Text>,
                        labels: { confirm: 'Delete team', cancel: 'Cancel' },
                        confirmProps: { color: 'red' },
                        onConfirm: async () => {
                          try {
                            await del(apiPath(`/teams/${t.id}`));
                            await qc.invalidateQueries({ queryKey: ['teams'] });
                            navigate(link('/teams'));
                          } catch (err) {
                            showApiError(err);
                          }
                        },
                      })
                    }
                  >
                    Delete
                  </Button>
                )}
              </Group>
            }
          />
          <Stack gap="xl">
            <TeamServices teamId={t.id} />
            <TeamRelationships teamId={t.id} />
            <TeamPulses teamId={t.id} />
          </Stack>
          <TeamFormModal key={t.updatedAt} opened={editing} onClose={close} team={t} />
        </>
      )}
    </QueryState>
  );
}
