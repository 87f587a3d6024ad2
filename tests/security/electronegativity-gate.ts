// The @doyensec/electronegativity gate. The tool exits 0 whatever it finds, so its findings are
// read from the report electronegativity-scan.cjs writes, parsed strictly, and the gate fails on
// every HIGH or MEDIUM finding the checked-in allowlist does not justify (by check id and file),
// and on every file the tool could not parse (it would not have been checked). LOW and
// INFORMATIONAL findings are advice. An allowlist entry that matches nothing fails too, so the
// list stays honest (and a scan that silently found less would show).
import { spawn } from 'node:child_process'
import { cp, mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'

export const ROOT = join(__dirname, '..', '..')
export const ALLOWLIST_FILE = join(__dirname, 'electronegativity-allowlist.json')
const SCANNER = join(__dirname, 'electronegativity-scan.cjs')

const GATING: ReadonlySet<string> = new Set(['MEDIUM', 'HIGH'])
/** What is scanned: everything that ships (tests are not shipped; their fixtures are hostile). */
const SCANNED = ['package.json', 'electron', 'shared', 'renderer/index.html', 'renderer/src']

const FindingSchema = z.strictObject({
  /** The check's id, e.g. NODE_INTEGRATION_JS_CHECK. */
  check: z.string().regex(/^[A-Z0-9_]+$/),
  severity: z.enum(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH']),
  confidence: z.enum(['TENTATIVE', 'FIRM', 'CERTAIN']),
  /** Relative to the scanned folder, which mirrors the repository: "electron/main/index.ts". */
  file: z.string(),
  location: z.string(),
  sample: z.string().nullable(),
  description: z.string(),
})
export type Finding = z.infer<typeof FindingSchema>

const ScanReportSchema = z.strictObject({
  findings: z.array(FindingSchema),
  parseErrors: z.array(
    z.strictObject({ file: z.string(), message: z.string(), tolerable: z.boolean() }),
  ),
})
export type ScanReport = z.infer<typeof ScanReportSchema>

export interface GateResult {
  /** HIGH/MEDIUM findings no allowlist entry justifies: each one fails the gate. */
  blocking: Finding[]
  /** Allowlist entries that matched no finding: each one fails the gate too. */
  stale: AllowlistEntry[]
  allowed: Finding[]
  /** Files the tool could not parse, so did not check: each one fails the gate. */
  unparsed: ScanReport['parseErrors']
}

/** Parses the scanner's report; throws on anything that is not one. */
export function parseScanReport(json: string): ScanReport {
  const parsed = ScanReportSchema.safeParse(JSON.parse(json))
  if (!parsed.success) throw new Error(`Not an electronegativity report: ${parsed.error.message}`)
  return parsed.data
}

const AllowlistSchema = z.array(
  z.strictObject({
    check: z.string().regex(/^[A-Z0-9_]+$/),
    file: z.string().min(1),
    /** Why the finding is safe here, in words a reviewer can check against the code. */
    justification: z.string().min(40),
  }),
)

export type AllowlistEntry = z.infer<typeof AllowlistSchema>[number]

export function parseAllowlist(json: unknown): AllowlistEntry[] {
  return AllowlistSchema.parse(json)
}

export function applyAllowlist(report: ScanReport, allowlist: AllowlistEntry[]): GateResult {
  const { findings } = report
  const matches = (entry: AllowlistEntry, finding: Finding): boolean =>
    entry.check === finding.check && entry.file === finding.file
  const gating = findings.filter((finding) => GATING.has(finding.severity))
  return {
    blocking: gating.filter((finding) => !allowlist.some((entry) => matches(entry, finding))),
    allowed: gating.filter((finding) => allowlist.some((entry) => matches(entry, finding))),
    stale: allowlist.filter((entry) => !gating.some((finding) => matches(entry, finding))),
    unparsed: report.parseErrors.filter((error) => !error.tolerable),
  }
}

/** Words for a failed gate, one line per finding or stale entry. */
export function describeGate(result: GateResult): string {
  return [
    ...result.blocking.map(
      (f) =>
        `${f.severity} ${f.check} at ${f.file}:${f.location} — ${f.description} ` +
        `(fix it, or justify it in tests/security/electronegativity-allowlist.json)`,
    ),
    ...result.stale.map(
      (e) => `Allowlist entry ${e.check} for ${e.file} matches no finding: remove it`,
    ),
    ...result.unparsed.map((e) => `Could not parse ${e.file}, so it was not checked: ${e.message}`),
  ].join('\n')
}

/** Copies the scanned parts of the repository into `stageDir`, leaving tests out. */
export async function stageSources(stageDir: string): Promise<void> {
  for (const path of SCANNED) {
    await mkdir(join(stageDir, path, '..'), { recursive: true })
    await cp(join(ROOT, path), join(stageDir, path), {
      recursive: true,
      filter: (source) => !/\.test\.tsx?$/.test(source),
    })
  }
}

/** The Electron version the app builds against (the scan must not guess it online). */
export async function electronVersion(): Promise<string> {
  const pkg = JSON.parse(
    await readFile(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ) as { version: string }
  return pkg.version
}

/** Runs electronegativity over `input` (in a child process), its report in `reportFile`. */
export async function scan(input: string, reportFile: string): Promise<ScanReport> {
  const args = [SCANNER, input, await electronVersion(), reportFile]
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`The scan exited with ${code}:\n${output}`)),
    )
  })
  return parseScanReport(await readFile(reportFile, 'utf8'))
}
