import { mount, optionsFromScript } from './chatWidget';

/**
 * widget.js: one script tag on a broker's website,
 * `<script src="https://<dashboard-host>/widget.js" data-broker="demo" data-api="https://api.example" async></script>`.
 * No exports and no imports outside src/widget: the build keeps it a plain script (see isolation.test.ts).
 */
(() => {
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>('script[data-broker][src*="widget"]');
  const options = optionsFromScript(script);
  if (!options) {
    console.warn('Inmo widget: add data-broker="<slug>" to the script tag');
    return;
  }
  if (document.querySelector(`[data-inmo-webchat="${CSS.escape(options.broker)}"]`)) return; // loaded twice
  const start = () => mount(options);
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
})();
