import { Badge, Button, Field, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, type StrapiApp } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { toClinicTime } from '../scheduling/clinic-time.ts';

/** What the content manager passes an edit-view side panel (the members this panel reads). */
interface PanelProps {
  activeTab: 'draft' | 'published' | null;
  documentId?: string;
  document?: { locale?: unknown };
  model: string;
}

interface Action {
  documentId: string;
  targetDocumentId: string;
  targetLabel: string | null;
  mode: 'publish' | 'unpublish';
  status: 'scheduled' | 'running' | 'done' | 'failed';
  clinicTimeText: string;
  failureReason: string | null;
}

const statusColors: Record<Action['status'], { backgroundColor: string; textColor: string }> = {
  scheduled: { backgroundColor: 'primary100', textColor: 'primary700' },
  running: { backgroundColor: 'warning100', textColor: 'warning700' },
  done: { backgroundColor: 'success100', textColor: 'success700' },
  failed: { backgroundColor: 'danger100', textColor: 'danger700' },
};

function messageOf(error: unknown): string {
  const data = (error as { response?: { data?: { error?: { message?: unknown } } } } | null)?.response?.data;
  const message = data?.error?.message;
  if (typeof message === 'string') return message;
  return error instanceof Error ? error.message : 'The request failed';
}

function ActionLine({ action, onCancel, showLabel }: { action: Action; onCancel?: () => void; showLabel?: boolean }) {
  const colors = statusColors[action.status];
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Flex gap={2}>
        <Badge backgroundColor={colors.backgroundColor} textColor={colors.textColor}>
          {action.status}
        </Badge>
        <Typography variant="omega">
          {action.mode === 'publish' ? 'Publish' : 'Unpublish'}
          {showLabel && action.targetLabel ? ` "${action.targetLabel}"` : ''} {action.clinicTimeText}
        </Typography>
      </Flex>
      {action.failureReason ? (
        <Typography variant="pi" textColor="danger600">
          Not done: {action.failureReason}. Fix the entry, then schedule it again.
        </Typography>
      ) : null}
      {onCancel && (action.status === 'scheduled' || action.status === 'failed') ? (
        <Button variant="tertiary" size="S" onClick={onCancel}>
          {action.status === 'failed' ? 'Dismiss' : 'Cancel'}
        </Button>
      ) : null}
    </Flex>
  );
}

function SchedulingContent({
  model,
  documentId,
  locale,
}: {
  model: string;
  documentId: string;
  locale: string | null;
}) {
  const { get, post, del } = useFetchClient();
  const [mine, setMine] = useState<Action[]>([]);
  const [others, setOthers] = useState<Action[]>([]);
  const [when, setWhen] = useState(() => toClinicTime(new Date(Date.now() + 60 * 60_000)));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const entry = new URLSearchParams({
        targetUid: model,
        targetDocumentId: documentId,
        ...(locale ? { targetLocale: locale } : {}),
      });
      const [own, all] = await Promise.all([
        get<{ data: Action[] }>(`/admin/scheduling/actions?${entry.toString()}`),
        get<{ data: Action[] }>('/admin/scheduling/actions'),
      ]);
      setMine(
        own.data.data
          .filter((a) => a.status !== 'done')
          .concat(own.data.data.filter((a) => a.status === 'done').slice(0, 1)),
      );
      setOthers(all.data.data.filter((a) => a.targetDocumentId !== documentId));
    } catch (e) {
      setError(messageOf(e));
    }
  }, [get, model, documentId, locale]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), 15_000);
    return () => clearInterval(timer);
  }, [refresh]);

  const schedule = async (mode: Action['mode']) => {
    setBusy(true);
    setError(null);
    try {
      await post('/admin/scheduling/actions', {
        targetUid: model,
        targetDocumentId: documentId,
        targetLocale: locale,
        mode,
        clinicTime: when,
      });
      await refresh();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const cancel = async (action: Action) => {
    setError(null);
    try {
      await del(`/admin/scheduling/actions/${action.documentId}`);
      await refresh();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      {mine.length === 0 ? <Typography textColor="neutral600">Nothing scheduled for this entry.</Typography> : null}
      {mine.map((action) => (
        <ActionLine key={action.documentId} action={action} onCancel={() => void cancel(action)} />
      ))}
      <Field.Root hint="Pacific time (America/Los_Angeles), whatever your computer's clock is set to. Publishing publishes the saved draft.">
        <Field.Label>Date and time</Field.Label>
        <Field.Input
          type="datetime-local"
          value={when}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setWhen(e.target.value)}
        />
        <Field.Hint />
      </Field.Root>
      <Flex gap={2}>
        <Button size="S" loading={busy} onClick={() => void schedule('publish')}>
          Schedule publish
        </Button>
        <Button size="S" variant="secondary" loading={busy} onClick={() => void schedule('unpublish')}>
          Schedule unpublish
        </Button>
      </Flex>
      {error ? (
        <Typography variant="pi" textColor="danger600" role="alert">
          {error}
        </Typography>
      ) : null}
      {others.length > 0 ? (
        <Flex direction="column" alignItems="flex-start" gap={2}>
          <Typography variant="sigma" textColor="neutral600">
            Also scheduled
          </Typography>
          {others.slice(0, 8).map((action) => (
            <ActionLine key={action.documentId} action={action} showLabel />
          ))}
        </Flex>
      ) : null}
    </Flex>
  );
}

/** Edit-view side panel: schedule this entry's publish or unpublish, see what is planned and what failed. */
export function SchedulingPanel({
  activeTab,
  documentId,
  document,
  model,
}: PanelProps): { title: string; content: ReactNode } | null {
  // Types without draft and publish (call requests) have nothing to schedule.
  if (activeTab === null) return null;
  const locale = typeof document?.locale === 'string' ? document.locale : null;
  return {
    title: 'Schedule',
    content: documentId ? (
      <SchedulingContent model={model} documentId={documentId} locale={locale} />
    ) : (
      <Typography textColor="neutral600">Save the entry first, then schedule it.</Typography>
    ),
  };
}

interface ContentManagerApis {
  addEditViewSidePanel(panels: (typeof SchedulingPanel)[]): void;
}

/** Adds the panel to every edit view (from `app.tsx`'s `bootstrap`). */
export function addSchedulingPanel(app: StrapiApp): void {
  const apis = app.getPlugin('content-manager').apis as Partial<ContentManagerApis>;
  apis.addEditViewSidePanel?.([SchedulingPanel]);
}
