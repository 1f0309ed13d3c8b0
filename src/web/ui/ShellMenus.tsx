import { Avatar, Button, Menu, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconLogout, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { Me } from '../../server/features/accounts/accounts.contract';
import { post } from './api';
import { showApiError } from './forms';

type Ws = Me['workspaces'][number];

export function WorkspaceSwitcher({ me, current }: { me: Me; current: Ws }) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [opened, { open, close }] = useDisclosure();
  const form = useForm({ initialValues: { name: '' } });
  return (
    <>
      <Menu position="bottom-start" width={260}>
        <Menu.Target>
          <UnstyledButton aria-label="Switch workspace" px="xs" py={4} style={{ borderRadius: 6 }}>
            <Text size="sm" fw={500} truncate maw={{ base: 120, sm: 260 }} span>
              {current.name} <IconChevronDown size={14} style={{ verticalAlign: 'middle' }} />
            </Text>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Workspaces</Menu.Label>
          {me.workspaces.map((w) => (
            <Menu.Item
              key={w.id}
              onClick={() => navigate(`/w/${w.id}`)}
              fw={w.id === current.id ? 600 : undefined}
            >
              {w.name}
              <Text size="xs" c="dimmed" span>
                {' '}
                · {w.role}
              </Text>
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconPlus size={14} />} onClick={open}>
            New workspace
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={opened} onClose={close} title="New workspace">
        <form
          onSubmit={form.onSubmit(async (v) => {
            try {
              const ws = await post<Ws>('/api/v1/workspaces', v);
              await qc.invalidateQueries({ queryKey: ['me'] });
              close();
              navigate(`/w/${ws.id}`);
            } catch (err) {
              showApiError(err, form.setErrors);
            }
          })}
        >
          <Stack>
            <TextInput
              label="Name"
              placeholder="Northwind Studio"
              required
              data-autofocus
              {...form.getInputProps('name')}
            />
            <Button type="submit">Create workspace</Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

export function UserMenu({ me }: { me: Me }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" width={220}>
      <Menu.Target>
        <UnstyledButton aria-label="Account menu">
          <Avatar radius="xl" size={32} color="indigo">
            {me.user.name.slice(0, 1).toUpperCase()}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Stack gap={0} px="sm" py={6}>
          <Text size="sm" fw={500}>
            {me.user.name}
          </Text>
          <Text size="xs" c="dimmed">
            {me.user.email}
          </Text>
        </Stack>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={14} />}
          onClick={async () => {
            await post('/api/v1/auth/logout');
            qc.clear();
            navigate('/login');
          }}
        >
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
