#!/usr/bin/env node
// `npm run security:electron`: runs Electronegativity over the app's sources and fails on any
// finding that .electronegativity-allow.json does not explain, on an allow-list entry that no
// longer matches anything, on a file the tool could not parse, and on inline `eng-disable`
// comments (suppressions live in the reviewed allow-list, with a reason, not in the code).
// Electronegativity's own CLI exits 0 even with HIGH findings, hence this gate.
//   node scripts/electronegativity.mjs [--root DIR] [--allow FILE] [--json (a one-line report, last)]
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    root: { type: 'string', default: repoRoot },
    allow: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const root = values.root;
const allowFile = values.allow ?? join(root, '.electronegativity-allow.json');

/** What ships in the app: the processes' sources and the manifest (for the Electron version). */
const scanned = ['main', 'preload', 'renderer', 'common', 'package.json'];
/** Checks left out, each with its reason (also printed, so the log says what was not checked). */
const excludedChecks = {
  AvailableSecurityFixesGlobalCheck:
    'downloads the Electron release list from GitHub with no timeout; CI has no internet. The ' +
    'pinned Electron version is still read by ElectronVersionJSONCheck.',
};

function stage() {
  const dir = mkdtempSync(join(tmpdir(), 'shotloom-electronegativity-'));
  for (const entry of scanned) {
    const from = join(root, entry);
    try {
      statSync(from);
    } catch {
      continue;
    }
    cpSync(from, join(dir, entry), {
      recursive: true,
      filter: (source) => !source.split(sep).includes('node_modules'),
    });
  }
  return dir;
}

function sourceFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(m?[jt]sx?|html)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

function loadAllowList() {
  const list = JSON.parse(readFileSync(allowFile, 'utf8'));
  if (!Array.isArray(list.findings)) throw new Error(`${allowFile}: "findings" must be a list.`);
  for (const entry of list.findings) {
    for (const key of ['check', 'file', 'reason']) {
      if (typeof entry[key] !== 'string' || entry[key].trim() === '') {
        throw new Error(`${allowFile}: every finding needs a non-empty "${key}": ${JSON.stringify(entry)}`);
      }
    }
  }
  return list.findings;
}

const matches = (entry, issue) =>
  entry.check === issue.id &&
  entry.file === issue.file &&
  (entry.sample === undefined || (issue.sample ?? '').includes(entry.sample));

async function main() {
  const allowList = loadAllowList();
  const dir = stage();
  try {
    const inlineDisables = sourceFiles(dir).filter((file) =>
      readFileSync(file, 'utf8').includes('eng-disable'),
    );

    const require = createRequire(import.meta.url);
    const electronegativity = require('@doyensec/electronegativity');
    const run = electronegativity.default ?? electronegativity;
    const result = await run({
      input: dir,
      isRelative: true,
      output: null,
      isSarif: false,
      severitySet: null,
      confidenceSet: null,
      customScan: null,
      excludeFromScan: Object.keys(excludedChecks),
      electronUpgrade: null,
      parserPlugins: [],
    });

    const issues = result.issues.map((issue) => ({
      id: issue.id,
      file: issue.file.split(sep).join('/'),
      line: issue.location?.line,
      severity: issue.severity?.name,
      confidence: issue.confidence?.name,
      manualReview: Boolean(issue.manualReview),
      sample: issue.sample,
    }));
    const unexplained = issues.filter((issue) => !allowList.some((entry) => matches(entry, issue)));
    const stale = allowList.filter((entry) => !issues.some((issue) => matches(entry, issue)));
    const parseErrors = result.errors.filter((error) => !error.tolerable);
    const report = {
      checks: { global: result.globalChecks, atomic: result.atomicChecks, excluded: excludedChecks },
      files: sourceFiles(dir).length,
      findings: issues.length,
      explained: issues.length - unexplained.length,
      unexplained,
      stale,
      parseErrors: parseErrors.map((error) => ({ file: relative(dir, error.file), message: error.message })),
      inlineDisables: inlineDisables.map((file) => relative(dir, file)),
    };
    const failed = unexplained.length + stale.length + parseErrors.length + inlineDisables.length > 0;

    // One line, printed last: Electronegativity itself logs notices to stdout before it.
    if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else {
      const out = (line) => process.stdout.write(`${line}\n`);
      out(
        `electronegativity: ${report.files} files, ${result.globalChecks} global + ${result.atomicChecks} atomic checks`,
      );
      for (const [check, reason] of Object.entries(excludedChecks)) out(`  not run: ${check} (${reason})`);
      out(`  ${issues.length} findings, ${report.explained} explained in ${relative(root, allowFile)}`);
      for (const issue of unexplained) {
        out(`  UNEXPLAINED ${issue.id} ${issue.severity}/${issue.confidence} ${issue.file}:${issue.line}`);
        if (issue.sample) out(`      ${issue.sample.trim().split('\n')[0]}`);
      }
      for (const entry of stale)
        out(`  STALE allow-list entry (matches nothing): ${entry.check} ${entry.file}`);
      for (const error of report.parseErrors) out(`  NOT PARSED ${error.file}: ${error.message}`);
      for (const file of report.inlineDisables) out(`  INLINE eng-disable in ${file}: use the allow-list`);
      out(failed ? 'electronegativity: FAILED' : 'electronegativity: ok, no unexplained findings');
    }
    return failed ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`electronegativity: could not run: ${error.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
