import {
  IconBook2,
  IconBuildingCommunity,
  IconBulb,
  IconCalendarEvent,
  IconHeartHandshake,
  IconMessages,
  IconUser,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { SearchHit, SearchKind } from '../../../server/features/search/search.contract';

type IconProps = { size?: number; stroke?: number };

/** What each kind of hit is called, its icon, and where it leads inside the workspace. */
export const kindInfo: Record<SearchKind, { label: string; icon: ComponentType<IconProps> }> = {
  client: { label: 'Clients', icon: IconBuildingCommunity },
  relationship: { label: 'Relationships', icon: IconHeartHandshake },
  contact: { label: 'Contacts', icon: IconUser },
  topic: { label: 'Topics', icon: IconMessages },
  learning: { label: 'Learnings', icon: IconBulb },
  knowledge: { label: 'Knowledge', icon: IconBook2 },
  event: { label: 'Events', icon: IconCalendarEvent },
};

/** The app path of a hit, relative to the workspace (`link()` adds `/w/<id>`). */
export function hitPath(hit: Pick<SearchHit, 'kind' | 'id' | 'clientId' | 'parentId'>): string {
  switch (hit.kind) {
    case 'client':
      return `/clients/${hit.id}`;
    case 'contact':
      return `/clients/${hit.clientId ?? hit.parentId}`;
    case 'relationship':
      return `/relationships/${hit.id}`;
    case 'topic':
      return `/relationships/${hit.parentId}`;
    case 'learning':
      return `/reflections/${hit.parentId}`;
    case 'knowledge':
      return `/knowledge/${hit.id}`;
    case 'event':
      return `/events/${hit.id}`;
  }
}
