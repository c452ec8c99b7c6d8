// Document helpers shared by the tests, the bench and the fuzzer: file URIs, applying LSP edits as
// the editor would, and expanding a snippet with its default choices.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';

export function fileUri(name: string, folder = '/tmp/dxrecord-tests'): string {
  return pathToFileURL(resolve(folder, name)).href;
}

/** Applies LSP text edits the way the editor would. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///edit', 'dxrecord', 0, text), edits);
}

/** The text a snippet inserts when the user accepts every placeholder's default (first choice). */
export function expandSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\\$/g, '$');
}
