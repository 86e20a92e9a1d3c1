import { useCallback, useEffect, useRef, useState } from 'react';
import { get, set, useForm, type DefaultValues, type FieldErrors, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FieldError } from '@eidor/contract';
import { isApiError, type ApiError } from '../../api/client.ts';

/** A problem the form finds beyond what the contract's schema checks (e.g. "passwords differ"). */
export type FormIssue = { path: string; message: string };

/** The DOM id of a form control: `${formId}-${path with dots as dashes}`, used by the error summary links. */
export function fieldId(formId: string, path: string): string {
  return `${formId}-${path.replaceAll('.', '-')}`;
}

/** A labelFor function from a plain map of paths to labels. */
export function labelsFrom(labels: Record<string, string>): (path: string) => string | undefined {
  return (path) => labels[path];
}

/** Translate one zod issue into a sentence about the field, in the user's language. */
export function describeIssue(issue: z.core.$ZodIssue, label: string, value: unknown, t: TFunction, choice = false): string {
  const field = label.toLocaleLowerCase();
  const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  // Nothing chosen in a select list reads "choose …", not "fill in …".
  if (empty && choice && issue.code !== 'too_small') return t('validation.choose', { field });
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return t('validation.atLeastOne', { field });
      if (empty) return t('validation.required', { field });
      return t('validation.tooShort', { label, min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'array') return t('validation.tooMany', { label, max: Number(issue.maximum) });
      return t('validation.tooLong', { label, max: Number(issue.maximum) });
    case 'invalid_value':
      return t('validation.choose', { field });
    case 'invalid_format':
      if (empty) return t('validation.required', { field });
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'date') return t('validation.date', { label });
      return t('validation.invalid', { label });
    default:
      if (empty) return t('validation.required', { field });
      return t('validation.invalid', { label });
  }
}

/**
 * A react-hook-form resolver that checks the form with a schema from the contract and writes the
 * messages in the user's language (the contract's own messages are English and for developers).
 */
export function contractResolver<TForm extends FieldValues, TOut>(options: {
  schema: z.ZodType<TOut>;
  labelFor: (path: string) => string | undefined;
  t: TFunction;
  prepare?: ((values: TForm) => unknown) | undefined;
  check?: ((values: TForm) => FormIssue[]) | undefined;
  toFormPath?: ((path: string, values: TForm) => string) | undefined;
}): Resolver<TForm, unknown, TOut> {
  const { schema, labelFor, t, prepare, check, toFormPath } = options;
  return (values, _context, resolverOptions) => {
    const input = prepare ? prepare(values) : values;
    const isChoice = (path: string) => {
      const field: unknown = get(resolverOptions.fields, path);
      const ref: unknown = typeof field === 'object' && field !== null && 'ref' in field ? field.ref : undefined;
      return typeof ref === 'object' && ref !== null && 'tagName' in ref && ref.tagName === 'SELECT';
    };
    const parsed = schema.safeParse(input);
    const errors: FieldErrors<TForm> = {};
    const seen = new Set<string>();
    const add = (path: string, type: string, message: string) => {
      if (seen.has(path)) return;
      seen.add(path);
      set(errors, path, { type, message });
    };
    // The form's own checks speak first: where both find fault with a field, theirs is the more specific message.
    for (const issue of check?.(values) ?? []) add(issue.path, 'custom', issue.message);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = (toFormPath ?? ((p: string) => p))(issue.path.map(String).join('.'), values);
        add(path, issue.code, describeIssue(issue, labelFor(path) ?? path, get(values, path), t, isChoice(path)));
      }
    }
    if (parsed.success && seen.size === 0) return { values: parsed.data, errors: {} };
    return { values: {}, errors };
  };
}

/** Flatten react-hook-form's nested errors into [path, message] pairs, in the order they were found. */
export function flattenErrors(errors: FieldErrors, prefix = ''): FormIssue[] {
  const out: FormIssue[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || key === 'root' || key === 'ref') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && 'message' in value && typeof value.message === 'string') {
      out.push({ path, message: value.message });
    } else if (typeof value === 'object') {
      out.push(...flattenErrors(value as FieldErrors, path));
    }
  }
  return out;
}

/** Sort errors as their controls stand on the page, so the summary reads in the order of the form. */
function inDocumentOrder<T extends { id: string }>(items: T[]): T[] {
  if (typeof document === 'undefined') return items;
  return [...items].sort((a, b) => {
    const ea = document.getElementById(a.id);
    const eb = document.getElementById(b.id);
    if (!ea || !eb || ea === eb) return 0;
    return ea.compareDocumentPosition(eb) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}

/**
 * Where a server's error goes on a form: each field error on its control (in the user's words), and
 * whether the error itself must be shown too — when some field is not on the form, when the error is
 * not a validation error, or when it names no field. A conflict that the form explains in full (e.g.
 * "another person has this id number") needs no second, vaguer message.
 */
export function placeServerErrors(
  error: ApiError,
  options: {
    labelFor: (path: string) => string | undefined;
    toFormPath?: (path: string) => string;
    serverMessage?: ((field: FieldError, label: string) => string | undefined) | undefined;
    t: TFunction;
  },
): { fields: FormIssue[]; showAlert: boolean } {
  const fields: FormIssue[] = [];
  let unmatched = false;
  let explained = 0;
  for (const field of error.fields) {
    const path = options.toFormPath ? options.toFormPath(field.path) : field.path;
    const label = options.labelFor(path);
    if (label === undefined) {
      unmatched = true;
      continue;
    }
    const specific = options.serverMessage?.(field, label);
    if (specific !== undefined) explained += 1;
    fields.push({ path, message: specific ?? options.t('validation.rejected', { label }) });
  }
  const explainedAll = error.fields.length > 0 && explained === error.fields.length;
  const showAlert = unmatched || error.fields.length === 0 || (error.code !== 'VALIDATION' && !(error.code === 'CONFLICT' && explainedAll));
  return { fields, showAlert };
}

type Options<TForm extends FieldValues, TOut> = {
  /** Prefix of the controls' ids, unique on the page. */
  id: string;
  schema: z.ZodType<TOut>;
  defaultValues: DefaultValues<TForm>;
  /** The visible label of the control at a path (used in messages and the error summary). */
  labelFor: (path: string) => string | undefined;
  /** Map the form's values to the schema's input (e.g. empty strings to undefined). */
  prepare?: (values: TForm) => unknown;
  /** Extra checks the schema cannot make. */
  check?: (values: TForm) => FormIssue[];
  /**
   * Where a path of the schema (or of a server's field error) stands in the form, when the form is not
   * shaped exactly like the request (e.g. a code typed in an "other" field). Default: the same path.
   */
  toFormPath?: (path: string, values: TForm) => string;
  /** A server field error in the user's words, when the form knows what the server meant. */
  serverMessage?: (field: FieldError, label: string) => string | undefined;
  /** Send the values; throw an ApiError to show it on the form. */
  onSubmit: (values: TOut) => Promise<unknown>;
};

/**
 * A form checked by a contract schema, with the server's errors shown the same way as the client's:
 * next to the fields and in an error summary that gets focus after a failed submit.
 */
export function useContractForm<TForm extends FieldValues, TOut>(options: Options<TForm, TOut>) {
  const { t } = useTranslation();
  const { id, schema, defaultValues, labelFor, prepare, check, toFormPath, serverMessage, onSubmit } = options;
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const summaryRef = useRef<HTMLElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const form = useForm<TForm, unknown, TOut>({
    defaultValues,
    resolver: contractResolver<TForm, TOut>({ schema, labelFor, t, prepare, check, toFormPath }),
    shouldFocusError: false,
  });

  useEffect(() => {
    if (focusRequest === 0) return;
    (summaryRef.current ?? alertRef.current)?.focus();
  }, [focusRequest]);

  const requestFocus = useCallback(() => setFocusRequest((n) => n + 1), []);

  const submit = form.handleSubmit(
    async (values) => {
      setApiError(null);
      try {
        await onSubmit(values);
      } catch (error) {
        if (!isApiError(error)) throw error;
        const placed = placeServerErrors(error, { labelFor, toFormPath: (path) => (toFormPath ? toFormPath(path, form.getValues()) : path), serverMessage, t });
        for (const p of placed.fields) form.setError(p.path as Path<TForm>, { type: 'server', message: p.message });
        if (placed.showAlert) setApiError(error);
        requestFocus();
      }
    },
    () => {
      setApiError(null);
      requestFocus();
    },
  );

  const fieldErrors = inDocumentOrder(flattenErrors(form.formState.errors).map((issue) => ({ ...issue, id: fieldId(id, issue.path) })));

  return {
    form,
    submit,
    apiError,
    clearApiError: () => setApiError(null),
    fieldErrors,
    summaryRef,
    alertRef,
    /** Id of the control at a path. */
    idFor: (path: string) => fieldId(id, path),
    /** The error message of the control at a path, if any. */
    errorFor: (path: string): string | undefined => {
      const entry: unknown = get(form.formState.errors, path);
      return entry && typeof entry === 'object' && 'message' in entry && typeof entry.message === 'string' ? entry.message : undefined;
    },
  };
}
