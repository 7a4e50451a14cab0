import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { i18n } from './i18n';

/**
 * Re-renders a Lit component when the interface language changes, the way react-i18next
 * re-renders React: the component reads its strings through `i18n.t` in render().
 */
export class LocalizeController implements ReactiveController {
  private readonly onChange = () => this.host.requestUpdate();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    i18n.on('languageChanged', this.onChange);
  }

  hostDisconnected(): void {
    i18n.off('languageChanged', this.onChange);
  }
}
