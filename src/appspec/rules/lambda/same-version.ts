import { lambdaDoc } from '../examples-ecs-lambda.js';
import { findKey, lambdaVersionText, propertyScopes, valueNode, valueSuppressed } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `lambda/same-version`: `CurrentVersion` equals `TargetVersion`. */
export const lambdaSameVersion: AppSpecRule = {
  meta: {
    id: 'lambda/same-version',
    defaultSeverity: 'warning',
    platforms: ['lambda'],
    order: RULE_ORDER.other,
    category: 'lambda',
    description: 'CurrentVersion equals TargetVersion.',
    rationale: 'The deployment would shift the alias to the version it already points to: nothing changes.',
    badExample: lambdaDoc().replace('TargetVersion: "2"', 'TargetVersion: "1"'),
    goodExample: lambdaDoc(),
  },
  check(ctx) {
    for (const scope of propertyScopes(ctx)) {
      if (!scope.map) continue;
      const current = findKey(ctx, scope.map, 'CurrentVersion');
      const target = findKey(ctx, scope.map, 'TargetVersion');
      if (!current || !target || valueSuppressed(ctx, current) || valueSuppressed(ctx, target)) continue;
      const from = lambdaVersionText(ctx.scalar(current.value));
      const to = lambdaVersionText(ctx.scalar(target.value));
      if (from === null || from !== to) continue;
      ctx.report({
        node: valueNode(target),
        message: `TargetVersion equals CurrentVersion (${to}); the deployment has nothing to shift.`,
        help: 'Set TargetVersion to the newly published version.',
        related: [{ range: ctx.range(valueNode(current)), message: 'CurrentVersion' }],
      });
    }
  },
};
