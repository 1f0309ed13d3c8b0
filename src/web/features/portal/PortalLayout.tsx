import { Anchor, AppShell, Button, Center, Container, Group, Loader, Text, TextInput } from '@mantine/core';
import { IconLogout, IconSearch } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Outlet, useNavigate } from 'react-router';
import type { PortalMe } from '../../../server/features/portal/portal.contract';
import { ApiError, get, post } from '../../ui/api';
import { showApiError } from '../../ui/forms';
import { PortalSignIn } from './PortalSignIn';
import { type PortalOutlet, portalPath } from './portalApi';

/**
 * The client portal's frame: lightly branded with the provider's workspace name, no member navigation.
 * Without a portal session it is the "enter your email" page.
 */
export function PortalLayout() {
  const me = useQuery({
    queryKey: ['portal', 'me'],
    queryFn: () => get<PortalMe>(portalPath('/me')),
    retry: false,
  });
  if (me.isPending)
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) return <PortalSignIn />;
    return (
      <Center h="100vh">
        <Text c="red">Could not open the portal: {me.error.message}</Text>
      </Center>
    );
  }
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <PortalHeader me={me.data} />
      </AppShell.Header>
      <AppShell.Main bg="gray.0">
        <Container size="md" px={0}>
          <Outlet context={{ me: me.data } satisfies PortalOutlet} />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

function PortalHeader({ me }: { me: PortalMe }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const signOut = async () => {
    try {
      await post(portalPath('/logout'));
      // Forget everything the contact saw; the frame falls back to the email form.
      await qc.resetQueries({ queryKey: ['portal'] });
    } catch (err) {
      showApiError(err);
    }
  };
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
      <Anchor component={Link} to="/portal" underline="never" c="inherit" style={{ minWidth: 0 }}>
        <Text fw={700} truncate>
          {me.workspace.name}
        </Text>
        <Text size="xs" c="dimmed" truncate visibleFrom="xs">
          Shared space with {me.client.name}
        </Text>
      </Anchor>
      <Group gap="xs" wrap="nowrap">
        <search>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (q.trim()) navigate(`/portal/search?q=${encodeURIComponent(q.trim())}`);
            }}
          >
            <TextInput
              aria-label="Search the shared space"
              placeholder="Search"
              leftSection={<IconSearch size={14} />}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              w={{ base: 130, sm: 220 }}
            />
          </form>
        </search>
        <Button variant="subtle" size="compact-sm" leftSection={<IconLogout size={14} />} onClick={signOut}>
          <Text span size="sm" visibleFrom="sm">
            Sign out
          </Text>
          <Text span size="sm" hiddenFrom="sm" aria-hidden>
            Out
          </Text>
        </Button>
      </Group>
    </Group>
  );
}
