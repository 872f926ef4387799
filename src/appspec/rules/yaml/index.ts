import type { AppSpecRule } from '../types.js';
import { alias } from './alias.js';
import { duplicateKey } from './duplicate-key.js';
import { implicitType } from './implicit-type.js';
import { multiDocument } from './multi-document.js';
import { syntax } from './syntax.js';
import { tabIndent } from './tab-indent.js';
import { tag } from './tag.js';
import { timestamp } from './timestamp.js';

/** `yaml/*` rules (spec/appspec.md §4.2). */
export const yamlRules: readonly AppSpecRule[] = [
  syntax,
  tabIndent,
  multiDocument,
  duplicateKey,
  alias,
  timestamp,
  tag,
  implicitType,
];
