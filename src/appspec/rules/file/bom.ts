import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

/** `file/bom`: the text starts with a UTF-8 byte order mark. */
export const bom: AppSpecRule = {
  meta: {
    id: 'file/bom',
    defaultSeverity: 'error',
    platforms: 'all',
    order: RULE_ORDER.load,
    category: 'file',
    description: 'The file starts with a byte order mark (U+FEFF).',
    rationale:
      'The EC2 agent keeps only the first top-level entry of such a file and then rejects it with a misleading message.',
    badExample: '\uFEFFversion: 0.0\nos: linux\n',
    goodExample: 'version: 0.0\nos: linux\n',
  },
  check(ctx) {
    if (ctx.text.charCodeAt(0) !== 0xfeff) return;
    ctx.report({
      range: [0, 1],
      message: 'The file starts with a byte order mark (U+FEFF); the CodeDeploy agent misreads such files.',
      help: 'Save the file as UTF-8 without BOM.',
    });
  },
};
