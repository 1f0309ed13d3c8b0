import { PageHeader } from '../../ui/PageHeader';

export function ClientsPage() {
  return <PageHeader title="Clients" />;
}
