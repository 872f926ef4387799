/**
 * `parsePolicy`: JSON text or a plain object → a normalised, frozen {@link Policy}
 * (spec/iam.md §1.1–§1.6).
 *
 * @module
 */
import { LineIndex, START_RANGE } from '../../diagnostics/line-index.js';
import { suggestNames } from '../../diagnostics/suggest.js';
import type { Diagnostic, Range, Severity } from '../../diagnostics/types.js';
import {
  getEntry,
  type JsonEntry,
  type JsonNode,
  type JsonObjectNode,
  type JsonProblem,
  parseJsonText,
  walkJsonValue,
} from './json.js';
import { CONDITION_OPERATOR_NAMES, parseOperator } from './operators.js';
import type {
  ConditionEntry,
  ParsePolicyResult,
  Policy,
  PolicyType,
  PrincipalElement,
  PrincipalKind,
  SourceLocation,
  SourcedString,
  Statement,
} from './types.js';

/** Options of {@link parsePolicy}. */
export interface ParsePolicyOptions {
  /** The policy type; enables the per-type grammar of §1.3. */
  readonly type?: PolicyType;
  /** The caller's id for the policy (file name, ARN, name). Default `''`. */
  readonly id?: string;
  /** When true (the default), any error leaves `policy` absent. */
  readonly strict?: boolean;
}

/** The full result used by the linter: the policy, the JSON tree and where positions come from. */
export interface PolicyParseDetails extends ParsePolicyResult {
  /** The JSON tree, when the input was JSON text or a value. */
  readonly tree?: JsonNode;
  /** The text, when the input was text. */
  readonly text?: string;
  /** Maps offsets of `text` to positions. */
  readonly lines?: LineIndex;
}

/** The top-level elements (§1.1). */
export const TOP_LEVEL_ELEMENTS: readonly string[] = Object.freeze(['Version', 'Id', 'Statement']);
/** The statement elements (§1.2). */
export const STATEMENT_ELEMENTS: readonly string[] = Object.freeze([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
/** The keys of a principal map (§1.2). */
export const PRINCIPAL_KINDS: readonly PrincipalKind[] = Object.freeze([
  'AWS',
  'Service',
  'Federated',
  'CanonicalUser',
]);
/** The two policy-language versions (§1.1). */
export const POLICY_VERSIONS: readonly string[] = Object.freeze(['2012-10-17', '2008-10-17']);

/** Types stored by IAM itself, where `Sid` rules are errors (§1.3 note 4). */
const IAM_TYPES: ReadonlySet<PolicyType> = new Set(['identity', 'boundary', 'session', 'trust']);
const ID_LIKE: ReadonlySet<PolicyType> = new Set(['identity', 'boundary', 'session']);
const RESOURCE_REQUIRED: ReadonlySet<PolicyType> = new Set(['identity', 'boundary', 'session', 'scp', 'rcp']);
/** Most invalid-character findings reported for one document. */
const MAX_CHARACTER_FINDINGS = 20;

/** True for a parsed policy object. */
export function isPolicy(value: unknown): value is Policy {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.hasOwn(value, 'kind') &&
    (value as { kind?: unknown }).kind === 'iamspec.policy'
  );
}

/** True when `text` is a valid IAM `Sid` (`^[A-Za-z0-9]*$`). */
export function isValidSid(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}

/** True for characters allowed in policy text (§1.7). */
export function isAllowedPolicyChar(c: number): boolean {
  return c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0xff);
}

/**
 * Parses and normalises an IAM policy (spec/iam.md §1.4). `strict` (default true) returns no
 * policy when any error is found; `strict: false` builds what it can and returns every error as
 * a diagnostic. A {@link Policy} is passed through. Never throws.
 */
export function parsePolicy(input: string | object, options: ParsePolicyOptions = {}): ParsePolicyResult {
  const r = parsePolicyDetailed(input, options ?? {});
  return Object.freeze({ ...(r.policy ? { policy: r.policy } : {}), diagnostics: r.diagnostics });
}

/** {@link parsePolicy} plus the JSON tree and line index, for the linter. */
export function parsePolicyDetailed(
  input: string | object | Policy,
  options: ParsePolicyOptions = {},
): PolicyParseDetails {
  if (isPolicy(input)) {
    return Object.freeze({ policy: input, diagnostics: Object.freeze([]) });
  }
  const builder = new PolicyBuilder(input, options);
  return builder.run();
}

interface Loc {
  readonly pointer: string;
  readonly start?: number;
  readonly end?: number;
}

class PolicyBuilder {
  readonly #options: ParsePolicyOptions;
  readonly #type: PolicyType | undefined;
  readonly #text: string | undefined;
  readonly #input: unknown;
  #lines: LineIndex | undefined;
  readonly #diagnostics: Diagnostic[] = [];

  constructor(input: unknown, options: ParsePolicyOptions) {
    this.#input = input;
    this.#options = options;
    // A caller's non-string type or id is ignored rather than copied into the (plain-data) result.
    this.#type = typeof options.type === 'string' ? options.type : undefined;
    this.#text = typeof input === 'string' ? input : undefined;
  }

  run(): PolicyParseDetails {
    const text = this.#text;
    if (text !== undefined) this.#lines = new LineIndex(text);
    const read = text !== undefined ? parseJsonText(text) : walkJsonValue(this.#input);
    for (const p of read.problems) this.#problem(p);
    if (text !== undefined) this.#checkCharacters(text);
    const root = read.root;
    let policy: Policy | undefined;
    if (root) {
      if (root.type !== 'object') {
        this.#report('json-invalid', root, 'The policy must be a JSON object.');
      } else {
        if (text === undefined) this.#checkObjectCharacters(root);
        policy = this.#policy(root);
      }
    }
    const diagnostics = Object.freeze(this.#diagnostics.map((d) => Object.freeze(d)));
    const failed = diagnostics.some((d) => d.severity === 'error');
    const keep = policy !== undefined && !(failed && (this.#options.strict ?? true));
    return Object.freeze({
      ...(keep && policy ? { policy } : {}),
      diagnostics,
      ...(root ? { tree: root } : {}),
      ...(text !== undefined ? { text } : {}),
      ...(this.#lines ? { lines: this.#lines } : {}),
    });
  }

  // ------------------------------------------------------------ reporting

  #range(loc: Loc): Range | undefined {
    if (!this.#lines || loc.start === undefined) return undefined;
    const r = this.#lines.range(loc.start, loc.end ?? loc.start);
    return Object.freeze({ start: Object.freeze(r.start), end: Object.freeze(r.end) });
  }

  #report(
    ruleId: string,
    loc: Loc,
    message: string,
    extra: {
      severity?: Severity;
      help?: string;
      suggestions?: readonly string[];
      related?: { loc: Loc; message: string };
      data?: Record<string, unknown>;
    } = {},
  ): void {
    const range = this.#range(loc) ?? START_RANGE;
    const d: Diagnostic = {
      ruleId,
      severity: extra.severity ?? 'error',
      message,
      range,
      pointer: loc.pointer,
      ...(extra.help ? { help: extra.help } : {}),
      ...(extra.suggestions && extra.suggestions.length > 0
        ? { suggestions: Object.freeze([...extra.suggestions]) }
        : {}),
      ...(extra.related
        ? {
            related: Object.freeze([
              Object.freeze({ range: this.#range(extra.related.loc) ?? START_RANGE, message: extra.related.message }),
            ]),
          }
        : {}),
      data: Object.freeze({ ...(this.#type ? { policyType: this.#type } : {}), ...(extra.data ?? {}) }),
    };
    this.#diagnostics.push(d);
  }

  #problem(p: JsonProblem): void {
    this.#report(p.code, p, p.message, {
      ...(p.related
        ? { related: { loc: p.related, message: 'First occurrence.' }, help: 'Merge the two members into one.' }
        : {}),
    });
  }

  #checkCharacters(text: string): void {
    let count = 0;
    for (let i = 0; i < text.length && count < MAX_CHARACTER_FINDINGS; i++) {
      if (isAllowedPolicyChar(text.charCodeAt(i))) continue;
      let j = i + 1;
      while (j < text.length && !isAllowedPolicyChar(text.charCodeAt(j))) j++;
      this.#report('invalid-character', { pointer: '', start: i, end: j }, invalidCharMessage(text, i), {
        help: 'Policies may contain only tab, line breaks and U+0020–U+00FF; escape or remove the character.',
        data: { codePoint: text.codePointAt(i) },
      });
      count++;
      i = j - 1;
    }
  }

  #checkObjectCharacters(root: JsonNode): void {
    let count = 0;
    const check = (s: string, pointer: string): void => {
      if (count >= MAX_CHARACTER_FINDINGS) return;
      for (let i = 0; i < s.length; i++) {
        if (!isAllowedPolicyChar(s.charCodeAt(i))) {
          this.#report('invalid-character', { pointer }, invalidCharMessage(s, i), {
            data: { codePoint: s.codePointAt(i) },
          });
          count++;
          return;
        }
      }
    };
    const stack: JsonNode[] = [root];
    while (stack.length > 0) {
      const node = stack.pop() as JsonNode;
      if (node.type === 'string') check(node.value, node.pointer);
      else if (node.type === 'array') stack.push(...node.items);
      else if (node.type === 'object') {
        for (const e of node.entries) {
          check(e.key, e.value.pointer);
          stack.push(e.value);
        }
      }
    }
  }

  // ------------------------------------------------------------ helpers

  /** The location of a member's key (the member's pointer, the key's offsets). */
  #keyLoc(entry: JsonEntry): Loc {
    return {
      pointer: entry.value.pointer,
      ...(entry.keyStart !== undefined ? { start: entry.keyStart } : {}),
      ...(entry.keyEnd !== undefined ? { end: entry.keyEnd } : {}),
    };
  }

  #source(node: JsonNode): SourceLocation {
    const range = this.#range(node);
    return Object.freeze({ pointer: node.pointer, ...(range ? { range } : {}) });
  }

  #sourceOfKey(entry: JsonEntry): SourceLocation {
    const range = this.#range(this.#keyLoc(entry));
    return Object.freeze({ pointer: entry.value.pointer, ...(range ? { range } : {}) });
  }

  #sourced(value: string, node: JsonNode): SourcedString {
    return Object.freeze({ value, ...this.#source(node) });
  }

  /** Members of an object, first occurrence of each key only (duplicates are already reported). */
  #members(node: JsonObjectNode): JsonEntry[] {
    const seen = new Set<string>();
    const out: JsonEntry[] = [];
    for (const e of node.entries) {
      if (seen.has(e.key)) continue;
      seen.add(e.key);
      out.push(e);
    }
    return out;
  }

  #typeName(node: JsonNode): string {
    switch (node.type) {
      case 'object':
        return 'an object';
      case 'array':
        return 'an array';
      case 'string':
        return 'a string';
      case 'number':
        return 'a number';
      case 'boolean':
        return 'a boolean';
      case 'null':
        return 'null';
      default:
        return node.description;
    }
  }

  #wrongType(node: JsonNode, what: string, expected: string): void {
    if (node.type === 'invalid') return; // already reported by the walker
    this.#report('value-type-invalid', node, `${what} must be ${expected}, not ${this.#typeName(node)}.`);
  }

  #unknownElement(entry: JsonEntry, where: string, names: readonly string[]): void {
    const suggestions = suggestNames(entry.key, names);
    this.#report('element-unknown', this.#keyLoc(entry), `Unknown ${where} element "${entry.key}".`, {
      suggestions,
      help:
        suggestions.length > 0
          ? `Did you mean "${suggestions[0]}"? Element names are case-sensitive.`
          : `Allowed: ${names.join(', ')}.`,
    });
  }

  // ------------------------------------------------------------ policy

  #policy(root: JsonObjectNode): Policy {
    const type = this.#type;
    let version: string | undefined;
    let policyId: string | undefined;
    let statementEntry: JsonEntry | undefined;
    for (const e of this.#members(root)) {
      if (e.key === 'Version') {
        if (e.value.type !== 'string') this.#wrongType(e.value, 'Version', 'a string');
        else {
          version = e.value.value;
          if (!POLICY_VERSIONS.includes(version)) {
            this.#report('version-invalid', e.value, `Version "${version}" is not a policy-language version.`, {
              suggestions: ['2012-10-17'],
              help: 'Use "2012-10-17" (the only version that supports policy variables) or "2008-10-17".',
            });
          }
        }
      } else if (e.key === 'Id') {
        if (e.value.type !== 'string') this.#wrongType(e.value, 'Id', 'a string');
        else policyId = e.value.value;
        if (type === 'scp' || type === 'rcp') {
          this.#report('element-not-allowed', this.#keyLoc(e), `Id is not allowed in ${type.toUpperCase()}s.`, {
            help: 'Remove the Id element.',
          });
        }
      } else if (e.key === 'Statement') statementEntry = e;
      else this.#unknownElement(e, 'top-level', TOP_LEVEL_ELEMENTS);
    }
    const statements: Statement[] = [];
    if (!statementEntry) {
      this.#report('statement-missing', root, 'The policy has no Statement element.', {
        help: 'Add "Statement": [ { "Effect": …, "Action": …, … } ].',
      });
    } else {
      const sv = statementEntry.value;
      if (sv.type === 'object') {
        const st = this.#statement(sv, 0);
        if (st) statements.push(st);
      } else if (sv.type === 'array') {
        if (sv.items.length === 0) {
          this.#report('statement-missing', sv, 'Statement is an empty array; a policy needs at least one statement.');
        }
        sv.items.forEach((item, index) => {
          if (item.type !== 'object') {
            if (item.type !== 'invalid') {
              this.#report(
                'statement-missing',
                item,
                `Statement ${index} must be an object, not ${this.#typeName(item)}.`,
              );
            }
            return;
          }
          const st = this.#statement(item, index);
          if (st) statements.push(st);
        });
      } else if (sv.type !== 'invalid') {
        this.#report(
          'statement-missing',
          sv,
          `Statement must be an object or an array of objects, not ${this.#typeName(sv)}.`,
        );
      }
    }
    this.#checkSids(statements);
    const text = this.#text;
    return Object.freeze({
      kind: 'iamspec.policy' as const,
      id: typeof this.#options.id === 'string' ? this.#options.id : '',
      ...(type ? { type } : {}),
      ...(version !== undefined ? { version } : {}),
      variablesEnabled: version === '2012-10-17',
      ...(policyId !== undefined ? { policyId } : {}),
      statements: Object.freeze(statements),
      ...(text !== undefined ? { text } : {}),
    });
  }

  #checkSids(statements: readonly Statement[]): void {
    const type = this.#type;
    const severity: Severity = type && IAM_TYPES.has(type) ? 'error' : 'warning';
    const first = new Map<string, Statement>();
    for (const st of statements) {
      if (st.sid === undefined || st.sid === '') continue;
      const prior = first.get(st.sid);
      if (prior) {
        const loc = this.#sidLoc(st);
        this.#report('sid-duplicate', loc, `Sid "${st.sid}" is used by statements ${prior.index} and ${st.index}.`, {
          severity,
          help: 'Give every statement a unique Sid.',
          related: { loc: this.#sidLoc(prior), message: 'First statement with this Sid.' },
        });
      } else first.set(st.sid, st);
    }
  }

  #sidLocs = new Map<Statement, Loc>();

  #sidLoc(st: Statement): Loc {
    return this.#sidLocs.get(st) ?? { pointer: st.pointer };
  }

  #statement(node: JsonObjectNode, index: number): Statement | undefined {
    const type = this.#type;
    const members = this.#members(node);
    const get = (key: string): JsonEntry | undefined => getEntry(node, key);
    for (const e of members) {
      if (!STATEMENT_ELEMENTS.includes(e.key)) this.#unknownElement(e, 'statement', STATEMENT_ELEMENTS);
    }
    // Sid
    let sid: string | undefined;
    let sidLoc: Loc | undefined;
    const sidEntry = get('Sid');
    if (sidEntry) {
      if (sidEntry.value.type !== 'string') this.#wrongType(sidEntry.value, 'Sid', 'a string');
      else {
        sid = sidEntry.value.value;
        sidLoc = sidEntry.value;
        if (!isValidSid(sid)) {
          this.#report('sid-invalid', sidEntry.value, `Sid "${sid}" may contain only ASCII letters and digits.`, {
            severity: type && IAM_TYPES.has(type) ? 'error' : 'warning',
            help: 'Remove spaces, dashes, underscores and other punctuation from the Sid.',
          });
        }
      }
    }
    // Effect
    let effect: 'Allow' | 'Deny' | undefined;
    const effectEntry = get('Effect');
    if (!effectEntry) {
      this.#report('effect-invalid', node, `Statement ${index} has no Effect.`, {
        help: 'Add "Effect": "Allow" or "Effect": "Deny".',
      });
    } else if (effectEntry.value.type !== 'string') {
      this.#wrongType(effectEntry.value, 'Effect', 'the string "Allow" or "Deny"');
    } else {
      const v = effectEntry.value.value;
      if (v === 'Allow' || v === 'Deny') effect = v;
      else {
        const lower = v.toLowerCase();
        const fixed = lower === 'allow' ? 'Allow' : lower === 'deny' ? 'Deny' : undefined;
        this.#report('effect-invalid', effectEntry.value, `Effect "${v}" is not "Allow" or "Deny" (case-sensitive).`, {
          ...(fixed ? { suggestions: [fixed] } : {}),
        });
        // Lenient reading: a case variant means what it says; anything else has no meaning.
        effect = fixed;
      }
    }
    if (type === 'rcp' && effect === 'Allow') {
      this.#report('rcp-allow', effectEntry ? effectEntry.value : node, 'RCP statements must have Effect "Deny".', {
        help: 'Only the AWS-managed RCPFullAWSAccess policy may allow; write Deny statements with conditions.',
      });
    }
    // Principals
    const principalEntry = get('Principal');
    const notPrincipalEntry = get('NotPrincipal');
    const principal = principalEntry ? this.#principal(principalEntry.value, 'Principal') : undefined;
    const notPrincipal = notPrincipalEntry ? this.#principal(notPrincipalEntry.value, 'NotPrincipal') : undefined;
    this.#principalRules(node, index, effect, principalEntry, notPrincipalEntry);
    // Actions
    const actionEntry = get('Action');
    const notActionEntry = get('NotAction');
    if (!actionEntry && !notActionEntry) {
      this.#report('action-missing', node, `Statement ${index} has neither Action nor NotAction.`, {
        help: 'Add an Action element.',
      });
    } else if (actionEntry && notActionEntry) {
      this.#report(
        'action-missing',
        this.#keyLoc(notActionEntry),
        'A statement may have Action or NotAction, not both.',
      );
    }
    if (type === 'rcp' && notActionEntry) {
      this.#report('element-not-allowed', this.#keyLoc(notActionEntry), 'RCPs do not support NotAction.', {
        help: 'List the actions in Action instead.',
      });
    }
    const action = actionEntry ? this.#stringList(actionEntry.value, 'Action') : undefined;
    const notAction = notActionEntry ? this.#stringList(notActionEntry.value, 'NotAction') : undefined;
    // Resources
    const resourceEntry = get('Resource');
    const notResourceEntry = get('NotResource');
    if (type === 'trust') {
      for (const e of [resourceEntry, notResourceEntry]) {
        if (e) {
          this.#report('element-not-allowed', this.#keyLoc(e), `Trust policies do not allow ${e.key}.`, {
            help: 'Remove it; the role itself is the resource of a trust policy.',
          });
        }
      }
    } else if (!resourceEntry && !notResourceEntry && type && RESOURCE_REQUIRED.has(type)) {
      this.#report('resource-missing', node, `Statement ${index} has neither Resource nor NotResource.`, {
        help: 'Add "Resource": "*" or the ARNs the statement covers.',
      });
    }
    if (resourceEntry && notResourceEntry) {
      this.#report(
        'resource-missing',
        this.#keyLoc(notResourceEntry),
        'A statement may have Resource or NotResource, not both.',
      );
    }
    const resource = resourceEntry ? this.#stringList(resourceEntry.value, 'Resource') : undefined;
    const notResource = notResourceEntry ? this.#stringList(notResourceEntry.value, 'NotResource') : undefined;
    // Condition
    const conditionEntry = get('Condition');
    const condition = conditionEntry ? this.#condition(conditionEntry.value) : undefined;

    if (!effect) return undefined;
    const st: Statement = Object.freeze({
      ...this.#source(node),
      index,
      ...(sid !== undefined ? { sid } : {}),
      effect,
      ...(principal ? { principal } : {}),
      ...(notPrincipal ? { notPrincipal } : {}),
      ...(action ? { action } : {}),
      ...(notAction ? { notAction } : {}),
      ...(resource ? { resource } : {}),
      ...(notResource ? { notResource } : {}),
      ...(condition ? { condition } : {}),
    });
    if (sidLoc) this.#sidLocs.set(st, sidLoc);
    return st;
  }

  #principalRules(
    node: JsonObjectNode,
    index: number,
    effect: 'Allow' | 'Deny' | undefined,
    principalEntry: JsonEntry | undefined,
    notPrincipalEntry: JsonEntry | undefined,
  ): void {
    const type = this.#type;
    if (type && (ID_LIKE.has(type) || type === 'scp')) {
      for (const e of [principalEntry, notPrincipalEntry]) {
        if (e) {
          this.#report(
            'principal-in-identity-policy',
            this.#keyLoc(e),
            `${e.key} is not allowed in ${type === 'scp' ? 'an SCP' : `a${type === 'identity' ? 'n' : ''} ${type} policy`}.`,
            { help: 'The principal is implicit: remove the element (or use a resource-based policy).' },
          );
        }
      }
      return;
    }
    if (principalEntry && notPrincipalEntry) {
      this.#report(
        'principal-conflict',
        this.#keyLoc(notPrincipalEntry),
        'A statement may have Principal or NotPrincipal, not both.',
      );
    }
    if (notPrincipalEntry && (type === 'trust' || type === 'rcp')) {
      this.#report(
        'element-not-allowed',
        this.#keyLoc(notPrincipalEntry),
        `NotPrincipal is not allowed in ${type === 'rcp' ? 'RCPs' : 'trust policies'}.`,
        {
          help: 'Use Principal, and conditions such as aws:PrincipalArn to exclude principals.',
        },
      );
    }
    if (type === 'resource' || type === 'trust' || type === 'rcp') {
      if (!principalEntry && !notPrincipalEntry) {
        this.#report('principal-missing', node, `Statement ${index} names no Principal.`, {
          help: type === 'rcp' ? 'Add "Principal": "*".' : 'Add a Principal element naming who the statement covers.',
        });
      } else if (type === 'trust' && !principalEntry) {
        this.#report('principal-missing', node, `Statement ${index} of a trust policy needs a Principal.`);
      }
    }
    if (effect === 'Allow' && notPrincipalEntry && type !== 'trust' && type !== 'rcp') {
      this.#report(
        'notprincipal-with-allow',
        this.#keyLoc(notPrincipalEntry),
        'NotPrincipal may be used only with Effect "Deny".',
        {
          help: 'With Allow it would grant every other principal, anonymous included; use Principal instead.',
        },
      );
    }
    if (type === 'rcp' && principalEntry) {
      const v = principalEntry.value;
      if (!(v.type === 'string' && v.value === '*')) {
        this.#report('rcp-principal-not-star', v, 'The Principal of an RCP statement must be "*".', {
          suggestions: ['*'],
          help: 'Scope the statement with conditions such as aws:PrincipalAccount instead.',
        });
      }
    }
  }

  #principal(node: JsonNode, name: string): PrincipalElement | undefined {
    const src = this.#source(node);
    if (node.type === 'string') {
      if (node.value !== '*') {
        this.#report(
          'value-type-invalid',
          node,
          `${name} written as a string must be "*"; use a map such as {"AWS": "${node.value}"}.`,
          {
            suggestions: ['*'],
          },
        );
      }
      // Lenient reading of a non-star string: an AWS principal compared literally.
      return Object.freeze({
        ...src,
        star: node.value === '*',
        entries: Object.freeze([
          Object.freeze({ kind: 'AWS' as const, values: Object.freeze([this.#sourced(node.value, node)]) }),
        ]),
      });
    }
    if (node.type !== 'object') {
      this.#wrongType(node, name, '"*" or an object such as {"AWS": …}');
      return undefined;
    }
    const entries: { kind: PrincipalKind; values: readonly SourcedString[] }[] = [];
    for (const e of this.#members(node)) {
      if (!(PRINCIPAL_KINDS as readonly string[]).includes(e.key)) {
        this.#unknownElement(e, `${name}`, PRINCIPAL_KINDS);
        continue;
      }
      const values = this.#stringList(e.value, `${name}.${e.key}`);
      if (values) entries.push(Object.freeze({ kind: e.key as PrincipalKind, values }));
    }
    return Object.freeze({ ...src, star: false, entries: Object.freeze(entries) });
  }

  /** A string or array of strings (N1); invalid items are reported and left out. */
  #stringList(node: JsonNode, name: string): readonly SourcedString[] | undefined {
    if (node.type === 'string') return Object.freeze([this.#sourced(node.value, node)]);
    if (node.type !== 'array') {
      this.#wrongType(node, name, 'a string or an array of strings');
      return undefined;
    }
    const out: SourcedString[] = [];
    for (const item of node.items) {
      if (item.type === 'string') out.push(this.#sourced(item.value, item));
      else this.#wrongType(item, `Each ${name} value`, 'a string');
    }
    return Object.freeze(out);
  }

  /** Condition values (N3): strings, numbers (source text) and booleans, single or in an array. */
  #conditionValues(node: JsonNode, what: string): readonly SourcedString[] | undefined {
    const one = (n: JsonNode, nested: boolean): SourcedString | undefined => {
      switch (n.type) {
        case 'string':
          return this.#sourced(n.value, n);
        case 'number':
          return this.#sourced(n.text, n);
        case 'boolean':
          return this.#sourced(n.value ? 'true' : 'false', n);
        default:
          this.#wrongType(n, nested ? `Each value of ${what}` : `The value of ${what}`, 'a string, number or boolean');
          return undefined;
      }
    };
    if (node.type === 'array') {
      const out: SourcedString[] = [];
      for (const item of node.items) {
        const v = one(item, true);
        if (v) out.push(v);
      }
      return Object.freeze(out);
    }
    const v = one(node, false);
    return v ? Object.freeze([v]) : undefined;
  }

  #condition(node: JsonNode): readonly ConditionEntry[] | undefined {
    if (node.type !== 'object') {
      this.#wrongType(node, 'Condition', 'an object of operator → { key → values }');
      return undefined;
    }
    const out: ConditionEntry[] = [];
    for (const opEntry of this.#members(node)) {
      const parsed = parseOperator(opEntry.key);
      const opLoc = this.#keyLoc(opEntry);
      if (parsed.error === 'unknown') {
        const suggestions = suggestNames(parsed.base, CONDITION_OPERATOR_NAMES);
        this.#report('condition-operator-unknown', opLoc, `Unknown condition operator "${opEntry.key}".`, {
          suggestions: suggestions.map(
            (s) => (parsed.setOperator ? `${parsed.setOperator}:` : '') + s + (parsed.ifExists ? 'IfExists' : ''),
          ),
          help: 'Operators are the String*, Numeric*, Date*, Bool, BinaryEquals, IpAddress, NotIpAddress, Arn* and Null operators.',
        });
      } else if (parsed.error === 'null-with-ifexists') {
        this.#report(
          'null-with-ifexists',
          opLoc,
          `"${opEntry.key}" is not allowed: Null takes neither IfExists nor ForAllValues/ForAnyValue.`,
          { suggestions: ['Null'] },
        );
      }
      const block = opEntry.value;
      if (block.type !== 'object') {
        this.#wrongType(block, `The condition block "${opEntry.key}"`, 'an object of key → values');
        continue;
      }
      const operatorLocation = this.#sourceOfKey(opEntry);
      for (const keyEntry of this.#members(block)) {
        const values = this.#conditionValues(keyEntry.value, `${opEntry.key} ${keyEntry.key}`);
        if (!values) continue;
        out.push(
          Object.freeze({
            ...this.#source(keyEntry.value),
            operator: opEntry.key,
            baseOperator: parsed.base,
            known: parsed.known,
            ...(parsed.setOperator ? { setOperator: parsed.setOperator } : {}),
            ifExists: parsed.ifExists,
            key: keyEntry.key,
            values,
            operatorLocation,
            keyLocation: this.#sourceOfKey(keyEntry),
          }),
        );
      }
    }
    return Object.freeze(out);
  }
}

function invalidCharMessage(text: string, i: number): string {
  const cp = text.codePointAt(i) as number;
  return `Character U+${cp.toString(16).toUpperCase().padStart(4, '0')} is not allowed in a policy (only tab, line breaks and U+0020–U+00FF).`;
}
