import type { ComponentProps, Ref } from 'react';
import { Field, Input, Label, ValidationMessage } from '@digdir/designsystemet-react';

type InputProps = Omit<ComponentProps<typeof Input>, 'id' | 'ref'>;

export type TextFieldProps = InputProps & {
  id: string;
  label: string;
  description?: string | undefined;
  error?: string | undefined;
  ref?: Ref<HTMLInputElement>;
};

/**
 * A labelled input in a Designsystemet Field. The ids are explicit so that the error summary can
 * link to the input; the Field wires the description and validation message to aria-describedby.
 */
export function TextField({ id, label, description, error, ref, ...input }: TextFieldProps) {
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {description ? <Field.Description id={`${id}-description`}>{description}</Field.Description> : null}
      <Input id={id} ref={ref} aria-invalid={error ? true : undefined} {...input} />
      {error ? <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage> : null}
    </Field>
  );
}
