/** The widget's stylesheet, inside its shadow root: the host page's CSS cannot reach it, nor it the page. */
export function styles(color: string): string {
  return `
:host { all: initial; }
* { box-sizing: border-box; }
.root { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1c2430; }
button { font: inherit; cursor: pointer; }
.launcher { width: 58px; height: 58px; border-radius: 50%; border: 0; background: ${color}; color: #fff; box-shadow: 0 6px 20px rgba(0,0,0,.25); display: grid; place-items: center; }
.launcher svg { width: 28px; height: 28px; }
.launcher:focus-visible, .icon:focus-visible, .send:focus-visible, textarea:focus-visible { outline: 3px solid rgba(47,110,168,.55); outline-offset: 2px; }
.panel { position: absolute; right: 0; bottom: 72px; width: min(370px, calc(100vw - 32px)); height: min(560px, calc(100vh - 110px)); background: #fff; border-radius: 14px; box-shadow: 0 12px 40px rgba(0,0,0,.25); display: flex; flex-direction: column; overflow: hidden; }
.panel[hidden] { display: none; }
.head { background: ${color}; color: #fff; padding: 12px 14px; display: flex; align-items: center; gap: 8px; }
.head h2 { font-size: 16px; margin: 0; font-weight: 600; }
.head p { font-size: 12px; margin: 2px 0 0; opacity: .9; }
.head .titles { flex: 1; min-width: 0; }
.icon { background: transparent; border: 0; color: inherit; font-size: 22px; line-height: 1; width: 36px; height: 36px; border-radius: 50%; }
.log { list-style: none; margin: 0; padding: 12px; flex: 1; overflow-y: auto; display: flex; flex-direction: column; gap: 8px; background: #f5f7fa; }
.msg { max-width: 85%; padding: 8px 11px; border-radius: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg.lead { align-self: flex-end; background: ${color}; color: #fff; border-bottom-right-radius: 4px; }
.msg.agent { align-self: flex-start; background: #fff; border: 1px solid #dde3ea; border-bottom-left-radius: 4px; }
.msg.pending { opacity: .7; }
.msg.note { align-self: center; background: transparent; color: #5b6675; font-size: 13px; text-align: center; }
.error { color: #b42318; font-size: 13px; margin: 0; padding: 4px 12px; }
.error:empty { display: none; }
form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #dde3ea; background: #fff; }
textarea { flex: 1; resize: none; font: inherit; border: 1px solid #dde3ea; border-radius: 10px; padding: 8px 10px; min-height: 42px; max-height: 120px; color: #1c2430; background: #fff; }
.send { border: 0; border-radius: 10px; padding: 0 14px; background: ${color}; color: #fff; min-height: 42px; }
.send:disabled { opacity: .6; cursor: default; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 480px) { .root { right: 12px; bottom: 12px; } .panel { position: fixed; inset: 0; width: 100vw; height: 100%; border-radius: 0; bottom: 0; } }
`;
}
