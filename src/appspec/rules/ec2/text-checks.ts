/**
 * Pure text checks shared by the `ec2/*` rules: ACL entries, SELinux ranges, modes, paths and
 * Ruby's integer conversion, each following the CodeDeploy agent 1.8 (spec/appspec.md §3.1, §4.5–4.7).
 *
 * @module
 */

/** What is wrong with one `acls` entry, or null when the agent accepts it. */
export interface AclProblem {
  readonly ruleId: 'ec2/acl-entry' | 'ec2/acl-base-entry' | 'ec2/acl-perm-char';
  readonly message: string;
}

const ACL_TYPES: Readonly<Record<string, string>> = {
  u: 'user',
  user: 'user',
  g: 'group',
  group: 'group',
  m: 'mask',
  mask: 'mask',
  o: 'other',
  other: 'other',
};

/** Parsed form of an accepted `acls` entry. */
export interface AclEntry {
  readonly isDefault: boolean;
  readonly type: string;
  readonly name: string;
}

/**
 * Checks one `acls` entry as the agent parses it: `[d[efault]:][u|g|m|o[…]:]name:perms`, split on
 * `:` from the right. Returns the parsed entry or the problem.
 */
export function checkAclEntry(entry: string): AclEntry | AclProblem {
  const parts = entry.split(':').reverse();
  if (parts.length < 2 || parts.length > 4) {
    return {
      ruleId: 'ec2/acl-entry',
      message: `ACL entry "${entry}" has ${parts.length} ':'-separated part${parts.length === 1 ? '' : 's'}; the agent expects 2 to 4 ([d:][type:]name:perms).`,
    };
  }
  let isDefault = false;
  if (parts.length === 4) {
    if (parts[3] !== 'd' && parts[3] !== 'default') {
      return {
        ruleId: 'ec2/acl-entry',
        message: `ACL entry "${entry}" has four parts but does not start with "d:" or "default:".`,
      };
    }
    isDefault = true;
  }
  let type: string | null = null;
  if (parts.length >= 3) {
    const word = parts[2] as string;
    if (word === 'd' || word === 'default') {
      if (isDefault) {
        return { ruleId: 'ec2/acl-entry', message: `ACL entry "${entry}" says "default" twice.` };
      }
      isDefault = true;
    } else if (Object.hasOwn(ACL_TYPES, word)) {
      type = ACL_TYPES[word] as string;
    } else {
      return {
        ruleId: 'ec2/acl-entry',
        message: `ACL entry "${entry}" has the unknown type "${word}"; use u[ser], g[roup], m[ask] or o[ther].`,
      };
    }
  }
  let name = '';
  const namePart = parts[1] as string;
  if (namePart === 'm' || namePart === 'mask' || namePart === 'o' || namePart === 'other') {
    const word = namePart.startsWith('m') ? 'mask' : 'other';
    if (type === null) type = word;
    else name = word;
  } else {
    if (type === null) type = 'user';
    name = namePart;
  }
  if ((type === 'mask' || type === 'other') && name !== '') {
    return {
      ruleId: 'ec2/acl-entry',
      message: `ACL entry "${entry}": a ${type} entry cannot name a user or group.`,
    };
  }
  if (!isDefault && type !== 'mask' && name === '') {
    return {
      ruleId: 'ec2/acl-base-entry',
      message: `ACL entry "${entry}" sets the base ${type} permissions, which the agent refuses in acls; use mode for those.`,
    };
  }
  const perms = Array.from(parts[0] as string);
  const single = perms.length === 1 && (perms[0] as string) >= '0' && (perms[0] as string) <= '7';
  if (!single) {
    const bad = perms.find((c) => c !== 'r' && c !== 'w' && c !== 'x' && c !== '-');
    if (bad !== undefined) {
      return {
        ruleId: 'ec2/acl-perm-char',
        message: `ACL entry "${entry}" has the permission character "${bad}"; use one digit 0-7 or the letters r, w, x and -.`,
      };
    }
  }
  return { isDefault, type, name };
}

/** True when `x` is an {@link AclProblem}. */
export function isAclProblem(x: AclEntry | AclProblem): x is AclProblem {
  return 'ruleId' in x;
}

/** Compares two digit strings as numbers of any size. */
function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=.)/, '');
  const y = b.replace(/^0+(?=.)/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Splits `text` at the first `sep` into two non-empty parts, or returns it whole; null when a part is empty. */
function twoParts(text: string, sep: string): string[] | null {
  const at = text.indexOf(sep);
  const parts = at < 0 ? [text] : [text.slice(0, at), text.slice(at + 1)];
  return parts.some((p) => p === '') ? null : parts;
}

const DIGITS = /^[0-9]+$/;

/** The number after a one-letter prefix (`s12`, `c3`), or null when not of that form. */
function prefixedNumber(text: string, prefix: string): string | null {
  if (text.length < 2 || !text.startsWith(prefix)) return null;
  const digits = text.slice(1);
  return DIGITS.test(digits) ? digits : null;
}

/**
 * Checks an SELinux `context.range` as the agent does (`sN[-sN][:cN[.cN](,cN[.cN])*]`).
 * Returns a sentence describing the problem, or null when the agent accepts it.
 */
export function selinuxRangeProblem(range: string): string | null {
  const parts = twoParts(range, ':');
  if (!parts) return 'a part around ":" is empty';
  const sens = twoParts(parts[0] as string, '-');
  if (!sens) return 'a sensitivity around "-" is empty';
  const low = prefixedNumber(sens[0] as string, 's');
  if (low === null) return `"${sens[0]}" is not a sensitivity (s followed by digits)`;
  if (sens.length === 2) {
    const high = prefixedNumber(sens[1] as string, 's');
    if (high === null) return `"${sens[1]}" is not a sensitivity (s followed by digits)`;
    if (compareDigits(high, low) < 0) return `the high sensitivity s${high} is below the low one s${low}`;
  }
  if (parts.length === 1) return null;
  const items = (parts[1] as string).split(',');
  while (items.length > 0 && items[items.length - 1] === '') items.pop(); // Ruby's split drops trailing empties
  const seen = new Set<number>();
  for (const item of items) {
    let lo: number;
    let hi: number;
    if (item.includes('.')) {
      const ends = twoParts(item, '.');
      if (!ends) return `the category range "${item}" has an empty end`;
      const a = categoryNumber(ends[0] as string);
      const b = categoryNumber(ends[1] as string);
      if (typeof a === 'string') return a;
      if (typeof b === 'string') return b;
      if (b < a) return `the category range "${item}" is reversed`;
      lo = a;
      hi = b;
    } else {
      const a = categoryNumber(item);
      if (typeof a === 'string') return a;
      lo = a;
      hi = a;
    }
    for (let c = lo; c <= hi; c++) {
      if (seen.has(c)) return `category c${c} is listed twice`;
      seen.add(c);
    }
  }
  return null;
}

function categoryNumber(text: string): number | string {
  const digits = prefixedNumber(text, 'c');
  if (digits === null) return `"${text}" is not a category (c followed by digits)`;
  if (compareDigits(digits, '1023') > 0) return `category "${text}" is above c1023`;
  return Number(digits);
}

/** The mode text the agent checks: the value's text left-padded with zeros to 3 characters. */
export function padMode(text: string): string {
  return text.length < 3 ? '0'.repeat(3 - text.length) + text : text;
}

/** `rwxr-xr-x`-style text of a valid 3–4 digit octal mode, including setuid/setgid/sticky. */
export function permissionString(mode: string): string {
  const digits = Array.from(padMode(mode), (c) => Number(c));
  const special = digits.length > 3 ? (digits[0] as number) : 0;
  const [u, g, o] = digits.slice(-3) as [number, number, number];
  const triad = (d: number, specialBit: boolean, specialChar: string): string => {
    const x = (d & 1) !== 0;
    const xc = specialBit ? (x ? specialChar : specialChar.toUpperCase()) : x ? 'x' : '-';
    return ((d & 4) !== 0 ? 'r' : '-') + ((d & 2) !== 0 ? 'w' : '-') + xc;
  };
  return triad(u, (special & 4) !== 0, 's') + triad(g, (special & 2) !== 0, 's') + triad(o, (special & 1) !== 0, 't');
}

/**
 * Ruby's `String#to_i`: leading whitespace, an optional sign, then digits with single `_`
 * between them; anything else ends the number (0 when there is none).
 */
export function rubyStringToInt(text: string): number {
  let i = 0;
  while (i < text.length && /\s/.test(text[i] as string)) i++;
  let sign = 1;
  if (text[i] === '+' || text[i] === '-') {
    if (text[i] === '-') sign = -1;
    i++;
  }
  let digits = '';
  while (i < text.length) {
    const c = text[i] as string;
    if (c >= '0' && c <= '9') {
      digits += c;
      i++;
    } else if (c === '_' && digits !== '' && i + 1 < text.length && /[0-9]/.test(text[i + 1] as string)) {
      i++;
    } else break;
  }
  if (digits === '') return 0;
  return sign * Number(digits);
}

/** Linux distribution and OS family names that mean `linux`. */
const LINUX_NAMES: ReadonlySet<string> = new Set([
  'ubuntu',
  'debian',
  'centos',
  'rhel',
  'redhat',
  'red hat',
  'fedora',
  'suse',
  'sles',
  'opensuse',
  'amazon',
  'amzn',
  'amzn2',
  'al2',
  'al2023',
  'alpine',
  'oracle',
  'rocky',
  'almalinux',
  'unix',
  'gnu/linux',
]);

/** Suggestion for an invalid `os` value: `linux` for Linux names and case variants, `windows` for Windows variants. */
export function suggestOs(value: string): string[] {
  const lower = value.trim().toLowerCase();
  if (lower.includes('win')) return ['windows'];
  if (lower.includes('linux') || lower.includes('ubuntu') || LINUX_NAMES.has(lower)) return ['linux'];
  return [];
}

/** True for a path with a Windows drive letter (`C:\`, `C:/`, `C:`). */
export function hasDriveLetter(path: string): boolean {
  return /^[A-Za-z]:/.test(path);
}

/** True when `destination` is absolute for `os` (`null`: either form counts). */
export function isAbsoluteDestination(destination: string, os: 'linux' | 'windows' | null): boolean {
  const linux = destination.startsWith('/');
  const windows = /^[A-Za-z]:[\\/]/.test(destination) || destination.startsWith('\\\\');
  if (os === 'linux') return linux;
  if (os === 'windows') return windows;
  return linux || windows;
}

/**
 * Normalises a bundle-relative path (`location`, `source`): leading separators dropped, `.` and
 * empty segments removed, `..` resolved. Returns the segments, or null when the path leaves the
 * bundle. `\` separates too when `backslash` is true (Windows).
 */
export function bundleSegments(path: string, backslash: boolean): string[] | null {
  const raw = backslash ? path.split(/[\\/]/) : path.split('/');
  const out: string[] = [];
  for (const seg of raw) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(seg);
  }
  return out;
}

/** The last non-empty `/`-separated (and `\` when `backslash`) segment of a path, or ''. */
export function lastSegment(path: string, backslash = false): string {
  const segs = (backslash ? path.split(/[\\/]/) : path.split('/')).filter((s) => s !== '');
  return segs[segs.length - 1] ?? '';
}

/** True when a file name has an extension (`a.conf`; not `.bashrc`, not `a.`). */
export function hasExtension(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1;
}

/** Shell syntax or whitespace that turns a `location` into something other than a path, or null. */
export function locationShellProblem(location: string): string | null {
  if (/\s/.test(location)) return 'contains whitespace (arguments or a command)';
  if (location.startsWith('~')) return 'starts with "~", which no shell expands here';
  for (const token of ['&&', ';', '|', '`', '$']) {
    if (location.includes(token)) return `contains the shell syntax "${token}"`;
  }
  return null;
}
