// What the sign-in page and the sign-in-again dialog share: the password field and the words for
// a refused sign-in.
import type { Ref } from 'react';
import { ApiError } from '../api/client.ts';
import { errorText } from '../components/feedback.tsx';
import type { useI18n } from '../i18n/i18n.tsx';

type T = ReturnType<typeof useI18n>['t'];

/** A refused sign-in in the user's words: a wrong password, a locked name, or what the API said. */
export function signInRefusal(err: unknown, t: T): string {
  if (err instanceof ApiError && err.status === 401) return t('login.wrong');
  if (err instanceof ApiError && err.status === 429) return t('login.locked');
  return errorText(err, t);
}

export function PasswordField({
  id,
  value,
  onChange,
  t,
  inputRef,
}: {
  id: string;
  value: string;
  onChange(value: string): void;
  t: T;
  inputRef?: Ref<HTMLInputElement>;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{t('login.password')}</label>
      <input id={id} name="password" type="password" autoComplete="current-password" value={value} onChange={(e) => onChange(e.target.value)} ref={inputRef} />
    </div>
  );
}
