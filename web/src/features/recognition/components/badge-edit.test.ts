import { describe, expect, it } from 'vitest';
import { badgeEditMask } from './badge-edit';

describe('badgeEditMask', () => {
  const badge = { id: '5', name: 'Deal maker', description: 'Three approved claims.', imageUrl: '/badges/deal-maker.svg' };

  it('names the API paths of what changed, none when nothing did', () => {
    expect(badgeEditMask(badge, { name: 'Deal maker', description: 'Three approved claims.', imageUrl: '/badges/deal-maker.svg' })).toEqual([]);
    expect(badgeEditMask(badge, { name: 'Deal maker', description: '', imageUrl: '/badges/x.svg' })).toEqual(['description', 'image_url']);
    expect(badgeEditMask({ id: '6' }, { name: 'New', description: '', imageUrl: '' })).toEqual(['name']);
  });
});
