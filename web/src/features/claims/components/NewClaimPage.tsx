import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/Page';
import { Empty, QueryView } from '@/components/Status';
import { useEnrolledPrograms } from '@/lib/api/programs';
import { useSubmitClaim } from '../api/claims';
import { ClaimForm } from './ClaimForm';

function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export default function NewClaimPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const programs = useEnrolledPrograms();
  const submit = useSubmitClaim();
  // One key per form: a retry of the same submission is answered with the same claim.
  const [idempotencyKey] = useState(newIdempotencyKey);

  return (
    <Page title={t('New sale claim')} subtitle={t('Claim a sale to earn the rewards of your programs.')}>
      <QueryView query={programs}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t('Your organisation is not enrolled in an active program yet.')}</Empty>
          ) : (
            <ClaimForm
              programs={list}
              submitLabel={t('Submit claim')}
              submitting={submit.isPending}
              error={submit.error}
              onSubmit={(draft) =>
                submit.mutate(
                  { draft, idempotencyKey },
                  { onSuccess: (claim) => navigate(`/claims/${claim.id}`, { state: { submitted: true } }) },
                )
              }
            />
          )
        }
      </QueryView>
    </Page>
  );
}
