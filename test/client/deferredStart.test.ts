// The stand-ins that let activate() return before the features bundle loads: a command invoked
// early waits for the features and then runs the real handler; a failed load fails it. The registry
// below behaves as VS Code's does: one handler per ID, and executing an unknown ID fails.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deferCommands, SERVER_RUNNING, serverRunningMessage, type CommandRegistry } from '../../client/src/deferredStart';

function registry() {
  const handlers = new Map<string, (...args: any[]) => unknown>();
  const commands: CommandRegistry = {
    registerCommand(id, handler) {
      if (handlers.has(id)) throw new Error(`command '${id}' already exists`);
      handlers.set(id, handler);
      return { dispose: () => handlers.get(id) === handler && handlers.delete(id) };
    },
    async executeCommand(id, ...args) {
      const handler = handlers.get(id);
      if (!handler) throw new Error(`command '${id}' not found`);
      return handler(...args);
    },
  };
  return { commands, handlers };
}

test('the features load on the next turn, not during activate(), and then own the commands', async () => {
  const { commands, handlers } = registry();
  let loads = 0;
  const real = (x: number) => x * 2;
  const { loaded } = deferCommands(commands, ['dxrecord.a', 'dxrecord.b'], () => {
    loads += 1;
    commands.registerCommand('dxrecord.a', real);
    commands.registerCommand('dxrecord.b', real);
    return 'features';
  });
  assert.equal(loads, 0);
  assert.deepEqual([...handlers.keys()], ['dxrecord.a', 'dxrecord.b']);
  assert.equal(await loaded, 'features');
  assert.equal(loads, 1);
  assert.equal(handlers.get('dxrecord.a'), real);
  assert.equal(await commands.executeCommand('dxrecord.b', 21), 42);
});

test('a command invoked before the features load waits for them and runs the real handler with its arguments', async () => {
  const { commands } = registry();
  const calls: unknown[][] = [];
  const { loaded } = deferCommands(commands, ['dxrecord.createRecord'], () => {
    commands.registerCommand('dxrecord.createRecord', (...args: unknown[]) => {
      calls.push(args);
      return 'created';
    });
  });
  const uri = { path: '/w/a.dxrecord.json' };
  const early = commands.executeCommand('dxrecord.createRecord', uri, 'second');
  assert.deepEqual(calls, [], 'the real handler does not exist yet');
  assert.equal(await early, 'created');
  assert.equal(calls.length, 1);
  assert.equal(calls[0][0], uri, 'the same argument object, not a copy');
  assert.equal(calls[0][1], 'second');
  await loaded;
});

test('when the features fail to load, a waiting command fails with that error', async () => {
  const { commands } = registry();
  const { loaded } = deferCommands(commands, ['dxrecord.signIn'], () => {
    throw new Error('bundle missing');
  });
  await assert.rejects(Promise.resolve(commands.executeCommand('dxrecord.signIn')), /bundle missing/);
  await assert.rejects(loaded, /bundle missing/);
});

test('the activation bench reads back the time the features log once the language server runs', () => {
  assert.equal(SERVER_RUNNING.exec(`2026-12-01 21:40:00.000 [info] ${serverRunningMessage(478)}`)?.[1], '478');
});
