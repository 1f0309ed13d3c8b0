import { PageHeader } from '../../ui/PageHeader';

export function RelationshipPage() {
  return <PageHeader title="Relationship" />;
}
