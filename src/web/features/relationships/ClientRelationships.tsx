export function ClientRelationships(_props: { clientId: string }) {
  return null;
}
