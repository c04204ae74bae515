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
  /** The time on the clinic's clock, as a datetime-local input holds it. */
  clinicTime: string;
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

/**
 * A clinic wall time (`YYYY-MM-DDTHH:mm`) as two inputs, a date and a time: one
 * datetime-local input is wider than the side panel and hid the month and day.
 */
function ClinicTimeFields({
  value,
  onChange,
  labels,
  hint,
}: {
  value: string;
  onChange: (value: string) => void;
  labels: { date: string; time: string };
  hint: string;
}) {
  const [date = '', time = ''] = value.split('T');
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Field.Root>
        <Field.Label>{labels.date}</Field.Label>
        <Field.Input
          type="date"
          value={date}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(`${e.target.value}T${time}`)}
        />
      </Field.Root>
      <Field.Root hint={hint}>
        <Field.Label>{labels.time}</Field.Label>
        <Field.Input
          type="time"
          value={time}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(`${date}T${e.target.value}`)}
        />
        <Field.Hint />
      </Field.Root>
    </Flex>
  );
}

/** Whether both halves of a wall time are filled in. */
const isComplete = (wall: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(wall);

function ActionLine({
  action,
  onCancel,
  onMove,
  showLabel,
}: {
  action: Action;
  onCancel?: () => void;
  /** Moves the action to a new clinic time; resolves true once it moved. */
  onMove?: (clinicTime: string) => Promise<boolean>;
  showLabel?: boolean;
}) {
  const colors = statusColors[action.status];
  const [newTime, setNewTime] = useState<string | null>(null);
  const what = action.mode === 'publish' ? 'Publish' : 'Unpublish';
  const movable = onMove && (action.status === 'scheduled' || action.status === 'failed');
  return (
    <Flex tag="li" direction="column" alignItems="flex-start" gap={2}>
      <Badge backgroundColor={colors.backgroundColor} textColor={colors.textColor}>
        {action.status}
      </Badge>
      <Typography variant="omega">
        {what}
        {showLabel && action.targetLabel ? ` "${action.targetLabel}"` : ''} {action.clinicTimeText}
      </Typography>
      {action.failureReason ? (
        <Typography variant="pi" textColor="danger600">
          Not done: {action.failureReason.replace(/\.$/, '')}. Fix the entry, then schedule it again.
        </Typography>
      ) : null}
      {movable && newTime !== null ? (
        <Flex direction="column" alignItems="stretch" gap={2} width="100%">
          <ClinicTimeFields
            value={newTime}
            onChange={setNewTime}
            labels={{ date: 'New date', time: 'New time' }}
            hint="Pacific time (America/Los_Angeles)."
          />
          <Button
            size="S"
            fullWidth
            disabled={!isComplete(newTime)}
            onClick={() => void onMove(newTime).then((moved) => moved && setNewTime(null))}
          >
            Save new time
          </Button>
          <Button size="S" fullWidth variant="tertiary" onClick={() => setNewTime(null)}>
            Keep the old time
          </Button>
        </Flex>
      ) : (
        <Flex gap={2} wrap="wrap">
          {movable ? (
            <Button variant="secondary" size="S" onClick={() => setNewTime(action.clinicTime)}>
              Change time
            </Button>
          ) : null}
          {onCancel && (action.status === 'scheduled' || action.status === 'failed') ? (
            <Button variant="tertiary" size="S" onClick={onCancel}>
              {action.status === 'failed' ? 'Dismiss' : `Cancel ${what.toLowerCase()}`}
            </Button>
          ) : null}
        </Flex>
      )}
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
  const { get, post, put, del } = useFetchClient();
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
  const move = async (action: Action, clinicTime: string): Promise<boolean> => {
    setError(null);
    try {
      await put(`/admin/scheduling/actions/${action.documentId}`, { clinicTime });
      await refresh();
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
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
      {mine.length > 0 ? (
        <Flex tag="ul" direction="column" alignItems="stretch" gap={3} aria-label="Scheduled for this entry">
          {mine.map((action) => (
            <ActionLine
              key={action.documentId}
              action={action}
              onCancel={() => void cancel(action)}
              onMove={(clinicTime) => move(action, clinicTime)}
            />
          ))}
        </Flex>
      ) : null}
      {mine.length > 0 ? (
        <Typography variant="sigma" textColor="neutral600">
          Schedule another change
        </Typography>
      ) : null}
      <ClinicTimeFields
        value={when}
        onChange={setWhen}
        labels={{ date: 'Date', time: 'Time' }}
        hint="Pacific time (America/Los_Angeles), whatever your computer's clock is set to. Publishing publishes the saved draft."
      />
      <Button size="S" fullWidth loading={busy} disabled={!isComplete(when)} onClick={() => void schedule('publish')}>
        Schedule publish
      </Button>
      <Button
        size="S"
        fullWidth
        variant="secondary"
        loading={busy}
        disabled={!isComplete(when)}
        onClick={() => void schedule('unpublish')}
      >
        Schedule unpublish
      </Button>
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
          <Flex tag="ul" direction="column" alignItems="flex-start" gap={2}>
            {others.slice(0, 8).map((action) => (
              <ActionLine key={action.documentId} action={action} showLabel />
            ))}
          </Flex>
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
