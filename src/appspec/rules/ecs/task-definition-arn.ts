import { ecsDoc } from '../examples-ecs-lambda.js';
import { isBlank, propertyScopes, requiredEntry, shown, valueNode } from '../shared-ecs-lambda.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

const ARN_SHAPE = 'arn:<partition>:ecs:<region>:<account>:task-definition/<family>:<revision>';

function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** ECS family names: 1–255 letters, digits, hyphens and underscores. */
function isFamily(text: string): boolean {
  if (text.length === 0 || text.length > 255) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
    if (!ok) return false;
  }
  return true;
}

function isLowerWord(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45)) return false;
  }
  return true;
}

/**
 * Why `text` is not a full task definition ARN with a revision, or null when it is one.
 * Linear: one split on ':' and character scans.
 */
export function taskDefinitionArnProblem(text: string): string | null {
  const value = text.trim();
  if (value.startsWith('arn:')) {
    const parts = value.split(':');
    const [, partition = '', service = '', region = '', account = '', resource = '', revision] = parts;
    if (!resource.startsWith('task-definition/')) return 'is an ARN, but not of a task definition';
    const family = resource.slice('task-definition/'.length);
    if (parts.length === 6 || revision === undefined) return 'has no revision (`:<number>` at the end)';
    if (parts.length > 7) return 'has too many `:`-separated parts';
    if (revision.includes('*')) return 'uses a wildcard revision, which is not resolved';
    if (!isLowerWord(partition)) return 'has no partition (`aws`, `aws-cn`, …)';
    if (service !== 'ecs') return `names the service '${service}' instead of 'ecs'`;
    if (!isLowerWord(region)) return 'has no valid region';
    if (account.length !== 12 || !isDigits(account)) return 'has no 12-digit account id';
    if (!isFamily(family)) return 'has an invalid family name';
    if (!isDigits(revision) || Number(revision) < 1) return 'has an invalid revision (a positive number)';
    return null;
  }
  const lower = value.toLowerCase();
  if (lower.endsWith('.json') || lower.endsWith('.yaml') || lower.endsWith('.yml') || value.includes('/'))
    return 'looks like a file name, not a task definition ARN';
  const colon = value.lastIndexOf(':');
  if (colon > 0 && isFamily(value.slice(0, colon))) {
    const rev = value.slice(colon + 1);
    if (rev === '*') return 'is a family with a wildcard revision, not an ARN';
    if (isDigits(rev)) return 'is `family:revision`, not the full ARN';
  }
  return isFamily(value) ? 'is a bare family name, not the full ARN with a revision' : 'is not a task definition ARN';
}

/** `ecs/task-definition-arn`: `TaskDefinition` is not a full task definition ARN with revision. */
export const ecsTaskDefinitionArn: AppSpecRule = {
  meta: {
    id: 'ecs/task-definition-arn',
    defaultSeverity: 'warning',
    platforms: ['ecs'],
    order: RULE_ORDER.other,
    category: 'ecs',
    description:
      'TaskDefinition is not a full task definition ARN with a revision (a file name, a family, a wildcard, a bare name).',
    rationale:
      'The guide requires the task definition ARN; file names and partial or wildcard ARNs are not resolved unless a CI step writes the real ARN in.',
    badExample: ecsDoc().replace(/TaskDefinition: .*/, 'TaskDefinition: "task-definition.json"'),
    goodExample: ecsDoc(),
  },
  check(ctx) {
    for (const scope of propertyScopes(ctx)) {
      const found = requiredEntry(ctx, scope.map, 'TaskDefinition');
      if (found.status !== 'present' || found.value === null || isBlank(found.value)) continue;
      const text = found.value.kind === 'string' ? String(found.value.value) : found.value.text;
      const problem = taskDefinitionArnProblem(text);
      if (problem === null) continue;
      ctx.report({
        node: valueNode(found.entry),
        message: `TaskDefinition ${shown(found.value)} ${problem}.`,
        help: `Write the ARN of a registered revision: ${ARN_SHAPE} (CI tools that register the task definition usually write it in).`,
        data: { expected: ARN_SHAPE },
      });
    }
  },
};
