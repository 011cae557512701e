import type { StateNodeDefinition } from './types.js';

/** A state node of a definition as the static checks see it: where it is, what it is, what it handles. */
export interface NodeInfo {
  key: string;
  /** Keys from the root (empty for the root). */
  segs: string[];
  /** Dotted path from the root ('' for the root). */
  path: string;
  /** JSON pointer of the node in the definition. */
  ptr: string;
  def: StateNodeDefinition;
  parent?: NodeInfo;
  children: Map<string, NodeInfo>;
  kind: 'atomic' | 'compound' | 'parallel' | 'final';
  /** Event types in `on` of this node and its ancestors. */
  handles: Set<string>;
}
