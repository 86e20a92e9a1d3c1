import type { ComponentProps, ReactNode, Ref } from 'react';
import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';

type SelectProps = Omit<ComponentProps<typeof Select>, 'id' | 'ref' | 'children'>;

export type SelectFieldProps = SelectProps & {
  id: string;
  label: string;
  description?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
  ref?: Ref<HTMLSelectElement>;
};

/** A labelled native select in a Designsystemet Field. */
export function SelectField({ id, label, description, error, children, ref, ...select }: SelectFieldProps) {
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {description ? <Field.Description id={`${id}-description`}>{description}</Field.Description> : null}
      <Select id={id} ref={ref} aria-invalid={error ? true : undefined} {...select}>
        {children}
      </Select>
      {error ? <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage> : null}
    </Field>
  );
}
