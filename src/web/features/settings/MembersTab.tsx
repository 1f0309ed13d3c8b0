import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Invitation, MemberItem, Role } from '../../../server/features/accounts/accounts.contract';
import type { Page } from '../../../server/platform/common.contract';
import { del, get, patch } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { QueryState } from '../../ui/QueryState';
import { formatDate, relativeTime } from '../../ui/when';
import { useMe, useWorkspace } from '../../ui/workspace';
import { InviteModal } from './InviteModal';
import { roleLabel } from './roles';

export function MembersTab() {
  const { apiPath, workspaceId, isAdmin } = useWorkspace();
  const [inviting, { open, close }] = useDisclosure();
  const members = useQuery({
    queryKey: ['members', workspaceId],
    queryFn: () => get<Page<MemberItem>>(apiPath('/members')),
  });

  return (
    <Stack gap="xl">
      <section aria-labelledby="members-heading">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Stack gap={0}>
            <Title order={3} id="members-heading">
              Members
            </Title>
            <Text size="sm" c="dimmed">
              {isAdmin
                ? 'Owners and admins manage the workspace; members do the work with clients.'
                : 'The people in this workspace. Ask an admin to invite someone or change a role.'}
            </Text>
          </Stack>
          {isAdmin && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={open}>
              Invite
            </Button>
          )}
        </Group>
        <QueryState query={members}>{(page) => <MembersTable items={page.items} />}</QueryState>
      </section>
      {isAdmin && <PendingInvitations />}
      {isAdmin && <InviteModal key={String(inviting)} opened={inviting} onClose={close} />}
    </Stack>
  );
}

function MembersTable({ items }: { items: MemberItem[] }) {
  const { apiPath, role: myRole, isAdmin } = useWorkspace();
  const me = useMe();
  const qc = useQueryClient();
  const myId = me.data?.user.id;
  const refresh = () => qc.invalidateQueries({ queryKey: ['members'] });
  // Only an owner grants or takes away ownership.
  const mayChange = (m: MemberItem) =>
    isAdmin && m.userId !== myId && (myRole === 'owner' || m.role !== 'owner');
  const roleOptions = (
    myRole === 'owner' ? (['owner', 'admin', 'member'] as const) : (['admin', 'member'] as const)
  ).map((r) => ({ value: r, label: roleLabel[r] }));

  const changeRole = async (m: MemberItem, role: Role) => {
    try {
      await patch(apiPath(`/members/${m.userId}`), { role });
      await refresh();
      notifySaved(`${m.name} is now ${roleLabel[role].toLowerCase()}`);
    } catch (err) {
      showApiError(err);
    }
  };

  const remove = (m: MemberItem) =>
    modals.openConfirmModal({
      title: `Remove ${m.name}?`,
      children: (
        <Text size="sm">
          {m.name} loses access to this workspace at once. What they logged — touchpoints, assessments —
          stays.
        </Text>
      ),
      labels: { confirm: 'Remove member', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await del(apiPath(`/members/${m.userId}`));
          await refresh();
          notifySaved(`${m.name} removed`);
        } catch (err) {
          showApiError(err);
        }
      },
    });

  return (
    <Table.ScrollContainer minWidth={380}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th visibleFrom="sm">Joined</Table.Th>
            {isAdmin && (
              <Table.Th w={56}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => (
            <Table.Tr key={m.userId}>
              <Table.Td>
                <Text fw={500}>
                  {m.name}
                  {m.userId === myId && (
                    <Text span c="dimmed" fw={400}>
                      {' '}
                      (you)
                    </Text>
                  )}
                </Text>
                <Text size="sm" c="dimmed" style={{ wordBreak: 'break-word' }}>
                  {m.email}
                </Text>
              </Table.Td>
              <Table.Td>
                {mayChange(m) ? (
                  <Select
                    aria-label={`Role of ${m.name}`}
                    data={roleOptions}
                    value={m.role}
                    allowDeselect={false}
                    w={140}
                    size="sm"
                    onChange={(v) => v && v !== m.role && changeRole(m, v as Role)}
                  />
                ) : (
                  <Badge variant="light" color={m.role === 'member' ? 'gray' : 'indigo'}>
                    {roleLabel[m.role]}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <Text size="sm">{formatDate(m.joinedAt)}</Text>
              </Table.Td>
              {isAdmin && (
                <Table.Td>
                  {mayChange(m) && (
                    <Tooltip label={`Remove ${m.name}`}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove ${m.name}`}
                        onClick={() => remove(m)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function invitationState(inv: Invitation): { label: string; color: string } {
  if (inv.acceptedAt) return { label: 'Accepted', color: 'teal' };
  if (new Date(inv.expiresAt).getTime() < Date.now()) return { label: 'Expired', color: 'gray' };
  return { label: `Pending · expires ${relativeTime(inv.expiresAt)}`, color: 'yellow' };
}

function PendingInvitations() {
  const { apiPath, workspaceId } = useWorkspace();
  const invitations = useQuery({
    queryKey: ['invitations', workspaceId],
    queryFn: () => get<Page<Invitation>>(apiPath('/invitations')),
  });
  return (
    <section aria-labelledby="invitations-heading">
      <Title order={3} id="invitations-heading" mb={4}>
        Invitations
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        An invitation link works for 7 days. If no mail server is set up, find the link in the Outbox tab.
      </Text>
      <QueryState query={invitations}>
        {(page) =>
          page.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              No invitations yet. Invite the colleagues who serve your clients with you.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={380}>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Email</Table.Th>
                    <Table.Th>Role</Table.Th>
                    <Table.Th visibleFrom="sm">Sent</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((inv) => {
                    const state = invitationState(inv);
                    return (
                      <Table.Tr key={inv.id}>
                        <Table.Td style={{ wordBreak: 'break-word' }}>{inv.email}</Table.Td>
                        <Table.Td>{roleLabel[inv.role]}</Table.Td>
                        <Table.Td visibleFrom="sm">{relativeTime(inv.createdAt)}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={state.color}>
                            {state.label}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </section>
  );
}
