// Routing with wouter over the History API: the server answers index.html for every page path, so
// /cases/… and /tasks/… survive a reload. Links are real <a href> elements (keyboard, new tab).
// The pages use this module's small vocabulary (Link, navigate, useLocation, withQuery), so the
// router underneath is wouter's alone.
import { useMemo, type AnchorHTMLAttributes, type ReactNode } from 'react';
import { Link as WouterLink, useLocation as useWouterLocation, useSearch } from 'wouter';
import { navigate as browserNavigate } from 'wouter/use-browser-location';

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  browserNavigate(to, { replace: options.replace ?? false });
}

export interface Location {
  path: string;
  query: URLSearchParams;
  href: string;
}

export function useLocation(): Location {
  const [path] = useWouterLocation();
  const search = useSearch();
  return useMemo(() => ({ path, query: new URLSearchParams(search), href: search ? `${path}?${search}` : path }), [path, search]);
}

/** Decoded path parameters (wouter hands them over as written in the address); null when one is malformed. */
export function decodeParams(params: Record<string, string | undefined>): Record<string, string> | null {
  const out: Record<string, string> = {};
  try {
    for (const [k, v] of Object.entries(params)) if (v !== undefined && !/^\d+$/.test(k)) out[k] = decodeURIComponent(v);
  } catch {
    return null;
  }
  return out;
}

export function Link({ to, children, ...rest }: { to: string; children: ReactNode } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  return (
    <WouterLink href={to} {...rest}>
      {children}
    </WouterLink>
  );
}

/** Builds `path?k=v` from the non-empty values. */
export function withQuery(path: string, query: Record<string, string | number | boolean | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '' && v !== false) params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
