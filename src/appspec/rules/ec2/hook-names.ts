import { editDistance, suggestNames } from '../../../diagnostics/suggest.js';
import type { MapEntry } from '../../parse/types.js';
import { ALIASES, ECS_ONLY_EVENTS, RESERVED_EVENTS, SCRIPTABLE_EVENTS, TOP_KEYS } from './util.js';

/** How an event name under `hooks` is classified (one rule each). */
export type EventNameKind = 'scriptable' | 'case' | 'reserved' | 'other-platform' | 'unknown';

const SHORTEST_EVENT = Math.min(...SCRIPTABLE_EVENTS.map((e) => e.length));

/** Classifies an event key: exact scriptable name, case variant, reserved, ECS-only or unknown. */
export function classifyEvent(name: string | null): EventNameKind {
  if (name === null) return 'unknown';
  if (SCRIPTABLE_EVENTS.includes(name)) return 'scriptable';
  const lower = name.toLowerCase();
  if (SCRIPTABLE_EVENTS.some((e) => e.toLowerCase() === lower)) return 'case';
  if (RESERVED_EVENTS.some((e) => e.toLowerCase() === lower)) return 'reserved';
  if (ECS_ONLY_EVENTS.some((e) => e.toLowerCase() === lower)) return 'other-platform';
  return 'unknown';
}

/** Did-you-mean candidates among the nine scriptable events, with the fixed aliases of §4.10. */
export function suggestEvent(name: string): string[] {
  const reserved = RESERVED_EVENTS.find((e) => e.toLowerCase() === name.toLowerCase());
  const key = reserved ?? name;
  const aliases: Record<string, readonly string[]> = Object.create(null);
  for (const k of ['Install', 'AllowTraffic', 'BlockTraffic']) aliases[k] = ALIASES[k] as readonly string[];
  return suggestNames(key, SCRIPTABLE_EVENTS, { aliases });
}

/** The event's name for messages. */
export function eventName(entry: MapEntry): string {
  return entry.key ?? entry.keyText;
}

/**
 * The scriptable event a top-level key stands for (`ec2/hook-at-top-level`): the key itself, a
 * case variant, or within edit distance 2, also after stripping stray punctuation and spaces
 * around it (`\   AfterInstall`). Null when none.
 */
export function topLevelEventMatch(key: string): string | null {
  // A match is the same length (exact or case variant: the names are ASCII) or within two edits.
  if (key.length < SHORTEST_EVENT - 2) return null;
  // The defined top-level keys (in every AppSpec) are looked up once per process.
  if (TOP_KEYS.includes(key)) {
    let known = TOP_KEY_MATCHES.get(key);
    if (known === undefined) {
      known = matchEvent(key);
      TOP_KEY_MATCHES.set(key, known);
    }
    return known;
  }
  return matchEvent(key);
}

/** {@link topLevelEventMatch} of the defined top-level keys (a fixed, bounded set). */
const TOP_KEY_MATCHES = new Map<string, string | null>();

function matchEvent(key: string): string | null {
  const stripped = key.replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, '');
  let best: string | null = null;
  let bestScore = 3;
  for (const candidate of stripped !== key && stripped !== '' ? [key, stripped] : [key]) {
    const lower = candidate.toLowerCase();
    for (const e of SCRIPTABLE_EVENTS) {
      // exact name first, then a case variant, then the smallest edit distance (at most 2)
      const score = e === candidate ? -2 : e.toLowerCase() === lower ? -1 : editDistance(candidate, e, 2);
      if (score < bestScore) {
        bestScore = score;
        best = e;
      }
    }
  }
  return best;
}
