/** A form's errors as the admin keeps them: nested like its values, a message at each leaf. */
export type FormErrors = Record<string, unknown>;

/** A leaf of the errors tree: a message, or a message descriptor (`{ id, defaultMessage }`). */
function isMessage(value: unknown): boolean {
  if (typeof value === 'string') return true;
  return value !== null && typeof value === 'object' && 'id' in value && 'defaultMessage' in value;
}

function valueAt(values: unknown, path: string[]): unknown {
  let current = values;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The errors left once the editor has changed what they are about: an error goes when its
 * field changes, or, for a field of a component, when any field of that component changes
 * (fixing the minimum clears "must be at least the minimum" on the maximum). Strapi 5.54
 * keeps every error until the next Save or Publish, so a fixed field still shows it and, with
 * the form back to its saved values, Save stays disabled. Null when no error goes.
 */
export function dropFixedErrors(errors: FormErrors, valuesAtErrors: unknown, values: unknown): FormErrors | null {
  let dropped = false;
  const walk = (node: Record<string, unknown>, path: string[]): Record<string, unknown> | unknown[] => {
    const kept: Record<string, unknown> | unknown[] = Array.isArray(node) ? [] : {};
    for (const [key, child] of Object.entries(node)) {
      const childPath = [...path, key];
      let next: unknown = child;
      if (isMessage(child)) {
        const scope = childPath.length > 1 ? childPath.slice(0, -1) : childPath;
        if (!same(valueAt(valuesAtErrors, scope), valueAt(values, scope))) {
          dropped = true;
          continue;
        }
      } else if (child !== null && typeof child === 'object') {
        next = walk(child as Record<string, unknown>, childPath);
        if (Object.keys(next as object).length === 0) continue;
      }
      (kept as Record<string, unknown>)[key] = next;
    }
    return kept;
  };
  const kept = walk(errors, []) as FormErrors;
  return dropped ? kept : null;
}
