import { callRequestForm, type CallRequestErrorCode } from '@clinic/shared-types';

/** Bump when the consent wording changes: each stored request records the version the visitor agreed to. */
export const CONSENT_VERSION = '2026-11';

/** The field each error code belongs to, for linking the error summary to the field. */
export const ERROR_FIELD: Record<CallRequestErrorCode, string> = {
  name_required: 'name',
  name_invalid: 'name',
  phone_required: 'phone',
  phone_invalid: 'phone',
  preferred_time_invalid: 'preferredTime',
  message_too_long: 'message',
  message_invalid: 'message',
  program_invalid: 'program',
  consent_required: 'consent',
  consent_version_invalid: 'form',
  source_page_invalid: 'form',
  unknown_field: 'form',
  body_invalid: 'form',
};

export const PREFERRED_TIME_LABELS: Record<(typeof callRequestForm.preferredTimes)[number], string> = {
  'as-soon-as-possible': 'As soon as possible',
  morning: 'Morning (8 am – 12 pm)',
  afternoon: 'Afternoon (12 – 5 pm)',
  evening: 'Evening (5 – 8 pm)',
};

/** Every error the endpoint can send back, as [code, message, field], for the no-JS messages. */
export const formErrors = (Object.entries(callRequestForm.errors) as [CallRequestErrorCode, string][]).map(
  ([code, message]) => ({ code, message, field: ERROR_FIELD[code] }),
);
