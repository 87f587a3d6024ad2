// Starts the built browser shell (out/main/web.js) as a child process on a fresh data dir and
// returns the one-time URL it prints — exactly what a user gets from `npm run serve`.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

export interface RunningShell {
  url: string
  origin: string
  process: ChildProcess
  output: () => string
  stop(): Promise<void>
}

export const REPO_ROOT = join(__dirname, '..', '..')

export async function startBrowserShell(
  dataDir: string,
  extraArgs: string[] = [],
): Promise<RunningShell> {
  const child = spawn(
    process.execPath,
    [join(REPO_ROOT, 'out', 'main', 'web.js'), '--data', dataDir, ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The browser shell did not start:\n${output}`)),
      15_000,
    )
    const check = (): void => {
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout.on('data', check)
    child.on('exit', (code) =>
      reject(new Error(`The browser shell exited with ${code}:\n${output}`)),
    )
  })
  return {
    url,
    origin: new URL(url).origin,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

/** When a test failed, attach what the browser shell logged (bugs come with their stacks). */
export async function reportShellOnFailure(
  shell: RunningShell | undefined,
  testInfo: {
    status?: string
    expectedStatus: string
    attach: (name: string, options: { body: string; contentType: string }) => Promise<void>
  },
): Promise<void> {
  if (!shell || testInfo.status === testInfo.expectedStatus) return
  await testInfo.attach('browser-shell.log', { body: shell.output(), contentType: 'text/plain' })
  const bugs = shell
    .output()
    .split('\n')
    .filter((line) => /Bug in|Error|^\s+at /.test(line))
  if (bugs.length) console.log(`Browser shell log:\n${bugs.slice(0, 40).join('\n')}`)
}
