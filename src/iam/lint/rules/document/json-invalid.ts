import type { PolicyRule } from '../../types.js';
import { ALL, parserRule } from './shared.js';

/** `json-invalid` (reported by `parsePolicy`): The text is not valid JSON, or its root is not an object. */
export const jsonInvalid: PolicyRule = parserRule({
  id: 'json-invalid',
  defaultSeverity: 'error',
  category: 'correctness',
  appliesTo: ALL,
  description: 'The text is not valid JSON, or its root is not an object.',
  rationale: 'A policy that is not a JSON object has nothing to evaluate; AWS rejects it.',
  badExample: '{"Version": "2012-10-17", "Statement": [}',
  goodExample: '{"Version": "2012-10-17", "Statement": []}',
});
