import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Invitation, Role } from '../../../server/features/accounts/accounts.contract';
import type { OutboxMessage } from '../../../server/features/settings/settings.contract';
import type { Page } from '../../../server/platform/common.contract';
import { get, post } from '../../ui/api';
import { showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';
import { CopyField } from './CopyField';
import { roleLabel } from './roles';

type Sent = { email: string; heldLink: string | null };

/**
 * Invites by email. With no mail server configured the email waits in the outbox, so the modal hands over
 * the link right away instead of sending the admin to look for it.
 */
export function InviteModal(props: { opened: boolean; onClose: () => void }) {
  const { apiPath, role } = useWorkspace();
  const qc = useQueryClient();
  const [sent, setSent] = useState<Sent | null>(null);
  const form = useForm<{ email: string; role: Role }>({ initialValues: { email: '', role: 'member' } });
  const roles: Role[] = role === 'owner' ? ['member', 'admin', 'owner'] : ['member', 'admin'];

  const heldLinkFor = async (email: string): Promise<string | null> => {
    const outbox = await get<Page<OutboxMessage>>(apiPath('/outbox?limit=20'));
    const held = outbox.items.find((m) => m.to === email && m.status === 'outbox');
    return held ? (/https?:\/\/\S+\/invite\/\S+/.exec(held.text)?.[0] ?? null) : null;
  };

  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Invite a colleague">
      {sent ? (
        <Stack>
          {sent.heldLink ? (
            <>
              <Alert color="yellow" title="The email was not sent">
                No mail server is configured for this Twofold (SMTP_URL), so the invitation waits in the
                Outbox. Send {sent.email} this link yourself — it works for 7 days:
              </Alert>
              <CopyField value={sent.heldLink} label="invitation link" />
            </>
          ) : (
            <Text>
              Invitation sent to <b>{sent.email}</b>. The link in it works for 7 days.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setSent(null)}>
              Invite someone else
            </Button>
            <Button onClick={props.onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={form.onSubmit(async (values) => {
            try {
              const inv = await post<Invitation>(apiPath('/invitations'), values);
              await qc.invalidateQueries({ queryKey: ['invitations'] });
              await qc.invalidateQueries({ queryKey: ['outbox'] });
              const heldLink = await heldLinkFor(inv.email).catch(() => null);
              setSent({ email: inv.email, heldLink });
              form.reset();
            } catch (err) {
              showApiError(err, form.setErrors);
            }
          })}
        >
          <Stack>
            <TextInput
              label="Email"
              type="email"
              placeholder="colleague@example.com"
              required
              data-autofocus
              {...form.getInputProps('email')}
            />
            <Select
              label="Role"
              description="Admins manage members, API tokens and settings; members work with clients."
              data={roles.map((r) => ({ value: r, label: roleLabel[r] }))}
              allowDeselect={false}
              {...form.getInputProps('role')}
            />
            <Button type="submit" loading={form.submitting}>
              Send invitation
            </Button>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
