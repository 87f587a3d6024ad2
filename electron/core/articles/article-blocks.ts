// The block-level texts of an article (paragraphs, headings, list items, captions…) in document
// order, whitespace collapsed — the unit relay-post cleaning reasons about. A streaming
// htmlparser2 pass: text inside a block belongs to the innermost block; text outside any block
// (a bare <br>-separated body) becomes blocks at each <br>.
import { decodeHTML } from 'entities'
import { Parser } from 'htmlparser2'
import { BLOCK_TAGS } from '../../../shared/articles/block-tags'

const BLOCKS = new Set(BLOCK_TAGS)

export function articleBlocks(html: string): string[] {
  const blocks: string[] = []
  let depth = 0
  let current = ''
  let loose = ''
  const flushLoose = (): void => {
    const text = loose.replace(/\s+/g, ' ').trim()
    if (text) blocks.push(text)
    loose = ''
  }
  const parser = new Parser(
    {
      onopentag(name) {
        if (BLOCKS.has(name)) {
          if (depth === 0) {
            flushLoose()
            current = ''
          }
          depth++
        } else if (name === 'br' && depth === 0) flushLoose()
      },
      ontext(text) {
        if (depth > 0) current += text
        else loose += text
      },
      onclosetag(name) {
        if (!BLOCKS.has(name) || depth === 0) return
        depth--
        if (depth === 0) {
          const text = current.replace(/\s+/g, ' ').trim()
          if (text) blocks.push(text)
          current = ''
        } else current += ' '
      },
    },
    { decodeEntities: false },
  )
  parser.end(html)
  flushLoose()
  return blocks.map((block) => decodeHTML(block))
}
