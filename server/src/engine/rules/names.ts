// Name, tags and types: the character rules of the platform's metadata pages.

import { CONTROL_CHAR, type RuleContext, isString } from './context';
import { quote } from './ids';

const TYPE_OUTSIDE = /[^/0-9A-Za-z_]/gu;

function describeControl(ch: string): string {
  const names: Record<string, string> = { '\t': 'a tab', '\n': 'a line break', '\r': 'a carriage return' };
  return names[ch] ?? `control character U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export function checkName(ctx: RuleContext): void {
  const node = ctx.field('name');
  if (!isString(node)) return;
  if (node.value === '') {
    ctx.report.error('name-invalid', 'The name is empty: give the record a name, or remove "name" to use the new record\'s ID.', node);
    return;
  }
  const m = CONTROL_CHAR.exec(node.value);
  if (m) {
    ctx.report.error('name-invalid', `The name contains ${describeControl(m[0])} at character ${m.index + 1}; names cannot hold control characters. Remove it.`, node);
  }
}

export function checkTags(ctx: RuleContext): void {
  const node = ctx.field('tags');
  if (node?.type !== 'array') return;
  node.items.forEach((item, i) => {
    if (isString(item) && item.value === '') ctx.report.error('tag-empty', `Tag ${i + 1} is empty; a tag needs at least one character. Remove it or fill it in.`, item);
  });
}

export function checkTypes(ctx: RuleContext): void {
  const node = ctx.field('types');
  if (node?.type !== 'array') return;
  for (const item of node.items) {
    if (!isString(item)) continue;
    if (item.value === '') {
      ctx.report.error('type-name-invalid', 'A type cannot be empty; use letters, digits, "_" and "/".', item);
      continue;
    }
    const bad = [...new Set(item.value.match(TYPE_OUTSIDE) ?? [])];
    if (bad.length === 0) continue;
    const list = bad.map((c) => JSON.stringify(c)).join(', ');
    if (bad.length === 1 && bad[0] === '-') {
      ctx.report.warning(
        'type-name-invalid',
        `Type ${quote(item.value)} contains "-": the platform's rules allow only letters, digits, "_" and "/" (its own docs use "-", so it may be accepted). Prefer "_".`,
        item,
      );
    } else {
      ctx.report.error('type-name-invalid', `Type ${quote(item.value)} contains ${list}; types may hold only letters, digits, "_" and "/".`, item);
    }
  }
}
