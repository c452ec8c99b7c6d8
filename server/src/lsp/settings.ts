// Reads the `dxrecord` settings section defensively (users can type anything in settings.json)
// and decides whether a document is excluded from validation by its glob patterns.
import { DEFAULT_SETTINGS, type ServerSettings } from '../../../protocol/messages';

const MAX_DEBOUNCE_MS = 10_000;

export function normalizeSettings(raw: unknown): ServerSettings {
  const validation = isObject(raw) && isObject(raw.validation) ? raw.validation : {};
  const defaults = DEFAULT_SETTINGS.validation;
  const debounce = validation.debounceMs;
  return {
    validation: {
      enable: typeof validation.enable === 'boolean' ? validation.enable : defaults.enable,
      exclude: Array.isArray(validation.exclude)
        ? validation.exclude.filter((glob): glob is string => typeof glob === 'string' && glob.length > 0)
        : defaults.exclude,
      debounceMs:
        typeof debounce === 'number' && Number.isFinite(debounce)
          ? Math.min(Math.max(Math.round(debounce), 0), MAX_DEBOUNCE_MS)
          : defaults.debounceMs,
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * True when `filePath` matches one of `globs`. Like `files.exclude`, a pattern is matched against
 * the path relative to each workspace folder; patterns without a `/` also match the file name alone,
 * and absolute patterns match the absolute path.
 */
export function isExcluded(filePath: string, workspaceFolders: readonly string[], globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const path = toSlashes(filePath);
  const candidates = [path, path.slice(path.lastIndexOf('/') + 1)];
  for (const folder of workspaceFolders) {
    const root = toSlashes(folder).replace(/\/+$/, '') + '/';
    if (path.startsWith(root)) candidates.push(path.slice(root.length));
  }
  return globs.some((glob) => {
    const pattern = globToRegExp(toSlashes(glob));
    return candidates.some((candidate) => pattern.test(candidate));
  });
}

function toSlashes(path: string): string {
  return path.replace(/\\/g, '/');
}

/** Supports `**`, `*`, `?`, `{a,b}` and `[...]`, the subset VS Code's glob settings document. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let braceDepth = 0;
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      source += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '{') {
      braceDepth++;
      source += '(?:';
    } else if (char === '}' && braceDepth > 0) {
      braceDepth--;
      source += ')';
    } else if (char === ',' && braceDepth > 0) {
      source += '|';
    } else if (char === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) {
        source += '\\[';
      } else {
        source += '[' + glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else {
      source += char.replace(/[.+^$()|\\\]]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}
