import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '@/components/ListControls';
import { Page } from '@/components/Page';
import { Empty, QueryView } from '@/components/Status';
import type { Known } from '@/lib/api/enums';
import { formatDate } from '@/lib/format';
import { isPartnerRole, usePrincipal } from '@/lib/principal';
import { useDisputes } from '../api/disputes';
import { DISPUTE_STATE_LABELS, type DisputeState } from '../labels';
import { DisputeAge, DisputeStatePill, SubjectText } from './DisputeParts';
import '../disputes.css';

const kStates = Object.keys(DISPUTE_STATE_LABELS) as Array<Known<DisputeState>>;

// Partner users: their disputes (admins: their organisation's), newest first. Vendor staff: the
// queue, oldest first, with how long each has waited.
export default function DisputesPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const partner = isPartnerRole(principal.role);
  const [state, setState] = useState<Known<DisputeState> | undefined>(partner ? undefined : 'DISPUTE_STATE_OPEN');
  const disputes = useDisputes({ state });

  return (
    <Page
      title={partner ? t('Disputes') : t('Dispute queue')}
      subtitle={
        partner
          ? t('Question a claim, a reward or a statement line, and follow the answer.')
          : t('Partners question their earnings here, oldest first: answer and resolve them.')
      }
      actions={
        partner && (
          <Link className="button button--primary button--inline" to="/disputes/new">
            {t('New dispute')}
          </Link>
        )
      }
    >
      <div className="filters">
        <div className="chips" role="group" aria-label={t('State')}>
          <button type="button" className="chip" aria-pressed={state === undefined} onClick={() => setState(undefined)}>
            {t('All')}
          </button>
          {kStates.map((s) => (
            <button key={s} type="button" className="chip" aria-pressed={state === s} onClick={() => setState(s)}>
              {t(DISPUTE_STATE_LABELS[s])}
            </button>
          ))}
        </div>
      </div>
      <QueryView query={disputes}>
        {({ items: list }) =>
          list.length === 0 ? (
            <Empty>{partner ? t('You have no disputes here. Use "Question this" on a claim or a reward.') : t('No disputes in this state.')}</Empty>
          ) : (
            <>
              <table className="table table--cards disputes">
                <thead>
                  <tr>
                    <th scope="col">{t('Dispute')}</th>
                    <th scope="col">{t('About')}</th>
                    {!partner && <th scope="col">{t('Partner')}</th>}
                    <th scope="col">{t('Opened')}</th>
                    <th scope="col">{t('Age')}</th>
                    <th scope="col">{t('State')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((d) => (
                    <tr key={d.id}>
                      <td data-label={t('Dispute')}>
                        <Link to={`/disputes/${d.id}`}>{t('Dispute {{id}}', { id: d.id })}</Link>
                      </td>
                      <td data-label={t('About')}>
                        <SubjectText subject={d.subject} />
                        {d.programName && <span className="muted small block">{d.programName}</span>}
                      </td>
                      {!partner && <td data-label={t('Partner')}>{d.partnerName}</td>}
                      <td data-label={t('Opened')}>
                        {formatDate(d.openTime)}
                        <span className="muted small block">{t('by {{name}}', { name: d.openedByName })}</span>
                      </td>
                      <td data-label={t('Age')}>
                        <DisputeAge seconds={d.ageSeconds} />
                      </td>
                      <td data-label={t('State')}>
                        <DisputeStatePill state={d.state} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <LoadMore query={disputes} label={t('Show more disputes')} />
            </>
          )
        }
      </QueryView>
    </Page>
  );
}
