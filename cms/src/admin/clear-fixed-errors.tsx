import { useForm, type StrapiApp } from '@strapi/strapi/admin';
import { useEffect, useRef } from 'react';
import { dropFixedErrors, type FormErrors } from './drop-fixed-errors';

/**
 * Takes an error off a field once the editor has changed what it is about (see
 * drop-fixed-errors.ts), instead of leaving it until the next Save. Registered as an
 * edit-view side panel because panels render inside the edit form; it shows nothing.
 */
export function FixedErrorClearer(): null {
  const values = useForm('FixedErrorClearer', (form) => form.values);
  const errors = useForm('FixedErrorClearer', (form) => form.errors) as FormErrors;
  const setErrors = useForm('FixedErrorClearer', (form) => form.setErrors);
  // The values the current errors were found in.
  const valuesAtErrors = useRef<unknown>(values);

  useEffect(() => {
    valuesAtErrors.current = values;
    // Only new errors move the reference point; edits are compared against it.
  }, [errors]);

  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    const kept = dropFixedErrors(errors, valuesAtErrors.current, values);
    if (kept) setErrors(kept);
    // Runs on each edit; the errors it sets move the reference point above.
  }, [values]);

  return null;
}

interface ContentManagerApis {
  addEditViewSidePanel(panels: (typeof FixedErrorClearer)[]): void;
}

/** Adds the clearer to every edit view (from `app.tsx`'s `bootstrap`). */
export function clearFixedErrors(app: Pick<StrapiApp, 'getPlugin'>): void {
  const apis = app.getPlugin('content-manager').apis as Partial<ContentManagerApis>;
  apis.addEditViewSidePanel?.([FixedErrorClearer]);
}
