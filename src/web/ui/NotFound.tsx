import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFound() {
  return (
    <Center h="80vh">
      <Stack align="center">
        <Title order={2}>Nothing here</Title>
        <Text c="dimmed">This page does not exist, or you do not have access to it.</Text>
        <Button component={Link} to="/">
          Go to your workspace
        </Button>
      </Stack>
    </Center>
  );
}
