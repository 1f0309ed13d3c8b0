import { Anchor, Button, Group, Stack, Switch, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconAddressBook, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Contact } from '../../../server/features/clients/contacts.contract';
import { del, patch } from '../../ui/api';
import { EmptyState } from '../../ui/EmptyState';
import { ExportCsvButton } from '../../ui/ExportCsvButton';
import { notifySaved, showApiError } from '../../ui/forms';
import { usePagedList } from '../../ui/pagedQuery';
import { RowActions } from '../../ui/RowActions';
import { useWorkspace } from '../../ui/workspace';
import { ContactFormModal } from './ContactFormModal';

/** The people at a client: who they are, and whether they may use the client portal. */
export function ClientContacts({ clientId, clientName }: { clientId: string; clientName: string }) {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  const [adding, { open, close }] = useDisclosure();
  const [editing, setEditing] = useState<Contact | null>(null);
  const [switching, setSwitching] = useState<string | null>(null);
  const base = apiPath(`/clients/${clientId}/contacts`);
  const list = usePagedList<Contact>(['contacts', clientId], base);

  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ['contacts', clientId] });
    await qc.invalidateQueries({ queryKey: ['client', clientId] });
    await qc.invalidateQueries({ queryKey: ['clients'] });
  };

  const setPortalAccess = async (c: Contact, portalAccess: boolean) => {
    setSwitching(c.id);
    try {
      await patch<Contact>(`${base}/${c.id}`, { portalAccess });
      await qc.invalidateQueries({ queryKey: ['contacts', clientId] });
      notifySaved(
        portalAccess
          ? `${c.name} can use the client portal — we emailed them a sign-in link`
          : `${c.name} no longer has portal access; their portal sessions ended`,
      );
    } catch (err) {
      showApiError(err);
    } finally {
      setSwitching(null);
    }
  };

  const confirmDelete = (c: Contact) =>
    modals.openConfirmModal({
      title: `Remove ${c.name}?`,
      children: <Text size="sm">They lose portal access, and their contact details are deleted.</Text>,
      labels: { confirm: 'Remove contact', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await del(`${base}/${c.id}`);
          await refresh();
          notifySaved(`${c.name} removed`);
        } catch (err) {
          showApiError(err);
        }
      },
    });

  return (
    <Stack gap="xs" component="section" aria-labelledby="client-contacts">
      <Group justify="space-between">
        <Title order={3} id="client-contacts">
          Contacts
        </Title>
        <Group gap="xs">
          <ExportCsvButton<Contact>
            size="xs"
            path={base}
            filename="contacts"
            columns={[
              { header: 'Name', value: (c) => c.name },
              { header: 'Email', value: (c) => c.email },
              { header: 'Role', value: (c) => c.role },
              { header: 'Portal access', value: (c) => (c.portalAccess ? 'yes' : 'no') },
              { header: 'Added', value: (c) => c.createdAt },
            ]}
          />
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={open}>
            Add contact
          </Button>
        </Group>
      </Group>
      {list.isError && (
        <Text c="red" size="sm">
          Could not load contacts: {list.error.message}
        </Text>
      )}
      {list.isSuccess && list.items.length === 0 ? (
        <EmptyState
          icon={<IconAddressBook />}
          title="No contacts yet"
          action={
            <Button variant="light" onClick={open}>
              Add the first contact
            </Button>
          }
        >
          Add the people you work with at {clientName}. Give them portal access and they can share their side
          of the check-in context, propose and vote on topics, and answer pulses.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={340}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th visibleFrom="sm">Email</Table.Th>
                <Table.Th visibleFrom="md">Role</Table.Th>
                <Table.Th>Portal access</Table.Th>
                <Table.Th w={90}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {c.name}
                    </Text>
                    <Text size="xs" c="dimmed" hiddenFrom="md">
                      {[c.role, c.email].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <Anchor href={`mailto:${c.email}`} size="sm">
                      {c.email}
                    </Anchor>
                  </Table.Td>
                  <Table.Td visibleFrom="md">{c.role ?? <Text c="dimmed">—</Text>}</Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={`Portal access for ${c.name}`}
                      checked={c.portalAccess}
                      disabled={switching === c.id}
                      onChange={(e) => setPortalAccess(c, e.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <RowActions
                      name={c.name}
                      onEdit={() => setEditing(c)}
                      onDelete={() => confirmDelete(c)}
                      deleteLabel="Remove"
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="subtle" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        </Group>
      )}
      <ContactFormModal key={String(adding)} opened={adding} onClose={close} clientId={clientId} />
      {editing && (
        <ContactFormModal
          key={editing.id}
          opened
          onClose={() => setEditing(null)}
          clientId={clientId}
          contact={editing}
        />
      )}
    </Stack>
  );
}
