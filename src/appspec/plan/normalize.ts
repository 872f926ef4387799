/**
 * Checks an AppSpec *object* handed to the planner by a JavaScript caller against the shapes of
 * `model.ts`, once, at the planner's entry: the rest of the planner then works on a fresh,
 * well-formed copy. Malformed parts are reported by path and left out (or replaced by the value
 * stated in the problem), never silently.
 *
 * @module
 */
import { START_RANGE } from '../../diagnostics/line-index.js';
import type { Range } from '../../diagnostics/types.js';
import type { AppSpec, Ec2AppSpec, Ec2File, Ec2Permission, Ec2Script, EcsAppSpec, HookRef } from '../model.js';

/** The result of {@link normalizeAppSpecModel}. */
export interface NormalizedAppSpec {
  /** A well-formed copy of the model; absent when the value is not an AppSpec model at all. */
  readonly appSpec?: AppSpec;
  /** What was malformed, by path (for example `hooks.BeforeInstall[0] is not a script`). */
  readonly problems: readonly string[];
}

/** At most this many problems are listed; a last entry counts the rest. */
export const MAX_MODEL_PROBLEMS = 50;
const MAX_KEY = 60;
const FILE_EXISTS: readonly string[] = ['DISALLOW', 'OVERWRITE', 'RETAIN'];

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isPosition(p: unknown): p is Range['start'] {
  if (!isObject(p)) return false;
  const { line, column, offset } = p;
  return (
    Number.isSafeInteger(line) &&
    (line as number) >= 1 &&
    Number.isSafeInteger(column) &&
    (column as number) >= 1 &&
    Number.isSafeInteger(offset) &&
    (offset as number) >= 0
  );
}

/** A well-formed range (1-based, end not before start), copied; undefined otherwise. */
function rangeOf(v: unknown): Range | undefined {
  if (!isObject(v) || !isPosition(v.start) || !isPosition(v.end)) return undefined;
  const s = v.start;
  const e = v.end;
  if (s.offset > e.offset || s.line > e.line || (s.line === e.line && s.column > e.column)) return undefined;
  return Object.freeze({
    start: Object.freeze({ line: s.line, column: s.column, offset: s.offset }),
    end: Object.freeze({ line: e.line, column: e.column, offset: e.offset }),
  });
}

/** An object key as shown in a path: clipped, control characters replaced. */
function keyText(key: string): string {
  let out = '';
  for (const ch of key.length > MAX_KEY ? `${key.slice(0, MAX_KEY - 1)}…` : key) {
    const code = ch.codePointAt(0) as number;
    out += code < 32 || code === 127 ? ' ' : ch;
  }
  return out;
}

class Problems {
  readonly list: string[] = [];
  private more = 0;
  add(message: string): void {
    if (this.list.length < MAX_MODEL_PROBLEMS) this.list.push(message);
    else this.more++;
  }
  done(): readonly string[] {
    if (this.more > 0) this.list.push(`… and ${this.more} more problem${this.more === 1 ? '' : 's'}`);
    return Object.freeze(this.list);
  }
}

function range(v: Obj, path: string, p: Problems): Range {
  const r = rangeOf(v.range);
  if (r) return r;
  p.add(`${path}.range is not a range; 1:1 is used`);
  return START_RANGE;
}

function version(v: Obj, p: Problems): number | string | null {
  const x = v.version;
  if (x === undefined || x === null) return null;
  if (typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x))) return x;
  p.add('version is not a number, a string or null; null is used');
  return null;
}

function stringOrNull(v: Obj, key: string, path: string, p: Problems): string | null {
  const x = v[key];
  if (x === undefined || x === null) return null;
  if (typeof x === 'string') return x;
  p.add(`${path}.${key} is not a string or null; null is used`);
  return null;
}

function script(v: unknown, path: string, p: Problems): Ec2Script | undefined {
  if (!isObject(v) || typeof v.location !== 'string') {
    p.add(`${path} is not a script (an object with a string location); left out`);
    return undefined;
  }
  let timeoutSeconds = 3600;
  if (typeof v.timeoutSeconds === 'number' && Number.isFinite(v.timeoutSeconds) && v.timeoutSeconds >= 0) {
    timeoutSeconds = v.timeoutSeconds;
  } else if (v.timeoutSeconds !== undefined) {
    p.add(`${path}.timeoutSeconds is not a finite number of seconds; 3600 is used`);
  }
  let sudo = false;
  if (typeof v.sudo === 'boolean') sudo = v.sudo;
  else if (v.sudo !== undefined) p.add(`${path}.sudo is not a boolean; false is used`);
  return Object.freeze({
    location: v.location,
    timeoutSeconds,
    timeoutExplicit: v.timeoutExplicit === true,
    runas: stringOrNull(v, 'runas', path, p),
    sudo,
    range: range(v, path, p),
  });
}

function list(v: Obj, key: string, p: Problems, required = false): readonly unknown[] {
  const x = v[key];
  if (Array.isArray(x)) return x;
  if (x !== undefined || required) p.add(`${key} is not a list; an empty one is used`);
  return [];
}

function ec2(v: Obj, p: Problems): Ec2AppSpec {
  const hooks: Record<string, readonly Ec2Script[]> = Object.create(null);
  if (isObject(v.hooks)) {
    for (const event of Object.keys(v.hooks)) {
      const path = `hooks.${keyText(event)}`;
      const scripts = v.hooks[event];
      if (!Array.isArray(scripts)) {
        p.add(`${path} is not a list of scripts; left out`);
        continue;
      }
      const out: Ec2Script[] = [];
      scripts.forEach((s, i) => {
        const ok = script(s, `${path}[${i}]`, p);
        if (ok) out.push(ok);
      });
      hooks[event] = Object.freeze(out);
    }
  } else p.add('hooks is not a map of event names to script lists; no hooks are used');
  const hookRanges: Record<string, Range> = Object.create(null);
  if (isObject(v.hookRanges)) {
    for (const event of Object.keys(v.hookRanges)) {
      const r = rangeOf(v.hookRanges[event]);
      if (r) hookRanges[event] = r;
      else p.add(`hookRanges.${keyText(event)} is not a range; left out`);
    }
  } else if (v.hookRanges !== undefined) p.add('hookRanges is not a map of event names to ranges; none are used');
  const files: Ec2File[] = [];
  list(v, 'files', p).forEach((f, i) => {
    if (isObject(f) && typeof f.source === 'string' && typeof f.destination === 'string') {
      files.push(Object.freeze({ source: f.source, destination: f.destination, range: range(f, `files[${i}]`, p) }));
    } else p.add(`files[${i}] is not a file entry (string source and destination); left out`);
  });
  const permissions: Ec2Permission[] = [];
  list(v, 'permissions', p).forEach((e, i) => {
    if (isObject(e) && typeof e.object === 'string') {
      permissions.push(Object.freeze({ ...(e as unknown as Ec2Permission), range: range(e, `permissions[${i}]`, p) }));
    } else p.add(`permissions[${i}] is not a permissions entry (a string object); left out`);
  });
  let fileExistsBehavior: Ec2AppSpec['fileExistsBehavior'] = null;
  const feb = v.fileExistsBehavior;
  if (typeof feb === 'string' && FILE_EXISTS.includes(feb)) fileExistsBehavior = feb as 'DISALLOW';
  else if (feb !== undefined && feb !== null) {
    p.add("fileExistsBehavior is not 'DISALLOW', 'OVERWRITE', 'RETAIN' or null; null is used");
  }
  return Object.freeze({
    platform: 'server',
    version: version(v, p),
    os: stringOrNull(v, 'os', 'appSpec', p),
    hooks: Object.freeze(hooks),
    hookRanges: Object.freeze(hookRanges),
    files: Object.freeze(files),
    permissions: Object.freeze(permissions),
    fileExistsBehavior,
  });
}

function hookRefs(v: Obj, p: Problems): readonly HookRef[] {
  const out: HookRef[] = [];
  list(v, 'hooks', p, true).forEach((h, i) => {
    const path = `hooks[${i}]`;
    if (!isObject(h) || typeof h.event !== 'string') {
      p.add(`${path} is not a hook (an object with a string event); left out`);
      return;
    }
    out.push(
      Object.freeze({
        event: h.event,
        functionName: stringOrNull(h, 'functionName', path, p),
        range: range(h, path, p),
      }),
    );
  });
  return Object.freeze(out);
}

function resource<T>(v: Obj, p: Problems): T | null {
  const r = v.resource;
  if (r === undefined || r === null) return null;
  if (!isObject(r)) {
    p.add('resource is not an object or null; null is used');
    return null;
  }
  return Object.freeze({ ...r, range: range(r, 'resource', p) }) as T;
}

/**
 * Checks `value` against the AppSpec model shapes and returns a well-formed copy plus the
 * problems found. A value without a `platform` of `server`, `ecs` or `lambda` is not a model.
 */
export function normalizeAppSpecModel(value: unknown): NormalizedAppSpec {
  if (!isObject(value)) {
    return { problems: Object.freeze(['the value is not an object']) };
  }
  const p = new Problems();
  const platform = value.platform;
  if (platform === 'server') return { appSpec: ec2(value, p), problems: p.done() };
  if (platform === 'ecs' || platform === 'lambda') {
    const hooks = hookRefs(value, p);
    const appSpec = Object.freeze({
      platform,
      version: version(value, p),
      resource: resource<EcsAppSpec['resource']>(value, p),
      hooks,
    }) as AppSpec;
    return { appSpec, problems: p.done() };
  }
  return { problems: Object.freeze(["platform is not 'server', 'ecs' or 'lambda'"]) };
}
