import { lambdaDoc } from '../examples-ecs-lambda.js';
import { isBlank, lambdaVersionText, propertyScopes, requiredEntry, shown, valueNode } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** Digits of a near miss (`v2`, `1.0`, `03`) worth suggesting, or null. */
function suggestion(text: string): string | null {
  if (text.length > 32) return null;
  const trimmed = text
    .trim()
    .replace(/^[vV]/, '')
    .replace(/\.0+$/, '')
    .replace(/^0+(?=\d)/, '');
  return /^[1-9]\d{0,15}$/.test(trimmed) ? trimmed : null;
}

/** `lambda/version-format`: `CurrentVersion`/`TargetVersion` not a positive integer. */
export const lambdaVersionFormat: AppSpecRule = {
  meta: {
    id: 'lambda/version-format',
    defaultSeverity: 'error',
    platforms: ['lambda'],
    order: RULE_ORDER.other,
    category: 'lambda',
    description: 'CurrentVersion or TargetVersion is not a positive integer ($LATEST, 0, 1.0, v2).',
    rationale:
      'Aliases shift between published versions, which are numbered 1, 2, …; $LATEST and other text are rejected.',
    badExample: lambdaDoc().replace('TargetVersion: "2"', 'TargetVersion: "$LATEST"'),
    goodExample: lambdaDoc(),
  },
  check(ctx) {
    for (const scope of propertyScopes(ctx)) {
      for (const key of ['CurrentVersion', 'TargetVersion']) {
        const found = requiredEntry(ctx, scope.map, key);
        if (found.status !== 'present') continue;
        if (found.value !== null && isBlank(found.value)) continue; // lambda/property-missing
        if (lambdaVersionText(found.value) !== null) continue;
        const written = found.value ? shown(found.value) : ctx.describe(found.entry.value);
        const fixed = found.value
          ? suggestion(found.value.kind === 'string' ? String(found.value.value) : found.value.source)
          : null;
        const latest = found.value?.kind === 'string' && String(found.value.value).trim().toUpperCase() === '$LATEST';
        ctx.report({
          node: valueNode(found.entry),
          message: latest
            ? `${key} is $LATEST; CodeDeploy shifts an alias between published versions, which are positive integers.`
            : `${key} must be a positive integer version, not ${written}.`,
          help: 'Publish a version and use its number, e.g. `"3"`.',
          ...(fixed ? { suggestions: [fixed] } : {}),
        });
      }
    }
  },
};
