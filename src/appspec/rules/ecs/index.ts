import type { AppSpecRule } from '../types.js';

/** Amazon ECS rules (`ecs/*`, spec/appspec.md §4.8), in run order (`*-shape` rules first). */
export const ecsRules: readonly AppSpecRule[] = [];
