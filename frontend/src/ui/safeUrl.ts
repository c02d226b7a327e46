/**
 * An address to play or link only when it is a web address (http or https), resolved against the page:
 * a provider's odd value (`javascript:`, `data:`) never becomes a link or a source.
 */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, window.location.origin);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
