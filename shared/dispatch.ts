// The server side of every transport: check the method name, validate the untrusted payload
// against the contract, call the core, and turn a thrown bug into an 'internal' error value.
import { z } from 'zod'
import { contract, isMethodName, type ReaderApi } from './contract'
import { fail, type Result } from './result'

type AnyMethod = (args: unknown) => Promise<Result<unknown>>

export async function dispatch(
  api: ReaderApi,
  name: string,
  rawArgs: unknown,
  onBug: (error: unknown, method: string) => void = () => {},
): Promise<Result<unknown>> {
  if (!isMethodName(name)) return fail('unknown-method', `No such method: ${name.slice(0, 80)}`)
  const parsed = contract[name].args.safeParse(rawArgs ?? {})
  if (!parsed.success) {
    return fail('invalid-args', `Invalid arguments for ${name}: ${z.prettifyError(parsed.error)}`)
  }
  try {
    return await (api[name] as AnyMethod)(parsed.data)
  } catch (error) {
    onBug(error, name)
    return fail('internal', `Internal error in ${name}; see the application log.`)
  }
}
