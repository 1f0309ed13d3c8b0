import { Button, Modal, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import type { Contact } from '../../../server/features/clients/contacts.contract';
import { patch, post } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';

/** Add a contact to `clientId`, or edit `contact`. Mount with a `key` to reset between uses. */
export function ContactFormModal(props: {
  opened: boolean;
  onClose: () => void;
  clientId: string;
  contact?: Contact;
}) {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  const editing = props.contact;
  const form = useForm({
    initialValues: {
      name: editing?.name ?? '',
      email: editing?.email ?? '',
      role: editing?.role ?? '',
      portalAccess: editing?.portalAccess ?? false,
    },
  });
  const base = apiPath(`/clients/${props.clientId}/contacts`);
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={editing ? 'Edit contact' : 'New contact'}>
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            const saved = editing
              ? await patch<Contact>(`${base}/${editing.id}`, values)
              : await post<Contact>(base, values);
            await qc.invalidateQueries({ queryKey: ['contacts', props.clientId] });
            await qc.invalidateQueries({ queryKey: ['client', props.clientId] });
            await qc.invalidateQueries({ queryKey: ['clients'] });
            notifySaved(editing ? 'Contact saved' : `${saved.name} added`);
            props.onClose();
          } catch (err) {
            showApiError(err, form.setErrors);
          }
        })}
      >
        <Stack>
          <TextInput
            label="Name"
            placeholder="Mia Berg"
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <TextInput
            label="Email"
            placeholder="mia@example.com"
            type="email"
            required
            {...form.getInputProps('email')}
          />
          <TextInput label="Role" placeholder="Head of purchasing" {...form.getInputProps('role')} />
          <Switch
            label="Portal access"
            description="Lets them share their context, propose and vote on topics, and answer pulses in the client portal"
            {...form.getInputProps('portalAccess', { type: 'checkbox' })}
          />
          <Button type="submit" loading={form.submitting}>
            {editing ? 'Save' : 'Add contact'}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
