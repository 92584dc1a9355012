import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InviteUserForm } from '@/components/InviteUserForm';
import { LoadMore } from '@/components/ListControls';
import { Card } from '@/components/Page';
import { PersonActionButtons, PersonActionError, PersonStatus, usePersonActions } from '@/components/PersonActions';
import { Empty, QueryView } from '@/components/Status';
import { labelOf, type Known, type Role } from '@/lib/api/enums';
import { useUserPages } from '@/lib/api/partners';
import { formatDate } from '@/lib/format';
import { ROLE_LABELS } from '@/lib/principal';

const kPartnerRoles: Array<Known<Role>> = ['ROLE_PARTNER_REP', 'ROLE_PARTNER_ADMIN'];

interface PartnerUsersProps {
  partnerId: string;
  canManage: boolean;
  // The signed-in user, whose own row has no actions (nobody disables or demotes themselves).
  selfId?: string;
}

// A partner's people: who they are and whether they sign in with two-step sign-in, and (for roles
// that manage them: vendor staff, the partner's admins) add, disable and enable them, switch them
// between rep and admin, or reset the two-step sign-in of one who lost their phone.
export function PartnerUsers({ partnerId, canManage, selfId }: PartnerUsersProps) {
  const { t } = useTranslation();
  const users = useUserPages({ partnerId });
  const actions = usePersonActions(() => void users.refetch());
  const [adding, setAdding] = useState(false);

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
      {adding && <InviteUserForm partnerId={partnerId} roles={kPartnerRoles} onClose={() => setAdding(false)} />}
      <PersonActionError actions={actions} />
      <QueryView query={users}>
        {({ items: list }) =>
          list.length === 0 ? (
            <Empty>{t('This partner has no users yet.')}</Empty>
          ) : (
            <>
              <table className="table table--cards">
                <caption className="visually-hidden">{t('People')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('Name')}</th>
                    <th scope="col">{t('Role')}</th>
                    <th scope="col">{t('Since')}</th>
                    <th scope="col">{t('Status')}</th>
                    <th scope="col">{t('Two-step sign-in')}</th>
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
                          <PersonStatus user={u} />
                        </td>
                        <td data-label={t('Two-step sign-in')}>{u.twoStepEnabled ? t('On') : t('Off')}</td>
                        {canManage && (
                          <td data-label={t('Actions')}>
                            {u.id !== selfId && (
                              <PersonActionButtons user={u} actions={actions}>
                                {kPartnerRoles.some((r) => r === u.role) && (
                                  <button
                                    type="button"
                                    className="link-button"
                                    disabled={actions.busy(u)}
                                    onClick={() =>
                                      actions.setRole(u, other, (x) =>
                                        t('{{name}} is now {{role}}', { name: x.displayName, role: t(labelOf(ROLE_LABELS, x.role) ?? 'Unknown') }),
                                      )
                                    }
                                  >
                                    {other === 'ROLE_PARTNER_ADMIN' ? t('Make admin') : t('Make rep')}
                                    <span className="visually-hidden"> {u.displayName}</span>
                                  </button>
                                )}
                              </PersonActionButtons>
                            )}
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <LoadMore query={users} label={t('Show more people')} />
            </>
          )
        }
      </QueryView>
    </Card>
  );
}
