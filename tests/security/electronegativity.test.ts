// The electronegativity gate of `npm test`: electronegativity over the shipped sources must report
// no HIGH or MEDIUM finding that tests/security/electronegativity-allowlist.json does not justify.
// The gate itself is tested: on sample reports, and on a deliberately insecure window that the
// real tool must flag and the gate must fail.
import { readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { removeTempDirs, tempDir } from '../helpers/temp-dir'
import {
  ALLOWLIST_FILE,
  applyAllowlist,
  describeGate,
  parseAllowlist,
  parseScanReport,
  scan,
  stageSources,
  type Finding,
  type ScanReport,
} from './electronegativity-gate'

const allowlist = parseAllowlist(JSON.parse(readFileSync(ALLOWLIST_FILE, 'utf8')))

const finding = (check: string, severity: Finding['severity'], file: string): Finding => ({
  check,
  severity,
  confidence: 'FIRM',
  file,
  location: '1:0',
  sample: null,
  description: `${check} found`,
})
const report = (findings: Finding[], parseErrors: ScanReport['parseErrors'] = []): ScanReport => ({
  findings,
  parseErrors,
})

const INSECURE_WINDOW = `const { BrowserWindow } = require('electron')
const win = new BrowserWindow({
  webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false },
})
win.loadURL('https://example.org/')
`

let appReport: ScanReport
let insecureReport: ScanReport

beforeAll(async () => {
  // Both real scans at once: each spends most of its ~12 s waiting for the translations it tries
  // to download (offline here).
  const appDir = await tempDir('electronegativity-app-')
  const fixtureDir = await tempDir('electronegativity-fixture-')
  await stageSources(join(appDir, 'src'))
  await mkdir(join(fixtureDir, 'src'))
  await writeFile(join(fixtureDir, 'src', 'insecure-window.js'), INSECURE_WINDOW)
  // Private class fields are beyond the tool's parser: a file it cannot read must fail the gate.
  await writeFile(join(fixtureDir, 'src', 'private-field.js'), 'class A {\n  #x = 1\n}\n')
  ;[appReport, insecureReport] = await Promise.all([
    scan(join(appDir, 'src'), join(appDir, 'report.json')),
    scan(join(fixtureDir, 'src'), join(fixtureDir, 'report.json')),
  ])
}, 120_000)

afterAll(removeTempDirs)

describe('the electronegativity gate', () => {
  it('fails on a HIGH or MEDIUM finding the allowlist does not justify, and says where', () => {
    const result = applyAllowlist(
      report([
        finding('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'electron/main/index.ts'),
        finding('SANDBOX_JS_CHECK', 'MEDIUM', 'electron/main/index.ts'),
        finding('PRELOAD_JS_CHECK', 'MEDIUM', 'electron/main/index.ts'),
      ]),
      [
        {
          check: 'PRELOAD_JS_CHECK',
          file: 'electron/main/index.ts',
          justification: 'x'.repeat(40),
        },
      ],
    )
    expect(result.blocking.map((f) => f.check)).toEqual([
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
    ])
    expect(result.allowed.map((f) => f.check)).toEqual(['PRELOAD_JS_CHECK'])
    expect(describeGate(result)).toContain(
      'HIGH CONTEXT_ISOLATION_JS_CHECK at electron/main/index.ts',
    )
  })

  it('holds a justification to its file: the same check elsewhere still fails', () => {
    const result = applyAllowlist(
      report([finding('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'electron/main/other.ts')]),
      allowlist,
    )
    expect(result.blocking).toHaveLength(1)
  })

  it('lets LOW and INFORMATIONAL findings through as advice', () => {
    const result = applyAllowlist(
      report([
        finding('CSP_GLOBAL_CHECK', 'LOW', 'renderer/index.html'),
        finding('ELECTRON_VERSION_JSON_CHECK', 'INFORMATIONAL', 'package.json'),
      ]),
      [],
    )
    expect(describeGate(result)).toBe('')
  })

  it('fails on an allowlist entry that matches no finding, and on a file it could not parse', () => {
    const entry = { check: 'AUXCLICK_JS_CHECK', file: 'gone.ts', justification: 'x'.repeat(40) }
    const result = applyAllowlist(
      report(
        [],
        [
          { file: 'a.js', message: 'Unknown node type', tolerable: false },
          { file: 'b.js', message: 'a warning', tolerable: true },
        ],
      ),
      [entry],
    )
    expect(result.stale).toEqual([entry])
    expect(result.unparsed.map((e) => e.file)).toEqual(['a.js'])
    expect(describeGate(result)).toMatch(/matches no finding[\s\S]*Could not parse a\.js/)
  })

  it('refuses a report or an allowlist it does not recognise', () => {
    expect(() => parseScanReport('{}')).toThrow()
    expect(() => parseScanReport('not json')).toThrow()
    const bad = { findings: [{ ...finding('X_CHECK', 'HIGH', 'a'), severity: 'SEVERE' }] }
    expect(() => parseScanReport(JSON.stringify({ ...bad, parseErrors: [] }))).toThrow()
    expect(() =>
      parseAllowlist([{ check: 'PRELOAD_JS_CHECK', file: 'a.ts', justification: 'fine' }]),
    ).toThrow()
  })

  it('checks in an allowlist where every entry names a check and a file and says why, once', () => {
    const keys = allowlist.map((e) => `${e.check} ${e.file}`)
    expect(new Set(keys).size).toBe(keys.length)
    for (const entry of allowlist) expect(entry.justification.length).toBeGreaterThanOrEqual(40)
  })
})

describe('electronegativity', () => {
  it('flags a deliberately insecure window, and the gate fails on it', () => {
    const result = applyAllowlist(insecureReport, allowlist)
    const blocking = result.blocking.map((f) => `${f.check} ${f.file}`)
    expect(blocking).toEqual(
      expect.arrayContaining([
        'CONTEXT_ISOLATION_JS_CHECK insecure-window.js',
        'SANDBOX_JS_CHECK insecure-window.js',
        'WEB_SECURITY_JS_CHECK insecure-window.js',
        // Whole-app checks: no will-navigate/new-window limits, no permission handler.
        'LIMIT_NAVIGATION_GLOBAL_CHECK N/A',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK N/A',
      ]),
    )
    expect(result.unparsed.map((e) => e.file)).toEqual(['private-field.js'])
    expect(describeGate(result)).not.toBe('')
  })

  it('finds nothing unjustified in the app: no unlisted HIGH/MEDIUM, no stale entry, every file read', () => {
    expect(appReport.findings.length).toBeGreaterThan(0)
    expect(describeGate(applyAllowlist(appReport, allowlist))).toBe('')
  })
})
