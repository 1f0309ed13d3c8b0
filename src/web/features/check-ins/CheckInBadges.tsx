import { Badge } from '@mantine/core';
import type { CheckInStatus } from '../../../server/features/check-ins/check-ins.contract';
import { statusInfo } from './checkInTerms';

export function CheckInStatusBadge({ status }: { status: CheckInStatus }) {
  return (
    <Badge variant="light" color={statusInfo[status].color} w="max-content">
      {statusInfo[status].label}
    </Badge>
  );
}

/** Who filled a side: us, the client themselves, or us on the client's behalf (said in words). */
export function filledByText(filledBy: { kind: string; name: string }): string {
  if (filledBy.kind === 'client') return `Filled in by ${filledBy.name} (client)`;
  if (filledBy.kind === 'provider_on_behalf') return `Filled in by ${filledBy.name} on the client’s behalf`;
  return `Filled in by ${filledBy.name}`;
}
