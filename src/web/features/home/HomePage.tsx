import { Alert, Box, Center, Loader, Stack } from '@mantine/core';
import { PageHeader } from '../../ui/PageHeader';
import { useWorkspace } from '../../ui/workspace';
import { PurposeCard } from '../community/PurposeCard';
import { GettingStarted } from './GettingStarted';
import { useGettingStarted, useHomeRelationships } from './homeData';
import { Overview } from './Overview';

/**
 * A new workspace sees its first five steps; one with relationships sees where they stand,
 * with the steps still to do beside it until they are done.
 */
export function HomePage() {
  const { workspace } = useWorkspace();
  const relationships = useHomeRelationships();
  const steps = useGettingStarted(relationships.data);

  if (relationships.isPending || steps.isPending)
    return (
      <Center py="xl">
        <Loader aria-label="Loading" />
      </Center>
    );

  const allDone = steps.team && steps.client && steps.relationship && steps.touchpoint && steps.colleague;
  const hasRelationships = (relationships.data?.items.length ?? 0) > 0;

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
        description="Where your relationships stand, and what moved lately."
      />
      <Stack gap="lg">
        {!allDone && <GettingStarted state={steps} compact />}
        <Overview data={relationships.data!} />
      </Stack>
    </>
  );
}
