/**
 * Example documents for the metadata (`badExample`/`goodExample`) of the `ecs/*` and
 * `lambda/*` rules, so that each rule shows a complete, otherwise valid AppSpec.
 *
 * @module
 */

/** Properties of a valid ECS resource, indented for {@link ecsDoc}. */
export const ECS_PROPS: string = `        TaskDefinition: "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3"
        LoadBalancerInfo:
          ContainerName: "web"
          ContainerPort: 80
`;

/** A valid NetworkConfiguration block, indented for {@link ecsDoc} (append it to {@link ECS_PROPS}). */
export const ECS_NETWORK: string = `        NetworkConfiguration:
          AwsvpcConfiguration:
            Subnets: ["subnet-1234abcd"]
            SecurityGroups: ["sg-12345678"]
            AssignPublicIp: "DISABLED"
`;

/** A complete ECS AppSpec with the given Properties block and trailing sections. */
export function ecsDoc(properties: string = ECS_PROPS, tail: string = ''): string {
  return `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
${properties}${tail}`;
}

/** Properties of a valid Lambda resource, indented for {@link lambdaDoc}. */
export const LAMBDA_PROPS: string = `        Name: "my-function"
        Alias: "live"
        CurrentVersion: "1"
        TargetVersion: "2"
`;

/** A complete Lambda AppSpec with the given Properties block and trailing sections. */
export function lambdaDoc(properties: string = LAMBDA_PROPS, tail: string = ''): string {
  return `version: 0.0
Resources:
  - myFunction:
      Type: AWS::Lambda::Function
      Properties:
${properties}${tail}`;
}
