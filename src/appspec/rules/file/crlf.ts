import type { AppSpecRule } from '../types.js';

/** `file/crlf`: the file uses CRLF line ends. */
export const crlf: AppSpecRule = {
  meta: {
    id: 'file/crlf',
    defaultSeverity: 'info',
    platforms: 'all',
    category: 'file',
    description: 'The file uses CRLF (Windows) line ends.',
    rationale:
      'The AppSpec itself parses fine, but editors that write CRLF AppSpecs also write CRLF shell scripts, which fail on Linux instances.',
    badExample: 'version: 0.0\r\nos: linux\r\n',
    goodExample: 'version: 0.0\nos: linux\n',
  },
  check(ctx) {
    const first = ctx.text.indexOf('\r\n');
    if (first < 0) return;
    let count = 0;
    for (let i = ctx.text.indexOf('\r\n'); i >= 0; i = ctx.text.indexOf('\r\n', i + 2)) count++;
    ctx.report({
      range: [first, first + 2],
      message: `The file uses CRLF line ends (${count} line${count === 1 ? '' : 's'}); scripts saved the same way fail on Linux.`,
      help: 'Keep LF line ends, at least for the scripts in the bundle.',
      data: { count },
    });
  },
};
