import { QueryClient } from '@tanstack/react-query';

/** The app's one query cache: the provider renders with it, and route loaders start requests into it early. */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1, staleTime: 10_000 } },
});
