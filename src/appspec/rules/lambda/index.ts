import type { AppSpecRule } from '../types.js';
import { lambdaHookDuplicate } from './hook-duplicate.js';
import { lambdaHookFunctionEmpty } from './hook-function-empty.js';
import { lambdaHookName } from './hook-name.js';
import { lambdaHooksShape } from './hooks-shape.js';
import { lambdaKeyCase } from './key-case.js';
import { lambdaPropertyMissing } from './property-missing.js';
import { lambdaResourceType } from './resource-type.js';
import { lambdaResourcesCount } from './resources-count.js';
import { lambdaResourcesMissing } from './resources-missing.js';
import { lambdaResourcesShape } from './resources-shape.js';
import { lambdaSameVersion } from './same-version.js';
import { lambdaUnknownKey } from './unknown-key.js';
import { lambdaVersion } from './version.js';
import { lambdaVersionFormat } from './version-format.js';

/** AWS Lambda rules (`lambda/*`, spec/appspec.md §4.8), in run order (`*-shape` rules first). */
export const lambdaRules: readonly AppSpecRule[] = [
  lambdaResourcesShape,
  lambdaHooksShape,
  lambdaVersion,
  lambdaKeyCase,
  lambdaUnknownKey,
  lambdaResourcesMissing,
  lambdaResourcesCount,
  lambdaResourceType,
  lambdaPropertyMissing,
  lambdaVersionFormat,
  lambdaSameVersion,
  lambdaHookName,
  lambdaHookFunctionEmpty,
  lambdaHookDuplicate,
];
