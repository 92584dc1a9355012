import { useState } from 'react';
import type { Badge } from '@/lib/api/schema';

// A badge's artwork, greyed out while locked; its initials in a medal where the image is
// missing.
export function BadgeImage({ badge, earned, size = 56 }: { badge: Badge; earned: boolean; size?: number }) {
  const [failed, setFailed] = useState(false);
  const className = `badge-image ${earned ? '' : 'badge-image--locked'}`;
  if (!badge.imageUrl || failed) {
    const initials = (badge.name ?? '')
      .split(/\s+/)
      .slice(0, 2)
      .map((w) => w[0]?.toUpperCase())
      .join('');
    return (
      <span className={`${className} badge-image--fallback`} style={{ width: size, height: size }} aria-hidden="true">
        {initials}
      </span>
    );
  }
  return <img className={className} src={badge.imageUrl} alt="" width={size} height={size} onError={() => setFailed(true)} />;
}
