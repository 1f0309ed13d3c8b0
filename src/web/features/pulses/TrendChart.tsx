import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';

export type TrendSeries = { name: string; label: string; color: string };

/** Averages 0–10 over time, one line per series; a hidden round is a gap, not a zero. */
export default function TrendChart(props: {
  data: Record<string, string | number | null>[];
  series: TrendSeries[];
  label: string;
}) {
  return (
    <LineChart
      h={240}
      data={props.data}
      dataKey="when"
      series={props.series}
      yAxisProps={{ domain: [0, 10] }}
      connectNulls={false}
      withLegend={props.series.length > 1}
      legendProps={{ verticalAlign: 'bottom' }}
      curveType="linear"
      aria-label={props.label}
    />
  );
}
