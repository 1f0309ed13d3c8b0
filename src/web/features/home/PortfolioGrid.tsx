import { Paper, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import type { Portfolio } from '../../../server/features/health/portfolio.contract';
import { useWorkspace } from '../../ui/workspace';
import { levelInfo, levelOrder, stageInfo, stageOrder } from '../relationships/terms';

/** Active relationships on the stage ladder (across) and the truth pyramid (up); each cell opens its list. */
export function PortfolioGrid({ portfolio }: { portfolio: Portfolio }) {
  const { link } = useWorkspace();
  const countOf = (stage: string, level: string) =>
    portfolio.grid.find((g) => g.stage === stage && g.pyramidLevel === level)?.count ?? 0;
  const max = Math.max(1, ...portfolio.grid.map((g) => g.count));
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="portfolio-grid">
      <Title order={3} id="portfolio-grid" mb={4}>
        Stage × truth pyramid
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {portfolio.active} active relationship{portfolio.active === 1 ? '' : 's'}. Further right is closer
        partnership; higher up meets deeper needs.
      </Text>
      <Table.ScrollContainer minWidth={520}>
        <Table withColumnBorders withTableBorder layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>Pyramid level</Table.Th>
              {stageOrder.map((s) => (
                <Table.Th key={s} ta="center">
                  {stageInfo[s].label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...levelOrder].reverse().map((l) => (
              <Table.Tr key={l}>
                <Table.Th scope="row" fw={500}>
                  {levelInfo[l].label}
                </Table.Th>
                {stageOrder.map((s) => {
                  const n = countOf(s, l);
                  return (
                    <Table.Td
                      key={s}
                      ta="center"
                      p={0}
                      style={{
                        background:
                          n > 0
                            ? `color-mix(in srgb, var(--mantine-color-indigo-5) ${Math.round((n / max) * 45) + 8}%, transparent)`
                            : undefined,
                      }}
                    >
                      {n > 0 ? (
                        <UnstyledButton
                          component={Link}
                          to={link(`/relationships?stage=${s}&pyramidLevel=${l}&status=active`)}
                          aria-label={`${n} ${stageInfo[s].label.toLowerCase()} meeting ${levelInfo[l].label.toLowerCase()}: show them`}
                          w="100%"
                          py="sm"
                          fw={700}
                          fz="lg"
                          style={{ display: 'block', textAlign: 'center' }}
                        >
                          {n}
                        </UnstyledButton>
                      ) : (
                        <Text c="dimmed" py="sm" aria-label="none">
                          ·
                        </Text>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
