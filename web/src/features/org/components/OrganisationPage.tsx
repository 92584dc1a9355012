import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, Page } from '@/components/Page';
import { QueryView } from '@/components/Status';
import { InputField, SelectField } from '@/components/Fields';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { formatDate, formatMoneyShort, formatPoints } from '@/lib/format';
import { ROLE_LABELS } from '@/features/auth/api/types';
import { usePrincipal } from '@/features/auth/hooks/use-principal';
import { useCreateUser, useUpdateUser, useUsers } from '@/features/partners/api/partners';
import type { User } from '@/features/partners/api/types';
import { useRecognitionSummary } from '@/features/recognition/api/recognition';
import { useTierStatus } from '@/features/tiers/api/tiers';
import { useCertifications } from '@/features/training/api/training';
import { StatementsList } from '@/features/rewards/components/StatementsList';

// A partner admin's organisation: its standing, its people (add, disable) and its statements.
export default function OrganisationPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  return (
    <Page title={principal.partnerName} subtitle={t('Your organisation: people, progress and statements.')}>
      <OrgProgress />
      <OrgUsers />
      <StatementsList />
    </Page>
  );
}

function OrgProgress() {
  const { t } = useTranslation();
  const tier = useTierStatus();
  const summary = useRecognitionSummary();
  const certifications = useCertifications();
  return (
    <div className="stat-row">
      <div className="stat">
        <span className="stat__label">{t('Partner tier')}</span>
        <span className="stat__value">{tier.data?.tier?.name ?? '…'}</span>
        <span className="muted small">{tier.data?.nextTier?.text ?? ''}</span>
      </div>
      <div className="stat">
        <span className="stat__label">{t('Trailing 12-month sales')}</span>
        <span className="stat__value">{tier.data ? formatMoneyShort(tier.data.trailingSales, tier.data.currencyCode || 'EUR') : '…'}</span>
      </div>
      <div className="stat">
        <span className="stat__label">{t('Organisation points')}</span>
        <span className="stat__value">{summary.data ? formatPoints(summary.data.partnerLifetimePoints) : '…'}</span>
        <span className="muted small">{summary.data?.partnerLevel?.level?.name}</span>
      </div>
      <div className="stat">
        <span className="stat__label">{t('Certified people')}</span>
        <span className="stat__value">{tier.data?.certifiedUsers ?? '…'}</span>
        <span className="muted small">{t('{{count}} certifications', { count: certifications.data?.length ?? 0 })}</span>
      </div>
    </div>
  );
}

function OrgUsers() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const toasts = useToasts();
  const users = useUsers({ partnerId: principal.partnerId });
  const update = useUpdateUser();
  const toggle = (u: User) =>
    update.mutate(
      { user: { id: u.id, status: u.status === 'USER_STATUS_ACTIVE' ? 'USER_STATUS_DISABLED' : 'USER_STATUS_ACTIVE', etag: u.etag }, mask: ['status'] },
      { onSuccess: (x) => toasts.show(x.status === 'USER_STATUS_ACTIVE' ? t('{{name}} can sign in again', { name: x.displayName }) : t('{{name}} can no longer sign in', { name: x.displayName }), 'success') },
    );
  return (
    <Card title={t('People')} id="org-users">
      <QueryView query={users}>
        {(list) => (
          <table className="table table--cards">
            <thead>
              <tr>
                <th scope="col">{t('Name')}</th>
                <th scope="col">{t('Role')}</th>
                <th scope="col">{t('Since')}</th>
                <th scope="col">{t('Status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((u) => (
                <tr key={u.id}>
                  <td data-label={t('Name')}>
                    {u.displayName}
                    <span className="muted small block">{u.email}</span>
                  </td>
                  <td data-label={t('Role')}>{t(ROLE_LABELS[u.role])}</td>
                  <td data-label={t('Since')}>{formatDate(u.createTime)}</td>
                  <td data-label={t('Status')}>
                    <span className={`pill ${u.status === 'USER_STATUS_ACTIVE' ? 'pill--success' : 'pill--danger'}`}>
                      {u.status === 'USER_STATUS_ACTIVE' ? t('Active') : t('Disabled')}
                    </span>{' '}
                    {u.id !== principal.userId && (
                      <button type="button" className="link-button" disabled={update.isPending} onClick={() => toggle(u)}>
                        {u.status === 'USER_STATUS_ACTIVE' ? t('Disable') : t('Enable')}
                        <span className="visually-hidden"> {u.displayName}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
      <AddUser />
    </Card>
  );
}

function AddUser() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const toasts = useToasts();
  const create = useCreateUser();
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState('ROLE_PARTNER_REP');
  const [password, setPassword] = useState('');
  const error = create.error instanceof ApiError ? create.error : null;
  if (!open) {
    return (
      <button type="button" className="button button--ghost" onClick={() => setOpen(true)}>
        {t('Add a person')}
      </button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { user: { email: email.trim(), displayName: displayName.trim(), role: role as User['role'], partnerId: principal.partnerId }, initialPassword: password },
      {
        onSuccess: (u) => {
          toasts.show(t('{{name}} was added', { name: u.displayName }), 'success');
          setOpen(false);
          setEmail('');
          setDisplayName('');
          setPassword('');
        },
      },
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="form__grid">
        <InputField id="new-user-name" label={t('Name')} value={displayName} onValueChange={setDisplayName} error={error?.fieldError('user.display_name')} />
        <InputField id="new-user-email" label={t('Email')} type="email" value={email} onValueChange={setEmail} error={error?.fieldError('user.email')} />
        <SelectField
          id="new-user-role"
          label={t('Role')}
          value={role}
          onValueChange={setRole}
          options={[
            { value: 'ROLE_PARTNER_REP', label: t('Partner rep') },
            { value: 'ROLE_PARTNER_ADMIN', label: t('Partner admin') },
          ]}
        />
        <InputField
          id="new-user-password"
          label={t('Initial password')}
          type="password"
          autoComplete="new-password"
          value={password}
          onValueChange={setPassword}
          error={error?.fieldError('initial_password')}
          hint={t('At least 12 characters; share it privately.')}
        />
      </div>
      {error && error.fieldViolations.length === 0 && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary button--inline" disabled={create.isPending}>
          {t('Add')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
          {t('Cancel')}
        </button>
      </div>
    </form>
  );
}
