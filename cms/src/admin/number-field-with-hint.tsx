import { NumberInput } from '@strapi/design-system';
import type { StrapiApp } from '@strapi/strapi/admin';
import { forwardRef, memo } from 'react';
import { FieldWithHint, inputAttributesOf, useEditViewField } from './field-with-hint';

/** The attribute types Strapi 5.54 edits with its number input (biginteger is a text input there). */
const NUMBER_TYPES = ['integer', 'decimal', 'float'] as const;

/**
 * Strapi's number input (5.54 admin FormInputs/Number) in a field that keeps its hint with an
 * error (see field-with-hint.tsx): "Hours per week (max) must be at least the minimum" shows
 * under "Most hours of therapy per week" rather than in its place.
 */
const NumberFieldWithHint = memo(
  forwardRef<HTMLInputElement, Record<string, unknown>>((raw, ref) => {
    const { props, field, inputRef, id } = useEditViewField<number | null, HTMLInputElement>(raw, ref);

    return (
      <FieldWithHint id={id} props={props} error={field.error}>
        {(describedBy) => (
          <NumberInput
            ref={inputRef}
            // An emptied field is stored as null, not left out (strapi/strapi#22533, as Strapi's own input does).
            onValueChange={(value) => field.onChange(props.name, value ?? null)}
            step={props.type === 'float' || props.type === 'decimal' ? 0.01 : 1}
            value={field.value ?? undefined}
            {...inputAttributesOf(props, describedBy)}
          />
        )}
      </FieldWithHint>
    );
  }),
);

/**
 * Puts this input in place of Strapi's for every integer, decimal and float field of the edit
 * view (in components too): the content manager renders a field type registered with
 * `addFields` before its own inputs.
 */
export function keepHintsInNumberFields(app: Pick<StrapiApp, 'addFields'>): void {
  app.addFields(NUMBER_TYPES.map((type) => ({ type, Component: NumberFieldWithHint })));
}
