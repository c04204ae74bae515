import { Field, Flex, TextInput, Textarea, Typography, VisuallyHidden, useComposedRefs } from '@strapi/design-system';
import { useField, useFocusInputField, type StrapiApp } from '@strapi/strapi/admin';
import { forwardRef, memo, useEffect, useId, useRef, useState, type FocusEventHandler, type ReactNode } from 'react';
import {
  describeCharacterCount,
  describeLimitCrossing,
  textLimitsOf,
  type TextLimits,
} from './describe-character-count';

/**
 * What the content manager's edit view passes a field registered with `app.addFields` (5.54,
 * pages/EditView/components/InputRenderer): the field's layout, its schema attribute, the hint
 * it made from the help text and the limits, and the preview's focus handlers. Strapi types
 * these props as none at all, so they are read from `unknown` here. Members not read (`size`,
 * `unique`, `mainField`, ...) are layout data, not input attributes.
 */
interface TextFieldProps {
  name: string;
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

function textFieldPropsOf(props: Record<string, unknown>): TextFieldProps {
  return {
    name: stringOr(props.name) ?? '',
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

/** "172 / 160" under the field, read as a sentence; going over or back under the maximum is announced once. */
function CharacterCount({ id, value, limits }: { id: string; value: unknown; limits: TextLimits }) {
  const count = describeCharacterCount(value, limits);
  const over = count.state === 'over';
  const [announcement, setAnnouncement] = useState('');
  const wasOver = useRef(over);
  useEffect(() => {
    if (wasOver.current === over || limits.max === undefined) return;
    wasOver.current = over;
    setAnnouncement(describeLimitCrossing(over, limits.max));
  }, [over, limits.max]);

  return (
    <Typography
      variant="pi"
      textColor={over ? 'danger600' : 'neutral600'}
      fontWeight={over ? 'bold' : undefined}
      data-character-count={count.state}
      style={{ flexShrink: 0, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
    >
      <span aria-hidden>{count.shown}</span>
      <VisuallyHidden id={id}>{count.spoken}</VisuallyHidden>
      <VisuallyHidden aria-live="polite">{announcement}</VisuallyHidden>
    </Typography>
  );
}

/**
 * Strapi's string and text inputs (5.54 admin FormInputs/String and Textarea) with two changes:
 * the hint stays under the field when it shows an error (the design system's `Field.Hint`
 * hides it then), and a field with a `maxLength` or `minLength` counts its characters.
 */
function textFieldWith(Input: typeof TextInput | typeof Textarea) {
  const TextField = forwardRef<HTMLInputElement & HTMLTextAreaElement, Record<string, unknown>>((raw, ref) => {
    const props = textFieldPropsOf(raw);
    const { name, label, labelAction, hint, required, attribute } = props;
    const field = useField<string>(name);
    const focusRef = useFocusInputField<HTMLInputElement & HTMLTextAreaElement>(name);
    const composedRefs = useComposedRefs(ref, focusRef);
    const id = useId();
    const limits = textLimitsOf(attribute);
    const hasError = typeof field.error === 'string' && field.error !== '';
    const describedBy = [hint ? `${id}-hint` : null, limits ? `${id}-count` : null, hasError ? `${id}-error` : null]
      .filter(Boolean)
      .join(' ');

    return (
      <Field.Root id={id} name={name} error={field.error} hint={hint} required={required}>
        <Field.Label action={labelAction}>{label}</Field.Label>
        <Input
          ref={composedRefs}
          value={field.value ?? ''}
          onChange={field.onChange}
          disabled={props.disabled}
          placeholder={props.placeholder}
          onFocus={props.onFocus}
          onBlur={props.onBlur}
          aria-label={props['aria-label']}
          aria-describedby={describedBy || undefined}
          {...(Input === TextInput ? { type: 'text' } : {})}
        />
        {hint || limits ? (
          <Flex justifyContent="space-between" alignItems="flex-start" gap={2}>
            {hint ? (
              <Typography variant="pi" tag="p" id={`${id}-hint`} textColor="neutral600">
                {hint}
              </Typography>
            ) : (
              <span />
            )}
            {limits ? <CharacterCount id={`${id}-count`} value={field.value} limits={limits} /> : null}
          </Flex>
        ) : null}
        <Field.Error />
      </Field.Root>
    );
  });
  return memo(TextField);
}

export const StringWithCount = textFieldWith(TextInput);
export const TextareaWithCount = textFieldWith(Textarea);

/**
 * Puts these inputs in place of Strapi's for every `string` and `text` field of the edit view
 * (in components too): the content manager renders a field type registered with `addFields`
 * before its own inputs. Limits come from each field's schema attribute; fields without
 * limits only keep their hint with an error.
 */
export function countCharactersInTextFields(app: Pick<StrapiApp, 'addFields'>): void {
  app.addFields([
    { type: 'string', Component: StringWithCount },
    { type: 'text', Component: TextareaWithCount },
  ]);
}
