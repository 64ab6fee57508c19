import { html } from './html';
import { layout, type RenderedEmail } from './layout';

export interface WelcomeEmail {
  displayName: string;
}

export const welcomeEmail = ({ displayName }: WelcomeEmail): RenderedEmail =>
  layout({
    subject: 'Welcome to Tessera',
    displayName,
    text: ['Your Tessera account is ready. Browse the shows on sale and hold your seats: they are yours once paid.'],
    html: html`<p>Your Tessera account is ready. Browse the shows on sale and hold your seats: they are yours once paid.</p>`,
  });
