import type { AppSpecRule } from '../types.js';

/** `appspec/*` rules. */
export const appspecRules: readonly AppSpecRule[] = [];
