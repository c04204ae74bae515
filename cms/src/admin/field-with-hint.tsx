import { Field, Flex, Typography, useComposedRefs } from '@strapi/design-system';
import { useField, useFocusInputField } from '@strapi/strapi/admin';
import { useId, type FocusEventHandler, type ForwardedRef, type ReactNode } from 'react';
import { describeFieldIds } from './describe-field-ids';

/**
 * What the content manager's edit view passes a field registered with `app.addFields` (5.54,
 * pages/EditView/components/InputRenderer): the field's layout, its schema attribute and type,
 * the hint it made from the help text and the limits, and the preview's focus handlers. Strapi
 * types these props as none at all, so they are read from `unknown` here. Members not read
 * (`size`, `unique`, `mainField`, ...) are layout data, not input attributes.
 */
export interface EditViewFieldProps {
  name: string;
  /** The attribute's type: `string`, `integer`, `decimal`, ... */
  type: string;
  label?: ReactNode;
  labelAction?: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
  attribute?: unknown;
  onFocus?: FocusEventHandler;
  onBlur?: FocusEventHandler;
  'aria-label'?: string;
}

const stringOr = (value: unknown) => (typeof value === 'string' ? value : undefined);
const handlerOr = (value: unknown) => (typeof value === 'function' ? (value as FocusEventHandler) : undefined);

function editViewFieldPropsOf(props: Record<string, unknown>): EditViewFieldProps {
  return {
    name: stringOr(props.name) ?? '',
    type: stringOr(props.type) ?? '',
    // Labels and hints are React nodes (the hint is a formatted message with a line break).
    label: props.label as ReactNode,
    labelAction: props.labelAction as ReactNode,
    hint: props.hint as ReactNode,
    required: props.required === true,
    disabled: props.disabled === true,
    placeholder: stringOr(props.placeholder),
    attribute: props.attribute,
    onFocus: handlerOr(props.onFocus),
    onBlur: handlerOr(props.onBlur),
    'aria-label': stringOr(props['aria-label']),
  };
}

/**
 * What every replacement input needs from the edit view, as Strapi's own inputs (5.54 admin
 * FormInputs) take it: its props, its value and error in the form, a ref that lets the preview
 * and the error summary focus it, and an id for the field's parts.
 */
export function useEditViewField<Value, Element extends HTMLElement>(
  raw: Record<string, unknown>,
  ref: ForwardedRef<Element>,
) {
  const props = editViewFieldPropsOf(raw);
  const field = useField<Value>(props.name);
  const focusRef = useFocusInputField<Element>(props.name);
  const inputRef = useComposedRefs(ref, focusRef);
  const id = useId();
  return { props, field, inputRef, id };
}

/** The input's attributes every field passes on unchanged, with what describes it. */
export function inputAttributesOf(props: EditViewFieldProps, describedBy: string | undefined) {
  return {
    disabled: props.disabled,
    placeholder: props.placeholder,
    onFocus: props.onFocus,
    onBlur: props.onBlur,
    'aria-label': props['aria-label'],
    'aria-describedby': describedBy,
  };
}

interface FieldWithHintProps {
  id: string;
  props: EditViewFieldProps;
  error: string | undefined;
  /** A line at the end of the hint's, such as a character count, given the id a screen reader reads it by. */
  note?: (id: string) => ReactNode;
  /** The input, given its `aria-describedby`. */
  children: (describedBy: string | undefined) => ReactNode;
}

/**
 * A field of the edit view as Strapi lays it out (label, input, hint, error) with one change:
 * the hint stays under the input when it shows an error, and the input is described by both.
 * The design system's `Field.Hint` hides the hint then, so the format or range it states goes
 * exactly when the editor needs it.
 */
export function FieldWithHint({ id, props, error, note, children }: FieldWithHintProps) {
  const { name, label, labelAction, hint, required } = props;
  const hasError = typeof error === 'string' && error !== '';
  const describedBy = describeFieldIds(id, { hint: Boolean(hint), note: note !== undefined, error: hasError });

  return (
    <Field.Root id={id} name={name} error={error} hint={hint} required={required}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      {children(describedBy)}
      {hint || note ? (
        <Flex justifyContent="space-between" alignItems="flex-start" gap={2}>
          {hint ? (
            <Typography variant="pi" tag="p" id={`${id}-hint`} textColor="neutral600">
              {hint}
            </Typography>
          ) : (
            <span />
          )}
          {note?.(`${id}-note`)}
        </Flex>
      ) : null}
      <Field.Error />
    </Field.Root>
  );
}
