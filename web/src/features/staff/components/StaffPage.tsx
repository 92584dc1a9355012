import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InviteUserForm } from '@/components/InviteUserForm';
import { LoadMore } from '@/components/ListControls';
import { Card, Page } from '@/components/Page';
import { PersonActionButtons, PersonActionError, PersonStatus, usePersonActions } from '@/components/PersonActions';
import { Empty, QueryView } from '@/components/Status';
import type { Known, Role } from '@/lib/api/enums';
import { useUserPages } from '@/lib/api/partners';
import { formatDate } from '@/lib/format';
import { ROLE_LABELS, usePrincipal } from '@/lib/principal';

const kStaffRoles: Array<Known<Role>> = ['ROLE_CHANNEL_MANAGER', 'ROLE_PROGRAM_ADMIN', 'ROLE_FINANCE'];

// The vendor's own people (program admins): by role, a page at a time from the server, with
// whether each signs in with two-step sign-in; invite a colleague, disable or enable one, and
// reset the two-step sign-in of one who lost their phone.
export default function StaffPage() {
  const { t } = useTranslation();
  const me = usePrincipal();
  const [role, setRole] = useState<Known<Role>>('ROLE_CHANNEL_MANAGER');
  const [search, setSearch] = useState('');
  const [inviting, setInviting] = useState(false);
  const pages = useUserPages({ role, query: search.trim() || undefined }, { keepPrevious: true });
  const actions = usePersonActions(() => void pages.refetch());

  return (
    <Page
      title={t('Staff')}
      subtitle={t('Your own people: channel managers, program admins and finance. Finance and program admins sign in with two-step sign-in.')}
      actions={
        !inviting && (
          <button type="button" className="button button--primary button--inline" onClick={() => setInviting(true)}>
            {t('Invite a colleague')}
          </button>
        )
      }
    >
      {inviting && (
        <Card title={t('Invite a colleague')}>
          <InviteUserForm partnerId="0" roles={kStaffRoles} onClose={() => setInviting(false)} />
        </Card>
      )}
      <Card title={t('People')} id="staff">
        <div className="filters">
          <div className="chips" role="group" aria-label={t('Role')}>
            {kStaffRoles.map((r) => (
              <button key={r} type="button" className="chip" aria-pressed={role === r} onClick={() => setRole(r)}>
                {t(ROLE_LABELS[r])}
              </button>
            ))}
          </div>
          <label className="inline-select">
            <span>{t('Search')}</span>
            <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('Name or email')} />
          </label>
        </div>
        <PersonActionError actions={actions} />
        <QueryView query={pages}>
          {(data) => {
            const people = data.items;
            if (people.length === 0) return <Empty>{t('Nobody with this role yet.')}</Empty>;
            return (
              <>
                <table className="table table--cards" data-testid="staff-list">
                  <caption className="visually-hidden">{t('People')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('Name')}</th>
                      <th scope="col">{t('Since')}</th>
                      <th scope="col">{t('Status')}</th>
                      <th scope="col">{t('Two-step sign-in')}</th>
                      <th scope="col">{t('Actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {people.map((u) => (
                      <tr key={u.id}>
                        <td data-label={t('Name')}>
                          <div className="cell-stack">
                            {u.displayName}
                            <span className="muted small block">{u.email}</span>
                          </div>
                        </td>
                        <td data-label={t('Since')}>{formatDate(u.createTime)}</td>
                        <td data-label={t('Status')}>
                          <PersonStatus user={u} />
                        </td>
                        <td data-label={t('Two-step sign-in')}>{u.twoStepEnabled ? t('On') : t('Off')}</td>
                        <td data-label={t('Actions')}>{u.id !== me.userId && <PersonActionButtons user={u} actions={actions} />}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <LoadMore query={pages} label={t('Show more people')} />
              </>
            );
          }}
        </QueryView>
      </Card>
    </Page>
  );
}
