import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import type { TimeSummary } from '../../../server/features/time/time.contract';
import { kindInfo, kindOrder } from './timeTerms';

const monthLabel = (period: string) =>
  new Date(`${period}T12:00:00Z`).toLocaleDateString(undefined, {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  });

/** Hours by kind per month, stacked; the table beside it carries the same numbers in words. */
export default function TeamTimeChart({ summary }: { summary: TimeSummary }) {
  return (
    <BarChart
      h={280}
      data={summary.periods.map((p) => ({ ...p, month: monthLabel(p.period) }))}
      dataKey="month"
      type="stacked"
      withLegend
      legendProps={{ verticalAlign: 'bottom' }}
      unit=" h"
      series={kindOrder.map((k) => ({ name: k, label: kindInfo[k].label, color: kindInfo[k].color }))}
      aria-label="Hours by kind per month"
    />
  );
}
