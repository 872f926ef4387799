import { isPair, isScalar } from 'yaml';
import type { Scalar, YamlNode } from '../../parse/types.js';
import type { AppSpecRule } from '../types.js';
import { findPlaceholder, UPPER_TOKEN_KEYS } from './tokens.js';

const TOKEN_HINT = /[<{$&_]/;

/** `appspec/placeholder`: a value that is, or contains, a substitution token. */
export const placeholder: AppSpecRule = {
  meta: {
    id: 'appspec/placeholder',
    defaultSeverity: 'info',
    platforms: 'all',
    category: 'appspec',
    description:
      'A value is, or contains, a substitution token such as <TASK_DEFINITION>, {{NAME}}, $' +
      '{NAME}, &&NAME&& or __NAME__.',
    rationale:
      'Such files are templates: fine when the pipeline substitutes the token (CodePipeline replaces <TASK_DEFINITION>), rejected or wrong when deployed as is.',
    badExample: 'TaskDefinition: <TASK_DEFINITION>',
    goodExample: 'TaskDefinition: arn:aws:ecs:us-east-1:111122223333:task-definition/web:3',
  },
  check(ctx) {
    if (ctx.notAppSpecKind) return;
    const { scalars, scalarParents } = ctx.nodes;
    for (let i = 0; i < scalars.length; i++) {
      const s = scalars[i] as YamlNode;
      const parent = scalarParents[i];
      if (isPair(parent) && parent.key === s) continue; // keys are not values
      // Every token, and every upper-case token word, has one of these characters: most
      // values are dismissed on their raw text, before they are resolved.
      const raw = String((s as Scalar).value ?? '');
      if (raw.length < 3 || !TOKEN_HINT.test(raw)) continue;
      const v = ctx.scalar(s);
      if (v?.kind !== 'string') continue;
      const key = isPair(parent) && isScalar(parent.key) ? String(parent.key.value).toLowerCase() : '';
      const found = findPlaceholder(v.raw, UPPER_TOKEN_KEYS.has(key));
      if (!found) continue;
      report(ctx, s, v.raw, found.whole);
    }
    // Unquoted {{NAME}} is a flow mapping in YAML.
    for (const m of ctx.nodes.maps) {
      if (!m.flow) continue;
      const r = ctx.range(m);
      const src = ctx.text.slice(r.start.offset, r.end.offset);
      if (src.startsWith('{{') && src.endsWith('}}') && !src.slice(2, -2).includes('{')) report(ctx, m, src, true);
    }
  },
};

function report(ctx: Parameters<AppSpecRule['check']>[0], node: YamlNode, text: string, whole: boolean): void {
  ctx.report({
    node,
    message: whole
      ? `'${text}' is a substitution token; the deployment fails unless the pipeline replaces it.`
      : `'${text}' contains a substitution token; make sure the pipeline replaces it.`,
    data: { token: text, whole },
  });
  if (whole) ctx.suppress(node);
}
