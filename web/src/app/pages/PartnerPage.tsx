import { PartnerNotificationDefaults } from '@/features/notifications/components/PartnerNotificationDefaults';
import { PartnerPage as Partner, type PartnerTierSections } from '@/features/partners/components/PartnerPage';
import { PartnerTierCard } from '@/features/tiers/components/PartnerTierCard';
import { PartnerTierHistory } from '@/features/tiers/components/PartnerTierHistory';

const kTierSections: PartnerTierSections = {
  standing: (partnerId, canEvaluate) => <PartnerTierCard partnerId={partnerId} canEvaluate={canEvaluate} />,
  history: (partnerId) => <PartnerTierHistory partnerId={partnerId} />,
};

const notificationDefaults = (partnerId: string, canEdit: boolean) => (
  <PartnerNotificationDefaults partnerId={partnerId} canEdit={canEdit} />
);

// One partner, with its tier standing and history from the tiers feature and its notification
// defaults from the notifications feature.
export default function PartnerPage() {
  return <Partner tiers={kTierSections} notificationDefaults={notificationDefaults} />;
}
