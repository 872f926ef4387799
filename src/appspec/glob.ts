/**
 * Matching of `permissions` `pattern` / `except` items against the names of deployed paths,
 * as the CodeDeploy agent does it (spec/appspec.md §5).
 *
 * No regular expression is ever built from pattern text: agent 1.x needs only `*`, matched with a
 * linear-time piece search; agent 2.x globs run as a bounded NFA simulation.
 *
 * @module
 */

/** Options of {@link matchPermissionGlob}. */
export interface PermissionGlobOptions {
  /** Agent generation whose matching is predicted. Default `'1.x'`. */
  readonly agent?: '1.x' | '2.x';
  /** Whether the text is the entry's `pattern` or one of its `except` items. Default `'pattern'`. */
  readonly role?: 'pattern' | 'except';
}

/**
 * True when `relativeName` (a path below the permission's `object`, without the leading
 * `object/`) is matched by `pattern` in the given role.
 *
 * Agent 1.x: `**` as the pattern matches at any depth; every other pattern, and every `except`
 * item, is compared only with direct children (names without `/`), where only `*` is special
 * (any run of characters, including none and a leading dot) and everything else is literal.
 * The object itself (empty name) is never matched.
 *
 * Agent 2.x: a text without `*` compares exactly; with `*`, also `?`, `[...]` and `{a,b}` are
 * special, `*` crosses `/`, and an invalid glob compares exactly.
 */
export function matchPermissionGlob(
  pattern: string,
  relativeName: string,
  options: PermissionGlobOptions = {},
): boolean {
  if (typeof pattern !== 'string' || typeof relativeName !== 'string' || relativeName === '') return false;
  const role = options?.role ?? 'pattern';
  if (options?.agent === '2.x') return matchAgent2(pattern, relativeName);
  if (role === 'pattern' && pattern === '**') return true;
  if (relativeName.includes('/')) return false;
  return matchStars(pattern, relativeName);
}

/**
 * Whole-text match where only `*` is special (any run, including none). Greedy leftmost
 * placement of the pieces between stars is optimal, and with a KMP search each text character
 * is scanned a bounded number of times: O(pattern + text).
 */
export function matchStars(pattern: string, text: string): boolean {
  const pieces = pattern.split('*');
  if (pieces.length === 1) return pattern === text;
  const first = pieces[0] as string;
  const last = pieces[pieces.length - 1] as string;
  if (first.length + last.length > text.length) return false;
  if (!text.startsWith(first) || !text.endsWith(last)) return false;
  let pos = first.length;
  const end = text.length - last.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i] as string;
    if (piece === '') continue;
    const at = kmpIndexOf(text, piece, pos, end);
    if (at < 0) return false;
    pos = at + piece.length;
  }
  return true;
}

/** First index ≥ `from` where `needle` occurs entirely before `end`, or -1; Knuth-Morris-Pratt. */
function kmpIndexOf(text: string, needle: string, from: number, end: number): number {
  const m = needle.length;
  const fail = new Int32Array(m);
  for (let i = 1, k = 0; i < m; i++) {
    while (k > 0 && needle.charCodeAt(i) !== needle.charCodeAt(k)) k = fail[k - 1] as number;
    if (needle.charCodeAt(i) === needle.charCodeAt(k)) k++;
    fail[i] = k;
  }
  for (let i = from, k = 0; i < end; i++) {
    while (k > 0 && text.charCodeAt(i) !== needle.charCodeAt(k)) k = fail[k - 1] as number;
    if (text.charCodeAt(i) === needle.charCodeAt(k)) k++;
    if (k === m) return i - m + 1;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Agent 2.x: glob with `*`, `?`, `[...]`, `{a,b}` (no nesting); an invalid glob compares exactly.

/** One NFA instruction. `next`/`alt` are instruction indices. */
type Instr =
  | { readonly op: 'char'; readonly cp: number; readonly next: number }
  | { readonly op: 'any'; readonly next: number }
  | { readonly op: 'class'; readonly ranges: readonly number[]; readonly negated: boolean; readonly next: number }
  | { readonly op: 'star'; readonly next: number }
  | { readonly op: 'split'; readonly targets: readonly number[] }
  | { readonly op: 'match' };

/** A parsed glob element. */
type Elem =
  | { readonly kind: 'char'; readonly cp: number }
  | { readonly kind: 'any' }
  | { readonly kind: 'star' }
  | { readonly kind: 'class'; readonly ranges: readonly number[]; readonly negated: boolean }
  | { readonly kind: 'alt'; readonly branches: readonly (readonly Elem[])[] };

function matchAgent2(pattern: string, name: string): boolean {
  if (!pattern.includes('*')) return pattern === name;
  const elems = parseGlob2(Array.from(pattern, (c) => c.codePointAt(0) as number));
  if (!elems) return pattern === name;
  return runNfa(compile(elems), name);
}

/** Parses a 2.x glob into elements, or null when it is invalid (unclosed or nested groups). */
function parseGlob2(cps: readonly number[]): Elem[] | null {
  const top: Elem[] = [];
  let branches: Elem[][] | null = null;
  let cur: Elem[] = top;
  let i = 0;
  while (i < cps.length) {
    const c = cps[i] as number;
    if (c === 0x2a /* * */) {
      cur.push({ kind: 'star' });
      i++;
    } else if (c === 0x3f /* ? */) {
      cur.push({ kind: 'any' });
      i++;
    } else if (c === 0x5b /* [ */) {
      const parsed = parseClass(cps, i + 1);
      if (!parsed) return null;
      cur.push(parsed.elem);
      i = parsed.end;
    } else if (c === 0x7b /* { */) {
      if (branches) return null;
      branches = [[]];
      cur = branches[0] as Elem[];
      i++;
    } else if (c === 0x2c /* , */ && branches) {
      cur = [];
      branches.push(cur);
      i++;
    } else if (c === 0x7d /* } */ && branches) {
      top.push({ kind: 'alt', branches });
      branches = null;
      cur = top;
      i++;
    } else if (c === 0x5c /* \ */) {
      if (i + 1 >= cps.length) return null;
      cur.push({ kind: 'char', cp: cps[i + 1] as number });
      i += 2;
    } else {
      cur.push({ kind: 'char', cp: c });
      i++;
    }
  }
  return branches ? null : top;
}

/** Parses a class body starting after `[`; `!` or `^` negates, `a-z` ranges, a leading `]` is literal. */
function parseClass(cps: readonly number[], start: number): { elem: Elem; end: number } | null {
  let i = start;
  let negated = false;
  if (cps[i] === 0x21 || cps[i] === 0x5e) {
    negated = true;
    i++;
  }
  const ranges: number[] = [];
  let first = true;
  while (i < cps.length) {
    const c = cps[i] as number;
    if (c === 0x5d && !first) return { elem: { kind: 'class', ranges, negated }, end: i + 1 };
    first = false;
    if (cps[i + 1] === 0x2d && i + 2 < cps.length && cps[i + 2] !== 0x5d) {
      const hi = cps[i + 2] as number;
      if (hi < c) return null;
      ranges.push(c, hi);
      i += 3;
    } else {
      ranges.push(c, c);
      i++;
    }
  }
  return null;
}

/** Compiles elements into NFA instructions; index 0 is the start. */
function compile(elems: readonly Elem[]): Instr[] {
  const prog: (Instr | null)[] = [];
  const emitSeq = (seq: readonly Elem[], next: number): number => {
    let target = next;
    for (let k = seq.length - 1; k >= 0; k--) target = emitElem(seq[k] as Elem, target);
    return target;
  };
  const push = (ins: Instr): number => {
    prog.push(ins);
    return prog.length - 1;
  };
  const emitElem = (e: Elem, next: number): number => {
    switch (e.kind) {
      case 'char':
        return push({ op: 'char', cp: e.cp, next });
      case 'any':
        return push({ op: 'any', next });
      case 'star':
        return push({ op: 'star', next });
      case 'class':
        return push({ op: 'class', ranges: e.ranges, negated: e.negated, next });
      case 'alt':
        return push({ op: 'split', targets: e.branches.map((b) => emitSeq(b, next)) });
    }
  };
  const matchIdx = push({ op: 'match' });
  const start = emitSeq(elems, matchIdx);
  // Index 0 must be the start: put a split in front.
  const out = prog as Instr[];
  out.push({ op: 'split', targets: [start] });
  return out;
}

/** Thompson simulation: O(name × program) time, O(program) memory. */
function runNfa(prog: readonly Instr[], name: string): boolean {
  const startIdx = prog.length - 1;
  let current = new Set<number>();
  const addState = (set: Set<number>, idx: number): void => {
    const stack = [idx];
    while (stack.length > 0) {
      const s = stack.pop() as number;
      if (set.has(s)) continue;
      set.add(s);
      const ins = prog[s] as Instr;
      if (ins.op === 'split') for (const t of ins.targets) stack.push(t);
      else if (ins.op === 'star') stack.push(ins.next);
    }
  };
  addState(current, startIdx);
  for (const ch of name) {
    const cp = ch.codePointAt(0) as number;
    const nextSet = new Set<number>();
    for (const s of current) {
      const ins = prog[s] as Instr;
      switch (ins.op) {
        case 'char':
          if (ins.cp === cp) addState(nextSet, ins.next);
          break;
        case 'any':
          addState(nextSet, ins.next);
          break;
        case 'star':
          addState(nextSet, s);
          break;
        case 'class':
          if (inRanges(ins.ranges, cp) !== ins.negated) addState(nextSet, ins.next);
          break;
        default:
          break;
      }
    }
    if (nextSet.size === 0) return false;
    current = nextSet;
  }
  for (const s of current) if ((prog[s] as Instr).op === 'match') return true;
  return false;
}

function inRanges(ranges: readonly number[], cp: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) {
    if (cp >= (ranges[i] as number) && cp <= (ranges[i + 1] as number)) return true;
  }
  return false;
}
