import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BadgeImage } from '@/components/BadgeImage';
import { InputField, TextAreaField } from '@/components/Fields';
import { FormActions, FormErrors } from '@/components/FormErrors';
import { Card } from '@/components/Page';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import type { Badge, Challenge, Leaderboard, TrainingModule } from '@/lib/api/schema';
import { useCreateBadge, useUpdateBadge } from '../api/setup';
import { badgeEditMask } from './badge-edit';
import { criteriaFromDraft, emptyCriteriaDraft, type CriteriaDraft } from './criteria-draft';
import { CriteriaEditor } from './CriteriaEditor';

interface BadgeFormProps {
  // Images the catalog already uses, offered as suggestions.
  knownImages: string[];
  leaderboards: Leaderboard[];
  modules: TrainingModule[];
  challenges: Challenge[];
  // The badge to edit (its name, description and image); a new badge when unset.
  editing?: { badge: Badge; criteriaText: string };
  onDone: () => void;
}

const kShownFields = /^badge\.(name|description|image_url|criteria(\.[a-z_]+\.[a-z_]+)?)$/;

export function BadgeForm({ knownImages, leaderboards, modules, challenges, editing, onDone }: BadgeFormProps) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const create = useCreateBadge();
  const update = useUpdateBadge();
  const mutation = editing ? update : create;
  const [name, setName] = useState(editing?.badge.name ?? '');
  const [description, setDescription] = useState(editing?.badge.description ?? '');
  const [imageUrl, setImageUrl] = useState(editing?.badge.imageUrl ?? '');
  const [draft, setDraft] = useState<CriteriaDraft>(emptyCriteriaDraft);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const apiError = mutation.error instanceof ApiError ? mutation.error : null;
  const fieldError = (field: string) => (localErrors[field] ? t(localErrors[field]) : apiError?.fieldError(field));

  const submitEdit = (badge: Badge) => {
    const next = { name: name.trim(), description: description.trim(), imageUrl: imageUrl.trim() };
    const mask = badgeEditMask(badge, next);
    if (mask.length === 0) {
      onDone();
      return;
    }
    update.mutate(
      { badge: { id: badge.id, etag: badge.etag, ...next }, mask },
      {
        onSuccess: (saved) => {
          toasts.show(t('Badge {{name}} saved', { name: saved.name }), 'success');
          onDone();
        },
      },
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (editing) {
      submitEdit(editing.badge);
      return;
    }
    const { criteria, errors } = criteriaFromDraft(draft);
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    create.mutate(
      { name: name.trim(), description: description.trim(), imageUrl: imageUrl.trim(), criteria },
      {
        onSuccess: (badge) => {
          toasts.show(t('Badge {{name}} created', { name: badge.name }), 'success');
          onDone();
        },
      },
    );
  };
  // Previewed only once it is a URL the server would take (no requests to half-typed hosts).
  const image = imageUrl.trim();
  const previewable = image.startsWith('/') || /^https:\/\/[^/]+\.[^/]+\//.test(image);
  const preview: Badge = { id: '', name: name || '?', description, imageUrl: previewable ? image : '', criteria: {} };

  return (
    <Card title={editing ? t('Edit badge {{name}}', { name: editing.badge.name }) : t('New badge')} id={editing ? 'edit-badge' : 'new-badge'}>
      <form className="form" onSubmit={submit} noValidate>
        <div className="badge-form__head">
          <BadgeImage key={preview.imageUrl} badge={preview} earned size={64} />
          <div className="form__grid">
            <InputField id="badge-name" label={t('Name')} value={name} onValueChange={setName} maxLength={80} error={fieldError('badge.name')} />
            <InputField
              id="badge-image"
              label={t('Image')}
              value={imageUrl}
              onValueChange={setImageUrl}
              list="badge-images"
              maxLength={500}
              hint={t('A path on the portal such as /badges/first-deal.svg, or an https:// URL')}
              error={fieldError('badge.image_url')}
            />
            <datalist id="badge-images">
              {knownImages.map((url) => (
                <option key={url} value={url} />
              ))}
            </datalist>
          </div>
        </div>
        <TextAreaField id="badge-description" label={t('Description')} value={description} onValueChange={setDescription} rows={2} maxLength={500} error={fieldError('badge.description')} />
        {editing ? (
          <div>
            <p>
              <strong>{t('Earned for')}:</strong> {editing.criteriaText}
            </p>
            <p className="muted small">
              {t('What earns a badge stays as it is, so it means the same for everyone who holds it. To ask for something else, archive this badge and add a new one.')}
            </p>
          </div>
        ) : (
          <CriteriaEditor
            draft={draft}
            onChange={(d) => {
              setDraft(d);
              setLocalErrors({});
            }}
            error={(field) => fieldError(field ? `badge.criteria.${field}` : 'badge.criteria')}
            leaderboards={leaderboards}
            modules={modules}
            challenges={challenges}
          />
        )}
        <FormErrors error={mutation.error} shown={(f) => kShownFields.test(f)} />
        <FormActions
          pending={mutation.isPending}
          submitLabel={editing ? t('Save badge') : t('Create badge')}
          pendingLabel={editing ? t('Saving…') : t('Creating…')}
          onCancel={onDone}
        />
      </form>
    </Card>
  );
}
