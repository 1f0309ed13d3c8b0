import { LinkedRelationships } from './LinkedRelationships';

/** The teams serving a client, on the client's page. */
export function ClientRelationships({ clientId }: { clientId: string }) {
  return (
    <LinkedRelationships
      filter={{ clientId }}
      emptyTitle="No team serves this client yet"
      empty="A relationship is one of your teams serving this client. Start one to follow its stage, check-ins and touchpoints."
    />
  );
}
