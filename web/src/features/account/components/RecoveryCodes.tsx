import { useState } from 'react';
import { useTranslation } from 'react-i18next';

// Recovery codes, shown this once: listed, copied or downloaded as a text file, and a
// confirmation that they are stored before going on.
export function RecoveryCodes({ codes, account, onDone, doneLabel }: { codes: string[]; account: string; onDone: () => void; doneLabel: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const [stored, setStored] = useState(false);
  const text = `${t('Recovery codes for {{account}}', { account })}\n\n${codes.join('\n')}\n`;
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
  return (
    <div className="recovery-codes" data-testid="recovery-codes">
      <p>
        {t(
          'Keep these recovery codes somewhere safe, apart from your phone. Each signs you in once in place of a code from the app, if you lose it. This is the only time they are shown.',
        )}
      </p>
      <ol className="recovery-codes__list">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <button
          type="button"
          className="button button--ghost button--inline"
          onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true), () => setCopied(false))}
        >
          {t('Copy the codes')}
        </button>
        <a className="button button--ghost button--inline" href={download} download="cim-recovery-codes.txt">
          {t('Download the codes')}
        </a>
        {copied && (
          <span className="muted small" role="status">
            {t('Copied.')}
          </span>
        )}
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={stored} onChange={(e) => setStored(e.target.checked)} />
        {t('I have stored my recovery codes')}
      </label>
      <div className="button-row">
        <button type="button" className="button button--primary button--inline" aria-disabled={!stored} onClick={() => stored && onDone()}>
          {doneLabel}
        </button>
      </div>
    </div>
  );
}
