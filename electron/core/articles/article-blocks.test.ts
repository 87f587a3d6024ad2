import { describe, expect, it } from 'vitest'
import { articleBlocks } from './article-blocks'

describe('articleBlocks', () => {
  it('lists paragraphs, headings and list items in order, text collapsed and decoded', () => {
    expect(
      articleBlocks(
        '<h2>Title</h2><p>One &amp;\n <b>two</b></p><ul><li>a</li><li>b <p>nested</p></li></ul>',
      ),
    ).toEqual(['Title', 'One & two', 'a', 'b nested'])
  })

  it('splits loose text at line breaks', () => {
    expect(articleBlocks('Headline<br>Headline<br><br>Story text.')).toEqual([
      'Headline',
      'Headline',
      'Story text.',
    ])
  })

  it('keeps text glued to a link as one block', () => {
    expect(
      articleBlocks('<p>Meridian Press<a href="https://x.example/">Read More</a></p>'),
    ).toEqual(['Meridian PressRead More'])
  })
})
