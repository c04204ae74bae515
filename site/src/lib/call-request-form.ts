import { callRequestForm, type CallRequestErrorCode } from '@clinic/shared-types';

/**
 * The consent wording's version, from the form's contract (`form-contract.json` in the CMS):
 * each stored request records it, and the CMS accepts only the current one.
 */
export const CONSENT_VERSION = callRequestForm.consentVersion;

export const PREFERRED_TIME_LABELS: Record<(typeof callRequestForm.preferredTimes)[number], string> = {
  'as-soon-as-possible': 'As soon as possible',
  morning: 'Morning (8 am – 12 pm)',
  afternoon: 'Afternoon (12 – 5 pm)',
  evening: 'Evening (5 – 8 pm)',
};

/**
 * Every error the endpoint can send back, as code, message and field, for the no-JS messages:
 * the same map the CMS answers with, so a message links to the field the CMS names.
 */
export const formErrors = (Object.keys(callRequestForm.errors) as CallRequestErrorCode[]).map((code) => ({
  code,
  message: callRequestForm.errors[code],
  field: callRequestForm.errorFields[code],
}));
