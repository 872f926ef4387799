import { describe, expect, it } from 'vitest';
import { lintAppSpec } from '../../../src/appspec/lint.js';
import { covered, findings } from './helpers.js';

describe('appspec/*', () => {
  it('appspec/empty: blank, comments, ~, false; at the first non-comment character', () => {
    for (const t of ['', '\n\n', '# c\n', '~\n', 'false\n', '---\n'])
      expect(findings('appspec/empty', t), t).toHaveLength(1);
    expect(findings('appspec/empty', '# c\n~\n')[0]?.range.start.line).toBe(2);
    expect(findings('appspec/empty', 'version: 0.0\n')).toEqual([]);
    expect(findings('appspec/empty', 'a: [\n')).toEqual([]);
    expect(findings('appspec/empty', '', { platform: 'ecs' })[0]?.help).toContain('Resources');
  });

  it('appspec/not-an-appspec suppresses platform rules', () => {
    const r = lintAppSpec('AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n', {
      platform: 'server',
    });
    expect(r.platform).toBe('not-an-appspec');
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['appspec/not-an-appspec']);
    expect(r.diagnostics[0]?.data).toEqual({ kind: 'cloudformation-template' });
    const raw = lintAppSpec('applicationName: a\nrevision:\n  appSpecContent:\n    content: &&APPSPEC&&\n');
    expect(raw.diagnostics.map((d) => d.ruleId)).toContain('appspec/not-an-appspec');
    expect(lintAppSpec('applicationName: a\n').diagnostics[0]?.help).toContain('content string');
  });

  it('appspec/platform-unknown only for mappings the steps cannot place', () => {
    expect(findings('appspec/platform-unknown', 'version: 0.0\n')).toHaveLength(1);
    expect(findings('appspec/platform-unknown', 'version: 0.0\n', { platform: 'server' })).toEqual([]);
    expect(findings('appspec/platform-unknown', '')).toEqual([]);
    expect(findings('appspec/platform-unknown', 'version: 0.0\nos: linux\n')).toEqual([]);
  });

  it('appspec/platform-mismatch when the content clearly is another platform', () => {
    const ecs = 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n';
    expect(findings('appspec/platform-mismatch', ecs, { platform: 'server' })[0]?.data).toEqual({
      requested: 'server',
      inferred: 'ecs',
    });
    expect(findings('appspec/platform-mismatch', 'version: 0.0\nos: linux\n', { platform: 'lambda' })).toHaveLength(1);
    expect(findings('appspec/platform-mismatch', ecs, { platform: 'ecs' })).toEqual([]);
    expect(findings('appspec/platform-mismatch', ecs)).toEqual([]);
    expect(findings('appspec/platform-mismatch', 'Hooks:\n  - AfterInstall: f\n', { platform: 'server' })).toEqual([]);
  });

  it('appspec/placeholder: tokens, whole or partial; keys ignored; upper-case tokens only for some keys', () => {
    const text = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: TASK_DEFINITION_ARN
        LoadBalancerInfo:
          ContainerName: "<CONTAINER_NAME>"
          ContainerPort: {{PORT}}
        PlatformVersion: "v-\${VERSION}"
        X: SOME_CONSTANT
Hooks:
  - BeforeInstall: "__HOOK__"
  - AfterInstall: "pre-&&FN&&"
  - <KEY>: f
`;
    const ds = findings('appspec/placeholder', text, { platform: 'ecs' });
    expect(ds.map((d) => [covered(text, d), d.data?.whole])).toEqual([
      ['TASK_DEFINITION_ARN', true],
      ['"<CONTAINER_NAME>"', true],
      ['{{PORT}}', true],
      ['"v-$' + '{VERSION}"', false],
      ['"__HOOK__"', true],
      ['"pre-&&FN&&"', false],
    ]);
    expect(ds[0]?.severity).toBe('info');
    expect(findings('appspec/placeholder', 'AWSTemplateFormatVersion: x\ny: <A>\n')).toEqual([]);
  });

  it('appspec/template-text: documentation values and the LifeCycleEvent key', () => {
    const text = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: [Your task definition arn]
        LoadBalancerInfo:
          ContainerName: "[Your container name]"
          ContainerPort: 80
        NetworkConfiguration:
          AwsvpcConfiguration:
            AssignPublicIp: ENABLED-or-DISABLED
            Subnets: ["arn:aws:ec2:aws-region-id:aws-account-id:subnet/x"]
            SecurityGroups: [name-of-group, fine-value]
Hooks:
  - LifeCycleEvent: ""
`;
    const ds = findings('appspec/template-text', text, { platform: 'ecs' });
    expect(ds.map((d) => covered(text, d))).toEqual([
      '[Your task definition arn]',
      '"[Your container name]"',
      'ENABLED-or-DISABLED',
      '"arn:aws:ec2:aws-region-id:aws-account-id:subnet/x"',
      'name-of-group',
      'LifeCycleEvent',
    ]);
    expect(findings('appspec/template-text', 'version: 0.0\nos: linux\nx: [a]\ny: [Yours, truly]\n')).toEqual([]);
  });
});
