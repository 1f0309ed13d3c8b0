import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import type { HealthHistory } from '../../../server/features/health/health.contract';
import { formatDate } from '../relationships/terms';

/** The score day by day (a gap where there was nothing to score). */
export default function HealthHistoryChart({ history }: { history: HealthHistory }) {
  const data = history.points.map((p) => ({ day: formatDate(p.day), health: p.score }));
  return (
    <LineChart
      h={200}
      data={data}
      dataKey="day"
      yAxisProps={{ domain: [0, 100] }}
      connectNulls={false}
      withDots={false}
      curveType="monotone"
      series={[{ name: 'health', label: 'Health', color: 'indigo.7' }]}
      aria-label={`Health from ${formatDate(history.from)} to ${formatDate(history.to)}`}
    />
  );
}
