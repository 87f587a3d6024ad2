// Drop-in for an article's highlight card: "Link as evidence" picks a claim from anywhere in the
// library and links this highlight to it as supporting or disputing. Usage:
//   <LinkAsEvidence annotation={annotation} />
// It talks to the contract itself (linkEvidence) and reports the outcome in its own status line.
import { useMemo, useState } from 'react'
import type { Annotation } from '../../../../shared/domain'
import { reader } from '../../api/reader'
import { describeError } from '../../state/describe-error'
import { useAnnotationsView } from '../../state/annotations-view-store'
import { AnnotationPicker } from './AnnotationPicker'
import { claimTitle } from './parts'

export function LinkAsEvidence({ annotation }: { annotation: Annotation }) {
  const [picking, setPicking] = useState(false)
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null)
  const exclude = useMemo(() => new Set([annotation.id]), [annotation.id])
  return (
    <span className="link-as-evidence">
      <button type="button" className="link-button" onClick={() => setPicking(true)}>
        Link as evidence
      </button>
      <span aria-live="polite" className={outcome?.ok === false ? 'form-error' : 'muted'}>
        {outcome?.text ?? ''}
      </span>
      {picking && (
        <AnnotationPicker
          title="Link as evidence to a claim"
          kind="claim"
          exclude={exclude}
          onPick={async (entry, stance) => {
            const result = await reader.linkEvidence({
              claimId: entry.annotation.id,
              evidenceId: annotation.id,
              stance,
            })
            if (!result.ok) {
              setOutcome({ ok: false, text: describeError(result.error) })
              return false
            }
            setOutcome({
              ok: true,
              text: `Linked: ${stance} “${claimTitle(entry.annotation)}”.`,
            })
            void useAnnotationsView.getState().refresh()
            return true
          }}
          onClose={() => setPicking(false)}
        />
      )}
    </span>
  )
}
