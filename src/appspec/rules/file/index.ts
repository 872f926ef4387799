import type { AppSpecRule } from '../types.js';
import { bom } from './bom.js';

/** `file/*` rules (spec/appspec.md §4.1). */
export const fileRules: readonly AppSpecRule[] = [bom];
