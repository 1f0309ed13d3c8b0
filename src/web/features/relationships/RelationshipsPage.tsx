import { PageHeader } from '../../ui/PageHeader';

export function RelationshipsPage() {
  return <PageHeader title="Relationships" />;
}
