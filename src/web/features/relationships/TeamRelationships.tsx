export function TeamRelationships(_props: { teamId: string }) {
  return null;
}
