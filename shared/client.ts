// Builds a full ReaderApi from one generic `invoke` function, so each transport (IPC in the
// preload, HTTP in the browser) writes only how a call travels, never the list of methods.
import { methodNames, type MethodName, type ReaderApi } from './contract'

export type Invoke = (method: MethodName, args: unknown) => Promise<unknown>

export function createClient(invoke: Invoke): ReaderApi {
  const client: Record<string, (args: unknown) => Promise<unknown>> = {}
  for (const name of methodNames) client[name] = (args: unknown) => invoke(name, args ?? {})
  return client as unknown as ReaderApi
}
