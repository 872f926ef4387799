import type { AppSpecRule } from '../types.js';

/**
 * Default of `LintOptions.maxRuleInputBytes`: 2 MiB of UTF-8. Real AppSpec files are a few
 * kilobytes; past this size only the document-level rules run, so that hostile inputs stay cheap.
 */
export const DEFAULT_MAX_RULE_INPUT_BYTES: number = 2 * 1024 * 1024;

/** `maxRuleInputBytes` as given, or the default when absent or not a number ≥ 0 (`Infinity` disables the cap). */
export function maxRuleInputBytes(option: number | undefined): number {
  return typeof option === 'number' && option >= 0 ? option : DEFAULT_MAX_RULE_INPUT_BYTES;
}

/** UTF-8 length of `text`, counted only as far as needed to tell whether it exceeds `max`. */
export function utf8LengthExceeds(text: string, max: number): boolean {
  // Each UTF-16 code unit takes 1 to 3 UTF-8 bytes (a surrogate pair: 4 for 2 units).
  if (text.length > max) return true;
  if (text.length * 3 <= max) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
    if (bytes > max) return true;
  }
  return false;
}

/** `appspec/too-large`: the input exceeds `maxRuleInputBytes`, so only the document-level rules ran. */
export const tooLarge: AppSpecRule = {
  meta: {
    id: 'appspec/too-large',
    defaultSeverity: 'warning',
    platforms: 'all',
    category: 'appspec',
    description:
      'The input is larger than `maxRuleInputBytes` (default 2 MiB): the file, YAML syntax and document checks ran, the per-entry rules did not.',
    rationale:
      'Real AppSpec files are a few kilobytes. Capping the per-entry rules keeps linting a hostile or generated multi-megabyte input to about the cost of parsing it; the verdict then covers only the checks that ran.',
    badExample: `version: 0.0\nos: linux\npermissions:\n  - object: /var/www/d0\n    mode: "644"\n  # … 100,000 more entries (10 MB)\n`,
    goodExample: 'version: 0.0\nos: linux\npermissions:\n  - object: /var/www\n    mode: "644"\n',
  },
  check(ctx) {
    const max = maxRuleInputBytes(ctx.options.maxRuleInputBytes);
    if (!utf8LengthExceeds(ctx.text, max)) return;
    ctx.report({
      range: ctx.documentStartRange(),
      message: `The input is larger than ${max} bytes (maxRuleInputBytes): only the file, YAML syntax and document checks ran; the per-entry rules were skipped.`,
      help: 'Split or shrink the AppSpec, or raise maxRuleInputBytes (Infinity runs every rule on any size).',
      data: { maxRuleInputBytes: max },
    });
  },
};
