import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '@/components/ListControls';
import { Page } from '@/components/Page';
import { Empty, QueryView } from '@/components/Status';
import { labelOf, type Known, type ProgramStatus } from '@/lib/api/enums';
import type { Program } from '@/lib/api/schema';
import { formatDay } from '@/lib/format';
import { PROGRAM_STATUS_LABELS } from '@/lib/labels';
import { usePrincipal } from '@/lib/principal';
import { useProgramSearch } from '../api/programs';
import { PROGRAM_PERIOD_LABELS } from '../labels';
import { BudgetBar, ProgramStatusPill } from './ProgramBits';
import '../programs.css';

const kStatuses: Array<Known<ProgramStatus> | ''> = ['', 'PROGRAM_STATUS_DRAFT', 'PROGRAM_STATUS_ACTIVE', 'PROGRAM_STATUS_PAUSED', 'PROGRAM_STATUS_CLOSED'];

// /programs: the programs with their status, dates and budget use, filtered by status and name
// on the server and read a page at a time (vendor roles); program admins start new ones here.
export default function ProgramsPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const [status, setStatus] = useState<ProgramStatus | ''>('');
  const [name, setName] = useState('');
  const programs = useProgramSearch(status, name);
  const periodLabel = (program: Program) => {
    const label = labelOf(PROGRAM_PERIOD_LABELS, program.period);
    return label ? t(label) : '—';
  };
  return (
    <Page
      title={t('Programs')}
      subtitle={t('Incentive programs, their budgets and rules.')}
      actions={
        principal.role === 'ROLE_PROGRAM_ADMIN' && (
          <Link className="button button--primary button--inline" to="/programs/new">
            {t('New program')}
          </Link>
        )
      }
    >
      <div className="filters">
        <div className="chips" role="group" aria-label={t('Status')}>
          {kStatuses.map((s) => (
            <button key={s || 'all'} type="button" className="chip" aria-pressed={status === s} onClick={() => setStatus(s)}>
              {s ? t(PROGRAM_STATUS_LABELS[s]) : t('All')}
            </button>
          ))}
        </div>
        <label className="inline-select">
          <span>{t('Name')}</span>
          <input type="search" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('Search programs')} />
        </label>
      </div>
      <QueryView query={programs}>
        {({ items: list }) =>
          list.length === 0 ? (
            <Empty>{name || status ? t('No program matches these filters.') : t('No programs yet.')}</Empty>
          ) : (
            <>
              <table className="table table--cards programs-table" data-testid="programs-table">
                <thead>
                  <tr>
                    <th scope="col">{t('Program')}</th>
                    <th scope="col">{t('Status')}</th>
                    <th scope="col">{t('Period')}</th>
                    <th scope="col">{t('Dates')}</th>
                    <th scope="col">{t('Budget')}</th>
                    <th scope="col" className="num">
                      {t('Rules version')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((p) => (
                    <tr key={p.id}>
                      <td data-label={t('Program')}>
                        <Link to={`/programs/${p.id}`}>{p.name}</Link>
                      </td>
                      <td data-label={t('Status')}>
                        <ProgramStatusPill status={p.status} />
                      </td>
                      <td data-label={t('Period')}>{periodLabel(p)}</td>
                      <td data-label={t('Dates')}>
                        {formatDay(p.startDate)} – {formatDay(p.endDate)}
                      </td>
                      <td data-label={t('Budget')} className="programs-table__budget">
                        <BudgetBar program={p} compact />
                      </td>
                      <td className="num" data-label={t('Rules version')}>
                        {p.rulesVersion}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <LoadMore query={programs} label={t('Show more programs')} />
            </>
          )
        }
      </QueryView>
    </Page>
  );
}
