import { BULK_LOAD_EVENT, type BuildTrigger } from '@clinic/shared-types';

/** Content type display names ("Program level") by singular name ("program-level"), as the admin shows them. */
export type TypeNames = ReadonlyMap<string, string>;

/** What happened to entries, by Strapi event, in the order an editor reads them. */
const ENTRY_VERBS: readonly (readonly [event: string, verb: string])[] = [
  ['entry.publish', 'published'],
  ['entry.unpublish', 'unpublished'],
  ['entry.delete', 'deleted'],
];

/** The publisher's own reasons to build (scripts/src/publisher/schedule/build-trigger.ts). */
const PUBLISHER_REASONS: readonly (readonly [event: string, text: string])[] = [
  ['publisher.startup', 'site rebuilt at start-up'],
  ['publisher.manual', 'site rebuilt on request'],
  ['publisher.retry', 'site rebuilt after a failed attempt'],
];

/** "program-level" -> "Program level", for a type the admin did not name (yet). */
function humanize(singularName: string): string {
  const words = singularName.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "A", "A and B", "A, B and C". */
function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * One line saying what the live build was made for, from its trigger, in the admin's words:
 * "Last update: FAQ published", "Last update (3 changes): FAQ and Program level published (2) and
 * unpublished (1)", "Last update: site rebuilt at start-up". The trigger counts events and names
 * the content types separately, so with several kinds of change the types are listed once.
 */
export function describeLastUpdate(trigger: BuildTrigger, names: TypeNames = new Map()): string {
  const count = (event: string): number => trigger.events[event] ?? 0;
  const bulkLoad = trigger.models.includes(BULK_LOAD_EVENT.model);
  const parts: string[] = [];

  if (bulkLoad) parts.push('all content loaded (first start or an import)');

  const verbs = ENTRY_VERBS.filter(([event]) => count(event) > 0);
  const types = trigger.models.filter((model) => model !== BULK_LOAD_EVENT.model);
  // A bulk load is an entry.publish too; without another type named, it is all there was.
  if (verbs.length > 0 && (types.length > 0 || !bulkLoad)) {
    const subject = types.length > 0 ? joinAnd(types.map((model) => names.get(model) ?? humanize(model))) : 'entries';
    const what =
      verbs.length === 1 ? (verbs[0]?.[1] ?? '') : joinAnd(verbs.map(([event, verb]) => `${verb} (${count(event)})`));
    parts.push(`${subject} ${what}`);
  }

  const mediaChanged = count('media.update');
  const mediaDeleted = count('media.delete');
  if (mediaChanged > 0)
    parts.push(mediaChanged === 1 ? 'an image or file replaced' : `${mediaChanged} images or files replaced`);
  if (mediaDeleted > 0)
    parts.push(mediaDeleted === 1 ? 'an image or file deleted' : `${mediaDeleted} images or files deleted`);

  for (const [event, text] of PUBLISHER_REASONS) if (count(event) > 0) parts.push(text);

  if (parts.length === 0) return 'What went into this version was not recorded.';
  const summary = parts.map((part, index) => (index === 0 ? capitalize(part) : part)).join('; ');
  // Only the publisher's own reason: no "update" of content to speak of.
  if (parts.every((part) => PUBLISHER_REASONS.some(([, text]) => text === part))) return summary;
  return trigger.count > 1 ? `Last update (${trigger.count} changes): ${summary}` : `Last update: ${summary}`;
}
