import { FAQ_TOPIC_LABELS } from '@clinic/shared-types';

/** The clinic as the admin names it on the login page and the menu, before anyone has logged in. */
export const CLINIC_NAME = 'California Detox';

/**
 * Admin strings reworded for the clinic's editors, by Strapi's message id (5.54). Strapi's
 * field errors come from its own form validation; only their wording can change, not which
 * field they name, so the pattern message lists the formats our fields use.
 */
export const adminWording: Record<string, string> = {
  // The topic picker labels each option by its value's message id: the FAQ page's headings.
  ...FAQ_TOPIC_LABELS,
  'Auth.form.welcome.title': `${CLINIC_NAME} website`,
  'Auth.form.welcome.subtitle': 'Log in to edit and publish the website',
  'app.components.LeftMenu.navbrand.title': CLINIC_NAME,
  'app.components.LeftMenu.navbrand.workplace': 'Website editor',
  'HomePage.header.title': `${CLINIC_NAME} website`,
  'HomePage.header.subtitle': 'Edit pages, publish, and see when your changes are live on the website',
  'components.Input.error.validation.regex':
    'Not in the expected format. Phones: +18006624357 (or 988); web addresses: https://…; state and country: two capitals such as CA; ZIP: 92651.',
  'content-manager.error.validation.regex':
    'Not in the expected format. Phones: +18006624357 (or 988); web addresses: https://…; state and country: two capitals such as CA; ZIP: 92651.',
  'components.Input.error.validation.maxLength': 'Too long: at most {max} characters. Shorten it.',
  'components.Input.error.validation.minLength': 'Too short: at least {min} characters. Add a little more.',
  'components.Input.error.validation.max': 'Too high: at most {max}.',
  'components.Input.error.validation.min': 'Too low: at least {min}.',
  'components.Input.error.validation.required': 'Required: fill this in before saving or publishing.',
  'components.Input.error.validation.unique': 'Already used by another entry: choose a different one.',
  'content-manager.validation.error':
    'Some fields need a change before this can be saved or published. Each one says what to change, in red under it.',
};
