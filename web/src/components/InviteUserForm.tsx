import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField, SelectField } from '@/components/Fields';
import { FormErrors } from '@/components/FormErrors';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import type { Known, Role } from '@/lib/api/enums';
import { useInviteUser } from '@/lib/api/partners';
import { ROLE_LABELS } from '@/lib/principal';

const kFields = ['user.display_name', 'user.email', 'user.role'];

// Invites a person by email to one of `roles` (of partner `partnerId`, or of the vendor for
// "0"): they choose their own password through the emailed link.
export function InviteUserForm({ partnerId, roles, onClose }: { partnerId: string; roles: Array<Known<Role>>; onClose: () => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const invite = useInviteUser();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>(roles[0]!);
  const error = invite.error instanceof ApiError ? invite.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate(
      { user: { email: email.trim(), displayName: displayName.trim(), role, partnerId } },
      {
        onSuccess: (u) => {
          toasts.show(t('{{name}} is invited: an email to {{email}} brings a link to choose a password.', { name: u.displayName, email: u.email }), 'success');
          onClose();
        },
      },
    );
  };
  return (
    <form className="form add-user" onSubmit={submit} noValidate aria-label={t('Invite a person')}>
      <div className="form__grid">
        <InputField id="add-user-name" label={t('Name')} value={displayName} onValueChange={setDisplayName} maxLength={100} error={error?.fieldError('user.display_name')} />
        <InputField
          id="add-user-email"
          label={t('Email')}
          type="email"
          autoComplete="off"
          value={email}
          onValueChange={setEmail}
          error={error?.fieldError('user.email')}
          hint={t('The invitation goes here; its link works for 7 days.')}
        />
        <SelectField
          id="add-user-role"
          label={t('Role')}
          value={role}
          onValueChange={(v) => setRole(v as Role)}
          options={roles.map((r) => ({ value: r, label: t(ROLE_LABELS[r]) }))}
          error={error?.fieldError('user.role')}
        />
      </div>
      <FormErrors error={invite.error} shown={(field) => kFields.includes(field)} />
      <div className="button-row">
        <button type="submit" className="button button--primary button--inline" disabled={invite.isPending}>
          {invite.isPending ? t('Sending invitation…') : t('Send invitation')}
        </button>
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('Cancel')}
        </button>
      </div>
    </form>
  );
}
