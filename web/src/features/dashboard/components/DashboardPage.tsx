import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BadgeImage } from '@/components/BadgeImage';
import { Card, Page } from '@/components/Page';
import { ProgressBar } from '@/components/ProgressBar';
import { Loading, QueryView } from '@/components/Status';
import { useChallenges } from '@/lib/api/challenges';
import { useLeaderboards, useLeaderboardStanding } from '@/lib/api/leaderboards';
import { useEnrolledPrograms, usePartnerProgress } from '@/lib/api/programs';
import { useLiveProgress, useMyBadges, useRecognitionSummary } from '@/lib/api/recognition';
import type { Program, RebateAtRisk, TierDemotionWarning } from '@/lib/api/schema';
import { useTierStatus } from '@/lib/api/tiers';
import { isPositive, percentOf } from '@/lib/decimal';
import { formatDate, formatDay, formatList, formatMoney, formatMoneyShort, formatNumber, formatPoints } from '@/lib/format';
import { usePrincipal } from '@/lib/principal';

// The chart library is loaded after the rest of the dashboard, so it does not delay it.
const EarningsChart = lazy(() => import('./EarningsChart'));

// The partner's home: where they stand and what to do next. `prompt` goes above the cards (the
// app puts the open survey there).
export function DashboardPage({ prompt }: { prompt?: ReactNode }) {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const firstName = (principal.displayName ?? '').split(' ')[0];
  return (
    <Page title={t('Welcome back, {{name}}', { name: firstName })} subtitle={principal.partnerName}>
      {prompt}
      <div className="dashboard">
        <LevelCard />
        <RankCard />
        <TierCard />
        <EarningsCard />
        <ProgramsCard />
        <ChallengesCard />
        <BadgesCard />
        <Card title={t('Earnings and points over time')} id="earnings-chart" className="dashboard__wide">
          <Suspense fallback={<Loading />}>
            <EarningsChart />
          </Suspense>
        </Card>
      </div>
    </Page>
  );
}

function LevelCard() {
  const { t } = useTranslation();
  const summary = useRecognitionSummary();
  return (
    <Card title={t('Your points')} id="level-card">
      <QueryView query={summary}>
        {(s) => (
          <>
            <p className="big-number" data-testid="points-balance">
              {formatPoints(s.lifetimePoints)} <span className="big-number__unit">{t('points')}</span>
            </p>
            {s.level?.level && (
              <>
                <p>
                  {t('Level')} <strong data-testid="level-name">{s.level.level.name}</strong>
                </p>
                <ProgressBar
                  percent={s.level.progressPercent ?? 0}
                  label={s.level.nextLevel ? t('Progress to {{level}}', { level: s.level.nextLevel.name }) : t('Top level reached')}
                  valueText={`${s.level.progressPercent}%`}
                  tone="accent"
                />
                <p className="muted small">
                  {s.level.nextLevel
                    ? t('{{points}} points to {{level}}', { points: formatPoints(s.level.pointsToNextLevel), level: s.level.nextLevel.name })
                    : t('You are at the top level.')}
                </p>
              </>
            )}
          </>
        )}
      </QueryView>
    </Card>
  );
}

function RankCard() {
  const { t } = useTranslation();
  const boards = useLeaderboards();
  const main = boards.data?.find((b) => b.scope === 'LEADERBOARD_SCOPE_INDIVIDUAL') ?? boards.data?.[0];
  const standing = useLeaderboardStanding(main?.id, { top: 3, around: 0 });
  const live = useLiveProgress();
  const liveRank = live.data?.ranks?.find((r) => r.leaderboardId === main?.id);
  return (
    <Card title={t('Your rank')} id="rank-card" actions={<Link to="/leaderboards">{t('Leaderboards')}</Link>}>
      <QueryView query={standing}>
        {(s) => {
          const rank = liveRank?.rank ?? s.caller?.rank;
          const previous = liveRank && liveRank.previousRank !== '0' ? Number(liveRank.previousRank) : null;
          const moved = previous !== null && rank ? previous - Number(rank) : 0;
          return (
            <>
              <p className="muted small">{s.leaderboard?.name}</p>
              {rank && rank !== '0' ? (
                <p className="big-number" data-testid="my-rank">
                  #{rank} <span className="big-number__unit">{t('of {{n}}', { n: liveRank?.participants ?? s.participants })}</span>
                  {moved > 0 && <span className="movement movement--up">▲ {moved}</span>}
                  {moved < 0 && <span className="movement movement--down">▼ {-moved}</span>}
                </p>
              ) : (
                <p>{t('Not on the board yet this period. Your next approved claim puts you on it.')}</p>
              )}
              <ol className="mini-board">
                {(s.top ?? []).map((row) => (
                  <li key={row.participantId} className={row.isCaller ? 'is-me' : undefined}>
                    <span>#{row.rank}</span> <span>{row.displayName}</span> <span className="num">{formatPoints(row.score)}</span>
                  </li>
                ))}
              </ol>
            </>
          );
        }}
      </QueryView>
    </Card>
  );
}

function TierCard() {
  const { t } = useTranslation();
  const status = useTierStatus();
  return (
    <Card title={t('Partner tier')} id="tier-card">
      <QueryView query={status}>
        {(s) => {
          const next = s.nextTier;
          const criteria = next?.tier?.criteria;
          return (
            <>
              <p className="big-number" data-testid="tier-name">
                {s.tier?.name || t('No tier')}
              </p>
              {s.tier?.benefits && (
                <p className="small" data-testid="tier-benefits">
                  {s.tier.benefits}
                </p>
              )}
              {s.demotionWarning && <DemotionWarning warning={s.demotionWarning} partner={s.partnerName} tier={s.tier?.name} />}
              {next ? (
                <>
                  <p data-testid="tier-gap">{next.text}</p>
                  {next.tier?.benefits && (
                    <p className="small" data-testid="next-tier-benefits">
                      {t('{{tier}} unlocks: {{benefits}}', { tier: next.tier.name, benefits: next.tier.benefits })}
                    </p>
                  )}
                  {criteria?.minTrailingSales && criteria.minTrailingSales !== '0' && (
                    <ProgressBar
                      percent={percentOf(s.trailingSales, criteria.minTrailingSales)}
                      label={t('Sales toward {{tier}}', { tier: next.tier?.name })}
                      valueText={`${formatMoneyShort(s.trailingSales, s.currencyCode)} / ${formatMoneyShort(criteria.minTrailingSales, s.currencyCode)}`}
                    />
                  )}
                  <p className="muted small">
                    {t('Trailing 12 months: {{sales}} sales, {{users}} certified users', {
                      sales: formatMoneyShort(s.trailingSales, s.currencyCode || 'EUR'),
                      users: s.certifiedUsers,
                    })}
                  </p>
                </>
              ) : s.qualifiedTier && s.tier && (s.qualifiedTier.rank ?? 0) > (s.tier.rank ?? 0) ? (
                <p data-testid="tier-gap">{t('You qualify for {{tier}}: it applies at the next evaluation.', { tier: s.qualifiedTier.name })}</p>
              ) : (
                <p>{t('You hold the top tier.')}</p>
              )}
            </>
          );
        }}
      </QueryView>
    </Card>
  );
}

// What expiring certifications would cost: the tier they hold up and, as the server's rules
// engine computes it, the rebate the lower tier gives up in each program.
function DemotionWarning({ warning, partner, tier }: { warning: TierDemotionWarning; partner?: string; tier?: string }) {
  const { t } = useTranslation();
  const expiring = warning.expiring ?? [];
  const [first, ...more] = warning.rebatesAtRisk ?? [];
  const loss = (r: RebateAtRisk) => ({
    percent: formatNumber(r.percentLost),
    program: r.programName,
    amount: formatMoney(r.amountLost, r.currencyCode),
  });
  const drop = {
    count: expiring.length,
    names: formatList(expiring.map((c) => c.userDisplayName ?? '')),
    date: formatDate(warning.dropTime),
    partner,
    tier: warning.wouldDropTo?.name,
  };
  return (
    <div className="warning" role="alert" data-testid="demotion-warning">
      <p>
        {first
          ? t('If the certification of {{names}} expires by {{date}}, {{partner}} drops to {{tier}} and loses {{percent}}% rebate in {{program}}: {{amount}} on this period’s sales so far.', {
              ...drop,
              ...loss(first),
            })
          : t('If the certification of {{names}} expires by {{date}}, {{partner}} drops to {{tier}}.', drop)}
      </p>
      {more.map((r) => (
        <p key={`${r.programId}-${r.ruleId}`}>{t('Also {{percent}}% less rebate in {{program}}: {{amount}} on this period’s sales so far.', loss(r))}</p>
      ))}
      <p>
        <Link to="/training">{t('Renew in time to keep {{tier}}', { tier })}</Link>
      </p>
    </div>
  );
}

function EarningsCard() {
  const { t } = useTranslation();
  const programs = useEnrolledPrograms();
  return (
    <Card title={t('Earnings')} id="earnings-card" className="dashboard__span2" actions={<Link to="/rewards">{t('Rewards')}</Link>}>
      <QueryView query={programs}>
        {(list) => (
          <table className="table table--compact table--cards">
            <thead>
              <tr>
                <th scope="col">{t('Program')}</th>
                <th scope="col" className="num">
                  {t('Earned')}
                </th>
                <th scope="col" className="num">
                  {t('Paid')}
                </th>
                <th scope="col" className="num">
                  {t('Pending')}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <EarningsRow key={p.id} program={p} />
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
    </Card>
  );
}

function EarningsRow({ program }: { program: Program }) {
  const { t } = useTranslation();
  const progress = usePartnerProgress(program.id ?? '');
  const p = progress.data;
  return (
    <tr>
      <th scope="row">{program.name}</th>
      <td className="num" data-label={t('Earned')}>
        {p ? formatMoney(p.earned, p.currencyCode) : '…'}
      </td>
      <td className="num" data-label={t('Paid')}>
        {p ? formatMoney(p.paid, p.currencyCode) : '…'}
      </td>
      <td className="num" data-label={t('Pending')}>
        {p ? formatMoney(p.pendingRewards, p.currencyCode) : '…'}
      </td>
    </tr>
  );
}

function ProgramsCard() {
  const { t } = useTranslation();
  const programs = useEnrolledPrograms();
  return (
    <Card title={t('Your programs this period')} id="programs-card" className="dashboard__wide">
      <QueryView query={programs}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('Your organisation is not enrolled in an active program yet.')}</p>
          ) : (
            <div className="program-progress-list">
              {list.map((p) => (
                <ProgramProgress key={p.id} program={p} />
              ))}
            </div>
          )
        }
      </QueryView>
    </Card>
  );
}

function ProgramProgress({ program }: { program: Program }) {
  const { t } = useTranslation();
  const progress = usePartnerProgress(program.id ?? '');
  return (
    <article className="program-progress">
      <h3>{program.name}</h3>
      <QueryView query={progress}>
        {(p) => (
          <>
            <p className="muted small">
              {formatDay(p.periodStart)} – {formatDay(p.periodEnd)}
              {(p.pendingClaims ?? 0) > 0 && <> · {t('{{count}} claims pending', { count: p.pendingClaims })}</>}
            </p>
            {(p.rules ?? [])
              .filter((r) => r.kind === 'rebate' || r.kind === 'bonus' || r.kind === 'growth')
              .map((r) => {
                if (r.kind === 'rebate') {
                  const step = {
                    amount: formatMoneyShort(r.amountToNextTier, p.currencyCode),
                    percent: formatNumber(r.nextTierPercent),
                    current: formatNumber(r.currentPercent),
                    reward: formatMoneyShort(r.nextStepReward, p.currencyCode),
                  };
                  // What the step is worth comes from the server's rules engine, the one that pays.
                  const text = !r.nextTierVolume
                    ? t('Top tier reached: {{percent}}% on every sale', { percent: formatNumber(r.currentPercent) })
                    : isPositive(r.nextStepTrueUp)
                      ? t('{{amount}} more sales this period lifts all of it to {{percent}}%: about {{reward}} more, with the true-up', step)
                      : isPositive(r.nextStepReward)
                        ? t('{{amount}} more sales to reach {{percent}}% (now {{current}}%): {{reward}} more', step)
                        : t('{{amount}} more sales to reach {{percent}}% (now {{current}}%)', step);
                  return (
                    <div key={r.ruleId} className="rule-progress">
                      <p>
                        <strong>{r.ruleName}</strong>: {text}
                      </p>
                      <ProgressBar
                        percent={r.nextTierVolume ? percentOf(r.periodVolume, r.nextTierVolume) : 100}
                        label={t('{{rule}} progress', { rule: r.ruleName })}
                        valueText={text}
                      />
                      {r.tierUpliftPercent && (
                        <p className="muted small" data-testid="tier-uplift">
                          {t('Your partner tier adds {{percent}}% to every sale.', { percent: formatNumber(r.tierUpliftPercent) })}
                        </p>
                      )}
                    </div>
                  );
                }
                if (!r.targetVolume) return null;
                const text = r.reached
                  ? t('Reached this period')
                  : isPositive(r.nextStepReward)
                    ? t('{{reward}} is {{amount}} of sales away', {
                        reward: formatMoneyShort(r.nextStepReward, p.currencyCode),
                        amount: formatMoneyShort(r.amountToTarget, p.currencyCode),
                      })
                    : t('{{amount}} more sales to go', { amount: formatMoneyShort(r.amountToTarget, p.currencyCode) });
                return (
                  <div key={r.ruleId} className="rule-progress">
                    <p>
                      <strong>{r.ruleName}</strong>: {text}
                    </p>
                    <ProgressBar percent={r.reached ? 100 : percentOf(r.periodVolume, r.targetVolume)} label={t('{{rule}} progress', { rule: r.ruleName })} valueText={text} tone="success" />
                  </div>
                );
              })}
          </>
        )}
      </QueryView>
    </article>
  );
}

function ChallengesCard() {
  const { t } = useTranslation();
  const challenges = useChallenges();
  return (
    <Card title={t('Challenges')} id="challenges-card">
      <QueryView query={challenges}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('No open challenges right now.')}</p>
          ) : (
            <ul className="challenge-list">
              {list.map((c) => (
                <li key={c.id}>
                  <p>
                    <strong>{c.title}</strong>
                    {c.progress?.completed && <span className="pill pill--success">{t('Completed')}</span>}
                  </p>
                  <p className="muted small">
                    {c.description} {t('Ends {{date}}.', { date: formatDate(c.endTime) })}
                    {c.rewardPoints !== '0' && <> {t('Reward: {{points}} points.', { points: formatPoints(c.rewardPoints) })}</>}
                  </p>
                  {c.progress && (
                    <ProgressBar percent={c.progress.percent ?? 0} label={c.title ?? ''} valueText={c.progress.text} tone={c.progress.completed ? 'success' : 'accent'} />
                  )}
                  {c.progress && <p className="muted small">{c.progress.text}</p>}
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </Card>
  );
}

function BadgesCard() {
  const { t } = useTranslation();
  const badges = useMyBadges();
  return (
    <Card title={t('Latest badges')} id="badges-card" actions={<Link to="/badges">{t('All badges')}</Link>}>
      <QueryView query={badges}>
        {(list) => {
          const earned = list
            .filter((b) => b.earned)
            .sort((a, b) => Date.parse(b.earnTime ?? '') - Date.parse(a.earnTime ?? ''))
            .slice(0, 4);
          return earned.length === 0 ? (
            <p className="muted">{t('Your first approved claim earns your first badge.')}</p>
          ) : (
            <ul className="badge-strip">
              {earned.map((b) => (
                <li key={b.badge?.id}>
                  <BadgeImage badge={b.badge ?? {}} earned />
                  <span>{b.badge?.name}</span>
                </li>
              ))}
            </ul>
          );
        }}
      </QueryView>
    </Card>
  );
}
