import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';

/** The edit and delete icons at the end of a table row, each named for the thing it acts on. */
export function RowActions(props: {
  name: string;
  onEdit?: () => void;
  onDelete?: () => void;
  deleteLabel?: string;
}) {
  const deleteLabel = props.deleteLabel ?? 'Delete';
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {props.onEdit && (
        <Tooltip label="Edit">
          <ActionIcon variant="subtle" aria-label={`Edit ${props.name}`} onClick={props.onEdit}>
            <IconPencil size={16} />
          </ActionIcon>
        </Tooltip>
      )}
      {props.onDelete && (
        <Tooltip label={deleteLabel}>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`${deleteLabel} ${props.name}`}
            onClick={props.onDelete}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
