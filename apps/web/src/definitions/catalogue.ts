// Definitions as the pages need them: the list (fetched once per session: titles, who may start,
// role labels), and the source of one version (cached: a published version never changes; drafts
// are always fetched afresh).
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { DefinitionDetail, JsonOf, Label } from '../api/types.ts';

/** An item of `GET /definitions`: a key's newest version, with its role labels. */
export type DefinitionListItem = JsonOf<'/api/v1/definitions', 'get'>['items'][number];

let listPromise: Promise<DefinitionListItem[]> | null = null;
const versions = new Map<string, Promise<DefinitionDetail>>();
let roleLabelsPromise: Promise<Record<string, Label>> | null = null;

export function clearCatalogue(): void {
  listPromise = null;
  roleLabelsPromise = null;
  versions.clear();
}

/** Forget what changed after a draft was saved, published or deleted. */
export function invalidateDefinitions(key?: string): void {
  listPromise = null;
  roleLabelsPromise = null;
  if (key) for (const id of [...versions.keys()]) if (id.startsWith(`${key}@`)) versions.delete(id);
}

export function loadDefinitions(): Promise<DefinitionListItem[]> {
  if (!listPromise) {
    listPromise = api<JsonOf<'/api/v1/definitions', 'get'>>('/definitions').then((r) => r.items);
    listPromise.catch(() => (listPromise = null));
  }
  return listPromise;
}

export function loadVersion(key: string, version: number): Promise<DefinitionDetail> {
  const id = `${key}@${version}`;
  let p = versions.get(id);
  if (!p) {
    p = api<DefinitionDetail>(`/definitions/${encodeURIComponent(key)}/versions/${version}`);
    versions.set(id, p);
    p.then(
      (d) => {
        if (d.status === 'draft') versions.delete(id);
      },
      () => versions.delete(id),
    );
  }
  return p;
}

/**
 * Role labels declared by the published workflows (for the header and task candidates): from the
 * list's items (`roles`), which the session fetches once, never from every definition's source.
 */
export function loadRoleLabels(): Promise<Record<string, Label>> {
  if (!roleLabelsPromise) {
    roleLabelsPromise = loadDefinitions().then((defs) => {
      const labels: Record<string, Label> = {};
      for (const d of defs) if (d.status !== 'draft') for (const [role, label] of Object.entries(d.roles)) labels[role] ??= label;
      return labels;
    });
    roleLabelsPromise.catch(() => (roleLabelsPromise = null));
  }
  return roleLabelsPromise;
}

export function useDefinitions(): DefinitionListItem[] | undefined {
  const [list, setList] = useState<DefinitionListItem[]>();
  useEffect(() => {
    let live = true;
    loadDefinitions().then(
      (l) => live && setList(l),
      () => live && setList([]),
    );
    return () => {
      live = false;
    };
  }, []);
  return list;
}

export function useVersion(key: string | undefined, version: number | undefined): DefinitionDetail | undefined {
  const [detail, setDetail] = useState<DefinitionDetail>();
  useEffect(() => {
    if (!key || !version) return;
    let live = true;
    loadVersion(key, version).then(
      (d) => live && setDetail(d),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [key, version]);
  return detail && detail.key === key && detail.version === version ? detail : undefined;
}

/** `user`: who is signed in (the labels are loaded again for another user, none while signed out). */
export function useRoleLabels(user: string | undefined): Record<string, Label> {
  const [labels, setLabels] = useState<Record<string, Label>>({});
  useEffect(() => {
    if (!user) return;
    let live = true;
    loadRoleLabels().then(
      (l) => live && setLabels(l),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [user]);
  return labels;
}
