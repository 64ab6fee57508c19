/**
 * HTML built with a tagged template that escapes every interpolated value, so a display name or a
 * show name never becomes markup. Only what `html` itself produced (a SafeHtml) goes in as it is.
 */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => ESCAPES[character]);

type Interpolated = SafeHtml | string | number | readonly (SafeHtml | string | number)[];

const render = (value: Interpolated): string => {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((item: SafeHtml | string | number) => render(item)).join('');
  return escapeHtml(String(value));
};

export const html = (strings: TemplateStringsArray, ...values: Interpolated[]): SafeHtml =>
  new SafeHtml(strings.reduce((out, part, i) => out + part + (i < values.length ? render(values[i]) : ''), ''));
