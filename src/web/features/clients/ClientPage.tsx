import { PageHeader } from '../../ui/PageHeader';

export function ClientPage() {
  return <PageHeader title="Client" />;
}
