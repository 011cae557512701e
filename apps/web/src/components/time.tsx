// Due dates coloured by urgency (and said in words: colour is never the only signal) and live
// countdowns to deadlines and timers.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export type Urgency = 'overdue' | 'today' | 'soon' | 'later' | 'none';

const DAY = 86_400_000;

export function urgencyOf(dueAt: string | null | undefined, now: number): Urgency {
  if (!dueAt) return 'none';
  const left = Date.parse(dueAt) - now;
  if (left < 0) return 'overdue';
  if (left < DAY) return 'today';
  if (left < 3 * DAY) return 'soon';
  return 'later';
}

/** The current time, ticking every `ms`. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

export function Countdown({ to, now }: { to: string; now: number }) {
  const { t, duration } = useI18n();
  const left = Date.parse(to) - now;
  return <span className="countdown">{left < 0 ? t('due.overdue', { d: duration(-left) }) : t('due.left', { d: duration(left) })}</span>;
}

/** A due date with its urgency: colour, a word for it, the date and the time left. */
export function DueDate({ dueAt, now, compact = false }: { dueAt: string | null | undefined; now: number; compact?: boolean }) {
  const { t, dateTime } = useI18n();
  const urgency = urgencyOf(dueAt, now);
  if (!dueAt || urgency === 'none') return <span className="due due-none">{t('due.none')}</span>;
  return (
    <span className={`due due-${urgency}`} data-urgency={urgency}>
      <span className="due-word">{t(`due.urgency.${urgency}`)}</span>
      {compact ? ' · ' : ': '}
      <time dateTime={dueAt}>{dateTime(dueAt)}</time> · <Countdown to={dueAt} now={now} />
    </span>
  );
}
