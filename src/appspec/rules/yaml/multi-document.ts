import type { AppSpecRule } from '../types.js';

/** `yaml/multi-document`: more than one YAML document. */
export const multiDocument: AppSpecRule = {
  meta: {
    id: 'yaml/multi-document',
    defaultSeverity: 'warning',
    platforms: 'all',
    category: 'yaml',
    description: 'The file holds more than one YAML document.',
    rationale: 'Only the first document is used; the others are ignored silently.',
    badExample: 'version: 0.0\nos: linux\n---\nversion: 0.0\nos: windows\n',
    goodExample: 'version: 0.0\nos: linux\n',
  },
  check(ctx) {
    const at = ctx.loaded.secondDocumentOffset;
    if (ctx.loaded.documentCount < 2 || at === null) return;
    const marker = ctx.text.startsWith('---', at) ? 3 : 0;
    ctx.report({
      range: [at, at + marker],
      message: `The file holds ${ctx.loaded.documentCount} YAML documents; only the first is used and the rest are ignored.`,
      help: 'Remove the extra documents.',
      data: { documents: ctx.loaded.documentCount },
    });
  },
};
