import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InputField } from '@/components/Fields';
import { LoadMore, StatusChips } from '@/components/ListControls';
import { Card, Page } from '@/components/Page';
import { Empty, QueryView } from '@/components/Status';
import { useToasts } from '@/components/Toasts';
import { ApiError } from '@/lib/api-client';
import { labelOf, type Known, type ProductStatus } from '@/lib/api/enums';
import type { ImportProductsFromCsvResponse, Product } from '@/lib/api/schema';
import { decimalInput, formatDecimalInput } from '@/lib/decimal-input';
import { formatMoney } from '@/lib/format';
import { useCreateProduct, useImportProductsCsv, useProducts, useUpdateProduct } from '../api/products';

const PRODUCT_STATUS_LABELS: Record<Known<ProductStatus>, string> = {
  PRODUCT_STATUS_ACTIVE: 'Active',
  PRODUCT_STATUS_RETIRED: 'Retired product',
};
const kStatuses: Array<Known<ProductStatus>> = ['PRODUCT_STATUS_ACTIVE', 'PRODUCT_STATUS_RETIRED'];

// The product catalog for program admins: search, add, edit, retire and bring back products, and
// import a CSV after a check that shows every row's problems before anything is written.
export default function ProductsPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<Known<ProductStatus> | undefined>('PRODUCT_STATUS_ACTIVE');
  const [panel, setPanel] = useState<'none' | 'new' | 'import'>('none');
  const products = useProducts({ query: query.trim() || undefined, status });
  return (
    <Page
      title={t('Product catalog')}
      subtitle={t('The products partners claim, with the list prices and costs rules and ROI use.')}
      actions={
        <>
          <button type="button" className="button button--primary button--inline" onClick={() => setPanel(panel === 'new' ? 'none' : 'new')}>
            {t('Add a product')}
          </button>
          <button type="button" className="button button--ghost" onClick={() => setPanel(panel === 'import' ? 'none' : 'import')}>
            {t('Import from CSV')}
          </button>
        </>
      }
    >
      {panel === 'new' && <NewProduct onDone={() => setPanel('none')} />}
      {panel === 'import' && <CsvImport onDone={() => setPanel('none')} />}
      <div className="filters">
        <label className="inline-select">
          <span>{t('Search')}</span>
          <input type="search" value={query} placeholder={t('SKU or name')} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <StatusChips statuses={kStatuses} labels={PRODUCT_STATUS_LABELS} value={status} onChange={setStatus} onAll={() => setStatus(undefined)} />
      </div>
      <QueryView query={products}>
        {(data) => {
          const rows = data.pages.flatMap((p) => p.products ?? []);
          if (rows.length === 0) return <Empty>{t('No products match these filters.')}</Empty>;
          return (
            <>
              <table className="table table--cards" data-testid="products">
                <thead>
                  <tr>
                    <th scope="col">{t('SKU')}</th>
                    <th scope="col">{t('Name')}</th>
                    <th scope="col">{t('Category')}</th>
                    <th scope="col" className="num">
                      {t('List price')}
                    </th>
                    <th scope="col" className="num">
                      {t('Unit cost')}
                    </th>
                    <th scope="col">{t('Status')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('Actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((p) => (
                    <ProductRow key={p.id} product={p} />
                  ))}
                </tbody>
              </table>
              <LoadMore query={products} />
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}

function ProductRow({ product: p }: { product: Product }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const update = useUpdateProduct();
  const [editing, setEditing] = useState(false);
  const retired = p.status === 'PRODUCT_STATUS_RETIRED';
  const setRetired = (to: boolean) =>
    update.mutate(
      { product: { id: p.id, etag: p.etag, status: to ? 'PRODUCT_STATUS_RETIRED' : 'PRODUCT_STATUS_ACTIVE' }, mask: ['status'] },
      { onSuccess: () => toasts.show(to ? t('{{sku}} retired', { sku: p.sku }) : t('{{sku}} is active again', { sku: p.sku }), 'success') },
    );
  if (editing) {
    return (
      <tr>
        <td colSpan={7}>
          <ProductForm product={p} onDone={() => setEditing(false)} />
        </td>
      </tr>
    );
  }
  return (
    <tr data-testid={`product-${p.sku}`}>
      <td data-label={t('SKU')}>{p.sku}</td>
      <td data-label={t('Name')}>{p.name}</td>
      <td data-label={t('Category')}>{p.category}</td>
      <td data-label={t('List price')} className="num">
        {formatMoney(p.listPrice, p.currencyCode)}
      </td>
      <td data-label={t('Unit cost')} className="num">
        {formatMoney(p.unitCost, p.currencyCode)}
      </td>
      <td data-label={t('Status')}>
        <span className={`pill ${retired ? 'pill--warning' : 'pill--success'}`}>{t(labelOf(PRODUCT_STATUS_LABELS, p.status) ?? 'Unknown')}</span>
      </td>
      <td>
        <div className="button-row">
          <button type="button" className="button button--ghost button--small" onClick={() => setEditing(true)} aria-label={t('Edit {{sku}}', { sku: p.sku })}>
            {t('Edit')}
          </button>
          <button type="button" className="button button--ghost button--small" disabled={update.isPending} onClick={() => setRetired(!retired)} aria-label={retired ? t('Reactivate {{sku}}', { sku: p.sku }) : t('Retire {{sku}}', { sku: p.sku })}>
            {retired ? t('Reactivate') : t('Retire')}
          </button>
        </div>
        {update.error instanceof ApiError && (
          <p className="form-error" role="alert">
            {update.error.message}
          </p>
        )}
      </td>
    </tr>
  );
}

function NewProduct({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Card title={t('New product')} id="new-product">
      <ProductForm onDone={onDone} />
    </Card>
  );
}

// A product's fields: all of them for a new product (SKU included), the changeable ones (and
// only those changed) for an existing one.
function ProductForm({ product, onDone }: { product?: Product; onDone: () => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const create = useCreateProduct();
  const update = useUpdateProduct();
  const [sku, setSku] = useState(product?.sku ?? '');
  const [name, setName] = useState(product?.name ?? '');
  const [category, setCategory] = useState(product?.category ?? '');
  const [currency, setCurrency] = useState(product?.currencyCode ?? 'EUR');
  const [listPrice, setListPrice] = useState(product ? formatDecimalInput(product.listPrice) : '');
  const [unitCost, setUnitCost] = useState(product ? formatDecimalInput(product.unitCost) : '');
  const mutation = product ? update : create;
  const error = mutation.error instanceof ApiError ? mutation.error : null;
  // Both calls name the fields of their "product".
  const field = (name: string) => error?.fieldError(`product.${name}`);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const values: Product = {
      name: name.trim(),
      category: category.trim(),
      currencyCode: currency.trim().toUpperCase(),
      listPrice: decimalInput(listPrice),
      unitCost: decimalInput(unitCost || '0'),
    };
    if (product) {
      const mask = (['name', 'category', 'currencyCode', 'listPrice', 'unitCost'] as const).filter((k) => values[k] !== product[k]);
      const paths = mask.map((k) => ({ name: 'name', category: 'category', currencyCode: 'currency_code', listPrice: 'list_price', unitCost: 'unit_cost' })[k]);
      if (paths.length === 0) return onDone();
      update.mutate({ product: { ...values, id: product.id, etag: product.etag }, mask: paths }, {
          onSuccess: () => {
            toasts.show(t('{{sku}} saved', { sku: product.sku }), 'success');
            onDone();
          },
        });
    } else {
      create.mutate({ ...values, sku: sku.trim() }, {
          onSuccess: (saved) => {
            toasts.show(t('{{sku}} added to the catalog', { sku: saved.sku }), 'success');
            onDone();
          },
        });
    }
  };
  const id = (name: string) => `${product ? `product-${product.id}` : 'new-product'}-${name}`;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="form__grid">
        {!product && <InputField id={id('sku')} label={t('SKU')} value={sku} onValueChange={setSku} maxLength={64} error={field('sku')} />}
        <InputField id={id('name')} label={t('Name')} value={name} onValueChange={setName} maxLength={200} error={field('name')} />
        <InputField id={id('category')} label={t('Category')} value={category} onValueChange={setCategory} maxLength={100} error={field('category')} />
        <InputField id={id('currency')} label={t('Currency')} value={currency} onValueChange={setCurrency} maxLength={3} error={field('currency_code')} />
        <InputField id={id('list-price')} label={t('List price')} inputMode="decimal" value={listPrice} onValueChange={setListPrice} error={field('list_price')} />
        <InputField id={id('unit-cost')} label={t('Unit cost')} inputMode="decimal" value={unitCost} onValueChange={setUnitCost} error={field('unit_cost')} />
      </div>
      {error && error.fieldViolations.length === 0 && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary button--inline" disabled={mutation.isPending}>
          {product ? t('Save') : t('Add to the catalog')}
        </button>
        <button type="button" className="button button--ghost" onClick={onDone}>
          {t('Cancel')}
        </button>
      </div>
    </form>
  );
}

// A CSV import in two steps: the server checks every row (nothing is written), then imports the
// checked file when no row has a problem.
function CsvImport({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const run = useImportProductsCsv();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState('');
  const [checked, setChecked] = useState<ImportProductsFromCsvResponse | null>(null);
  const error = run.error instanceof ApiError ? run.error : null;
  const rows = checked?.rows ?? [];
  const withProblems = rows.filter((r) => (r.problems ?? []).length > 0);
  const check = () => run.mutate({ csv, validateOnly: true }, { onSuccess: setChecked });
  const importChecked = () =>
    run.mutate(
      { csv, validateOnly: false },
      {
        onSuccess: (done) => {
          toasts.show(t('Products imported: {{created}} new, {{updated}} updated', { created: done.createdCount ?? 0, updated: done.updatedCount ?? 0 }), 'success');
          onDone();
        },
      },
    );
  return (
    <Card title={t('Import products from CSV')} id="import-products">
      <p className="small muted">{t('A header row names the columns: sku, name, currency_code and list_price; category, unit_cost and status (ACTIVE or RETIRED) are optional. Known SKUs are updated, new ones added.')}</p>
      <div className="field">
        <label htmlFor="products-csv">{t('CSV file')}</label>
        <input
          id="products-csv"
          type="file"
          accept=".csv,text/csv"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            setChecked(null);
            run.reset();
            setFileName(file?.name ?? '');
            setCsv(file ? await file.text() : '');
          }}
        />
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error.fieldError('csv') ?? error.message}
        </p>
      )}
      {checked && (
        <div data-testid="import-check">
          {withProblems.length > 0 ? (
            <p className="form-error" role="alert">
              {t('{{count}} of {{rows}} rows have problems. Nothing has been written: fix the file and check it again.', { count: withProblems.length, rows: rows.length })}
            </p>
          ) : (
            <p role="status">{t('{{created}} new and {{updated}} updated products, no problems.', { created: checked.createdCount ?? 0, updated: checked.updatedCount ?? 0 })}</p>
          )}
          {withProblems.length > 0 && (
            <table className="table" data-testid="import-problems">
              <thead>
                <tr>
                  <th scope="col">{t('Line')}</th>
                  <th scope="col">{t('SKU')}</th>
                  <th scope="col">{t('Problems')}</th>
                </tr>
              </thead>
              <tbody>
                {withProblems.map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    <td>{r.sku}</td>
                    <td>
                      <ul className="plain-list">
                        {(r.problems ?? []).map((p, i) => (
                          <li key={i}>
                            <code>{p.column}</code>: {p.description}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      <div className="button-row">
        <button type="button" className="button button--ghost" disabled={!csv || run.isPending} onClick={check}>
          {fileName ? t('Check {{file}}', { file: fileName }) : t('Check the file')}
        </button>
        {checked && withProblems.length === 0 && (
          <button type="button" className="button button--primary button--inline" disabled={run.isPending} onClick={importChecked}>
            {t('Import {{count}} products', { count: rows.length })}
          </button>
        )}
        <button type="button" className="button button--ghost" onClick={onDone}>
          {t('Cancel')}
        </button>
      </div>
    </Card>
  );
}
