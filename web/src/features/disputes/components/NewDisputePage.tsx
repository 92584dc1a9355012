import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField } from '@/components/Fields';
import { Card, Page } from '@/components/Page';
import { ProofDropzone, type ProofUpload } from '@/components/ProofDropzone';
import { ApiError } from '@/lib/api-client';
import { useEnrolledPrograms } from '@/lib/api/programs';
import type { DisputeSubject } from '@/lib/api/schema';
import { useOpenDispute } from '../api/disputes';
import { subjectFromSearch } from '../labels';
import { SubjectText } from './DisputeParts';
import '../disputes.css';

function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

// Opens a dispute about what the link named (a claim, a reward, a statement line) or, without
// one, about a reward the partner expected from one of its programs; with a message and proof.
export default function NewDisputePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const linked = subjectFromSearch(search);
  const programs = useEnrolledPrograms();
  const [programId, setProgramId] = useState(linked?.kind === 'DISPUTE_SUBJECT_KIND_MISSING_REWARD' ? (linked.programId ?? '') : '');
  const [expected, setExpected] = useState('');
  const [message, setMessage] = useState('');
  const [uploads, setUploads] = useState<ProofUpload[]>([]);
  const [checks, setChecks] = useState<Record<string, string>>({});
  const [idempotencyKey] = useState(newIdempotencyKey);
  const open = useOpenDispute();
  const error = open.error instanceof ApiError ? open.error : null;
  const missing = linked === null || linked.kind === 'DISPUTE_SUBJECT_KIND_MISSING_REWARD';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (open.isPending) return;
    const found: Record<string, string> = {};
    if (missing && !programId) found.program = t('Choose the program the reward should come from.');
    if (missing && !expected.trim()) found.expected = t('Say what you expected to receive.');
    if (!message.trim()) found.message = t('Explain what you think is wrong.');
    if (uploads.some((u) => !u.attachment && !u.error)) found.proof = t('Wait for the uploads to finish.');
    setChecks(found);
    if (Object.keys(found).length > 0) return;
    const subject: DisputeSubject = missing
      ? { kind: 'DISPUTE_SUBJECT_KIND_MISSING_REWARD', programId, expected: expected.trim() }
      : (linked ?? {});
    open.mutate(
      {
        idempotencyKey,
        subject,
        message: message.trim(),
        attachmentIds: uploads.flatMap((u) => (u.attachment?.id ? [u.attachment.id] : [])),
      },
      { onSuccess: (dispute) => void navigate(`/disputes/${dispute.id}`, { state: { opened: true } }) },
    );
  };

  return (
    <Page title={t('New dispute')} subtitle={t('Tell us what looks wrong; vendor staff answer here.')}>
      <Card>
        <form className="form dispute-form" onSubmit={submit} noValidate aria-label={t('New dispute')}>
          {missing ? (
            <>
              <SelectField
                id="dispute-program"
                label={t('Program')}
                value={programId}
                onValueChange={setProgramId}
                options={[
                  { value: '', label: t('Choose a program') },
                  ...(programs.data ?? []).map((p) => ({ value: p.id ?? '', label: p.name ?? '' })),
                ]}
                error={checks.program ?? error?.fieldError('subject.program_id')}
              />
              <TextAreaField
                id="dispute-expected"
                label={t('What reward did you expect?')}
                value={expected}
                onValueChange={setExpected}
                maxLength={500}
                rows={2}
                error={checks.expected ?? error?.fieldError('subject.expected')}
              />
            </>
          ) : (
            <p className="dispute-form__subject">
              {t('About')}: <strong><SubjectText subject={linked} /></strong>
            </p>
          )}
          <TextAreaField
            id="dispute-message"
            label={t('Your message')}
            value={message}
            onValueChange={setMessage}
            maxLength={5000}
            rows={5}
            hint={t('What is wrong, and what should it be? Up to 5,000 characters.')}
            error={checks.message ?? error?.fieldError('message')}
          />
          <ProofDropzone uploads={uploads} onChange={setUploads} label={t('Proof (optional)')} error={checks.proof ?? error?.fieldError('attachment_ids')} />
          {error && !error.fieldError('message') && !error.fieldError('subject.expected') && !error.fieldError('subject.program_id') && (
            <div className="form-error" role="alert">
              {error.message}
            </div>
          )}
          <div className="button-row">
            <button type="submit" className="button button--primary button--inline" disabled={open.isPending}>
              {open.isPending ? t('Opening…') : t('Open dispute')}
            </button>
            <Link className="button button--ghost" to="/disputes">
              {t('Cancel')}
            </Link>
          </div>
        </form>
      </Card>
    </Page>
  );
}
