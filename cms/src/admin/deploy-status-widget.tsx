import { Badge, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { describeDeployState, type DeployState } from './describe-deploy-state';

const POLL_MS = 3000;

const badgeColors: Record<DeployState['tone'], { backgroundColor: string; textColor: string }> = {
  success: { backgroundColor: 'success100', textColor: 'success700' },
  warning: { backgroundColor: 'warning100', textColor: 'warning700' },
  danger: { backgroundColor: 'danger100', textColor: 'danger700' },
  neutral: { backgroundColor: 'neutral150', textColor: 'neutral700' },
};

/** Home page widget: is the public website showing the latest published content? */
export function DeployStatusWidget() {
  const { get } = useFetchClient();
  const [response, setResponse] = useState<unknown>(undefined);
  const [now, setNow] = useState(() => new Date());

  useEffect(() => {
    let cancelled = false;
    const poll = async () => {
      try {
        const { data } = await get<unknown>('/admin/deploy-status');
        if (!cancelled) setResponse(data);
      } catch (error) {
        if (!cancelled)
          setResponse({ reachable: false, error: error instanceof Error ? error.message : 'request failed' });
      }
      if (!cancelled) setNow(new Date());
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [get]);

  if (response === undefined) return <Typography textColor="neutral600">Checking the website…</Typography>;
  const state = describeDeployState(response, now);
  const colors = badgeColors[state.tone];
  return (
    <Flex direction="column" alignItems="flex-start" gap={2} role="status" aria-live="polite">
      <Badge backgroundColor={colors.backgroundColor} textColor={colors.textColor} size="M">
        {state.headline}
      </Badge>
      {state.detail ? <Typography textColor="neutral600">{state.detail}</Typography> : null}
    </Flex>
  );
}
