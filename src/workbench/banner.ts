/**
 * @internal The style of the internal report's banner (the workbench adds it
 * to a report made for the unit's own reflection): fixed at the top, so it is
 * printed on every page. A constant, so the page's Content-Security-Policy
 * can allow it by its hash.
 */
export const BANNER_CSS = `.internal-banner{position:fixed;top:0;left:0;right:0;margin:0;padding:.3em 1em;background:#7a0019;color:#fff;font-weight:bold;text-align:center;z-index:10}body{padding-top:2.4em}@media print{.internal-banner{position:fixed}}`;
