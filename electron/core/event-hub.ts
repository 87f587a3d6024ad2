// A tiny typed event emitter for the contract's events. Listener errors are isolated so that a
// broken subscriber (a closed HTTP stream, say) never breaks a sync.
import type { EventListener, EventName, EventPayload } from '../../shared/contract'

export class EventHub {
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>()

  on<E extends EventName>(event: E, listener: EventListener<E>): () => void {
    let set = this.listeners.get(event)
    if (!set) this.listeners.set(event, (set = new Set()))
    const wrapped = listener as (payload: unknown) => void
    set.add(wrapped)
    return () => set.delete(wrapped)
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(payload)
      } catch {
        // A subscriber's failure is its own problem.
      }
    }
  }
}
