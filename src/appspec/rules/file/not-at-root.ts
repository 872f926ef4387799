import type { AppSpecRule } from '../types.js';

/** `file/not-at-root`: the EC2 AppSpec's file name has directory parts. */
export const notAtRoot: AppSpecRule = {
  meta: {
    id: 'file/not-at-root',
    defaultSeverity: 'info',
    platforms: 'all',
    category: 'file',
    description: 'The AppSpec is not at the root of its folder tree (EC2/On-Premises).',
    rationale: 'The agent reads the AppSpec only at the bundle root (after stripping a single top-level directory).',
    badExample: 'deploy/appspec.yml',
    goodExample: 'appspec.yml',
  },
  check(ctx) {
    if (ctx.fileName === undefined || ctx.platform !== 'server') return;
    const name = ctx.fileName.replace(/^(?:\.\/)+/, '');
    const slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    if (slash < 0) return;
    ctx.report({
      range: [0, 0],
      message: `'${ctx.fileName}' is in a subdirectory; the agent reads only the AppSpec at the bundle root.`,
      help: 'Make sure the bundle puts this file at its root.',
      data: { directory: name.slice(0, slash) },
    });
  },
};
