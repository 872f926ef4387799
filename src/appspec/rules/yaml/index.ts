import type { AppSpecRule } from '../types.js';

/** `yaml/*` rules. */
export const yamlRules: readonly AppSpecRule[] = [];
