import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '@/components/Icon';
import { ProgressBar } from '@/components/ProgressBar';
import { ApiError } from '@/lib/api-client';
import { uploadAttachment } from '@/lib/api/attachments';
import type { Attachment } from '@/lib/api/schema';
import { formatNumber } from '@/lib/format';

const kMaxBytes = 10 * 1024 * 1024;
const kAccepted = ['application/pdf', 'image/png', 'image/jpeg'];

export interface ProofUpload {
  key: number;
  name: string;
  size: number;
  progress: number;
  attachment?: Attachment;
  error?: string;
}

interface ProofDropzoneProps {
  uploads: ProofUpload[];
  onChange: (update: (uploads: ProofUpload[]) => ProofUpload[]) => void;
  error?: string;
  // Attachments the claim already has (resubmission), kept unless removed.
  existing?: Attachment[];
  onRemoveExisting?: (id: string) => void;
  label?: string;
}

let nextKey = 1;

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${formatNumber((bytes / (1024 * 1024)).toFixed(1))} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

// Proof of the sale: PDF, PNG or JPEG up to 10 MB each, dropped or chosen, uploaded at once
// with progress. The server sniffs the type from the bytes; this only saves a wasted upload.
export function ProofDropzone({ uploads, onChange, error, existing = [], onRemoveExisting, label }: ProofDropzoneProps) {
  const { t } = useTranslation();
  const title = label ?? t('Proof of sale');
  const labelId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const start = (files: FileList | File[]) => {
    for (const file of Array.from(files)) {
      const key = nextKey++;
      const entry: ProofUpload = { key, name: file.name, size: file.size, progress: 0 };
      if (file.size > kMaxBytes) entry.error = t('Larger than 10 MB.');
      else if (file.type && !kAccepted.includes(file.type)) entry.error = t('Only PDF, PNG and JPEG files are accepted.');
      onChange((list) => [...list, entry]);
      if (entry.error) continue;
      const update = (patch: Partial<ProofUpload>) =>
        onChange((list) => list.map((u) => (u.key === key ? { ...u, ...patch } : u)));
      uploadAttachment(file, (fraction) => update({ progress: fraction }))
        .then((attachment) => update({ attachment, progress: 1 }))
        .catch((e: unknown) => update({ error: e instanceof ApiError ? e.message : t('Upload failed.') }));
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length) start(e.dataTransfer.files);
  };

  return (
    <div className="field">
      <span className="field__label" id={labelId}>
        {title}
      </span>
      <div
        className={`dropzone ${dragging ? 'dropzone--active' : ''} ${error ? 'dropzone--invalid' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="proof-dropzone"
      >
        <Icon name="upload" size={28} />
        <p>
          {t('Drag the invoice here, or')}{' '}
          <button type="button" className="link-button" onClick={() => input.current?.click()} aria-describedby={labelId}>
            {t('choose files')}
          </button>
        </p>
        <p className="muted small">{t('PDF, PNG or JPEG, up to 10 MB each.')}</p>
        <input
          ref={input}
          type="file"
          accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
          multiple
          hidden
          aria-label={title}
          data-testid="proof-input"
          onChange={(e) => {
            if (e.target.files) start(e.target.files);
            e.target.value = '';
          }}
        />
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <ul className="uploads">
        {existing.map((a) => (
          <li key={`existing-${a.id}`} className="upload">
            <span className="upload__name">{a.filename}</span>
            <span className="muted small">{formatSize(Number(a.sizeBytes))}</span>
            {onRemoveExisting && (
              <button type="button" className="link-button" onClick={() => onRemoveExisting(a.id ?? '')}>
                {t('Remove')}
                <span className="visually-hidden"> {a.filename}</span>
              </button>
            )}
          </li>
        ))}
        {uploads.map((u) => (
          <li key={u.key} className={`upload ${u.error ? 'upload--failed' : ''}`}>
            <span className="upload__name">{u.name}</span>
            <span className="muted small">{formatSize(u.size)}</span>
            {u.error ? (
              <span className="field-error" role="alert">
                {u.error}
              </span>
            ) : u.attachment ? (
              <span className="upload__done">
                <Icon name="check" size={16} /> {t('Uploaded')}
              </span>
            ) : (
              <ProgressBar
                percent={u.progress * 100}
                label={t('Uploading {{name}}', { name: u.name })}
                valueText={`${Math.floor(u.progress * 100)}%`}
              />
            )}
            <button
              type="button"
              className="link-button"
              onClick={() => onChange((list) => list.filter((x) => x.key !== u.key))}
            >
              {t('Remove')}
              <span className="visually-hidden"> {u.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
