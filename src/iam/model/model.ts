/**
 * `createModel`: the immutable IAM account model (spec/iam.md §6) and its queries.
 *
 * @module
 */
import { START_RANGE } from '../../diagnostics/line-index.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { EvaluateOptions, EvaluationResult } from '../evaluate/types.js';
import { authorizeIn, type ModelState } from './authorize.js';
import { buildModelData, type ModelData } from './build.js';
import { prepareQueries, whatCanIn, whoCanIn } from './graph.js';
import type {
  AuthorizeRequest,
  CreateModelResult,
  IamModel,
  ModelAccount,
  ModelGroup,
  ModelInput,
  ModelInstanceProfile,
  ModelManagedPolicy,
  ModelOrganization,
  ModelResource,
  ModelRole,
  ModelUser,
  PrincipalRef,
  WhatCanEntry,
  WhatCanQuery,
  WhoCanEntry,
  WhoCanRequest,
} from './types.js';

/** Private per-model state: the indexes and the caches (the model object itself stays frozen). */
const states = new WeakMap<object, ModelState>();

function stateOf(model: object): ModelState {
  const s = states.get(model);
  if (!s) throw new TypeError('iamspec: not a model made by createModel');
  return s;
}

class Model implements IamModel {
  readonly accounts: readonly ModelAccount[];
  readonly users: readonly ModelUser[];
  readonly groups: readonly ModelGroup[];
  readonly roles: readonly ModelRole[];
  readonly instanceProfiles: readonly ModelInstanceProfile[];
  readonly policies: readonly ModelManagedPolicy[];
  readonly resources: readonly ModelResource[];
  readonly organization?: ModelOrganization;

  constructor(data: ModelData) {
    this.accounts = data.accounts;
    this.users = data.users;
    this.groups = data.groups;
    this.roles = data.roles;
    this.instanceProfiles = data.instanceProfiles;
    this.policies = data.policies;
    this.resources = data.resources;
    if (data.organization) this.organization = data.organization;
    const state: ModelState = { data, evaluators: new Map(), principals: new Map() };
    states.set(this, state);
    prepareQueries(state);
    Object.freeze(this);
  }

  authorize(request: AuthorizeRequest, options?: EvaluateOptions): EvaluationResult {
    return authorizeIn(stateOf(this), request, options);
  }

  canAssume(principal: PrincipalRef, roleArn: string, options?: EvaluateOptions): EvaluationResult {
    return authorizeIn(stateOf(this), { principal, action: 'sts:AssumeRole', resource: roleArn }, options);
  }

  whoCan(request: WhoCanRequest): WhoCanEntry[] {
    return whoCanIn(stateOf(this), request);
  }

  whatCan(principal: PrincipalRef, query: WhatCanQuery): WhatCanEntry[] {
    return whatCanIn(stateOf(this), principal, query);
  }

  validate(): Diagnostic[] {
    return [...stateOf(this).data.diagnostics];
  }
}

/**
 * Builds an immutable IAM account model from plain JSON (accounts with users, groups, roles,
 * instance profiles and managed policies; an optional organization tree with SCPs/RCPs;
 * resource policies by ARN). Never throws: problems come back as diagnostics (the same list as
 * `model.validate()`); `model` is absent only when the input is unusable as a whole.
 */
export function createModel(input: ModelInput): CreateModelResult {
  return createModelWith(input, []);
}

/**
 * {@link createModel} with findings made before the model input (by a converter) and a mapping
 * of pointers into the model input back to the converter's input.
 */
export function createModelWith(
  input: unknown,
  earlier: readonly Diagnostic[],
  mapPointer?: (pointer: string) => string,
): CreateModelResult {
  let built: ReturnType<typeof buildModelData>;
  try {
    built = buildModelData(input);
  } catch {
    // Only a throwing getter or proxy in the caller's objects gets here.
    const unreadable: Diagnostic = Object.freeze({
      ruleId: 'model/input-invalid',
      severity: 'error',
      message: 'The model input cannot be read: a getter or proxy in it threw',
      range: START_RANGE,
      pointer: '',
    });
    return Object.freeze({ diagnostics: Object.freeze([...earlier, unreadable]) });
  }
  const mapped = mapPointer
    ? built.diagnostics.map((d) =>
        d.pointer === undefined ? d : Object.freeze({ ...d, pointer: mapPointer(d.pointer) }),
      )
    : built.diagnostics;
  const diagnostics = Object.freeze([...earlier, ...mapped]);
  if (!built.data) return Object.freeze({ diagnostics });
  const model = new Model({ ...built.data, diagnostics });
  return Object.freeze({ model, diagnostics });
}
