// What every rule module gets: the report, the top-level fields and the facts being collected.

import type { PropNode, ScalarNode, ValueNode } from '../model';
import type { Report, Span } from '../report';

export interface FactSpan<T = string> extends Span {
  value: T;
}

export interface PendingFacts {
  project?: FactSpan;
  folder?: FactSpan;
  parents?: boolean;
  links: FactSpan[];
  initializeFrom?: { project?: FactSpan; id?: FactSpan };
}

export interface RuleContext {
  report: Report;
  facts: PendingFacts;
  /** The value of the last occurrence of a top-level field (what the platform would see). */
  field(name: string): ValueNode | undefined;
}

/** Names and folders may not hold C0 control characters (DEL is allowed). */
export const CONTROL_CHAR = /[\x00-\x1F]/;

export function isString(node: ValueNode | undefined): node is ScalarNode & { value: string } {
  return node?.type === 'string';
}

export function factOf(node: ScalarNode & { value: string }): FactSpan {
  return { value: node.value, offset: node.offset, length: node.length };
}

/** The last occurrence of a key (the one the platform keeps). */
export function lastProp(props: PropNode[], name: string): PropNode | undefined {
  for (let i = props.length - 1; i >= 0; i--) if (props[i].key === name) return props[i];
  return undefined;
}

export function lastValue(props: PropNode[], name: string): ValueNode | undefined {
  return lastProp(props, name)?.value;
}
