import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';
import { classifySyntaxErrors, MAX_SYNTAX_FINDINGS } from './syntax-errors.js';

/** `yaml/tab-indent`: a TAB character in block indentation. */
export const tabIndent: AppSpecRule = {
  meta: {
    id: 'yaml/tab-indent',
    defaultSeverity: 'error',
    platforms: 'all',
    order: RULE_ORDER.load,
    category: 'yaml',
    description: 'A TAB character is used in indentation.',
    rationale:
      'YAML forbids TABs in indentation; the agent rejects the file. TABs inside quoted text or flow collections are fine.',
    badExample: 'hooks:\n\tAfterInstall:\n',
    goodExample: 'hooks:\n  AfterInstall:\n',
  },
  check(ctx) {
    const { tab } = classifySyntaxErrors(ctx.loaded.errors, ctx.text);
    for (const e of tab.slice(0, MAX_SYNTAX_FINDINGS)) {
      ctx.report({
        range: [e.start, Math.max(e.end, e.start)],
        message: 'A TAB character is used for indentation; YAML allows only spaces there.',
        help: 'Indent with spaces.',
      });
    }
  },
};
