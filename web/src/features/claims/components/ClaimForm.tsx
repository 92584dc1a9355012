import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField, SelectField, TextAreaField } from '@/components/Fields';
import { ProofDropzone, type ProofUpload } from '@/components/ProofDropzone';
import { ApiError } from '@/lib/api-client';
import { useProductSearch } from '@/lib/api/programs';
import type { Attachment, Claim, Program } from '@/lib/api/schema';
import { addDecimals, multiplyDecimal } from '@/lib/decimal';
import { decimalInput, formatDecimalInput, parseDecimalInput } from '@/lib/decimal-input';
import { formatMoney, locale, todayUtc } from '@/lib/format';

interface LineState {
  key: number;
  sku: string;
  quantity: string;
  unitPrice: string;
}

interface ClaimFormProps {
  programs: Program[];
  initial?: Claim & { attachments?: Attachment[] };
  submitLabel: string;
  submitting: boolean;
  error: unknown;
  // Resubmission: a comment for the reviewer.
  withComment?: boolean;
  onSubmit: (draft: Claim, comment: string) => void;
}

let nextLineKey = 1;
const newLine = (): LineState => ({ key: nextLineKey++, sku: '', quantity: '1', unitPrice: '' });

function countryName(code: string): string | undefined {
  if (!/^[A-Za-z]{2}$/.test(code)) return undefined;
  try {
    return new Intl.DisplayNames([locale()], { type: 'region' }).of(code.toUpperCase());
  } catch {
    return undefined;
  }
}

// The sale claim form, for new claims and for resubmission after a reviewer asked for info.
// Field violations from the API are shown on their fields ("claim.lines[1].sku" on line 2's
// product); any others above the buttons.
export function ClaimForm({ programs, initial, submitLabel, submitting, error, withComment, onSubmit }: ClaimFormProps) {
  const { t } = useTranslation();
  const [programId, setProgramId] = useState(initial?.programId ?? programs[0]?.id ?? '');
  const [invoiceNumber, setInvoiceNumber] = useState(initial?.invoiceNumber ?? '');
  const [invoiceDate, setInvoiceDate] = useState(initial?.invoiceDate ?? '');
  const [customerName, setCustomerName] = useState(initial?.customerName ?? '');
  const [customerCountry, setCustomerCountry] = useState(initial?.customerCountry ?? '');
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [comment, setComment] = useState('');
  const [lines, setLines] = useState<LineState[]>(
    initial?.lines?.length
      ? initial.lines.map((l) => ({ key: nextLineKey++, sku: l.sku ?? '', quantity: l.quantity ?? '', unitPrice: formatDecimalInput(l.unitPrice ?? '') }))
      : [newLine()],
  );
  const [uploads, setUploads] = useState<ProofUpload[]>([]);
  const [existing, setExisting] = useState<Attachment[]>(initial?.attachments ?? []);
  const program = programs.find((p) => p.id === programId);
  const currency = program?.currencyCode ?? 'EUR';

  const apiError = error instanceof ApiError ? error : null;
  const fieldError = (field: string) => apiError?.fieldError(`claim.${field}`);
  const shownFields = new Set(['program_id', 'invoice_number', 'invoice_date', 'customer_name', 'customer_country', 'notes', 'lines']);
  const otherErrors = (apiError?.fieldViolations ?? []).filter((v) => {
    const name = v.field.replace(/^claim\./, '');
    return !shownFields.has(name) && !/^lines\[\d+\]\.(sku|quantity|unit_price)$/.test(name) && !name.startsWith('attachment_ids');
  });
  const attachmentError = apiError?.fieldViolations.find((v) => v.field.startsWith('claim.attachment_ids'))?.description;

  const lineAmount = (l: LineState) => {
    const price = parseDecimalInput(l.unitPrice);
    return /^\d+$/.test(l.quantity) && price && /^\d+(\.\d{1,4})?$/.test(price) ? multiplyDecimal(price, Number(l.quantity)) : '0';
  };
  const total = addDecimals(...lines.map(lineAmount));
  const uploading = uploads.some((u) => !u.attachment && !u.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (submitting || uploading) return;
    onSubmit(
      {
        id: initial?.id,
        etag: initial?.etag,
        programId,
        invoiceNumber: invoiceNumber.trim(),
        invoiceDate,
        customerName: customerName.trim(),
        customerCountry: customerCountry.trim().toUpperCase(),
        currencyCode: currency,
        lines: lines.map((l) => ({ sku: l.sku.trim(), quantity: l.quantity || '0', unitPrice: decimalInput(l.unitPrice) || '0' })),
        notes,
        attachmentIds: [...existing, ...uploads.flatMap((u) => (u.attachment ? [u.attachment] : []))].flatMap((a) => (a.id ? [a.id] : [])),
      },
      comment,
    );
  };

  const updateLine = (key: number, patch: Partial<LineState>) =>
    setLines((list) => list.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  return (
    <form className="form claim-form" onSubmit={submit} noValidate>
      <fieldset className="form__section">
        <legend>{t('Sale')}</legend>
        <div className="form__grid">
          <SelectField
            id="program"
            label={t('Program')}
            value={programId}
            onValueChange={setProgramId}
            options={programs.map((p) => ({ value: p.id ?? '', label: p.name ?? '' }))}
            error={fieldError('program_id')}
            disabled={!!initial?.id}
          />
          <InputField
            id="invoice-number"
            label={t('Invoice number')}
            value={invoiceNumber}
            onValueChange={setInvoiceNumber}
            error={fieldError('invoice_number')}
            maxLength={64}
            required
          />
          <InputField
            id="invoice-date"
            label={t('Invoice date')}
            type="date"
            value={invoiceDate}
            onValueChange={setInvoiceDate}
            error={fieldError('invoice_date')}
            min={program?.startDate}
            max={program?.endDate && program.endDate < todayUtc() ? program.endDate : todayUtc()}
            required
          />
          <InputField
            id="customer-name"
            label={t('End customer')}
            value={customerName}
            onValueChange={setCustomerName}
            error={fieldError('customer_name')}
            maxLength={200}
            required
          />
          <InputField
            id="customer-country"
            label={t('Customer country')}
            value={customerCountry}
            onValueChange={(v) => setCustomerCountry(v.toUpperCase())}
            error={fieldError('customer_country')}
            hint={countryName(customerCountry) ?? t('Two-letter code, e.g. NL')}
            maxLength={2}
            autoComplete="off"
            required
          />
        </div>
      </fieldset>

      <fieldset className="form__section">
        <legend>{t('Products')}</legend>
        {fieldError('lines') && (
          <p className="field-error" role="alert">
            {fieldError('lines')}
          </p>
        )}
        <ol className="claim-lines">
          {lines.map((line, i) => (
            <ClaimLineRow
              key={line.key}
              index={i}
              line={line}
              program={program}
              amount={formatMoney(lineAmount(line), currency)}
              onChange={(patch) => updateLine(line.key, patch)}
              onRemove={lines.length > 1 ? () => setLines((list) => list.filter((l) => l.key !== line.key)) : undefined}
              error={(field) => fieldError(`lines[${i}].${field}`)}
            />
          ))}
        </ol>
        <div className="claim-lines__foot">
          <button type="button" className="button button--ghost button--small" onClick={() => setLines((l) => [...l, newLine()])}>
            {t('Add a product')}
          </button>
          <p className="claim-total">
            {t('Total')} <strong data-testid="claim-total">{formatMoney(total, currency)}</strong>
          </p>
        </div>
      </fieldset>

      <fieldset className="form__section">
        <legend>{t('Proof and notes')}</legend>
        <ProofDropzone
          uploads={uploads}
          onChange={setUploads}
          error={attachmentError}
          existing={existing}
          onRemoveExisting={(id) => setExisting((list) => list.filter((a) => a.id !== id))}
        />
        <TextAreaField id="notes" label={t('Notes for the reviewer')} value={notes} onValueChange={setNotes} error={fieldError('notes')} maxLength={2000} rows={3} />
        {withComment && (
          <TextAreaField
            id="resubmit-comment"
            label={t('What did you change?')}
            value={comment}
            onValueChange={setComment}
            error={apiError?.fieldError('comment')}
            maxLength={2000}
            rows={2}
          />
        )}
      </fieldset>

      {apiError && (otherErrors.length > 0 || apiError.fieldViolations.length === 0) && (
        <div className="form-error" role="alert">
          {apiError.fieldViolations.length === 0 ? (
            <p>{apiError.message}</p>
          ) : (
            <ul>
              {otherErrors.map((v, i) => (
                <li key={`${v.field}:${i}`}>
                  {v.field}: {v.description}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {apiError && apiError.fieldViolations.length > 0 && otherErrors.length === 0 && (
        <p className="visually-hidden" role="alert">
          {t('Some fields need your attention.')}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={submitting || uploading}>
          {submitting ? t('Submitting…') : uploading ? t('Waiting for uploads…') : submitLabel}
        </button>
      </div>
    </form>
  );
}

interface ClaimLineRowProps {
  index: number;
  line: LineState;
  program?: Program;
  amount: string;
  onChange: (patch: Partial<LineState>) => void;
  onRemove?: () => void;
  error: (field: string) => string | undefined;
}

// One product line: product search (SKU or name) limited to the program's eligible products,
// quantity and unit price (the list price to start with).
function ClaimLineRow({ index, line, program, amount, onChange, onRemove, error }: ClaimLineRowProps) {
  const { t } = useTranslation();
  const search = useProductSearch(line.sku.trim());
  const eligible = useMemo(() => {
    const skus = new Set(program?.eligibleSkus ?? []);
    return (search.data ?? []).filter((p) => skus.size === 0 || skus.has(p.sku ?? ''));
  }, [search.data, program]);
  const listId = `products-${line.key}`;
  const n = index + 1;
  const chosen = eligible.find((p) => p.sku === line.sku);

  return (
    <li className="claim-line" aria-label={t('Line {{n}}', { n })}>
      <div className="claim-line__product">
        <InputField
          id={`line-${n}-sku`}
          label={t('Product (SKU or name)')}
          value={line.sku}
          list={listId}
          autoComplete="off"
          onValueChange={(sku) => {
            const product = eligible.find((p) => p.sku === sku);
            onChange(product && !line.unitPrice ? { sku, unitPrice: formatDecimalInput(product.listPrice) } : { sku });
          }}
          hint={chosen ? chosen.name : undefined}
          error={error('sku')}
        />
        <datalist id={listId}>
          {eligible.map((p) => (
            <option key={p.sku} value={p.sku}>
              {p.name}
            </option>
          ))}
        </datalist>
      </div>
      <InputField
        id={`line-${n}-quantity`}
        label={t('Quantity')}
        inputMode="numeric"
        value={line.quantity}
        onValueChange={(quantity) => onChange({ quantity: quantity.replace(/\D/g, '') })}
        error={error('quantity')}
      />
      <InputField
        id={`line-${n}-price`}
        label={t('Unit price')}
        inputMode="decimal"
        value={line.unitPrice}
        onValueChange={(unitPrice) => onChange({ unitPrice })}
        error={error('unit_price')}
      />
      <div className="claim-line__amount">
        <span className="field__label">{t('Amount')}</span>
        <span>{amount}</span>
      </div>
      {onRemove && (
        <button type="button" className="link-button claim-line__remove" onClick={onRemove}>
          {t('Remove line {{n}}', { n })}
        </button>
      )}
    </li>
  );
}
