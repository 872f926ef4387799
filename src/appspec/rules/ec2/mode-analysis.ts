import type { ScalarValue } from '../../parse/types.js';
import type { AgentVersion } from '../../types.js';
import { padMode } from './text-checks.js';

/** What the agent makes of a `mode` value. */
export interface ModeReading {
  /** The padded text the agent checks. */
  readonly text: string;
  /** For an unquoted number with a leading zero read as octal (1.x): the digits as written, else null. */
  readonly octalFrom: string | null;
}

/** An unquoted integer written with a leading zero (`0644`), which YAML 1.1 reads as octal. */
export function isLeadingZeroOctal(v: ScalarValue): boolean {
  return v.kind === 'int' && v.style === 'plain' && /^0[0-7_]+$/.test(v.source);
}

/** The mode text the targeted agent checks for a scalar `mode` value. */
export function readMode(v: ScalarValue, agent: AgentVersion): ModeReading {
  if (isLeadingZeroOctal(v)) {
    if (agent === '2.x') return { text: padMode(v.source.replaceAll('_', '')), octalFrom: null };
    return { text: padMode(v.text), octalFrom: v.source };
  }
  return { text: padMode(v.text), octalFrom: null };
}
