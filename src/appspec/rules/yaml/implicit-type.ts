import type { AppSpecRule, RuleContext } from '../types.js';
import type { YAMLMap, YamlNode } from '../../parse/types.js';

const SCRIPT_FIELDS = ['location', 'runas'] as const;
const FILE_FIELDS = ['source', 'destination'] as const;
const PERMISSION_FIELDS = ['object', 'pattern', 'owner', 'group'] as const;
const PERMISSION_LISTS = ['except', 'acls'] as const;

/** `yaml/implicit-type`: an EC2 text field whose unquoted value the agent reads as something else. */
export const implicitType: AppSpecRule = {
  meta: {
    id: 'yaml/implicit-type',
    defaultSeverity: 'warning',
    platforms: ['server'],
    category: 'yaml',
    description:
      'An unquoted value of a text field is read as a boolean, number or symbol whose text differs from what is written (EC2/On-Premises).',
    rationale:
      "The agent's YAML 1.1 loader turns `yes` into true, `0644` into 420, `1.10` into 1.1 and `1:30` into 5400.",
    badExample: 'runas: yes',
    goodExample: 'runas: "yes"',
  },
  check(ctx) {
    const root = ctx.asMap(ctx.root);
    if (!root) return;
    const hooks = ctx.asMap(ctx.get(root, 'hooks')?.value);
    if (hooks) {
      for (const e of ctx.entries(hooks)) {
        const seq = ctx.asSeq(e.value);
        if (!seq) continue;
        for (const item of seq.items) {
          const script = ctx.asMap(item as YamlNode);
          if (!script) continue;
          for (const f of SCRIPT_FIELDS) checkField(ctx, script, f);
          const timeout = ctx.get(script, 'timeout')?.value;
          const tv = ctx.scalar(timeout);
          if (tv && tv.style === 'plain' && tv.kind === 'int' && tv.raw.includes(':')) check(ctx, timeout, 'timeout');
        }
      }
    }
    for (const item of ctx.asSeq(ctx.get(root, 'files')?.value)?.items ?? []) {
      const file = ctx.asMap(item as YamlNode);
      if (file) for (const f of FILE_FIELDS) checkField(ctx, file, f);
    }
    for (const item of ctx.asSeq(ctx.get(root, 'permissions')?.value)?.items ?? []) {
      const perm = ctx.asMap(item as YamlNode);
      if (!perm) continue;
      for (const f of PERMISSION_FIELDS) checkField(ctx, perm, f);
      for (const f of PERMISSION_LISTS) {
        for (const v of ctx.asSeq(ctx.get(perm, f)?.value)?.items ?? []) check(ctx, v as YamlNode, `${f} item`);
      }
      const context = ctx.asMap(ctx.get(perm, 'context')?.value);
      if (context) for (const e of ctx.entries(context)) if (e.key !== null) check(ctx, e.value, `context.${e.key}`);
    }
  },
};

function checkField(ctx: RuleContext, map: YAMLMap, key: string): void {
  const e = ctx.get(map, key);
  if (e) check(ctx, e.value, key);
}

function check(ctx: RuleContext, node: YamlNode | null | undefined, field: string): void {
  const v = ctx.scalar(node);
  if (v?.style !== 'plain' || ctx.isSuppressed(node)) return;
  if (v.kind === 'string' || v.kind === 'null' || v.kind === 'date' || v.kind === 'timestamp') return;
  if (v.text === v.raw) return;
  const what = v.kind === 'bool' ? 'a boolean' : v.kind === 'symbol' ? 'a symbol' : 'a number';
  ctx.report({
    node,
    message: `${field}: '${v.raw}' is read as ${what}; the agent uses the text '${v.text}'.`,
    help: 'Quote the value to keep it as written.',
    suggestions: [`"${v.raw}"`],
    data: { written: v.raw, agentText: v.text },
  });
}
