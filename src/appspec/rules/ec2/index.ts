import type { AppSpecRule } from '../types.js';
import { aclBaseEntry } from './acl-base-entry.js';
import { aclEntry } from './acl-entry.js';
import { aclPermChar } from './acl-perm-char.js';
import { aclsShape } from './acls-shape.js';
import { backslashPath } from './backslash-path.js';
import { bundleMissingFile } from './bundle-missing-file.js';
import { contextRange } from './context-range.js';
import { contextTypeMissing } from './context-type-missing.js';
import { contextUserKey } from './context-user-key.js';
import { eventTimeoutSum } from './event-timeout-sum.js';
import { fileExistsBehaviorValue } from './file-exists-behavior-value.js';
import { filesDestinationFilePath } from './files-destination-file-path.js';
import { filesDestinationMissing } from './files-destination-missing.js';
import { filesDestinationRelative } from './files-destination-relative.js';
import { filesDuplicateTarget } from './files-duplicate-target.js';
import { filesEmptyPath } from './files-empty-path.js';
import { filesItemShape } from './files-item-shape.js';
import { filesOverwrite } from './files-overwrite.js';
import { filesShape } from './files-shape.js';
import { filesSourceMissing } from './files-source-missing.js';
import { hookAtTopLevel } from './hook-at-top-level.js';
import { hookCase } from './hook-case.js';
import { hookEmpty } from './hook-empty.js';
import { hookOtherPlatform } from './hook-other-platform.js';
import { hookReserved } from './hook-reserved.js';
import { hookUnknown } from './hook-unknown.js';
import { hookValueShape } from './hook-value-shape.js';
import { hooksShape } from './hooks-shape.js';
import { keyCase } from './key-case.js';
import { locationAbsolute } from './location-absolute.js';
import { locationArgs } from './location-args.js';
import { modeInvalidChar } from './mode-invalid-char.js';
import { modeLength } from './mode-length.js';
import { modeOctalRejected } from './mode-octal-rejected.js';
import { modeOctalSilent } from './mode-octal-silent.js';
import { osInstanceMismatch } from './os-instance-mismatch.js';
import { osMissing } from './os-missing.js';
import { osValue } from './os-value.js';
import { pathEscapesRevision } from './path-escapes-revision.js';
import { permissionDefaultAclOnFile } from './permission-default-acl-on-file.js';
import { permissionExceptShape } from './permission-except-shape.js';
import { permissionGlobSlash } from './permission-glob-slash.js';
import { permissionGlobSyntax } from './permission-glob-syntax.js';
import { permissionItemShape } from './permission-item-shape.js';
import { permissionObjectMissing } from './permission-object-missing.js';
import { permissionObjectNotDeployed } from './permission-object-not-deployed.js';
import { permissionObjectRelative } from './permission-object-relative.js';
import { permissionOverlap } from './permission-overlap.js';
import { permissionPatternOnFile } from './permission-pattern-on-file.js';
import { permissionPatternType } from './permission-pattern-type.js';
import { permissionTypeShape } from './permission-type-shape.js';
import { permissionTypeValue } from './permission-type-value.js';
import { permissionsShape } from './permissions-shape.js';
import { permissionsWindows } from './permissions-windows.js';
import { runasValue } from './runas-value.js';
import { runasWindows } from './runas-windows.js';
import { scriptExtension } from './script-extension.js';
import { scriptLocationMissing } from './script-location-missing.js';
import { scriptShape } from './script-shape.js';
import { sudoKey } from './sudo-key.js';
import { timeoutCoerced } from './timeout-coerced.js';
import { timeoutInvalid } from './timeout-invalid.js';
import { timeoutShape } from './timeout-shape.js';
import { timeoutTooLong } from './timeout-too-long.js';
import { topLevelShape } from './top-level-shape.js';
import { unknownKey } from './unknown-key.js';
import { versionMissing } from './version-missing.js';
import { versionString } from './version-string.js';
import { versionValue } from './version-value.js';

/**
 * EC2/On-Premises rules (`ec2/*`, spec/appspec.md §4.4–4.7), in run order: the `*-shape` rules
 * (and `ec2/context-type-missing`, which suppresses a non-mapping context) first, so that later
 * rules skip the nodes they reported.
 */
export const ec2Rules: readonly AppSpecRule[] = [
  topLevelShape,
  hooksShape,
  hookValueShape,
  scriptShape,
  timeoutShape,
  filesShape,
  filesItemShape,
  permissionsShape,
  permissionItemShape,
  permissionTypeShape,
  permissionExceptShape,
  aclsShape,
  contextTypeMissing,
  versionMissing,
  versionString,
  versionValue,
  osMissing,
  osValue,
  osInstanceMismatch,
  unknownKey,
  keyCase,
  hookEmpty,
  hookUnknown,
  hookCase,
  hookReserved,
  hookOtherPlatform,
  hookAtTopLevel,
  scriptLocationMissing,
  locationArgs,
  locationAbsolute,
  pathEscapesRevision,
  backslashPath,
  scriptExtension,
  timeoutInvalid,
  timeoutCoerced,
  timeoutTooLong,
  eventTimeoutSum,
  runasWindows,
  runasValue,
  sudoKey,
  filesSourceMissing,
  filesDestinationMissing,
  filesEmptyPath,
  filesDestinationRelative,
  filesDestinationFilePath,
  filesOverwrite,
  filesDuplicateTarget,
  fileExistsBehaviorValue,
  bundleMissingFile,
  permissionObjectMissing,
  permissionsWindows,
  permissionObjectRelative,
  permissionObjectNotDeployed,
  permissionTypeValue,
  permissionPatternType,
  permissionGlobSyntax,
  permissionGlobSlash,
  permissionPatternOnFile,
  permissionOverlap,
  modeOctalSilent,
  modeOctalRejected,
  modeLength,
  modeInvalidChar,
  aclEntry,
  aclBaseEntry,
  aclPermChar,
  permissionDefaultAclOnFile,
  contextUserKey,
  contextRange,
];
