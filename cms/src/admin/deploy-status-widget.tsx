import { Badge, Flex, Typography } from '@strapi/design-system';
import { describeDeployState, type DeployState } from './describe-deploy-state';
import { useDeployStatus } from './use-deploy-status';

/** The badge colours of each tone, in the widget and the edit-view panel alike. */
export const badgeColors: Record<DeployState['tone'], { backgroundColor: string; textColor: string }> = {
  success: { backgroundColor: 'success100', textColor: 'success700' },
  warning: { backgroundColor: 'warning100', textColor: 'warning700' },
  danger: { backgroundColor: 'danger100', textColor: 'danger700' },
  neutral: { backgroundColor: 'neutral150', textColor: 'neutral700' },
};

/** Home page widget: is the public website showing the latest published content? */
export function DeployStatusWidget() {
  const { response, now } = useDeployStatus();

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
