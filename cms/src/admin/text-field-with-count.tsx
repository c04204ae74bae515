import { TextInput, Textarea, Typography, VisuallyHidden } from '@strapi/design-system';
import type { StrapiApp } from '@strapi/strapi/admin';
import { forwardRef, memo, useEffect, useRef, useState } from 'react';
import {
  describeCharacterCount,
  describeLimitCrossing,
  textLimitsOf,
  type TextLimits,
} from './describe-character-count';
import { FieldWithHint, inputAttributesOf, useEditViewField } from './field-with-hint';

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
 * Strapi's string and text inputs (5.54 admin FormInputs/String and Textarea) in a field that
 * keeps its hint with an error (see field-with-hint.tsx), counting the characters of a field
 * with a `maxLength` or `minLength`.
 */
function textFieldWith(Input: typeof TextInput | typeof Textarea) {
  const TextField = forwardRef<HTMLInputElement & HTMLTextAreaElement, Record<string, unknown>>((raw, ref) => {
    const { props, field, inputRef, id } = useEditViewField<string, HTMLInputElement & HTMLTextAreaElement>(raw, ref);
    const limits = textLimitsOf(props.attribute);

    return (
      <FieldWithHint
        id={id}
        props={props}
        error={field.error}
        note={limits ? (noteId) => <CharacterCount id={noteId} value={field.value} limits={limits} /> : undefined}
      >
        {(describedBy) => (
          <Input
            ref={inputRef}
            value={field.value ?? ''}
            onChange={field.onChange}
            {...inputAttributesOf(props, describedBy)}
            {...(Input === TextInput ? { type: 'text' } : {})}
          />
        )}
      </FieldWithHint>
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
