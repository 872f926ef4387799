import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluator, evaluate } from '../../../src/iam/index.js';
import type { EvaluationInput, EvaluationPolicies, PolicyLike } from '../../../src/iam/index.js';
import { identityAllowStatementArb, inputArb, resourceAllowStatementArb } from '../reference/arbitraries.js';

// Algebraic properties of `evaluate` (spec/iam.md §4) over the random inputs of test/iam/reference/arbitraries.ts.
const RUNS = 1_000;

type Doc = Record<string, unknown>;

/** A generated policy as a fresh mutable object (generated policies are objects or JSON text). */
function toDoc(p: PolicyLike): Doc {
  return (typeof p === 'string' ? JSON.parse(p) : structuredClone(p)) as Doc;
}

function statementsOf(doc: Doc): unknown[] {
  const s = doc['Statement'];
  return Array.isArray(s) ? s : [s];
}

const LISTS = ['identity', 'boundary', 'session', 'resource'] as const;

/** Applies `f` to every policy document of the input (levels of SCPs/RCPs included). */
function mapPolicies(policies: EvaluationPolicies, f: (doc: Doc, where: string) => Doc): EvaluationPolicies {
  const out: Record<string, unknown> = {};
  for (const name of LISTS) {
    const list = policies[name];
    if (list !== undefined) out[name] = list.map((p) => f(toDoc(p), name));
  }
  for (const name of ['scp', 'rcp'] as const) {
    const levels = policies[name];
    if (levels !== undefined) out[name] = levels.map((level) => level.map((p) => f(toDoc(p), name)));
  }
  return out as EvaluationPolicies;
}

/** A deterministic Fisher–Yates shuffle driven by a seed. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Random per-character case of an ASCII string. */
function recase(text: string, seed: number): string {
  let state = seed >>> 0 || 1;
  let out = '';
  for (const ch of text) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    out += (state >>> 16) % 2 === 0 ? ch.toLowerCase() : ch.toUpperCase();
  }
  return out;
}

const DECISIONS = ['Allow', 'ExplicitDeny', 'ImplicitDeny'];

// Each property gets a generous timeout: the CI machine may be shared.
const TIMEOUT = 120_000;

describe('evaluate: properties', () => {
  it(
    'an applying explicit Deny always wins (§4.3 step 1)',
    () => {
      fc.assert(
        fc.property(inputArb, fc.boolean(), (input, wantResourcePolicy) => {
          const denyAll = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] };
          // A resource policy on a role ARN is its trust policy, consulted only for sts: actions (§4.5),
          // so a Deny placed there applies only to those.
          const { resource, action } = input.request;
          const consulted = !/^arn:[^:]*:iam::[^:]*:role\//.test(resource) || action.toLowerCase().startsWith('sts:');
          const inResourcePolicy = wantResourcePolicy && consulted;
          const policies: EvaluationPolicies = inResourcePolicy
            ? {
                ...input.policies,
                resource: [
                  ...(input.policies.resource ?? []),
                  { Statement: [{ Effect: 'Deny', Principal: '*', NotAction: [], Resource: '*' }] },
                ],
              }
            : { ...input.policies, identity: [...(input.policies.identity ?? []), denyAll] };
          expect(evaluate({ request: input.request, policies }).decision).toBe('ExplicitDeny');
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'the order of statements and of policies never matters (§4.2)',
    () => {
      fc.assert(
        fc.property(inputArb, fc.integer(), (input, seed) => {
          const reordered = mapPolicies(input.policies, (doc) => ({
            ...doc,
            Statement: shuffle(statementsOf(doc), seed),
          }));
          const shuffled: Record<string, unknown> = { ...reordered };
          for (const name of LISTS) {
            const list = reordered[name];
            if (list !== undefined) shuffled[name] = shuffle(list, seed + 1);
          }
          for (const name of ['scp', 'rcp'] as const) {
            const levels = reordered[name];
            if (levels !== undefined) shuffled[name] = levels.map((level) => shuffle(level, seed + 2));
          }
          expect(evaluate({ request: input.request, policies: shuffled as EvaluationPolicies }).decision).toBe(
            evaluate(input).decision,
          );
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'adding an Allow statement to a policy never turns Allow into a deny',
    () => {
      fc.assert(
        fc.property(
          inputArb.filter((input) => evaluate(input).decision === 'Allow'),
          identityAllowStatementArb,
          resourceAllowStatementArb,
          fc.nat(),
          (input, identityAllow, resourceAllow, which) => {
            const targets: [string, number, number][] = [];
            for (const name of LISTS) {
              for (let i = 0; i < (input.policies[name] ?? []).length; i++) targets.push([name, i, -1]);
            }
            (input.policies.scp ?? []).forEach((level, l) => {
              for (let i = 0; i < level.length; i++) targets.push(['scp', i, l]);
            });
            fc.pre(targets.length > 0);
            const [name, index, level] = targets[which % targets.length]!;
            const policies = mapPolicies(input.policies, (doc) => doc);
            // Append the statement to the chosen policy.
            const add = (doc: Doc): Doc => ({
              ...doc,
              Statement: [...statementsOf(doc), name === 'resource' ? resourceAllow : identityAllow],
            });
            const mutable = policies as unknown as Record<string, Doc[] | Doc[][]>;
            if (level < 0) {
              const list = mutable[name] as Doc[];
              list[index] = add(list[index]!);
            } else {
              const levels = mutable[name] as Doc[][];
              levels[level]![index] = add(levels[level]![index]!);
            }
            expect(evaluate({ request: input.request, policies }).decision).toBe('Allow');
          },
        ),
        { numRuns: RUNS / 4 },
      );
    },
    TIMEOUT,
  );

  it(
    'action matching ignores case, in the request and in the policies (§2.1 A2)',
    () => {
      fc.assert(
        fc.property(inputArb, fc.integer(), (input, seed) => {
          const recaseList = (v: unknown): unknown =>
            Array.isArray(v)
              ? v.map((x) => (typeof x === 'string' ? recase(x, seed) : x))
              : typeof v === 'string'
                ? recase(v, seed)
                : v;
          const policies = mapPolicies(input.policies, (doc) => ({
            ...doc,
            Statement: statementsOf(doc).map((s) => {
              const st = { ...(s as Doc) };
              if ('Action' in st) st['Action'] = recaseList(st['Action']);
              if ('NotAction' in st) st['NotAction'] = recaseList(st['NotAction']);
              return st;
            }),
          }));
          const request = { ...input.request, action: recase(input.request.action, seed + 7) };
          expect(evaluate({ request, policies }).decision).toBe(evaluate(input).decision);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'explain, createEvaluator and plain evaluate give the same decision (§8 X5)',
    () => {
      fc.assert(
        fc.property(inputArb, (input) => {
          const plain = evaluate(input).decision;
          expect(evaluate(input, { explain: true }).decision).toBe(plain);
          expect(evaluate(input, { explain: false }).decision).toBe(plain);
          expect(createEvaluator(input.policies)(input.request).decision).toBe(plain);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('evaluate: never throws', () => {
  const garbageRequest = fc.record(
    {
      principal: fc.oneof(fc.string(), fc.constantFrom('anonymous', 'arn:aws:iam::111122223333:user/a', 'arn:', '*')),
      action: fc.oneof(fc.string(), fc.constantFrom('s3:GetObject', ':', 's3:', '*')),
      resource: fc.oneof(fc.string(), fc.constantFrom('*', 'arn:aws:s3:::b', 'arn:::::')),
      resourceAccount: fc.string(),
      context: fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.array(fc.string()), fc.anything())),
    },
    { requiredKeys: [] },
  );
  const garbagePolicy = fc.oneof(
    fc.anything(),
    fc.json(),
    fc.string(),
    inputArb.map((i) => i.policies.identity?.[0] ?? {}),
  );
  const garbagePolicies = fc.record(
    {
      identity: fc.oneof(fc.array(garbagePolicy), fc.anything()),
      resource: fc.oneof(fc.array(garbagePolicy), fc.anything()),
      boundary: fc.oneof(fc.array(garbagePolicy), fc.anything()),
      session: fc.oneof(fc.array(garbagePolicy), fc.anything()),
      scp: fc.oneof(fc.array(fc.array(garbagePolicy)), fc.anything()),
      rcp: fc.oneof(fc.array(fc.array(garbagePolicy)), fc.anything()),
    },
    { requiredKeys: [] },
  );

  it(
    'returns a decision for garbage requests and policies',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(garbageRequest, fc.anything()),
          fc.oneof(garbagePolicies, fc.anything()),
          (request, policies) => {
            const input = { request, policies } as unknown as EvaluationInput;
            expect(DECISIONS).toContain(evaluate(input).decision);
            expect(DECISIONS).toContain(evaluate(input, { explain: true }).decision);
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'returns a decision for a valid request with garbage inside otherwise valid policies',
    () => {
      const garbageStatement = fc.dictionary(
        fc.constantFrom(
          'Effect',
          'Action',
          'NotAction',
          'Resource',
          'NotResource',
          'Principal',
          'NotPrincipal',
          'Condition',
          'Sid',
        ),
        fc.oneof(fc.anything(), fc.constantFrom('Allow', 'Deny', '*', 's3:*')),
      );
      fc.assert(
        fc.property(inputArb, fc.array(garbageStatement, { minLength: 1, maxLength: 3 }), (input, statements) => {
          const bad = { Version: '2012-10-17', Statement: statements };
          for (const name of LISTS) {
            const policies = { ...input.policies, [name]: [bad] };
            expect(DECISIONS).toContain(evaluate({ request: input.request, policies }).decision);
          }
        }),
        { numRuns: RUNS / 4 },
      );
    },
    TIMEOUT,
  );

  it('stays fast on hostile wildcards (linear-time matching)', () => {
    const star = '*a'.repeat(2_000);
    const input: EvaluationInput = {
      request: {
        principal: 'arn:aws:iam::111122223333:user/alice',
        action: `s3:${'a'.repeat(4_000)}b`,
        resource: `arn:aws:s3:::${'a'.repeat(4_000)}b`,
        resourceAccount: '111122223333',
        context: { 'aws:username': 'a'.repeat(4_000) },
      },
      policies: {
        identity: [
          {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: `s3:${star}`,
                Resource: `arn:aws:s3:::${star}`,
                Condition: { StringLike: { 'aws:username': star } },
              },
            ],
          },
        ],
      },
    };
    const started = performance.now();
    expect(evaluate(input).decision).toBe('ImplicitDeny');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
