import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { baseName, EC2_NAMES } from './names.js';

/** `file/name-case`: an EC2 AppSpec named like `Appspec.yml`. */
export const nameCase: AppSpecRule = {
  meta: {
    id: 'file/name-case',
    defaultSeverity: 'error',
    platforms: 'all',
    order: RULE_ORDER.load,
    category: 'file',
    description: 'The file name is appspec.yml or appspec.yaml in the wrong case (EC2/On-Premises).',
    rationale: 'Names are case-sensitive: the agent does not find Appspec.yml and the deployment fails.',
    badExample: 'Appspec.yml',
    goodExample: 'appspec.yml',
  },
  check(ctx) {
    if (ctx.fileName === undefined || ctx.platform !== 'server') return;
    const base = baseName(ctx.fileName);
    if (EC2_NAMES.includes(base)) return;
    const lower = base.toLowerCase();
    if (!EC2_NAMES.includes(lower)) return;
    ctx.report({
      range: [0, 0],
      message: `The CodeDeploy agent looks for '${lower}' (case-sensitive) and will not find '${base}'.`,
      suggestions: [lower],
      help: 'Rename the file to lower case.',
    });
  },
};
