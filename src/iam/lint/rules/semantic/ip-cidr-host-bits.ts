import { parseIp } from '../../../policy/values.js';
import { conditionValues } from './shared/conditions.js';
import { familyOf } from './shared/policy.js';
import { ALL_TYPES, defineRule, type SemanticFinding, type SemanticRule } from './shared/rule.js';

/** The network of an IPv4 CIDR with host bits cleared, for the suggestion. */
function ipv4Network(bytes: Uint8Array, prefix: number): string {
  const parts: number[] = [];
  for (let i = 0; i < 4; i++) {
    const keep = Math.max(0, Math.min(8, prefix - i * 8));
    parts.push((bytes[i] as number) & ((0xff << (8 - keep)) & 0xff));
  }
  return `${parts.join('.')}/${prefix}`;
}

/** `ip-cidr-host-bits`: an IP range whose host bits are set. */
export const ipCidrHostBits: SemanticRule = defineRule(
  {
    id: 'ip-cidr-host-bits',
    defaultSeverity: 'info',
    category: 'suggestion',
    appliesTo: ALL_TYPES,
    description: 'An IpAddress/NotIpAddress value has host bits set beyond its prefix (for example 203.0.113.5/24).',
    rationale: 'Probably a typo; the whole network is used.',
    badExample:
      '{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.5/24"}}}',
    goodExample:
      '{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}',
  },
  ({ policy }) => {
    const out: SemanticFinding[] = [];
    for (const { e, v } of conditionValues(policy)) {
      if (familyOf(e) !== 'IpAddress') continue;
      const ip = parseIp(v.value);
      if (!ip?.hostBitsSet) continue;
      out.push({
        at: v,
        message: `'${v.value}' has host bits set; it means the whole /${ip.prefix} network.`,
        help: 'Write the network address, or /32 (/128) for a single host.',
        ...(ip.version === 4 ? { suggestions: [ipv4Network(ip.bytes, ip.prefix)] } : {}),
      });
    }
    return out;
  },
);
