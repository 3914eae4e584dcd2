import {
  useId,
  type ReactNode,
  type InputHTMLAttributes,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

/** A labelled row: the label is tied to the control by id, the hint by aria-describedby. */
export function Field({
  label,
  hint,
  children,
  inline = false,
}: {
  label: string;
  hint?: ReactNode;
  inline?: boolean;
  children: (ids: { id: string; describedBy: string | undefined }) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={inline ? 'field field-inline' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, describedBy: hint ? hintId : undefined })}
      {hint && (
        <div className="field-hint" id={hintId}>
          {hint}
        </div>
      )}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & { label: string; hint?: ReactNode };

export function TextField({ label, hint, className, ...rest }: InputProps) {
  return (
    <Field label={label} hint={hint}>
      {({ id, describedBy }) => (
        <input id={id} aria-describedby={describedBy} className={className ?? 'input'} {...rest} />
      )}
    </Field>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  label: string;
  hint?: ReactNode;
};

export function TextAreaField({ label, hint, className, ...rest }: TextAreaProps) {
  return (
    <Field label={label} hint={hint}>
      {({ id, describedBy }) => (
        <textarea
          id={id}
          aria-describedby={describedBy}
          className={className ?? 'input textarea'}
          {...rest}
        />
      )}
    </Field>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  label: string;
  hint?: ReactNode;
  options: readonly SelectOption[];
  inline?: boolean;
};

export function SelectField({ label, hint, options, className, inline, ...rest }: SelectProps) {
  return (
    <Field label={label} hint={hint} inline={inline ?? false}>
      {({ id, describedBy }) => (
        <select id={id} aria-describedby={describedBy} className={className ?? 'input select'} {...rest}>
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled ?? false}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="field field-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled ?? false}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
