// Expected failures travel as values with a code (never as thrown exceptions) so that they
// cross IPC and HTTP unchanged and the renderer can put them into words. Bugs still throw.

export interface ReaderError<C extends string = string> {
  code: C
  message: string
  /** Optional machine-readable detail, e.g. the HTTP status of a failed fetch. */
  status?: number
}

export type Result<T, C extends string = string> =
  { ok: true; value: T } | { ok: false; error: ReaderError<C> }

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value }
}

export function fail<C extends string>(
  code: C,
  message: string,
  status?: number,
): { ok: false; error: ReaderError<C> } {
  return { ok: false, error: status === undefined ? { code, message } : { code, message, status } }
}
