import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '@/components/ListControls';
import { InputField, SelectField, TextAreaField } from '@/components/Fields';
import { Icon, type IconName } from '@/components/Icon';
import { Card, Page } from '@/components/Page';
import { PartnerPicker } from '@/components/PartnerPicker';
import { Empty, QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { labelOf, type FeedEntryKind, type FeedVisibility, type Known } from '@/lib/api/enums';
import { useUsers } from '@/lib/api/partners';
import { formatPoints, formatRelative } from '@/lib/format';
import { isPartnerRole, isVendorRole, usePrincipal } from '@/lib/principal';
import { useFeed, useGiveKudos, useKudosBudget, usePostSpotlight } from '../api/engagement';
import { SurveyPrompt } from './SurveyPrompt';

const kKindIcons: Record<Known<FeedEntryKind>, IconName> = {
  FEED_ENTRY_KIND_KUDOS: 'spark',
  FEED_ENTRY_KIND_SPOTLIGHT: 'flag',
  FEED_ENTRY_KIND_BADGE_EARNED: 'medal',
  FEED_ENTRY_KIND_LEVEL_UP: 'chart',
  FEED_ENTRY_KIND_TIER_PROMOTION: 'shield',
  FEED_ENTRY_KIND_PERIOD_WINNER: 'trophy',
  FEED_ENTRY_KIND_CHALLENGE_COMPLETED: 'check',
};

// What the community achieved, kudos and spotlights; kudos givers (vendor staff and partner
// admins) write theirs here.
export default function FeedPage() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const feed = useFeed();
  const canGiveKudos = isVendorRole(principal.role) || principal.role === 'ROLE_PARTNER_ADMIN';
  return (
    <Page title={t('Recognition feed')} subtitle={t('Wins, badges and thanks from across the network.')}>
      {isPartnerRole(principal.role) && <SurveyPrompt />}
      <div className="feed-layout">
        <QueryView query={feed}>
          {(data) => {
            const entries = data.pages.flatMap((p) => p.entries ?? []);
            if (entries.length === 0) return <Empty>{t('Nothing here yet.')}</Empty>;
            return (
              <div>
                <ol className="feed">
                  {entries.map((e) => (
                    <li key={e.id} className={`feed__item feed__item--${(e.kind ?? '').toLowerCase()}`}>
                      <span className="feed__icon">
                        <Icon name={labelOf(kKindIcons, e.kind) ?? 'spark'} size={22} />
                      </span>
                      <div>
                        <p className="feed__headline">{e.headline}</p>
                        {e.message && <blockquote className="feed__message">{e.message}</blockquote>}
                        <p className="muted small">
                          {e.authorDisplayName && <>{t('from {{name}}', { name: e.authorDisplayName })} · </>}
                          {e.partnerName && <>{e.partnerName} · </>}
                          {formatRelative(e.createTime)}
                          {e.points !== '0' && <> · {t('+{{points}} points', { points: formatPoints(e.points) })}</>}
                          {e.visibility === 'FEED_VISIBILITY_PARTNER' && <> · {t('visible to the organisation only')}</>}
                        </p>
                      </div>
                    </li>
                  ))}
                </ol>
                <LoadMore query={feed} />
              </div>
            );
          }}
        </QueryView>
        <div className="feed-layout__side">
          {canGiveKudos && <KudosForm />}
          {isVendorRole(principal.role) && <SpotlightForm />}
        </div>
      </div>
    </Page>
  );
}

function KudosForm() {
  const { t } = useTranslation();
  const principal = usePrincipal();
  const toasts = useToasts();
  const give = useGiveKudos();
  const budget = useKudosBudget(principal.partnerId || '0', true);
  const [search, setSearch] = useState('');
  const users = useUsers({ query: search.trim() || undefined, partnerId: isPartnerRole(principal.role) ? principal.partnerId : undefined }, search.trim().length >= 2 || isPartnerRole(principal.role));
  const recipients = (users.data ?? []).filter((u) => isPartnerRole(u.role) && u.id !== principal.userId && u.status === 'USER_STATUS_ACTIVE');
  const [recipient, setRecipient] = useState('');
  const [message, setMessage] = useState('');
  const [points, setPoints] = useState('');
  const [visibility, setVisibility] = useState<FeedVisibility>('FEED_VISIBILITY_PUBLIC');
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const error = give.error instanceof ApiError ? give.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    give.mutate(
      { recipientUserId: recipient, message: message.trim(), points: points || '0', visibility, requestId },
      {
        onSuccess: () => {
          toasts.show(t('Kudos sent'), 'success');
          setMessage('');
          setPoints('');
          setRequestId(crypto.randomUUID());
        },
      },
    );
  };

  return (
    <Card title={t('Give kudos')} id="kudos">
      <form className="form" onSubmit={submit} noValidate>
        <InputField id="kudos-search" label={t('Find a person')} value={search} onValueChange={setSearch} hint={t('Type at least two letters of a name or email.')} />
        <SelectField
          id="kudos-recipient"
          label={t('Recipient')}
          value={recipient}
          onValueChange={setRecipient}
          options={[{ value: '', label: t('Choose…') }, ...recipients.map((u) => ({ value: u.id ?? '', label: `${u.displayName} (${u.email})` }))]}
          error={error?.fieldError('recipient_user_id')}
        />
        <TextAreaField id="kudos-message" label={t('Message')} value={message} onValueChange={setMessage} rows={3} maxLength={500} error={error?.fieldError('message')} />
        <InputField
          id="kudos-points"
          label={t('Points (optional)')}
          inputMode="numeric"
          value={points}
          onValueChange={(v) => setPoints(v.replace(/\D/g, ''))}
          error={error?.fieldError('points')}
          hint={budget.data ? t('{{points}} points left this month', { points: formatPoints(budget.data.remainingPoints) }) : undefined}
        />
        <VisibilityField id="kudos-visibility" value={visibility} onChange={setVisibility} />
        {error && error.fieldViolations.length === 0 && (
          <p className="form-error" role="alert">
            {error.message}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={give.isPending || !recipient}>
          {t('Send kudos')}
        </button>
      </form>
    </Card>
  );
}

// Who sees a feed post: everyone, or the organisation it is about.
function VisibilityField({ id, value, onChange }: { id: string; value: FeedVisibility; onChange: (v: FeedVisibility) => void }) {
  const { t } = useTranslation();
  return (
    <SelectField
      id={id}
      label={t('Who sees it')}
      value={value}
      onValueChange={(v) => onChange(v as FeedVisibility)}
      options={[
        { value: 'FEED_VISIBILITY_PUBLIC', label: t('Everyone') },
        { value: 'FEED_VISIBILITY_PARTNER', label: t('Their organisation') },
      ]}
    />
  );
}

// A spotlight on a partner's achievement, in the feed for everyone or for its organisation.
function SpotlightForm() {
  const { t } = useTranslation();
  const toasts = useToasts();
  const post = usePostSpotlight();
  const [partnerId, setPartnerId] = useState('');
  const [headline, setHeadline] = useState('');
  const [message, setMessage] = useState('');
  const [visibility, setVisibility] = useState<FeedVisibility>('FEED_VISIBILITY_PUBLIC');
  const error = post.error instanceof ApiError ? post.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    post.mutate(
      { partnerId: partnerId || '0', headline: headline.trim(), message: message.trim(), visibility },
      {
        onSuccess: () => {
          toasts.show(t('Spotlight posted'), 'success');
          setHeadline('');
          setMessage('');
        },
      },
    );
  };
  return (
    <Card title={t('Spotlight a partner')} id="spotlight">
      <form className="form" onSubmit={submit} noValidate>
        <PartnerPicker id="spotlight-partner" label={t('Partner')} value={partnerId} onChange={setPartnerId} emptyLabel={t('Choose…')} error={error?.fieldError('partner_id')} />
        <InputField id="spotlight-headline" label={t('Headline')} value={headline} onValueChange={setHeadline} maxLength={120} error={error?.fieldError('headline')} />
        <TextAreaField id="spotlight-message" label={t('Story')} value={message} onValueChange={setMessage} rows={4} maxLength={2000} error={error?.fieldError('message')} />
        <VisibilityField id="spotlight-visibility" value={visibility} onChange={setVisibility} />
        {error && error.fieldViolations.length === 0 && (
          <p className="form-error" role="alert">
            {error.message}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={post.isPending}>
          {t('Post spotlight')}
        </button>
      </form>
    </Card>
  );
}
