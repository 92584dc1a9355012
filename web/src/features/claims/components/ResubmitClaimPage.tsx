import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/Page';
import { QueryView } from '@/components/Status';
import { useEnrolledPrograms, useProgram } from '@/lib/api/programs';
import { useClaim, useResubmitClaim } from '../api/claims';
import { ClaimForm } from './ClaimForm';

// Edit and resubmit a claim the reviewer asked information for.
export default function ResubmitClaimPage() {
  const { t } = useTranslation();
  const { claimId = '' } = useParams();
  const navigate = useNavigate();
  const claim = useClaim(claimId);
  const programs = useEnrolledPrograms();
  const program = useProgram(claim.data?.programId);
  const resubmit = useResubmitClaim();

  return (
    <Page title={t('Update claim {{id}}', { id: claimId })} subtitle={t('Make the changes the reviewer asked for and send the claim back.')}>
      <QueryView query={claim}>
        {(c) =>
          c.status !== 'CLAIM_STATUS_NEEDS_INFO' ? (
            <p className="state state--error" role="alert">
              {t('This claim is not waiting for changes from you.')}
            </p>
          ) : (
            <QueryView query={program}>
              {(p) => (
                <>
                  {(c.timeline ?? [])
                    .filter((e) => e.toStatus === 'CLAIM_STATUS_NEEDS_INFO')
                    .slice(-1)
                    .map((e) => (
                      <blockquote key={e.time} className="reviewer-note">
                        <strong>{e.actorName}</strong>: {e.comment}
                      </blockquote>
                    ))}
                  <ClaimForm
                    programs={programs.data?.some((x) => x.id === p.id) ? programs.data : [p]}
                    initial={c}
                    withComment
                    submitLabel={t('Resubmit claim')}
                    submitting={resubmit.isPending}
                    error={resubmit.error}
                    onSubmit={(draft, comment) =>
                      resubmit.mutate({ draft, comment }, { onSuccess: (updated) => navigate(`/claims/${updated.id}`) })
                    }
                  />
                </>
              )}
            </QueryView>
          )
        }
      </QueryView>
    </Page>
  );
}
