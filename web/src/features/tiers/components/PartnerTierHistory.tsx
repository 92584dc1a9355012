import { useTranslation } from 'react-i18next';
import { Empty, Loading, QueryView } from '@/components/Status';
import { useTierChanges, useTierLadder } from '@/lib/api/tiers';
import { TierChangeTable } from './TierChangeTable';

// One partner's promotions and demotions, newest first.
export function PartnerTierHistory({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const ladder = useTierLadder();
  const changes = useTierChanges(partnerId);
  if (ladder.isPending) return <Loading />;
  return (
    <QueryView query={changes}>
      {(list) =>
        list.length === 0 ? (
          <Empty>{t('No tier changes recorded.')}</Empty>
        ) : (
          <TierChangeTable changes={list} ladder={ladder.data} hidePartner caption={t('Tier history')} />
        )
      }
    </QueryView>
  );
}
