import type { AppSpecRule, NotAppSpecKind } from '../types.js';
import { RULE_ORDER } from '../types.js';

const MESSAGES: Readonly<Record<NotAppSpecKind, string>> = {
  'cloudformation-template': 'This is a CloudFormation template, not an AppSpec file.',
  'sam-template': 'This is an AWS SAM template, not an AppSpec file.',
  'create-deployment-input':
    'This is the input of a create-deployment call, not an AppSpec file; the AppSpec is the string at revision.appSpecContent.content.',
  unknown:
    'This does not look like an AppSpec file: it has none of the AppSpec keys (version, os, hooks, files, Resources, …).',
};

/** `appspec/not-an-appspec`: a file named like an AppSpec that is something else (§1.5). */
export const notAnAppSpec: AppSpecRule = {
  meta: {
    id: 'appspec/not-an-appspec',
    defaultSeverity: 'error',
    platforms: 'all',
    order: RULE_ORDER.empty,
    category: 'appspec',
    description:
      'The file is not an AppSpec: a CloudFormation or SAM template, a create-deployment input, or unrelated data.',
    rationale: 'Deploying it fails; platform rules are skipped for such files.',
    badExample: 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n',
    goodExample: 'version: 0.0\nos: linux\n',
  },
  check(ctx) {
    const kind = ctx.notAppSpecKind;
    if (!kind) return;
    ctx.report({
      range: ctx.documentStartRange(),
      message: MESSAGES[kind],
      help:
        kind === 'create-deployment-input'
          ? 'Lint the AppSpec content string itself.'
          : 'Use the real AppSpec file of the deployment.',
      data: { kind },
    });
  },
};
