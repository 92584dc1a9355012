import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField, SelectField } from '@/components/Fields';
import { Card } from '@/components/Page';
import { Empty, ErrorMessage, QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { labelOf, type Known, type Role } from '@/lib/api/enums';
import { useUsers } from '@/lib/api/partners';
import type { User } from '@/lib/api/schema';
import { formatDate } from '@/lib/format';
import { ROLE_LABELS } from '@/lib/principal';
import { useInviteUser, useUpdateUser } from '../api/partners';
import { leftoverViolations } from './PartnerForm';

const kPartnerRoles: Array<Known<Role>> = ['ROLE_PARTNER_REP', 'ROLE_PARTNER_ADMIN'];

interface PartnerUsersProps {
  partnerId: string;
  canManage: boolean;
  // The signed-in user, whose own row has no actions (nobody disables or demotes themselves).
  selfId?: string;
}

// A partner's people: who they are, and (for roles that manage them: vendor staff, the partner's
// admins) add, disable and enable them or switch them between rep and admin.
export function PartnerUsers({ partnerId, canManage, selfId }: PartnerUsersProps) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const users = useUsers({ partnerId });
  const update = useUpdateUser();
  const [adding, setAdding] = useState(false);
  const pendingId = update.isPending ? update.variables?.user.id : undefined;

  const setStatus = (u: User) =>
    update.mutate(
      { user: { id: u.id ?? '', status: u.status === 'USER_STATUS_ACTIVE' ? 'USER_STATUS_DISABLED' : 'USER_STATUS_ACTIVE', etag: u.etag }, mask: ['status'] },
      {
        onSuccess: (x) =>
          toasts.show(
            x.status === 'USER_STATUS_ACTIVE' ? t('{{name}} can sign in again', { name: x.displayName }) : t('{{name}} can no longer sign in', { name: x.displayName }),
            'success',
          ),
        onError: () => void users.refetch(),
      },
    );
  const setRole = (u: User, role: Role) =>
    update.mutate(
      { user: { id: u.id ?? '', role, etag: u.etag }, mask: ['role'] },
      {
        onSuccess: (x) => toasts.show(t('{{name}} is now {{role}}', { name: x.displayName, role: t(labelOf(ROLE_LABELS, x.role) ?? 'Unknown') }), 'success'),
        onError: () => void users.refetch(),
      },
    );

  return (
    <Card
      title={t('People')}
      id="partner-users"
      actions={
        canManage &&
        !adding && (
          <button type="button" className="button button--ghost button--small" onClick={() => setAdding(true)}>
            {t('Invite a person')}
          </button>
        )
      }
    >
      {adding && <AddUser partnerId={partnerId} onClose={() => setAdding(false)} />}
      {update.isError && (
        <div className="form-error" role="alert">
          {update.error instanceof ApiError && update.error.code === 10 ? (
            <p>{t('Someone else changed this person meanwhile. The list is reloaded; try again.')}</p>
          ) : (
            <ErrorMessage error={update.error} />
          )}
        </div>
      )}
      <QueryView query={users}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('This partner has no users yet.')}</Empty>
          ) : (
            <table className="table table--cards">
              <caption className="visually-hidden">{t('People')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('Name')}</th>
                  <th scope="col">{t('Role')}</th>
                  <th scope="col">{t('Since')}</th>
                  <th scope="col">{t('Status')}</th>
                  {canManage && <th scope="col">{t('Actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {list.map((u) => {
                  const other = u.role === 'ROLE_PARTNER_ADMIN' ? 'ROLE_PARTNER_REP' : 'ROLE_PARTNER_ADMIN';
                  return (
                    <tr key={u.id}>
                      <td data-label={t('Name')}>
                        <div className="cell-stack">
                          {u.displayName}
                          <span className="muted small block">{u.email}</span>
                        </div>
                      </td>
                      <td data-label={t('Role')}>{t(labelOf(ROLE_LABELS, u.role) ?? 'Unknown')}</td>
                      <td data-label={t('Since')}>{formatDate(u.createTime)}</td>
                      <td data-label={t('Status')}>
                        <span className={`pill ${u.status === 'USER_STATUS_ACTIVE' ? 'pill--success' : 'pill--danger'}`}>
                          {u.status === 'USER_STATUS_ACTIVE' ? t('Active') : t('Disabled')}
                        </span>
                      </td>
                      {canManage && (
                        <td data-label={t('Actions')}>
                          {u.id !== selfId && (
                            <span className="user-actions">
                              <button type="button" className="link-button" disabled={pendingId === u.id} onClick={() => setStatus(u)}>
                                {u.status === 'USER_STATUS_ACTIVE' ? t('Disable') : t('Enable')}
                                <span className="visually-hidden"> {u.displayName}</span>
                              </button>
                              {kPartnerRoles.some((r) => r === u.role) && (
                                <button type="button" className="link-button" disabled={pendingId === u.id} onClick={() => setRole(u, other)}>
                                  {other === 'ROLE_PARTNER_ADMIN' ? t('Make admin') : t('Make rep')}
                                  <span className="visually-hidden"> {u.displayName}</span>
                                </button>
                              )}
                            </span>
                          )}
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )
        }
      </QueryView>
    </Card>
  );
}

function AddUser({ partnerId, onClose }: { partnerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const invite = useInviteUser();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('ROLE_PARTNER_REP');
  const error = invite.error instanceof ApiError ? invite.error : null;
  const leftover = leftoverViolations(error, ['user.display_name', 'user.email', 'user.role']);
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
          options={kPartnerRoles.map((r) => ({ value: r, label: t(ROLE_LABELS[r]) }))}
          error={error?.fieldError('user.role')}
        />
      </div>
      {error && (leftover.length > 0 || error.fieldViolations.length === 0) && (
        <div className="form-error" role="alert">
          {error.fieldViolations.length === 0 ? <p>{error.message}</p> : <ul>{leftover.map((text) => <li key={text}>{text}</li>)}</ul>}
        </div>
      )}
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
