import { Button } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { type CsvColumn, downloadText, fetchAll, toCsv } from './csv';
import { showApiError } from './forms';

/** "Export CSV" for any paged list: fetches every page with the page's filters and downloads it. */
export function ExportCsvButton<T>(props: {
  path: string;
  params?: Record<string, string | number | boolean | undefined | null>;
  columns: CsvColumn<T>[];
  filename: string;
  size?: 'xs' | 'sm';
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="default"
      size={props.size ?? 'sm'}
      loading={busy}
      leftSection={<IconFileSpreadsheet size={16} />}
      onClick={async () => {
        setBusy(true);
        try {
          const rows = await fetchAll<T>(props.path, props.params);
          const day = new Date().toISOString().slice(0, 10);
          downloadText(toCsv(rows, props.columns), `${props.filename}-${day}.csv`);
        } catch (err) {
          showApiError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      Export CSV
    </Button>
  );
}
