import '@mantine/charts/styles.css';
import { LineChart, ScatterChart } from '@mantine/charts';
import type { Balance, TeamBalance } from '../../../server/features/balance/balance.contract';
import { monthLabel } from './balanceTerms';

/** Outward as a solid line, inward as a dashed one, so the two read apart without colour. */
export function BalanceLines({ balance, onMonth }: { balance: Balance; onMonth: (index: number) => void }) {
  const data = balance.months.map((m, i) => ({
    month: monthLabel(m),
    outward: balance.outward[i]?.index ?? null,
    inward: balance.inward[i]?.index ?? null,
  }));
  return (
    <LineChart
      h={300}
      data={data}
      dataKey="month"
      withLegend
      legendProps={{ verticalAlign: 'bottom' }}
      yAxisProps={{ domain: [0, 100] }}
      connectNulls={false}
      withPointLabels
      series={[
        { name: 'outward', label: 'Outward (solid line)', color: 'indigo.7' },
        { name: 'inward', label: 'Inward (dashed line)', color: 'teal.7', strokeDasharray: '7 5' },
      ]}
      lineChartProps={{
        onClick: (state) => {
          const i = Number((state as { activeTooltipIndex?: number | string } | null)?.activeTooltipIndex);
          if (Number.isInteger(i)) onMonth(i);
        },
      }}
      aria-label={`Outward and inward index by month for ${balance.scope.name}`}
    />
  );
}

const teamColors = ['indigo.7', 'teal.7', 'orange.7', 'grape.7', 'cyan.7', 'red.7', 'lime.8', 'pink.7'];

/** Every team at its latest outward (across) and inward (up) index, each labelled with its name. */
export function BalanceQuadrant({ teams }: { teams: TeamBalance[] }) {
  const placed = teams.filter((t) => t.outward !== null && t.inward !== null);
  return (
    <ScatterChart
      h={300}
      data={placed.map((t, i) => ({
        color: teamColors[i % teamColors.length]!,
        name: t.team.name,
        // The team's name rides along on the point for its label.
        data: [
          { outward: t.outward!, inward: t.inward!, team: t.team.name } as unknown as Record<string, number>,
        ],
      }))}
      dataKey={{ x: 'outward', y: 'inward' }}
      xAxisLabel="Outward"
      yAxisLabel="Inward"
      xAxisProps={{ domain: [0, 100] }}
      yAxisProps={{ domain: [0, 100] }}
      referenceLines={[
        { x: 50, label: '', color: 'gray.5' },
        { y: 50, label: '', color: 'gray.5' },
      ]}
      scatterProps={{
        label: { dataKey: 'team', position: 'top', fontSize: 12, fill: 'var(--mantine-color-text)' },
      }}
      aria-label="Teams by outward and inward index"
    />
  );
}
