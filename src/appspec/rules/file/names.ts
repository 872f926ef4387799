/** Helpers shared by the `file/name-*` rules. */

/** The last '/'-separated segment of a file name. */
export function baseName(fileName: string): string {
  const parts = fileName.split(/[/\\]/);
  return parts[parts.length - 1] ?? '';
}

/** The names the EC2 agent finds. */
export const EC2_NAMES: readonly string[] = ['appspec.yml', 'appspec.yaml'];
