import { Alert, Box, Center, Grid, Loader, Stack } from '@mantine/core';
import { memo, useEffect } from 'react';
import { PageHeader } from '../../ui/PageHeader';
import { useWorkspace } from '../../ui/workspace';
import { PurposeCard } from '../community/PurposeCard';
import { EarlyWarnings, HealthDistribution } from './EarlyWarnings';
import { GettingStarted } from './GettingStarted';
import { useGettingStarted, useHomeRelationships } from './homeData';
import { PortfolioGrid } from './PortfolioGrid';
import { BalanceSummary, CheckInsDue, StageMovements } from './PortfolioLists';
import { usePortfolio } from './portfolioData';
import { PORTFOLIO_RENDERED } from './portfolioQuery';

/**
 * A new workspace sees its first five steps; one with relationships sees the portfolio — where they stand,
 * which are slipping and why, what is due, what moved — with the steps still to do beside it until done.
 * The portfolio shows as soon as its own answer says there are active relationships: the steps' lookups
 * (and the list they read) fill in beside it, never hold it back.
 */
export function HomePage() {
  const { workspace } = useWorkspace();
  const portfolio = usePortfolio();
  const relationships = useHomeRelationships();
  const steps = useGettingStarted(relationships.data);
  const hasActive = (portfolio.data?.active ?? 0) > 0;

  if (!hasActive && (portfolio.isPending || relationships.isPending || steps.isPending))
    return (
      <Center py="xl">
        <Loader aria-label="Loading" />
      </Center>
    );

  const allDone = steps.team && steps.client && steps.relationship && steps.touchpoint && steps.colleague;
  const hasRelationships = hasActive || (relationships.data?.items.length ?? 0) > 0;

  if (!hasRelationships)
    return (
      <>
        <PageHeader
          title={`Welcome to ${workspace?.name ?? 'Twofold'}`}
          description="Twofold helps your teams move each client relationship from supplying to partnering — and make room inside your own organisation for that. Five steps get you going."
        />
        {relationships.isError && (
          <Alert color="red" title="Could not load relationships" mb="md">
            {relationships.error.message}
          </Alert>
        )}
        <Stack gap="lg">
          <PurposeCard compact />
          <GettingStarted state={steps} />
        </Stack>
      </>
    );

  return (
    <>
      <Box mb="lg">
        <PurposeCard compact />
      </Box>
      <PageHeader
        title={workspace?.name ?? 'Home'}
        description="The portfolio: where your relationships stand, which are slipping and why, and what moved."
      />
      <Stack gap="lg">
        {!steps.isPending && !relationships.isPending && !allDone && <GettingStarted state={steps} compact />}
        <Portfolio />
      </Stack>
    </>
  );
}

// Memoised: it takes no props and reads its own queries, so the home page's other lookups resolving (the steps,
// the list they read) do not render the whole portfolio again.
const Portfolio = memo(function Portfolio() {
  const portfolio = usePortfolio();
  // After the commit that put this answer on screen: the bench reads the mark (bench/web.ts).
  useEffect(() => {
    if (portfolio.data) performance.mark(PORTFOLIO_RENDERED);
  }, [portfolio.data]);
  if (portfolio.isPending)
    return (
      <Center py="xl">
        <Loader aria-label="Loading the portfolio" />
      </Center>
    );
  if (portfolio.isError)
    return (
      <Alert color="red" title="Could not load the portfolio">
        {portfolio.error.message}
      </Alert>
    );
  const p = portfolio.data;
  return (
    <Stack gap="lg">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <EarlyWarnings portfolio={p} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <HealthDistribution portfolio={p} />
            <BalanceSummary />
          </Stack>
        </Grid.Col>
      </Grid>
      <PortfolioGrid portfolio={p} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <CheckInsDue portfolio={p} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <StageMovements portfolio={p} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
});
