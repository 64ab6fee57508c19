import type { IncidentStatus } from '@tessera/contracts';
import { formatTime } from './format';
import { html } from './html';
import { layout, type RenderedEmail } from './layout';

export interface IncidentStatusEmail {
  displayName: string;
  /** The title the reporter gave it. */
  title: string;
  incidentId: string;
  from: IncidentStatus;
  to: IncidentStatus;
  /** When it moved, ISO 8601 UTC. */
  at: string;
}

/** What each status means to the person who reported the incident. */
const MEANING: Record<IncidentStatus, { headline: string; detail: string }> = {
  new: { headline: 'is open again', detail: 'It is waiting for our team to pick it up.' },
  acknowledged: { headline: 'has been seen by our team', detail: 'Someone will start on it shortly.' },
  in_progress: { headline: 'is being worked on', detail: 'Our team is on it now.' },
  pending: { headline: 'is waiting on something', detail: 'Our team is waiting on a part, a person or more information before going on.' },
  resolved: { headline: 'is resolved', detail: 'If it is not fixed for you, tell a member of staff and we will reopen it.' },
  closed: { headline: 'is closed', detail: 'Thank you for telling us.' },
};

/** To the reporter of an incident whose status moved (API.md, Live feeds: "incident status changed"). */
export const incidentStatusEmail = (data: IncidentStatusEmail): RenderedEmail => {
  const meaning = data.from === 'resolved' || data.from === 'closed' ? { headline: 'has been reopened', detail: 'Our team is working on it again.' } : MEANING[data.to];
  return layout({
    subject: `Your report "${data.title}" ${meaning.headline}`,
    displayName: data.displayName,
    text: [
      `Your report "${data.title}" ${meaning.headline}: its status went from ${data.from.replace('_', ' ')} to ${data.to.replace('_', ' ')} on ${formatTime(data.at)}.`,
      meaning.detail,
      `Reference: ${data.incidentId}`,
    ],
    html: html`<p>Your report <strong>"${data.title}"</strong> ${meaning.headline}: its status went from ${data.from.replace('_', ' ')} to ${data.to.replace('_', ' ')} on ${formatTime(data.at)}.</p>
<p>${meaning.detail}</p>
<p>Reference: ${data.incidentId}</p>`,
  });
};
