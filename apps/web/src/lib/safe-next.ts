/** A `?next=` target only when it is a path of this app (not `//evil.example` or a URL). */
export const safeNext = (next: string | null): string => (next && /^\/(?![/\\])/.test(next) ? next : '/');
