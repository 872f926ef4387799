import type { AppSpecRule } from '../types.js';
import { empty } from './empty.js';
import { notAnAppSpec } from './not-an-appspec.js';
import { placeholder } from './placeholder.js';
import { platformMismatch } from './platform-mismatch.js';
import { platformUnknown } from './platform-unknown.js';
import { templateText } from './template-text.js';
import { tooLarge } from './too-large.js';

/** `appspec/*` rules (spec/appspec.md §4.3); they run before every platform rule. */
export const appspecRules: readonly AppSpecRule[] = [
  empty,
  notAnAppSpec,
  platformUnknown,
  platformMismatch,
  tooLarge,
  placeholder,
  templateText,
];
