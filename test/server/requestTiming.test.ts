// When the server starts a check and which engine result a request sees: pure, no timing asserted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { validateRecord } from '../../server/src/engine';
import { createLanguageService } from '../../server/src/languageService/service';
import { EarlyStart } from '../../server/src/lsp/earlyStart';
import { ON_DEMAND_LIMIT, RequestModels } from '../../server/src/lsp/requestModels';
import { largeRecord } from './records';

test('a check starts early by half again the last one’s duration, at most half the debounce', () => {
  const timing = new EarlyStart();
  assert.equal(timing.delayAfterChange('a', 200), 200, 'no history: the full debounce');
  timing.took('a', 40);
  assert.equal(timing.delayAfterChange('a', 200), 140);
  timing.took('a', 90);
  assert.equal(timing.delayAfterChange('a', 200), 100);
  assert.equal(timing.delayAfterChange('b', 200), 200, 'per document');
  timing.forget('a');
  assert.equal(timing.delayAfterChange('a', 200), 200);
});

test('a result waits for the end of the debounce unless due now; an abort ends the wait', async () => {
  const timing = new EarlyStart();
  timing.delayAfterChange('a', 10_000);
  const controller = new AbortController();
  const waiting = timing.untilDue('a', controller.signal);
  controller.abort();
  assert.equal(await waiting, false);
  timing.dueNow('a');
  assert.equal(await timing.untilDue('a', new AbortController().signal), true);
});

test('a request on a large unchecked version gets the empty stand-in, never an engine run', () => {
  const service = createLanguageService();
  const models = new RequestModels(service);
  const large = TextDocument.create('file:///large.dxrecord.json', 'dxrecord', 1, largeRecord(ON_DEMAND_LIMIT).replace('{', '{"bogus": 1,'));
  const small = TextDocument.create('file:///small.dxrecord.json', 'dxrecord', 1, '{"bogus": 1}');
  models.prepare(large);
  models.prepare(small);
  assert.equal(service.model(large).topLevel, undefined);
  assert.deepEqual(service.diagnostics(large), []);
  assert.deepEqual(service.diagnostics(small), validateRecord(small.getText()).diagnostics, 'a small one is checked on demand');
  const checked = validateRecord(large.getText());
  models.adopt(large, checked);
  models.prepare(large);
  assert.equal(service.model(large).topLevel, checked.topLevel, 'the adopted result stays');
});
