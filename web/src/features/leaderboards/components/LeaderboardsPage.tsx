import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Card, Page } from '@/components/Page';
import { Empty, QueryView } from '@/components/Status';
import { Tabs } from '@/components/Tabs';
import type { Known, LeaderboardScope, PartnerType } from '@/lib/api/enums';
import { leaderboardKeys, useLeaderboards, useLeaderboardStanding, type LeaderboardQuery } from '@/lib/api/leaderboards';
import type { GetLeaderboardResponse, Leaderboard, LeaderboardRow } from '@/lib/api/schema';
import { useTierLadder } from '@/lib/api/tiers';
import { formatDay, formatMoneyShort, formatPoints, todayUtc } from '@/lib/format';
import { PARTNER_TYPE_LABELS } from '@/lib/labels';
import { useEventStream } from '@/lib/sse';
import { watchUrl } from '../api/leaderboards';

const kScopeLabels: Record<Known<LeaderboardScope>, string> = {
  LEADERBOARD_SCOPE_INDIVIDUAL: 'Individuals',
  LEADERBOARD_SCOPE_PARTNER: 'Organisations',
};

// The day in the period before the one shown (for browsing past periods).
function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export default function LeaderboardsPage() {
  const { t } = useTranslation();
  const boards = useLeaderboards();
  return (
    <Page title={t('Leaderboards')} subtitle={t('Where you stand, live.')}>
      <QueryView query={boards}>{(list) => (list.length === 0 ? <Empty>{t('No leaderboards yet.')}</Empty> : <Boards boards={list} />)}</QueryView>
    </Page>
  );
}

function Boards({ boards }: { boards: Leaderboard[] }) {
  const { t } = useTranslation();
  const scopes = (Object.keys(kScopeLabels) as Array<Known<LeaderboardScope>>).filter((s) => boards.some((b) => b.scope === s));
  const [scope, setScope] = useState<LeaderboardScope>(scopes[0]!);
  const inScope = boards.filter((b) => b.scope === scope);
  const [boardId, setBoardId] = useState(inScope[0]!.id);
  const board = inScope.find((b) => b.id === boardId) ?? inScope[0]!;
  const [league, setLeague] = useState<{ region: string; partnerType: PartnerType | ''; tier: string }>({ region: '', partnerType: '', tier: '' });
  const [period, setPeriod] = useState('');
  const ladder = useTierLadder();

  return (
    <>
      <Tabs
        label={t('Who competes')}
        tabs={scopes.map((s) => ({ id: s, label: t(kScopeLabels[s]) }))}
        selected={scope}
        onSelect={(s) => {
          setScope(s);
          setBoardId(boards.find((b) => b.scope === s)!.id);
          setPeriod('');
        }}
      />
      <div role="tabpanel" aria-labelledby={`tab-${scope}`}>
        <div className="chips" role="group" aria-label={t('Board')}>
          {inScope.map((b) => (
            <button
              key={b.id}
              type="button"
              className="chip"
              aria-pressed={b.id === board.id}
              onClick={() => {
                setBoardId(b.id);
                setPeriod('');
              }}
            >
              {b.name}
            </button>
          ))}
        </div>
        <div className="filters">
          <label className="inline-select">
            <span>{t('Partner type')}</span>
            <select value={league.partnerType} onChange={(e) => setLeague({ ...league, partnerType: e.target.value as PartnerType | '' })}>
              <option value="">{t('All types')}</option>
              {(Object.keys(PARTNER_TYPE_LABELS) as Array<Known<PartnerType>>).map((type) => (
                <option key={type} value={type}>
                  {t(PARTNER_TYPE_LABELS[type])}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-select">
            <span>{t('Tier')}</span>
            <select value={league.tier} onChange={(e) => setLeague({ ...league, tier: e.target.value })}>
              <option value="">{t('All tiers')}</option>
              {(ladder.data?.tiers ?? []).map((tier) => (
                <option key={tier.code} value={tier.code}>
                  {tier.name}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-select">
            <span>{t('Region')}</span>
            <input
              value={league.region}
              placeholder={t('e.g. EMEA-NL')}
              onChange={(e) => setLeague({ ...league, region: e.target.value.toUpperCase() })}
              size={10}
            />
          </label>
        </div>
        <Standing board={board} query={{ period, top: 10, around: 5, ...league, partnerType: league.partnerType || undefined }} onPeriod={setPeriod} />
      </div>
    </>
  );
}

function Standing({ board, query, onPeriod }: { board: Leaderboard; query: LeaderboardQuery; onPeriod: (day: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const standing = useLeaderboardStanding(board.id, query);
  const live = !query.period;
  // The current period updates live: each message is the whole standing again.
  useEventStream<GetLeaderboardResponse>(live ? watchUrl(board.id ?? '', query) : null, (update) => {
    queryClient.setQueryData(leaderboardKeys.standing(board.id ?? '', query), update);
  });
  const score = (row: LeaderboardRow) =>
    board.metric === 'RECOGNITION_METRIC_SALES' ? formatMoneyShort(row.score, board.currencyCode) : formatPoints(row.score);

  return (
    <QueryView query={standing}>
      {(s) => {
        const top = s.top ?? [];
        const topIds = new Set(top.map((r) => r.participantId));
        const around = (s.around ?? []).filter((r) => !topIds.has(r.participantId));
        return (
          <Card
            id="leaderboard"
            title={board.name}
            actions={
              board.period !== 'LEADERBOARD_PERIOD_ALL_TIME' && (
                <div className="period-nav">
                  <button type="button" className="button button--ghost button--small" onClick={() => onPeriod(dayBefore(s.periodStart ?? ''))}>
                    ‹ <span className="visually-hidden">{t('Previous period')}</span>
                  </button>
                  <span>
                    {formatDay(s.periodStart)} – {formatDay(s.periodEnd)}
                  </span>
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    disabled={live || dayAfter(s.periodEnd ?? '') > todayUtc()}
                    onClick={() => onPeriod(dayAfter(s.periodEnd ?? '') > todayUtc() ? '' : dayAfter(s.periodEnd ?? ''))}
                  >
                    › <span className="visually-hidden">{t('Next period')}</span>
                  </button>
                </div>
              )
            }
          >
            <p className="muted small">
              {t('{{n}} participants', { n: s.participants })}
              {live && <span className="live-dot"> {t('Live')}</span>}
            </p>
            {top.length === 0 ? (
              <Empty>{t('Nobody has scored in this period yet.')}</Empty>
            ) : (
              <table className="table board">
                <thead>
                  <tr>
                    <th scope="col">{t('Rank')}</th>
                    <th scope="col">{t('Name')}</th>
                    <th scope="col" className="num">
                      {t('Score')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {top.map((row) => (
                    <BoardRow key={row.participantId} row={row} score={score(row)} />
                  ))}
                  {around.length > 0 && Number(around[0]!.rank) > Number(top[top.length - 1]!.rank) + 1 && (
                    <tr className="board__gap" aria-hidden="true">
                      <td colSpan={3}>⋯</td>
                    </tr>
                  )}
                  {around.map((row) => (
                    <BoardRow key={row.participantId} row={row} score={score(row)} />
                  ))}
                </tbody>
              </table>
            )}
            {!s.caller && top.length > 0 && <p className="muted">{t('You are not on this board in this period yet.')}</p>}
          </Card>
        );
      }}
    </QueryView>
  );
}

function BoardRow({ row, score }: { row: LeaderboardRow; score: string }) {
  const { t } = useTranslation();
  const podium = Number(row.rank) <= 3 ? ` rank--${row.rank}` : '';
  return (
    <tr className={row.isCaller ? 'board__me' : undefined} aria-current={row.isCaller ? 'true' : undefined} data-testid={row.isCaller ? 'my-board-row' : undefined}>
      <td>
        <span className={`rank${podium}`}>#{row.rank}</span>
      </td>
      <td>
        {row.displayName}
        {row.isCaller && <span className="pill pill--info">{t('You')}</span>}
        <span className="muted small block">{row.partnerName}</span>
      </td>
      <td className="num">{score}</td>
    </tr>
  );
}
