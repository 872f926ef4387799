import type { AppSpecRule } from '../types.js';

/** AWS Lambda rules (`lambda/*`, spec/appspec.md §4.8), in run order (`*-shape` rules first). */
export const lambdaRules: readonly AppSpecRule[] = [];
