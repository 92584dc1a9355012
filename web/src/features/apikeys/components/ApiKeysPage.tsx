import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField } from '@/components/Fields';
import { LoadMore } from '@/components/ListControls';
import { Card, Page } from '@/components/Page';
import { Empty, QueryView } from '@/components/Status';
import { ApiError } from '@/lib/api-client';
import { useCreateUser, useUserPages } from '@/lib/api/partners';
import type { ApiKey, IssueApiKeyResponse, User } from '@/lib/api/schema';
import { formatDate, formatDateTime } from '@/lib/format';
import { useApiKeys, useIssueApiKey, useRevokeApiKey } from '../api/apikeys';
import '../apikeys.css';

// Program admins: the service accounts internal systems (ERP, LMS, CRM) call the gRPC API as,
// and their API keys: issue one (shown once, stored only as a hash), see what each is for and
// when it expires, revoke it.
export default function ApiKeysPage() {
  const { t } = useTranslation();
  const accounts = useUserPages({ role: 'ROLE_SERVICE_ACCOUNT' });
  return (
    <Page title={t('API keys')} subtitle={t('Service accounts for the systems that call the API, and the keys they sign in with.')}>
      <Card title={t('New service account')} id="new-service-account">
        <NewServiceAccount />
      </Card>
      <QueryView query={accounts}>
        {({ items: users }) =>
          users.length === 0 ? (
            <Empty>{t('No service accounts yet.')}</Empty>
          ) : (
            <>
                {users.map((u) => (
                  <ServiceAccount key={u.id} account={u} />
                ))}
                <LoadMore query={accounts} label={t('Show more service accounts')} />
            </>
          )
        }
      </QueryView>
    </Page>
  );
}

function NewServiceAccount() {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const error = create.error instanceof ApiError ? create.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending) return;
    create.mutate(
      { user: { displayName: name, email, role: 'ROLE_SERVICE_ACCOUNT' } },
      {
        onSuccess: () => {
          setName('');
          setEmail('');
        },
      },
    );
  };
  const other = error && !error.fieldError('user.display_name') && !error.fieldError('user.email') ? error.message : null;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="form__grid">
        <InputField
          id="service-name"
          label={t('System name')}
          value={name}
          onValueChange={setName}
          error={error?.fieldError('user.display_name')}
          hint={t('What calls the API, e.g. "ERP nightly sales import".')}
        />
        <InputField
          id="service-email"
          label={t('Contact email')}
          type="email"
          value={email}
          onValueChange={setEmail}
          error={error?.fieldError('user.email')}
          hint={t('Of the team that runs it. The account never signs in with a password.')}
        />
      </div>
      {other && (
        <p className="form-error" role="alert">
          {other}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary button--inline" aria-disabled={create.isPending}>
          {t('Create service account')}
        </button>
      </div>
    </form>
  );
}

function keyState(key: ApiKey, now: number): 'revoked' | 'expired' | 'active' {
  if (key.revokeTime) return 'revoked';
  return Date.parse(key.expireTime ?? '') <= now ? 'expired' : 'active';
}

const kStateLabels = { active: 'Active', expired: 'Expired', revoked: 'Revoked' } as const;
const kStateTones = { active: 'success', expired: 'warning', revoked: 'danger' } as const;

function ServiceAccount({ account }: { account: User }) {
  const { t } = useTranslation();
  const keys = useApiKeys(account.id ?? '');
  const revoke = useRevokeApiKey();
  const [confirming, setConfirming] = useState<string | null>(null);
  const now = Date.now();
  return (
    <Card title={account.displayName} id={`service-${account.id}`}>
      <p className="muted small">
        {account.email} · {t('created {{date}}', { date: formatDate(account.createTime) })}
        {account.status === 'USER_STATUS_DISABLED' && <span className="pill pill--danger">{t('Disabled')}</span>}
      </p>
      <QueryView query={keys}>
        {({ items: rows }) =>
          rows.length === 0 ? (
            <Empty>{t('No keys yet.')}</Empty>
          ) : (
            <>
            <table className="table table--cards" data-testid={`api-keys-${account.id}`}>
              <thead>
                <tr>
                  <th scope="col">{t('What it is for')}</th>
                  <th scope="col">{t('Issued')}</th>
                  <th scope="col">{t('Expires')}</th>
                  <th scope="col">{t('Status')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('Actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((k) => {
                  const state = keyState(k, now);
                  return (
                    <tr key={k.id}>
                      <td data-label={t('What it is for')}>{k.description}</td>
                      <td data-label={t('Issued')}>{formatDateTime(k.createTime)}</td>
                      <td data-label={t('Expires')}>{formatDate(k.expireTime)}</td>
                      <td data-label={t('Status')}>
                        <span className={`pill pill--${kStateTones[state]}`}>{t(kStateLabels[state])}</span>
                        {k.revokeTime && <span className="muted small block">{formatDateTime(k.revokeTime)}</span>}
                      </td>
                      <td className="apikeys__actions">
                        {state === 'active' &&
                          (confirming === k.id ? (
                            <span className="button-row">
                              <button
                                type="button"
                                className="button button--danger button--small button--inline"
                                disabled={revoke.isPending}
                                onClick={() => revoke.mutate(k.id ?? '', { onSuccess: () => setConfirming(null) })}
                              >
                                {t('Yes, revoke')}
                              </button>
                              <button type="button" className="button button--ghost button--small button--inline" onClick={() => setConfirming(null)}>
                                {t('Keep it')}
                              </button>
                            </span>
                          ) : (
                            <button type="button" className="button button--ghost button--small button--inline" onClick={() => setConfirming(k.id ?? null)}>
                              {t('Revoke')}
                              <span className="visually-hidden"> {k.description}</span>
                            </button>
                          ))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <LoadMore query={keys} label={t('Show more keys')} />
            </>
          )
        }
      </QueryView>
      {account.status !== 'USER_STATUS_DISABLED' && <IssueKey account={account} />}
    </Card>
  );
}

function IssueKey({ account }: { account: User }) {
  const { t } = useTranslation();
  const issue = useIssueApiKey();
  const [description, setDescription] = useState('');
  const [days, setDays] = useState('365');
  const [issued, setIssued] = useState<IssueApiKeyResponse | null>(null);
  const [copied, setCopied] = useState(false);
  const error = issue.error instanceof ApiError ? issue.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (issue.isPending) return;
    setIssued(null);
    issue.mutate(
      { userId: account.id ?? '', description, ttlDays: Number(days) || 0 },
      {
        onSuccess: (answer) => {
          setIssued(answer);
          setCopied(false);
          setDescription('');
        },
      },
    );
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(issued?.apiKey ?? '');
      setCopied(true);
    } catch {
      // No clipboard here (an insecure origin, a refusal): the key stays selectable.
      setCopied(false);
    }
  };
  const idPrefix = `issue-${account.id}`;
  return (
    <>
      {issued && (
        <div className="notice notice--success apikeys__issued" role="status" data-testid="issued-key">
          <p>
            <strong>{t('Copy the key now: it is shown only this once.')}</strong>{' '}
            {t('Send it as "authorization: Bearer <key>". It expires on {{date}}.', { date: formatDate(issued.expireTime) })}
          </p>
          <code className="apikeys__secret">{issued.apiKey}</code>
          <div className="button-row">
            <button type="button" className="button button--ghost button--small button--inline" onClick={() => void copy()}>
              {copied ? t('Copied') : t('Copy key')}
            </button>
            <button type="button" className="button button--ghost button--small button--inline" onClick={() => setIssued(null)}>
              {t('Done, hide it')}
            </button>
          </div>
        </div>
      )}
      <form className="form apikeys__issue" onSubmit={submit} noValidate>
        <div className="form__grid">
          <InputField
            id={`${idPrefix}-description`}
            label={t('What the new key is for')}
            value={description}
            onValueChange={setDescription}
            error={error?.fieldError('description')}
          />
          <InputField
            id={`${idPrefix}-days`}
            label={t('Valid for (days)')}
            inputMode="numeric"
            value={days}
            onValueChange={setDays}
            error={error?.fieldError('ttl_days')}
          />
        </div>
        {error && error.fieldViolations.length === 0 && (
          <p className="form-error" role="alert">
            {error.message}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button button--primary button--inline" aria-disabled={issue.isPending}>
            {t('Issue a key')}
            <span className="visually-hidden"> {account.displayName}</span>
          </button>
        </div>
      </form>
    </>
  );
}
