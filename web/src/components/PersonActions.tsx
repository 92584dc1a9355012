import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { useResetTwoStep, useUpdateUser } from '@/lib/api/partners';
import type { User } from '@/lib/api/schema';

// What a person's manager does to them in a list of people (a partner's people, the vendor's
// staff): disable or enable them, change their role, reset their two-step sign-in. `onConflict`
// reloads the list when someone else changed the person meanwhile.
export function usePersonActions(onConflict?: () => void) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const update = useUpdateUser();
  const reset = useResetTwoStep();
  const nameOf = (u: User) => u.displayName ?? '';
  return {
    setStatus: (u: User) =>
      update.mutate(
        { user: { id: u.id ?? '', status: u.status === 'USER_STATUS_ACTIVE' ? 'USER_STATUS_DISABLED' : 'USER_STATUS_ACTIVE', etag: u.etag }, mask: ['status'] },
        {
          onSuccess: (x) =>
            toasts.show(
              x.status === 'USER_STATUS_ACTIVE' ? t('{{name}} can sign in again', { name: nameOf(x) }) : t('{{name}} can no longer sign in', { name: nameOf(x) }),
              'success',
            ),
          onError: () => onConflict?.(),
        },
      ),
    setRole: (u: User, role: User['role'], done: (x: User) => string) =>
      update.mutate({ user: { id: u.id ?? '', role, etag: u.etag }, mask: ['role'] }, { onSuccess: (x) => toasts.show(done(x), 'success'), onError: () => onConflict?.() }),
    resetTwoStep: (u: User) =>
      reset.mutate(
        { ...u, id: u.id ?? '' },
        { onSuccess: () => toasts.show(t('Two-step sign-in of {{name}} is off', { name: nameOf(u) }), 'success') },
      ),
    busy: (u: User) => (update.isPending && update.variables?.user.id === u.id) || (reset.isPending && reset.variables?.id === u.id),
    error: update.error ?? reset.error,
  };
}

export type PersonActions = ReturnType<typeof usePersonActions>;

// The failure of the last action, if any: a person changed by someone else meanwhile (the list
// was reloaded) or the API's message.
export function PersonActionError({ actions }: { actions: PersonActions }) {
  const { t } = useTranslation();
  if (!actions.error) return null;
  return (
    <div className="form-error" role="alert">
      {actions.error instanceof ApiError && actions.error.code === 10 ? (
        <p>{t('Someone else changed this person meanwhile. The list is reloaded; try again.')}</p>
      ) : (
        <ErrorMessage error={actions.error} />
      )}
    </div>
  );
}

// A person's status as a pill.
export function PersonStatus({ user }: { user: User }) {
  const { t } = useTranslation();
  const active = user.status === 'USER_STATUS_ACTIVE';
  return <span className={`pill ${active ? 'pill--success' : 'pill--danger'}`}>{active ? t('Active') : t('Disabled')}</span>;
}

// The buttons of a person's row: disable or enable, reset two-step sign-in (when it is on), and
// `children` (other actions).
export function PersonActionButtons({ user, actions, children }: { user: User; actions: PersonActions; children?: ReactNode }) {
  const { t } = useTranslation();
  const busy = actions.busy(user);
  return (
    <span className="user-actions">
      <button type="button" className="link-button" disabled={busy} onClick={() => actions.setStatus(user)}>
        {user.status === 'USER_STATUS_ACTIVE' ? t('Disable') : t('Enable')}
        <span className="visually-hidden"> {user.displayName}</span>
      </button>
      {children}
      {user.twoStepEnabled && (
        <button type="button" className="link-button" disabled={busy} onClick={() => actions.resetTwoStep(user)}>
          {t('Reset two-step sign-in')}
          <span className="visually-hidden"> {user.displayName}</span>
        </button>
      )}
    </span>
  );
}
