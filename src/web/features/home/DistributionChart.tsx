import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import type { Portfolio } from '../../../server/features/health/portfolio.contract';

const colors = ['red.6', 'orange.6', 'yellow.6', 'teal.5', 'teal.7'];

/** Active relationships per band of health; a click on a bar is not needed: the list below names the ones at risk. */
export default function DistributionChart({ distribution }: { distribution: Portfolio['distribution'] }) {
  const data = distribution.map((b, i) => ({
    band: `${b.from}–${b.to}`,
    relationships: b.count,
    color: colors[i]!,
  }));
  return (
    <BarChart
      h={180}
      data={data}
      dataKey="band"
      series={[{ name: 'relationships', label: 'Relationships', color: 'indigo.6' }]}
      getBarColor={(_, entry) => (entry as unknown as { color: string }).color}
      yAxisProps={{ allowDecimals: false }}
      aria-label={`Health distribution: ${data.map((d) => `${d.relationships} at ${d.band}`).join(', ')}`}
    />
  );
}
