import './fonts.css';
import './styles.css';
import './styles.cafe.css';
import './theme.css';
import './room.css';
import './board.css';
import { i18nReady } from './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initTheme } from './lib/theme';

// Before the first render, so the page never flashes light on a dark device.
initTheme();

// After the first language's strings have arrived (a chunk unless English), so nothing flashes in English.
void i18nReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
