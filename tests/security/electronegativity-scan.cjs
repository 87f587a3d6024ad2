// Runs @doyensec/electronegativity over one folder through its documented programmatic entry and
// writes what it found — every finding and every file it could not parse — as JSON to a file:
//   node electronegativity-scan.cjs <input dir> <electron version> <result.json>
// Not its CLI: the CLI exits 0 whatever it finds, and its CSV writer races (the header write can
// land over the first rows; seen here), while its SARIF output carries no severity.
'use strict'
const { writeFileSync } = require('node:fs')
const { relative, resolve } = require('node:path')
const run = require('@doyensec/electronegativity')

// Needs the network to list Electron releases; the offline gate leaves it out (see the gate).
const SKIPPED_CHECKS = ['AvailableSecurityFixesGlobalCheck']

async function main() {
  const [input, electronVersion, resultFile] = process.argv.slice(2)
  if (!input || !electronVersion || !resultFile) throw new Error('usage: <input> <version> <out>')
  const { issues, errors } = await run({
    input,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: SKIPPED_CHECKS.map((check) => check.toLowerCase()),
  })
  const findings = issues.map((issue) => ({
    check: issue.id,
    severity: issue.severity && issue.severity.name,
    confidence: issue.confidence && issue.confidence.name,
    file: issue.file,
    location: `${issue.location.line}:${issue.location.column}`,
    sample: issue.sample == null ? null : String(issue.sample),
    description: issue.description,
  }))
  const parseErrors = errors.map((error) => ({
    // The tool gives findings relative paths (isRelative) but parse errors absolute ones.
    file: relative(resolve(input), resolve(error.file)),
    message: error.message,
    tolerable: Boolean(error.tolerable),
  }))
  writeFileSync(resultFile, JSON.stringify({ findings, parseErrors }, null, 2))
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error))
  process.exit(1)
})
