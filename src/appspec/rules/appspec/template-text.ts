import { isPair } from 'yaml';
import type { Pair } from '../../parse/types.js';
import type { AppSpecRule } from '../types.js';
import { isTemplateText, mayBeTemplateText } from './tokens.js';

/** `appspec/template-text`: a value copied from a documentation template and never filled in. */
export const templateText: AppSpecRule = {
  meta: {
    id: 'appspec/template-text',
    defaultSeverity: 'warning',
    platforms: 'all',
    category: 'appspec',
    description:
      'A value was copied from a documentation template and never filled in: [Your …], ENABLED-or-DISABLED, aws-account-id, name-of-…, or the hook key LifeCycleEvent.',
    rationale: 'The deployment is rejected or does the wrong thing.',
    badExample: 'AssignPublicIp: ENABLED-or-DISABLED',
    goodExample: 'AssignPublicIp: DISABLED',
  },
  check(ctx) {
    if (ctx.notAppSpecKind) return;
    const { scalars, scalarParents } = ctx.nodes;
    for (let i = 0; i < scalars.length; i++) {
      const s = scalars[i] as (typeof scalars)[number];
      const parent = scalarParents[i];
      const isKey = isPair(parent) && parent.key === s;
      // Dismiss most scalars on their raw text, before they are resolved.
      const raw = String(s.value ?? '');
      if (isKey ? raw !== 'LifeCycleEvent' : !mayBeTemplateText(raw)) continue;
      const v = ctx.scalar(s);
      if (v?.kind !== 'string') continue;
      if (isKey) {
        if (v.raw === 'LifeCycleEvent') {
          ctx.report({
            range: ctx.keyRange(parent as Pair),
            message: "'LifeCycleEvent' is the documentation template's stand-in for a hook name.",
            help: 'Use a real lifecycle event name, such as BeforeAllowTraffic.',
          });
        }
        continue;
      }
      if (!isTemplateText(v.raw)) continue;
      ctx.report({ node: s, message: `'${v.raw}' is documentation template text; fill in the real value.` });
      ctx.suppress(s);
    }
    // Unquoted [Your task definition arn] is a one-item flow list.
    for (const seq of ctx.nodes.seqs) {
      if (!seq.flow || seq.items.length !== 1) continue;
      const v = ctx.scalar(seq.items[0] as never);
      if (v?.kind !== 'string' || !/^Your\b/i.test(v.raw)) continue;
      ctx.report({ node: seq, message: `'[${v.raw}]' is documentation template text; fill in the real value.` });
      ctx.suppress(seq);
    }
  },
};
