import type { CrisisResource } from '@clinic/shared-types';
import { dictionaryOf } from '../i18n/index.ts';
import type { Lang } from '../i18n/lang.ts';
import { smsHref, telHref } from './phone.ts';

export interface ContactLink {
  kind: 'call' | 'text' | 'tty' | 'web';
  /** Visible link text, e.g. "Call 988" or "TTY 1-800-487-4889". */
  label: string;
  href: string;
}

type ResourceContacts = Pick<CrisisResource, 'phone' | 'phoneDisplay' | 'tty' | 'ttyDisplay' | 'acceptsText' | 'url'>;

/** Every way to reach a crisis resource, in the order a person in a hurry needs them, labelled in `lang`. */
export function crisisContactLinks(
  resource: ResourceContacts,
  { includeWeb = false, lang = 'en' }: { includeWeb?: boolean; lang?: Lang } = {},
): ContactLink[] {
  const t = dictionaryOf(lang).crisis;
  const links: ContactLink[] = [];
  if (resource.phone) {
    const shown = resource.phoneDisplay || resource.phone;
    links.push({ kind: 'call', label: t.callLink(shown), href: telHref(resource.phone) });
    if (resource.acceptsText) links.push({ kind: 'text', label: t.textLink(shown), href: smsHref(resource.phone) });
  }
  if (resource.tty) {
    links.push({ kind: 'tty', label: t.ttyLink(resource.ttyDisplay || resource.tty), href: telHref(resource.tty) });
  }
  if (includeWeb && resource.url) links.push({ kind: 'web', label: t.website, href: resource.url });
  return links;
}

/**
 * The resource for the "In crisis?" strip on every page: the first that takes both calls
 * and texts (988), else the first with a phone number.
 */
export function primaryCrisisResource<T extends Pick<CrisisResource, 'phone' | 'acceptsText'>>(
  resources: readonly T[],
): T | undefined {
  return resources.find((r) => r.phone && r.acceptsText) ?? resources.find((r) => r.phone);
}
