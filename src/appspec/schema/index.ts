/**
 * The published AppSpec JSON Schemas (draft-07, one per compute platform) and validators
 * generated from them at build time (scripts/build-schemas.mjs); nothing compiles a schema at
 * run time.
 *
 * @module
 */
import type { Platform } from '../model.js';
import validateEcs from './generated/appspec-ecs.js';
import validateLambda from './generated/appspec-lambda.js';
import validateServer from './generated/appspec-server.js';
import type { StandaloneValidate, StandaloneValidationError } from './generated/appspec-server.js';

/** One published AppSpec schema. */
export interface AppSpecSchemaInfo {
  readonly platform: Platform;
  /** The schema's `$id`: where the package's copy is served. */
  readonly id: string;
  /** File name inside the package's `schemas/` folder. */
  readonly fileName: string;
  readonly title: string;
}

/** Where each platform's schema is published; use it with `# yaml-language-server: $schema=<id>`. */
export const appSpecSchemas: readonly AppSpecSchemaInfo[] = Object.freeze([
  Object.freeze({
    platform: 'server',
    id: 'https://unpkg.com/iamspec/schemas/appspec-server.schema.json',
    fileName: 'appspec-server.schema.json',
    title: 'CodeDeploy AppSpec file (EC2/On-Premises)',
  }),
  Object.freeze({
    platform: 'ecs',
    id: 'https://unpkg.com/iamspec/schemas/appspec-ecs.schema.json',
    fileName: 'appspec-ecs.schema.json',
    title: 'CodeDeploy AppSpec file (Amazon ECS)',
  }),
  Object.freeze({
    platform: 'lambda',
    id: 'https://unpkg.com/iamspec/schemas/appspec-lambda.schema.json',
    fileName: 'appspec-lambda.schema.json',
    title: 'CodeDeploy AppSpec file (AWS Lambda)',
  }),
] as const);

/** One schema violation. */
export interface SchemaError {
  /** JSON pointer to the offending value (`''` for the document itself). */
  readonly path: string;
  readonly message: string;
}

/** Result of {@link validateAppSpecSchema}. */
export interface SchemaValidationResult {
  readonly valid: boolean;
  readonly errors: readonly SchemaError[];
}

const VALIDATORS: Readonly<Record<Platform, StandaloneValidate>> = {
  server: validateServer,
  ecs: validateEcs,
  lambda: validateLambda,
};

/** Keywords whose failure only summarises failures already reported by their branches. */
const SUMMARY_KEYWORDS: ReadonlySet<string> = new Set(['anyOf', 'not', 'propertyNames']);

/** Readable wording for the few patterns the schemas use. */
function patternMessage(pattern: unknown): string | undefined {
  switch (pattern) {
    case '\\S':
      return 'must not be empty or blank';
    case '^[0-7]{1,4}$':
      return 'must be 1 to 4 octal digits';
    case '^[1-9][0-9]{0,4}$':
      return 'must be a port number';
    case '^[1-9][0-9]*$':
      return 'must be a positive integer';
    case '^\\s*\\+?0*[1-9]':
      return 'must be a positive number of seconds';
    default:
      return undefined;
  }
}

function errorMessage(error: StandaloneValidationError): string {
  const params = error.params;
  if (error.keyword === 'enum' && Array.isArray(params['allowedValues'])) {
    const allowed = params['allowedValues'].map((v: unknown) => JSON.stringify(v)).join(', ');
    // Errors from `propertyNames` name the offending key.
    return error.propertyName === undefined
      ? `must be one of ${allowed}`
      : `key ${JSON.stringify(error.propertyName)} must be one of ${allowed}`;
  }
  if (error.keyword === 'pattern') {
    const text = patternMessage(params['pattern']);
    if (text) return text;
  }
  // Only single-key mappings (`- Event: fn`, `- TargetService:`) bound their key count.
  if (error.keyword === 'maxProperties' || error.keyword === 'minProperties') return 'must have exactly one key';
  return error.message ?? `fails ${error.keyword}`;
}

/**
 * Validates a parsed AppSpec document (for example the result of `yaml.parse`) against the
 * published schema of `platform`. The schemas accept what the linter accepts without errors
 * but know nothing of source positions; use `lintAppSpec` for diagnostics.
 */
export function validateAppSpecSchema(value: unknown, platform: Platform): SchemaValidationResult {
  // Own keys only: `constructor` or `toString` must not find Object.prototype's functions.
  const validate =
    typeof platform === 'string' && Object.hasOwn(VALIDATORS, platform) ? VALIDATORS[platform] : undefined;
  if (validate === undefined) {
    return Object.freeze({
      valid: false,
      errors: Object.freeze([
        Object.freeze({
          path: '',
          message: `unknown platform ${typeof platform === 'string' ? platform : typeof platform}`,
        }),
      ]),
    });
  }
  if (validate(value)) return Object.freeze({ valid: true, errors: Object.freeze([]) });
  const seen = new Set<string>();
  const errors: SchemaError[] = [];
  for (const error of validate.errors ?? []) {
    if (SUMMARY_KEYWORDS.has(error.keyword)) continue;
    const message = errorMessage(error);
    const key = `${error.instancePath}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(Object.freeze({ path: error.instancePath, message }));
  }
  return Object.freeze({ valid: false, errors: Object.freeze(errors) });
}
