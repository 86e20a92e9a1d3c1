import type { ComponentProps, Ref } from 'react';
import { Field, Label, Textarea, ValidationMessage } from '@digdir/designsystemet-react';

type TextareaProps = Omit<ComponentProps<typeof Textarea>, 'id' | 'ref'>;

export type TextareaFieldProps = TextareaProps & {
  id: string;
  label: string;
  description?: string | undefined;
  error?: string | undefined;
  ref?: Ref<HTMLTextAreaElement>;
};

/** A labelled text area in a Designsystemet Field (ids explicit, as in TextField). */
export function TextareaField({ id, label, description, error, ref, ...textarea }: TextareaFieldProps) {
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {description ? <Field.Description id={`${id}-description`}>{description}</Field.Description> : null}
      <Textarea id={id} ref={ref} aria-invalid={error ? true : undefined} rows={3} {...textarea} />
      {error ? <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage> : null}
    </Field>
  );
}
