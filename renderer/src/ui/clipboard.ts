// Puts text on the clipboard: the async Clipboard API, else (an older or stricter host refusing
// it) a hidden textarea and the copy command — placed inside an open modal dialog when there is
// one, since the page behind a modal is inert. Throws when neither worked.
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text)
    return
  } catch (error) {
    if (!copyWithCommand(text)) throw error
  }
}

function copyWithCommand(text: string): boolean {
  const host = document.querySelector('dialog[open]') ?? document.body
  const focused = document.activeElement
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  host.append(area)
  area.select()
  try {
    return document.execCommand('copy')
  } catch {
    return false
  } finally {
    area.remove()
    if (focused instanceof HTMLElement) focused.focus()
  }
}
