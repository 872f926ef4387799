import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { rootMap, valueTarget, validOs } from './util.js';

/** `ec2/os-instance-mismatch`: `instanceOs` is given and differs from a valid `os`. */
export const osInstanceMismatch: AppSpecRule = {
  meta: {
    id: 'ec2/os-instance-mismatch',
    defaultSeverity: 'error',
    platforms: ['server'],
    order: RULE_ORDER.os,
    category: 'structure',
    description: 'The AppSpec `os` differs from the OS of the target instances (option `instanceOs`).',
    rationale: 'The Linux agent accepts only `os: linux` and the Windows agent only `os: windows`.',
    badExample: 'version: 0.0\nos: windows\n# deployed to Linux instances\n',
    goodExample: 'version: 0.0\nos: linux\n',
  },
  check(ctx) {
    const instanceOs = ctx.instanceOs;
    const os = validOs(ctx);
    const root = rootMap(ctx);
    if (!instanceOs || !os || !root || os === instanceOs) return;
    const entry = ctx.get(root, 'os');
    if (!entry || ctx.isSuppressed(entry.value)) return;
    ctx.report({
      node: valueTarget(entry),
      message: `The AppSpec says \`os: ${os}\` but the instances run ${instanceOs}; the ${instanceOs === 'linux' ? 'Linux' : 'Windows'} agent accepts only \`os: ${instanceOs}\` and rejects the deployment.`,
      help: 'Build one revision per operating system.',
      suggestions: [instanceOs],
      data: { os, instanceOs },
    });
  },
};
