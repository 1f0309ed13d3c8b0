import { Tabs } from '@mantine/core';
import {
  IconBuilding,
  IconDatabaseExport,
  IconHistory,
  IconKey,
  IconMail,
  IconUsers,
  IconWebhook,
} from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { useWorkspace } from '../../ui/workspace';
import { TransferTab } from '../transfer/TransferTab';
import { WebhooksTab } from '../webhooks/WebhooksTab';
import { AuditTab } from './AuditTab';
import { MembersTab } from './MembersTab';
import { OutboxTab } from './OutboxTab';
import { TokensTab } from './TokensTab';
import { WorkspaceTab } from './WorkspaceTab';

const tabs = [
  { value: 'workspace', label: 'Workspace', icon: IconBuilding, adminOnly: false },
  { value: 'members', label: 'Members', icon: IconUsers, adminOnly: false },
  { value: 'tokens', label: 'API tokens', icon: IconKey, adminOnly: true },
  { value: 'webhooks', label: 'Webhooks', icon: IconWebhook, adminOnly: true },
  { value: 'data', label: 'Export and restore', icon: IconDatabaseExport, adminOnly: true },
  { value: 'outbox', label: 'Outbox', icon: IconMail, adminOnly: true },
  { value: 'audit', label: 'Audit log', icon: IconHistory, adminOnly: true },
] as const;

/** The workspace's settings; the tab lives in the URL (?tab=members) so it can be linked to. */
export function SettingsPage() {
  const { isAdmin } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const visible = tabs.filter((t) => isAdmin || !t.adminOnly);
  const requested = params.get('tab');
  const current = visible.find((t) => t.value === requested)?.value ?? 'workspace';

  return (
    <>
      <PageHeader
        title="Settings"
        description={
          isAdmin
            ? 'The workspace, who is in it, and how scripts and mail reach it.'
            : 'The workspace and who is in it. Admins manage the rest.'
        }
      />
      <Tabs
        value={current}
        onChange={(v) => v && setParams({ tab: v }, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          {visible.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} leftSection={<t.icon size={16} />}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="workspace">
          <WorkspaceTab />
        </Tabs.Panel>
        <Tabs.Panel value="members">
          <MembersTab />
        </Tabs.Panel>
        {isAdmin && (
          <>
            <Tabs.Panel value="tokens">
              <TokensTab />
            </Tabs.Panel>
            <Tabs.Panel value="webhooks">
              <WebhooksTab />
            </Tabs.Panel>
            <Tabs.Panel value="data">
              <TransferTab />
            </Tabs.Panel>
            <Tabs.Panel value="outbox">
              <OutboxTab />
            </Tabs.Panel>
            <Tabs.Panel value="audit">
              <AuditTab />
            </Tabs.Panel>
          </>
        )}
      </Tabs>
    </>
  );
}
