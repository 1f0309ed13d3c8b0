import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MemberItem } from '../../../server/features/accounts/accounts.contract';
import type { Client } from '../../../server/features/clients/clients.contract';
import type { Contact } from '../../../server/features/clients/contacts.contract';
import type { CommunityEvent, InvitationResult } from '../../../server/features/community/events.contract';
import type { Page } from '../../../server/platform/common.contract';
import { get, post } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';

/** Invite colleagues and client contacts: each gets an email with the event as a calendar invitation. */
export function InviteModal(props: { opened: boolean; onClose: () => void; event: CommunityEvent }) {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  const forClients = props.event.audience !== 'internal';
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const [clientId, setClientId] = useState<string | null>(null);
  const [contacts, setContacts] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [saving, setSaving] = useState(false);

  const members = useQuery({
    queryKey: ['members'],
    queryFn: () => get<Page<MemberItem>>(apiPath('/members')),
    enabled: props.opened,
  });
  const clients = useQuery({
    queryKey: ['clients', 'all-names'],
    queryFn: () => get<Page<Client>>(apiPath('/clients?limit=200')),
    enabled: props.opened && forClients,
  });
  const clientContacts = useQuery({
    queryKey: ['contacts', clientId],
    queryFn: () => get<Page<Contact>>(apiPath(`/clients/${clientId}/contacts?limit=200`)),
    enabled: Boolean(clientId),
  });
  const shownContacts = [
    ...(clientContacts.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.email})` })),
    ...Object.entries(contacts)
      .filter(([id]) => !clientContacts.data?.items.some((c) => c.id === id))
      .map(([value, label]) => ({ value, label })),
  ];
  const count = memberIds.length + Object.keys(contacts).length;

  const send = async () => {
    setSaving(true);
    try {
      const res = await post<InvitationResult>(apiPath(`/events/${props.event.id}/invitations`), {
        memberIds,
        contactIds: Object.keys(contacts),
        ...(message.trim() ? { message: message.trim() } : {}),
      });
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['event-rsvps', props.event.id] }),
        qc.invalidateQueries({ queryKey: ['event', props.event.id] }),
      ]);
      notifySaved(
        `${res.invited.length} invitation${res.invited.length === 1 ? '' : 's'} sent${res.alreadyInvited ? ` · ${res.alreadyInvited} already invited` : ''}`,
      );
      props.onClose();
    } catch (err) {
      showApiError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={props.opened}
      onClose={props.onClose}
      title="Invite people"
      size="lg"
    >
      <Stack>
        <MultiSelect
          label="Colleagues"
          placeholder="Pick colleagues"
          searchable
          data={(members.data?.items ?? []).map((m) => ({
            value: m.userId,
            label: `${m.name} (${m.email})`,
          }))}
          value={memberIds}
          onChange={setMemberIds}
          data-autofocus
        />
        {forClients ? (
          <>
            <Select
              label="Client"
              description="Pick a client to choose from its contacts; you can add contacts of several clients."
              placeholder="Choose a client"
              searchable
              clearable
              data={(clients.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={clientId}
              onChange={setClientId}
            />
            <MultiSelect
              label="Client contacts"
              placeholder={clientId ? 'Pick contacts' : 'Choose a client first'}
              searchable
              data={shownContacts}
              value={Object.keys(contacts)}
              onChange={(ids) =>
                setContacts(
                  Object.fromEntries(
                    ids.map((id) => [id, shownContacts.find((c) => c.value === id)?.label ?? id]),
                  ),
                )
              }
            />
          </>
        ) : (
          <Alert color="gray" title="An internal event">
            Only colleagues can be invited. To invite clients, edit the event and open it to clients.
          </Alert>
        )}
        <Textarea
          label="A personal note (optional)"
          autosize
          minRows={2}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button onClick={send} loading={saving} disabled={count === 0}>
            {count === 0 ? 'Send invitations' : `Send ${count} invitation${count === 1 ? '' : 's'}`}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
