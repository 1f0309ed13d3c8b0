import { PageHeader } from '../../ui/PageHeader';

export function ServicesPage() {
  return <PageHeader title="Services" />;
}
