import { Alert, Badge, Select, Table, Text, Tooltip } from '@mantine/core';
import {
  type ImportEntity,
  importFields,
  type ImportMapping as Mapping,
  mappingProblems,
  readRow,
} from '../../../domain/imports';
import type { PreviewRow } from '../../../server/features/imports/imports.contract';

const NONE = '';

/** Our fields, each with a Select of the file's columns; the suggestion comes pre-filled. */
export function MappingTable(props: {
  entity: ImportEntity;
  columns: string[];
  mapping: Mapping;
  onChange: (m: Mapping) => void;
}) {
  const problems = Object.fromEntries(
    mappingProblems(props.entity, props.mapping).map((p) => [p.field, p.message]),
  );
  const data = [
    { value: NONE, label: '— not imported —' },
    ...props.columns.map((c) => ({ value: c, label: c })),
  ];
  return (
    <Table verticalSpacing="xs" maw={640}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Twofold field</Table.Th>
          <Table.Th>Column of your file</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {importFields[props.entity].map((f) => (
          <Table.Tr key={f.field}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {f.label}
              </Text>
            </Table.Td>
            <Table.Td>
              <Select
                aria-label={`Column for ${f.label}`}
                data={data}
                value={props.mapping[f.field] ?? NONE}
                onChange={(v) => props.onChange({ ...props.mapping, [f.field]: v || null })}
                allowDeselect={false}
                searchable
                error={problems[f.field]}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The first rows as they would be imported; a cell that would reject its row is red, with the reason. */
export function PreviewTable(props: { entity: ImportEntity; mapping: Mapping; rows: PreviewRow[] }) {
  const fields = importFields[props.entity].filter((f) => props.mapping[f.field]);
  const checked = props.rows.map((r) => ({
    ...r,
    problems: readRow(props.entity, props.mapping, r.cells).problems,
  }));
  const broken = checked.filter((r) => r.problems.length > 0).length;
  return (
    <>
      {broken > 0 && (
        <Alert color="orange" mb="sm" title={`${broken} of the first ${checked.length} rows have problems`}>
          They will be skipped and listed in the report, where you can download them to fix and import again.
        </Alert>
      )}
      <Table.ScrollContainer minWidth={500}>
        <Table verticalSpacing={6} withTableBorder fz="sm" aria-label="Preview of the first rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Row</Table.Th>
              {fields.map((f) => (
                <Table.Th key={f.field}>{f.label}</Table.Th>
              ))}
              <Table.Th>Problems</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {checked.map((r) => {
              const byField = new Map(r.problems.map((p) => [p.field, p.message]));
              return (
                <Table.Tr key={r.row} bg={r.problems.length ? 'var(--mantine-color-red-light)' : undefined}>
                  <Table.Td>{r.row}</Table.Td>
                  {fields.map((f) => {
                    const problem =
                      byField.get(f.field) ??
                      (f.field === 'firstName' || f.field === 'lastName' ? byField.get('name') : undefined);
                    const value = r.cells[props.mapping[f.field] ?? ''] ?? '';
                    return (
                      <Table.Td
                        key={f.field}
                        c={problem ? 'red.8' : undefined}
                        fw={problem ? 600 : undefined}
                      >
                        {problem ? (
                          <Tooltip label={problem}>
                            <span>{value || '(empty)'}</span>
                          </Tooltip>
                        ) : (
                          value
                        )}
                      </Table.Td>
                    );
                  })}
                  <Table.Td>
                    {r.problems.length === 0 ? (
                      <Badge color="green" variant="light">
                        OK
                      </Badge>
                    ) : (
                      r.problems.map((p) => (
                        <Text key={p.field} size="xs" c="red.8">
                          {p.field} {p.message}
                        </Text>
                      ))
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
