import type { AppSpecRule } from '../types.js';
import { ecsAssignPublicIp } from './assign-public-ip.js';
import { ecsAwsvpcPartial } from './awsvpc-partial.js';
import { ecsCapacityProviderStrategy } from './capacity-provider-strategy.js';
import { ecsContainerNameMissing } from './container-name-missing.js';
import { ecsContainerPortMissing } from './container-port-missing.js';
import { ecsContainerPortType } from './container-port-type.js';
import { ecsContainerPortValue } from './container-port-value.js';
import { ecsHookDuplicate } from './hook-duplicate.js';
import { ecsHookFunctionEmpty } from './hook-function-empty.js';
import { ecsHookName } from './hook-name.js';
import { ecsHooksShape } from './hooks-shape.js';
import { ecsKeyCase } from './key-case.js';
import { ecsLoadBalancerInfoMissing } from './load-balancer-info-missing.js';
import { ecsLoadBalancerInfoShape } from './load-balancer-info-shape.js';
import { ecsNetworkConfigurationShape } from './network-configuration-shape.js';
import { ecsResourceName } from './resource-name.js';
import { ecsResourceType } from './resource-type.js';
import { ecsResourcesCount } from './resources-count.js';
import { ecsResourcesMissing } from './resources-missing.js';
import { ecsResourcesShape } from './resources-shape.js';
import { ecsTaskDefinitionArn } from './task-definition-arn.js';
import { ecsTaskDefinitionMissing } from './task-definition-missing.js';
import { ecsUnknownKey } from './unknown-key.js';
import { ecsVersion } from './version.js';

/** Amazon ECS rules (`ecs/*`, spec/appspec.md §4.8), in run order (`*-shape` rules first). */
export const ecsRules: readonly AppSpecRule[] = [
  ecsResourcesShape,
  ecsHooksShape,
  ecsLoadBalancerInfoShape,
  ecsNetworkConfigurationShape,
  ecsVersion,
  ecsKeyCase,
  ecsUnknownKey,
  ecsResourcesMissing,
  ecsResourcesCount,
  ecsResourceName,
  ecsResourceType,
  ecsTaskDefinitionMissing,
  ecsTaskDefinitionArn,
  ecsLoadBalancerInfoMissing,
  ecsContainerNameMissing,
  ecsContainerPortMissing,
  ecsContainerPortType,
  ecsContainerPortValue,
  ecsAwsvpcPartial,
  ecsAssignPublicIp,
  ecsCapacityProviderStrategy,
  ecsHookName,
  ecsHookFunctionEmpty,
  ecsHookDuplicate,
];
