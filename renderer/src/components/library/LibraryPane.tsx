// Where the library-wide views replace the list and reader panes: the annotations list, the
// claims board or a claim's page. Each view's heading takes the focus when the view changes, so
// keyboard and screen-reader users land on what just opened.
import { useEffect, useRef } from 'react'
import { useAnnotationsView, type LibraryView } from '../../state/annotations-view-store'
import { AnnotationsView } from './AnnotationsView'
import { ClaimPage } from './ClaimPage'
import { ClaimsBoard } from './ClaimsBoard'

export function LibraryPane({ view }: { view: LibraryView }) {
  const heading = useRef<HTMLHeadingElement>(null)
  const show = useAnnotationsView((s) => s.show)
  const error = useAnnotationsView((s) => s.error)
  const viewKey = view.kind === 'claim' ? `claim:${view.claimId}` : view.kind
  // A claim's page has its real heading once the claim is loaded: the focus waits for it.
  const ready = useAnnotationsView(
    (s) => view.kind !== 'claim' || s.claim?.claim.annotation.id === view.claimId,
  )
  useEffect(() => {
    if (ready) heading.current?.focus()
  }, [viewKey, ready])
  return (
    <main className="library-pane" aria-label={LABELS[view.kind]}>
      {view.kind === 'claim' && (
        <nav className="library-back" aria-label="Back">
          <button
            type="button"
            className="link-button"
            onClick={() => void show({ kind: view.from })}
          >
            ← Back to {view.from === 'claims' ? 'Claims' : 'Annotations'}
          </button>
        </nav>
      )}
      {error && (
        <p role="alert" className="form-error library-error">
          {error}
        </p>
      )}
      {view.kind === 'annotations' && <AnnotationsView headingRef={heading} />}
      {view.kind === 'claims' && <ClaimsBoard headingRef={heading} />}
      {view.kind === 'claim' && <ClaimPage claimId={view.claimId} headingRef={heading} />}
    </main>
  )
}

const LABELS: Record<LibraryView['kind'], string> = {
  annotations: 'Annotations',
  claims: 'Claims',
  claim: 'Claim',
}
