import { readFileSync } from 'node:fs';
import { createModel } from '../../../src/iam/model/index.js';
import type { IamModel, ModelInput } from '../../../src/iam/model/types.js';

export const A = '111122223333';
export const B = '444455556666';
export const V = '2012-10-17';

/** An identity policy allowing `actions` on `resources`. */
export function allow(actions: string | string[], resources: string | string[] = '*', extra: object = {}): object {
  return { Version: V, Statement: [{ Effect: 'Allow', Action: actions, Resource: resources, ...extra }] };
}

/** An identity policy denying `actions` on `resources`. */
export function deny(actions: string | string[], resources: string | string[] = '*', extra: object = {}): object {
  return { Version: V, Statement: [{ Effect: 'Deny', Action: actions, Resource: resources, ...extra }] };
}

/** A trust policy letting `principal` assume the role. */
export function trust(principal: unknown, extra: object = {}): object {
  return { Version: V, Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra }] };
}

/** Builds a model and fails loudly when the input is unusable. */
export function model(input: ModelInput): IamModel {
  const r = createModel(input);
  if (!r.model) throw new Error(JSON.stringify(r.diagnostics));
  return r.model;
}

/** The example account fixture files. */
export function exampleFiles(): { details: string; resources: { resources: object[] } } {
  const base = new URL('../../../examples/account/', import.meta.url);
  return {
    details: readFileSync(new URL('authorization-details.json', base), 'utf8'),
    resources: JSON.parse(readFileSync(new URL('resources.json', base), 'utf8')) as { resources: object[] },
  };
}
