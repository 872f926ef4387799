import { isAccountId, parsePrincipalArn, splitArn, uniqueIdKind } from '../../../policy/arn.js';
import type { PrincipalKind } from '../../../policy/types.js';
import { hasWildcard } from './shared/glob.js';
import { isHostName, principalValues, WELL_KNOWN_PROVIDERS } from './shared/principal.js';
import { defineRule, RB, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** Why a principal value can never match, or `undefined` when it is well-formed. */
export function principalProblem(kind: PrincipalKind, value: string): string | undefined {
  switch (kind) {
    case 'AWS': {
      if (isAccountId(value)) return undefined;
      const arn = parsePrincipalArn(value);
      if (arn) return arn.kind === 'group' ? 'names an IAM group, which is never a principal' : undefined;
      const id = uniqueIdKind(value);
      if (id === 'user' || id === 'role') return undefined;
      if (id) return `is the unique ID of a ${id}, which is not a principal`;
      return 'is not an account ID, a user, role, assumed-role or federated-user ARN, or a user/role unique ID';
    }
    case 'Service':
      return isHostName(value) ? undefined : 'is not a service principal host name such as "ec2.amazonaws.com"';
    case 'Federated': {
      if (WELL_KNOWN_PROVIDERS.has(value.toLowerCase())) return undefined;
      const arn = splitArn(value);
      if (
        arn &&
        arn.prefix === 'arn' &&
        arn.service === 'iam' &&
        arn.region === '' &&
        isAccountId(arn.account) &&
        /^(saml-provider|oidc-provider)\/./.test(arn.resource)
      ) {
        return undefined;
      }
      return 'is not a SAML or OIDC provider ARN or a well-known identity provider';
    }
    default:
      return undefined;
  }
}

/** `principal-malformed`: a principal value that cannot match any principal. */
export const principalMalformed: SemanticRule = defineRule(
  {
    id: 'principal-malformed',
    defaultSeverity: 'error',
    category: 'correctness',
    appliesTo: RB,
    description:
      'An AWS principal is not an account ID, root/user/role/session ARN or unique ID (or is a group); a Service is not a host name; a Federated value is not a provider.',
    rationale: 'Such a principal never matches a request.',
    badExample:
      '{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:group/Admins"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}',
    goodExample:
      '{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/Admin"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const st of policy.statements) {
      for (const { kind, value } of principalValues(st)) {
        if (hasWildcard(value.value)) continue; // exactly "*" is fine; partial wildcards have their own rule
        const problem = principalProblem(kind, value.value);
        if (problem) {
          out.push({ at: value, message: `Principal ${kind} value '${value.value}' ${problem}.`, data: { kind } });
        }
      }
    }
    return out;
  },
);
