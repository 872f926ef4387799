import { isAlias } from 'yaml';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `yaml/alias`: an alias (`*x`) or merge key (`<<`). */
export const alias: AppSpecRule = {
  meta: {
    id: 'yaml/alias',
    defaultSeverity: 'error',
    platforms: 'all',
    order: RULE_ORDER.load,
    category: 'yaml',
    description:
      'The file uses a YAML alias (*name) or merge key (<<); error for EC2/On-Premises, warning for ECS and Lambda.',
    rationale: 'Agents on Ruby 3.1 or later (every Windows agent since 1.8.0) load AppSpecs safely and refuse aliases.',
    badExample: 'hooks:\n  BeforeInstall: &s\n    - location: a.sh\n  AfterInstall: *s\n',
    goodExample: 'hooks:\n  BeforeInstall:\n    - location: a.sh\n  AfterInstall:\n    - location: a.sh\n',
  },
  check(ctx) {
    const severity = ctx.platform === 'ecs' || ctx.platform === 'lambda' ? 'warning' : 'error';
    for (const a of ctx.nodes.aliases) {
      ctx.report({
        node: a,
        severity,
        message: `Alias '*${a.source}': the CodeDeploy agent on Ruby 3.1+ refuses aliases.`,
        help: 'Write the value out instead of referring to an anchor.',
      });
    }
    for (const pair of ctx.nodes.mergeKeys) {
      if (isAlias(pair.value)) continue; // already reported as an alias
      ctx.report({
        range: ctx.keyRange(pair),
        severity,
        message: "Merge key '<<': the CodeDeploy agent on Ruby 3.1+ refuses it.",
        help: 'Write the merged entries out.',
      });
    }
  },
};
