// People by their names, not their user ids: the signed-in user's own name from /me, everyone
// else's from the directory of names (`GET /people`, any signed-in user; names only), once per session.
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { components } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';

type Person = components['schemas']['PersonDto'];

let names: { for: string; promise: Promise<Map<string, string>> } | null = null;

function loadNames(viewer: string): Promise<Map<string, string>> {
  if (names?.for !== viewer) {
    const promise = api<{ items: Person[] }>('/people').then((r) => new Map(r.items.map((u) => [u.username, u.displayName])));
    names = { for: viewer, promise };
    promise.catch(() => (names = null));
  }
  return names.promise;
}

/** `name(userId)`: the person's display name when the app knows it, else the id as it is. */
export function usePeople(): (user: string | null | undefined) => string {
  const { t } = useI18n();
  const { me } = useSession();
  const [known, setKnown] = useState<Map<string, string>>();
  useEffect(() => {
    if (!me) return;
    let live = true;
    loadNames(me.username).then(
      (m) => live && setKnown(m),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [me?.username]);
  return (user) => {
    if (!user) return '';
    if (user === 'system') return t('case.system');
    if (user === me?.username) return me.displayName || user;
    return known?.get(user) ?? user;
  };
}

/** A person's name, with their user id on hover when the two differ. */
export function PersonName({ user }: { user: string | null | undefined }) {
  const name = usePeople()(user);
  return <span title={user && name !== user ? user : undefined}>{name}</span>;
}
