// Mermaid diagrams. The text comes from the API (labels escaped by the engine) or from the
// editor's preview; mermaid renders it with securityLevel 'strict' and htmlLabels off, and the
// SVG is scrubbed once more before it is put in the page — the only dangerouslySetInnerHTML in
// the app. A workflow with nested steps gets a "collapse" control: the page asks the API for the
// diagram with `depth` (deeper steps drawn inside their ancestor's single box).
// Mermaid (2.5 MB of script, about 500 KB with Brotli, in chunks of its own) is fetched only when a
// diagram is seen: one below the fold, or inside a closed <details>, costs nothing until it is
// scrolled to or opened.
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

type Mermaid = typeof import('mermaid').default;
let mermaidPromise: Promise<Mermaid> | null = null;
let queue: Promise<unknown> = Promise.resolve();
let counter = 0;

function loadMermaid(): Promise<Mermaid> {
  mermaidPromise ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      htmlLabels: false,
      flowchart: { htmlLabels: false },
      theme: 'neutral',
      fontFamily: 'system-ui, sans-serif',
      state: { useMaxWidth: true },
    } as Parameters<Mermaid['initialize']>[0]);
    return mermaid;
  });
  return mermaidPromise;
}

const DANGEROUS = new Set(['script', 'foreignobject', 'iframe', 'object', 'embed', 'img', 'image', 'a', 'animate', 'set', 'handler']);

/** Removes anything active from the SVG: scripts, foreign HTML, links, event handler attributes. */
export function scrubSvg(svg: string): string {
  const template = document.createElement('template');
  template.innerHTML = svg; // inert: nothing in a template runs or loads
  const walk = (el: Element) => {
    for (const child of [...el.children]) {
      if (DANGEROUS.has(child.localName.toLowerCase())) {
        child.remove();
        continue;
      }
      for (const attr of [...child.attributes]) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on') || ((name === 'href' || name.endsWith(':href')) && !attr.value.startsWith('#'))) child.removeAttribute(attr.name);
      }
      walk(child);
    }
  };
  walk(template.content as unknown as Element);
  // With htmlLabels off, mermaid leaves the escaped characters of labels as literal "&#60;" text,
  // sometimes split over the tspans of a wrapped word: decode them in the text nodes themselves
  // (text, never parsed as markup), carrying a split entity over to the next node.
  for (const label of template.content.querySelectorAll('text')) {
    const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
    const nodes: Node[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    let carry = '';
    nodes.forEach((node, i) => {
      let data = carry + (node.nodeValue ?? '');
      carry = '';
      const partial = i < nodes.length - 1 ? /&#?\d*$/.exec(data) : null;
      if (partial?.[0]) {
        carry = partial[0];
        data = data.slice(0, -carry.length);
      }
      node.nodeValue = data.replace(/&#(\d{1,7});/g, (m, code: string) => (Number(code) <= 0x10ffff ? String.fromCodePoint(Number(code)) : m));
    });
  }
  return template.innerHTML;
}

/** Renders one diagram at a time (mermaid is not re-entrant). */
export function renderMermaid(text: string): Promise<string> {
  const job = queue.then(async () => {
    const mermaid = await loadMermaid();
    const { svg } = await mermaid.render(`mermaid-${++counter}`, text);
    return scrubSvg(svg);
  });
  queue = job.catch(() => undefined);
  return job;
}

/** How many levels of steps a definition's machine has (1: no nested step, nothing to collapse). */
export function diagramLevels(machine: unknown): number {
  const walk = (node: unknown, depth: number): number => {
    const states = node && typeof node === 'object' ? (node as { states?: unknown }).states : undefined;
    const children = states && typeof states === 'object' && !Array.isArray(states) ? Object.values(states) : [];
    return children.length ? Math.max(...children.map((c) => walk(c, depth + 1))) : depth;
  };
  return walk(machine, 0);
}

/** The collapse control's state: the levels drawn (`undefined`: all), and how many there are. */
export interface DiagramDepth {
  value: number | undefined;
  levels: number;
  onChange(depth: number | undefined): void;
}

/** "Collapse": every level, or only the first N levels of steps (those deeper drawn in their ancestor's box). */
export function DiagramDepthControl({ depth }: { depth: DiagramDepth }) {
  const { t } = useI18n();
  const id = useId();
  if (depth.levels < 2) return null;
  return (
    <div className="toolbar diagram-tools">
      <label htmlFor={id}>{t('diagram.collapse')}</label>
      <select
        id={id}
        data-testid="diagram-depth"
        value={depth.value === undefined ? '' : String(depth.value)}
        onChange={(e) => depth.onChange(e.target.value ? Number(e.target.value) : undefined)}
      >
        <option value="">{t('diagram.allLevels')}</option>
        {Array.from({ length: depth.levels - 1 }, (_, i) => i + 1).map((n) => (
          <option key={n} value={n}>
            {t('diagram.levels', { n })}
          </option>
        ))}
      </select>
      {depth.value !== undefined ? <span className="muted small">{t('diagram.collapsedNote')}</span> : null}
    </div>
  );
}

/**
 * Whether the element has been in the viewport (once is enough) for `dwellMs` on end: a page still
 * loading moves things about (the timeline arrives and pushes the diagram down), and a diagram that
 * is only glimpsed meanwhile is not worth mermaid. An element with no box (in a closed <details>,
 * hidden) is not in view. Where IntersectionObserver is missing, at once.
 */
export function useSeen(ref: RefObject<Element | null>, dwellMs = 400): boolean {
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (seen || !element) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new IntersectionObserver((entries) => {
      clearTimeout(timer);
      if (entries[entries.length - 1]?.isIntersecting) timer = setTimeout(() => setSeen(true), dwellMs);
    });
    observer.observe(element);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, [seen, ref, dwellMs]);
  return seen;
}

export function Diagram({
  text,
  title,
  note,
  stale = false,
  depth,
}: {
  text: string | undefined;
  title: string;
  note?: string;
  stale?: boolean;
  /** Offer the collapse control (shown when the workflow has nested steps). */
  depth?: DiagramDepth;
}) {
  const { t } = useI18n();
  const [svg, setSvg] = useState<string>();
  const [error, setError] = useState<string>();
  const figure = useRef<HTMLElement>(null);
  const seen = useSeen(figure);

  useEffect(() => {
    if (!text || !seen) return;
    let live = true;
    renderMermaid(text).then(
      (s) => {
        if (!live) return;
        setSvg(s);
        setError(undefined);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [text, seen]);

  return (
    <figure ref={figure} className={`diagram${stale ? ' stale' : ''}`} data-testid="diagram">
      {depth ? <DiagramDepthControl depth={depth} /> : null}
      {error ? (
        <p className="notice error" role="alert">
          {t('app.error')}: {error}
        </p>
      ) : null}
      {svg ? (
        <div className="diagram-svg" role="img" aria-label={title} dangerouslySetInnerHTML={{ __html: svg }} />
      ) : error ? null : seen ? (
        <p className="loading">{t('app.loading')}</p>
      ) : (
        // Not seen yet: nothing is loading, only the room the diagram will take.
        <div className="diagram-pending" style={{ minHeight: '8rem' }} aria-hidden="true" />
      )}
      {note ? <figcaption className="muted small">{note}</figcaption> : null}
    </figure>
  );
}
