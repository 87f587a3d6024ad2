// An article's earlier versions: pick one to see, word by word, what changed between it and the
// version shown. Every content the feed ever sent is kept, so a quietly edited story shows it.
import { useEffect, useState } from 'react'
import type { Article, WordDiff } from '../../../shared/domain'
import { reader } from '../api/reader'
import { formatDate } from './format-date'

export function VersionsPanel({ article }: { article: Article }) {
  const current = article.versions.length - 1
  const [from, setFrom] = useState(Math.max(0, current - 1))
  const [diff, setDiff] = useState<WordDiff | null>(null)

  useEffect(() => {
    let live = true
    void reader.diffArticleVersions({ itemId: article.id, from, to: current }).then((result) => {
      if (live && result.ok) setDiff(result.value)
    })
    return () => {
      live = false
    }
  }, [article.id, from, current])

  return (
    <section className="versions" aria-label="Versions">
      <label className="field">
        Compare the current version with
        <select value={from} onChange={(e) => setFrom(Number(e.target.value))}>
          {article.versions
            .filter((version) => !version.current)
            .map((version) => (
              <option key={version.index} value={version.index}>
                Version {version.index + 1} — fetched {formatDate(version.fetchedAt)}
              </option>
            ))}
        </select>
      </label>
      <p className="diff" data-testid="version-diff">
        {diff?.map((part, index) =>
          part.kind === 'added' ? (
            <ins key={index}>{part.text}</ins>
          ) : part.kind === 'removed' ? (
            <del key={index}>{part.text}</del>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </p>
    </section>
  )
}
