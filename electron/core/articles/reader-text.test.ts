import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { readerText } from './reader-text'

describe('readerText', () => {
  it('is the textContent a browser computes for the same HTML', () => {
    const html =
      '<p>“We are ready,” the <a href="https://x.example/">envoy</a> said.</p>\n<p>A &amp; B <em>agree</em>.</p><figure><img src="a.png" alt="x"><figcaption>Photo: A.</figcaption></figure>'
    const browser = new JSDOM(`<div id="root">${html}</div>`).window.document.getElementById(
      'root',
    )!
    expect(readerText(html)).toBe(browser.textContent)
  })
})
