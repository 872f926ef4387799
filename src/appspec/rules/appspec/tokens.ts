/** Substitution tokens and documentation template values (`appspec/placeholder`, `appspec/template-text`). Fixed, linear patterns. */

const ANGLE = /<[A-Za-z0-9_ -]+>/;
const MUSTACHE = /\{\{[^{}]*\}\}/;
const DOLLAR = /\$\{[^{}]*\}/;
const AMP = /&&[A-Za-z0-9_]+&&/;
const DUNDER = /__[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*__/;
const WHOLE = [
  /^<[A-Za-z0-9_ -]+>$/,
  /^\{\{[^{}]*\}\}$/,
  /^\$\{[^{}]*\}$/,
  /^&&[A-Za-z0-9_]+&&$/,
  /^__[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*__$/,
];
const UPPER_TOKEN = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** Keys whose values may also be a bare upper-case token such as TASK_DEFINITION_ARN. */
export const UPPER_TOKEN_KEYS: ReadonlySet<string> = new Set([
  'taskdefinition',
  'containerport',
  'currentversion',
  'targetversion',
]);

/** Whether `value` is or contains a substitution token; `whole` when the entire value is one. */
export function findPlaceholder(value: string, upperTokenAllowed: boolean): { whole: boolean } | null {
  if (value.length > 4096) return null;
  // Cheap prefilter: every token needs one of these characters (or is an upper-case word).
  if (!upperTokenAllowed && !/[<{$&]|__/.test(value)) return null;
  const v = value.trim();
  if (upperTokenAllowed && UPPER_TOKEN.test(v)) return { whole: true };
  if (WHOLE.some((re) => re.test(v))) return { whole: true };
  if (ANGLE.test(v) || MUSTACHE.test(v) || DOLLAR.test(v) || AMP.test(v) || DUNDER.test(v)) return { whole: false };
  return null;
}

const TEMPLATE_PARTS = [
  'aws-region-id',
  'aws-account-id',
  'task-definition-arn',
  'your-container-',
  'name-of-',
  'version-of-',
];
const OR_ENUM = /^[A-Za-z0-9]+(?:-or-[A-Za-z0-9]+)+$/;

/** Cheap necessary condition of {@link isTemplateText}: `[Your …]` has a `[`; every other template value has at least two `-`. */
export function mayBeTemplateText(value: string): boolean {
  if (value.includes('[')) return true;
  const dash = value.indexOf('-');
  return dash >= 0 && value.indexOf('-', dash + 1) >= 0;
}

/** Whether a text value was copied from a documentation template (`[Your …]`, `ENABLED-or-DISABLED`, `aws-account-id`, …). */
export function isTemplateText(value: string): boolean {
  if (value.length > 4096 || !mayBeTemplateText(value)) return false;
  const v = value.trim();
  if (/^\[Your\b[^\]]*\]$/i.test(v)) return true;
  if (OR_ENUM.test(v)) return true;
  const lower = v.toLowerCase();
  return TEMPLATE_PARTS.some((p) => lower.includes(p));
}
