import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { applyAppearance, cachedSettings } from './appearance/appearance'
import './styles.css'

// Paint in the theme used last time; the core's settings follow a moment later.
applyAppearance(cachedSettings())

const root = document.getElementById('root')
if (!root) throw new Error('No #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
