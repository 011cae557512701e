/**
 * The parts of an XState state node and transition that the design tools (diagrams, sampling)
 * read from a compiled machine: XState's own types are wider than they need and change between
 * minor versions.
 */
export interface NodeLike {
  key: string;
  path: string[];
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  initial?: { target: NodeLike[] };
  states: Record<string, NodeLike>;
  transitions: Map<string, TransitionLike[]>;
  always?: TransitionLike[];
}

export interface TransitionLike {
  source: NodeLike;
  target?: NodeLike[];
  eventType: string;
  guard?: unknown;
  actions?: unknown[];
}
