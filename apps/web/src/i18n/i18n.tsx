// Language: Vietnamese by default, English on request; the choice is remembered (localStorage),
// <html lang> follows it, and every label from a definition is shown in it.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Label } from '../api/types.ts';
import { en, vi, type MessageKey } from './messages.ts';

export type Lang = 'vi' | 'en';
const LANG_KEY = 'phoihop.lang';
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

function initialLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export type Vars = Record<string, string | number>;

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, vars?: Vars): string;
  /** A definition's label in the chosen language (the other one if missing). */
  L(label: Label | undefined | null, fallback?: string): string;
  dateTime(iso: string | null | undefined): string;
  date(iso: string | null | undefined): string;
  number(n: number): string;
  bytes(n: number): string;
  /** "2 ngày 3 giờ" for a span in milliseconds (its two largest units). */
  duration(ms: number): string;
}

const I18nContext = createContext<I18n | null>(null);

/**
 * `{name}` is replaced by its value; `{n|one|other}` picks a word by the number `n` (English
 * plurals: "1 problem", "2 problems"; Vietnamese has none and writes only `{n}`).
 */
export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^{}]*))?\}/g, (m, name: string, one?: string, other?: string) => {
    if (!(name in vars)) return m;
    if (one !== undefined) return Number(vars[name]) === 1 ? one : (other ?? '');
    return String(vars[name]);
  });
}

/** Labels come from definitions written by people: tolerate a missing language or a wrong shape. */
export function labelText(label: unknown, lang: Lang, fallback = ''): string {
  if (typeof label === 'string') return label;
  if (label && typeof label === 'object') {
    const l = label as Record<string, unknown>;
    const text = l[lang] ?? l[lang === 'vi' ? 'en' : 'vi'];
    if (typeof text === 'string' && text.trim()) return text;
  }
  return fallback;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => {
    document.documentElement.lang = lang;
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // storage unavailable: the choice lasts for this page
    }
  }, [lang]);

  const setLang = useCallback((l: Lang) => setLangState(l), []);

  const value = useMemo<I18n>(() => {
    const dict = lang === 'vi' ? vi : en;
    const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
    const dtf = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    const df = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
    const nf = new Intl.NumberFormat(locale);
    const t = (key: MessageKey, vars?: Vars) => format(dict[key] ?? key, vars);
    const valid = (iso: string | null | undefined) => (iso && !Number.isNaN(Date.parse(iso)) ? new Date(iso) : null);
    return {
      lang,
      setLang,
      t,
      L: (label, fallback = '') => labelText(label, lang, fallback),
      dateTime: (iso) => {
        const d = valid(iso);
        return d ? dtf.format(d) : '';
      },
      date: (iso) => {
        // A plain YYYY-MM-DD is a calendar day: show it as is, without a time zone shift.
        if (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso)) return df.format(new Date(`${iso}T12:00:00+07:00`));
        const d = valid(iso);
        return d ? df.format(d) : '';
      },
      number: (n) => nf.format(n),
      bytes: (n) =>
        n < 1024 ? `${nf.format(n)} B` : n < 1024 * 1024 ? `${nf.format(Math.round(n / 102.4) / 10)} KB` : `${nf.format(Math.round(n / 104857.6) / 10)} MB`,
      duration: (ms) => {
        const s = Math.max(0, Math.floor(Math.abs(ms) / 1000));
        const parts: Array<[MessageKey, number]> = [
          ['duration.days', Math.floor(s / 86400)],
          ['duration.hours', Math.floor((s % 86400) / 3600)],
          ['duration.minutes', Math.floor((s % 3600) / 60)],
          ['duration.seconds', s % 60],
        ];
        const first = parts.findIndex(([, n]) => n > 0);
        if (first === -1) return t('duration.seconds', { n: 0 });
        return parts
          .slice(first, first + 2)
          .filter(([, n]) => n > 0)
          .map(([k, n]) => t(k, { n }))
          .join(' ');
      },
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
