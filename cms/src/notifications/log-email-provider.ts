import type { Core } from '@strapi/strapi';
import { emailPlugin, type EmailOptions } from '../strapi/internals';

// Anything that looks like a phone number, masked before it reaches a log.
const PHONE_LIKE = /\+?\d[\d\s().-]{6,}\d/g;
const mask = (text: string) => text.replace(PHONE_LIKE, (m) => `${m.slice(0, 2)}***${m.slice(-3)}`);

/**
 * Without `EMAIL_PROVIDER`, emails are written to the CMS log instead of sent, with
 * phone numbers masked: a laptop has no mail server, and a log must not hold health data.
 * With it, Strapi's email plugin uses that provider (e.g. `nodemailer`) as configured.
 */
export function useLogEmailProviderUnlessConfigured(strapi: Core.Strapi, env: NodeJS.ProcessEnv): void {
  if (env.EMAIL_PROVIDER) return;
  emailPlugin(strapi).provider = {
    send: ({ to, subject, text }: EmailOptions) => {
      strapi.log.info(`[email:log] to ${to}: ${subject}${text ? `\n${mask(text)}` : ''}`);
      return Promise.resolve();
    },
  };
}
