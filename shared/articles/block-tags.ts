// The elements that make an article's blocks — the unit relay-post cleaning reasons about. The
// core (citations) and the renderer (the cleaned view) cut articles into blocks by this list.
export const BLOCK_TAGS = [
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'figcaption',
  'pre',
  'dt',
  'dd',
]
