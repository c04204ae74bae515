import { deployStatusResponseSchema } from '@clinic/shared-types';

/** What the admin's deploy widget shows: a tone for the badge and one sentence. */
export interface DeployState {
  tone: 'success' | 'warning' | 'danger' | 'neutral';
  headline: string;
  detail?: string;
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
 * wins, because the editor's latest publish is not on the site.
 */
export function describeDeployState(response: unknown, now: Date): DeployState {
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
    return {
      tone: 'danger',
      headline: `Failed: ${status.lastError.message.split('\n')[0]}`,
      detail: liveAt
        ? `The site still shows the version published ${formatAgo(liveAt, now)}.`
        : 'The site has not been built yet.',
    };
  }
  if (liveAt) return { tone: 'success', headline: `Live, published ${formatAgo(liveAt, now)}` };
  return { tone: 'neutral', headline: 'Not built yet' };
}
