// Sources of the published AppSpec JSON Schemas (draft-07), one per compute platform.
// scripts/build-schemas.mjs writes them to schemas/ and compiles them into standalone validators.
//
// The schemas accept what the linter accepts without errors: keys the agent or the service
// ignores are allowed (the linter warns about them); wrong shapes, missing required keys and
// closed-set values are schema errors. Spec: ../shared/spec/appspec.md §3.

/** Base URL the schemas are published under (the npm package's `schemas/` folder). */
export const SCHEMA_BASE_URL = 'https://unpkg.com/iamspec/schemas/';

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** A string with at least one non-blank character. No minLength: it would need an Ajv runtime helper. */
const nonBlankString = (description) => ({ type: 'string', pattern: '\\S', description });

/** Escapes a literal for use inside a regular expression source. */
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern matching `name` in any letter case. */
export function anyCasePattern(name) {
  let out = '';
  for (const ch of name) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    out += lower === upper ? escapeRegExp(ch) : `[${upper}${lower}]`;
  }
  return out;
}

/**
 * An object whose keys match case-insensitively (ECS and Lambda, spec §3.3). The documented
 * spelling is listed under `properties` (completion and hover in editors); every other
 * spelling is validated through `patternProperties`; a required key counts in any case.
 * Each property's schema is stored once in `defs` under `<name>.<key>` and referenced twice,
 * so that nesting does not multiply the schema (and the generated validator).
 */
function anyCaseObject(defs, name, description, props, required) {
  const properties = {};
  const patternProperties = {};
  for (const [key, schema] of Object.entries(props)) {
    const defName = `${name}.${key}`;
    defs[defName] = schema;
    const ref = { $ref: `#/definitions/${defName}` };
    properties[key] = ref;
    patternProperties[`^(?!${escapeRegExp(key)}$)${anyCasePattern(key)}$`] = ref;
  }
  const out = { type: 'object', description, properties, patternProperties };
  if (required.length > 0) {
    out.allOf = required.map((key) => ({
      anyOf: [{ required: [key] }, { not: { propertyNames: { not: { pattern: `^${anyCasePattern(key)}$` } } } }],
    }));
  }
  return out;
}

/** A list of single-key mappings `- Event: function`, events from a closed set. */
function hookList(events, description) {
  const fn = nonBlankString('Name or ARN of the Lambda function that validates this lifecycle event.');
  const properties = {};
  for (const [event, text] of Object.entries(events)) properties[event] = { ...fn, description: text };
  return {
    type: ['array', 'null'],
    description,
    items: {
      type: 'object',
      description: 'One hook: `- <Event>: <function name or ARN>`.',
      minProperties: 1,
      maxProperties: 1,
      propertyNames: { enum: Object.keys(events) },
      properties,
      additionalProperties: fn,
    },
  };
}

const versionEcsLambda = {
  description: 'AppSpec version. Only 0.0 is allowed (a number, or the string "0.0").',
  enum: [0, '0.0'],
};

// ---------------------------------------------------------------- EC2/On-Premises (§3.1)

const ec2Events = {
  ApplicationStop: 'Runs before the bundle is downloaded; scripts come from the last successful revision.',
  BeforeInstall: 'Runs before the files are copied (pre-install tasks such as backups).',
  AfterInstall: 'Runs after the files are copied (configuration, file permissions).',
  ApplicationStart: 'Starts services stopped during ApplicationStop.',
  ValidateService: 'Verifies that the deployment completed successfully.',
  BeforeBlockTraffic: 'Runs before the instance is deregistered from the load balancer.',
  AfterBlockTraffic: 'Runs after the instance is deregistered from the load balancer.',
  BeforeAllowTraffic: 'Runs before the instance is registered with the load balancer.',
  AfterAllowTraffic: 'Runs after the instance is registered with the load balancer.',
};

const ec2Script = {
  type: 'object',
  description: 'One script run during the lifecycle event.',
  required: ['location'],
  properties: {
    location: {
      description: 'Path of the script relative to the bundle root; no arguments.',
      anyOf: [{ type: 'string', pattern: '\\S' }, { type: 'number' }],
    },
    timeout: {
      description: 'Seconds the script may run (default 3600). Write a plain integer 1–3600.',
      anyOf: [
        { type: 'number', minimum: 1 },
        { type: 'string', pattern: '^\\s*\\+?0*[1-9]' },
        { type: 'null' },
        { enum: [false] },
      ],
    },
    runas: {
      description: 'Linux only: user the script runs as (switched to with `su`, so it must need no password).',
      type: ['string', 'number', 'null'],
    },
    sudo: { description: 'Undocumented; Linux only: prefixes the command with `sudo`.', type: 'boolean' },
  },
};

const ec2ScriptList = {
  description: 'Scripts of this lifecycle event, run one after another.',
  type: ['array', 'null'],
  items: ec2Script,
};

const ec2HookProperties = {};
for (const [event, text] of Object.entries(ec2Events)) {
  ec2HookProperties[event] = { $ref: '#/definitions/scripts', description: text };
}

const textValue = { type: ['string', 'number', 'boolean'] };

/** The EC2/On-Premises AppSpec schema. */
export function serverSchema() {
  return {
    $schema: DRAFT_07,
    $id: `${SCHEMA_BASE_URL}appspec-server.schema.json`,
    title: 'CodeDeploy AppSpec file (EC2/On-Premises)',
    description:
      'appspec.yml of an EC2/On-Premises revision. Keys are case-sensitive; the CodeDeploy agent ignores unknown keys.',
    type: 'object',
    required: ['version', 'os'],
    properties: {
      version: { description: 'Must be the number 0.0, written without quotes.', enum: [0] },
      os: {
        description: 'Operating system of the instances: exactly `linux` or `windows`.',
        enum: ['linux', 'windows'],
      },
      files: {
        description: 'Files copied from the bundle to the instance during Install.',
        type: ['array', 'null'],
        items: {
          type: 'object',
          required: ['source', 'destination'],
          properties: {
            source: {
              description: 'Bundle-relative path; `/` or `.` means the whole bundle.',
              type: ['string', 'number'],
            },
            destination: {
              description: 'Absolute directory on the instance (always treated as a directory).',
              type: ['string', 'number'],
            },
          },
        },
      },
      permissions: {
        description: 'Linux only: permissions applied to copied files and created directories.',
        type: ['array', 'null'],
        items: {
          type: 'object',
          required: ['object'],
          properties: {
            object: nonBlankString('Absolute path of a deployed file or directory.'),
            pattern: { ...textValue, description: 'Name pattern (only `*` is special); default `**`.' },
            except: { type: 'array', description: 'Names excluded from `pattern`.', items: textValue },
            owner: { type: ['string', 'number'], description: 'Owner user name.' },
            group: { type: ['string', 'number'], description: 'Group name.' },
            mode: {
              description: 'Octal mode, 3 or 4 digits. Quote values with a leading zero: "0644".',
              anyOf: [
                { type: 'string', pattern: '^[0-7]{1,4}$' },
                { type: 'integer', minimum: 0, maximum: 7777 },
              ],
            },
            acls: {
              type: 'array',
              description: 'setfacl-style entries such as `u:name:rwx` or `d:g:name:r-x`.',
              items: { type: 'string' },
            },
            context: {
              type: 'object',
              description: 'SELinux context; the agent reads the user from `name`.',
              required: ['type'],
              properties: {
                name: { type: 'string', description: 'SELinux user (the agent reads this key).' },
                user: { type: 'string', description: 'Documented, but ignored by the agent: use `name`.' },
                type: { type: 'string', description: 'SELinux type.' },
                range: { type: 'string', description: 'SELinux range, e.g. `s0-s3:c0.c7`.' },
              },
            },
            type: {
              type: 'array',
              description: 'Which deployed objects the entry applies to; default both.',
              items: { enum: ['file', 'directory'] },
            },
          },
        },
      },
      hooks: {
        description: 'Lifecycle event name → scripts.',
        type: ['object', 'null'],
        properties: ec2HookProperties,
        additionalProperties: { $ref: '#/definitions/scripts' },
      },
      file_exists_behavior: {
        description: 'What Install does with files that already exist at the destination.',
        enum: ['DISALLOW', 'OVERWRITE', 'RETAIN', null],
      },
    },
    definitions: { scripts: ec2ScriptList },
  };
}

// ---------------------------------------------------------------- Amazon ECS (§3.2)

const ecsEvents = {
  BeforeInstall: 'Runs before the replacement task set is created.',
  AfterInstall: 'Runs after the replacement task set is created.',
  AfterAllowTestTraffic: 'Runs after the test listener serves traffic to the replacement task set.',
  BeforeAllowTraffic: 'Runs before production traffic is shifted.',
  AfterAllowTraffic: 'Runs after production traffic is shifted.',
};

const nonBlankStringList = (description) => ({
  type: 'array',
  description,
  items: { type: 'string', pattern: '\\S' },
});

const nonNegativeInteger = (description) => ({ type: 'integer', minimum: 0, description });

/** The ECS AppSpec schema's root object; shared definitions are collected in `defs`. */
function ecsRoot(defs) {
  const lbi = anyCaseObject(
    defs,
    'LoadBalancerInfo',
    'The container that receives traffic.',
    {
      ContainerName: nonBlankString('Name of a container of the task definition.'),
      ContainerPort: {
        description: 'Container port that receives traffic (a number, 1–65535).',
        anyOf: [
          { type: 'integer', minimum: 1, maximum: 65535 },
          { type: 'string', pattern: '^[1-9][0-9]{0,4}$' },
        ],
      },
    },
    ['ContainerName', 'ContainerPort'],
  );
  const awsvpc = anyCaseObject(
    defs,
    'AwsvpcConfiguration',
    'awsvpc settings: give all three keys or none.',
    {
      Subnets: nonBlankStringList('Subnet ids.'),
      SecurityGroups: nonBlankStringList('Security group ids.'),
      AssignPublicIp: { description: '`ENABLED` or `DISABLED`.', enum: ['ENABLED', 'DISABLED'] },
    },
    ['Subnets', 'SecurityGroups', 'AssignPublicIp'],
  );
  const network = anyCaseObject(
    defs,
    'NetworkConfiguration',
    'Network configuration of the replacement task set.',
    { AwsvpcConfiguration: awsvpc },
    ['AwsvpcConfiguration'],
  );
  const capacityProvider = anyCaseObject(
    defs,
    'CapacityProviderStrategy.item',
    'One capacity provider.',
    {
      Base: nonNegativeInteger('Minimum number of tasks on this provider (at most one item may set it).'),
      CapacityProvider: nonBlankString('Capacity provider name.'),
      Weight: nonNegativeInteger('Relative share of tasks.'),
    },
    ['CapacityProvider'],
  );
  const properties = anyCaseObject(
    defs,
    'Properties',
    'Properties of the replacement task set.',
    {
      TaskDefinition: nonBlankString(
        'Task definition ARN: arn:<partition>:ecs:<region>:<account>:task-definition/<family>:<revision>.',
      ),
      LoadBalancerInfo: lbi,
      PlatformVersion: { type: ['string', 'number'], description: 'Fargate platform version; default LATEST.' },
      NetworkConfiguration: network,
      CapacityProviderStrategy: {
        type: 'array',
        description: 'Capacity providers of the replacement task set.',
        items: capacityProvider,
      },
    },
    ['TaskDefinition', 'LoadBalancerInfo'],
  );
  defs.TargetService = anyCaseObject(
    defs,
    'TargetService',
    'The ECS service that receives the new task set.',
    {
      Type: { description: 'Must be `AWS::ECS::Service`.', enum: ['AWS::ECS::Service'] },
      Properties: properties,
    },
    ['Type', 'Properties'],
  );
  const service = { $ref: '#/definitions/TargetService' };
  return anyCaseObject(
    defs,
    'AppSpec',
    'AppSpec of an Amazon ECS blue/green deployment. Keys match in any case; the documented spelling is PascalCase.',
    {
      version: versionEcsLambda,
      Resources: {
        type: 'array',
        description: 'Exactly one item: `- TargetService:`.',
        minItems: 1,
        maxItems: 1,
        items: {
          type: 'object',
          minProperties: 1,
          maxProperties: 1,
          properties: { TargetService: service },
          additionalProperties: service,
        },
      },
      Hooks: hookList(ecsEvents, 'Lambda functions run at lifecycle events.'),
    },
    ['version', 'Resources'],
  );
}

/** The Amazon ECS AppSpec schema. */
export function ecsSchema() {
  const definitions = {};
  const root = ecsRoot(definitions);
  return {
    $schema: DRAFT_07,
    $id: `${SCHEMA_BASE_URL}appspec-ecs.schema.json`,
    title: 'CodeDeploy AppSpec file (Amazon ECS)',
    ...root,
    definitions,
  };
}

// ---------------------------------------------------------------- AWS Lambda (§3.3)

const lambdaEvents = {
  BeforeAllowTraffic: 'Runs before traffic is shifted to the target version.',
  AfterAllowTraffic: 'Runs after all traffic is shifted to the target version.',
};

const lambdaVersion = (description) => ({
  description,
  anyOf: [
    { type: 'integer', minimum: 1 },
    { type: 'string', pattern: '^[1-9][0-9]*$' },
  ],
});

/** The AWS Lambda AppSpec schema's root object; shared definitions are collected in `defs`. */
function lambdaRoot(defs) {
  const properties = anyCaseObject(
    defs,
    'Properties',
    'Function, alias and versions.',
    {
      Name: nonBlankString('Function name.'),
      Alias: nonBlankString('Alias whose traffic is shifted.'),
      CurrentVersion: lambdaVersion('Version the alias points to now (a positive integer).'),
      TargetVersion: lambdaVersion('Version traffic moves to (a positive integer).'),
    },
    ['Name', 'Alias', 'CurrentVersion', 'TargetVersion'],
  );
  defs.Function = anyCaseObject(
    defs,
    'Function',
    'The Lambda function whose alias is shifted.',
    {
      Type: { description: 'Must be `AWS::Lambda::Function`.', enum: ['AWS::Lambda::Function'] },
      Properties: properties,
    },
    ['Type', 'Properties'],
  );
  return anyCaseObject(
    defs,
    'AppSpec',
    'AppSpec of an AWS Lambda deployment. Keys match in any case; the documented spelling is PascalCase.',
    {
      version: versionEcsLambda,
      Resources: {
        type: 'array',
        description: 'Exactly one item: `- <logicalName>:`.',
        minItems: 1,
        maxItems: 1,
        items: {
          type: 'object',
          minProperties: 1,
          maxProperties: 1,
          additionalProperties: { $ref: '#/definitions/Function' },
        },
      },
      Hooks: hookList(lambdaEvents, 'Lambda functions run before and after traffic shifts.'),
    },
    ['version', 'Resources'],
  );
}

/** The AWS Lambda AppSpec schema. */
export function lambdaSchema() {
  const definitions = {};
  const root = lambdaRoot(definitions);
  return {
    $schema: DRAFT_07,
    $id: `${SCHEMA_BASE_URL}appspec-lambda.schema.json`,
    title: 'CodeDeploy AppSpec file (AWS Lambda)',
    ...root,
    definitions,
  };
}

/** Every published schema: platform, file name and builder. */
export const appSpecSchemaSources = [
  { platform: 'server', fileName: 'appspec-server.schema.json', build: serverSchema },
  { platform: 'ecs', fileName: 'appspec-ecs.schema.json', build: ecsSchema },
  { platform: 'lambda', fileName: 'appspec-lambda.schema.json', build: lambdaSchema },
];
