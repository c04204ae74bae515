/** What an edit-view field shows under its input, each read by a screen reader with the input. */
export interface FieldParts {
  hint: boolean;
  /** A line beside the hint, such as a character count. */
  note: boolean;
  error: boolean;
}

/**
 * The input's `aria-describedby` for a field whose root has id `id`: its hint, note and error
 * in the order they show. The design system's inputs name either the error or the hint, so the
 * help text goes silent exactly when the error makes it needed. Undefined when nothing shows.
 */
export function describeFieldIds(id: string, parts: FieldParts): string | undefined {
  const ids = [
    parts.hint ? `${id}-hint` : null,
    parts.note ? `${id}-note` : null,
    parts.error ? `${id}-error` : null,
  ].filter((part) => part !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
