import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Service } from '../../../server/features/services/services.contract';
import { del } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { RowActions } from '../../ui/RowActions';
import { useWorkspace } from '../../ui/workspace';
import { ServiceFormModal } from './ServiceFormModal';
import { ServiceKindBadge } from './ServiceKindBadge';

/** Services as rows with edit and (for admins) delete; `show` picks the context column. */
export function ServicesTable(props: { items: Service[]; show: 'team' | 'kind' }) {
  const { apiPath, link, isAdmin } = useWorkspace();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Service | null>(null);

  const confirmDelete = (s: Service) =>
    modals.openConfirmModal({
      title: `Delete ${s.name}?`,
      children: (
        <Text size="sm">Relationships that name this service keep going; they just stop naming it.</Text>
      ),
      labels: { confirm: 'Delete service', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await del(apiPath(`/services/${s.id}`));
          await qc.invalidateQueries({ queryKey: ['services'] });
          notifySaved(`Service “${s.name}” deleted`);
        } catch (err) {
          showApiError(err);
        }
      },
    });

  return (
    <>
      <Table.ScrollContainer minWidth={340}>
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="30%">Service</Table.Th>
              <Table.Th w="22%">{props.show === 'team' ? 'Team' : 'Kind'}</Table.Th>
              <Table.Th visibleFrom="sm">Description</Table.Th>
              <Table.Th w={90}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {s.name}
                  </Text>
                  {s.description && (
                    <Text size="xs" c="dimmed" lineClamp={2} hiddenFrom="sm">
                      {s.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {props.show === 'team' ? (
                    <Anchor component={Link} to={link(`/teams/${s.team.id}`)} size="sm">
                      {s.team.name}
                    </Anchor>
                  ) : (
                    <ServiceKindBadge kind={s.kind} />
                  )}
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="sm" c={s.description ? undefined : 'dimmed'} lineClamp={2}>
                    {s.description || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <RowActions
                    name={s.name}
                    onEdit={() => setEditing(s)}
                    onDelete={isAdmin ? () => confirmDelete(s) : undefined}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && (
        <ServiceFormModal key={editing.id} opened onClose={() => setEditing(null)} service={editing} />
      )}
    </>
  );
}
