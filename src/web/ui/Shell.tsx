import { AppShell, Burger, Center, Group, Loader, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconActivityHeartbeat,
  IconBook2,
  IconBuildingCommunity,
  IconCalendarEvent,
  IconClock,
  IconFlask,
  IconHeartHandshake,
  IconHome,
  IconLayoutKanban,
  IconMessageCircleQuestion,
  IconScale,
  IconSettings,
  IconSitemap,
  IconSparkles,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useRef } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { GlobalSearch, SearchButton } from '../features/search/GlobalSearch';
import { Logo } from './Logo';
import { NotFound } from './NotFound';
import { useRoutedLinks } from './routedLinks';
import classes from './Shell.module.css';
import { UserMenu, WorkspaceSwitcher } from './ShellMenus';
import { useMe, useWorkspace } from './workspace';

const nav = [
  { to: '', label: 'Home', icon: IconHome },
  { to: '/relationships', label: 'Relationships', icon: IconHeartHandshake },
  { to: '/check-ins', label: 'Check-ins', icon: IconCalendarEvent },
  { to: '/topics', label: 'Topics', icon: IconLayoutKanban },
  { to: '/clients', label: 'Clients', icon: IconBuildingCommunity },
  { to: '/teams', label: 'Teams', icon: IconUsersGroup },
  { to: '/services', label: 'Services', icon: IconSitemap },
  { to: '/pulses', label: 'Pulses', icon: IconActivityHeartbeat },
  { to: '/experiments', label: 'Experiments', icon: IconFlask },
  { to: '/reflections', label: 'Reflections', icon: IconMessageCircleQuestion },
  { to: '/time', label: 'Time', icon: IconClock },
  { to: '/balance', label: 'Balance', icon: IconScale },
  { to: '/community', label: 'Community', icon: IconSparkles },
  { to: '/knowledge', label: 'Knowledge', icon: IconBook2 },
  { to: '/settings', label: 'Settings', icon: IconSettings },
];

export function Shell() {
  const [opened, { toggle, close }] = useDisclosure();
  const me = useMe();
  const { workspace, link } = useWorkspace();
  const location = useLocation();
  const links = useRef<HTMLDivElement>(null);
  // Following a link folds the navigation away (at phone width it covers the page).
  useRoutedLinks(links, close);

  if (me.isPending)
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (!workspace) return <NotFound />;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
              aria-expanded={opened}
            />
            <Link
              to={link('')}
              style={{ textDecoration: 'none', color: 'inherit' }}
              aria-label="Twofold home"
            >
              <Logo compact />
            </Link>
            <WorkspaceSwitcher me={me.data} current={workspace} />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <SearchButton />
            <UserMenu me={me.data} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation">
        <ScrollArea>
          <div ref={links}>
            {nav.map((item) => {
              const href = link(item.to);
              const active =
                item.to === ''
                  ? location.pathname === href || location.pathname === `${href}/`
                  : location.pathname.startsWith(href);
              return (
                <a
                  key={item.label}
                  href={href}
                  className={`${classes.navLink} mantine-focus-auto`}
                  aria-current={active ? 'page' : undefined}
                >
                  <span className={classes.navIcon}>
                    <item.icon size={18} stroke={1.6} aria-hidden />
                  </span>
                  <span className={classes.navBody}>
                    <span className={classes.navLabel}>{item.label}</span>
                  </span>
                </a>
              );
            })}
          </div>
        </ScrollArea>
        <Text size="xs" c="dimmed" mt="auto" p="xs">
          Two movements: outward with clients, inward with ourselves.
        </Text>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
      <GlobalSearch />
    </AppShell>
  );
}
