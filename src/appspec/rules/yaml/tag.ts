import type { AppSpecRule } from '../types.js';
import { RULE_ORDER } from '../types.js';

const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((t) => `tag:yaml.org,2002:${t}`));

/** `yaml/tag`: an explicit tag other than the core ones. */
export const tag: AppSpecRule = {
  meta: {
    id: 'yaml/tag',
    defaultSeverity: 'warning',
    platforms: 'all',
    order: RULE_ORDER.load,
    category: 'yaml',
    description:
      'A node carries an explicit tag other than !!str, !!int, !!float, !!bool, !!null, !!seq or !!map (error for !ruby/…).',
    rationale:
      'Safe loading refuses !ruby/… objects; other tags are not understood by the agent. !Ref or !Sub suggest a CloudFormation template.',
    badExample: 'os: !Ref Os',
    goodExample: 'os: linux',
  },
  check(ctx) {
    if (ctx.notAppSpecKind) return; // a template's tags are part of what appspec/not-an-appspec reports
    for (const node of ctx.nodes.tagged) {
      const t = (node as { tag?: string }).tag ?? '';
      if (CORE_TAGS.has(t)) continue;
      const ruby = t.startsWith('!ruby/') || t.startsWith('tag:ruby.yaml.org');
      const cfn = t === '!Ref' || t === '!Sub' || t === '!GetAtt';
      ctx.report({
        node,
        severity: ruby ? 'error' : 'warning',
        message: ruby
          ? `Tag '${t}': the CodeDeploy agent's safe loading refuses Ruby objects.`
          : `Tag '${t}' is not a core YAML tag; the agent does not understand it.${cfn ? ' It looks like CloudFormation, which does not process AppSpec files.' : ''}`,
        help: 'Remove the tag.',
      });
    }
  },
};
