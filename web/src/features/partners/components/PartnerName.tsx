import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePartner } from '@/lib/api/partners';

// A partner's name as a link (parents are few; each is fetched once and cached).
export function PartnerName({ id }: { id: string }) {
  const { t } = useTranslation();
  const partner = usePartner(id);
  return <Link to={`/partners/${id}`}>{partner.data?.name ?? t('Partner #{{id}}', { id })}</Link>;
}
