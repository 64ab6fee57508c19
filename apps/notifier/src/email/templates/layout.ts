import { html, type SafeHtml } from './html';

/** What a template renders: the subject and both parts of the e-mail. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** The show an e-mail is about, as its `show.created.v1` describes it. */
export interface ShowSummary {
  name: string;
  venue: string;
  startsAt: string;
}

const SIGNATURE = 'The Tessera box office';

/** Every e-mail's frame: the greeting, the body, the signature; the same words in both parts. */
export const layout = (email: { subject: string; displayName: string; text: string[]; html: SafeHtml }): RenderedEmail => ({
  subject: email.subject,
  text: [`Hello ${email.displayName},`, '', ...email.text, '', `— ${SIGNATURE}`, ''].join('\n'),
  html: html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${email.subject}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a">
<p>Hello ${email.displayName},</p>
${email.html}
<p>— ${SIGNATURE}</p>
</body></html>
`.value,
});

export const showLine = (show: ShowSummary): string => `${show.name}, ${show.venue}`;
