import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api-client';

// Under a form: the API's field violations the form does not show next to an input, or the
// failure's message when it names no field.
export function FormErrors({ error, shown }: { error: unknown; shown: (field: string) => boolean }) {
  const { t } = useTranslation();
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  if (!apiError || apiError.fieldViolations.length === 0) {
    return (
      <p className="form-error" role="alert">
        {apiError ? apiError.message : t('Something went wrong. Please try again.')}
      </p>
    );
  }
  const rest = apiError.fieldViolations.filter((v) => !shown(v.field));
  if (rest.length === 0) return null;
  return (
    <ul className="form-error" role="alert">
      {rest.map((v, i) => (
        <li key={`${v.field}:${i}`}>
          {v.field}: {v.description}
        </li>
      ))}
    </ul>
  );
}

interface FormActionsProps {
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  onCancel: () => void;
}

// A form's submit button (disabled while its request runs) and Cancel.
export function FormActions({ pending, submitLabel, pendingLabel, onCancel }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <button type="submit" className="button button--primary button--inline" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
      <button type="button" className="button button--ghost" onClick={onCancel}>
        {t('Cancel')}
      </button>
    </div>
  );
}
