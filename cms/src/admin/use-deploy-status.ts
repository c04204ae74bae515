import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

const POLL_MS = 3000;

/**
 * `GET /admin/deploy-status`, polled every 3 s while the component is shown: the raw answer
 * (undefined until the first one; a failed request reads as an unreachable publisher) and the
 * time it arrived, for "published 12 s ago". The home widget and the edit-view panel share it.
 */
export function useDeployStatus(): { response: unknown; now: Date } {
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

  return { response, now };
}
