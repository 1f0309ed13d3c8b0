import { Center, Loader } from '@mantine/core';
import { createBrowserRouter, Navigate } from 'react-router';
import { portfolioQuery } from './features/home/portfolioQuery';
import { queryClient } from './ui/queryClient';
import { meQuery, useMe } from './ui/workspace';

function FullPageLoader() {
  return (
    <Center h="100vh">
      <Loader aria-label="Loading" />
    </Center>
  );
}

/** `/` sends a signed-in person to their first workspace, anyone else to the login page. */
function Root() {
  const me = useMe();
  if (me.isPending) return <FullPageLoader />;
  const first = me.data?.workspaces[0];
  if (!me.data) return <Navigate to="/login" replace />;
  return <Navigate to={first ? `/w/${first.id}` : '/signup'} replace />;
}

// Every screen is its own lazy chunk: the first load carries only the shell.
export const router = createBrowserRouter([
  {
    // The loader shown while the first lazy screen arrives.
    HydrateFallback: FullPageLoader,
    children: routes(),
  },
]);

function routes() {
  return [
    { path: '/', element: <Root /> },
    {
      path: '/login',
      lazy: () => import('./features/accounts/LoginPage').then((m) => ({ Component: m.LoginPage })),
    },
    {
      path: '/signup',
      lazy: () => import('./features/accounts/SignupPage').then((m) => ({ Component: m.SignupPage })),
    },
    {
      path: '/invite/:token',
      lazy: () => import('./features/accounts/InvitePage').then((m) => ({ Component: m.InvitePage })),
    },
    {
      // A pulse recipient's personal link: public, no account.
      path: '/respond/:token',
      lazy: () => import('./features/pulses/RespondPage').then((m) => ({ Component: m.RespondPage })),
    },
    {
      path: '/w/:workspaceId',
      // Static loaders run while the lazy screen's code downloads: the first requests go out at once
      // instead of after the code arrives. They wait for nothing (a failure shows on the screen's own query).
      loader: () => {
        void queryClient.prefetchQuery(meQuery);
        return null;
      },
      lazy: () => import('./ui/Shell').then((m) => ({ Component: m.Shell })),
      children: [
        {
          index: true,
          loader: ({ params }: { params: { workspaceId?: string } }) => {
            if (params.workspaceId) void queryClient.prefetchQuery(portfolioQuery(params.workspaceId));
            return null;
          },
          lazy: () => import('./features/home/HomePage').then((m) => ({ Component: m.HomePage })),
        },
        {
          path: 'relationships',
          lazy: () =>
            import('./features/relationships/RelationshipsPage').then((m) => ({
              Component: m.RelationshipsPage,
            })),
        },
        {
          path: 'relationships/:relationshipId',
          lazy: () =>
            import('./features/relationships/RelationshipPage').then((m) => ({
              Component: m.RelationshipPage,
            })),
        },
        {
          path: 'relationships/:relationshipId/check-ins/:checkInId',
          lazy: () => import('./features/check-ins/CheckInPage').then((m) => ({ Component: m.CheckInPage })),
        },
        {
          path: 'check-ins',
          lazy: () =>
            import('./features/check-ins/CheckInsPage').then((m) => ({ Component: m.CheckInsPage })),
        },
        {
          path: 'topics',
          lazy: () => import('./features/topics/TopicsPage').then((m) => ({ Component: m.TopicsPage })),
        },
        {
          path: 'clients',
          lazy: () => import('./features/clients/ClientsPage').then((m) => ({ Component: m.ClientsPage })),
        },
        {
          path: 'import',
          lazy: () => import('./features/imports/ImportPage').then((m) => ({ Component: m.ImportPage })),
        },
        {
          path: 'import/:importId',
          lazy: () => import('./features/imports/ImportPage').then((m) => ({ Component: m.ImportPage })),
        },
        {
          path: 'clients/:clientId',
          lazy: () => import('./features/clients/ClientPage').then((m) => ({ Component: m.ClientPage })),
        },
        {
          path: 'teams',
          lazy: () => import('./features/teams/TeamsPage').then((m) => ({ Component: m.TeamsPage })),
        },
        {
          path: 'teams/:teamId',
          lazy: () => import('./features/teams/TeamPage').then((m) => ({ Component: m.TeamPage })),
        },
        {
          path: 'services',
          lazy: () => import('./features/services/ServicesPage').then((m) => ({ Component: m.ServicesPage })),
        },
        {
          path: 'pulses',
          lazy: () => import('./features/pulses/PulsesPage').then((m) => ({ Component: m.PulsesPage })),
        },
        {
          path: 'pulses/:pulseId',
          lazy: () => import('./features/pulses/PulsePage').then((m) => ({ Component: m.PulsePage })),
        },
        {
          path: 'experiments',
          lazy: () =>
            import('./features/experiments/ExperimentsPage').then((m) => ({ Component: m.ExperimentsPage })),
        },
        {
          path: 'experiments/:experimentId',
          lazy: () =>
            import('./features/experiments/ExperimentPage').then((m) => ({ Component: m.ExperimentPage })),
        },
        {
          path: 'reflections',
          lazy: () =>
            import('./features/reflections/ReflectionsPage').then((m) => ({ Component: m.ReflectionsPage })),
        },
        {
          path: 'reflections/:reflectionId',
          lazy: () =>
            import('./features/reflections/ReflectionPage').then((m) => ({ Component: m.ReflectionPage })),
        },
        {
          path: 'time',
          lazy: () => import('./features/time/TimePage').then((m) => ({ Component: m.TimePage })),
        },
        {
          path: 'balance',
          lazy: () => import('./features/balance/BalancePage').then((m) => ({ Component: m.BalancePage })),
        },
        {
          path: 'community',
          lazy: () =>
            import('./features/community/CommunityPage').then((m) => ({ Component: m.CommunityPage })),
        },
        {
          path: 'events/:eventId',
          lazy: () => import('./features/community/EventPage').then((m) => ({ Component: m.EventPage })),
        },
        {
          path: 'knowledge',
          lazy: () =>
            import('./features/knowledge/KnowledgePage').then((m) => ({ Component: m.KnowledgePage })),
        },
        {
          path: 'knowledge/new',
          lazy: () =>
            import('./features/knowledge/ArticleEditorPage').then((m) => ({
              Component: m.ArticleEditorPage,
            })),
        },
        {
          path: 'knowledge/:knowledgeId',
          lazy: () => import('./features/knowledge/ArticlePage').then((m) => ({ Component: m.ArticlePage })),
        },
        {
          path: 'knowledge/:knowledgeId/edit',
          lazy: () =>
            import('./features/knowledge/ArticleEditorPage').then((m) => ({
              Component: m.ArticleEditorPage,
            })),
        },
        {
          path: 'search',
          lazy: () => import('./features/search/SearchPage').then((m) => ({ Component: m.SearchPage })),
        },
        {
          path: 'settings',
          lazy: () => import('./features/settings/SettingsPage').then((m) => ({ Component: m.SettingsPage })),
        },
      ],
    },
    {
      // The client portal: its own light frame, no member navigation; its own session.
      path: '/portal',
      lazy: () => import('./features/portal/PortalLayout').then((m) => ({ Component: m.PortalLayout })),
      children: [
        {
          index: true,
          lazy: () => import('./features/portal/PortalHome').then((m) => ({ Component: m.PortalHome })),
        },
        {
          path: 'r/:relationshipId',
          lazy: () =>
            import('./features/portal/PortalRelationshipPage').then((m) => ({
              Component: m.PortalRelationshipPage,
            })),
        },
        {
          path: 'search',
          lazy: () =>
            import('./features/portal/PortalSearchPage').then((m) => ({ Component: m.PortalSearchPage })),
        },
      ],
    },
    { path: '*', lazy: () => import('./ui/NotFound').then((m) => ({ Component: m.NotFound })) },
  ];
}
