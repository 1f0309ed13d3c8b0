import { Anchor, Breadcrumbs, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { Client } from '../../../server/features/clients/clients.contract';
import { del, get } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { useWorkspace } from '../../ui/workspace';
import { ClientRelationships } from '../relationships/ClientRelationships';
import { ClientContacts } from './ClientContacts';
import { ClientFormModal } from './ClientFormModal';
import { ClientKindBadge, WebsiteLink } from './ClientKind';

export function ClientPage() {
  const { clientId = '' } = useParams();
  const { apiPath, link, isAdmin } = useWorkspace();
  const [editing, { open, close }] = useDisclosure();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const client = useQuery({
    queryKey: ['client', clientId],
    queryFn: () => get<Client>(apiPath(`/clients/${clientId}`)),
  });

  const confirmDelete = (c: Client) =>
    modals.openConfirmModal({
      title: `Delete ${c.name}?`,
      children: <Text size="sm">{deleteConsequence(c)}</Text>,
      labels: { confirm: 'Delete client', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await del(apiPath(`/clients/${c.id}`));
          await qc.invalidateQueries({ queryKey: ['clients'] });
          qc.removeQueries({ queryKey: ['client', c.id] });
          notifySaved(`Client “${c.name}” deleted`);
          navigate(link('/clients'));
        } catch (err) {
          showApiError(err);
        }
      },
    });

  return (
    <QueryState query={client}>
      {(c) => (
        <>
          <PageHeader
            above={
              <Breadcrumbs>
                <Anchor component={Link} to={link('/clients')}>
                  Clients
                </Anchor>
                <Text>{c.name}</Text>
              </Breadcrumbs>
            }
            title={c.name}
            description={
              <Group gap="sm" component="span" wrap="wrap">
                <ClientKindBadge kind={c.kind} />
                {c.industry && <span>{c.industry}</span>}
                {c.website && <WebsiteLink website={c.website} />}
              </Group>
            }
            actions={
              <>
                <Button variant="default" onClick={open}>
                  Edit
                </Button>
                {isAdmin && (
                  <Button variant="subtle" color="red" onClick={() => confirmDelete(c)}>
                    Delete
                  </Button>
                )}
              </>
            }
          />
          <Stack gap="xl">
            <ClientContacts clientId={c.id} clientName={c.name} />
            <ClientRelationships clientId={c.id} />
          </Stack>
          <ClientFormModal key={`${c.updatedAt}-${editing}`} opened={editing} onClose={close} client={c} />
        </>
      )}
    </QueryState>
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function deleteConsequence(c: Client): string {
  const goes = [
    c.contactCount > 0 ? plural(c.contactCount, 'contact') : '',
    c.relationshipCount > 0 ? plural(c.relationshipCount, 'relationship') : '',
  ].filter(Boolean);
  if (goes.length === 0) return 'It has no contacts or relationships yet. This cannot be undone.';
  const verb = c.contactCount + c.relationshipCount === 1 ? 'is' : 'are';
  return `Its ${goes.join(' and ')} ${verb} deleted with it, with their whole history. This cannot be undone.`;
}
