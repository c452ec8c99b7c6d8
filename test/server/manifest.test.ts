// The manifest decides that our server, and only our server, checks record files: `*.dxrecord.json`
// gets the `dxrecord` language id, which VS Code's built-in JSON validation does not handle, while
// highlighting comes from the built-in JSON grammar.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../protocol/messages';
import { normalizeSettings } from '../../server/src/lsp/settings';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const contributes = manifest.contributes;

test('*.dxrecord.json maps to the dxrecord language, not json', () => {
  const languages: { id: string; filenamePatterns?: string[]; extensions?: string[]; configuration?: string }[] = contributes.languages;
  const claiming = languages.filter((language) => language.filenamePatterns?.includes('*.dxrecord.json'));
  assert.deepEqual(claiming.map((language) => language.id), ['dxrecord']);
  assert.ok(!languages.some((language) => language.id === 'json' || language.id === 'jsonc'), 'we do not extend the json language');
  assert.ok(manifest.activationEvents.includes('onLanguage:dxrecord'));
  const configuration = JSON.parse(readFileSync(claiming[0].configuration!, 'utf8'));
  assert.deepEqual(configuration.brackets, [['{', '}'], ['[', ']']]);
});

test('no JSON schema association hands record files to the built-in JSON validator', () => {
  const associations: { fileMatch: string | string[] }[] = contributes.jsonValidation ?? [];
  assert.ok(!associations.some((association) => [association.fileMatch].flat().some((match) => match.includes('dxrecord'))));
});

test('highlighting comes from the built-in JSON grammar', () => {
  const grammar = contributes.grammars.find((entry: { language: string }) => entry.language === 'dxrecord');
  const tmLanguage = JSON.parse(readFileSync(grammar.path, 'utf8'));
  assert.equal(tmLanguage.scopeName, grammar.scopeName);
  assert.deepEqual(tmLanguage.patterns, [{ include: 'source.json' }]);
});

test('the packaged extension contains the grammar and language configuration', () => {
  const ignore = readFileSync('.vscodeignore', 'utf8').split('\n');
  for (const path of ['syntaxes/dxrecord.tmLanguage.json', 'language-configuration.json', 'dist/server.js']) {
    assert.ok(ignore.includes(`!${path}`), path);
  }
});

test('validation settings in the manifest match the server defaults', () => {
  const properties = contributes.configuration.properties;
  const defaults = {
    validation: {
      enable: properties['dxrecord.validation.enable'].default,
      exclude: properties['dxrecord.validation.exclude'].default,
      debounceMs: properties['dxrecord.validation.debounceMs'].default,
    },
  };
  assert.deepEqual(defaults, DEFAULT_SETTINGS);
  assert.deepEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
});
