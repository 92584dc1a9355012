interface SwitchProps {
  id: string;
  // The accessible name (a table cell's switch has no visible label of its own).
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  error?: string;
}

// An on/off switch: a checkbox with the switch role, so it is reached by Tab and toggled by
// Space; its violation, if any, under it.
export function Switch({ id, label, checked, onChange, disabled, error }: SwitchProps) {
  return (
    <span className="switch-field">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch"
        aria-label={label}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <span id={`${id}-error`} className="field-error block" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
