"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "incidentStatusEmail", {
    enumerable: true,
    get: function() {
        return incidentStatusEmail;
    }
});
const _format = require("./format");
const _html = require("./html");
const _layout = require("./layout");
/** What each status means to the person who reported the incident. */ const MEANING = {
    new: {
        headline: 'is open again',
        detail: 'It is waiting for our team to pick it up.'
    },
    acknowledged: {
        headline: 'has been seen by our team',
        detail: 'Someone will start on it shortly.'
    },
    in_progress: {
        headline: 'is being worked on',
        detail: 'Our team is on it now.'
    },
    pending: {
        headline: 'is waiting on something',
        detail: 'Our team is waiting on a part, a person or more information before going on.'
    },
    resolved: {
        headline: 'is resolved',
        detail: 'If it is not fixed for you, tell a member of staff and we will reopen it.'
    },
    closed: {
        headline: 'is closed',
        detail: 'Thank you for telling us.'
    }
};
const incidentStatusEmail = (data)=>{
    const meaning = data.from === 'resolved' || data.from === 'closed' ? {
        headline: 'has been reopened',
        detail: 'Our team is working on it again.'
    } : MEANING[data.to];
    return (0, _layout.layout)({
        subject: `Your report "${data.title}" ${meaning.headline}`,
        displayName: data.displayName,
        text: [
            `Your report "${data.title}" ${meaning.headline}: its status went from ${data.from.replace('_', ' ')} to ${data.to.replace('_', ' ')} on ${(0, _format.formatTime)(data.at)}.`,
            meaning.detail,
            `Reference: ${data.incidentId}`
        ],
        html: (0, _html.html)`<p>Your report <strong>"${data.title}"</strong> ${meaning.headline}: its status went from ${data.from.replace('_', ' ')} to ${data.to.replace('_', ' ')} on ${(0, _format.formatTime)(data.at)}.</p>
<p>${meaning.detail}</p>
<p>Reference: ${data.incidentId}</p>`
    });
};

//# sourceMappingURL=incident-status.template.js.map