import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { classifySyntaxErrors, MAX_SYNTAX_FINDINGS } from './syntax-errors.js';

/** `yaml/syntax`: the text is not valid YAML (or JSON). */
export const syntax: AppSpecRule = {
  meta: {
    id: 'yaml/syntax',
    defaultSeverity: 'error',
    platforms: 'all',
    order: RULE_ORDER.load,
    category: 'yaml',
    description: 'The text is not valid YAML or JSON.',
    rationale: 'The agent (or service) rejects a file it cannot parse.',
    badExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n   timeout: 60\n',
    goodExample: 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 60\n',
  },
  check(ctx) {
    const { other } = classifySyntaxErrors(ctx.loaded.errors, ctx.text);
    for (const e of other.slice(0, MAX_SYNTAX_FINDINGS)) {
      ctx.report({
        range: [e.start, e.end],
        message: `YAML syntax error: ${e.message}`,
        help: 'Fix the syntax; quote values that start with & * @ % ! { [ | > or a backquote, or that contain ": " or " #".',
        data: { code: e.code },
      });
    }
  },
};
