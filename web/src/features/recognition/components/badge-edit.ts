import type { Badge } from '@/lib/api/schema';

// The API paths of the fields an edit changes (none: nothing to save).
export function badgeEditMask(badge: Badge, next: { name: string; description: string; imageUrl: string }): string[] {
  const mask: string[] = [];
  if (next.name !== (badge.name ?? '')) mask.push('name');
  if (next.description !== (badge.description ?? '')) mask.push('description');
  if (next.imageUrl !== (badge.imageUrl ?? '')) mask.push('image_url');
  return mask;
}
