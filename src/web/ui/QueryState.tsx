import { Alert, Center, Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

/** Loading spinner, error message, or the content once the data is there. */
export function QueryState<T>(props: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { query } = props;
  if (query.isPending)
    return (
      <Center py="xl">
        <Loader aria-label="Loading" />
      </Center>
    );
  if (query.isError)
    return (
      <Alert color="red" title="Could not load this">
        {query.error.message}
      </Alert>
    );
  return <>{props.children(query.data)}</>;
}
