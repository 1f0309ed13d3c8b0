import { PageHeader } from '../../ui/PageHeader';

export function HomePage() {
  return <PageHeader title="Home" />;
}
