import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../../src/diagnostics/types.js';
import { lintAppSpec } from '../../../../src/appspec/lint.js';
import { ECS_NETWORK, ECS_PROPS, ecsDoc } from '../../../../src/appspec/rules/examples-ecs-lambda.js';
import { taskDefinitionArnProblem } from '../../../../src/appspec/rules/ecs/task-definition-arn.js';
import { at, startOf } from '../helpers.js';

function lint(text: string): readonly Diagnostic[] {
  return lintAppSpec(text, { platform: 'ecs' }).diagnostics;
}

function withRule(text: string, id: string): Diagnostic[] {
  return lint(text).filter((d) => d.ruleId === id);
}

function ecsIds(text: string): string[] {
  return lint(text)
    .map((d) => d.ruleId)
    .filter((id) => id.startsWith('ecs/'));
}

const VALID = ecsDoc(
  `${ECS_PROPS}        PlatformVersion: "1.4.0"\n${ECS_NETWORK}`,
  'Hooks:\n  - BeforeInstall: FnA\n  - AfterAllowTraffic: FnB\n',
);

describe('a valid ECS AppSpec', () => {
  it('has no ecs/* finding and is accepted', () => {
    const result = lintAppSpec(VALID, { platform: 'ecs' });
    expect(result.diagnostics).toEqual([]);
    expect(result.verdict.outcome).toBe('accept');
  });

  it('is also accepted in JSON form', () => {
    const json = JSON.stringify({
      version: 0.0,
      Resources: [
        {
          TargetService: {
            Type: 'AWS::ECS::Service',
            Properties: {
              TaskDefinition: 'arn:aws:ecs:eu-west-1:111122223333:task-definition/web:12',
              LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 8080 },
            },
          },
        },
      ],
      Hooks: [{ AfterInstall: 'arn:aws:lambda:eu-west-1:111122223333:function:Check' }],
    });
    expect(lint(json)).toEqual([]);
  });
});

describe('ecs/version', () => {
  it.each(['version: 1', 'version: 1.0', 'version: "1"', 'version: true', 'version: [0.0]'])('fires for %s', (line) => {
    const text = ecsDoc().replace('version: 0.0', line);
    const found = withRule(text, 'ecs/version');
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe('error');
    expect(startOf(found[0])).toEqual(at(text, line.slice('version: '.length)));
    expect(lintAppSpec(text, { platform: 'ecs' }).verdict.outcome).toBe('reject');
  });

  it.each(['version: 0.0', 'version: 0', 'version: "0.0"', "version: '0.0'", 'Version: 0.0'])('accepts %s', (line) => {
    expect(withRule(ecsDoc().replace('version: 0.0', line), 'ecs/version')).toEqual([]);
  });

  it('fires at the document start when version is missing', () => {
    const text = `# comment\n${ecsDoc().replace('version: 0.0\n', '')}`;
    const found = withRule(text, 'ecs/version');
    expect(found).toHaveLength(1);
    expect(startOf(found[0])).toEqual({ line: 2, column: 1 });
    expect(found[0]?.range.end.offset).toBe(found[0]?.range.start.offset);
  });

  it('fires on the key when version is null', () => {
    const text = ecsDoc().replace('version: 0.0', 'version:');
    expect(startOf(withRule(text, 'ecs/version')[0])).toEqual({ line: 1, column: 1 });
    const tilde = ecsDoc().replace('version: 0.0', 'version: ~');
    expect(withRule(tilde, 'ecs/version')).toHaveLength(1);
  });

  it('fires for a top level that is not a mapping, and stays quiet for an empty text', () => {
    expect(withRule('- a\n- b\n', 'ecs/version')).toHaveLength(1);
    expect(withRule('', 'ecs/version')).toEqual([]);
    expect(withRule('# nothing\n', 'ecs/version')).toEqual([]);
  });
});

describe('ecs/unknown-key', () => {
  it('fires for a misspelt key with a did-you-mean', () => {
    const text = ecsDoc().replace('ContainerPort: 80', 'ContainerPrt: 80');
    const found = withRule(text, 'ecs/unknown-key');
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe('warning');
    expect(found[0]?.suggestions).toEqual(['ContainerPort']);
    expect(startOf(found[0])).toEqual(at(text, 'ContainerPrt'));
  });

  it('fires for an event written at the top level and suggests Hooks', () => {
    const found = withRule(`${ecsDoc()}AfterInstall: Fn\n`, 'ecs/unknown-key');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('lifecycle event');
    expect(found[0]?.suggestions).toEqual(['Hooks']);
  });

  it('explains EC2 keys and checks every level', () => {
    const text = ecsDoc(
      `${ECS_PROPS}${ECS_NETWORK}        CapacityProviderStrategy:\n          - CapacityProvider: FARGATE\n            Wieght: 1\n        Foo: 1\n`,
    )
      .replace('Type: AWS::ECS::Service', 'Type: AWS::ECS::Service\n      Extra: 1')
      .replace('Subnets:', 'Subnet: ["x"]\n            Subnets:')
      .replace('AwsvpcConfiguration:', 'AwsvpcConfiguration:\n            Other: 1')
      .concat('os: linux\n');
    const found = withRule(text, 'ecs/unknown-key').map((d) => d.message);
    expect(found).toHaveLength(6);
    expect(found.some((m) => m.includes("'os' belongs to EC2"))).toBe(true);
    expect(found.some((m) => m.includes("'Wieght'"))).toBe(true);
  });

  it('reports non-string keys and ignores case variants of documented keys', () => {
    expect(withRule(`${ecsDoc()}1: x\n`, 'ecs/unknown-key')).toHaveLength(1);
    expect(withRule(ecsDoc().replace('Resources:', 'RESOURCES:'), 'ecs/unknown-key')).toEqual([]);
  });

  it('leaves merge keys to yaml/alias', () => {
    const text = ecsDoc().replace('LoadBalancerInfo:\n', 'LoadBalancerInfo:\n          <<: {}\n');
    expect(withRule(text, 'ecs/unknown-key')).toEqual([]);
  });

  it('does not look inside a suppressed Resources', () => {
    expect(withRule('version: 0.0\nResources:\n  TargetService:\n    Foo: 1\n', 'ecs/unknown-key')).toEqual([]);
  });
});

describe('ecs/key-case', () => {
  it('fires (info) for documented keys in another case', () => {
    const text = ecsDoc()
      .replace('Resources:', 'resources:')
      .replace('TaskDefinition:', 'taskdefinition:')
      .replace('version:', 'Version:');
    const found = withRule(text, 'ecs/key-case');
    expect(found.map((d) => d.suggestions?.[0])).toEqual(['version', 'Resources', 'TaskDefinition']);
    expect(found.every((d) => d.severity === 'info')).toBe(true);
    expect(lintAppSpec(text, { platform: 'ecs' }).verdict.outcome).toBe('accept');
  });

  it('does not fire for the documented spelling', () => {
    expect(withRule(VALID, 'ecs/key-case')).toEqual([]);
  });
});

describe('ecs/resources-missing', () => {
  it('fires without Resources', () => {
    const found = withRule('version: 0.0\nHooks:\n  - BeforeInstall: Fn\n', 'ecs/resources-missing');
    expect(found).toHaveLength(1);
    expect(startOf(found[0])).toEqual({ line: 1, column: 1 });
  });

  it.each(['Resources:', 'Resources: []', 'Resources: ~'])('fires on the key for %s', (line) => {
    const found = withRule(`version: 0.0\n${line}\n`, 'ecs/resources-missing');
    expect(found).toHaveLength(1);
    expect(startOf(found[0])).toEqual({ line: 2, column: 1 });
  });

  it('fires for a top level that is not a mapping', () => {
    expect(withRule('just text\n', 'ecs/resources-missing')).toHaveLength(1);
  });

  it('does not fire when Resources is present in any case', () => {
    expect(withRule(ecsDoc().replace('Resources:', 'resources:'), 'ecs/resources-missing')).toEqual([]);
  });
});

describe('ecs/resources-shape', () => {
  it('fires for a CloudFormation-style mapping and suppresses the rules below it', () => {
    const text = 'version: 0.0\nResources:\n  TargetService:\n    Properties:\n      Foo: 1\n';
    const ids = ecsIds(text);
    expect(ids).toEqual(['ecs/resources-shape']);
    expect(withRule(text, 'ecs/resources-shape')[0]?.message).toContain('CloudFormation');
    // with `Type: AWS::…` entries it is a CloudFormation template: no platform rule runs
    expect(ecsIds(ecsDoc().replace('  - TargetService:', '  TargetService:'))).toEqual([]);
  });

  it('fires for a scalar Resources', () => {
    expect(ecsIds('version: 0.0\nResources: TargetService\n')).toEqual(['ecs/resources-shape']);
  });

  it('fires for items that are not single-key mappings', () => {
    const text = 'version: 0.0\nResources:\n  - TargetService\n  - {a: 1, b: 2}\n  - x:\n  - y: 3\n';
    const found = withRule(text, 'ecs/resources-shape');
    expect(found).toHaveLength(4);
    expect(startOf(found[0])).toEqual({ line: 3, column: 3 });
  });

  it('fires for Properties that is not a mapping, and not for an empty one', () => {
    const text = ecsDoc('        - TaskDefinition: x\n');
    expect(withRule(text, 'ecs/resources-shape')).toHaveLength(1);
    expect(withRule(text, 'ecs/task-definition-missing')).toEqual([]);
    const empty = 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n';
    expect(withRule(empty, 'ecs/resources-shape')).toEqual([]);
    expect(withRule(empty, 'ecs/task-definition-missing')).toHaveLength(1);
  });

  it('does not fire for the documented list form', () => {
    expect(withRule(VALID, 'ecs/resources-shape')).toEqual([]);
  });
});

describe('ecs/resources-count', () => {
  it('fires once at the second resource', () => {
    const text = `${ecsDoc()}  - Second:\n      Type: AWS::ECS::Service\n  - Third: {}\n`;
    const found = withRule(text, 'ecs/resources-count');
    expect(found).toHaveLength(1);
    expect(found[0]?.data).toEqual({ count: 3 });
    expect(startOf(found[0])).toEqual(at(text, '- Second'));
  });

  it('does not fire for one resource', () => {
    expect(withRule(VALID, 'ecs/resources-count')).toEqual([]);
  });
});

describe('ecs/resource-name', () => {
  it('fires for another name, and explains a case variant', () => {
    expect(withRule(ecsDoc().replace('TargetService', 'MyService'), 'ecs/resource-name')[0]?.suggestions).toEqual([
      'TargetService',
    ]);
    expect(withRule(ecsDoc().replace('TargetService', 'targetService'), 'ecs/resource-name')[0]?.message).toContain(
      'documented name',
    );
  });

  it('does not fire for TargetService', () => {
    expect(withRule(VALID, 'ecs/resource-name')).toEqual([]);
  });
});

describe('ecs/resource-type', () => {
  it('fires for a wrong type at the value', () => {
    const text = ecsDoc().replace('AWS::ECS::Service', 'AWS::Lambda::Function');
    const found = withRule(text, 'ecs/resource-type');
    expect(found[0]?.suggestions).toEqual(['AWS::ECS::Service']);
    expect(startOf(found[0])).toEqual(at(text, 'AWS::Lambda'));
  });

  it('fires at the resource name when Type is missing, and at the key when null', () => {
    const missing = ecsDoc().replace('      Type: AWS::ECS::Service\n', '');
    expect(startOf(withRule(missing, 'ecs/resource-type')[0])).toEqual(at(missing, 'TargetService'));
    const empty = ecsDoc().replace('Type: AWS::ECS::Service', 'Type:');
    expect(withRule(empty, 'ecs/resource-type')[0]?.message).toContain('no value');
    expect(withRule(ecsDoc().replace('Type: AWS::ECS::Service', 'Type: [a]'), 'ecs/resource-type')).toHaveLength(1);
  });

  it('does not fire for AWS::ECS::Service, in any key case', () => {
    expect(withRule(ecsDoc().replace('Type:', 'type:'), 'ecs/resource-type')).toEqual([]);
  });
});

describe('ecs/task-definition-missing', () => {
  it('fires at Properties when TaskDefinition is absent', () => {
    const text = ecsDoc().replace(/ {8}TaskDefinition: .*\n/, '');
    const found = withRule(text, 'ecs/task-definition-missing');
    expect(startOf(found[0])).toEqual(at(text, 'Properties'));
  });

  it('fires at the resource name when Properties is absent', () => {
    const text = 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n';
    expect(startOf(withRule(text, 'ecs/task-definition-missing')[0])).toEqual(at(text, 'TargetService'));
    expect(withRule(text, 'ecs/load-balancer-info-missing')).toHaveLength(1);
  });

  it.each([
    ['TaskDefinition:', 'no value'],
    ['TaskDefinition: "  "', 'empty'],
    ['TaskDefinition: [a, b]', 'not a list'],
  ])('fires for %s', (line, words) => {
    const text = ecsDoc().replace(/TaskDefinition: .*/, line);
    const found = withRule(text, 'ecs/task-definition-missing');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain(words.split(' ').at(-1));
  });

  it('does not fire for a placeholder or an ARN', () => {
    expect(
      withRule(
        ecsDoc().replace(/TaskDefinition: .*/, 'TaskDefinition: <TASK_DEFINITION>'),
        'ecs/task-definition-missing',
      ),
    ).toEqual([]);
    expect(withRule(VALID, 'ecs/task-definition-missing')).toEqual([]);
  });
});

describe('ecs/task-definition-arn', () => {
  it.each([
    ['task-definition.json', 'file name'],
    ['deploy/task-definition.json', 'file name'],
    ['web', 'bare family'],
    ['web:3', 'family:revision'],
    ['web:*', 'wildcard'],
    ['arn:aws:ecs:us-east-1:111122223333:task-definition/web', 'no revision'],
    ['arn:aws:ecs:us-east-1:111122223333:task-definition/web:*', 'wildcard'],
    ['arn:aws:ecs:us-east-1:111122223333:service/web:3', 'not of a task definition'],
    ['arn::ecs:us-east-1:111122223333:task-definition/web:3', 'partition'],
    ['arn:aws:ec2:us-east-1:111122223333:task-definition/web:3', "'ec2'"],
    ['arn:aws:ecs::111122223333:task-definition/web:3', 'region'],
    ['arn:aws:ecs:us-east-1:1234:task-definition/web:3', 'account'],
    ['arn:aws:ecs:us-east-1:111122223333:task-definition/w.b:3', 'family'],
    ['arn:aws:ecs:us-east-1:111122223333:task-definition/web:0', 'revision'],
    ['arn:aws:ecs:us-east-1:111122223333:task-definition/web:3:4', 'too many'],
    ['my task', 'not a task definition ARN'],
  ])('describes %s', (value, words) => {
    expect(taskDefinitionArnProblem(value)).toContain(words);
  });

  it('accepts full ARNs in every partition', () => {
    expect(taskDefinitionArnProblem('arn:aws:ecs:us-east-1:111122223333:task-definition/web:3')).toBeNull();
    expect(taskDefinitionArnProblem('arn:aws-cn:ecs:cn-north-1:111122223333:task-definition/my_app-1:120')).toBeNull();
  });

  it('fires (warning) at the value and keeps the file accepted', () => {
    const text = ecsDoc().replace(/TaskDefinition: .*/, 'TaskDefinition: task-definition.json');
    const found = withRule(text, 'ecs/task-definition-arn');
    expect(found[0]?.severity).toBe('warning');
    expect(startOf(found[0])).toEqual(at(text, 'task-definition.json'));
    expect(lintAppSpec(text, { platform: 'ecs' }).verdict.outcome).toBe('accept');
  });

  it('fires for a number, and skips whole placeholders and template text', () => {
    expect(
      withRule(ecsDoc().replace(/TaskDefinition: .*/, 'TaskDefinition: 12'), 'ecs/task-definition-arn'),
    ).toHaveLength(1);
    for (const value of ['"<TASK_DEFINITION>"', 'TASK_DEFINITION_ARN', '"[Your task definition arn]"', '"{{TD}}"']) {
      const text = ecsDoc().replace(/TaskDefinition: .*/, `TaskDefinition: ${value}`);
      expect(withRule(text, 'ecs/task-definition-arn'), value).toEqual([]);
    }
  });
});

describe('ecs/load-balancer-info-missing and -shape', () => {
  it('fires when LoadBalancerInfo is absent or empty', () => {
    const text = ecsDoc('        TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"\n');
    expect(startOf(withRule(text, 'ecs/load-balancer-info-missing')[0])).toEqual(at(text, 'Properties'));
    const empty = ecsDoc().replace(/LoadBalancerInfo:\n.*\n.*\n/, 'LoadBalancerInfo:\n');
    expect(withRule(empty, 'ecs/load-balancer-info-missing')[0]?.message).toContain('empty');
  });

  it('fires for a list or a scalar and suppresses the container rules', () => {
    const list = ecsDoc()
      .replace('ContainerName: "web"', '- ContainerName: "web"')
      .replace('          ContainerPort', '            ContainerPort');
    expect(ecsIds(list)).toEqual(['ecs/load-balancer-info-shape']);
    const scalar = ecsDoc().replace(/LoadBalancerInfo:\n.*\n.*\n/, 'LoadBalancerInfo: web:80\n');
    expect(ecsIds(scalar)).toEqual(['ecs/load-balancer-info-shape']);
  });

  it('does not fire for a mapping', () => {
    expect(ecsIds(VALID)).toEqual([]);
  });
});

describe('ecs/container-name-missing', () => {
  it.each([
    ['          ContainerName: "web"\n', ''],
    ['ContainerName: "web"', 'ContainerName:'],
    ['ContainerName: "web"', 'ContainerName: ""'],
    ['ContainerName: "web"', 'ContainerName: {a: 1}'],
  ])('fires when %s becomes %s', (from, to) => {
    expect(withRule(ecsDoc().replace(from, to), 'ecs/container-name-missing')).toHaveLength(1);
  });

  it('does not fire for a name or a placeholder', () => {
    expect(withRule(ecsDoc().replace('"web"', '"<CONTAINER_NAME>"'), 'ecs/container-name-missing')).toEqual([]);
    expect(withRule(VALID, 'ecs/container-name-missing')).toEqual([]);
  });
});

describe('ecs/container-port-missing, -type and -value', () => {
  const withPort = (line: string): string => ecsDoc().replace('ContainerPort: 80', line);

  it('missing: fires when absent or null', () => {
    expect(withRule(ecsDoc().replace('          ContainerPort: 80\n', ''), 'ecs/container-port-missing')).toHaveLength(
      1,
    );
    expect(withRule(withPort('ContainerPort:'), 'ecs/container-port-missing')).toHaveLength(1);
    expect(withRule(withPort('ContainerPort: 80'), 'ecs/container-port-missing')).toEqual([]);
  });

  it('type: fires (warning) for a numeric string with the number as suggestion', () => {
    const found = withRule(withPort('ContainerPort: "8080"'), 'ecs/container-port-type');
    expect(found[0]?.severity).toBe('warning');
    expect(found[0]?.suggestions).toEqual(['8080']);
    expect(withRule(withPort('ContainerPort: "8080"'), 'ecs/container-port-value')).toEqual([]);
    expect(withRule(withPort('ContainerPort: 8080'), 'ecs/container-port-type')).toEqual([]);
  });

  it.each([
    'ContainerPort: 0',
    'ContainerPort: 65536',
    'ContainerPort: 80.5',
    'ContainerPort: "http"',
    'ContainerPort: "0"',
    'ContainerPort: "123456"',
    'ContainerPort: true',
    'ContainerPort: [80]',
  ])('value: fires (error) for %s', (line) => {
    const found = withRule(withPort(line), 'ecs/container-port-value');
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe('error');
    expect(withRule(withPort(line), 'ecs/container-port-type')).toEqual([]);
  });

  it('value: a port that repeats its key name is a template slot (warning)', () => {
    for (const value of ['ContainerPort', 'container-port', '"Container Port"']) {
      const found = withRule(withPort(`ContainerPort: ${value}`), 'ecs/container-port-value');
      expect(found[0]?.severity, value).toBe('warning');
      expect(found[0]?.data).toEqual({ placeholder: true });
    }
    // an upper-case token is a placeholder (appspec/placeholder), which skips the format rule
    const token = lint(withPort('ContainerPort: CONTAINER_PORT')).map((d) => d.ruleId);
    expect(token).toEqual(['appspec/placeholder']);
  });

  it('value: skips a whole placeholder', () => {
    expect(withRule(withPort('ContainerPort: "<CONTAINER_PORT>"'), 'ecs/container-port-value')).toEqual([]);
    expect(withRule(withPort('ContainerPort: 1'), 'ecs/container-port-value')).toEqual([]);
    expect(withRule(withPort('ContainerPort: 65535'), 'ecs/container-port-value')).toEqual([]);
  });
});

describe('ecs/network-configuration-shape', () => {
  const net = (block: string): string => ecsDoc(`${ECS_PROPS}        NetworkConfiguration:${block}`);

  it.each([
    [' ~\n', 1],
    [' [a]\n', 1],
    ['\n          Subnets: ["s"]\n', 1],
    ['\n          AwsvpcConfiguration:\n', 1],
    ['\n          AwsvpcConfiguration: text\n', 1],
    [
      '\n          AwsvpcConfiguration:\n            Subnets: subnet-1\n            SecurityGroups: ["sg-1", "", 3]\n            AssignPublicIp: DISABLED\n',
      3,
    ],
  ])('fires for NetworkConfiguration:%j', (block, count) => {
    expect(withRule(net(block), 'ecs/network-configuration-shape')).toHaveLength(count);
  });

  it('does not fire for a complete block, placeholders included', () => {
    expect(withRule(VALID, 'ecs/network-configuration-shape')).toEqual([]);
    expect(
      withRule(
        ecsDoc(`${ECS_PROPS}${ECS_NETWORK.replace('"subnet-1234abcd"', '"<SUBNET_1>"')}`),
        'ecs/network-configuration-shape',
      ),
    ).toEqual([]);
  });
});

describe('ecs/awsvpc-partial', () => {
  it('fires at AwsvpcConfiguration listing what is missing', () => {
    const text = ecsDoc(
      `${ECS_PROPS}${ECS_NETWORK.replace(/ {12}AssignPublicIp: .*\n/, '').replace(/ {12}Subnets: .*\n/, '')}`,
    );
    const found = withRule(text, 'ecs/awsvpc-partial');
    expect(found[0]?.data).toEqual({ missing: ['Subnets', 'AssignPublicIp'] });
    expect(startOf(found[0])).toEqual(at(text, 'AwsvpcConfiguration'));
    const nullValue = ecsDoc(`${ECS_PROPS}${ECS_NETWORK.replace('AssignPublicIp: "DISABLED"', 'AssignPublicIp:')}`);
    expect(withRule(nullValue, 'ecs/awsvpc-partial')[0]?.data).toEqual({ missing: ['AssignPublicIp'] });
    expect(withRule(nullValue, 'ecs/assign-public-ip')).toEqual([]);
  });

  it('does not fire when all three are present', () => {
    expect(withRule(VALID, 'ecs/awsvpc-partial')).toEqual([]);
  });
});

describe('ecs/assign-public-ip', () => {
  const ip = (value: string): string => ecsDoc(`${ECS_PROPS}${ECS_NETWORK.replace('"DISABLED"', value)}`);

  it.each([
    ['enabled', ['ENABLED']],
    ['true', ['ENABLED']],
    ['false', ['DISABLED']],
    ['"YES"', ['ENABLED', 'DISABLED']],
    ['1', ['ENABLED', 'DISABLED']],
    ['[ENABLED]', ['ENABLED', 'DISABLED']],
  ])('fires for %s', (value, suggestions) => {
    const found = withRule(ip(value), 'ecs/assign-public-ip');
    expect(found[0]?.suggestions).toEqual(suggestions);
  });

  it('does not fire for the enum or the documentation template text', () => {
    expect(withRule(ip('ENABLED'), 'ecs/assign-public-ip')).toEqual([]);
    expect(withRule(ip('"ENABLED-or-DISABLED"'), 'ecs/assign-public-ip')).toEqual([]);
  });
});

describe('ecs/capacity-provider-strategy', () => {
  const cps = (block: string): string => ecsDoc(`${ECS_PROPS}        CapacityProviderStrategy:${block}`);

  it.each([
    [' FARGATE\n', 1],
    ['\n          - FARGATE\n', 1],
    ['\n          - Weight: 1\n', 1],
    ['\n          - CapacityProvider: ""\n            Weight: 1\n', 1],
    ['\n          - CapacityProvider: A\n            Base: -1\n            Weight: "2"\n', 2],
    [
      '\n          - CapacityProvider: A\n            Base: 1\n          - CapacityProvider: B\n            Base: 2\n            Weight: 1\n',
      1,
    ],
    ['\n          - CapacityProvider: A\n          - CapacityProvider: B\n            Weight: 0\n', 1],
  ])('fires for CapacityProviderStrategy:%j', (block, count) => {
    expect(withRule(cps(block), 'ecs/capacity-provider-strategy')).toHaveLength(count);
  });

  it('does not fire for a valid strategy, a single zero-weight item, or null', () => {
    expect(
      withRule(
        cps(
          '\n          - CapacityProvider: A\n            Base: 2\n            Weight: 1\n          - CapacityProvider: B\n            Weight: 3\n',
        ),
        'ecs/capacity-provider-strategy',
      ),
    ).toEqual([]);
    expect(
      withRule(cps('\n          - CapacityProvider: A\n            Base:\n'), 'ecs/capacity-provider-strategy'),
    ).toEqual([]);
    expect(withRule(cps(' ~\n'), 'ecs/capacity-provider-strategy')).toEqual([]);
  });
});

describe('ecs/hooks-shape', () => {
  it('fires for the EC2 mapping style and suppresses the hook rules', () => {
    const text = ecsDoc(undefined, 'Hooks:\n  BeforeInstall: Fn\n');
    expect(ecsIds(text)).toEqual(['ecs/hooks-shape']);
    expect(withRule(text, 'ecs/hooks-shape')[0]?.message).toContain('EC2 style');
  });

  it('fires for a scalar, and for items that are not single pairs', () => {
    expect(withRule(ecsDoc(undefined, 'Hooks: Fn\n'), 'ecs/hooks-shape')).toHaveLength(1);
    const text = ecsDoc(undefined, 'Hooks:\n  - Fn\n  - BeforeInstall: A\n    AfterInstall: B\n  - AfterInstall: C\n');
    expect(withRule(text, 'ecs/hooks-shape')).toHaveLength(2);
    expect(withRule(text, 'ecs/hook-name')).toEqual([]);
  });

  it('does not fire for a list of pairs or empty Hooks', () => {
    expect(withRule(VALID, 'ecs/hooks-shape')).toEqual([]);
    expect(ecsIds(ecsDoc(undefined, 'Hooks:\n'))).toEqual([]);
    expect(ecsIds(ecsDoc(undefined, 'Hooks: []\n'))).toEqual([]);
  });
});

describe('ecs/hook-name', () => {
  it.each([
    ['Install', ['BeforeInstall', 'AfterInstall'], 'reserved'],
    ['AllowTestTraffic', ['AfterAllowTestTraffic'], 'reserved'],
    ['ApplicationStart', [], 'not an ECS event'],
    ['afterInstall', ['AfterInstall'], 'case'],
    ['AfterInstal', ['AfterInstall'], 'not a lifecycle event'],
  ])('fires for %s', (name, suggestions, words) => {
    const text = ecsDoc(undefined, `Hooks:\n  - ${name}: Fn\n`);
    const found = withRule(text, 'ecs/hook-name');
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe('error');
    expect(found[0]?.message).toContain(words);
    expect(found[0]?.suggestions ?? []).toEqual(suggestions);
    expect(startOf(found[0])).toEqual(at(text, name));
  });

  it('does not fire for the five ECS events', () => {
    const hooks = ['BeforeInstall', 'AfterInstall', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic'];
    expect(
      withRule(ecsDoc(undefined, `Hooks:\n${hooks.map((h) => `  - ${h}: Fn\n`).join('')}`), 'ecs/hook-name'),
    ).toEqual([]);
  });
});

describe('ecs/hook-function-empty', () => {
  it.each(['', ' ""', ' "   "', ' 42', ' [a]', ' ~'])('fires for a hook value of %j', (value) => {
    expect(withRule(ecsDoc(undefined, `Hooks:\n  - AfterInstall:${value}\n`), 'ecs/hook-function-empty')).toHaveLength(
      1,
    );
  });

  it('does not fire for a name, an ARN or a placeholder', () => {
    for (const fn of ['Check', 'arn:aws:lambda:us-east-1:111122223333:function:Check', '"<HOOK_FN>"']) {
      expect(withRule(ecsDoc(undefined, `Hooks:\n  - AfterInstall: ${fn}\n`), 'ecs/hook-function-empty')).toEqual([]);
    }
  });
});

describe('ecs/hook-duplicate', () => {
  it('fires at the second occurrence with the first as related', () => {
    const text = ecsDoc(undefined, 'Hooks:\n  - AfterInstall: A\n  - BeforeInstall: B\n  - AfterInstall: C\n');
    const found = withRule(text, 'ecs/hook-duplicate');
    expect(found).toHaveLength(1);
    expect(found[0]?.severity).toBe('warning');
    expect(startOf(found[0])).toEqual(at(text, 'AfterInstall', 1));
    expect(found[0]?.related?.[0]?.range.start.line).toBe(at(text, 'AfterInstall').line);
  });

  it('does not fire for distinct events', () => {
    expect(withRule(VALID, 'ecs/hook-duplicate')).toEqual([]);
  });
});
