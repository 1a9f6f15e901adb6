import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A read-only value with a copy button (falls back to selecting the text where the clipboard API is missing). */
export function CopyField({ label, value, secret, testId }: { label: string; value: string; secret?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const done = () => {
    setCopied(true);
    setTimeout(() => setCopied(false), 2_000);
  };
  const copy = async () => {
    try {
      // Missing on plain-http pages (venue wifi): fall back to selecting and copying the text.
      await navigator.clipboard.writeText(value);
      done();
    } catch {
      const input = document.getElementById(id) as HTMLInputElement | null;
      input?.focus();
      input?.select();
      try {
        if (document.execCommand('copy')) done();
      } catch {
        /* the text stays selected for a manual copy */
      }
    }
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input
          id={id}
          readOnly
          value={value}
          data-testid={testId}
          className={secret ? 'secret' : undefined}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" onClick={copy}>
          {copied ? t('common.copied') : t('common.copy')}
        </button>
      </div>
    </div>
  );
}
