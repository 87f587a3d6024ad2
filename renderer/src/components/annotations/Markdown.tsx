// A tiny, safe Markdown renderer for highlight notes: paragraphs, bullet and numbered lists, code
// blocks, inline code, **strong**, *emphasis* and [links](https://…). It builds React elements
// (never an HTML string), so raw HTML in a note is shown as text; links are http(s) only.
import type { ReactNode } from 'react'

const INLINE = /(`[^`\n]+`)|(\*\*[^*\n]+\*\*)|(\*[^*\n]+\*|_[^_\n]+_)|(\[[^\]\n]+\]\([^)\s]+\))/

/** Inline Markdown to React nodes. */
export function renderInline(text: string, key = 'i'): ReactNode[] {
  const out: ReactNode[] = []
  let rest = text
  let n = 0
  while (rest) {
    const match = INLINE.exec(rest)
    if (!match) {
      out.push(rest)
      break
    }
    if (match.index > 0) out.push(rest.slice(0, match.index))
    const token = match[0]
    const k = `${key}-${n++}`
    if (match[1]) out.push(<code key={k}>{token.slice(1, -1)}</code>)
    else if (match[2]) out.push(<strong key={k}>{renderInline(token.slice(2, -2), k)}</strong>)
    else if (match[3]) out.push(<em key={k}>{renderInline(token.slice(1, -1), k)}</em>)
    else {
      const [, label = '', href = ''] = /^\[([^\]]+)\]\(([^)]+)\)$/.exec(token) ?? []
      out.push(
        isSafeUrl(href) ? (
          <a key={k} href={href} target="_blank" rel="noopener noreferrer">
            {renderInline(label, k)}
          </a>
        ) : (
          token
        ),
      )
    }
    rest = rest.slice(match.index + token.length)
  }
  return out
}

function isSafeUrl(href: string): boolean {
  try {
    const url = new URL(href)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

const BULLET = /^\s*[-*+]\s+/
const NUMBERED = /^\s*\d+[.)]\s+/

/** Block-level Markdown to React nodes. */
export function Markdown({ source, className }: { source: string; className?: string }) {
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  const blocks: ReactNode[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    const key = `b${blocks.length}`
    if (!line.trim()) {
      i++
    } else if (line.trim().startsWith('```')) {
      const code: string[] = []
      for (i++; i < lines.length && !lines[i]!.trim().startsWith('```'); i++) code.push(lines[i]!)
      i++
      blocks.push(
        <pre key={key}>
          <code>{code.join('\n')}</code>
        </pre>,
      )
    } else if (BULLET.test(line) || NUMBERED.test(line)) {
      const pattern = BULLET.test(line) ? BULLET : NUMBERED
      const items: string[] = []
      for (; i < lines.length && pattern.test(lines[i]!); i++)
        items.push(lines[i]!.replace(pattern, ''))
      const children = items.map((item, j) => <li key={j}>{renderInline(item, `${key}-${j}`)}</li>)
      blocks.push(
        pattern === BULLET ? <ul key={key}>{children}</ul> : <ol key={key}>{children}</ol>,
      )
    } else {
      const para: string[] = []
      for (
        ;
        i < lines.length &&
        lines[i]!.trim() &&
        !BULLET.test(lines[i]!) &&
        !NUMBERED.test(lines[i]!) &&
        !lines[i]!.trim().startsWith('```');
        i++
      )
        para.push(lines[i]!.trim())
      blocks.push(<p key={key}>{renderInline(para.join(' '), key)}</p>)
    }
  }
  return <div className={className}>{blocks}</div>
}
