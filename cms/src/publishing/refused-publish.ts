import { fieldLabel } from '../bootstrap/field-label';

/** One field's problem, as Strapi's ValidationError details carry it. */
export interface FieldProblemDetail {
  path: readonly (string | number)[];
  message: string;
}

/**
 * Strapi's own server-side messages (yup, entity validator) in the editor's words, with the
 * field named by its label. Messages our code writes already start with the label and are
 * kept as they are.
 */
export function plainFieldMessage(detail: FieldProblemDetail): string {
  const field = String(detail.path.filter((part) => typeof part === 'string').at(-1) ?? '');
  const message = detail.message.trim();
  if (!field) return message;
  const label = fieldLabel(field);
  if (message.startsWith(label)) return message;
  const rules: [RegExp, (m: RegExpMatchArray) => string][] = [
    [/(must be defined|is a required field)\.?$/, () => 'is required: fill it in'],
    [/but the final value was: `null`/, () => 'is required: fill it in'],
    [/must be at most (\d+) characters\.?$/, (m) => `is too long: shorten it to at most ${m[1]} characters`],
    [/must be at least (\d+) characters\.?$/, (m) => `is too short: write at least ${m[1]} characters`],
    [/must be less than or equal to (-?[\d.]+)\.?$/, (m) => `is too high: at most ${m[1]}`],
    [/must be greater than or equal to (-?[\d.]+)\.?$/, (m) => `is too low: at least ${m[1]}`],
    [/must be unique\.?$/, () => 'is already used by another entry: choose a different one'],
    [/must match the following/, () => 'is not in the expected format: the hint under the field shows it'],
  ];
  for (const [pattern, say] of rules) {
    const match = message.match(pattern);
    if (match) return `${label} ${say(match)}.`;
  }
  return `${label}: ${message}`;
}

/** What the editor was doing when the CMS refused: the notification starts with its outcome. */
export type RefusedAction = 'publish' | 'save';

const OUTCOME: Record<RefusedAction, { short: string; word: RegExp }> = {
  publish: { short: 'Not published', word: /publish/i },
  save: { short: 'Not saved', word: /sav(e|ed|ing)\b/i },
};

/**
 * What the admin's notification says when a publish (or a save) is refused. The admin shows
 * only an error's top-level message there (the fields show their own under them), so it has
 * to say that nothing was published, and which fields to look at.
 */
export function describeRefusal(
  action: RefusedAction,
  message: string,
  details: readonly FieldProblemDetail[],
): string {
  const { short, word } = OUTCOME[action];
  if (details.length === 0) return word.test(message) ? message : `${short}: ${message}`;
  if (details.length === 1) return `${short}. ${plainFieldMessage(details[0] as FieldProblemDetail)}`;
  const labels = [
    ...new Set(
      details.map((d) => {
        const field = d.path.filter((part) => typeof part === 'string').at(-1);
        return field === undefined ? 'a field' : fieldLabel(String(field));
      }),
    ),
  ];
  return `${short}: ${details.length} problems to fix first, in ${labels.join(', ')}. Each field says what to change, in red under it.`;
}
