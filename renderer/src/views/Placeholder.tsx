import { t } from '../i18n/zh-CN.js';

/** An honest stand-in for a view not built yet: says what will come, shows nothing that is not real. */
export function Placeholder({ text }: { text: string }) {
  return (
    <section className="placeholder" data-testid="placeholder">
      <p className="placeholder-text">{text}</p>
      <p className="placeholder-hint">{t.placeholder.ledgerHint}</p>
    </section>
  );
}
