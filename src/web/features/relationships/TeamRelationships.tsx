import { LinkedRelationships } from './LinkedRelationships';

/** The clients a team serves, on the team's page. */
export function TeamRelationships({ teamId }: { teamId: string }) {
  return (
    <LinkedRelationships
      filter={{ teamId }}
      emptyTitle="This team serves no client yet"
      empty="A relationship is this team serving one client. Start one to follow its stage, check-ins and touchpoints."
    />
  );
}
