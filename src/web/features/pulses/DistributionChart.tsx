import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';

/** How many answered 0 … 10; the numbers are also read out in the table beside it. */
export default function DistributionChart(props: { distribution: number[]; label: string }) {
  return (
    <BarChart
      h={220}
      data={props.distribution.map((n, score) => ({ score: String(score), answers: n }))}
      dataKey="score"
      series={[{ name: 'answers', label: 'Answers', color: 'blue.6' }]}
      xAxisLabel="Score"
      yAxisProps={{ allowDecimals: false }}
      aria-label={props.label}
    />
  );
}
