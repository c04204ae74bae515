import { Badge, Flex, Link, Typography } from '@strapi/design-system';
import type { StrapiApp } from '@strapi/strapi/admin';
import type { ReactNode } from 'react';
import { describeEntryLiveState, publicPathOf, publishedAtOf } from './describe-entry-live-state';
import { badgeColors } from './deploy-status-widget';
import { useDeployStatus } from './use-deploy-status';

/** What the content manager passes an edit-view side panel (the members this panel reads). */
interface PanelProps {
  activeTab: 'draft' | 'published' | null;
  documentId?: string;
  document?: Record<string, unknown>;
  meta?: unknown;
  model: string;
}

function EntryLiveContent(props: PanelProps) {
  const { response, now } = useDeployStatus();

  if (response === undefined) return <Typography textColor="neutral600">Checking the website…</Typography>;
  const state = describeEntryLiveState(
    {
      model: props.model,
      slug: props.document?.slug,
      locale: props.document?.locale,
      publishedAt: publishedAtOf(props),
      hasUnpublishedChanges: props.document?.status === 'modified',
    },
    response,
    now,
  );
  const colors = badgeColors[state.tone];
  return (
    <Flex direction="column" alignItems="flex-start" gap={2} role="status" aria-live="polite">
      <Badge backgroundColor={colors.backgroundColor} textColor={colors.textColor} size="M">
        {state.headline}
      </Badge>
      {state.detail ? <Typography textColor="neutral600">{state.detail}</Typography> : null}
      {state.href ? (
        <Link href={state.href} isExternal>
          Open the page on the website
        </Link>
      ) : null}
    </Flex>
  );
}

/** Edit-view side panel: is this entry's published version live on the website, and a link to its page. */
export function EntryLivePanel(props: PanelProps): { title: string; content: ReactNode } | null {
  // Types without a public page (call requests) have nothing to show.
  if (props.activeTab === null || publicPathOf(props.model, 'x') === null) return null;
  return {
    title: 'Public website',
    content: props.documentId ? (
      <EntryLiveContent {...props} />
    ) : (
      <Typography textColor="neutral600">Save and publish to put this page on the website.</Typography>
    ),
  };
}

interface ContentManagerApis {
  addEditViewSidePanel(panels: (typeof EntryLivePanel)[]): void;
}

/** Adds the panel to every edit view (from `app.tsx`'s `bootstrap`). */
export function addEntryLivePanel(app: Pick<StrapiApp, 'getPlugin'>): void {
  const apis = app.getPlugin('content-manager').apis as Partial<ContentManagerApis>;
  apis.addEditViewSidePanel?.([EntryLivePanel]);
}
