import type { JsonNode } from '../../../policy/json.js';
import type { PolicyFinding, PolicyRule } from '../../types.js';
import { ALL, checkRule } from './shared.js';
import { member, statementNodes } from './tree.js';

const MEANING: Readonly<Record<string, string>> = {
  Action: 'the statement matches no action',
  NotAction: 'it excludes nothing, so the statement covers every action',
  Resource: 'the statement matches no resource',
  NotResource: 'it excludes nothing, so the statement covers every resource',
};

function isEmpty(node: JsonNode): boolean {
  return (node.type === 'array' && node.items.length === 0) || (node.type === 'object' && node.entries.length === 0);
}

/** `empty-array`: `[]` or `{}` where the grammar expects values (N4). */
export const emptyArray: PolicyRule = checkRule(
  {
    id: 'empty-array',
    defaultSeverity: 'warning',
    category: 'correctness',
    appliesTo: ALL,
    description:
      'An empty array or object as Action, NotAction, Resource, NotResource, a principal value, Condition, an operator block or condition key values.',
    rationale: 'An empty list matches nothing — or, under a Not… element, everything — which is rarely what was meant.',
    badExample: '{"Effect": "Deny", "NotAction": [], "Resource": "*"}',
    goodExample: '{"Effect": "Deny", "NotAction": ["iam:ChangePassword"], "Resource": "*"}',
  },
  (ctx) => {
    const report = (node: JsonNode, message: string): void => {
      const f: PolicyFinding = { at: node, message };
      ctx.report(f);
    };
    if (!ctx.tree) {
      // A parsed Policy was given: check what the normalised form still shows.
      for (const st of ctx.policy.statements) {
        for (const [name, list] of [
          ['Action', st.action],
          ['NotAction', st.notAction],
          ['Resource', st.resource],
          ['NotResource', st.notResource],
        ] as const) {
          if (list && list.length === 0)
            ctx.report({ at: { pointer: `${st.pointer}/${name}` }, message: `${name} is empty: ${MEANING[name]}.` });
        }
        if (st.condition && st.condition.length === 0)
          ctx.report({ at: { pointer: `${st.pointer}/Condition` }, message: 'Condition is empty.' });
        for (const e of st.condition ?? []) {
          if (e.values.length === 0)
            ctx.report({ at: e, message: `Condition key "${e.key}" has no values: the entry never matches.` });
        }
      }
      return;
    }
    for (const { node } of statementNodes(ctx.tree)) {
      for (const name of ['Action', 'NotAction', 'Resource', 'NotResource']) {
        const v = member(node, name)?.value;
        if (v && isEmpty(v)) report(v, `${name} is empty: ${MEANING[name]}.`);
      }
      for (const name of ['Principal', 'NotPrincipal']) {
        const v = member(node, name)?.value;
        if (v?.type !== 'object') continue;
        if (v.entries.length === 0) report(v, `${name} is an empty object: it names no principal.`);
        for (const e of v.entries)
          if (isEmpty(e.value)) report(e.value, `${name} ${e.key} is empty: it names no principal.`);
      }
      const cond = member(node, 'Condition')?.value;
      if (cond?.type !== 'object') continue;
      if (cond.entries.length === 0) report(cond, 'Condition is an empty object: remove it.');
      for (const block of cond.entries) {
        if (block.value.type !== 'object') continue;
        if (block.value.entries.length === 0) report(block.value, `Condition operator "${block.key}" has no keys.`);
        for (const k of block.value.entries) {
          if (isEmpty(k.value)) report(k.value, `Condition key "${k.key}" has no values: the entry never matches.`);
        }
      }
    }
  },
);
