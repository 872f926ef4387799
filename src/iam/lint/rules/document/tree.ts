/**
 * Navigation of the policy's JSON tree for the document rules.
 *
 * @module
 */
import type { JsonEntry, JsonNode, JsonObjectNode } from '../../../policy/json.js';

/** The first member `key` of `node` when it is an object. */
export function member(node: JsonNode | undefined, key: string): JsonEntry | undefined {
  if (node?.type !== 'object') return undefined;
  for (const e of node.entries) if (e.key === key) return e;
  return undefined;
}

/** The statement objects of the tree, with their indices. */
export function statementNodes(root: JsonNode | undefined): { node: JsonObjectNode; index: number }[] {
  const st = member(root, 'Statement')?.value;
  if (!st) return [];
  if (st.type === 'object') return [{ node: st, index: 0 }];
  if (st.type !== 'array') return [];
  const out: { node: JsonObjectNode; index: number }[] = [];
  st.items.forEach((item, index) => {
    if (item.type === 'object') out.push({ node: item, index });
  });
  return out;
}

/** The location of a member's key. */
export function keyAt(e: JsonEntry): { pointer: string; start?: number; end?: number } {
  return {
    pointer: e.value.pointer,
    ...(e.keyStart !== undefined ? { start: e.keyStart } : {}),
    ...(e.keyEnd !== undefined ? { end: e.keyEnd } : {}),
  };
}

/** The location of a node's first character (the `{` of an object): a short range for whole-document findings. */
export function headAt(node: JsonNode): { pointer: string; start?: number; end?: number } {
  return { pointer: node.pointer, ...(node.start !== undefined ? { start: node.start, end: node.start + 1 } : {}) };
}
