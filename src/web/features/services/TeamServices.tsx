export function TeamServices(_props: { teamId: string }) {
  return null;
}
