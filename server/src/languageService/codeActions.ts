// Code actions for our diagnostics. Each fix is built from the diagnostic the client sends back
// (range, code, data) plus short scans of the text; only "remove all" needs the whole file's
// diagnostics, which the document model of this version already holds.
import { CodeActionKind, TextEdit, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { normalizeFolder } from '../../../common/dxPaths';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { RecordDiagnostic, TopLevelObject, TopLevelProperty } from '../engine/types';
import { parseStringToken, propertyValueSpan, valueEndAt } from './jsonScan';
import { makeNonce } from '../../../common/nonce';
import { insertPropertyEdit, removePropertiesEdits, type OffsetEdit } from './propertyEdits';

/** Offered whenever the record has no nonce, so a retried create can never make two records. */
export const ADD_NONCE_KIND = `${CodeActionKind.Source}.addNonce`;

export interface CodeActionInput {
  document: TextDocument;
  diagnostics: readonly Diagnostic[];
  only?: readonly string[];
  topLevel: () => TopLevelObject | undefined;
  /** Every engine diagnostic of this version, for "fix all" actions. */
  documentDiagnostics: () => readonly RecordDiagnostic[];
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

function fixesFor(input: CodeActionInput, diagnostic: Diagnostic): CodeAction[] {
  const { document } = input;
  const text = document.getText();
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  const data = (diagnostic.data ?? {}) as Record<string, unknown>;
  const replace = (newText: string): OffsetEdit[] => [{ offset: start, length: end - start, newText }];

  switch (diagnostic.code) {
    case 'link-value-not-string': {
      if (typeof data.id !== 'string' || text[start] !== '{') return [];
      return [fix(input, `Use the string link "${data.id}"`, replace(JSON.stringify(data.id)), diagnostic, true)];
    }
    case 'link-extra-keys': {
      const objectOffset = data.objectOffset;
      if (typeof objectOffset !== 'number' || text[objectOffset] !== '{') return [];
      const value = propertyValueSpan(text, end);
      if (!value) return [];
      const objectEnd = valueEndAt(text, objectOffset);
      const newText = `{"$dnanexus_link": ${text.slice(value.start, value.end)}}`;
      return [fix(input, 'Keep only the $dnanexus_link key', [{ offset: objectOffset, length: objectEnd - objectOffset, newText }], diagnostic, true)];
    }
    case 'unknown-field': {
      const suggestion = data.suggestion;
      if (typeof suggestion !== 'string' || findProperty(input, suggestion)) return [];
      return [fix(input, `Rename to "${suggestion}"`, replace(JSON.stringify(suggestion)), diagnostic, true)];
    }
    case 'folder-needs-parents': {
      const object = input.topLevel();
      if (!object) return [];
      const parents = findProperty(input, 'parents');
      if (parents && parents.valueOffset >= 0) {
        const edit = { offset: parents.valueOffset, length: parents.valueEnd - parents.valueOffset, newText: 'true' };
        return [fix(input, 'Set "parents" to true (create missing folders)', [edit], diagnostic, true)];
      }
      const folder = findProperty(input, 'folder');
      const edit = insertPropertyEdit(text, object, 'parents', 'true', folder);
      return [fix(input, 'Add "parents": true (create missing folders)', [edit], diagnostic, true)];
    }
    case 'folder-not-normalized': {
      const folder = parseStringToken(text.slice(start, end));
      if (folder === undefined) return [];
      const normalized = normalizeFolder(folder);
      return [fix(input, `Use the normalized folder "${normalized}"`, replace(JSON.stringify(normalized)), diagnostic, true)];
    }
    case 'nonce-invalid':
      return [fix(input, 'Replace with a fresh nonce', replace(JSON.stringify(makeNonce())), diagnostic, true)];
    case 'describe-field': {
      const object = input.topLevel();
      const property = object?.properties.find((candidate) => candidate.keyOffset === start);
      if (!object || !property) return [];
      const edits = removePropertiesEdits(object, new Set([property]));
      return [fix(input, `Remove "${property.key}" (describe output, not create input)`, edits, diagnostic, true)];
    }
    default:
      return [];
  }
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
