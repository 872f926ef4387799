import type { AppSpecRule } from '../types.js';

/** EC2/On-Premises rules (`ec2/*`, spec/appspec.md §4.4–4.7), in run order (`*-shape` rules first). */
export const ec2Rules: readonly AppSpecRule[] = [];
