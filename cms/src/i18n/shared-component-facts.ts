/**
 * Facts inside localized components. A component holds its text and its facts together, and
 * Strapi localizes a component as a whole: the schedule's label and the crisis line's name must
 * be translated, so `schedule`, `alternateSchedules` and `crisisResources` are localized, and
 * their numbers, phones and links would then be typed again per language, free to drift. These
 * subfields are therefore kept equal to the default locale's (English), item by item.
 */
export const SHARED_COMPONENT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'shared.schedule-facts': [
    'hoursPerWeekMin',
    'hoursPerWeekMax',
    'daysPerWeekMin',
    'daysPerWeekMax',
    'hoursPerDayMin',
    'hoursPerDayMax',
    'durationWeeksMin',
    'durationWeeksMax',
  ],
  'shared.crisis-resource': ['phone', 'phoneDisplay', 'tty', 'ttyDisplay', 'acceptsText', 'url'],
};

/** A localized component attribute of a type whose component has shared facts. */
export interface ComponentWithFacts {
  attribute: string;
  component: string;
  fields: readonly string[];
}

/** One component row to bring in line with the default locale. */
export interface ComponentFactUpdate {
  component: string;
  id: number;
  data: Record<string, unknown>;
}

type Row = Record<string, unknown>;

const items = (value: unknown): Row[] =>
  (Array.isArray(value) ? value : value ? [value] : []).filter(
    (item): item is Row => typeof item === 'object' && item !== null,
  );

/**
 * The updates that give `translation`'s components the facts of `source`'s, item `i` from item
 * `i` (an item the translation lacks is left to the editor). Empty when they already agree.
 */
export function componentFactUpdates(
  source: Row,
  translation: Row,
  attributes: readonly ComponentWithFacts[],
): ComponentFactUpdate[] {
  const updates: ComponentFactUpdate[] = [];
  for (const { attribute, component, fields } of attributes) {
    const from = items(source[attribute]);
    items(translation[attribute]).forEach((item, i) => {
      const original = from[i];
      if (!original || typeof item.id !== 'number') return;
      const data: Record<string, unknown> = {};
      for (const field of fields) {
        const value = original[field] ?? null;
        if ((item[field] ?? null) !== value) data[field] = value;
      }
      if (Object.keys(data).length > 0) updates.push({ component, id: item.id, data });
    });
  }
  return updates;
}
