import { isEmptyRoot } from '../../parse/infer.js';
import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `appspec/empty`: no document, or a null/false document. */
export const empty: AppSpecRule = {
  meta: {
    id: 'appspec/empty',
    defaultSeverity: 'error',
    platforms: 'all',
    order: RULE_ORDER.empty,
    category: 'appspec',
    description: 'The file holds no AppSpec: it is blank, only comments, or a null value.',
    rationale: 'The agent rejects an empty AppSpec.',
    badExample: '# nothing\n',
    goodExample: 'version: 0.0\nos: linux\n',
  },
  check(ctx) {
    if (ctx.loaded.errors.length > 0 || !isEmptyRoot(ctx)) return;
    ctx.report({
      range: ctx.documentStartRange(),
      message: 'The AppSpec is empty.',
      help:
        ctx.platform === 'ecs' || ctx.platform === 'lambda'
          ? 'Add version: 0.0 and Resources.'
          : 'Add version: 0.0 and os (EC2/On-Premises), or version: 0.0 and Resources (ECS, Lambda).',
    });
  },
};
