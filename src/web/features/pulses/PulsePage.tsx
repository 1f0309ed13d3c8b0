import {
  Alert,
  Anchor,
  Badge,
  Blockquote,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconLock } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Pulse, PulseResults, PulseTrend } from '../../../server/features/pulses/pulses.contract';
import { del, get } from '../../ui/api';
import { showApiError } from '../../ui/forms';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { formatDate } from '../../ui/when';
import { useWorkspace } from '../../ui/workspace';
import { EditPulseModal } from './EditPulseModal';
import { kindInfo, percent, scoreColor } from './pulseTerms';

const DistributionChart = lazy(() => import('./DistributionChart'));
const TrendChart = lazy(() => import('./TrendChart'));

function Stat(props: { label: string; value: string; color?: string; hint?: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {props.label}
      </Text>
      <Text fz={28} fw={700} c={props.color}>
        {props.value}
      </Text>
      {props.hint && (
        <Text size="xs" c="dimmed">
          {props.hint}
        </Text>
      )}
    </Paper>
  );
}

export function PulsePage() {
  const { pulseId = '' } = useParams();
  const { apiPath, link } = useWorkspace();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [editing, { open, close }] = useDisclosure();
  const pulse = useQuery({
    queryKey: ['pulses', pulseId],
    queryFn: () => get<Pulse>(apiPath(`/pulses/${pulseId}`)),
  });
  const results = useQuery({
    queryKey: ['pulses', pulseId, 'results'],
    queryFn: () => get<PulseResults>(apiPath(`/pulses/${pulseId}/results`)),
  });
  const trend = useQuery({
    queryKey: ['pulses', pulseId, 'trend'],
    queryFn: () => get<PulseTrend>(apiPath(`/pulses/${pulseId}/trend`)),
  });

  return (
    <QueryState query={pulse}>
      {(p) => (
        <>
          <PageHeader
            above={
              <Breadcrumbs>
                <Anchor component={Link} to={link('/pulses')}>
                  Pulses
                </Anchor>
                <Text>{p.title}</Text>
              </Breadcrumbs>
            }
            title={p.title}
            description={
              <Group gap="xs" component="span">
                <Badge variant="light" color={kindInfo[p.kind].color}>
                  {kindInfo[p.kind].label}
                </Badge>
                <span>{p.target}</span>
                <span>·</span>
                <span>
                  {p.status === 'open'
                    ? `Open until ${formatDate(p.closesOn)}`
                    : `Closed ${formatDate(p.closesOn)}`}
                </span>
              </Group>
            }
            actions={
              <>
                {p.status === 'open' && (
                  <Button variant="default" onClick={open}>
                    Edit
                  </Button>
                )}
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() =>
                    modals.openConfirmModal({
                      title: `Delete “${p.title}”?`,
                      children: (
                        <Text size="sm">Its answers are deleted with it and the links stop working.</Text>
                      ),
                      labels: { confirm: 'Delete round', cancel: 'Cancel' },
                      confirmProps: { color: 'red' },
                      onConfirm: async () => {
                        try {
                          await del(apiPath(`/pulses/${p.id}`));
                          await qc.invalidateQueries({ queryKey: ['pulses'] });
                          navigate(link('/pulses'));
                        } catch (err) {
                          showApiError(err);
                        }
                      },
                    })
                  }
                >
                  Delete
                </Button>
              </>
            }
          />
          <EditPulseModal key={p.updatedAt} pulse={p} opened={editing} onClose={close} />
          <QueryState query={results}>
            {(r) => (
              <Stack gap="xl">
                <SimpleGrid cols={{ base: 1, xs: 3 }}>
                  <Stat
                    label="Average"
                    value={r.average === null ? '—' : r.average.toFixed(1)}
                    color={scoreColor(r.average)}
                    hint="0 to 10"
                  />
                  <Stat
                    label="Responses"
                    value={`${r.responses} of ${r.invited}`}
                    hint={percent(p.responseRate)}
                  />
                  {r.second ? (
                    <Stat
                      label="Room to work differently"
                      value={r.second.average === null ? '—' : r.second.average.toFixed(1)}
                      color={scoreColor(r.second.average)}
                      hint="0 to 10"
                    />
                  ) : (
                    <Stat
                      label="Reminder"
                      value={p.reminderAt ? formatDate(p.reminderAt) : p.status === 'open' ? 'Sent' : '—'}
                      hint="one, to those who have not answered"
                    />
                  )}
                </SimpleGrid>
                {r.hidden && (
                  <Alert icon={<IconLock size={18} />} color="gray" title="Results show from 3 answers">
                    This round is anonymous. With {r.responses} answer{r.responses === 1 ? '' : 's'} so far,
                    any number could point at a person, so nothing is shown yet.
                  </Alert>
                )}
                {r.distribution && r.responses > 0 && (
                  <section aria-labelledby="distribution-title">
                    <Title order={3} size="h4" id="distribution-title" mb="xs">
                      How people answered
                    </Title>
                    <Suspense fallback={null}>
                      <DistributionChart
                        distribution={r.distribution}
                        label={`Answers per score: ${r.distribution.map((n, s) => `${s}: ${n}`).join(', ')}`}
                      />
                    </Suspense>
                  </section>
                )}
                <section aria-labelledby="comments-title">
                  <Title order={3} size="h4" id="comments-title" mb="xs">
                    {p.kind === 'client' ? 'What would make us more valuable' : 'Comments'}
                  </Title>
                  {r.comments.length === 0 ? (
                    <Text c="dimmed" size="sm">
                      {r.hidden ? 'Comments show with the results.' : 'No comments yet.'}
                    </Text>
                  ) : (
                    <Stack gap="sm">
                      {r.comments.map((c) => (
                        <Blockquote
                          key={`${c.from ?? ''}|${c.relationshipId ?? ''}|${c.text}`}
                          p="sm"
                          cite={c.from ? `— ${c.from}` : undefined}
                        >
                          {c.text}
                        </Blockquote>
                      ))}
                    </Stack>
                  )}
                </section>
                <section aria-labelledby="trend-title">
                  <Title order={3} size="h4" id="trend-title" mb="xs">
                    Across rounds
                  </Title>
                  <QueryState query={trend}>
                    {(tr) =>
                      tr.rounds.length < 2 ? (
                        <Text c="dimmed" size="sm">
                          The trend appears once a second round of the same kind and target has answers.
                        </Text>
                      ) : (
                        <Suspense fallback={null}>
                          <TrendChart
                            data={tr.rounds.map((x) => ({
                              when: formatDate(x.closesOn),
                              average: x.average,
                            }))}
                            series={[{ name: 'average', label: 'Average', color: 'blue.6' }]}
                            label={`Average per round: ${tr.rounds.map((x) => `${formatDate(x.closesOn)} ${x.average ?? 'hidden'}`).join(', ')}`}
                          />
                        </Suspense>
                      )
                    }
                  </QueryState>
                </section>
              </Stack>
            )}
          </QueryState>
        </>
      )}
    </QueryState>
  );
}
