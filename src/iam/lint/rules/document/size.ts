/**
 * Policy size quotas of spec/iam.md §1.7.
 *
 * @module
 */
import { toPlainValue } from '../../../policy/json.js';
import { serializePolicy } from '../../../policy/serialize.js';
import type { PolicyType } from '../../../policy/types.js';
import type { PolicyRuleContext } from '../../types.js';

/** How a limit counts characters. */
export type SizeCounting = 'non-whitespace' | 'all';

/** A size quota. */
export interface SizeQuota {
  readonly limit: number;
  readonly counting: SizeCounting;
}

/**
 * Default quotas per type (§1.7): managed policies (identity, boundary) 6,144 and trust
 * policies 2,048 characters without whitespace; SCPs and RCPs 5,120 and session policies 2,048
 * characters including whitespace. Resource and endpoint policies have no default.
 */
export const DEFAULT_SIZE_QUOTAS: Readonly<Partial<Record<PolicyType, SizeQuota>>> = Object.freeze({
  identity: { limit: 6144, counting: 'non-whitespace' },
  boundary: { limit: 6144, counting: 'non-whitespace' },
  trust: { limit: 2048, counting: 'non-whitespace' },
  scp: { limit: 5120, counting: 'all' },
  rcp: { limit: 5120, counting: 'all' },
  session: { limit: 2048, counting: 'all' },
});

/** Counting used for types without a default quota when the caller gives a limit. */
const CALLER_COUNTING: SizeCounting = 'all';

/** Number of characters of `text` under `counting` (whitespace = U+0009, U+000A, U+000D, U+0020). */
export function countPolicyCharacters(text: string, counting: SizeCounting): number {
  if (counting === 'all') return text.length;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) n++;
  }
  return n;
}

/** The size, limit and counting for the linted policy, or `undefined` when no limit applies. */
export function measurePolicy(
  ctx: PolicyRuleContext,
): { readonly size: number; readonly limit: number; readonly counting: SizeCounting } | undefined {
  const quota = DEFAULT_SIZE_QUOTAS[ctx.type];
  const limit = ctx.options.sizeLimit ?? quota?.limit;
  if (limit === undefined || !Number.isFinite(limit)) return undefined;
  const counting = quota?.counting ?? CALLER_COUNTING;
  const text: string | undefined =
    ctx.text ??
    (ctx.tree
      ? JSON.stringify(toPlainValue(ctx.tree))
      : (ctx.policy.text ?? JSON.stringify(serializePolicy(ctx.policy))));
  // JSON.stringify gives undefined for an input that is not JSON (undefined, a function): nothing to measure.
  if (typeof text !== 'string') return undefined;
  return { size: countPolicyCharacters(text, counting), limit, counting };
}

/** Describes what was counted. */
export function countingPhrase(counting: SizeCounting): string {
  return counting === 'all' ? 'characters' : 'characters excluding whitespace';
}
