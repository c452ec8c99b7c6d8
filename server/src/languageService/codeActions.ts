// Code actions for our diagnostics: one quick fix per code whose rule registry row names one. Each
// fix is built from the diagnostic the client sends back (range, code, data) plus short scans;
// only "remove all" needs the whole file's diagnostics, which this version's model holds.
import { CodeActionKind, TextEdit, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { normalizeFolder } from '../../../common/dxPaths';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { FixableCode } from '../engine/rules/registry';
import type { RecordDiagnostic, TopLevelObject, TopLevelProperty } from '../engine/types';
import { parseStringToken, propertyValueSpan, valueEndAt } from './jsonScan';
import { makeNonce } from '../../../common/nonce';
import { insertPropertyEdit, removePropertiesEdits, type OffsetEdit } from './propertyEdits';
import type { RecordType } from './typedFields';
import { missingFieldsFix, wrapBareId } from './typedFixes';

/** Offered whenever the record has no nonce, so a retried create can never make two records. */
export const ADD_NONCE_KIND = `${CodeActionKind.Source}.addNonce`;

export interface CodeActionInput {
  document: TextDocument;
  diagnostics: readonly Diagnostic[];
  only?: readonly string[];
  topLevel: () => TopLevelObject | undefined;
  /** Every engine diagnostic of this version, for "fix all" actions. */
  documentDiagnostics: () => readonly RecordDiagnostic[];
  /** The record's types that have a schema, for the typed-details fixes. */
  types: () => readonly RecordType[];
}

export function codeActions(input: CodeActionInput): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(input.only, CodeActionKind.QuickFix)) {
    let removeAllOffered = false;
    for (const diagnostic of input.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      actions.push(...fixesFor(input, diagnostic));
      if (diagnostic.code === 'describe-field' && !removeAllOffered) {
        removeAllOffered = true;
        actions.push(...removeAllDescribeFields(input, diagnostic));
      }
    }
  }
  if (wants(input.only, ADD_NONCE_KIND)) actions.push(...addNonce(input));
  return actions;
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/** What a quick fix builds from: the diagnostic the client sent back, located in this document. */
interface FixSite {
  input: CodeActionInput;
  diagnostic: Diagnostic;
  text: string;
  start: number;
  end: number;
  data: Record<string, unknown>;
  /** An edit that replaces the diagnostic's range. */
  replace(newText: string): OffsetEdit[];
  /** The preferred quick fix for this diagnostic. */
  fix(title: string, edits: OffsetEdit[]): CodeAction;
}

/** One builder per code whose registry row names a fix (server/src/engine/rules/registry.ts). */
const QUICK_FIXES: { [C in FixableCode]: (site: FixSite) => CodeAction[] } = {
  'link-value-not-string': (site) => stringLink(site, ''),
  'link-project-form': (site) => stringLink(site, ' (drops the project hint)'),
  'link-extra-keys': ({ data, text, end, fix }) => {
    const objectOffset = data.objectOffset;
    if (typeof objectOffset !== 'number' || text[objectOffset] !== '{') return [];
    const value = propertyValueSpan(text, end);
    if (!value) return [];
    const objectEnd = valueEndAt(text, objectOffset);
    const newText = `{"$dnanexus_link": ${text.slice(value.start, value.end)}}`;
    return [fix('Keep only the $dnanexus_link key', [{ offset: objectOffset, length: objectEnd - objectOffset, newText }])];
  },
  'unknown-field': ({ input, data, replace, fix }) => {
    const suggestion = data.suggestion;
    if (typeof suggestion !== 'string' || findProperty(input, suggestion)) return [];
    return [fix(`Rename to "${suggestion}"`, replace(JSON.stringify(suggestion)))];
  },
  'type-name-near-miss': ({ data, replace, fix }) => {
    const suggestion = data.suggestion;
    if (typeof suggestion !== 'string') return [];
    return [fix(`Rename the type to "${suggestion}"`, replace(JSON.stringify(suggestion)))];
  },
  'folder-needs-parents': ({ input, text, fix }) => {
    const object = input.topLevel();
    if (!object) return [];
    const parents = findProperty(input, 'parents');
    if (parents && parents.valueOffset >= 0) {
      const edit = { offset: parents.valueOffset, length: parents.valueEnd - parents.valueOffset, newText: 'true' };
      return [fix('Set "parents" to true (create missing folders)', [edit])];
    }
    const edit = insertPropertyEdit(text, object, 'parents', 'true', findProperty(input, 'folder'));
    return [fix('Add "parents": true (create missing folders)', [edit])];
  },
  'folder-not-normalized': ({ text, start, end, replace, fix }) => {
    const folder = parseStringToken(text.slice(start, end));
    if (folder === undefined) return [];
    const normalized = normalizeFolder(folder);
    return [fix(`Use the normalized folder "${normalized}"`, replace(JSON.stringify(normalized)))];
  },
  'type-mismatch': ({ data, text, start, end, replace, fix }) => {
    const meant = data.expected === 'boolean' ? obviousBoolean(text.slice(start, end)) : undefined;
    return meant === undefined ? [] : [fix(`Use ${meant}`, replace(String(meant)))];
  },
  'type-details-invalid': ({ input, diagnostic, text, fix }) => {
    const found = missingFieldsFix(text, diagnostic, input.documentDiagnostics(), input.types(), input.topLevel());
    return found ? [fix(found.title, [found.edit])] : [];
  },
  'type-link-class': ({ text, start, end, data, replace, fix }) => {
    const link = wrapBareId(text, start, end, data);
    return link ? [fix('Wrap the ID into a link', replace(link))] : [];
  },
  'nonce-invalid': ({ replace, fix }) => [fix('Replace with a fresh nonce', replace(JSON.stringify(makeNonce())))],
  'describe-field': ({ input, start, fix }) => {
    const object = input.topLevel();
    const property = object?.properties.find((candidate) => candidate.keyOffset === start);
    if (!object || !property) return [];
    return [fix(`Remove "${property.key}" (describe output, not create input)`, removePropertiesEdits(object, new Set([property])))];
  },
};

const YES = new Set(['true', 'yes', 'y', 'on', '1']);
const NO = new Set(['false', 'no', 'n', 'off', '0']);

/** The boolean a value plainly means ("yes", "False", 1, …), or undefined when it is not obvious. */
function obviousBoolean(token: string): boolean | undefined {
  const word = (parseStringToken(token) ?? token).trim().toLowerCase();
  return YES.has(word) ? true : NO.has(word) ? false : undefined;
}

/** Replaces a link hash that carries an `id` with the string link to that id. */
function stringLink({ data, text, start, replace, fix }: FixSite, note: string): CodeAction[] {
  if (typeof data.id !== 'string' || text[start] !== '{') return [];
  return [fix(`Use the string link "${data.id}"${note}`, replace(JSON.stringify(data.id)))];
}

function fixesFor(input: CodeActionInput, diagnostic: Diagnostic): CodeAction[] {
  const code = String(diagnostic.code);
  if (!Object.hasOwn(QUICK_FIXES, code)) return [];
  const { document } = input;
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  return QUICK_FIXES[code as FixableCode]({
    input,
    diagnostic,
    text: document.getText(),
    start,
    end,
    data: (diagnostic.data ?? {}) as Record<string, unknown>,
    replace: (newText) => [{ offset: start, length: end - start, newText }],
    fix: (title, edits) => fix(input, title, edits, diagnostic, true),
  });
}

function removeAllDescribeFields(input: CodeActionInput, diagnostic: Diagnostic): CodeAction[] {
  const object = input.topLevel();
  if (!object) return [];
  const offsets = new Set(input.documentDiagnostics().filter((d) => d.code === 'describe-field').map((d) => d.offset));
  const remove = new Set(object.properties.filter((property) => offsets.has(property.keyOffset)));
  if (remove.size < 2) return [];
  const edits = removePropertiesEdits(object, remove);
  return [fix(input, `Remove all ${remove.size} describe-output fields`, edits, diagnostic, false)];
}

function addNonce(input: CodeActionInput): CodeAction[] {
  const object = input.topLevel();
  if (!object || findProperty(input, 'nonce')) return [];
  const edit = insertPropertyEdit(input.document.getText(), object, 'nonce', JSON.stringify(makeNonce()));
  return [{ ...fix(input, 'Add a nonce (a retried create then makes only one record)', [edit]), kind: ADD_NONCE_KIND }];
}

function findProperty(input: CodeActionInput, key: string): TopLevelProperty | undefined {
  return input.topLevel()?.properties.find((property) => property.key === key);
}

function fix(input: CodeActionInput, title: string, edits: OffsetEdit[], diagnostic?: Diagnostic, isPreferred = false): CodeAction {
  const { document } = input;
  const textEdits = edits.map((edit) =>
    TextEdit.replace({ start: document.positionAt(edit.offset), end: document.positionAt(edit.offset + edit.length) }, edit.newText),
  );
  return {
    title,
    kind: CodeActionKind.QuickFix,
    ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
    ...(isPreferred ? { isPreferred } : {}),
    edit: { changes: { [document.uri]: textEdits } },
  };
}
