import { Badge, Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { NavLink } from 'react-router-dom';
import { describeScheduledFailures, type FailedScheduledAction } from '../scheduling/describe-scheduled-failures.ts';
import { describeDeployState, type DeployState } from './describe-deploy-state';
import { describeUnpublishedChanges, type UnpublishedChangesSummary } from './describe-unpublished-changes';
import { useDeployStatus } from './use-deploy-status';

/** The badge colours of each tone, in the widget and the edit-view panel alike. */
export const badgeColors: Record<DeployState['tone'], { backgroundColor: string; textColor: string }> = {
  success: { backgroundColor: 'success100', textColor: 'success700' },
  warning: { backgroundColor: 'warning100', textColor: 'warning700' },
  danger: { backgroundColor: 'danger100', textColor: 'danger700' },
  neutral: { backgroundColor: 'neutral150', textColor: 'neutral700' },
};

/** Failures change once a minute at most (the scheduler's sweep): no need to ask as often as for builds. */
const FAILURES_POLL_MS = 15_000;

/** `GET /admin/scheduling/failures`, polled while the widget is shown; empty until the first answer. */
function useScheduledFailures(): FailedScheduledAction[] {
  const { get } = useFetchClient();
  const [failures, setFailures] = useState<FailedScheduledAction[]>([]);
  useEffect(() => {
    let cancelled = false;
    const poll = async () => {
      try {
        const { data } = await get<{ data: FailedScheduledAction[] }>('/admin/scheduling/failures');
        if (!cancelled) setFailures(data.data);
      } catch {
        // The deploy status above already says when the CMS cannot be reached.
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), FAILURES_POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [get]);
  return failures;
}

/** Drafts change when someone saves, not by themselves: a glance every 15 s is plenty on the home page. */
const UNPUBLISHED_POLL_MS = 15_000;

/** `GET /admin/unpublished-changes`, polled while the widget is shown; null until (or unless) it answers. */
function useUnpublishedChanges(): UnpublishedChangesSummary | null {
  const { get } = useFetchClient();
  const [summary, setSummary] = useState<UnpublishedChangesSummary | null>(null);
  useEffect(() => {
    let cancelled = false;
    const poll = async () => {
      try {
        const { data } = await get<unknown>('/admin/unpublished-changes');
        if (!cancelled) setSummary(describeUnpublishedChanges(data));
      } catch {
        // Counting is a help, not the widget's point: without it the widget shows the rest.
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), UNPUBLISHED_POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [get]);
  return summary;
}

/** "3 entries have unpublished changes", then per type links to exactly those entries' list. */
function UnpublishedChanges({ summary }: { summary: UnpublishedChangesSummary }) {
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} aria-label="Unpublished changes" role="group">
      <Typography fontWeight={summary.lines.length > 0 ? 'bold' : undefined} textColor="neutral800">
        {summary.headline}
        {summary.lines.length > 0 ? ':' : ''}
      </Typography>
      {summary.lines.length > 0 ? (
        <Flex tag="ul" direction="column" alignItems="flex-start" gap={1}>
          {summary.lines.map((line) => (
            <li key={line.key}>
              <Typography textColor="neutral800">{line.type}: </Typography>
              {line.links.map((link, index) => (
                <span key={link.path}>
                  {index > 0 ? <Typography textColor="neutral600">, </Typography> : null}
                  <Link tag={NavLink} to={link.path}>
                    {link.text}
                  </Link>
                </span>
              ))}
            </li>
          ))}
        </Flex>
      ) : null}
    </Flex>
  );
}

/** Scheduled publishes and unpublishes that could not run, each with a link to the entry to fix. */
function ScheduledFailures() {
  const summary = describeScheduledFailures(useScheduledFailures());
  if (!summary) return null;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} role="alert">
      <Typography fontWeight="bold" textColor="danger600">
        {summary.headline}:
      </Typography>
      <Flex tag="ul" direction="column" alignItems="flex-start" gap={1}>
        {summary.lines.map((line) => (
          <li key={line.key}>
            <Link tag={NavLink} to={line.editPath}>
              {line.entry}
            </Link>
            <Typography textColor="neutral600">, {line.reason}</Typography>
          </li>
        ))}
      </Flex>
    </Flex>
  );
}

/**
 * Home page widget: is the public website showing the latest published content, what did its last
 * update contain, which entries have changes not yet published, and did a scheduled change fail?
 */
export function DeployStatusWidget() {
  const { response, now } = useDeployStatus();
  const unpublished = useUnpublishedChanges();

  if (response === undefined) return <Typography textColor="neutral600">Checking the website…</Typography>;
  const state = describeDeployState(response, now, unpublished?.names);
  const colors = badgeColors[state.tone];
  return (
    <Flex direction="column" alignItems="flex-start" gap={3}>
      <Flex direction="column" alignItems="flex-start" gap={2} role="status" aria-live="polite">
        <Badge backgroundColor={colors.backgroundColor} textColor={colors.textColor} size="M">
          {state.headline}
        </Badge>
        {state.detail ? <Typography textColor="neutral600">{state.detail}</Typography> : null}
        {state.problems ? (
          <Flex tag="ul" direction="column" alignItems="flex-start" gap={1}>
            {state.problems.map((problem) => (
              <li key={problem}>
                <Typography textColor="danger600">{problem}</Typography>
              </li>
            ))}
          </Flex>
        ) : null}
      </Flex>
      {unpublished ? <UnpublishedChanges summary={unpublished} /> : null}
      <ScheduledFailures />
    </Flex>
  );
}
