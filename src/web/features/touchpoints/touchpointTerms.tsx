import {
  type Icon,
  IconBinoculars,
  IconCalendarEvent,
  IconMail,
  IconNote,
  IconPackage,
  IconPhone,
  IconUsers,
} from '@tabler/icons-react';
import type { Side, TouchpointKind } from '../../../server/features/touchpoints/touchpoints.contract';

// How the timeline names and draws each kind of touchpoint, and each side of the relationship.

export const kindInfo: Record<TouchpointKind, { label: string; icon: Icon; hint: string }> = {
  meeting: { label: 'Meeting', icon: IconUsers, hint: 'A conversation in person or on video' },
  call: { label: 'Call', icon: IconPhone, hint: 'A phone call' },
  email: { label: 'Email', icon: IconMail, hint: 'A message worth keeping on the timeline' },
  delivery: {
    label: 'Delivery',
    icon: IconPackage,
    hint: 'Something delivered: a report, a shipment, a release',
  },
  immersion: {
    label: 'Immersion',
    icon: IconBinoculars,
    hint: 'Time spent in their world — working behind their bar, joining their shift',
  },
  event: { label: 'Event', icon: IconCalendarEvent, hint: 'A meet-up, workshop or gathering' },
  note: { label: 'Note', icon: IconNote, hint: 'Something noticed, without a meeting' },
};

export const kindOptions = (Object.keys(kindInfo) as TouchpointKind[]).map((k) => ({
  value: k,
  label: kindInfo[k].label,
}));

export const sideInfo: Record<Side, { label: string; short: string; color: string }> = {
  provider: { label: 'We reached out', short: 'Our side', color: 'indigo' },
  client: { label: 'They reached out', short: 'Their side', color: 'orange' },
};
