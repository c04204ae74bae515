import { deployStatusResponseSchema } from '@clinic/shared-types';
import { describeLastUpdate, type TypeNames } from './describe-last-update';

/** What the admin's deploy widget shows: a tone for the badge, one sentence, and a failed build's entries. */
export interface DeployState {
  tone: 'success' | 'warning' | 'danger' | 'neutral';
  headline: string;
  detail?: string;
  /** A failed build's invalid entries, one line each (the first few, then "and 2 more"). */
  problems?: string[];
}

/** How many of a failed build's invalid entries the widget lists before "and N more". */
const MAX_PROBLEMS = 3;

/**
 * The entry lines of a build error ("astro build failed: 2 invalid entries in faqs:\n- faqs entry
 * "a": answer: Required\n- ..."): the first few, then how many more. Stack lines are left out.
 */
export function listProblems(message: string): string[] {
  const entries = message
    .split('\n')
    .slice(1)
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2).trim());
  if (entries.length <= MAX_PROBLEMS) return entries;
  return [...entries.slice(0, MAX_PROBLEMS), `and ${entries.length - MAX_PROBLEMS} more`];
}

/** "12 s ago", "3 min ago", "2 h ago", "4 days ago". */
export function formatAgo(from: Date, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - from.getTime()) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  const days = Math.floor(seconds / 86400);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

/**
 * Turns `GET /admin/deploy-status` into what an editor needs to know: is my change
 * live, still building, or did it fail and why. A failure newer than the live build
 * wins, because the editor's latest publish is not on the site. Once live, it says what the
 * live build was made for, naming content types as `names` does (the admin's display names).
 */
export function describeDeployState(response: unknown, now: Date, names?: TypeNames): DeployState {
  const parsed = deployStatusResponseSchema.safeParse(response);
  if (!parsed.success)
    return {
      tone: 'neutral',
      headline: 'Publishing status unavailable',
      detail: 'Unexpected answer from the publisher.',
    };
  if (!parsed.data.reachable)
    return {
      tone: 'neutral',
      headline: 'Publishing status unavailable',
      detail: `The publisher did not answer (${parsed.data.error}).`,
    };
  const { status } = parsed.data;
  if (status.building) {
    return {
      tone: 'warning',
      headline: 'Building…',
      detail: status.queued
        ? 'Another update is queued after this one.'
        : 'Your changes will be live in a few seconds.',
    };
  }
  if (status.queued) return { tone: 'warning', headline: 'Update queued', detail: 'A build starts in a moment.' };
  const liveAt = status.live ? new Date(status.live.finishedAt) : null;
  if (status.lastError && (!liveAt || new Date(status.lastError.at) > liveAt)) {
    const problems = listProblems(status.lastError.message);
    return {
      tone: 'danger',
      headline: `Failed: ${status.lastError.message.split('\n')[0]}`,
      detail: liveAt
        ? `The site still shows the version published ${formatAgo(liveAt, now)}.`
        : 'The site has not been built yet.',
      ...(problems.length > 0 ? { problems } : {}),
    };
  }
  if (status.live && liveAt)
    return {
      tone: 'success',
      headline: `Live, published ${formatAgo(liveAt, now)}`,
      detail: describeLastUpdate(status.live.trigger, names),
    };
  return { tone: 'neutral', headline: 'Not built yet' };
}
