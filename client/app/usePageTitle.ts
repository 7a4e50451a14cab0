import { useEffect } from 'react';
import { i18n } from '../i18n/i18n';

/** Every page names itself in the tab (and in history), so a draft's title does not linger after leaving it. */
export function usePageTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? i18n.t('app.pageTitle', { title }) : i18n.t('app.brand');
  }, [title]);
}
