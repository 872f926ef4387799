import { admitsAction } from './shared/policy.js';
import { defineRule, ID_LIKE, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** Actions that are known privilege-escalation paths (spec/iam.md §7). */
export const SENSITIVE_ACTIONS: readonly string[] = Object.freeze([
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:AttachRolePolicy',
  'iam:PutUserPolicy',
  'iam:PutGroupPolicy',
  'iam:PutRolePolicy',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
  'iam:UpdateAssumeRolePolicy',
  'iam:AddUserToGroup',
  'iam:DeleteUserPermissionsBoundary',
  'iam:DeleteRolePermissionsBoundary',
  'sts:AssumeRole',
  's3:PutBucketPolicy',
  'kms:PutKeyPolicy',
  'lambda:AddPermission',
]);

/** `sensitive-action-star-resource`: `Allow` of a privilege-escalation action on `"*"`. */
export const sensitiveActionStarResource: SemanticRule = defineRule(
  {
    id: 'sensitive-action-star-resource',
    defaultSeverity: 'warning',
    category: 'security',
    appliesTo: ID_LIKE,
    description:
      'An Allow statement admits a privilege-escalation action (iam:CreatePolicyVersion, iam:Attach*Policy, iam:Put*Policy, iam:CreateAccessKey, sts:AssumeRole, s3:PutBucketPolicy, kms:PutKeyPolicy, lambda:AddPermission, …) on Resource "*".',
    rationale: 'These are known privilege-escalation paths when not limited to specific resources.',
    badExample: '{"Effect":"Allow","Action":"iam:AttachUserPolicy","Resource":"*"}',
    goodExample: '{"Effect":"Allow","Action":"iam:AttachUserPolicy","Resource":"arn:aws:iam::111122223333:user/app-*"}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const st of policy.statements) {
      if (st.effect !== 'Allow') continue;
      const star = st.resource?.find((v) => v.value === '*');
      if (!star) continue;
      const actions = SENSITIVE_ACTIONS.filter((a) => admitsAction(st, a));
      if (actions.length === 0) continue;
      const shown = actions.slice(0, 4).join(', ') + (actions.length > 4 ? `, … (${actions.length} in all)` : '');
      out.push({
        at: star,
        message: `This statement allows privilege-escalation actions on every resource: ${shown}.`,
        help: 'Limit Resource to specific ARNs for these actions.',
        data: { actions },
      });
    }
    return out;
  },
);
