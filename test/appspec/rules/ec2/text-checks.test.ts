import { describe, expect, it } from 'vitest';
import {
  bundleSegments,
  checkAclEntry,
  hasDriveLetter,
  hasExtension,
  isAbsoluteDestination,
  isAclProblem,
  lastSegment,
  locationShellProblem,
  padMode,
  permissionString,
  rubyStringToInt,
  selinuxRangeProblem,
  suggestOs,
} from '../../../../src/appspec/rules/ec2/text-checks.js';

const aclRule = (entry: string): string | null => {
  const r = checkAclEntry(entry);
  return isAclProblem(r) ? r.ruleId : null;
};

describe('checkAclEntry', () => {
  it('accepts named, default, mask and short entries', () => {
    for (const ok of [
      'u:bob:rwx',
      'user:bob:7',
      'g:dev:r-x',
      'd:g:dev:r-x',
      'default:u:bob:rw',
      'm::rw',
      'mask::r',
      'bob:rw',
      'm:rw',
      'd::rwx',
      'd:bob:r',
      'u:bob:',
      'd:o::r',
      'u:o:rwx',
      'g:m:r',
    ]) {
      expect(aclRule(ok), ok).toBeNull();
    }
  });

  it('parses the entry', () => {
    expect(checkAclEntry('d:g:dev:r-x')).toEqual({ isDefault: true, type: 'group', name: 'dev' });
    expect(checkAclEntry('bob:rw')).toEqual({ isDefault: false, type: 'user', name: 'bob' });
    expect(checkAclEntry('m:rw')).toEqual({ isDefault: false, type: 'mask', name: '' });
    expect(checkAclEntry('u:o:rwx')).toEqual({ isDefault: false, type: 'user', name: 'other' });
    expect(checkAclEntry('d:bob:r')).toEqual({ isDefault: true, type: 'user', name: 'bob' });
  });

  it('reports malformed entries as ec2/acl-entry', () => {
    for (const bad of [
      'rwx',
      'a:b:c:d:e',
      'x:u:bob:rwx',
      'd:d:bob:rwx',
      'z:bob:rwx',
      'm:bob:rw',
      'o:bob:r',
      'd:m:bob:r',
    ]) {
      expect(aclRule(bad), bad).toBe('ec2/acl-entry');
    }
    const one = checkAclEntry('rwx');
    expect(isAclProblem(one) && one.message).toContain('1 ');
  });

  it('reports base entries as ec2/acl-base-entry', () => {
    for (const bad of ['u::rwx', 'g::r', 'o::r', 'o:r', ':rw']) expect(aclRule(bad), bad).toBe('ec2/acl-base-entry');
  });

  it('reports bad permission characters as ec2/acl-perm-char', () => {
    for (const bad of ['u:bob:rwz', 'u:bob:8', 'u:bob:77', 'u:bob:RWX'])
      expect(aclRule(bad), bad).toBe('ec2/acl-perm-char');
    const r = checkAclEntry('u:bob:rwz');
    expect(isAclProblem(r) && r.message).toContain('"z"');
  });
});

describe('selinuxRangeProblem', () => {
  it('accepts valid ranges', () => {
    for (const ok of ['s0', 's0-s3', 's0:c0', 's0-s3:c0.c7,c13', 's1-s1', 's0:c0,', 's0:,', 's0:c1023', 's00-s1']) {
      expect(selinuxRangeProblem(ok), ok).toBeNull();
    }
  });

  it('rejects what the agent rejects', () => {
    const cases: [string, string][] = [
      ['s2-s1', 'below'],
      ['', 'empty'],
      [':c0', 'empty'],
      ['s0:', 'empty'],
      ['s0-', 'empty'],
      ['x0', 'not a sensitivity'],
      ['s', 'not a sensitivity'],
      ['sa', 'not a sensitivity'],
      ['s0-t1', 'not a sensitivity'],
      ['s0-s1-s2', 'not a sensitivity'],
      ['s0:c1024', 'above'],
      ['s0:c3.c1', 'reversed'],
      ['s0:c1,c1', 'twice'],
      ['s0:c0.c3,c2', 'twice'],
      ['s0:c0.', 'empty'],
      ['s0:x1', 'not a category'],
      ['s0:c1.x', 'not a category'],
      ['s0:c0,,c1', 'not a category'],
      ['s0:c0.c1.c2', 'not a category'],
      ['s99999999999999999999-s1', 'below'],
    ];
    for (const [range, word] of cases) expect(selinuxRangeProblem(range), range).toContain(word);
  });
});

describe('modes', () => {
  it('pads to three characters', () => {
    expect(padMode('0')).toBe('000');
    expect(padMode('44')).toBe('044');
    expect(padMode('644')).toBe('644');
    expect(padMode('4755')).toBe('4755');
  });

  it('renders permission strings with special bits', () => {
    expect(permissionString('644')).toBe('rw-r--r--');
    expect(permissionString('420')).toBe('r---w----');
    expect(permissionString('0')).toBe('---------');
    expect(permissionString('4755')).toBe('rwsr-xr-x');
    expect(permissionString('7666')).toBe('rwSrwSrwT');
    expect(permissionString('1777')).toBe('rwxrwxrwt');
  });
});

describe('rubyStringToInt', () => {
  it('follows String#to_i', () => {
    expect(rubyStringToInt('300')).toBe(300);
    expect(rubyStringToInt('300s')).toBe(300);
    expect(rubyStringToInt('5m')).toBe(5);
    expect(rubyStringToInt('  42')).toBe(42);
    expect(rubyStringToInt('-7')).toBe(-7);
    expect(rubyStringToInt('+7x')).toBe(7);
    expect(rubyStringToInt('1_000')).toBe(1000);
    expect(rubyStringToInt('1__0')).toBe(1);
    expect(rubyStringToInt('1_')).toBe(1);
    expect(rubyStringToInt('_1')).toBe(0);
    expect(rubyStringToInt('abc')).toBe(0);
    expect(rubyStringToInt('')).toBe(0);
    expect(rubyStringToInt('1.9')).toBe(1);
  });
});

describe('os and paths', () => {
  it('suggests an os', () => {
    expect(suggestOs('ubuntu')).toEqual(['linux']);
    expect(suggestOs('Linux')).toEqual(['linux']);
    expect(suggestOs('amazonlinux')).toEqual(['linux']);
    expect(suggestOs('AL2023')).toEqual(['linux']);
    expect(suggestOs('windows_server')).toEqual(['windows']);
    expect(suggestOs('Win2019')).toEqual(['windows']);
    expect(suggestOs('macos')).toEqual([]);
  });

  it('knows absolute destinations', () => {
    expect(isAbsoluteDestination('/var/www', 'linux')).toBe(true);
    expect(isAbsoluteDestination('var/www', 'linux')).toBe(false);
    expect(isAbsoluteDestination('C:\\app', 'linux')).toBe(false);
    expect(isAbsoluteDestination('C:\\app', 'windows')).toBe(true);
    expect(isAbsoluteDestination('c:/app', 'windows')).toBe(true);
    expect(isAbsoluteDestination('\\\\server\\share', 'windows')).toBe(true);
    expect(isAbsoluteDestination('app', 'windows')).toBe(false);
    expect(isAbsoluteDestination('/x', null)).toBe(true);
    expect(isAbsoluteDestination('D:\\x', null)).toBe(true);
    expect(isAbsoluteDestination('x', null)).toBe(false);
    expect(hasDriveLetter('C:\\x')).toBe(true);
    expect(hasDriveLetter('/x')).toBe(false);
  });

  it('normalises bundle paths', () => {
    expect(bundleSegments('scripts/./a.sh', false)).toEqual(['scripts', 'a.sh']);
    expect(bundleSegments('/a//b/../c', false)).toEqual(['a', 'c']);
    expect(bundleSegments('../x.sh', false)).toBeNull();
    expect(bundleSegments('a/../../x', false)).toBeNull();
    expect(bundleSegments('a\\..\\..\\x', true)).toBeNull();
    expect(bundleSegments('a\\..\\..\\x', false)).toEqual(['a\\..\\..\\x']);
    expect(bundleSegments('.', false)).toEqual([]);
  });

  it('finds last segments and extensions', () => {
    expect(lastSegment('/etc/app/app.conf')).toBe('app.conf');
    expect(lastSegment('build/')).toBe('build');
    expect(lastSegment('/')).toBe('');
    expect(lastSegment('C:\\a\\b.txt', true)).toBe('b.txt');
    expect(hasExtension('a.conf')).toBe(true);
    expect(hasExtension('.bashrc')).toBe(false);
    expect(hasExtension('a.')).toBe(false);
    expect(hasExtension('bin')).toBe(false);
  });

  it('finds shell syntax in locations', () => {
    expect(locationShellProblem('scripts/a.sh')).toBeNull();
    expect(locationShellProblem('scripts/a.sh --flag')).toContain('whitespace');
    expect(locationShellProblem('~/a.sh')).toContain('~');
    expect(locationShellProblem('a.sh&&b.sh')).toContain('&&');
    expect(locationShellProblem('a.sh;b')).toContain(';');
    expect(locationShellProblem('a|b')).toContain('|');
    expect(locationShellProblem('`a`')).toContain('`');
    expect(locationShellProblem('$HOME/a.sh')).toContain('$');
  });
});
