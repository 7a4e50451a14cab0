import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App';
import { applyLanguage, i18n } from './i18n/i18n';
import { initialLanguage } from './i18n/languagePreference';
import './styles/app.css';
import './styles/print.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
// The first paint is already in the right language (and direction): the catalog loads first.
void applyLanguage(initialLanguage())
  .catch(() => applyLanguage('en'))
  .finally(() =>
    createRoot(root).render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <App />
        </I18nextProvider>
      </StrictMode>,
    ),
  );
