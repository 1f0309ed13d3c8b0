import { Button, Modal, Radio, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { Client, ClientKind } from '../../../server/features/clients/clients.contract';
import { patch, post } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';
import { clientKindLabel } from './ClientKind';

/** Create a client (then open it) or edit `client`. Mount with a `key` to reset between uses. */
export function ClientFormModal(props: { opened: boolean; onClose: () => void; client?: Client }) {
  const { apiPath, link } = useWorkspace();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const editing = props.client;
  const form = useForm({
    initialValues: {
      name: editing?.name ?? '',
      kind: editing?.kind ?? ('external' as ClientKind),
      industry: editing?.industry ?? '',
      website: editing?.website ?? '',
    },
  });
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={editing ? 'Edit client' : 'New client'}>
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            const saved = editing
              ? await patch<Client>(apiPath(`/clients/${editing.id}`), values)
              : await post<Client>(apiPath('/clients'), values);
            await qc.invalidateQueries({ queryKey: ['clients'] });
            await qc.invalidateQueries({ queryKey: ['client', saved.id] });
            notifySaved(editing ? 'Client saved' : `Client “${saved.name}” added`);
            props.onClose();
            if (!editing) navigate(link(`/clients/${saved.id}`));
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack>
          <TextInput
            label="Name"
            placeholder="Café Central, Finance department…"
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Radio.Group label="Kind" required {...form.getInputProps('kind')}>
            <Stack gap="xs" mt={6}>
              <Radio
                value="external"
                label={clientKindLabel.external}
                description="A customer outside your organisation"
              />
              <Radio
                value="internal"
                label={clientKindLabel.internal}
                description="Colleagues inside your organisation whom one of your teams serves"
              />
            </Stack>
          </Radio.Group>
          <TextInput label="Industry" placeholder="Hospitality" {...form.getInputProps('industry')} />
          <TextInput
            label="Website"
            placeholder="example.com"
            inputMode="url"
            {...form.getInputProps('website')}
          />
          <Button type="submit" loading={form.submitting}>
            {editing ? 'Save' : 'Add client'}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
