// The chips' stylesheet, shared by every chip's shadow root (one parsed sheet, not 300).
export const BOARD_CSS = `
:host{all:initial!important;display:block!important;margin:4px 0 2px!important;font:12px/1.3 "PT Sans",Arial,sans-serif!important}
:host(.in){display:inline-block!important;margin:0 0 0 8px!important;vertical-align:middle!important}
.chip{position:relative;display:inline-flex;align-items:center;gap:4px;max-width:100%;padding:1px 7px;border-radius:10px;border:1px solid;
  font-weight:bold;white-space:nowrap;cursor:default;outline:none}
.chip:focus-visible{box-shadow:0 0 0 2px #1375ab}
.calm{background:#e6f6ec;border-color:#8fd1a6;color:#17633a}
.warn{background:#fff4d6;border-color:#f1c453;color:#7a5200}
.breach{background:#fde8e8;border-color:#ef9a9a;color:#a11919}
.paused{background:#eef1f4;border-color:#c3cad2;color:#46505a}
.n{min-width:16px;padding:0 4px;border-radius:8px;background:#a11919;color:#fff;font-size:11px;text-align:center}
.tip{display:none;position:absolute;left:0;top:calc(100% + 4px);z-index:100;min-width:180px;max-width:260px;padding:6px 8px;border-radius:4px;
  background:#2e3640;color:#fff;font-weight:normal;white-space:normal;box-shadow:0 2px 6px rgba(0,0,0,.25)}
.chip:hover .tip,.chip:focus .tip{display:block}
.sum{display:inline-block;margin-top:3px;padding:0 6px;border-radius:8px;background:#fde8e8;border:1px solid #ef9a9a;color:#a11919;font-weight:bold}
.notice{position:fixed;left:80px;bottom:12px;z-index:2147483000;padding:6px 10px;border-radius:4px;background:#2e3640;color:#fff;opacity:.92}
`;
