// A button that asks before it acts, in the page (no window.confirm): the question and two
// buttons appear in place, focus moves to "yes", Escape or "cancel" goes back.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export function ConfirmButton({
  label,
  question,
  onConfirm,
  disabled,
  className = '',
  testId,
}: {
  label: string;
  question: string;
  onConfirm(): void;
  disabled?: boolean;
  className?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button type="button" ref={first} className={className} disabled={disabled} onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </button>
    );
  return (
    <span className="confirm" role="group" aria-label={question} onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
      <span className="confirm-question">{question}</span>
      <button
        type="button"
        ref={yes}
        className={className}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
        data-testid={testId ? `${testId}-yes` : undefined}
      >
        {label}
      </button>
      <button type="button" className="secondary" onClick={() => setAsking(false)}>
        {t('app.cancel')}
      </button>
    </span>
  );
}
