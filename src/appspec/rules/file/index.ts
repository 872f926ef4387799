import type { AppSpecRule } from '../types.js';
import { bom } from './bom.js';
import { crlf } from './crlf.js';
import { invisibleChar } from './invisible-char.js';
import { nameCase } from './name-case.js';
import { nameNonstandard } from './name-nonstandard.js';
import { notAtRoot } from './not-at-root.js';

/** `file/*` rules (spec/appspec.md §4.1). */
export const fileRules: readonly AppSpecRule[] = [bom, nameCase, nameNonstandard, notAtRoot, crlf, invisibleChar];
